"""Who is missing? Every gap says what is missing, why it is expected, and on what source.

Five kinds, one query each (see the design, "What a gap means"):
category/target (an expected partner kind absent from a cluster; `target` when the zone's
own plan asks for it), municipality, action, peer, outside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from graphmap.analysis import provenance
from graphmap.errors import ValidationError
from graphmap.model import CLUSTER_KEYS
from graphmap.store import Store

MISSING, IN_PROGRESS = "missing", "in progress"
KIND_LABELS = {
    "category": "categorie ontbreekt",
    "target": "doel van de zone",
    "municipality": "gemeente niet vertegenwoordigd",
    "action": "actie onvolledig",
    "peer": "andere zones hebben dit wel",
    "outside": "buiten het netwerk",
}
STATUS_LABELS = {MISSING: "ontbreekt", IN_PROGRESS: "in behandeling"}


@dataclass(frozen=True)
class Gap:
    zone: str
    zone_name: str
    cluster: str | None
    cluster_name: str | None
    kind: str
    missing: str
    status: str
    reason: str
    source: str
    subject: str  # the id of what the gap is about: category key, NIS code, action, organisation

    def as_dict(self) -> dict:
        return asdict(self)


def _categories(store: Store, zone, cluster) -> list[Gap]:
    gaps = []
    for row in store.read("gaps_categories", zone=zone, cluster=cluster):
        contacted = [name for name in row["contacted"] if name]
        reason = row["reason"]
        if row["bodies"]:
            reason += f" (organen: {', '.join(row['bodies'])})"
        if contacted:
            reason += f" Gecontacteerd: {', '.join(sorted(contacted))}."
        gaps.append(
            Gap(
                row["zone"],
                row["zone_name"],
                row["cluster"],
                row["cluster_name"],
                "target" if row["basis"] == "zone" else "category",
                row["category_name"],
                IN_PROGRESS if contacted else MISSING,
                reason,
                provenance.label(row["source_document"], row["source_section"]),
                row["category"],
            )
        )
    return gaps


def _municipalities(store: Store, zone, cluster) -> list[Gap]:
    gaps = []
    for row in store.read("gaps_municipalities", zone=zone, cluster=cluster):
        contacted = [name for name in row["contacted"] if name]
        reason = (row["reason"] or "Elke gemeente van de zone zetelt in lokale besturen.") + (
            f" Gecontacteerd: {', '.join(sorted(contacted))}." if contacted else ""
        )
        gaps.append(
            Gap(
                row["zone"],
                row["zone_name"],
                row["cluster"],
                row["cluster_name"],
                "municipality",
                f"{row['municipality']} (NIS {row['nis']})",
                IN_PROGRESS if contacted else MISSING,
                reason,
                row["source_document"] or row["covers_source"],
                row["nis"],
            )
        )
    return gaps


def _actions(store: Store, zone) -> list[Gap]:
    gaps = []
    for row in store.read("gaps_actions", zone=zone):
        what = [
            label
            for label, lacking in (
                ("trekker", row["leads"] == 0),
                ("partnerorganisatie", row["partners"] == 0),
                ("bereikbare contactpersoon", row["reachable"] == 0),
            )
            if lacking
        ]
        reason = "Elke actie heeft een trekker, partners en een bereikbare contactpersoon nodig."
        if row["partners"] == 0 and row["partner_groups"]:
            reason += f" Het plan noemt wel groepen: {', '.join(row['partner_groups'])}."
        gaps.append(
            Gap(
                row["zone"],
                row["zone_name"],
                None,
                None,
                "action",
                f"actie {row['code']} ({row['title']}): geen {', geen '.join(what)}",
                MISSING,
                reason,
                provenance.label(row["source_document"], row["source_section"]),
                row["action"],
            )
        )
    return gaps


def _peers(store: Store, zone, cluster) -> list[Gap]:
    return [
        Gap(
            row["zone"],
            row["zone_name"],
            row["cluster"],
            row["cluster_name"],
            "peer",
            row["category_name"],
            MISSING,
            f"{len(row['holders'])} van de {row['others']} andere zones hebben deze categorie "
            f"in hun cluster ({', '.join(sorted(row['holders']))}).",
            "vergelijking met andere zones",
            row["category"],
        )
        for row in store.read("gaps_peers", zone=zone, cluster=cluster)
    ]


def _outside(store: Store, zone) -> list[Gap]:
    roles = {"LEADS": "trekker", "PARTNER_IN": "partner"}
    return [
        Gap(
            row["zone"],
            row["zone_name"],
            row["default_cluster"],
            None,
            "outside",
            row["organisation_name"],
            IN_PROGRESS if "contacted" in row["statuses"] else MISSING,
            f"Werkt mee aan actie(s) {', '.join(sorted(row['actions']))} als "
            f"{' en '.join(sorted(roles[r] for r in row['roles']))}, maar zit in geen cluster: "
            "uit te nodigen in de algemene vergadering.",
            "het plan van de zone",
            row["organisation"],
        )
        for row in store.read("gaps_outside", zone=zone)
    ]


def gaps(
    store: Store,
    zone: str | None = None,
    cluster: str | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Gap]:
    """Every gap, optionally of one zone, cluster kind and/or gap kinds (see KIND_LABELS),
    grouped by zone and cluster. Only the queries the asked kinds need are run."""
    if cluster is not None and cluster not in CLUSTER_KEYS:
        raise ValidationError(f"unknown cluster {cluster!r}; one of {', '.join(CLUSTER_KEYS)}")
    wanted = set(KIND_LABELS if kinds is None else kinds)
    if wanted - set(KIND_LABELS):
        raise ValidationError(
            f"unknown gap kind(s): {', '.join(sorted(wanted - set(KIND_LABELS)))}"
        )
    found = []
    if wanted & {"category", "target"}:
        found += [g for g in _categories(store, zone, cluster) if g.kind in wanted]
    if "municipality" in wanted:
        found += _municipalities(store, zone, cluster)
    if "peer" in wanted:
        found += _peers(store, zone, cluster)
    if "action" in wanted and cluster is None:
        found += _actions(store, zone)
    if "outside" in wanted:
        found += [g for g in _outside(store, zone) if cluster is None or g.cluster == cluster]
    order = {kind: i for i, kind in enumerate(KIND_LABELS)}
    return sorted(found, key=lambda g: (g.zone, g.cluster or "~", order[g.kind], g.missing))
