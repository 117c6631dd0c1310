"""Records from graphmap.analysis → dash-cytoscape elements. Pure functions, no Dash."""

from __future__ import annotations

CLUSTER_COLOURS = {
    "zorg": "#2a9d8f",
    "welzijn": "#e9c46a",
    "pzon": "#f4a261",
    "lokale_besturen": "#457b9d",
}
STATUS_LABELS = {
    "missing": "ontbreekt",
    "contacted": "gecontacteerd",
    "involved": "betrokken",
    "member": "lid",
}


def network_elements(members: list[dict], actors: list[dict]) -> list[dict]:
    """Zone → cluster → member organisations as compound nodes; action partners outside."""
    nodes: dict[str, dict] = {}
    for row in members:
        zone_node = f"zone:{row['zone']}"
        nodes.setdefault(
            zone_node,
            {
                "data": {"id": zone_node, "label": row["zone_name"], "kind": "zone"},
                "classes": "zone",
            },
        )
        cluster_node = f"cluster:{row['cluster']}"
        nodes.setdefault(
            cluster_node,
            {
                "data": {
                    "id": cluster_node,
                    "label": row["cluster_name"],
                    "kind": "cluster",
                    "parent": zone_node,
                    "cluster": row["cluster_key"],
                    "colour": CLUSTER_COLOURS[row["cluster_key"]],
                },
                "classes": "cluster",
            },
        )
        if row["organisation"]:
            node = f"org:{row['cluster']}:{row['organisation']}"
            nodes[node] = {
                "data": {
                    "id": node,
                    "label": row["organisation_name"],
                    "kind": "organisation",
                    "organisation": row["organisation"],
                    "parent": cluster_node,
                    "category": row["category"],
                    "status": row["status"],
                    "status_label": STATUS_LABELS.get(row["status"], row["status"]),
                    "colour": CLUSTER_COLOURS[row["cluster_key"]],
                },
                "classes": f"organisation status-{row['status']}",
            }
    for row in actors:
        if row["in_network"]:
            continue
        node = f"actor:{row['zone']}:{row['organisation']}"
        nodes[node] = {
            "data": {
                "id": node,
                "label": row["organisation_name"],
                "kind": "outside",
                "organisation": row["organisation"],
                "parent": f"zone:{row['zone']}",
                "category": row["category"],
                "actions": row["actions"],
                "roles": sorted(row["roles"]),
            },
            "classes": "organisation outside",
        }
    for node in nodes.values():
        if node["data"]["kind"] == "cluster":
            count = sum(1 for n in nodes.values() if n["data"].get("parent") == node["data"]["id"])
            node["data"]["members"] = count
            node["data"]["label"] = f"{node['data']['label']} ({count})"
    return list(nodes.values())


# fcose handles compound nodes well (load_extra_layouts); `cose` is the built-in fallback.
LAYOUT = {
    "name": "fcose",
    "animate": False,
    "nodeDimensionsIncludeLabels": True,
    "packComponents": True,
    "nodeRepulsion": 8000,
    "idealEdgeLength": 60,
    "nestingFactor": 0.6,
    "padding": 20,
}


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
        "style": {"background-color": "data(colour)", "width": 22, "height": 22},
    },
    {"selector": ".status-contacted", "style": {"border-style": "dashed", "border-width": 2}},
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
    {"selector": ":selected", "style": {"border-color": "#d62828", "border-width": 4}},
]
