"""What is in the graph: counts per label and relationship type, and per zone."""

from __future__ import annotations

from graphmap.store import Store


def counts(store: Store) -> dict[str, dict[str, int]]:
    return {
        "nodes": {row["label"]: row["count"] for row in store.read("stats_nodes")},
        "relationships": {row["type"]: row["count"] for row in store.read("stats_relationships")},
    }


def zone_summary(store: Store) -> list[dict]:
    """Per zone: municipalities covered, strategic and operational goals, actions."""
    return store.read("zone_plan_counts")
