"""Records from graphmap.analysis → dash-cytoscape elements. Pure functions, no Dash."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphmap.analysis.gaps import Gap
from graphmap.style import CLUSTER_COLOURS, CLUSTER_NAMES, STATUS_LABELS

OUTSIDE = "outside"  # filter value for organisations in no cluster
ROLE_LABELS = {"LEADS": "trekker", "PARTNER_IN": "partner"}


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the graph to; empty means everything."""

    clusters: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    action: str | None = None
    ghosts: bool = True


@dataclass
class _Graph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: list[dict] = field(default_factory=list)
    org_node: dict[tuple[str, str], str] = field(default_factory=dict)  # (zone, org) → node id

    def node(self, node_id: str, classes: str, **data) -> None:
        self.nodes.setdefault(node_id, {"data": {"id": node_id, **data}, "classes": classes})


def org_node_id(zone: str, organisation: str, cluster: str | None = None) -> str:
    return f"org:{cluster}:{organisation}" if cluster else f"actor:{zone}:{organisation}"


def ghost_node_id(zone: str, cluster: str, category: str) -> str:
    return f"ghost:{zone}/{cluster}:{category}"


def network_elements(
    members: list[dict],
    actors: list[dict],
    gaps: list[Gap] = (),
    links: list[dict] = (),
    filters: Filters = Filters(),
) -> list[dict]:
    """Zone → cluster → organisations as compound nodes, with actions and ghost categories.

    `members` from network.zone_network, `actors` from network.zone_actors, `gaps` of kind
    category/target become dashed ghost nodes in their cluster, `links` from
    network.action_links become action nodes with lead/partner edges.
    """
    graph = _Graph()
    action_orgs = _action_orgs(links, filters.action)
    for row in members:
        if filters.clusters and row["cluster_key"] not in filters.clusters:
            continue
        zone_node = f"zone:{row['zone']}"
        graph.node(zone_node, "zone", label=row["zone_name"], kind="zone", zone=row["zone"])
        cluster_node = f"cluster:{row['cluster']}"
        graph.node(
            cluster_node,
            "cluster",
            label=row["cluster_name"],
            kind="cluster",
            parent=zone_node,
            zone=row["zone"],
            cluster=row["cluster_key"],
            colour=CLUSTER_COLOURS[row["cluster_key"]],
        )
        if row["organisation"] and _shown(row, row["status"], filters, action_orgs):
            node = org_node_id(row["zone"], row["organisation"], row["cluster"])
            graph.node(
                node,
                f"organisation status-{row['status']}",
                label=row["organisation_name"],
                kind="organisation",
                organisation=row["organisation"],
                parent=cluster_node,
                zone=row["zone"],
                category=row["category"],
                status=row["status"],
                status_label=STATUS_LABELS.get(row["status"], row["status"]),
                colour=CLUSTER_COLOURS[row["cluster_key"]],
            )
            graph.org_node.setdefault((row["zone"], row["organisation"]), node)
    zones = {data["data"]["zone"] for data in graph.nodes.values()}
    for row in actors:
        if row["in_network"] or row["zone"] not in zones:
            continue
        if (row["zone"], row["organisation"]) in graph.org_node:
            continue
        if not _shown(row, OUTSIDE, filters, action_orgs):
            continue
        node = org_node_id(row["zone"], row["organisation"])
        graph.node(
            node,
            "organisation outside",
            label=row["organisation_name"],
            kind=OUTSIDE,
            organisation=row["organisation"],
            parent=f"zone:{row['zone']}",
            zone=row["zone"],
            category=row["category"],
            actions=row["actions"],
            roles=sorted(row["roles"]),
        )
        graph.org_node[(row["zone"], row["organisation"])] = node
    if filters.ghosts and not filters.action:
        _add_ghosts(graph, gaps, filters)
    _add_actions(graph, links, filters)
    _count_members(graph)
    return list(graph.nodes.values()) + graph.edges


def _action_orgs(links: list[dict], action: str | None) -> set[str] | None:
    if not action:
        return None
    return {
        link["organisation"] for row in links if row["action"] == action for link in row["links"]
    }


def _shown(row: dict, status: str, filters: Filters, action_orgs: set[str] | None) -> bool:
    if filters.categories and row["category"] not in filters.categories:
        return False
    if filters.statuses and status not in filters.statuses:
        return False
    return action_orgs is None or row["organisation"] in action_orgs


def _add_ghosts(graph: _Graph, gaps: list[Gap], filters: Filters) -> None:
    for gap in gaps:
        cluster_node = f"cluster:{gap.zone}/{gap.cluster}"
        if gap.kind not in ("category", "target") or cluster_node not in graph.nodes:
            continue
        if filters.categories and gap.subject not in filters.categories:
            continue
        node = ghost_node_id(gap.zone, gap.cluster, gap.subject)
        label = gap.missing + (" (doel zone)" if gap.kind == "target" else "")
        graph.node(
            node,
            f"ghost ghost-{gap.kind}",
            label=label,
            kind="ghost",
            parent=cluster_node,
            zone=gap.zone,
            category=gap.subject,
            gap_status=gap.status,
            reason=gap.reason,
            gap_source=gap.source,
            colour=CLUSTER_COLOURS[gap.cluster],
        )


