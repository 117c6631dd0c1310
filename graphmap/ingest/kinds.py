"""Words that name a kind of partner, and the category of `seed/reference/categories.yaml`
each one means: "huisartsen" and "huisartsenkring" are the huisartsenkring, "woonzorgcentra"
and "WZC" the woonzorgcentrum, "VAPH" the VAPH-voorziening, "Opgroeien" youth care.

Used to read a plan: which kinds of partner a sentence asks for (a zone's own targets) and
what kind of organisation a name is ("Lokaal dienstencentrum De Kouter").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from graphmap.ingest.seats import local_seat

# Most specific first: a longer phrase claims its words before a shorter one can. Each kind:
# (words, in any case; acronyms and proper names, in this case only; the category).
_KINDS: tuple[tuple[str, str, str], ...] = (
    (
        r"diensten?\s+maatschappelijk\s+werk(?:\s+(?:van|bij)\s+de\s+ziekenfondsen)?",
        "DMW",
        "dmw-ziekenfonds",
    ),
    (r"psychiatrische?\s+(?:ziekenhui(?:s|zen)|centr(?:um|a))", r"P\.?Z\.?|OPZ|PC", "ziekenhuis"),
    # A hospital is often named in one word ("Sint-Franciscusziekenhuis", "Jessaziekenhuis").
    (
        r"(?:algeme(?:en|ne)\s+)?ziekenhui(?:s|zen)|[^\W\d_][\w-]*?ziekenhui(?:s|zen)",
        "AZ|ZOL|UZ",
        "ziekenhuis",
    ),
    (
        r"(?:lokale?|regionale?)\s+dienstencentr(?:um|a)|dienstencentr(?:um|a)",
        "LDC'?s?",
        "lokaal-dienstencentrum",
    ),
    (r"woonzorgcentr(?:um|a)|rusthui(?:s|zen)", "WZC'?s?", "woonzorgcentrum"),
    (
        r"(?:centr(?:um|a)\s+voor\s+)?dagverzorging(?:scentr(?:um|a))?|dagcentr(?:um|a)",
        "",
        "dagverzorgingscentrum",
    ),
    (
        r"(?:diensten?\s+)?gezinszorg|aanvullende\s+thuiszorg|familiehulp|i-mens|thuiszorgdienst(?:en)?",
        "Landelijke Thuiszorg",
        "gezinszorg",
    ),
    (r"centr(?:um|a)\s+algemeen\s+welzijnswerk", "CAW'?s?", "caw"),
    (r"huisartsenwachtpost(?:en)?|wachtpost(?:en)?", "", "huisartsenwachtpost"),
    (r"huisarts(?:en)?(?:kring(?:en)?|vereniging(?:en)?)?", "HAK", "huisartsenkring"),
    (r"apothe(?:ker|kers|ek|ken)(?:svereniging(?:en)?|kring(?:en)?)?", "", "apothekersvereniging"),
    (r"thuisverpleg(?:ing|ers|kundigen?)|wit-gele\s+kruis", "WGK", "thuisverpleging"),
    (
        r"kine(?:sitherapeut(?:en)?(?:kring)?|kring(?:en)?)|kinesist(?:en)?",
        "",
        "kinesitherapeutenkring",
    ),
    (r"tandarts(?:en)?(?:kring(?:en)?)?", "", "tandartsenkring"),
    (r"vroedvrouw(?:en)?(?:kring(?:en)?)?", "", "vroedvrouwen"),
    (r"ergotherapeut(?:en)?", "Ergotherapie Vlaanderen", "ergotherapeuten"),
    (r"di[eë]tist(?:en)?", "", "dietisten"),
    (r"logopedist(?:en)?", "", "logopedisten"),
    (r"podolo(?:og|gen)", "", "podologen"),
    (r"(?:eerstelijns|klinische?\s+)?psycholo(?:og|gen)", "", "psychologen"),
    (
        r"netwerk(?:en)?\s+(?:voor\s+)?geestelijke\s+gezondheid(?:szorg)?|ggz-?netwerk(?:en)?",
        "CGG'?s?|GGZ",
        "ggz-netwerk-volwassenen",
    ),
    (r"palliatie\w*", "Pallion", "palliatief-netwerk"),
    (
        r"personen\s+met\s+een\s+(?:handicap|beperking)|gehandicaptenzorg",
        "VAPH",
        "vaph-voorziening",
    ),
    (r"jeugdhulp", "Opgroeien", "jeugdhulp"),
    (r"mutualiteit(?:en)?|ziekenfonds(?:en)?", "CM|Solidaris|Helan|Partena|LM", "ziekenfonds"),
    (r"huis(?:en)?\s+van\s+het\s+kind", "", "huis-van-het-kind"),
    (r"sociale?\s+hui(?:s|zen)|sociale\s+dienst(?:en)?", "OCMW'?s?", "ocmw"),
    (r"gemeente(?:besturen|bestuur|n)?|stadsbestu(?:ur|ren)|lokale\s+besturen", "", "gemeente"),
    (
        r"pati[eë]nten(?:vereniging|organisatie|platform)(?:en|s)?|zelfhulpgroep(?:en)?",
        "Similes|Samana",
        "patientenvereniging",
    ),
    (r"mantelzorg(?:vereniging|organisatie|ersvereniging)(?:en|s)?", "", "mantelzorgvereniging"),
    (r"vrijwilligers(?:organisatie|vereniging|punt)(?:en|s)?", "", "vrijwilligersorganisatie"),
    (r"welzijnsschakels?|armoede(?:vereniging|organisatie)(?:en|s)?", "", "armoedevereniging"),
    (r"ouderen(?:vereniging|organisatie)(?:en|s)?", "OKRA|S-Plus|Vief", "ouderenvereniging"),
    (r"gezondheidsoverleg", "Logo'?s?|LOGO", "logo"),
    (r"eerstelijnszones?|zorgra(?:ad|den)", "ELZ", "eerstelijnszone"),
    (r"universiteit|hogeschool|scholen|school", "UCLL|PXL|CLB'?s?", "onderwijs"),
    (r"agentschap|departement", "Kind en Gezin", "agentschap"),
)


def _alternatives(ignore_case: bool) -> re.Pattern:
    parts = []
    for i, (words, acronyms, _) in enumerate(_KINDS):
        pattern = words if ignore_case else acronyms
        if pattern:
            parts.append(f"(?P<k{i}>(?<![\\w-])(?:{pattern})(?![\\w]))")
    return re.compile("|".join(parts), re.IGNORECASE if ignore_case else 0)


_WORDS, _ACRONYMS = _alternatives(True), _alternatives(False)


@dataclass(frozen=True)
class Kind:
    category: str
    words: str  # as written
    start: int
    end: int


def kinds_in(text: str) -> list[Kind]:
    """The kinds of partner a text names, left to right; a phrase's words count once."""
    words = [_kind(match) for match in _WORDS.finditer(text)]
    # The words' spans do not overlap and are in order: the one that starts last before an
    # acronym ends is the only one that can overlap it (a search, not a scan: linear).
    starts = [k.start for k in words]
    found = list(words)
    for match in _ACRONYMS.finditer(text):
        before = bisect.bisect_left(starts, match.end()) - 1
        if before >= 0 and words[before].end > match.start():
            continue
        found.append(_kind(match))
    return sorted(found, key=lambda k: k.start)


def _kind(match: re.Match) -> Kind:
    index = int(match.lastgroup[1:])
    return Kind(_KINDS[index][2], match.group(0), match.start(), match.end())


def category_from_name(name: str) -> str | None:
    """The category a new organisation's name says it is, for a plan's reading and a list's
    import alike: a local government by its kind ("Gemeente Beringen", "Sociaal Huis
    Leopoldsburg"), else the kind of partner the name opens with, in its first two words
    ("Huisartsenkring West-Limburg", "Lokaal dienstencentrum De Bron", "CM Limburg"). A kind
    further on is what the organisation works with, not what it is ("Vrienden van het
    woonzorgcentrum De Linde", "Patiëntenvereniging van het ziekenhuis"): none."""
    seat = local_seat(name)
    if seat is not None:
        return seat.category
    found = kinds_in(name)
    return found[0].category if found and len(name[: found[0].start].split()) <= 1 else None
