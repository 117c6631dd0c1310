"""A confirmed preview → the graph, in one transaction (`apply_plan`), and the summary of what
it wrote.
"""

from __future__ import annotations

from typing import Any

from graphmap import access, audit, dates
from graphmap.errors import ValidationError
from graphmap.ingest import twins
from graphmap.ingest.plan.preview import (
    NOTHING_RECOGNISED,
    Dropped,
    PlanPreview,
    dropped,
    zone_name,
)
from graphmap.ingest.plan.rows import plan_rows
from graphmap.ingest.zones import ZoneSpec, write_zone
from graphmap.plural import counted
from graphmap.store import Store, Transaction

# The order matters: each query matches nodes the earlier ones wrote (the zone itself, its
# municipalities, clusters and expectations are written by graphmap.ingest.zones first).
STEPS = (
    ("import_plan_organisations", "organisations"),
    ("import_plan_goals", "goals"),
    ("import_plan_actions", "actions"),
    ("import_plan_leads", "leads"),
    ("import_plan_partners", "partners"),
)


_STEP_WORDS = {
    "organisations": "organisaties",
    "goals": "doelstellingen",
    "actions": "acties",
    "leads": "trekkers",
    "partners": "partners",
}


def check_writable(preview: PlanPreview) -> None:
    """Refuse a preview without any goal or action: it is not read as a plan (a wrong
    file, or headings the parser does not know), and would only add the zone and names."""
    if not preview.strategic_goals and not preview.operational_goals and not preview.actions:
        raise ValidationError(f"{preview.document}: {NOTHING_RECOGNISED}; niets geschreven")


def _seat(tx: Transaction, rows: list[dict]) -> list[dict]:
    """Seat the plan's local governments that have no seat yet (see import_plan_seats)."""
    return tx.run_rows("import_plan_seats", rows) if rows else []


def _unlink_stale(tx: Transaction, items: list[Dropped], document: str) -> int:
    """Remove the links a new version of the plan no longer states (see `dropped`)."""
    if not items:
        return 0
    rows = [
        {
            "organisation": d.organisation,
            "action": d.action,
            "type": "LEADS" if d.kind == "lead" else "PARTNER_IN",
        }
        for d in items
    ]
    removed = sum(part["removed"] for part in tx.run_rows("import_plan_unlink", rows))
    if removed != len(rows):
        raise ValidationError(
            f"{document}: {len(rows) - removed} van {len(rows)} koppelingen die dit plan niet "
            "meer noemt zijn intussen gewijzigd; niets geschreven, probeer opnieuw"
        )
    return removed


