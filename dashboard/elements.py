"""Records from graphmap.analysis → dash-cytoscape elements. Pure functions, no Dash.

A zone drawn in detail is zone → clusters → categories: one node per category present in
a cluster (sized by its organisations, a pie of their engagement) and one ghost node per
expected category that is missing, so that every gap shows whatever the zone's size. A
category opens into its organisations; an action, a goal or an organisation in focus draws
its working group with everything else faded. Zones not drawn in detail are one box with
four cluster counts (a province) or one node each (all of Flanders), to be opened.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from dashboard.placement import SHELF, STACK, TABLE, Box, columns_for
from dashboard.words import counted as _counted
from graphmap.analysis.gaps import outside_the_network
from graphmap.analysis.network import ZoneNetwork, in_clusters
from graphmap.engagement import PRESENT
from graphmap.style import CLUSTER_COLOURS, CLUSTER_NAMES, STATUS_LABELS

# Engagement, from most to least engaged: the slices of a category's pie.
STATUS_ORDER = ("member", "involved", "contacted", "missing")
ENGAGEMENT_COLOURS = {
    "member": "#1b7a3d",
    "involved": "#7cc47f",
    "contacted": "#f2b134",
    "missing": "#d9d9d9",
}
MISSING = "missing"  # filter value: missing partners (ghosts) and organisations recorded so
OUTSIDE = "outside"  # filter value for organisations in no cluster
ROLE_LABELS = {"LEADS": "trekker", "PARTNER_IN": "partner"}
TARGET_LABEL = "doel van de zone"
EMPTY = "Kies een zone om het netwerk te zien."

# How many selected zones are drawn in detail; beyond that zones are boxes to open.
DETAIL_ZONES = 3
CLUSTER_LEVEL_ZONES = 12  # up to this many zones as boxes of four clusters; beyond: one node
# A network this small (organisations in the detail zones) opens every category at once.
AUTO_EXPAND = 60

# Footprints (model pixels at zoom 1): node plus label, and where the node centre sits.
# A category's label is drawn large enough to read when one zone fits a 1400 × 900 window
# (dashboard.stylesheet); its cell leaves room for two lines of it and a third for a ghost's
# "doel zone · in behandeling".
CATEGORY_CELL = (160, 114, 26)
LABEL_CHARS = 32  # about two lines under a category; the details panel has the full name
FADED_CELL = (64, 58, 26)
CELL_GAP = 8
# The overview of one zone is shaped for a canvas about this much wider than high: the
# canvas of a 1400 × 900 or 1920 × 1080 window (1.9–2.0; 1.6 at 1600 × 1100).
CANVAS_ASPECT = 1.95
# An opened category's label (bold) is broken into lines here, each about as wide as a
# closed category's cell, and its box is at least as wide as its widest line and leaves room
# above for its lines; a cluster is at least as wide as its title. Cytoscape sizes a box by
# its children alone: a label wider than its box runs into its neighbours'. The widths are
# estimated generously (dashboard.stylesheet draws these labels at these sizes).
TITLE_WIDTH = 176
TITLE_FONT = 17
CLUSTER_FONT = 19
GLYPH = 0.6  # average width of a bold glyph, in em (DejaVu Sans Bold, a wide font: 0.56)
ORG_CELL = (132, 68, 12)
WORK_CELL = (156, 84, 14)  # an organisation of the working group: larger, to read it
ACTION_CELL = (170, 76, 58)
CLUSTER_SUMMARY_CELL = (176, 92, 44)
ZONE_SUMMARY_CELL = (206, 104, 50)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the graph to; empty means everything."""

    clusters: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()

    @property
    def ghosts(self) -> bool:
        """Missing expected categories are drawn with the status "ontbreekt": one control
        for everything that is missing."""
        return not self.statuses or MISSING in self.statuses


@dataclass(frozen=True)
class View:
    """What the user opened, chose and looks for (the page keeps it in a dcc.Store)."""

    toggled: frozenset[str] = frozenset()  # categories opened (or, when small, closed)
    opened: frozenset[str] = frozenset()  # zones drawn in detail among several
    selection: str | None = None  # an action id, or "goal:<goal id>"
    focus: tuple[str, str] | None = None  # (zone, organisation)
    steps: int = 2  # focus: 1 = its actions, 2 = and the organisations on them
    search: str = ""
    reveal: str | None = None  # a node id from a ?focus= link
    last: str | None = None  # the node opened last: the view fits it

    def to_data(self) -> dict:
        return {
            "toggled": sorted(self.toggled),
            "opened": sorted(self.opened),
            "selection": self.selection,
            "focus": list(self.focus) if self.focus else None,
            "steps": self.steps,
            "search": self.search,
            "reveal": self.reveal,
            "last": self.last,
        }

    @classmethod
    def from_data(cls, data: dict | None) -> View:
        data = data or {}
        return cls(
            toggled=frozenset(data.get("toggled") or ()),
            opened=frozenset(data.get("opened") or ()),
            selection=data.get("selection"),
            focus=tuple(data["focus"]) if data.get("focus") else None,
            steps=data.get("steps") or 2,
            search=data.get("search") or "",
            reveal=data.get("reveal"),
            last=data.get("last"),
        )


