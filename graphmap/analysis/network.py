"""A zone's network: its clusters and the organisations engaged in them."""

from __future__ import annotations

from graphmap.store import Store


def zones(store: Store) -> list[dict]:
    return store.read("zones")


def zone_network(store: Store, zone_ids: list[str]) -> list[dict]:
    """One row per (zone, cluster, organisation); no organisation fields for an empty cluster."""
    return store.read("zone_network", zones=list(zone_ids))


def zone_actors(store: Store, zone_ids: list[str]) -> list[dict]:
    """Organisations working on a zone's actions, flagged when they are in none of its clusters."""
    return store.read("zone_actors", zones=list(zone_ids))


def actions(store: Store, zone: str | None = None) -> list[dict]:
    """The actions of the plans with their goal and lead(s)."""
    rows = store.read("actions", zone=zone)
    for row in rows:
        row["leads"] = sorted(row["leads"])  # collect() has no order on Neo4j
    return rows


def action_links(store: Store, zone_ids: list[str]) -> list[dict]:
    """Actions that tie organisations together (beyond the zone's own zorgraad), with links."""
    return store.read("zone_action_links", zones=list(zone_ids))


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
