"""The pages' filters: their "all of them" choice and the zone filter's options."""

from __future__ import annotations

ALL = "__all__"  # a filter's "Alle …": no filter


def zone_options(zones: list[dict]) -> list[dict]:
    """The options: all zones first, then each zone by name."""
    return [
        {"label": "Alle zones", "value": ALL},
        *({"label": z["name"], "value": z["id"]} for z in zones),
    ]


def chosen(value: str | None) -> str | None:
    """A filter's value, or None for all."""
    return None if value in (None, ALL) else value