@dataclass
class Drawing:
    """The elements and what the browser should show of them."""

    elements: list[dict]
    fit: list[str] = field(default_factory=list)  # node ids to fit; empty: the whole graph
    selected: str | None = None
    found: int | None = None  # search hits, None without a search
    counts: dict = field(default_factory=dict)


def org_node_id(zone: str, organisation: str, cluster: str | None = None) -> str:
    """An organisation in a cluster (`cluster` = "zone/key"), or outside the zone's clusters."""
    return f"org:{cluster}:{organisation}" if cluster else f"actor:{zone}:{organisation}"


def ghost_node_id(zone: str, cluster: str, category: str) -> str:
    return f"ghost:{zone}/{cluster}:{category}"


def category_node_id(zone: str, cluster: str, category: str) -> str:
    return f"category:{zone}/{cluster}:{category}"


def outside_node_id(zone: str) -> str:
    return f"outside:{zone}"


def agencies_node_id(zone: str) -> str:
    return f"agencies:{zone}"


def detail_zones(zone_ids: list[str], view: View) -> list[str]:
    """The zones drawn in detail: all when a few are selected, else the opened ones."""
    if len(zone_ids) <= DETAIL_ZONES:
        return list(zone_ids)
    return [z for z in zone_ids if z in view.opened]


def summary_level(zone_count: int) -> str:
    return "cluster" if zone_count <= CLUSTER_LEVEL_ZONES else "zone"


class _Zone:
    """One zone's records, indexed once (everything below is linear in the records)."""

    def __init__(self, zone: str, name: str, clusters: list[dict]):
        self.id, self.name, self.clusters = zone, name, clusters
        self.presence: list[dict] = []  # zone_presence rows: its organisations, each once
        self.gaps: dict[str, list] = defaultdict(list)  # cluster key → gaps
        self.members: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (cluster, cat)
        self.member_rows: dict[str, list[dict]] = defaultdict(list)  # organisation → rows
        self.actions: list[dict] = []
        self.outsiders: dict[str, dict] = {}  # organisation → first link seen
        self.agencies: dict[str, dict] = {}  # on actions, in no cluster, never invited

    def add_gap(self, gap) -> None:
        """One ghost per missing category of a cluster: the zone's own target before the
        reference frame, should the two come apart."""
        mine = self.gaps[gap.cluster]
        for i, known in enumerate(mine):
            if known.subject == gap.subject:
                if known.kind != "target" and gap.kind == "target":
                    mine[i] = gap
                return
        mine.append(gap)

    def index_actions(self) -> None:
        """Who works on the actions while outside the clusters: the organisations to invite
        (the rule of the gap report, `outside_the_network`), and zorgraden and agencies."""
        for row in self.actions:
            for link in row["links"]:
                org = link["organisation"]
                if link["own"] or org in self.outsiders or org in self.agencies:
                    continue
                statuses = [r["status"] for r in self.member_rows.get(org, ())]
                if outside_the_network(link["category"], statuses):
                    self.outsiders[org] = link
                elif not statuses:
                    self.agencies[org] = link


def network_elements(
    net: ZoneNetwork, view: View = View(), filters: Filters = Filters()
) -> Drawing:
    """The elements of the given zones as the view asks (see the module's docstring)."""
    zones = _index(net, filters)
    if not zones:  # no zone chosen, or no cluster
        return Drawing([], counts={"zones": 0, "asked": len(net.zones)})
    detail = [z for z in zones.values() if z.id in net.detail]
    level = summary_level(len(zones))
    work = _working_set(detail, net, view)
    small = sum(len(z.member_rows) + len(z.outsiders) + len(z.agencies) for z in detail)
    small = small <= AUTO_EXPAND
    drawing = _Builder(net, view, filters, work, small)
    boxes = []
    for zone in zones.values():
        if zone.id in net.detail:
            boxes.append(drawing.zone_detail(zone))
        else:
            boxes.append(drawing.zone_summary(zone, level))
    root = boxes[0] if len(boxes) == 1 else _grid(boxes)
    positions = root.place()
    for node_id, position in positions.items():
        drawing.nodes[node_id]["position"] = position
    return drawing.result(zones, detail)