def apply_plan(
    store: Store, preview: PlanPreview, zone: str, *, actor: str | None = None
) -> dict[str, int]:
    """Write a confirmed preview in one transaction; returns the rows written per step.

    A zone that is not in the graph yet is created whole first: its name as the plan gives
    it, the municipalities of the preview, its four clusters with the reference
    expectations, and the plan's targets; for a zone that exists, what is missing of that
    is completed and the targets are added. Every query returns how many rows found what
    they refer to; a shortfall (an organisation deleted since the preview was made, say)
    raises and nothing is written. A local government the plan names ("Gemeente Zulte",
    "OCMW Melle") is seated in the municipality its name says, when it is new and when the
    register has it without a seat (`seats`; a seat the graph holds stays): only a seated
    organisation represents its municipality in cluster lokale besturen. The audit entries
    (the import with its counts, the zone when it is new, each organisation the plan adds,
    each seat it gives an organisation of the register, each link it removes) are written
    in that transaction, by `actor` (default: the user running graphmap).

    A new version of a zone's plan brings the links of its actions in line with its text: a
    lead or partner that an earlier plan import linked to one of this plan's actions, and
    that this text no longer names, is unlinked (`unlinked`); links made in the register or
    by the seed stay, and so do goals and actions the text no longer has (the preview lists
    them all, in `dropped`). A preview without any goal or action is refused.
    """
    if preview.zone != zone:
        raise ValidationError(f"de preview is voor zone {preview.zone!r}, niet voor {zone!r}")
    check_writable(preview)
    rows = plan_rows(preview, zone)
    spec = ZoneSpec(
        id=zone,
        name=zone_name(preview, zone),
        source=rows["zone"][0]["source"],
        municipalities=rows["municipalities"],
        targets=rows["targets"],
        plan_title=preview.title,
        plan_document=preview.document,
    )

    proposed = [m for m in preview.organisation_matches if m.match == "new"]

    def work(tx: Transaction) -> dict[str, int]:
        # What exists before: the audit records only what this apply creates.
        new_zone = zone not in {row["id"] for row in tx.run("zones")}
        known = audit.organisation_states(tx, [m.id for m in proposed])
        created = [m for m in proposed if m.id not in known]
        new = [{"id": m.id, "name": m.name, "nis": None} for m in created]
        twins.refuse_made_meanwhile(tx, new, (), preview.document, preview._revision)
        stale = [] if new_zone else dropped(rows, tx.run("import_plan_current", zone=zone))
        unlink = [d for d in stale if d.unlink]
        tx.run_rows("import_plan_sources", rows["sources"])
        written: dict[str, int] = {"sources": len(rows["sources"])}
        written |= write_zone(tx, spec)
        for query, key in STEPS:
            batch = rows[key]
            if not batch:
                written[key] = 0
                continue
            count = sum(part["written"] for part in tx.run_rows(query, batch))
            if count != len(batch):
                raise ValidationError(
                    f"{preview.document}: {len(batch) - count} van {len(batch)} "
                    f"{_STEP_WORDS[key]} verwijzen naar iets dat niet (meer) in de graaf "
                    "staat; niets geschreven"
                )
            written[key] = count
        seated = {r["organisation"]: r["municipality"] for r in _seat(tx, rows["seats"])}
        written["seats"] = len(seated)
        written["unlinked"] = _unlink_stale(tx, unlink, preview.document)
        by = actor or access.cli_user()
        at = dates.now()
        entries = [
            audit.entry(
                by=by,
                at=at,
                action="plan.import",
                entity="Zone",
                key=zone,
                zones=[zone],
                after={"plan": preview.document, **written},
            )
        ]
        if new_zone:
            entries.append(
                audit.entry(
                    by=by,
                    at=at,
                    action="zone.create",
                    entity="Zone",
                    key=zone,
                    zones=[zone],
                    after={"naam": spec.name, "gemeenten": written.get("municipalities", 0)},
                )
            )
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="organisation.create",
                entity="Organisation",
                key=m.id,
                zones=[zone],
                after={"naam": m.name, "bron": preview.document}
                | ({"gemeente": seated[m.id]} if m.id in seated else {}),
            )
            for m in created
        ]
        # An organisation of the register that had no seat: its name gave it one.
        fresh = {m.id for m in created}
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="organisation.update",
                entity="Organisation",
                key=organisation,
                zones=[zone],
                before={"gemeente": None},
                after={"gemeente": municipality, "bron": preview.document},
            )
            for organisation, municipality in seated.items()
            if organisation not in fresh
        ]
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="action.unlink",
                entity="Action",
                key=d.action,
                zones=[zone],
                before={"organisatie": d.organisation, "rol": d.kind},
                after={"bron": preview.document},
            )
            for d in unlink
        ]
        audit.record_all(tx, entries)
        return written

    return store.transaction(work)


# What `apply_plan` wrote, as the CLI says it: in the order of a plan, a zone's first.
_WRITTEN = {
    "municipalities": ("gemeente", "gemeenten"),
    "clusters": ("cluster", "clusters"),
    "expectations": ("verwachting", "verwachtingen"),
    "targets": ("doel van de zone", "doelen van de zone"),
    "organisations": ("organisatie", "organisaties"),
    "goals": ("doelstelling", "doelstellingen"),
    "actions": ("actie", "acties"),
    "leads": ("trekker", "trekkers"),
    "partners": ("partner", "partners"),
    "seats": ("zetel", "zetels"),
    "sources": ("bron", "bronnen"),
    "unlinked": ("oude koppeling verwijderd", "oude koppelingen verwijderd"),
}


def summary(written: dict[str, Any]) -> str:
    """ "12 doelstellingen, 1 actie, …": each count with its Dutch word."""
    said = [counted(written[key], *words) for key, words in _WRITTEN.items() if key in written]
    return ", ".join(said + [f"{k}: {n}" for k, n in written.items() if k not in _WRITTEN])
