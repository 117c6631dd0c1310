"""`apply_import`: a checked list's writes, its engagement changes and its audit entries in
one transaction, or nothing when the graph changed under a row since its check."""

from __future__ import annotations

from graphmap import audit, dates, engagement
from graphmap.access import User
from graphmap.errors import DuplicateKeyError, GraphChangedError
from graphmap.ingest import people, twins
from graphmap.ingest.columns import CONTACTS, ORGANISATIONS
from graphmap.ingest.spreadsheet.report import (
    NEW,
    UPDATED,
    ImportReport,
    OutdatedPreviewError,
    outdated_rows,
)
from graphmap.store import Store, Transaction

# New organisations sharing category, seat and cluster are written together from this many
# on: those nodes are then looked up once (a query per group costs a round trip).
GROUP_MIN = 50


def _matched(tx: Transaction, persons: list[dict], user: User | None) -> list[dict]:
    """The person rows with the ids of persons that someone added since the dry run (of
    those `user` may see, as the dry run's).

    Locks the organisations first: two imports of one person meet here (see `people`).
    """
    if not persons:
        return persons
    known = people.lock_and_match(
        tx, [p["organisation"] for p in persons], [p["email"] or "" for p in persons], user
    )
    if known is None:
        return persons  # an organisation is gone: import_persons reports it
    matched = []
    for p in persons:
        found = known.get(people.key(p["name"], p["organisation"], p["email"]), p["id"])
        if isinstance(found, people.Shared):  # the record at its organisation, as checked
            found = found.at(p["organisation"]) or p["id"]
        matched.append({**p, "id": found})
    return matched


def _audit(
    tx: Transaction,
    report: ImportReport,
    actor: str,
    at: str,
    before: dict[str, dict],
    persons: list[dict],
    changes: list[dict],
    seats: dict[str, str],
) -> list[dict]:
    """The import's audit entries: one for the import with its counts, one per organisation
    and contact person it added or changed (a person by key only), one per engagement change
    it made (pointing at the change). A new organisation's row is one act: its entry also
    points at the change of the membership it was written with (see graphmap/audit.py).

    Their zones are the import's zone and, for an organisation or contact person, the zones
    its organisation belongs to: a regional body's register and contacts are kept by every
    zone that works with it, and each sees in its Logboek what another zone's list changed
    of them. An engagement change is of its cluster's zone, and of the organisation's other
    zones too when it starts the zone working with it (`engagement.takes_up`). A contact list
    has no zone of its own (whatever zone the caller named): its entries are of the zones of
    the contacts' organisations."""
    from graphmap.access import organisation_zones

    zones = [report.zone] if report.zone else []
    changed = sorted(
        {r.organisation for r in report.rows if r.organisation and r.outcome in (NEW, UPDATED)}
        if report.kind == ORGANISATIONS
        else set()
    )
    # A new organisation belongs to the import's zone alone: only known ones are looked up
    # (a list of 5,000 new partners is not 5,000 lookups more).
    new = {row["id"] for row in report.writes.new_organisations}
    about = [c.get("organisation") or c["id"] for c in changes]
    known = {*changed, *(p["organisation"] for p in persons), *about}
    owners = organisation_zones(tx, sorted(known - new))
    if report.kind == CONTACTS:
        zones = sorted(set().union(*owners.values()))

    def of(organisation: str, zone: str | None = None) -> list[str]:
        own = [zone] if zone else zones
        return sorted(set(own) | owners.get(organisation, frozenset()))

    common = {"by": actor, "at": at, "zones": zones}
    rows = [
        audit.entry(
            **common,
            action="import",
            entity="import",
            key=report.file,
            after={"soort": report.kind, **report.counts},
        )
    ]
    # A new organisation is as the import wrote it; only the others are read back.
    after = {
        row["id"]: {
            "id": row["id"],
            "name": row["name"],
            "kbo": row["kbo"],
            "website": row["website"],
            "email": row["email"],
            "phone": row["phone"],
            "category": row["category"],
            "municipality": seats.get(row["nis"]),
        }
        for row in report.writes.new_organisations
    }
    after |= audit.organisation_states(tx, [o for o in changed if o not in after])
    added = {}  # a new organisation's entry, by id
    for organisation in changed:
        was = {k: v for k, v in before.get(organisation, {}).items() if k != "id"} or None
        now = {k: v for k, v in after.get(organisation, {}).items() if k != "id"} or None
        if was != now:
            rows.append(
                audit.entry(
                    **{**common, "zones": of(organisation)},
                    action="import.row",
                    entity="Organisation",
                    key=organisation,
                    before=was,
                    after=now,
                )
            )
            if organisation in new:
                added[organisation] = rows[-1]
    for person in persons:
        rows.append(
            audit.entry(
                **{**common, "zones": of(person["organisation"])},
                action="import.row",
                entity="Person",
                # A key made from an e-mail address or name (before keys were random) is
                # personal data: the entry does without it, as an erasure's does.
                key=person["id"] if people.generated(person["id"]) else None,
                after={"organisatie": person["organisation"]},
            )
        )
    members = report.graph.members if report.graph is not None else {}
    for row, organisation in zip(changes, about, strict=True):
        own = row["cluster"].split("/")[0]
        # Filed with the other zones too when it starts the zone working with it (see
        # engagement.takes_up); the membership's status as the check read it.
        was = members.get((organisation, row["cluster"]))
        zones_of = of(organisation, own) if engagement.takes_up(was, row["status"]) else [own]
        # The membership a new organisation was written with (a later row's is its own act).
        made = added.pop(organisation, None) if "organisation" not in row else None
        if made is not None and made["zones"] == sorted(set(zones_of)):
            made["change"] = row["change"]  # filed in the same logs: one entry
            continue
        rows.append(
            audit.entry(
                **{**common, "zones": zones_of},
                action=audit.CHANGE,
                entity="Organisation",
                key=organisation,
                change=row["change"],
            )
        )
    return rows