def _index(net: ZoneNetwork, filters: Filters) -> dict[str, _Zone]:
    zones: dict[str, _Zone] = {}
    for row in net.clusters:
        if filters.clusters and row["cluster"] not in filters.clusters:
            continue
        zone = zones.get(row["zone"])
        if zone is None:
            zone = zones[row["zone"]] = _Zone(row["zone"], row["zone_name"], [])
        zone.clusters.append(row)
    for row in net.presence:
        if row["zone"] in zones:
            zones[row["zone"]].presence.append(row)
    for gap in net.gaps:
        if (
            gap.zone in zones
            and (not filters.clusters or gap.cluster in filters.clusters)
            and (not filters.categories or gap.subject in filters.categories)
        ):
            zones[gap.zone].add_gap(gap)
    for row in net.members:
        zone = zones.get(row["zone"])
        if zone is None:
            continue
        zone.member_rows[row["organisation"]].append(row)
        if filters.clusters and row["cluster"] not in filters.clusters:
            continue
        if filters.categories and row["category"] not in filters.categories:
            continue
        if filters.statuses and row["status"] not in filters.statuses:
            continue
        zone.members[(row["cluster"], row["category"])].append(row)
    for row in net.actions:
        if row["zone"] in zones:
            zones[row["zone"]].actions.append(row)
    for zone in zones.values():
        zone.index_actions()
    return zones


@dataclass
class _Work:
    """The working group drawn on demand: actions, their organisations, who stands out."""

    actions: list[dict] = field(default_factory=list)
    orgs: set[tuple[str, str]] = field(default_factory=set)  # (zone, organisation)
    focus: tuple[str, str] | None = None
    found: set[tuple[str, str]] = field(default_factory=set)  # search hits
    reveal: tuple[str, str] | None = None

    @property
    def active(self) -> bool:
        return bool(self.actions or self.focus)

    def shown(self, zone: str, organisation: str) -> bool:
        key = (zone, organisation)
        return key in self.orgs or key in self.found or key == self.reveal


def _working_set(detail: list[_Zone], net: ZoneNetwork, view: View) -> _Work:
    work = _Work()
    by_zone = {z.id: z for z in detail}
    if view.selection:
        chosen = _selected_actions(net, view.selection)
        work.actions = [a for z in detail for a in z.actions if a["action"] in chosen]
        for row in work.actions:
            for link in row["links"]:
                if not link["own"]:
                    work.orgs.add((row["zone"], link["organisation"]))
    elif view.focus and view.focus[0] in by_zone:
        zone, org = view.focus
        work.focus = (zone, org)
        work.orgs.add(work.focus)
        work.actions = [
            a
            for a in by_zone[zone].actions
            if any(link["organisation"] == org and not link["own"] for link in a["links"])
        ]
        if view.steps > 1:
            for row in work.actions:
                for link in row["links"]:
                    if not link["own"]:
                        work.orgs.add((zone, link["organisation"]))
    text = view.search.strip().lower()
    if text:
        for zone in detail:
            names = {o: rows[0]["name"] for o, rows in zone.member_rows.items()}
            names.update({o: link["name"] for o, link in zone.outsiders.items()})
            work.found |= {(zone.id, o) for o, name in names.items() if text in name.lower()}
    if view.reveal and view.reveal.startswith(("org:", "actor:")):
        # org:<zone>/<cluster>:<organisation> or actor:<zone>:<organisation> (org_node_id);
        # an address typed or cut short ("org:pallion") reveals nothing rather than failing.
        place, found, org = view.reveal.partition(":")[2].rpartition(":")
        if found and place and org:
            work.reveal = (place.split("/")[0], org)
    return work


def _selected_actions(net: ZoneNetwork, selection: str) -> set[str]:
    if not selection.startswith("goal:"):
        return {selection}
    goal = selection.removeprefix("goal:")
    under = {goal} | {g["id"] for g in net.goals if g["parent"] == goal}
    return {a["action"] for a in net.actions if a["goal"] in under}


