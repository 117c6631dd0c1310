"""Is this spreadsheet row an organisation we already know? KBO first, then name and place.

Names are compared after normalising: case, accents, punctuation and legal-form words (vzw,
bv, nv, …) do not count, and near-identical spellings (rapidfuzz ratio >= 95) match, but
only where the municipalities agree (or one side has none).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz

NEAR = 95
LEGAL_FORMS = frozenset(
    {
        "vzw",
        "ivzw",
        "bv",
        "bvba",
        "nv",
        "cv",
        "cvba",
        "cvso",
        "vof",
        "commv",
        "esv",
        "asbl",
        "sprl",
        "srl",
        "sa",
        "scrl",
    }
)
T = TypeVar("T")


def name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    # "v.z.w." and "vzw" are the same word: drop the dots before splitting on the rest.
    words = re.sub(r"[^a-z0-9]+", " ", text.replace(".", "")).split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)


@dataclass(frozen=True)
class _Entry(Generic[T]):
    key: str
    kbo: str | None
    nis: str | None
    ref: T


class Matcher(Generic[T]):
    """Known organisations; `find` returns the refs of the best matches (several: ambiguous)."""

    def __init__(self) -> None:
        self._entries: list[_Entry[T]] = []
        self._by_kbo: dict[str, T] = {}

    def add(self, ref: T, name: str, kbo: str | None, nis: str | None) -> None:
        self._entries.append(_Entry(name_key(name), kbo, nis, ref))
        if kbo:
            self._by_kbo.setdefault(kbo, ref)

    def find(self, name: str, kbo: str | None, nis: str | None) -> list[T]:
        if kbo and kbo in self._by_kbo:
            return [self._by_kbo[kbo]]
        key = name_key(name)
        if not key:
            return []
        best, found = 0.0, []
        for entry in self._entries:
            if kbo and entry.kbo and kbo != entry.kbo:
                continue  # two enterprise numbers: two legal entities, however alike the names
            if nis and entry.nis and nis != entry.nis:
                continue
            score = fuzz.ratio(key, entry.key, score_cutoff=NEAR)
            if score > best:
                best, found = score, [entry.ref]
            elif score and score == best and entry.ref not in found:
                found.append(entry.ref)
        return found