def _add_actions(graph: _Graph, links: list[dict], filters: Filters) -> None:
    for row in links:
        if filters.action and row["action"] != filters.action:
            continue
        ends = [
            (graph.org_node.get((row["zone"], link["organisation"])), link)
            for link in row["links"]
            if not link["own"]
        ]
        ends = [(node, link) for node, link in ends if node]
        if not ends or f"zone:{row['zone']}" not in graph.nodes:
            continue
        action_node = f"action:{row['action']}"
        graph.node(
            action_node,
            "action",
            label=f"actie {row['code']}",
            kind="action",
            action=row["action"],
            title=row["title"],
            zone=row["zone"],
            parent=f"zone:{row['zone']}",
        )
        for node, link in ends:
            graph.edges.append(
                {
                    "data": {
                        "id": f"{link['role']}:{node}:{row['action']}",
                        "source": node,
                        "target": action_node,
                        "role": ROLE_LABELS[link["role"]],
                    },
                    "classes": "lead" if link["role"] == "LEADS" else "partner",
                }
            )


def _count_members(graph: _Graph) -> None:
    for node in graph.nodes.values():
        data = node["data"]
        if data["kind"] == "cluster":
            inside = [
                n["data"] for n in graph.nodes.values() if n["data"].get("parent") == data["id"]
            ]
            data["members"] = sum(1 for n in inside if n["kind"] == "organisation")
            data["ghosts"] = sum(1 for n in inside if n["kind"] == "ghost")
            data["label"] = f"{CLUSTER_NAMES[data['cluster']]} ({data['members']})"


# fcose handles compound nodes well (load_extra_layouts); the others are alternatives.
LAYOUTS = {
    "fcose": {
        "name": "fcose",
        "animate": False,
        "nodeDimensionsIncludeLabels": True,
        "packComponents": True,
        "nodeRepulsion": 9000,
        "idealEdgeLength": 90,
        "nestingFactor": 0.6,
        "padding": 20,
    },
    "cose-bilkent": {
        "name": "cose-bilkent",
        "animate": False,
        "nodeDimensionsIncludeLabels": True,
        "idealEdgeLength": 90,
        "padding": 20,
    },
    "concentric": {"name": "concentric", "animate": False, "padding": 20},
    "grid": {"name": "grid", "animate": False, "padding": 20},
}
LAYOUT_LABELS = {
    "fcose": "Overzicht (fcose)",
    "cose-bilkent": "Krachten (cose-bilkent)",
    "concentric": "Concentrisch",
    "grid": "Raster",
}
LAYOUT = LAYOUTS["fcose"]

STYLESHEET = [
    {
        "selector": "node",
        "style": {
            "label": "data(label)",
            "font-size": 11,
            "text-wrap": "wrap",
            "text-max-width": 120,
        },
    },
    {
        "selector": ".zone",
        "style": {
            "background-color": "#f8f9fa",
            "border-color": "#6c757d",
            "border-width": 2,
            "text-valign": "top",
            "font-size": 16,
            "font-weight": "bold",
        },
    },
    {
        "selector": ".cluster",
        "style": {
            "shape": "round-rectangle",
            "background-color": "data(colour)",
            "background-opacity": 0.15,
            "border-color": "data(colour)",
            "border-width": 3,
            "text-valign": "top",
            "font-size": 13,
            "font-weight": "bold",
            "width": 120,
            "height": 60,
            "padding": 12,
        },
    },
    {
        "selector": ".organisation",
        "style": {
            "background-color": "data(colour)",
            "width": 24,
            "height": 24,
            "border-color": "#343a40",
            "border-width": 1,
        },
    },
    {"selector": ".status-member", "style": {"border-width": 3}},
    {
        "selector": ".status-contacted",
        "style": {"border-style": "dashed", "border-width": 2, "background-opacity": 0.5},
    },
    {"selector": ".status-missing", "style": {"background-opacity": 0.25}},
    {
        "selector": ".outside",
        "style": {
            "background-color": "#adb5bd",
            "shape": "round-rectangle",
            "border-style": "dashed",
            "border-width": 2,
            "border-color": "#495057",
        },
    },
    {
        "selector": ".ghost",
        "style": {
            "background-opacity": 0,
            "border-style": "dashed",
            "border-width": 2,
            "border-color": "data(colour)",
            "color": "#6c757d",
            "font-style": "italic",
            "font-size": 9,
            "width": 16,
            "height": 16,
            "shape": "ellipse",
        },
    },
    {"selector": ".ghost-target", "style": {"border-color": "#d62828", "color": "#d62828"}},
    {
        "selector": ".action",
        "style": {
            "shape": "diamond",
            "background-color": "#6f42c1",
            "width": 18,
            "height": 18,
            "font-size": 10,
            "color": "#6f42c1",
        },
    },
    {
        "selector": "edge",
        "style": {
            "curve-style": "bezier",
            "width": 2,
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
        },
    },
    {
        "selector": ".lead",
        "style": {"line-color": "#343a40", "target-arrow-color": "#343a40", "width": 3},
    },
    {
        "selector": ".partner",
        "style": {"line-color": "#6f42c1", "target-arrow-color": "#6f42c1", "line-style": "dashed"},
    },
    {
        "selector": ".highlight",
        "style": {
            "border-color": "#d62828",
            "border-width": 5,
            "border-style": "solid",
            "z-index": 10,
        },
    },
    {"selector": ":selected", "style": {"border-color": "#d62828", "border-width": 4}},
]