class _Builder:
    def __init__(self, net: ZoneNetwork, view: View, filters: Filters, work: _Work, small: bool):
        self.net, self.view, self.filters, self.work, self.small = net, view, filters, work, small
        self.nodes: dict[str, dict] = {}
        self.edges: list[dict] = []
        self.org_nodes: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.highlight: list[str] = []

    def node(self, node_id: str, classes: str, **data) -> dict:
        element = {"data": {"id": node_id, **data}, "classes": classes}
        self.nodes[node_id] = element
        return element

    def expanded(self, node_id: str) -> bool:
        return self.small != (node_id in self.view.toggled)

    # --- a zone in detail -------------------------------------------------------------

    def zone_detail(self, zone: _Zone) -> Box:
        zone_node = f"zone:{zone.id}"
        self.node(zone_node, "zone", label=zone.name, kind="zone", zone=zone.id, level="detail")
        clusters = [self._cluster(zone, row, zone_node) for row in _in_cluster_order(zone.clusters)]
        apart = [
            box for box in (self._outside(zone, zone_node), self._agencies(zone, zone_node)) if box
        ]
        body = _body(clusters, apart)
        rows: list[Box] = []
        strip = self._actions(zone, zone_node)
        if strip:
            rows.append(strip)
        rows.append(body)
        return Box(zone_node, arrange=STACK, children=rows, gap=28, pad=18, header=30)

    def _cluster(self, zone: _Zone, row: dict, parent: str) -> Box:
        key = row["cluster"]
        cluster_id = f"{zone.id}/{key}"
        node_id = f"cluster:{cluster_id}"
        gaps = zone.gaps.get(key, []) if self.filters.ghosts else []
        categories = defaultdict(list)
        for (cluster, category), rows in zone.members.items():
            if cluster == key:
                categories[category] = rows
        # In the cluster: involved or member; a contacted one is in progress (see the design).
        shown = [r for rows in categories.values() for r in rows]
        organisations = len({r["organisation"] for r in shown if r["status"] in PRESENT})
        contacted = len({r["organisation"] for r in shown if r["status"] == "contacted"})
        present = _counted(organisations, "organisatie", "organisaties")
        self.node(
            node_id,
            "cluster",
            label=f"{row['cluster_name']} · {present}"
            + (f" · {len(gaps)} ontbreken" if gaps else ""),
            kind="cluster",
            parent=parent,
            zone=zone.id,
            cluster=key,
            members=organisations,
            contacted=contacted,
            ghosts=len(gaps),
            colour=CLUSTER_COLOURS[key],
        )
        items: list[Box] = []
        gap_categories = set()
        for gap in sorted(gaps, key=lambda g: (g.kind != "target", g.missing)):
            gap_categories.add(gap.subject)
            items.append(self._ghost(zone, key, gap, categories.get(gap.subject, []), node_id))
        ranked = sorted(categories.items(), key=lambda kv: (-len(kv[1]), self._name(kv[0])))
        for category, rows in ranked:
            if category not in gap_categories:
                items.append(self._category(zone, key, category, rows, node_id))
        title = _title_width(self.nodes[node_id]["data"]["label"], CLUSTER_FONT)
        self.nodes[node_id]["data"]["min_width"] = max(0, title - 2 * 14)  # inside its padding
        if not items:
            return Box(node_id, width=max(CATEGORY_CELL[0], title), height=60, anchor=30)
        return Box(
            node_id, arrange=SHELF, children=items, gap=CELL_GAP, pad=14, header=26, min_width=title
        )

    def _name(self, category: str | None) -> str:
        return self.net.categories.get(category or "", category or "zonder categorie")

    def _category(self, zone: _Zone, cluster: str, category: str, rows: list[dict], parent: str):
        node_id = category_node_id(zone.id, cluster, category)
        counts = _status_counts(rows)
        data = self.node(
            node_id,
            "category",
            label=f"{_short(self._name(category), LABEL_CHARS)} ({len(rows)})",
            short=f"{_short(self._name(category), 28)} ({len(rows)})",
            kind="category",
            parent=parent,
            zone=zone.id,
            cluster=cluster,
            category=category,
            name=self._name(category),
            count=len(rows),
            size=_size(len(rows)),
            colour=CLUSTER_COLOURS[cluster],
            **counts,
            **_pie(counts, len(rows)),
        )
        return self._openable(data, zone, rows, cluster)

    def _ghost(self, zone: _Zone, cluster: str, gap, rows: list[dict], parent: str) -> Box:
        node_id = ghost_node_id(zone.id, cluster, gap.subject)
        in_progress = gap.status == "in progress"
        # The dashed ring says "missing"; the label adds only what sets this one apart.
        marks = (("doel zone", gap.kind == "target"), ("in behandeling", in_progress))
        state = " · ".join(part for part, shown in marks if shown)
        counts = _status_counts(rows)
        data = self.node(
            node_id,
            f"ghost ghost-{gap.kind}" + (" in-progress" if in_progress else ""),
            label=_short(gap.missing, LABEL_CHARS) + (f"\n{state}" if state else ""),
            short=f"{_short(gap.missing, 28)} ({len(rows)})",
            kind="ghost",
            parent=parent,
            zone=zone.id,
            cluster=cluster,
            category=gap.subject,
            name=gap.missing,
            count=len(rows),
            gap_kind=gap.kind,
            gap_status=gap.status,
            reason=gap.reason,
            gap_source=gap.source,
            sources=[source for _, source in gap.grounds] or [gap.source],
            colour=CLUSTER_COLOURS[cluster],
            **counts,
            **_pie(counts, len(rows)),
        )
        return self._openable(data, zone, rows, cluster)

    def _openable(self, element: dict, zone: _Zone, rows: list[dict], cluster: str) -> Box:
        """A category (or ghost) node, opened into all its organisations when expanded, or
        into those of the working group, search and link."""
        data = element["data"]
        node_id = data["id"]
        opened = bool(rows) and self.expanded(node_id)
        shown = rows if opened else [r for r in rows if self.work.shown(zone.id, r["organisation"])]
        data["expandable"] = bool(rows)
        data["expanded"] = opened
        faded = self.work.active and not any(
            (zone.id, r["organisation"]) in self.work.orgs for r in rows
        )
        if faded:
            element["classes"] += " faded"
        if not shown:
            return _category_cell(element, faded)
        element["classes"] += " open"
        children = [self._organisation(zone, row, node_id, cluster) for row in _by_name(shown)]
        return _group(element, children, aspect=1.2)

    def _organisation(self, zone: _Zone, row: dict, parent: str, cluster: str) -> Box:
        org = row["organisation"]
        node_id = org_node_id(zone.id, org, f"{zone.id}/{cluster}")
        classes = f"organisation status-{row['status']}" + self._marks(zone, org)
        self.node(
            node_id,
            classes,
            label=row["name"],
            kind="organisation",
            organisation=org,
            parent=parent,
            zone=zone.id,
            cluster=cluster,
            category=row["category"],
            status=row["status"],
            status_label=STATUS_LABELS.get(row["status"], row["status"]),
            colour=ENGAGEMENT_COLOURS.get(row["status"], "#adb5bd"),
        )
        self.org_nodes[(zone.id, org)].append(node_id)
        return self._org_cell(zone, org, node_id)

    def _org_cell(self, zone: _Zone, org: str, node_id: str) -> Box:
        work = self.work.active and (zone.id, org) in self.work.orgs
        if work:
            self.nodes[node_id]["classes"] += " work"
        width, height, anchor = WORK_CELL if work else ORG_CELL
        return Box(node_id, width=width, height=height, anchor=anchor)

    def _marks(self, zone: _Zone, org: str) -> str:
        key = (zone.id, org)
        marks = ""
        if self.work.active:
            if key not in self.work.orgs:
                marks += " faded"
            elif org in zone.outsiders:
                marks += " invite"
        if key == self.work.focus:
            marks += " focus"
        if key in self.work.found:
            marks += " highlight"
        return marks

    def _outside(self, zone: _Zone, parent: str) -> Box | None:
        """The organisations to invite: on the zone's actions, in none of its clusters."""
        node_id, label = outside_node_id(zone.id), "Buiten het netwerk"
        return self._apart(zone, parent, zone.outsiders, node_id, label, OUTSIDE)

    def _agencies(self, zone: _Zone, parent: str) -> Box | None:
        """Zorgraden and agencies on the zone's actions: drawn for their working groups, never
        counted as outside the network (a general assembly does not take them in)."""
        node_id, label = agencies_node_id(zone.id), "Overheid en zorgraden"
        return self._apart(zone, parent, zone.agencies, node_id, label, "agency")

    def _apart(self, zone: _Zone, parent: str, links: dict, node_id: str, label: str, kind: str):
        """A group of organisations on the zone's actions but in no cluster, to be opened;
        each of them of `kind` (OUTSIDE: to invite; "agency")."""
        if self.filters.statuses and OUTSIDE not in self.filters.statuses:
            return None
        shown_links = [
            link
            for link in links.values()
            if not self.filters.categories or link["category"] in self.filters.categories
        ]
        if not shown_links:
            return None
        group = "outside-group" if kind == OUTSIDE else "agency-group"
        element = self.node(
            node_id,
            "outside-group" + (" agency-group" if kind != OUTSIDE else ""),
            label=f"{label} ({len(shown_links)})",
            short=f"{label} ({len(shown_links)})",
            kind=group,
            parent=parent,
            zone=zone.id,
            count=len(shown_links),
        )
        opened = self.expanded(node_id)
        shown = [o for o in shown_links if opened or self.work.shown(zone.id, o["organisation"])]
        element["data"]["expandable"], element["data"]["expanded"] = True, opened
        faded = self.work.active and not any(
            (zone.id, o["organisation"]) in self.work.orgs for o in shown_links
        )
        if faded:
            element["classes"] += " faded"
        if not shown:
            return _category_cell(element, faded)
        element["classes"] += " open"
        roles = _roles(zone)
        children = []
        for link in _by_name(shown):
            org = link["organisation"]
            child = org_node_id(zone.id, org)
            self.node(
                child,
                "organisation outside"
                + (" agency" if kind != OUTSIDE else "")
                + self._marks(zone, org),
                label=link["name"],
                kind=kind,
                organisation=org,
                parent=node_id,
                zone=zone.id,
                category=link["category"],
                actions=len(roles[org][0]),
                roles=sorted(roles[org][1]),
            )
            self.org_nodes[(zone.id, org)].append(child)
            children.append(self._org_cell(zone, org, child))
        return _group(element, children, aspect=1.6)

    def _actions(self, zone: _Zone, parent: str) -> Box | None:
        """The chosen actions in a row above the clusters; their edges come at the end, once
        every organisation node exists."""
        actions = [a for a in self.work.actions if a["zone"] == zone.id]
        if not actions:
            return None
        boxes = []
        for row in actions:
            node_id = f"action:{row['action']}"
            own = [link["name"] for link in row["links"] if link["own"]]
            self.node(
                node_id,
                "action",
                label=f"actie {row['code']}\n{_short(row['title'], 44)}",
                kind="action",
                action=row["action"],
                code=row["code"],
                title=row["title"],
                zone=zone.id,
                parent=parent,
                own=own,
            )
            width, height, anchor = ACTION_CELL
            boxes.append(Box(node_id, width=width, height=height, anchor=anchor))
        columns = columns_for(len(boxes), 8.0)
        width = columns * (ACTION_CELL[0] + CELL_GAP)
        return Box(arrange=SHELF, children=boxes, max_width=width, gap=CELL_GAP)

    def _edges(self) -> None:
        focus = self.work.focus
        for row in self.work.actions:
            for link in row["links"]:
                if link["own"]:
                    continue
                key = (row["zone"], link["organisation"])
                if focus and self.view.steps < 2 and key != focus:
                    continue
                for node in self.org_nodes.get(key, [])[:1]:
                    self.edges.append(
                        {
                            "data": {
                                "id": f"{link['role']}:{node}:{row['action']}",
                                "source": node,
                                "target": f"action:{row['action']}",
                                "role": ROLE_LABELS[link["role"]],
                            },
                            "classes": "lead" if link["role"] == "LEADS" else "partner",
                        }
                    )

    # --- zones as boxes -------------------------------------------------------------

    def zone_summary(self, zone: _Zone, level: str) -> Box:
        zone_node = f"zone:{zone.id}"
        organisations, _ = in_clusters(zone.presence, self.filters.clusters)
        gaps = [g for key in zone.gaps for g in zone.gaps[key]] if self.filters.ghosts else []
        targets = sum(1 for g in gaps if g.kind == "target")
        missing = f"{len(gaps)} ontbreken" if gaps else "geen hiaten"
        common = {"kind": "zone", "zone": zone.id, "organisations": organisations}
        if level == "zone":
            self.node(
                zone_node,
                "zone-summary" + (" has-target-gap" if targets else ""),
                label=f"{zone.name}\n{organisations} org. · {missing}",
                level="zone",
                ghosts=len(gaps),
                **common,
            )
            width, height, anchor = ZONE_SUMMARY_CELL
            return Box(zone_node, width=width, height=height, anchor=anchor)
        self.node(zone_node, "zone", label=zone.name, level="cluster", **common)
        boxes = []
        for row in _in_cluster_order(zone.clusters):
            key = row["cluster"]
            cluster_gaps = zone.gaps.get(key, []) if self.filters.ghosts else []
            node_id = f"cluster:{zone.id}/{key}"
            missing = f"{len(cluster_gaps)} ontbreken" if cluster_gaps else "geen hiaten"
            self.node(
                node_id,
                "cluster-summary"
                + (" has-target-gap" if any(g.kind == "target" for g in cluster_gaps) else ""),
                label=f"{row['cluster_name']}\n{row['organisations']} org. · {missing}",
                kind="cluster",
                level="cluster",
                parent=zone_node,
                zone=zone.id,
                cluster=key,
                members=row["organisations"],
                contacted=row.get("contacted", 0),
                ghosts=len(cluster_gaps),
                colour=CLUSTER_COLOURS[key],
            )
            width, height, anchor = CLUSTER_SUMMARY_CELL
            boxes.append(Box(node_id, width=width, height=height, anchor=anchor))
        return Box(
            zone_node,
            arrange=TABLE,
            columns=2,
            children=boxes,
            gap=6,
            pad=10,
            header=28,
        )

    # --- the result -----------------------------------------------------------------

    def result(self, zones: dict[str, _Zone], detail: list[_Zone]) -> Drawing:
        self._edges()
        selected = None
        if self.view.reveal and self.view.reveal in self.nodes:
            selected = self.view.reveal
        elif self.work.reveal and self.org_nodes.get(self.work.reveal):
            selected = self.org_nodes[self.work.reveal][0]
        fit: list[str] = []
        if self.work.active:
            fit = [f"action:{a['action']}" for a in self.work.actions]
            fit += [n for key in sorted(self.work.orgs) for n in self.org_nodes.get(key, [])]
        elif self.work.found:
            fit = [n for key in sorted(self.work.found) for n in self.org_nodes.get(key, [])]
        elif selected:
            fit = [selected]
        elif self.view.last and self.view.last in self.nodes:
            fit = [self.view.last]
        found = None
        if self.view.search.strip():
            text = self.view.search.strip().lower()
            labelled = [
                n["data"]["id"]
                for n in self.nodes.values()
                if n["data"]["kind"] in ("cluster", "category", "ghost", "action", "zone")
                and text in n["data"]["label"].lower()
            ]
            for node_id in labelled:
                self.nodes[node_id]["classes"] += " highlight"
            found = len(self.work.found) + len(labelled)
            if not fit:
                fit = labelled
        # Every figure is of the zones drawn in detail when there are any, else of all.
        counted = detail or list(zones.values())
        boxed = (
            []
            if detail
            else [in_clusters(z.presence, self.filters.clusters) for z in zones.values()]
        )
        counts = {
            "zones": len(zones),
            "detail": len(detail),
            "names": [z.name for z in detail],
            "clusters": sum(len(z.clusters) for z in counted),
            "organisations": sum(_present(z) for z in detail)
            if detail
            else sum(present for present, _ in boxed),
            "contacted": sum(_contacted(z) for z in detail)
            if detail
            else sum(contacted for _, contacted in boxed),
            "outside": sum(_outside(z, self.filters) for z in detail),
            "outside_shown": not self.filters.statuses or OUTSIDE in self.filters.statuses,
            "ghosts": sum(len(gs) for z in counted for gs in z.gaps.values())
            if self.filters.ghosts
            else 0,
            "ghosts_shown": self.filters.ghosts,
            "actions": sum(len(z.actions) for z in detail),
            "elements": len(self.nodes) + len(self.edges),
        }
        return Drawing(list(self.nodes.values()) + self.edges, fit, selected, found, counts)


