"""Who holds a zone's network together, and who is in it without taking part.

The zone's organisation–action graph has an organisation and an action as nodes and a lead
or partner link as edge. An organisation's degree is the number of actions it works on; its
betweenness (networkx, normalised) how often it lies on the shortest path between two
others: the brokers that tie clusters and working groups together. The zone's own zorgraad
is left out: it coordinates by definition, and the question is who else bridges.

Exact betweenness takes a shortest-path search from every node (Brandes: nodes × edges);
a zone with a large plan (200 actions, 1,200 organisations and actions) took 3 s. Beyond
EXACT_NODES it is estimated from SOURCES of them, drawn with a fixed seed from the nodes in
sorted order, so that the same graph always gives the same ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

ENGAGED = ("involved", "member")
DIGITS = 9  # betweenness rounded so that float noise never decides an order
EXACT_NODES = 500  # a generated zone of 500 organisations and 50 actions: some 400 nodes
SOURCES = 100  # the estimate's sample: of 1,200 nodes, the same first and 8 of the top 10


@dataclass(frozen=True)
class Broker:
    organisation: str
    name: str
    actions: int  # degree in the organisation–action graph
    betweenness: float
    clusters: int  # clusters of the zone reached through its actions (its own included)


def organisation_action_graph(actions: list[dict], zone: str) -> nx.Graph:
    """Organisations and actions of one zone (rows of network.action_links) as a graph."""
    graph = nx.Graph()
    for row in actions:
        if row["zone"] != zone:
            continue
        for link in row["links"]:
            if link["own"]:
                continue
            org = ("organisation", link["organisation"])
            graph.add_node(org, name=link["name"])
            graph.add_edge(org, ("action", row["action"]))
    return graph


def ranking_key(name: str, degree: int, betweenness: float) -> tuple:
    """Most between first, then most actions, then by name."""
    return (-round(betweenness, DIGITS), -degree, name)


def betweenness(graph: nx.Graph) -> dict:
    """Normalised betweenness of every node: exact up to EXACT_NODES nodes, else estimated
    from SOURCES nodes (see the module's docstring)."""
    if graph.number_of_nodes() <= EXACT_NODES:
        return nx.betweenness_centrality(graph)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.edges))
    return nx.betweenness_centrality(ordered, k=SOURCES, seed=0)


def brokers(actions: list[dict], members: list[dict], zone: str, top: int = 10) -> list[Broker]:
    """The `top` organisations of a zone by betweenness (then degree, then name)."""
    graph = organisation_action_graph(actions, zone)
    if graph.number_of_nodes() == 0:
        return []
    between = betweenness(graph)
    clusters_of: dict[str, set[str]] = {}
    for row in members:
        if row["zone"] == zone:
            clusters_of.setdefault(row["organisation"], set()).add(row["cluster"])
    found = []
    for node, data in graph.nodes(data=True):
        if node[0] != "organisation":
            continue
        reached = set(clusters_of.get(node[1], ()))
        for action in graph[node]:
            for other in graph[action]:
                reached |= clusters_of.get(other[1], set())
        found.append(
            Broker(
                node[1],
                data["name"],
                graph.degree(node),
                round(between[node], DIGITS),
                len(reached),
            )
        )
    found.sort(key=lambda b: ranking_key(b.name, b.actions, b.betweenness))
    return found[:top]


def isolated(actions: list[dict], members: list[dict], zone: str) -> list[dict]:
    """Organisations involved in or member of a cluster of the zone that work on none of its
    actions, by name, each once with its clusters."""
    working = {
        link["organisation"]
        for row in actions
        if row["zone"] == zone
        for link in row["links"]
        if not link["own"]
    }
    found: dict[str, dict] = {}
    for row in members:
        if row["zone"] != zone or row["status"] not in ENGAGED:
            continue
        if row["organisation"] in working:
            continue
        entry = found.setdefault(
            row["organisation"],
            {"organisation": row["organisation"], "name": row["name"], "clusters": []},
        )
        entry["clusters"].append(row["cluster"])
    return sorted(found.values(), key=lambda r: (r["name"], r["organisation"]))
