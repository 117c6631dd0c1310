"""Who holds a zone's network together, and who is in it without taking part.

The zone's organisation–action graph has an organisation and an action as nodes and a lead
or partner link as edge. An organisation's degree is the number of actions it works on; its
betweenness (networkx, normalised) how often it lies on the shortest path between two
others: the brokers that tie clusters and working groups together. The zone's own zorgraad
is left out: it coordinates by definition, and the question is who else bridges.

Betweenness is exact, as networkx computes it, by igraph's Brandes in C: in Python (networkx,
or its searches started from the nodes that are no leaf only) a plan of 300 actions with
partners of every zone took 0.8 s, growing with the square of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph
import networkx as nx

ENGAGED = ("involved", "member")
DIGITS = 9  # betweenness rounded so that float noise never decides an order


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
    """Normalised betweenness of every node, as `nx.betweenness_centrality` gives it."""
    nodes = list(graph)
    n = len(nodes)
    if n <= 2:
        return dict.fromkeys(nodes, 0.0)
    index = {node: number for number, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in graph.edges()]
    # igraph counts each pair of nodes once; networkx normalises by the ordered pairs.
    counts = igraph.Graph(n=n, edges=edges).betweenness(directed=False)
    scale = 2 / ((n - 1) * (n - 2))
    return {node: count * scale for node, count in zip(nodes, counts, strict=True)}


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