def _in_cluster_order(rows: list[dict]) -> list[dict]:
    order = {key: i for i, key in enumerate(CLUSTER_NAMES)}
    return sorted(rows, key=lambda r: order.get(r["cluster"], len(order)))


def _grid(boxes: list[Box]) -> Box:
    """Zones side by side in rows, as many per row as makes the whole fit the canvas at the
    largest zoom."""
    root = Box(arrange=SHELF, children=boxes, gap=36)
    widths = sorted((b.measure()[0] for b in boxes), reverse=True)

    def apply(per_row: int) -> float:
        root.max_width = sum(widths[:per_row]) + root.gap * (per_row - 1)
        return _fit(*root.measure())

    apply(min(range(1, len(boxes) + 1), key=apply))
    return root


def _group(element: dict, children: list[Box], aspect: float) -> Box:
    """An opened category: its organisations in rows, the box about `aspect` wide for high,
    and its label in lines above it, the box at least as wide (its `min_width`, inside its
    padding, for Cytoscape)."""
    columns = columns_for(len(children), aspect)
    width = columns * max(child.width for child in children)
    pad = 8
    lines = _wrap(element["data"]["short"], TITLE_FONT, TITLE_WIDTH)
    element["data"]["short"] = "\n".join(lines)
    title = max(_title_width(line, TITLE_FONT) for line in lines)
    element["data"]["min_width"] = title
    return Box(
        element["data"]["id"],
        arrange=SHELF,
        children=children,
        max_width=width,
        pad=pad,
        header=len(lines) * TITLE_FONT + 6,  # Cytoscape's line height is the font's size
        min_width=title + 2 * pad,
    )


