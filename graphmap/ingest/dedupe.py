"""Is this spreadsheet row an organisation we already know?

Two answers, kept apart on purpose:

- **the same** (`Matcher.exact`): the same KBO number, or the same normalised name in the same
  municipality (or where one side names none). Only this merges a row into a known
  organisation. Case, accents, punctuation and legal-form words (vzw, bv, nv, …) do not count.
- **probably the same** (`Matcher.similar`): a strong fuzzy match (rapidfuzz), e.g. "Pallion"
  beside "Pallion (palliatief netwerk Limburg)". It is a proposal for staff, never a silent
  merge. Names that differ in a number ("De Linde 1", "De Linde 2"), a place
  ("Mantelzorgkring Lanaken", "… Maaseik") or a part of a region ("Thuiszorg Maasland Noord",
  "… Zuid", "… vzw") are different organisations, however alike. A local government under
  another of its names ("OCMW X" / "Sociaal Huis X", "Gemeente X" / "Stad X" / "Lokaal
  bestuur X", a merged place as the municipality it joined) is probably the same too.

Fuzzy candidates are blocked: only names sharing the first letters of a word other than a
place (and a compatible municipality) are compared, and rapidfuzz compares each block in C,
so a list of 20,000 rows is checked in seconds instead of comparing every pair.
"""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from graphmap.ingest.municipalities import place_words
from graphmap.ingest.seats import local_seat
from graphmap.names import fold

SIMILAR = 88  # rapidfuzz score from which a known name is proposed as "probably the same"
BLOCK = 3  # words sharing their first BLOCK letters are compared
CROWDED = 250  # a block this large says little ("huis…"): used only if nothing narrower
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
# Words that say nothing about which organisation is meant.
_FILLER = frozenset({"de", "het", "van", "voor", "en", "der", "den", "in", "op", "t", "s", "la"})
T = TypeVar("T")
# Words that name one part of a region: "… Noord" and "… Zuid" are two organisations.
_PARTS = frozenset(
    {"noord", "zuid", "oost", "west", "noordoost", "noordwest", "zuidoost", "zuidwest"}
    | {"centrum", "midden", "nord", "sud", "est", "ouest", "centre"}
)
_NOT_LETTER = re.compile(r"[\W_]+")  # of any script
_PARENTHESIS = re.compile(r"\([^)]*\)")
_IN_PARENTHESIS = re.compile(r"\(([^)]*)\)")


def name_key(name: str) -> str:
    """The name as compared: folded (`fold`), no punctuation, no legal form."""
    # "v.z.w." and "vzw" are the same word: drop the dots before splitting on the rest.
    words = _NOT_LETTER.sub(" ", fold(name).replace(".", "")).split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)


def _variants(name: str) -> tuple[str, ...]:
    """The key of the whole name, of the name without its parenthesis, and of the parenthesis
    ("Pallion (palliatief netwerk Limburg)" is also "Pallion" and "palliatief netwerk …")."""
    found = [name_key(name)]
    if "(" not in name:
        return tuple(found)  # most names: the whole name is all there is
    outside = name_key(_PARENTHESIS.sub(" ", name))
    inside = [name_key(part) for part in _IN_PARENTHESIS.findall(name)]
    for key in (outside, *inside):
        if len(key) >= 3 and key not in found:
            found.append(key)
    return tuple(found)


def _local_government(name: str) -> str | None:
    """The local government a name is, by kind and current municipality: the council is
    "Gemeente X", "Stad X" or "Lokaal bestuur X", the OCMW is "OCMW X" or "Sociaal Huis X"
    ("OCMW Tessenderlo" is Tessenderlo-Ham's since 2025): one body under names that share no
    word but the place, so no fuzzy score sees it."""
    seat = local_seat(name)
    return f"{seat.category} {seat.municipality.nis}" if seat is not None else None


@functools.lru_cache(maxsize=65536)
def _numbers(key: str) -> tuple[str, ...]:
    return tuple(sorted(re.findall(r"\d+", key)))


@functools.lru_cache(maxsize=65536)
def _places(key: str) -> frozenset[str]:
    words = place_words()
    tokens = key.split()
    # Places of several words ("sint truiden", "hamont achel") are kept whole in place_words.
    return frozenset(
        " ".join(tokens[i : i + n])
        for n in (1, 2, 3)
        for i in range(len(tokens) - n + 1)
        if " ".join(tokens[i : i + n]) in words
    )


@functools.lru_cache(maxsize=65536)
def _parts(key: str) -> frozenset[str]:
    return frozenset(word for word in key.split() if word in _PARTS)