def _new_organisations(report: ImportReport) -> list[dict]:
    """The organisations the import creates, as {id, name, nis}."""
    if report.kind != ORGANISATIONS:
        return []
    writes = report.writes
    new = {r.organisation for r in report.rows if r.outcome == NEW and r.organisation}
    seats = {row["organisation"]: row["nis"] for row in writes.locations}
    rows = [
        {"id": row["id"], "name": row["name"], "nis": seats.get(row["id"])}
        for row in writes.organisations
        if row["id"] in new
    ]
    return rows + [
        {"id": row["id"], "name": row["name"], "nis": row["nis"]}
        for row in writes.new_organisations
    ]


def _shown(report: ImportReport) -> set[str]:
    """The likely duplicates the check showed (a new organisation beside one is a choice)."""
    return {similar["id"] for row in report.rows for similar in row.similar}


def apply_import(
    store: Store, report: ImportReport, *, actor: str, previewed: dict | None = None
) -> dict[str, int]:
    """Write the report's accepted rows in one transaction; on any error nothing is written.

    Each membership becomes an engagement change by `actor`, sourced to its row. The audit
    entries of the import (`_audit`) are written in that same transaction. `previewed`: the
    `marks` of the preview the user read before choosing to apply (the report is the check
    made again just now); where a row would now do otherwise (an editor changed its
    organisation since, its contact person was erased …), OutdatedPreviewError and nothing is
    written.
    """
    if previewed is not None:
        outdated = outdated_rows(report, previewed)
        if outdated:
            raise OutdatedPreviewError(report.file, outdated)
    writes = report.writes

    def expect(tx: Transaction, query: str, rows: list[dict], what: str, **shared) -> None:
        if rows:
            expect_written(tx.run_rows(query, rows, **shared), rows, what)

    def expect_written(written: list[dict], rows: list[dict], what: str) -> None:
        if sum(part["written"] for part in written) != len(rows):
            # A node the plan saw is gone (changed since the dry run?): keep the graph as it was.
            raise GraphChangedError(
                f"{report.file}: niet alle {what} konden geschreven worden; de graaf is "
                "veranderd sinds de controle. Er is niets geïmporteerd; probeer opnieuw."
            )

    def work(tx: Transaction) -> None:
        twins.refuse_made_meanwhile(
            tx, _new_organisations(report), _shown(report), report.file, report.revision
        )
        # The register fields of the organisations this import updates, as they were (also of
        # one only a later row of the file gives a membership or contact: see `_audit`).
        updated = {row["id"] for row in writes.organisations}
        updated |= {r.organisation for r in report.rows if r.outcome == UPDATED}
        before = audit.organisation_states(tx, sorted(updated))
        # Lock the organisations whose memberships change, then take the time (as set_status
        # does): a change that committed meanwhile comes before this import's in time too,
        # and the history reads as the statuses were set.
        if writes.memberships:
            tx.run(
                "lock_organisations", ids=sorted({r["organisation"] for r in writes.memberships})
            )
        at = dates.now()
        memberships = [
            {**row, "change": engagement.new_id(), "at": at, "by": actor}
            for row in writes.memberships
        ]
        # A new organisation's membership is written with the organisation, and so is its change.
        new_organisations = [
            {**row, "change": engagement.new_id(), "at": at, "by": actor}
            for row in writes.new_organisations
        ]
        seats = {}
        if writes.municipalities:
            written = tx.run("import_municipalities", rows=list(writes.municipalities.values()))
            seats = {row["nis"]: row["name"] for row in written[0]["seats"]}
        groups: dict[tuple, list[dict]] = {}
        for row in new_organisations:
            groups.setdefault((row["category"], row["nis"], row["cluster"]), []).append(row)
        scattered = []
        for (category, nis, cluster), rows in groups.items():
            if len(rows) < GROUP_MIN:
                scattered.extend(rows)
                continue
            expect(
                tx,
                "import_new_organisation_group",
                rows,
                "nieuwe organisaties",
                category=category,
                nis=nis,
                cluster=cluster,
            )
        expect(tx, "import_new_organisations", scattered, "nieuwe organisaties")
        expect(tx, "import_sources", list(writes.sources.values()), "bronnen")
        expect(
            tx,
            "import_organisations",
            writes.organisations,
            "organisaties",
            by=f"{actor} (import {report.file})",
            at=dates.stamp(),
        )
        if writes.categories:
            tx.run_rows("import_categories", writes.categories)
        if writes.locations:
            tx.run_rows("import_locations", writes.locations)
        written = tx.run_rows("import_memberships", memberships) if memberships else []
        expect_written(written, memberships, "lidmaatschappen")
        # A membership another writer set to the row's status since the check: no change.
        unchanged = {change for part in written for change in part["unchanged"]}
        persons = _matched(tx, writes.persons, report.user)
        expect(tx, "import_persons", persons, "contactpersonen")
        changes = [row for row in memberships if row["change"] not in unchanged]
        changes += [row for row in new_organisations if row["cluster"]]
        audit.record_all(tx, _audit(tx, report, actor, at, before, persons, changes, seats))

    if not writes.empty():
        try:
            store.transaction(work)
        except DuplicateKeyError as error:
            # A node this import creates because its check found none (a new organisation,
            # its row's source) was created meanwhile, by an import of the same organisations
            # at the same time: like a node found gone, the check is out of date.
            kind = {"Organisation": "organisatie", "Source": "bron"}.get(error.label or "")
            what = f"{kind} {error.key!r}" if kind and error.key else "een nieuwe organisatie"
            raise GraphChangedError(
                f"{report.file}: {what} bestaat intussen al; de graaf is veranderd sinds de "
                "controle. Er is niets geïmporteerd; probeer opnieuw."
            ) from error
    report.applied = True
    return report.counts