def _title_width(text: str, font: float) -> float:
    """A bold one-line label's width, estimated generously."""
    return math.ceil(len(text) * GLYPH * font)


def _wrap(text: str, font: float, width: float) -> list[str]:
    """A bold label in lines of at most `width` (each as full as fits; a longer word is a line
    of its own)."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and _title_width(joined, font) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [text]


def _category_cell(element: dict, faded: bool) -> Box:
    """A closed category; smaller while a working group is drawn, its label hidden. Its label
    wraps within the cell, but a word longer than that does not: the cell is as wide."""
    width, height, anchor = FADED_CELL if faded else CATEGORY_CELL
    if not faded:
        words = element["data"]["label"].split()
        width = max([width] + [_title_width(word, TITLE_FONT) for word in words])
    return Box(element["data"]["id"], width=width, height=height, anchor=anchor)


def _fit(w: float, h: float) -> float:
    """How large a drawing of w × h is on the canvas when fitted: the smaller, the larger
    its zoom (and its labels)."""
    return max(w / CANVAS_ASPECT, h)


SHELF_GAP = STACK_GAP = 28  # between clusters side by side, and between the two shelves
ROW_CHOICES = range(1, 12)  # rows of categories a cluster may hold


def _body(clusters: list[Box], apart: list[Box]) -> Box:
    """The clusters in reading order on two shelves, the organisations outside them (to
    invite, then agencies and zorgraden, one above the other) at the end of the second.

    Chosen such that the zone fits the canvas at the largest zoom: how many clusters the
    first shelf holds (two, unless another number does better) and how many rows of
    categories the clusters of each shelf hold (each cluster as wide as its categories then
    need, so that clusters side by side are about as high). Each cluster is measured once
    per number of rows; the shelves' sizes follow from those measures."""
    extra = [Box(arrange=STACK, children=apart, gap=18)] if apart else []
    items = [[c.measure()[0] for c in box.children] for box in clusters]

    def apply(i: int, rows: int) -> None:
        # As wide as the widest row when its categories go in rows of `columns`: an opened
        # category is wider than a closed one.
        widths = items[i]
        columns = max(2, math.ceil(len(widths) / rows))
        row_widths = (
            sum(widths[j : j + columns]) + CELL_GAP * (len(widths[j : j + columns]) - 1)
            for j in range(0, len(widths), columns)
        )
        clusters[i].max_width = max(row_widths, default=0)

    sizes = []  # per cluster: rows → (width, height)
    for i, box in enumerate(clusters):
        measured = {}
        for rows in ROW_CHOICES:
            apply(i, rows)
            measured[rows] = box.measure()
        sizes.append(measured)
    beside = [box.measure() for box in extra]

    def shelf(parts: list[tuple[float, float]]) -> tuple[float, float]:
        return sum(w for w, _ in parts) + SHELF_GAP * (len(parts) - 1), max(h for _, h in parts)

    best = None  # (size to fit, split, rows of the first shelf, rows of the second)
    for split in sorted(range(1, len(clusters) + 1), key=lambda split: split != 2):
        first = {r: shelf([sizes[i][r] for i in range(split)]) for r in ROW_CHOICES}
        rest = range(split, len(clusters))
        second = (
            {r: shelf([sizes[i][r] for i in rest] + beside) for r in ROW_CHOICES}
            if rest or beside
            else {1: (0, 0)}  # no second shelf
        )
        for upper, (w1, h1) in first.items():
            for lower, (w2, h2) in second.items():
                fit = _fit(max(w1, w2), h1 + (STACK_GAP + h2 if h2 else 0))
                if best is None or fit < best[0]:
                    best = (fit, split, upper, lower)
    _, split, upper, lower = best
    for i in range(len(clusters)):
        apply(i, upper if i < split else lower)
    parts = (clusters[:split], clusters[split:] + extra)
    shelves = [
        Box(arrange=SHELF, children=part, gap=SHELF_GAP, max_width=100_000)
        for part in parts
        if part
    ]
    return Box(arrange=STACK, gap=STACK_GAP, children=shelves)


