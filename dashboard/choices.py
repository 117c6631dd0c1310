"""The pages' filters: their "all of them" choice, the zone filter's options, the zones
a page's address names, and the zone a page starts on for its user."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash_bootstrap_components as dbc

ALL = "__all__"  # a filter's "Alle …": no filter


def zone_options(zones: list[dict]) -> list[dict]:
    """The options: all zones first, then each zone by name."""
    return [
        {"label": "Alle zones", "value": ALL},
        *({"label": z["name"], "value": z["id"]} for z in zones),
    ]


def zone_filter(element_id: str, search: str, zone: str | None, options: list[dict]) -> dbc.Col:
    """The labelled zone choice a page's filters open with, kept as `remembered` keeps it."""
    return dbc.Col(
        [
            dbc.Label("Zone", html_for=element_id),
            dbc.Select(id=element_id, **remembered(search), value=zone, options=options),
        ],
        md=3,
    )


def chosen(value: str | None) -> str | None:
    """A filter's value, or None for all."""
    return None if value in (None, ALL) else value


def unknown_zone(value, zones: list[dict]) -> str | None:
    """Why a zone filter's value names no zone of `zones` (e.g. a hand-made request's
    `true`, a list, or an id the graph does not hold), in Dutch; None when it names one, or
    all of them, or none. A download records its zones in the audit, which holds ids only."""
    if value in (None, ALL) or (isinstance(value, str) and value in {z["id"] for z in zones}):
        return None
    shown = value if isinstance(value, str) else repr(value)
    return f"Onbekende zone: {shown[:80]}"


def zones_named(search: str, zones: list[dict]) -> list[str]:
    """The zones the address names (`?zone=a&zone=b`), in its order, those that exist only."""
    known = {z["id"] for z in zones}
    return [z for z in parse_qs(search.lstrip("?")).get("zone", []) if z in known]


def own_zone(zones: list[dict], user) -> str | None:
    """The zone a page starts on for `user` (a `graphmap.access.User`): the first of their own
    zones in the order of `zones`, else the first zone (an admin's, or with none)."""
    ids = [z["id"] for z in zones]
    return next((z for z in ids if z in user.zones), ids[0] if ids else None)


def start_zone(zones: list[dict], user) -> str:
    """The zone a page with an "all zones" choice starts on: the first of the user's own
    zones, else all (an admin's, or a user of no zone)."""
    return next((z["id"] for z in zones if z["id"] in user.zones), ALL)


def editable(zones: list[dict], user) -> list[dict]:
    """The zones `user` may change: every zone for an admin, their own for an editor, none
    for a viewer."""
    if not user.edits:
        return []
    return [z for z in zones if user.holds(z["id"])]


def remembered(search: str) -> dict:
    """The props that keep a filter's choice in the browser's tab when the user leaves the
    page and comes back (the menu, the browser's Back button): Dash's persistence. Kept per
    address, so that a link asking for something (`?zone=…`) starts on what it asks rather
    than on a choice made before on another address."""
    return {"persistence": f"page{search}", "persistence_type": "session"}
