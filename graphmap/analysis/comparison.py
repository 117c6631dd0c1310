"""Zones side by side: which kinds of partner each zone has, in which cluster, how far along.

A category is *present* in a zone when an organisation of that category is involved in or a
member of one of the zone's clusters, *in progress* when it is only contacted. Where a
cluster of the zone expects the category (the reference frame or the zone's own plan) and
it is not present there, the cell is an *expected gap*; elsewhere a missing category is
merely absent. A *peer gap* marks a category that most other zones have and this one lacks
(the same majority rule as `gaps.gaps`, kind `peer`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphmap.kept import PerRevision
from graphmap.model import CLUSTER_KEYS
from graphmap.store import Store

PRESENT, IN_PROGRESS, EXPECTED_GAP, ABSENT = "present", "in progress", "expected gap", "absent"
STATES = (PRESENT, IN_PROGRESS, EXPECTED_GAP, ABSENT)
ENGAGED = ("involved", "member")


@dataclass
class Cell:
    zone: str
    state: str = ABSENT
    present_in: list[str] = field(default_factory=list)  # cluster keys, involved or member
    contacted_in: list[str] = field(default_factory=list)
    expected_in: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)  # 'reference' and/or 'zone' (its own plan)
    # The first few organisations engaged per cluster ({name, cluster, status}); `statuses`
    # counts all of them, per status.
    organisations: list[dict] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    peer_gap: bool = False

    @property
    def engaged(self) -> int:
        """How many organisations of the category are engaged in the zone (any status)."""
        return sum(self.statuses.values())

    @property
    def lacking_in(self) -> list[str]:
        """Clusters that expect the category and do not have it."""
        return [c for c in self.expected_in if c not in self.present_in]


@dataclass
class CategoryRow:
    key: str
    name: str
    cluster: str | None  # the cluster kind the category belongs to by default
    optional: bool
    cells: dict[str, Cell]  # by zone id

    @property
    def present(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.state == PRESENT)


@dataclass
class Matrix:
    zones: list[dict]  # {id, name}, by name
    rows: list[CategoryRow]  # by cluster kind (CLUSTER_KEYS, then none), expected before optional


def _state(cell: Cell) -> str:
    if cell.expected_in:
        lacking = cell.lacking_in
        if not lacking:
            return PRESENT
        return IN_PROGRESS if set(lacking) & set(cell.contacted_in) else EXPECTED_GAP
    if cell.present_in:
        return PRESENT
    return IN_PROGRESS if cell.contacted_in else ABSENT


# Zones vergelijken reads all of Flanders (188 ms at 60 zones); a team opening it at once
# read it once each (p50 1.1 s for 8 clients on 2 cores). Nothing changes a matrix kept.
matrices: PerRevision[Matrix] = PerRevision()


def category_matrix(store: Store) -> Matrix:
    """Every partner category against every zone, from one query; kept while the graph's
    revision stays the same."""
    revision = store.revision()
    kept = matrices.get(store, revision)
    if kept is not None:
        return kept
    return matrices.keep(store, revision, _matrix(store))


def _matrix(store: Store) -> Matrix:
    rows = store.read("category_matrix")
    zones = {row["zone"]: row["name"] for row in rows if row["part"] == "zone"}
    categories = {
        row["category"]: CategoryRow(
            row["category"],
            row["name"],
            row["cluster"],
            bool(row["optional"]),
            {zone: Cell(zone) for zone in zones},
        )
        for row in rows
        if row["part"] == "category"
    }
    for row in rows:
        category = categories.get(row["category"])
        if category is None:
            continue
        if row["part"] == "expected":
            for zone in row["zones"]:
                if zone in category.cells:
                    cell = category.cells[zone]
                    _add(cell.expected_in, row["cluster"])
                    _add(cell.basis, row["basis"])
        elif row["part"] == "engaged" and row["zone"] in category.cells:
            cell = category.cells[row["zone"]]
            for status in row["statuses"]:
                cell.statuses[status] = cell.statuses.get(status, 0) + 1
            cell.organisations += [
                {"name": name, "cluster": row["cluster"], "status": status}
                for name, status in zip(row["names"], row["statuses"], strict=False)
            ]
            if any(s in ENGAGED for s in row["statuses"]):
                _add(cell.present_in, row["cluster"])
            if "contacted" in row["statuses"]:
                _add(cell.contacted_in, row["cluster"])
    for category in categories.values():
        for cell in category.cells.values():
            cell.basis.sort()
            cell.state = _state(cell)
        for cell in category.cells.values():
            others = len(zones) - 1
            holders = category.present - (cell.state == PRESENT)
            cell.peer_gap = cell.state != PRESENT and others > 0 and holders * 2 > others
    # Kinds of partner outside the four clusters only earn a row once some zone engages them.
    kept = [
        c
        for c in categories.values()
        if c.cluster or any(cell.engaged or cell.expected_in for cell in c.cells.values())
    ]
    order = {key: i for i, key in enumerate(CLUSTER_KEYS)}
    kept.sort(key=lambda c: (order.get(c.cluster, len(order)), c.optional, c.name.casefold()))
    return Matrix(
        [{"id": z, "name": n} for z, n in sorted(zones.items(), key=lambda i: i[1])], kept
    )


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)