def _present(zone: _Zone) -> int:
    """The zone's organisations involved in or member of one of its clusters (or more), of
    the memberships the filters leave: the figure counts what is drawn."""
    return len(_drawn(zone, PRESENT))


def _contacted(zone: _Zone) -> int:
    """The zone's organisations contacted and not (yet) in any of its clusters, of the
    memberships the filters leave."""
    return len(_drawn(zone, {"contacted"}) - _drawn(zone, PRESENT))


def _drawn(zone: _Zone, statuses) -> set[str]:
    """The organisations of the zone's memberships that pass the filters, of `statuses`."""
    return {
        r["organisation"] for rows in zone.members.values() for r in rows if r["status"] in statuses
    }


def _outside(zone: _Zone, filters: Filters) -> int:
    """The organisations to invite that the filters leave (as `_Builder._apart` draws them)."""
    return sum(
        1
        for link in zone.outsiders.values()
        if not filters.categories or link["category"] in filters.categories
    )


def _status_counts(rows: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for row in rows:
        if row["status"] in counts:
            counts[row["status"]] += 1
    return counts


def _pie(counts: dict[str, int], total: int) -> dict[str, float]:
    return {f"pie_{s}": round(100 * counts[s] / total, 1) if total else 0 for s in STATUS_ORDER}


def _size(count: int) -> float:
    return round(min(48, 18 + 4.6 * math.sqrt(count)), 1)


def _by_name(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["name"].lower(), r["organisation"]))


