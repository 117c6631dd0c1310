"""A number with its noun as a reader says it, for every message graphmap writes (the CLI's
and the dashboard's)."""

from __future__ import annotations


def counted(number: int, one: str, many: str) -> str:
    """1 organisatie, 2 organisaties."""
    return f"{number} {one if number == 1 else many}"


def some(names: list[str], shown: int) -> str:
    """The first `shown` names and how many more: "A, B, C en 4 andere"."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} en {len(names) - shown} andere"
