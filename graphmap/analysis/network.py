"""A zone's network: its clusters, the organisations engaged in them, its plan's actions.

Every per-zone query walks out from the zone by its key, so that the cost of one zone does
not grow with the number of zones in the graph. The Netwerk page asks for detail (every
organisation and action) only for the zones it draws in detail, and for counts otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from graphmap.analysis import gaps as gap_analysis
from graphmap.names import folded
from graphmap.store import Store

GHOST_KINDS = ("category", "target")
# Above this share of all zones, one query for every zone's category gaps is cheaper than a
# query per zone.
ALL_ZONES_SHARE = 0.5


@dataclass(frozen=True)
class ZoneNetwork:
    """What the Netwerk page draws for a set of zones (see `load`)."""

    clusters: list[dict]  # every selected zone and its clusters, counted (see `counted`)
    gaps: list[gap_analysis.Gap]  # missing expected categories (kinds category and target)
    members: list[dict] = field(default_factory=list)  # zone_network rows, detail zones only
    actions: list[dict] = field(default_factory=list)  # zone_action_links rows, detail zones
    goals: list[dict] = field(default_factory=list)  # zone_goals rows, detail zones
    categories: dict[str, str] = field(default_factory=dict)  # category key → name
    detail: tuple[str, ...] = ()  # the zones loaded in detail
    zones: tuple[str, ...] = ()  # the zones asked for
    presence: list[dict] = field(default_factory=list)  # zone_presence rows (see `in_clusters`)


def load(
    store: Store,
    zone_ids: list[str],
    detail: list[str],
    total_zones: int,
    known: ZoneNetwork | None = None,
) -> ZoneNetwork:
    """Counts and gaps of `zone_ids`; organisations, actions and goals of `detail` as well.

    `known`, an earlier load of the same zones, lends what it holds: opening one more zone
    among many then reads that zone only."""
    zone_ids, detail = list(zone_ids), [z for z in zone_ids if z in set(detail)]
    if known is not None and known.zones != tuple(zone_ids):
        known = None
    new = [z for z in detail if known is None or z not in known.detail]
    # The reads are independent: at once, a zone opened costs about its slowest one.
    calls = {}
    if new:
        calls |= {
            "members": ("zone_network", {"zones": new}),
            "actions": ("zone_action_links", {"zones": new}),
            "goals": ("zone_goals", {"zones": new}),
        }
    if known is None:
        calls["categories"] = ("categories", {})
        if zone_ids:
            calls |= {
                "clusters": ("zone_clusters", {"zones": zone_ids}),
                "presence": ("zone_presence", {"zones": zone_ids}),
            }
    read = store.reads(calls)
    if known is None:
        known = ZoneNetwork(
            clusters=counted(read.get("clusters", []), read.get("presence", [])),
            gaps=ghost_gaps(store, zone_ids, total_zones),
            categories={c["key"]: c["name"] for c in read["categories"]},
            zones=tuple(zone_ids),
            presence=read.get("presence", []),
        )
    kept = set(detail) - set(new)
    return ZoneNetwork(
        clusters=known.clusters,
        gaps=known.gaps,
        members=[r for r in known.members if r["zone"] in kept] + read.get("members", []),
        actions=[r for r in known.actions if r["zone"] in kept] + read.get("actions", []),
        goals=[r for r in known.goals if r["zone"] in kept] + read.get("goals", []),
        categories=known.categories,
        detail=tuple(detail),
        zones=known.zones,
        presence=known.presence,
    )


def counted(clusters: list[dict], presence: list[dict]) -> list[dict]:
    """zone_clusters rows with how many organisations each cluster holds (involved or member:
    a contacted one is in progress, not present) and how many it is in contact with."""
    held, contacted = Counter(), Counter()
    for row in presence:
        for key in row["present"]:
            held[(row["zone"], key)] += row["organisations"]
        for key in row["contacted"]:
            contacted[(row["zone"], key)] += row["organisations"]
    return [
        {
            **row,
            "organisations": held[(row["zone"], row["cluster"])],
            "contacted": contacted[(row["zone"], row["cluster"])],
        }
        for row in clusters
    ]


def in_clusters(presence: list[dict], clusters: Collection[str] = ()) -> tuple[int, int]:
    """Of one zone's zone_presence rows: how many organisations are present in one of
    `clusters` (all of the zone's when none is given) or more, each once, and how many are
    contacted in one of them while present in none."""

    def shown(keys: list[str]) -> bool:
        return any(not clusters or key in clusters for key in keys)

    present = contacted = 0
    for row in presence:
        if shown(row["present"]):
            present += row["organisations"]
        elif shown(row["contacted"]):
            contacted += row["organisations"]
    return present, contacted


def ghost_gaps(store: Store, zone_ids: list[str], total_zones: int) -> list[gap_analysis.Gap]:
    """The missing expected categories of the given zones: one gap query per zone, or one
    for all zones when most of them are asked for."""
    if not zone_ids:
        return []
    if len(zone_ids) > ALL_ZONES_SHARE * total_zones:
        wanted = set(zone_ids)
        found = gap_analysis.gaps(store, kinds=GHOST_KINDS)
        return [g for g in found if g.zone in wanted]
    return [g for z in zone_ids for g in gap_analysis.gaps(store, zone=z, kinds=GHOST_KINDS)]


def search(store: Store, zone_ids: list[str], text: str) -> list[dict]:
    """Organisations of the given zones whose name holds `text` (as `Organisation.folded`
    holds it: case and accents aside): in one of their clusters, or on their actions outside
    them (as a zone drawn in detail finds them; not a zorgraad or an agency)."""
    text = folded(text.strip())
    if not text or not zone_ids:
        return []
    not_invited = list(gap_analysis.NOT_INVITED)
    return store.read("zone_search", zones=list(zone_ids), text=text, not_invited=not_invited)


def zones(store: Store) -> list[dict]:
    return store.read("zones")


def zone_names(store: Store) -> dict[str, str]:
    """Each zone's name by its id, in the zones' order."""
    return {zone["id"]: zone["name"] for zone in zones(store)}


def zone_network(store: Store, zone_ids: list[str]) -> list[dict]:
    """One row per (zone, cluster, organisation) engaged in that cluster, with its status."""
    return store.read("zone_network", zones=list(zone_ids)) if zone_ids else []


def actions(store: Store, zone: str | None = None) -> list[dict]:
    """The actions of the plans with their goal and lead(s)."""
    rows = store.read("actions", zone=zone)
    for row in rows:
        row["leads"] = sorted(row["leads"])  # collect() has no order on Neo4j
    return rows


def action_choices(store: Store, zone_ids: list[str]) -> list[dict]:
    """The actions of these zones' plans: zone, id, code, title and goal."""
    return store.read("zone_action_choices", zones=sorted(zone_ids)) if zone_ids else []


def action_links(store: Store, zone_ids: list[str]) -> list[dict]:
    """Every action of the zones' plans with its goal, leads and partners."""
    return store.read("zone_action_links", zones=list(zone_ids)) if zone_ids else []


def organisation_summary(store: Store, organisation: str) -> dict | None:
    """Category, seat, memberships, actions and number of contacts of one organisation."""
    rows = store.read("organisation_summary", organisation=organisation)
    if not rows:
        return None
    row = rows[0]
    row["memberships"] = [m for m in row["memberships"] if m]
    row["actions"] = [a for a in row["actions"] if a]
    return row


def categories(store: Store) -> list[dict]:
    return store.read("categories")


def organisation_choices(store: Store) -> list[dict]:
    """Every organisation with its category and the cluster kind that category belongs to."""
    return store.read("organisation_choices")
