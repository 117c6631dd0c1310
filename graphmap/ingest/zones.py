"""A zone of its own, created whole: from its plan, or from a name and its municipalities.

A zone is more than its node. To answer "who is missing in our clusters?" it needs the
municipalities it covers (current NIS codes; the name of a municipality merged away in 2019
or 2025 becomes the municipality it merged into), its four clusters, and in each cluster the
reference expectations of `seed/reference/` (the frame every zone shares, each with its
public source). Its own
targets (kinds of partner its plan wants in a cluster) come on top, with the plan as source.

`write_zone` writes all of that inside a transaction it is given (the plan importer writes a
new zone and its plan in one); `add_zone` is `graphmap zone add`: the same without a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphmap import access, audit, dates, limits
from graphmap.errors import ValidationError
from graphmap.ingest.models import Reference
from graphmap.ingest.seed import read_reference, zorgraad_id
from graphmap.ingest.territory import current
from graphmap.names import folded
from graphmap.paths import seed_dir
from graphmap.store import Store, Transaction

ZONE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CLUSTER_SOURCE = "vvsg-2019"  # the four groups of the general assembly
ZORGRAAD_CATEGORY = "eerstelijnszone"
ADDED_BY_HAND = "graphmap zone add"  # the document of what staff typed in


@dataclass
class ZoneSpec:
    """Everything a new zone is made of, with the Source id of each fact."""

    id: str
    name: str
    source: str  # where the zone itself is stated (its plan, or the command that added it)
    municipalities: list[dict] = field(default_factory=list)  # {nis, name, province, source}
    targets: list[dict] = field(default_factory=list)  # {cluster, category, bodies, reason, source}
    plan_title: str | None = None
    plan_period: str | None = None
    plan_document: str | None = None


def check_id(zone: str) -> str:
    limits.check_length(zone or "", limits.NAME, "zone-id")  # before it is shown
    if not ZONE_ID.match(zone or ""):
        raise ValidationError(
            f"zone {zone!r}: gebruik kleine letters, cijfers en koppeltekens, bv. 'haspengouw'"
        )
    return zone


def municipality_rows(names: list[str], source: str) -> list[dict]:
    """Municipality names (current, or merged away in 2019 or 2025) as covers rows; unknown
    names are refused."""
    rows: dict[str, dict] = {}
    unknown = []
    for name in names:
        try:
            place = current(name.strip())
        except ValidationError:
            unknown.append(name)
            continue
        rows.setdefault(
            place.nis,
            {"nis": place.nis, "name": place.name, "province": place.province, "source": source},
        )
    if unknown:
        raise ValidationError(
            f"onbekende gemeente(n): {', '.join(repr(n) for n in unknown)} "
            "(geen huidige Belgische gemeente en geen gemeente die in 2019 of 2025 fuseerde; "
            "een deelgemeente telt als de gemeente waartoe ze behoort)"
        )
    return list(rows.values())


def _reference_source(reference: Reference, key: str) -> dict:
    ref = next(s for s in reference.sources if s.id == key)
    # The same Source node the seed loader writes for it (id: document and empty section).
    return {
        "id": f"{ref.document}#",
        "document": ref.document,
        "section": "",
        "url": ref.url,
        "title": None,
    }


def frame_rows(zone: str, reference: Reference | None = None) -> dict[str, list[dict]]:
    """The rows of the reference frame for one zone: categories, clusters, expectations and
    the public sources they cite."""
    reference = reference or read_reference(seed_dir())
    sources = {CLUSTER_SOURCE: _reference_source(reference, CLUSTER_SOURCE)}
    clusters = [
        {
            "id": f"{zone}/{kind.key}",
            "key": kind.key,
            "name": kind.name,
            "source": sources[CLUSTER_SOURCE]["id"],
        }
        for kind in reference.clusters
    ]
    expectations = []
    for expectation in reference.expectations:
        source = sources.setdefault(
            expectation.source, _reference_source(reference, expectation.source)
        )
        for category in expectation.categories:
            expectations.append(
                {
                    "cluster": f"{zone}/{expectation.cluster}",
                    "category": category,
                    "basis": "reference",
                    "bodies": [],
                    "reason": expectation.reason,
                    "source": source["id"],
                }
            )
    return {
        "sources": list(sources.values()),
        "categories": [c.model_dump() for c in reference.categories],
        "clusters": clusters,
        "expectations": expectations,
    }


def _expect(tx: Transaction, query: str, what: str, wanted: int, **params) -> int:
    result = tx.run(query, **params)
    written = result[0]["written"] if result else 0
    if written != wanted:
        raise ValidationError(
            f"zone {params.get('zone')!r}: {wanted - written} van {wanted} {what} konden niet "
            "geschreven worden; niets geschreven"
        )
    return written


def write_zone(tx: Transaction, spec: ZoneSpec) -> dict[str, int]:
    """Write a zone whole, inside `tx`: idempotent (MERGE on every key), so writing it for a
    zone that exists completes what is missing and changes nothing else."""
    frame = frame_rows(spec.id)
    tx.run("seed_sources", rows=frame["sources"])
    tx.run("seed_categories", rows=frame["categories"])
    tx.run(
        "zone_create",
        zone=spec.id,
        zone_name=spec.name,
        plan_title=spec.plan_title,
        plan_period=spec.plan_period,
        plan_document=spec.plan_document,
        source=spec.source,
    )
    written = {"municipalities": 0}
    if spec.municipalities:
        written["municipalities"] = _expect(
            tx,
            "zone_covers",
            "gemeenten",
            len(spec.municipalities),
            zone=spec.id,
            rows=spec.municipalities,
        )
    written["clusters"] = _expect(
        tx,
        "zone_add_clusters",
        "clusters",
        len(frame["clusters"]),
        zone=spec.id,
        rows=frame["clusters"],
    )
    expectations = frame["expectations"] + [
        {**target, "cluster": f"{spec.id}/{target['cluster']}", "basis": "zone"}
        for target in spec.targets
    ]
    written["expectations"] = _expect(
        tx,
        "zone_add_expectations",
        "verwachtingen",
        len(expectations),
        zone=spec.id,
        rows=expectations,
    )
    written["targets"] = len(spec.targets)
    return written


def zone_ids(store: Store) -> set[str]:
    return {row["id"] for row in store.read("zones")}


def add_zone(
    store: Store,
    zone: str,
    name: str,
    municipalities: list[str],
    today: date | None = None,
    *,
    actor: str | None = None,
) -> dict[str, Any]:
    """`graphmap zone add`: a new zone with its municipalities, clusters and the reference
    expectations, in one transaction (with its audit entry, by `actor`: default the user
    running graphmap); a zone that exists already is refused.

    Returns what was written (counts), the zone's `name` as stored, and `warnings`: a
    municipality that another zone covers already is taken all the same (zones' borders
    do change), and named there. Text is checked as the register's edits check it: the
    name without control characters, id, name and municipalities at most `limits.NAME`
    characters."""
    check_id(zone)
    name = " ".join(limits.clean(name or "").split())
    if not name:
        raise ValidationError("geef de naam van de zone, bv. --name 'ELZ Haspengouw'")
    limits.check_length(name, limits.NAME, "naam van de zone")
    if not municipalities:
        raise ValidationError("geef minstens één gemeente van de zone (--municipality)")
    for municipality in municipalities:
        limits.check_length(municipality, limits.NAME, "gemeente")
    if zone in zone_ids(store):
        raise ValidationError(f"zone {zone!r} bestaat al; niets geschreven")
    day = (today or dates.today()).isoformat()
    source = {
        "id": f"{ADDED_BY_HAND}#{zone} {day}",
        "document": ADDED_BY_HAND,
        "section": f"{zone} {day}",
        "url": None,
        "title": f"Ingevoerd met {ADDED_BY_HAND} ({day})",
    }
    spec = ZoneSpec(
        id=zone,
        name=name,
        source=source["id"],
        municipalities=municipality_rows(municipalities, source["id"]),
    )

    def work(tx: Transaction) -> dict[str, Any]:
        owners = tx.run("zone_municipality_owners", nis=[row["nis"] for row in spec.municipalities])
        tx.run("seed_sources", rows=[source])
        written = write_zone(tx, spec)
        tx.run(
            "import_plan_organisations",
            rows=[
                {
                    "id": zorgraad_id(zone),
                    "name": name,
                    "folded": folded(name),
                    "category": ZORGRAAD_CATEGORY,
                    "source": source["id"],
                    "zorgraad_of": zone,
                }
            ],
        )
        audit.record(
            tx,
            by=actor or access.cli_user(),
            action="zone.create",
            entity="Zone",
            key=zone,
            zones=[zone],
            after={"naam": name, **written},
        )
        warnings = [
            f"gemeente {row['municipality']} hoort al bij zone {row['zone_name']} "
            f"({row['zone']}); ze hoort nu bij beide"
            for row in owners
        ]
        return {**written, "name": name, "warnings": warnings}

    return store.transaction(work)