def different(a: str, b: str) -> bool:
    """Two name keys that cannot be one organisation: another number, place, part of a
    region, or name of its own."""
    return (
        _numbers(a) != _numbers(b)
        or _places(a) != _places(b)
        or _parts(a) != _parts(b)
        or _another_word(a, b)
    )


WORD_ALIKE = 80  # below this, two words are two names, not one name and its typo
OWN_WORD = 5  # letters a word needs to be a name of its own ("t" / "het" is no such pair)


def _another_word(a: str, b: str) -> bool:
    """Two names alike by what they share, apart in the one word that names each: the
    region of a kring the register does not know as a place ("Huisartsenkring Dijlevallei" /
    "… Demervallei", 88.9 alike as names), a brand ("Samana" / "Samen"). A typo leaves the
    word alike ("Limbrug", 85.7); an ending shared by both is no likeness ("Dender|vallei" /
    "Demer|vallei", 87 alike as words, are two valleys), and a word with something added
    ("Jozef" / "Jozefs", "Thuiszorg" / "Thuiszorgdienst") may be the same."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    apart = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(apart) != 1:
        return False
    x, y = apart[0]
    if min(len(x), len(y)) < OWN_WORD or x.startswith(y) or y.startswith(x):
        return False
    shared = len(os.path.commonprefix([x[::-1], y[::-1]]))
    if shared >= 4:
        x, y = x[:-shared], y[:-shared]
    return fuzz.ratio(x, y) < WORD_ALIKE


# A province or Flanders at the end of a name: where only one of two names says it, they are
# probably one organisation ("Samana Limburg" is the plan's "Samana", "Alzheimerliga
# Vlaanderen" its "Alzheimerliga"); two provinces, or a municipality, make two.
_WIDE = (
    "limburg",
    "antwerpen",
    "vlaams brabant",
    "oost vlaanderen",
    "west vlaanderen",
    "vlaanderen",
)
PROVINCE_SCORE = 90.0  # above SIMILAR: a proposal, never a silent merge


def _without_wide(key: str) -> str:
    for wide in _WIDE:
        if key.endswith(" " + wide):
            return key[: -len(wide) - 1]
    return key


def _score(va: tuple[str, ...], vb: tuple[str, ...]) -> float:
    """How alike two names are, by their `_variants` (0–100); 100 when one is the other
    without its parenthesis."""
    best = 0.0
    for x in va:
        for y in vb:
            if x == y:
                return 100.0
            if different(x, y):
                bx, by = _without_wide(x), _without_wide(y)
                if bx == by and (bx == x) != (by == y):
                    best = max(best, PROVINCE_SCORE)
                continue
            best = max(best, fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y))
            if min(len(x.split()), len(y.split())) >= 2:
                # "Huisartsenkring Maasland" within "Huisartsenkring Maasland Noord"
                best = max(best, fuzz.token_set_ratio(x, y) - 4)
    return round(best, 1)


@dataclass(frozen=True)
class _Entry(Generic[T]):
    name: str
    variants: tuple[str, ...]  # the first is the name's own key
    kbo: str | None
    nis: str | None
    ref: T

    @property
    def key(self) -> str:
        return self.variants[0]


@dataclass(frozen=True)
class Similar(Generic[T]):
    ref: T
    name: str
    score: float


def _blocks(key: str) -> set[str]:
    words = [w for w in key.split() if w not in _FILLER and not w.isdigit()]
    # A place says where, not who: every organisation of Genk may carry "Genk", and where
    # is compared apart (the municipality, `different`). A name of only places keeps them.
    placed = {word for place in _places(key) for word in place.split()}
    return {w[:BLOCK] for w in ([w for w in words if w not in placed] or words)}


class Matcher(Generic[T]):
    """Known organisations: `exact` finds the same one, `similar` proposes look-alikes.

    Both only ever look at organisations of the row's municipality or of none (all of them
    for a row naming no municipality), so organisations are kept by municipality and indexed
    only when a row of theirs is first looked up: an import into one zone indexes the names
    of its municipalities, not the 30,000 of Flanders."""

    def __init__(self, fuzzy: bool = True) -> None:
        self._fuzzy = fuzzy  # without it, only `exact` answers (and adding is cheaper)
        self._waiting: dict[str | None, list[tuple[T, str, str | None]]] = defaultdict(list)
        self._entries: list[_Entry[T]] = []
        self._by_kbo: dict[str, T] = {}
        self._by_key: dict[str, list[_Entry[T]]] = defaultdict(list)
        # block -> municipality (None: none) -> entries, in the order they were indexed
        self._by_block: dict[str, dict[str | None, list[int]]] = defaultdict(dict)
        self._by_local: dict[str, list[int]] = defaultdict(list)  # see `_local_government`

    def __len__(self) -> int:
        return len(self._entries) + sum(map(len, self._waiting.values()))

    def add(self, ref: T, name: str, kbo: str | None, nis: str | None) -> None:
        if kbo:
            self._by_kbo.setdefault(kbo, ref)
        self._waiting[nis].append((ref, name, kbo))

    def _index(self, nis: str | None) -> None:
        """Index what waits of the municipality `nis` and of none (of all, when `nis` is None)."""
        for place in list(self._waiting) if nis is None else (nis, None):
            for ref, name, kbo in self._waiting.pop(place, ()):
                entry = _Entry(name, _variants(name), kbo, place, ref)
                index = len(self._entries)
                self._entries.append(entry)
                if entry.key:
                    self._by_key[entry.key].append(entry)
                if not self._fuzzy:
                    continue
                local = _local_government(name)
                if local is not None:
                    self._by_local[local].append(index)
                for variant in entry.variants:
                    for block in _blocks(variant):
                        postings = self._by_block[block].setdefault(place, [])
                        if not postings or postings[-1] != index:
                            postings.append(index)

    def indexed(self) -> Matcher[T]:
        """This matcher with every organisation indexed now: a lookup then changes nothing,
        so threads can share it."""
        self._index(None)
        return self

    def exact(self, name: str, kbo: str | None, nis: str | None) -> list[T]:
        """The known organisation(s) with this KBO number, or this name in this place."""
        if kbo and kbo in self._by_kbo:
            return [self._by_kbo[kbo]]
        self._index(nis)
        found: list[T] = []
        for entry in self._by_key.get(name_key(name), ()):
            if kbo and entry.kbo and kbo != entry.kbo:
                continue  # two enterprise numbers: two legal entities, however alike the names
            if nis and entry.nis and nis != entry.nis:
                continue
            if entry.ref not in found:
                found.append(entry.ref)
        return found

    def similar(
        self, name: str, kbo: str | None, nis: str | None, limit: int = 3
    ) -> list[Similar[T]]:
        """Known organisations whose name is probably this one, best first (proposals only)."""
        variants = _variants(name)
        candidates = self._candidates(variants, kbo, nis)
        found: dict[T, Similar[T]] = {}
        local = _local_government(name)
        for index in self._by_local.get(local, ()) if local is not None else ():
            entry = self._entries[index]
            if self._compatible(entry, kbo, nis):
                found[entry.ref] = Similar(entry.ref, entry.name, 100.0)
        if not candidates:
            return sorted(found.values(), key=lambda s: -s.score)[:limit]
        keys = [self._entries[i].key for i in candidates]
        for variant in variants:
            # A cheap first pass in C over the block, then the full score on the few left.
            for _choice, _first, position in process.extract(
                variant, keys, scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR - 4, limit=5
            ):
                entry = self._entries[candidates[position]]
                value = _score(variants, entry.variants)
                if value >= SIMILAR and (entry.ref not in found or found[entry.ref].score < value):
                    found[entry.ref] = Similar(entry.ref, entry.name, value)
        return sorted(found.values(), key=lambda s: -s.score)[:limit]

    def _candidates(self, variants: tuple[str, ...], kbo: str | None, nis: str | None) -> list[int]:
        self._index(nis)
        postings = []
        for variant in variants:
            for block in _blocks(variant):
                places = self._by_block.get(block, {})
                lists = places.values() if nis is None else (places.get(nis), places.get(None))
                posting = sorted(i for found in lists if found for i in found)
                if posting:
                    postings.append(posting)
        if not postings:
            return []
        narrow = [p for p in postings if len(p) <= CROWDED] or [min(postings, key=len)]
        seen: set[int] = set()
        out: list[int] = []
        for posting in narrow:
            for index in posting:
                if index in seen:
                    continue
                seen.add(index)
                if self._compatible(self._entries[index], kbo, nis):
                    out.append(index)
        return out

    @staticmethod
    def _compatible(entry: _Entry[T], kbo: str | None, nis: str | None) -> bool:
        """Whether a known organisation can be the row's: not of another KBO number, not
        seated elsewhere."""
        if kbo and entry.kbo and kbo != entry.kbo:
            return False
        return not (nis and entry.nis and nis != entry.nis)