def _roles(zone: _Zone) -> dict[str, tuple[set, set]]:
    roles: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for row in zone.actions:
        for link in row["links"]:
            roles[link["organisation"]][0].add(row["action"])
            roles[link["organisation"]][1].add(link["role"])
    return roles


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(drawing: Drawing) -> str:
    """One line under the filters: what the drawing holds, every figure of the zones drawn in
    detail (or of all zones when none is)."""
    c = drawing.counts
    if not c.get("zones"):
        return "Niets te tonen: kies minstens één cluster." if c.get("asked") else EMPTY
    ghosts = (
        _counted(c["ghosts"], "ontbrekende verwachte partner", "ontbrekende verwachte partners")
        if c.get("ghosts_shown", True)
        else "ontbrekende partners verborgen"
    )
    present = _counted(c["organisations"], "organisatie", "organisaties") + " in een cluster"
    if c.get("contacted"):
        present += f" · {c['contacted']} gecontacteerd"
    outside = (
        f"{c['outside']} buiten het netwerk"
        if c.get("outside_shown", True)
        else "buiten het netwerk verborgen"
    )
    if c["detail"]:
        text = (
            f"{_counted(c['clusters'], 'cluster', 'clusters')} · {present} · "
            f"{outside} · {ghosts} · "
            f"{_counted(c['actions'], 'actie', 'acties')}"
        )
        if c["zones"] > c["detail"]:
            opened = ", ".join(c["names"])
            text = f"{c['detail']} van {c['zones']} zones open · in {opened}: " + text
        return text
    return (
        f"{_counted(c['zones'], 'zone', 'zones')} · {present} · "
        f"{ghosts} · klik op een zone om ze te openen"
    )
