"""A plan's lines as the plan parser reads them: text, indent and bullet, headings made plain.

Plans are typed by hand in many templates. What they share is structure, not wording, so
before the parser reads a plan, its headings are brought to one form:

- the words of a heading are recognised with typos and variants ("Operationele
  doelstellnig 3.2", "Operationeel doel 3.2", "STRATEGISCHE DOELSTELLING 1", "OD3.2",
  "O.D. 3.2", "Doelstelling 1.2", "Subdoel 1.2"; an action as "A1.1.1", "A 1.1.1",
  "Act. 1.1.1", "Actiepunt 1.1.1", "Project 1.1.1", with a letter as "Actie 1.1.a"; a
  goal lettered "Strategisch doel A", "Operationeel doel A.1", "Actie A.1.1" is numbered by
  the letter's place in the alphabet: 1, 1.1, 1.1.1; in English too: "Strategic goal 1",
  "Operational objective 1.1", "Goal 1.1", "Action 1.1.1");
- a heading split over lines is joined ("Operationele" / "doelstelling 1.1", or a bold
  number on a line of its own: "OD" / "1.2", "Operationele doelstelling" / "2.1");
- numbering without any word ("1 Title", "1.1 Title", "1.1.1 Title", or "1.2" alone above
  its title) is a heading only where the plan's structure says so: an operational goal is
  followed by actions (an "Acties" list, action fields such as "Trekker:" or "Met wie?", or
  actions numbered under it), a strategic goal by operational goals of its own number, and
  an action sits under the operational goal of its number. Where a plan names its strategic
  goals in words, bare numbers outside them are section numbers. Section numbers of the
  text around the goals ("3.1 Missie", "4.2 Doelen en acties") and a table of contents
  (with dot leaders or without) are not headings; the text's next chapter after the goals
  ("3. Opvolging") ends them.

Every such heading becomes "Strategische doelstelling N: …", "Operationele doelstelling
N.M: …" or "Actie N.M.K: …", the forms the parser knows. Field labels are given a capital
where a plan writes them in lower case ("trekker:"), and fields on one line apart by bars
("Trekker: X | Partners: Y") or in brackets after a title ("Netwerkavond (trekker: X;
partners: Y)") are put on lines of their own; a footnote and its mark ("Nieuwpoort¹") are
left out. A line that looks like a
heading but is none of these forms is named by `unread_headings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

# -- what a line is -------------------------------------------------------------------------
# "Strategische doelstelling 2 (SD2): X": the heading's short form in brackets is no title.
# "Actie 1.1.2 (vervolg 2025): X": a remark in brackets before the separator is none either
# ("note": the plan reader keeps "(verderzetting actie 2024)" as the template asks). The
# mark between number and title: ":", ".", a dash, ")", "|", "·" or ">" (a slide's title).
_SEP = (
    r"\s*(?:\([A-Z]{1,3}\s*\d+(?:\.\d+)*\)\s*|(?P<note>\([^()]{1,60}\))\s*(?=[:\-–—]))?"
    r"(?P<sep>[:.\-–—)|·>])?\s*(?P<rest>.*)$"
)
SD = re.compile(
    r"^(?:strategische\s+doelstelling(?!en)|SD\b)\s*(?P<num>\d+)?(?!\.?\d)" + _SEP, re.I
)
OD = re.compile(
    r"^(?:operationele\s+doelstelling(?!en)|OD\b)\s*(?P<num>\d+(?:\.\d+)*)?\.?(?![\d])" + _SEP,
    re.I,
)
ACTION = re.compile(
    r"^actie(?:plan|fiche)?\s*(?:(?:nr\.?|nummer|#)\s*(?=\d))?(?:A(?=\d+\.\d))?(?P<num>\d+(?:\.\d+)*(?:\.[a-z](?!\w))?)?\.?(?![\d/])"
    + _SEP,
    re.I,
)
ACTIONS_BLOCK = re.compile(r"^acties\s*(?:[:\-–—]\s*(?P<rest>.*))?$", re.I)
BULLET = re.compile(
    r"^(?P<marker>[-•▪●◦*–—·■§]|o(?=\s)|\d{1,2}[.)](?=\s)|[a-h][).](?=\s))\s*(?P<rest>.*)$"
)
_MARKER_KINDS = (
    ("•●·*", "dot"),
    ("-", "dash"),
    ("–—", "ndash"),
    ("o◦", "circle"),
    ("▪■§", "square"),
)
SPLIT_HEADING = re.compile(r"^(operationele|strategische)$", re.I)
# Lines that say nothing: a page number in any of its forms ("3", "- 3 -", "Pagina 3 van 12",
# "p. 3", "3 / 12"), wherever it stands; a bare link; a tick box.
NOISE = re.compile(
    r"^(\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*(?:/|van|of)\s*\d{1,3}|"
    r"(?:pagina|page|pag\.|blz\.?|p\.)\s*\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?|"
    r"https?://\S+|www\.\S+|/|☐|☒)$",
    re.I,
)
# A page's footer that ends in its number out of the pages' ("ELZ X – Actieplan 2025 – pagina
# 4 van 12"): said so, it is furniture even where only one page carries it (a footer seen on
# most pages is taken out with the pages, in graphmap.ingest.documents).
PAGE_FOOTER = re.compile(
    r"^\S.*?(?:\s[-–—|]\s*|\s)(?:pagina|page|pag\.|blz\.?)\s*\d{1,3}\s*(?:/|van|of)\s*\d{1,3}$|"
    # "Actieplan 2025 Zorgraad X – p. 4": the plan's name, a dash (or only spaces: "ELZ X -
    # Zorgraadplan 2026-2031   pagina 1") and its page alone.
    r"^(?=.*\b(?:\w*plan|elz|zorgraad|eerstelijnszone)\b)\S.*?\s(?:[-–—|]\s*)?"
    r"(?:pagina|page|pag\.|blz\.?|p\.)\s*\d{1,3}$|"
    # "p. 9 Meerjarenplan ELZ Pajottenland": the page first, then the plan's name.
    r"^(?:pagina|page|pag\.|blz\.?|p\.)\s*\d{1,3}\s*[-–—|]?\s+"
    r"(?=[^.:;]*\b(?:\w*plan|elz|zorgraad|eerstelijnszone)\b)[^.:;]{3,80}$",
    re.I,
)
# A heading or a field before its colon ("Actie 1.1.1: Folder …", "Indicator: …"), or a
# reference to a page ("…, zie pagina 4 van 12"): a line of the plan, no footer.
_NO_FOOTER = re.compile(
    r"^[^:]{1,60}:\s|(?:,|\bzie|\bcf\.?)\s*(?:pagina|page|pag\.|blz\.?)\s*\d", re.I
)


def _is_page_footer(text: str) -> bool:
    return bool(PAGE_FOOTER.match(text)) and not _NO_FOOTER.search(text)


# A footnote ("¹ Alveringem behoort sinds 2025 …") is no part of a goal or an action, and its
# mark after a word ("Nieuwpoort¹") no part of the word.
FOOTNOTE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*\S")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_]|[.,;:)’'])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Instructions a template leaves in the text ("Geef een korte beschrijving …").
INSTRUCTION = re.compile(
    r"^(geef |lijst hier|noteer hier|vermeld hier|selecteer |definieer |beschrijf |"
    r"waarom deze actie|kleur de|vul onderstaande|hou de tekst)",
    re.I,
)
# Field labels, tried in order; a label starts with a capital in every template seen (one
# written in lower case is given one, see _LOWER_LABEL).
# The value of a field without its colon that names no one yet, the whole rest of its line
# ("Trekker nog te bepalen", "Partners tbd"): a value in lower case, as a sentence's words
# after "Trekker" never are the whole line.
_NOBODY_YET = (
    r"|(?:(?:nog\s+)?(?:te\s+bepalen|niet\s+(?:gekend|bekend|bepaald))|tbd|tbc|onbekend|"
    r"n\.?\s?v\.?\s?t\.?)\s*$"
)

# An action's state as a year plan writes it ("Status lopend", "Mantelzorgcafé (afgerond)").
STATUS_WORDS = (
    r"lopend|afgerond|uitgesteld|nieuw|gepland|gestart|opgestart|in\s+uitvoering|"
    r"niet\s+gestart|stopgezet|geannuleerd|doorlopend|verder\w*|on\s+hold|te\s+starten|bezig"
)

FIELDS = tuple(
    (name, re.compile(rf"^(?:{pattern})(?P<rest>.*)$", re.I))
    for name, pattern in (
        (
            "title",
            r"(?:titel(?:\s+van\s+de\s+actie)?|naam\s+(?:van\s+de\s+)?actie|actietitel)\s*:",
        ),
        ("lead", r"wie is (?:de )?(?:actie)?trekker(?: van (?:de|deze) actie)?\s*\??"),
        ("lead_role", r"indien de zorgraad niet de trekker is[^.?]*[.?]?"),
        ("partners", r"met welke (?:stakeholders|partners|organisaties)[^?]*\??"),
        # "Wie werkt mee?", "Wie doet mee?": who takes part, as "Met wie?" asks.
        (
            "partners",
            r"(?:met wie|with whom)\s*\??\s*:?|"
            r"wie\s+(?:werkt|werken|doet|doen)\s+(?:er\s+)?mee\s*[?:]",
        ),
        (
            "partners",
            r"(?:(?!lead\b|trekkende\b|hoofd)[a-zà-ÿ]{3,20}\s+|samenwerkings|co-?)?partner(?:s|\(s\)|"
            r"organisaties)?(?:\s*\([^)]{1,30}\))?\s*:|"
            r"betrokken(?:en|\s+(?:organisaties|actoren))\s*:|"
            # "Stakeholders:", "Partners/stakeholders:"; "Trekker en partners: Samana
            # (trekker), OKRA" (the mark says who leads).
            r"(?:(?:betrokken|externe|andere)\s+)?stakeholders\s*:|"
            r"partners?\s*/\s*(?:stakeholders|betrokkenen)\s*:|"
            r"(?:trekkers?|lead)\s*(?:en|&|/|\+)\s*partners?\s*:|"
            r"(?:samen met|(?:in )?samenwerking met|i\.s\.m\.|met|medewerking van|"
            r"uitvoerder(?:s|\(s\))?)\s*:",
        ),
        # Who leads with the lead, or leads together where the plan names no lead.
        ("co_lead", r"(?:co|mede)-?trekkers?\s*:"),
        ("targets", r"(?:voor wie|for whom)\s*\??\s*:?"),
        ("targets", r"(?:doelgroep(?:\(en\)|en)?|target\s*groups?)\s*:?"),
        # "Trekker (organisatie):", "Eigenaar (dienst):": what the label asks for, in brackets.
        (
            "lead",
            r"(?:actie)?trekker(?:s|\(s\))?(?:\s*/\s*eigenaar)?(?:\s*\([^)]{1,30}\))?\s*[:?]",
        ),
        # A PDF's two-column table as text: label and value apart by a space ("Trekker OCMW
        # Genk"), a name after it (a sentence goes on in lower case: "Trekker is …").
        (
            "lead",
            r"(?:(?:actie)?trekker(?:s|\(s\))?|trekkende\s+(?:organisatie|partner)|eigenaar|"
            r"verantwoordelijke?n?(?:\s+(?:partner|organisatie|dienst))?|lead(?:\s*partner)?)"
            rf"(?:\s+[–—-])?(?=\s+(?:(?-i:[A-ZÀ-Ý]){_NOBODY_YET}))",  # "Trekker – OCMW Genk" too
        ),
        (
            "partners",
            r"(?:(?:betrokken|ondersteunende|externe)\s+|samenwerkings)?partner(?:s|\(s\)|"
            rf"organisaties)?(?:\s+[–—-])?(?=\s+(?:(?-i:[A-ZÀ-Ý]){_NOBODY_YET}))",
        ),
        (
            "timing",
            r"(?:periode|planning|termijn|looptijd|deadline|tijdspad|timeline)(?:\s+[–—-])?"
            r"(?=\s+(?:"
            r"(?-i:[A-ZÀ-Ý])|\d|(?:q\d|(?:na|voor)jaar|zomer|winter|doorlopend|jaarlijks|continu|"
            r"permanent|eind|begin|medio|vanaf|tegen|januari|februari|maart|april|mei|juni|"
            r"juli|augustus|september|oktober|november|december)\b))",
        ),
        (
            "lead",
            r"(?:verantwoordelijke?n?(?:\s+(?:partner|organisatie|dienst))?|lead(?:\s*partner)?|"
            r"trekkende\s+(?:organisatie|partner|partij)|eigenaar|owner|responsible|"
            # "Initiatiefnemer: X", "Promotor: X": who starts and carries the action.
            r"hoofdverantwoordelijke|hoofdtrekker|initiatiefnemers?|promotor|"
            r"wie(?:\s+trekt|\s+neemt\s+het\s+voortouw)?|who(?:\s+leads)?)"
            r"(?:\s*\([^)]{1,30}\))?\s*\??\s*[:?]",
        ),
        # Who coordinates: the lead where the plan names no "Trekker" (beside one, not read).
        ("coordinator", r"co[öo]rdinat(?:or(?:en)?|ie)(?:\s*\([^)]{1,30}\))?\s*[:?]"),
        # A contact person: personal data, and no organisation; the field is not read.
        ("other", r"contact(?:persoon|personen|\s+persoon)?(?:\s*\([^)]{1,30}\))?\s*:"),
        ("timing", r"timing\b(?:\s*/\s*(?:deadline|planning|termijn))?\s*(?::|[–—-](?=\s))?"),
        # The template's question: "Wanneer start de actie en wanneer eindigt ze?"
        ("timing", r"wanneer\s+(?:start|begint|loopt|vindt|wordt)\b[^?]{0,80}\?"),
        (
            "timing",
            r"(?:periode|planning|wanneer|deadline|termijn|looptijd|timeline|when|tijdspad|"
            r"tijdslijn|start(?:datum)?|einde|einddatum|kick-?off)\s*[:?]",
        ),
        ("what", r"wat\s*(?:\(smart\)\s*:?|\?|:)"),
        ("description", r"(?:korte\s+)?(?:omschrijving|beschrijving)(?:\s+van\s+de\s+actie)?\s*:"),
        ("why", r"waarom\s*[?:]"),
        ("how", r"(?:hoe\s*\??\s*$|hoe\s*\?|plan van aanpak\b\s*:?)"),
        ("reference", r"link met\b"),
        (
            "indicators",
            r"(?:(?:resultaats|meet|proces|effect)?indicator(?:\(en\)|en\b|s\b)?"
            r"(?:\s*/\s*kpi'?s?)?|"
            r"hoe\s+meten(?:\s+we(?:\s+(?:dit|het(?:\s+resultaat)?))?)?\s*[?:]|"
            r"(?:beoogde?|verwachte?|meetbare?)\s+resulta(?:at|ten)|kpi'?s?|streefdoel(?:en)?)"
            r"(?:\b|(?<=[)?:]))\s*:?",
        ),
        (
            "other",
            r"(?:evaluatie|middelen|personeelsinzet|randvoorwaarden|"
            r"out of scope|suggesties|communicatie|budget|rol)\b\s*:?",
        ),
        # What a year plan keeps of each action besides: its state, cost, priority, notes.
        (
            "other",
            r"(?:status|stand\s+van\s+zaken|voortgang|kost(?:prijs|en)?|financiering|"
            r"prioriteit|opmerking(?:en)?|bron)\s*:",
        ),
        # "Stand van zaken 2025: …", "Stand van zaken eind 2024 De website …" (a table's
        # label and value): the state on a date, no indicator or value of the field above.
        (
            "other",
            r"stand\s+van\s+zaken(?:\s+(?:op|per|eind|begin|medio|najaar|voorjaar))?"
            r"(?:\s+(?:\d{1,2}/\d{1,2}/)?20\d\d)?(?:\s*:|(?=\s+(?-i:[A-ZÀ-Ý0-9])))",
        ),
        # A state without its colon, as a PDF's table gives label and value ("Status lopend").
        (
            "other",
            rf"status(?=\s+(?:{STATUS_WORDS})\b)",
        ),
        # What an action does and yields, under labels of their own: its steps, activities,
        # way of working, results. A label (a colon, or the whole line), never a sentence.
        (
            "other",
            r"(?:stappen(?:plan)?|(?:concrete\s+)?activiteiten|werkwijze|aanpak|deelacties|"
            r"resulta(?:at|ten)|output|mijlpalen)\s*(?::|$)|acties\s*:",
        ),
    )
)
ACTION_FIELDS = frozenset(
    {"lead", "lead_role", "coordinator", "co_lead", "partners", "timing", "what", "indicators"}
)
# A label written in lower case, ending in ":" or "?" within its first words ("trekker: X",
# "met wie? …"): it is given a capital, as the parser wants. Other lines in lower case
# continue a sentence ("met wie we samenwerken …").
_LOWER_LABEL = re.compile(r"^[a-zà-ÿ][\w()'’-]*(?:\s+[\w()'’-]+){0,3}\s*[:?]")
# "Trekker: X | Partners: Y | Timing: Z": fields on one line, apart by a bar.
_FIELD_BAR = re.compile(r"\s*\|\s*")


@dataclass(frozen=True)
class Line:
    text: str  # stripped, with single spaces; a bullet stays at its start
    indent: int = 0  # leading spaces (a tab counts 4)
    marker: str | None = None  # the kind of bullet: dot, dash, ndash, circle, square, …
    number: int = 0  # the line of the document it comes from (1 is the first), 0 if none
    # The heading of the plan's own next chapter after its goals ("3. Opvolging"): the
    # goals end here, what follows is no goal's or action's.
    closes: bool = False

    def replace(self, text: str) -> Line:
        return Line(text, self.indent, self.marker, self.number, self.closes)


# The lines near one, read in place: a slice `lines[at + 1 :]` copies the rest of the plan,
# which for each line was quadratic in a plan's lines.
def texts_after(lines: list[Line], at: int, count: int = 1) -> list[str]:
    """The text of the next `count` lines after `at` that hold any."""
    found: list[str] = []
    for index in range(at + 1, len(lines)):
        if len(found) == count:
            break
        if lines[index].text:
            found.append(lines[index].text)
    return found


def text_after(lines: list[Line], at: int) -> str:
    """The text of the next line after `at` that holds any, else ""."""
    return next(iter(texts_after(lines, at)), "")


def text_before(lines: list[Line], at: int) -> str:
    """The text of the last line before `at` that holds any, else ""."""
    return next((lines[i].text for i in range(at - 1, -1, -1) if lines[i].text), "")


def _marker(text: str) -> str | None:
    match = BULLET.match(text)
    if not match:
        return None
    mark = match.group("marker")
    if mark[0].isdigit():
        return "number"
    if mark[0].isalpha() and mark != "o":
        return "letter"
    return next((kind for chars, kind in _MARKER_KINDS if mark in chars), "dot")


# A table of contents: dot leaders (or a tab) and a page number at the end.
_LEADER = re.compile(r"\.{3,}|…{2,}|(?:\. ){3,}")
_PAGE_AT_END = re.compile(r"(?<!\d)\d{1,3}$")


def _without_leaders(text: str) -> str:
    """The text less dot leaders and a page number at its end ("Inleiding ..... 3").

    Written out rather than as one pattern searched along the line: such a pattern tries
    every dot as a start and backtracks over the rest (minutes for a line of dots)."""
    page = _PAGE_AT_END.search(text)
    if not page:
        return text
    head = text[: page.start()]
    start = len(head)
    while start and (head[start - 1] in ".…" or head[start - 1].isspace()):
        start -= 1
    leader = _LEADER.search(head, start)
    if not leader:
        return text
    cut = leader.start()
    while cut > start and head[cut - 1].isspace():
        cut -= 1
    return head[:cut]


def _without_tab_page(raw: str) -> str:
    """The raw line less a tab and a page number at its end ("Inleiding\t3")."""
    stripped = raw.rstrip()
    page = _PAGE_AT_END.search(stripped)
    if not page:
        return raw
    head = stripped[: page.start()]
    start = len(head)
    while start and head[start - 1].isspace():
        start -= 1
    tab = head.find("\t", start)
    return raw if tab < 0 else head[:tab]


# -- a table of contents ---------------------------------------------------------------------
_CONTENTS_HEADING = re.compile(
    r"^(?:inhoud(?:stafel|sopgave|soverzicht)?|inhoudstabel|table of contents|contents)\s*:?$",
    re.I,
)


def _entry(text: str) -> str | None:
    """The title of a line of a table of contents (a page number at its end, after a space
    or dot leaders), else None. Written out: a pattern for it backtracks on long lines."""
    page = _PAGE_AT_END.search(text)
    if page is None:
        return None
    head = text[: page.start()]
    title = head.rstrip(" .…")
    gap = head[len(title) :]
    if not (" " in gap or gap.count(".") >= 2 or "…" in gap):
        return None  # "Operationele doelstelling 1.1": the number is the heading's
    return title if re.search(r"[^\W\d_]", title) else None


def _contents(texts: list[str]) -> set[int]:
    """The indexes of the lines of a table of contents, which the plan reads as text.

    A table of contents is a list of lines ending in a page number under a heading
    "Inhoud", "Inhoudstafel", "Inhoudsopgave" (an entry may wrap onto a second line); or,
    without such a heading, two or more headings' lines together, each ending in a page
    number and its heading (its number) coming again later in the plan, where the title
    may be longer. Otherwise its titles, read first, would stand for the goals."""
    skip: set[int] = set()
    at = 0
    while at < len(texts):
        if not _CONTENTS_HEADING.match(texts[at]):
            at += 1
            continue
        block, entries, at = {at}, 0, at + 1
        while at < len(texts):
            if not texts[at]:
                block.add(at)
            elif _entry(texts[at]):
                block.add(at)
                entries += 1
            elif (rest := _next_filled(texts, at)) is not None and _entry(texts[rest]):
                # An entry wrapped onto a second line (a blank line between in PDF text).
                block |= set(range(at, rest + 1))
                entries += 1
                at = rest
            else:
                break
            at += 1
        if entries:
            skip |= block
    return skip | _entries_of_later_headings(texts, skip)


def _next_filled(texts: list[str], at: int) -> int | None:
    """The index of the next line with text after `at`, blank lines aside."""
    return next((i for i in range(at + 1, len(texts)) if texts[i]), None)


def _entries_of_later_headings(texts: list[str], skip: set[int]) -> set[int]:
    last: dict[tuple[int, str], int] = {}  # a heading's (depth, number): its last line
    entries: list[tuple[list[int], tuple[int, str]]] = []  # an entry's lines, its heading
    for index, text in enumerate(texts):
        if index in skip or not text or (entries and index in entries[-1][0]):
            continue
        title = _entry(text)
        key = _heading_key(title or text)
        if key is None:
            continue
        rest = _next_filled(texts, index)
        following = texts[rest] if rest is not None else ""
        # A heading whose title ends in a number ("Actie 2.1.1 – Diabetes type 2") reads as
        # an entry too: every line of a heading's number counts as where it comes again.
        last[key] = index
        if title:
            entries.append(([index], key))
        elif _entry(following) and _heading_key(following) is None:
            # An entry wrapped onto a second line (a blank line between in PDF text).
            entries.append((list(range(index, rest + 1)), key))
    found = [lines for lines, key in entries if last.get(key, -1) > lines[0]]
    # Only a run of them is a table of contents (blank lines between), not one heading
    # whose title ends in a number.
    runs: list[list[list[int]]] = []
    for lines in found:
        if runs and all(not texts[i] for i in range(runs[-1][-1][-1] + 1, lines[0])):
            runs[-1].append(lines)
        else:
            runs.append([lines])
    return {index for run in runs if len(run) >= 2 for lines in run for index in lines}


def _heading_key(text: str) -> tuple[int, str] | None:
    """A heading's depth and number, whether worded or bare ("OD 1.2 …", "1.2 …")."""
    heading = _worded(0, _canonical_words(text))
    if heading is None and (bare := _NUMBERED.match(text)):
        heading = _Heading(0, bare["num"].count(".") + 1, bare["num"].rstrip("."), "", False)
    return (heading.depth, heading.number) if heading else None


# An action's fields in brackets after its title: "Netwerkavond (trekker: OCMW Halle;
# partners: CAW Brussel, Samana)"; the fields apart by ";" or by "," before a label. A value
# may hold brackets of its own: "(trekker: Jan Peeters (stafmedewerker ELZ); partners: …)".
_IN_BRACKETS = r"(?:[^()]|\([^()]*\))"
_BRACKET_FIELDS = re.compile(
    rf"^(?P<head>.*\S)\s*\((?P<fields>{_IN_BRACKETS}{{3,400}}?:{_IN_BRACKETS}*)\)\s*\.?\s*$"
)
_BRACKET_SEP = re.compile(r"\s*(?:;|,(?=\s*[^\W\d_][\w ]{1,30}\s*[:?]))\s*")


# Fields in brackets that the line does not close: "• Vormingsreeks (trekker: Familiehulp;
# partners: i-mens," / "Gemeente Kuurne)", one item a PDF broke over lines.
_OPEN_FIELDS = re.compile(rf"\((?P<fields>{_IN_BRACKETS}{{3,400}}?:{_IN_BRACKETS}*(?:\([^()]*)?)$")


def _opens_fields(raw: str) -> bool:
    if "(" not in raw or ":" not in raw:
        return False
    match = _OPEN_FIELDS.search(raw.rstrip())
    return bool(match) and _starts_field(_capital_label(match["fields"].strip()))


def _closed_brackets(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with an item's bracketed fields that a line leaves open joined to the lines
    that go on with them (at most three, blank lines and page footers between left out),
    under the first line's number."""
    out: list[tuple[int, str]] = []
    opened = 0  # lines joined to the last one so far, while its bracket is open
    for number, whole in lines:
        if opened:
            if not whole.strip() or _is_page_footer(" ".join(whole.split())):
                continue
            first, text = out[-1]
            out[-1] = (first, join_lines(text.rstrip(), whole))
            closed = out[-1][1].count(")") >= out[-1][1].count("(")
            opened = 0 if closed or opened >= 3 else opened + 1
            continue
        out.append((number, whole))
        opened = 1 if _opens_fields(whole) else 0
    return out


# A template's question or instruction to whoever fills it in ("Indien de zorgraad niet de
# trekker is, beschrijf dan kort welke rol de zorgraad opneemt.", "Met welke stakeholders
# wordt er samengewerkt voor deze actie?"), and the end of such a sentence that a narrower
# page wrapped onto the next line ("opneemt.", "actie?").
_PROMPT = re.compile(
    rf"(?:{INSTRUCTION.pattern[1:]}|indien de zorgraad|met welke |wie is de |welke rol )", re.I
)
_PROMPT_END = re.compile(r"^[a-zà-ÿ(][^:]{0,80}[.?)]$")
_PAGE_WIDE = 45  # characters: the narrowest column of text a prompt is wrapped in
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\S")


def _whole_prompts(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with a template's prompt that a line breaks off joined to the line that
    ends it (a blank line between left out), under the first line's number: a prompt's end
    alone on its line ("opneemt.") is no value of the field it asks for."""
    out: list[tuple[int, str]] = []
    waiting = False  # the last line is a prompt broken off, its end maybe on the next
    for number, whole in lines:
        text = " ".join(whole.split())
        if waiting and not text:
            out.append((number, whole))
            continue
        if waiting and _PROMPT_END.match(text):
            blanks = []
            while out and not out[-1][1].strip():
                blanks.append(out.pop())
            first, above = out[-1]
            out[-1] = (first, f"{above.rstrip()} {text}")
            out.extend(reversed(blanks))
            waiting = False
            continue
        out.append((number, whole))
        # Only a line as wide as a page's text breaks off ("Wie is de trekker" / "de
        # zorgraad." is a question without its mark, and its answer), and not a row of a
        # table ("Wie is de      X" / "trekker?") or a label with its value ("Met welke
        # partners: Vief" / "wordt er samengewerkt?"): `_labels_joined` reads those.
        waiting = (
            len(text) >= _PAGE_WIDE
            and bool(_PROMPT.match(text))
            and not text.endswith((".", "?", ":", "!"))
            and ":" not in text
            and not _COLUMN_GAP.search(whole.strip())
        )
    return out


def _bracket_fields(raw: str) -> list[str]:
    """A title with its fields in brackets as the title, then each field on a line of its
    own indented under it (so that in a list they are that item's own); else the line."""
    if "(" not in raw or ":" not in raw:
        return [raw]  # no fields in brackets: the pattern's backtracking spared
    match = _BRACKET_FIELDS.match(raw.rstrip())
    if not match:
        return [raw]
    fields = _fields_apart_by_semicolons(match["fields"])
    if not fields:
        return [raw]
    indent = raw[: len(raw) - len(raw.lstrip())]
    return [match["head"]] + [f"{indent}    {field}" for field in fields]


def _fields_apart_by_semicolons(text: str) -> list[str]:
    """ "trekker: OCMW Halle; partners: CAW Brussel, Samana": each field, its label with a
    capital; none where the text does not start with a field."""
    parts = [_capital_label(p.strip()) for p in _BRACKET_SEP.split(text) if p.strip()]
    if not parts or not _starts_field(parts[0]):
        return []
    fields: list[str] = []
    for part in parts:
        if _starts_field(part) or not fields:
            fields.append(part)
        else:
            fields[-1] = f"{fields[-1]}, {part}"  # "partners: A, B": a name after a comma
    return fields


def _fields_after_dashes(raw: str) -> list[str]:
    """ "Netwerkavond – trekker: OCMW Halle – partners: Samana": each part after a dash that
    starts a field on a line of its own (a dash before a place or a department stays)."""
    pieces = re.split(r"(\s+[–—-]\s+)", raw.strip())  # the dashes kept, as written
    if len(pieces) < 3:
        return [raw]
    out = [pieces[0]]
    for dash, part in zip(pieces[1::2], pieces[2::2], strict=True):
        labelled = _capital_label(part)
        if _starts_field(labelled) and re.match(r"^[^:?]{1,40}[:?]", labelled):
            # "– trekker: X; partners: Y": the fields after one dash, apart by semicolons
            out.extend(_fields_apart_by_semicolons(part) or [labelled])
        else:
            out[-1] = f"{out[-1]}{dash}{part}"
    return _under_title(raw, out)


def _under_title(raw: str, out: list[str]) -> list[str]:
    """The parts of `raw` as lines, the fields indented under its title, so that in a list
    they are that item's own; `raw` as it is when it held no field."""
    if len(out) < 2:
        return [raw]
    indent = raw[: len(raw) - len(raw.lstrip())]
    return [indent + out[0]] + [f"{indent}    {part}" for part in out[1:]]


# A field said in a sentence of its own: "Trekker is Samana.", "Partners zijn OKRA en Vief."
# Not where what follows says how partners are ("Partners zijn welkom om …", "partners zijn
# nog te zoeken"): a name, a list or an article starts the value of a field.
_SAID_FIELD = re.compile(
    r"^(trekkers?|partners?)\s+(?:is|zijn)\s+(?!(?:nog|niet|ook|welkom|nodig|gezocht|"
    r"betrokken|uitgenodigd|vrij|zelf|er|hier|daar|steeds|altijd|vaak|te|om|verantwoordelijk|"
    r"akkoord|belangrijk|aanwezig|beschikbaar|verplicht|onbekend|nader|later)\b)(?=\S)",
    re.I,
)
_SAID_OTHER = re.compile(r"^(?:trekkers?|partners?)\s+(?:is|zijn)\s", re.I)
# A full stop of an abbreviation ends no sentence: "St. Jan", "Samana e.a. Vief".
_ABBREVIATED = re.compile(r"(?:\b\w{1,3}|(?:\w\.){2,})\.$")
# Words that say when: a sentence after an action's fields that holds one ("Start in het
# voorjaar.") is its timing; a table's cell under a timing column says when with one.
WHEN = re.compile(
    r"\b(?:(?:19|20)\d\d|Q[1-4]|januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december|voorjaar|najaar|zomer|winter|lente|herfst|"
    r"doorlopend|continu|permanent|jaarlijks|maandelijks|wekelijks|kwartaal\w*|semester)\b",
    re.I,
)


def fields_after_sentences(raw: str) -> list[str]:
    """ "Infomarkt in elke gemeente. Trekker: Samana. Partners: OKRA, Vief.": each part after
    a full stop or ";" that starts a labelled field on a line of its own. A sentence after a
    field ends it: a timing where it says when ("Start in het voorjaar."), else the action's
    description, as is one saying how partners are ("Partners zijn welkom om …")."""
    pieces = re.split(r"(?<=[.;])\s+|,\s+(?=(?:trekkers?|partners?)\s+(?:is|zijn)\s)", raw.strip())
    if len(pieces) < 2:
        return [raw]
    out = [pieces[0]]
    for part in pieces[1:]:
        labelled = _capital_label(_SAID_FIELD.sub(lambda m: f"{m[1]}: ", part))
        field = _starts_field(labelled) and re.match(r"^[^:?.]{1,40}[:?]", labelled)
        said = not field and (
            _SAID_OTHER.match(part)
            or (len(out) > 1 and part[:1].isupper() and not _ABBREVIATED.search(out[-1]))
        )
        if not (field or said):
            out[-1] = f"{out[-1]} {part}"
            continue
        if len(out) == 1:
            out[0] = out[0].rstrip(";").rstrip()  # the title before the first field
        if field:
            out.append(_without_full_stop(labelled))
        else:
            # "Partners zijn welkom om …" says how partners are: the action's description.
            # A sentence after a field ends it ("Partners zijn OKRA en Vief. Start in het
            # voorjaar."): the action's timing where it says when, else its description.
            sentence = _without_full_stop(part)
            short = (
                not _SAID_OTHER.match(part)
                and len(sentence.split()) <= 12
                and WHEN.search(sentence)
            )
            out.append(f"{'Timing' if short else 'Omschrijving'}: {sentence}")
    return _under_title(raw, out)


def _without_full_stop(sentence: str) -> str:
    """A sentence less its full stop, which is no part of a field's value ("e.a." keeps its
    own)."""
    return re.sub(r"(?<=\w\w)\.$", "", sentence.rstrip(" ;"))


# A coded heading of the 2025 template glued after the text above it by the PDF's
# extractor ("☒ Procesevaluatie  Actie 1.1.2 – Overleg …"): spaces apart, a code, a dash; one
# space after the end of a sentence or a bracket ("☐ … (Output) Operationele doelstelling
# 3.2 – X"), where a heading named in running text ("zoals in Actie 1.1.2 – …") never stands;
# a number's point is none ("1. Strategische doelstelling 1: X" is one heading).
_GLUED = (
    r"(?=(?:Actie(?:plan|fiche)?|Operationele\s+doelstelling|Strategische\s+doelstelling)"
    r"\s+\d+(?:\.\d+)*\.?\s*[–—-]\s+\S)"
)
_GLUED_HEADING = re.compile(rf"(?:(?<=\S)\s{{2,}}|(?<=[^\d\s]\.)\s+|(?<=[)!?])\s+){_GLUED}")
# One space is the glue only on a line of the template's tick boxes ("☐ … (Output)"); after a
# sentence of running text a heading is named, not glued ("(zie hoger). Operationele
# doelstelling 2.1 – … blijft prioritair.").
_SPACED_HEADING = re.compile(rf"(?<=\S)\s{{2,}}{_GLUED}")
_TICK_BOXES = re.compile(r"[☐☒☑□⊠]")


def _glued_headings(raw: str) -> list[str]:
    """A line as the text before a glued heading and the heading (see _GLUED_HEADING)."""
    glue = _GLUED_HEADING if _TICK_BOXES.search(raw) else _SPACED_HEADING
    return [part for part in glue.split(raw) if part.strip()] or [raw]


def _fields_apart(raw: str) -> list[str]:
    """A line of fields apart by bars ("Trekker: X | Partners: Y", "Netwerkavond | Trekker: X")
    as one line per part, where a part after the first starts a field; fields in brackets
    after a title likewise (see `_bracket_fields`); any other line as it is."""
    if "|" not in raw:
        if ":" not in raw:
            return [raw]
        dashed = _fields_after_dashes(raw)
        if len(dashed) > 1:
            return dashed
        bracketed = _bracket_fields(raw)
        return bracketed if len(bracketed) > 1 else fields_after_sentences(raw)
    parts = [part for part in _FIELD_BAR.split(raw.strip()) if part]
    if len(parts) < 2 or not any(_starts_field(_capital_label(part)) for part in parts[1:]):
        return [raw]
    indent = raw[: len(raw) - len(raw.lstrip())]
    return [indent + part for part in parts]


def _capital_label(text: str) -> str:
    """A field's label written in lower case ("trekker: X") with the capital it wants."""
    if not _LOWER_LABEL.match(text):
        return text
    for _, pattern in FIELDS:
        match = pattern.match(text)
        if match and text[: match.start("rest")].rstrip().endswith((":", "?")):
            return text[:1].upper() + text[1:]
    return text


def _starts_field(text: str) -> bool:
    return text[:1].isupper() and any(p.match(text) for _, p in FIELDS)


# A caption said again over the rest of a table on the next page: "Acties per doelstelling
# (vervolg)", "Actietabel – vervolg", "(vervolg)" alone.
_CONTINUED = re.compile(
    r"^(?P<base>.*?)\s*(?:\(\s*(?:vervolg|continued|cont\.)\s*\)|[-–—:]\s*vervolg|^vervolg)\.?$",
    re.I,
)


def _continued(text: str, seen: set[str]) -> bool:
    match = _CONTINUED.match(text)
    return bool(match) and (not match["base"] or match["base"].casefold() in seen)


# The header of a column of targets in a table of indicators ("Indicator" / "Streefwaarde
# 2027" / "Nulmeting 2025"): under it a number alone on its line is a value, not a page's.
TARGET_COLUMN = re.compile(
    r"^(?:streefwaarde|streefcijfer|doelwaarde|norm|target|nulmeting|beginwaarde|"
    r"basiswaarde|baseline|realisatie|meetwaarde)(?:\s+(?:in\s+)?(?:19|20)\d\d)?:?$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^\d{1,3}$")


def _is_heading(text: str) -> bool:
    return bool(SD.match(text) or OD.match(text) or ACTION.match(text))


def logical_lines(raw_lines: list[str]) -> list[Line]:
    """Lines without page furniture and template instructions, with their indent and bullet;
    a heading split over two lines is joined; headings are made canonical (see above).

    A line's number is its place in `raw_lines`, or, where they have `numbers` (see
    graphmap.ingest.documents.Lines), its line in the document."""
    out: list[Line] = []
    pending: Line | None = None  # a heading's first part, waiting for the rest
    targets = False  # in a table of indicators and their targets, one cell a line
    contents = _contents([" ".join(raw.split()) for raw in raw_lines])
    numbers = getattr(raw_lines, "numbers", None)
    kept = [
        (numbers[i] if numbers is not None else i + 1, whole)
        for i, whole in enumerate(raw_lines)
        if i not in contents
    ]
    seen: set[str] = set()  # the lines so far, to know a caption said again
    for first, whole in _closed_brackets(_labels_joined(_whole_prompts(kept))):
        for part in [p for piece in _glued_headings(whole) for p in _fields_apart(piece)]:
            number = first
            raw = _without_tab_page(part)
            text = _capital_label(_without_leaders(" ".join(raw.split())))
            if pending is not None:
                if not text:
                    continue
                if SPLIT_HEADING.match(pending.text) or _NUMBER_LINE.match(text):
                    text, raw, number = f"{pending.text} {text}", pending.text, pending.number
                else:
                    out.append(pending)
                pending = None
            if TARGET_COLUMN.match(text):
                targets = True
            elif text and (text.endswith(":") or _starts_field(text) or _is_heading(text)):
                targets = False
            if targets and _BARE_NUMBER.match(text):
                pass  # "Streefwaarde 2027" / "Deelnemende scholen" / "12": a value, no page
            elif NOISE.match(text) or (text and INSTRUCTION.match(text)) or FOOTNOTE.match(text):
                continue
            if _is_page_footer(text) or _continued(text, seen):
                continue
            seen.add(text.casefold())
            text = _FOOTNOTE_MARK.sub("", text)
            expanded = raw.expandtabs(4)
            indent = len(expanded) - len(expanded.lstrip()) if text else 0
            line = Line(text, indent, _marker(text), number)
            if SPLIT_HEADING.match(text) or _WORDED_ALONE.match(_canonical_words(text)):
                pending = line
                continue
            out.append(line)
    if pending:
        out.append(pending)
    return canonical_headings(out)


# A form's label and its value on one line of a PDF's text in columns ("Wie is de      Het
# zorgraadbureau"), and the rest of a label alone under it ("trekker?"): a few words, no gap.
_LABEL_AND_VALUE = re.compile(r"^(?P<indent>\s*)(?P<label>\S+(?: \S+){0,4}) {3,}(?P<value>\S.*)$")
_LABEL_GIVEN = re.compile(r"^\s*(?P<label>\S+(?: \S+){0,4}):\s+(?P<value>\S.*)$")
_LABEL_REST = re.compile(r"^(?P<indent>\s*)(?P<rest>\S+(?: \S+){0,3})\s*$")


def _labels_joined(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A label that wraps in its narrow column: one line. As `pdftotext -layout` gives the
    template's table of an action's fields, "Wie is de      Het zorgraadbureau" / "trekker?"
    is "Wie is de trekker?   Het zorgraadbureau" (a value's own next line is never at the
    label's indent: "Met wie?   CAW, …" / "          OKRA" stays as it is); as text without
    the layout gives it, "Wie is de trekker van de" / "actie?" (a blank line between or not)
    is "Wie is de trekker van de actie?"."""
    out: list[tuple[int, str]] = []
    at = 0
    while at < len(kept):
        number, raw = kept[at]
        below = at + 1 if at + 1 < len(kept) and kept[at + 1][1].strip() else at + 2
        joined = _label_joined(raw, kept[below][1]) if below < len(kept) else None
        if joined is not None:
            out.append((number, joined))
            at = below + 1
            continue
        out.append((number, raw))
        at += 1
    return out


def _label_joined(raw: str, below: str) -> str | None:
    """`raw` with the rest of its label from the line `below`, or None where `below` is no
    such rest."""
    end = below.rstrip()
    asks = end.endswith(("?", ":"))
    if not asks and "   " not in raw:
        return None  # neither a label's rest that asks nor a line of label and value
    rest = _LABEL_REST.match(below)
    if rest is None:
        return None
    words = rest["rest"]
    asks = asks and words[:1].islower()  # "actie?", "samengewerkt?"
    head = _LABEL_AND_VALUE.match(raw) if "   " in raw else None
    if head:
        label = f"{head['label']} {words}"
        if len(rest["indent"]) != len(head["indent"]) or not _whole_label(label):
            return None
        if _starts_field(head["label"]) and not asks:
            return None
        return f"{head['indent']}{label}   {head['value']}"
    given = _LABEL_GIVEN.match(raw)
    if given and asks and _whole_label(f"{given['label']} {words}"):
        # "Wie is de trekker: OKRA" / "van de actie?": the columns read as label and value
        # already (documents), the label's rest under it.
        return f"{given['label']} {words} {given['value']}"
    start = raw.strip()
    if not asks or not start or start.endswith(("?", ":")) or len(start.split()) > 6:
        return None
    label = f"{start} {words}"
    return f"{raw[: len(raw) - len(raw.lstrip())]}{label}" if _whole_label(label) else None


def _whole_label(text: str) -> bool:
    """Whether the text is a field's label and nothing more ("Wie is de trekker?")."""
    if not text[:1].isupper():
        return False
    for _, pattern in FIELDS:
        match = pattern.match(text)
        if match and not match["rest"].strip():
            return True
    return False


# -- headings ---------------------------------------------------------------------------------
# In English too, as a plan with English and Dutch labels writes them ("Strategic goal 1",
# "Operational objective 1.1").
_LEVEL_WORDS = (
    (
        "Strategische doelstelling",
        ("strategische", "strategisch", "strategic"),
        ("doelstelling", "doel", "goal", "objective"),
    ),
    (
        "Operationele doelstelling",
        ("operationele", "operationeel", "operational"),
        ("doelstelling", "doel", "goal", "objective"),
    ),
)
_FIRST_WORDS = re.compile(r"^(?P<w1>[^\W\d_]+)\.?\s+(?P<w2>[^\W\d_]+)\b\.?\s*(?P<rest>.*)$")
_ABBREVIATION = re.compile(r"^(?P<kind>[SO])\.?\s?D\.?\s*(?=\d)", re.I)
_GOAL_WORD = re.compile(r"^(?P<word>[^\W\d_]+)\s+(?P<num>\d{1,2}(?:\.\d{1,2})?)\b", re.I)
# Other words for an action or an operational goal before its number: "A1.1.1", "A 1.1.1",
# "Act. 1.1.1", "Actiepunt 1.1.1" ("AP 1.1.1"), "Werkpunt 1.1.1" ("WP 1.1.1"), "Action
# 1.1.1", "Project 1.1.1", "Initiatief 1.1"; "Subdoel 1.1", "Deeldoelstelling 1.1". "A1.
# Title", "A1: Title", "A1 Title": action 1, numbered through. A word that names other
# things too, "Project 3" and "Initiatief 2" in a sentence, is an action's only before a
# number with a point.
ACTION_WORDS = re.compile(
    r"^(?:(?:A|AP|WP)(?=\s?\d{1,2}\.\d|\d{1,2}[.:]?\s+[A-ZÀ-Ý])|"
    r"(?i:act\.|actiepunt|werkpunt|action|(?:project|initiatief)(?=\s*\d{1,2}\.\d)))\s*(?=\d)"
)
_SUBGOAL_WORDS = re.compile(r"^(?:sub|deel)doel(?:stelling)?\s*(?=\d)", re.I)
# "Initiatief: X", "Project: X" heading an action without a number, as "Actie: X" does; a
# title after the colon, in capitals (not "Project: zie bijlage").
_UNNUMBERED_WORDS = re.compile(r"^(?i:project|initiatief)\s*:\s*(?=[A-ZÀ-Ý'‘“])")
_WORDED_ALONE = re.compile(r"^(?:Strategische doelstelling|Operationele doelstelling|SD|OD)$", re.I)
_NUMBER_ONLY = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,2})\.?$")
_NUMBER_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}\.?$")  # the number of a split heading
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?(?:\s*[-–—:]\s*|\s+)(?P<title>[A-ZÀ-Ý'‘“(].*)$"
)


def _like(word: str, forms: tuple[str, ...]) -> bool:
    return max(fuzz.ratio(word.casefold(), form) for form in forms) >= 80


# A goal lettered rather than numbered: "Strategisch doel A", "OD B.2", "Actie C.1.3", or
# numbered in Roman numerals: "Strategische doelstelling II", "OD II.1".
_LETTER = r"(?P<letter>VIII|VII|VI|IV|IX|V|III|II|I|X|[A-H])"
# A letter alone is followed by a separator ("Doel A: …", not "Actie A is …"); a Roman
# numeral by its title too ("SD II Zorg op maat", as "SD 2 Zorg op maat" is).
_LETTERED = re.compile(
    rf"^(?P<head>\D{{2,40}}?\s*){_LETTER}"
    r"(?P<sub>(?:\.\d{1,2}){1,2}(?!\w|\.\d)|(?=\s*[:.\-–—](?!\w)|$)|(?<=[IVX])(?=\s+[A-ZÀ-Ý]))"
)
_LETTERED_BARE = re.compile(rf"^{_LETTER}(?P<sub>(?:\.\d{{1,2}}){{1,2}}\.?\s+)(?=[A-ZÀ-Ý'‘“(])")
# "II. Geïntegreerde zorg" over "II.1 …": a numeral alone with its point, as "2. …" is.
_LETTERED_TOP = re.compile(rf"^{_LETTER}(?P<sub>\.\s+)(?=[A-ZÀ-Ý'‘“(][^\W\d_]+\s+\S)")
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}


def letter_place(letter: str) -> int:
    """A letter's place in the alphabet (A is 1); a Roman numeral's value."""
    return _ROMAN[letter] if letter in _ROMAN else ord(letter) - ord("A") + 1


# A code that spells out the path to a goal or action, each level by its own letters:
# "SD1-OD2 Title" is operational goal 1.2, "Actie SD1-OD2-A3: Title" or "SD1/OD2/A3 Title"
# action 1.2.3 (a level already numbered in full, "SD1-OD1.2-A1.2.3", keeps its number).
# Spaced and with dashes or bars too: "SD 1 – OD 1.2 – Actie 1.2.3: Title", "SD 2 | OD 2.1 |
# Actie 2.1.4 Title".
_PATH_CODE = re.compile(
    r"^(?:(?i:actie|action)\s*)?SD\s?(?P<sd>\d{1,2})\s*[-/.–—|]\s*OD\s?"
    r"(?P<od>\d{1,2}(?:\.\d{1,2})?)"
    r"(?:\s*[-/.–—|]\s*A(?:CT|ctie)?\s?(?P<action>\d{1,2}(?:\.\d{1,2}){0,2}))?(?![\w/]|[-.]\d)"
)


def path_code(text: str) -> str:
    """ "Actie SD1-OD2-A3: X" written as "Actie 1.2.3: X"; "SD1-OD2 X" as "OD 1.2 X"."""
    match = _PATH_CODE.match(text)
    if match is None:
        return text
    goal = f"{match['sd']}.{match['od'].split('.')[-1]}"
    rest = text[match.end() :]
    if match["action"]:
        return f"Actie {goal}.{match['action'].split('.')[-1]}{rest}"
    return f"Operationele doelstelling {goal}{rest}"


# "1.a Title": an item lettered under its goal's number, as "Actie 1.a" is (1.1).
_LETTER_UNDER_NUMBER = re.compile(r"^(?P<num>\d{1,2})\.(?P<letter>[a-h])\.?\s+(?=[A-ZÀ-Ý'‘“(])")


def _canonical_words(text: str) -> str:
    """The heading words of a line in their standard spelling, typos and variants mended."""
    text = path_code(text)
    under = _LETTER_UNDER_NUMBER.match(text)
    if under:  # a number as "1.1 Title" is, which the plan's structure confirms
        place = letter_place(under["letter"].upper())
        return f"{under['num']}.{place} {text[under.end() :]}"
    bare = _LETTERED_BARE.match(text) or _LETTERED_TOP.match(text)
    if bare:  # "A.1.1 Title": a number as any other, which the plan's structure confirms
        return f"{letter_place(bare['letter'])}{text[bare.end('letter') :]}"
    lettered = _LETTERED.match(text)
    if lettered:
        # A letter stands for its place in the alphabet (A.1 is 1.1), where the line is then
        # a heading; otherwise it is text ("Bijlage A: …").
        number = f"{letter_place(lettered['letter'])}{lettered['sub']}"
        numbered = _words(lettered["head"] + number + text[lettered.end() :])
        if _worded(0, numbered):
            return numbered
    return _words(text)


# A goal or action numbered with a letter after its number: "OD 1.a", "OD 1b", "Actie 1a.2".
_NUMBER_LETTER = re.compile(
    r"^(?P<head>(?i:operationele\s+doelstelling|OD|actie|doelstelling)\s*)(?P<num>\d{1,2})"
    r"\.?(?P<letter>[a-h])(?P<rest>(?:\.\d{1,2})?)(?=$|[\s:.\-–—])"
)


# An action lettered under its goal: "Actie a) Casusoverleg", "Actie b: X" (lower case: "Actie
# A.1.1" is a lettered goal's), read as "Actie 1", "Actie 2" numbered again under each goal;
# after its goal's number, "Actie 1.1 a) X", as "Actie 1.1.1: X".
_ACTION_LETTER = re.compile(
    r"^(?P<head>(?i:actie)\s*)(?P<goal>\d{1,2}\.\d{1,2}\s+)?(?P<letter>[a-z])(?:\)|[.:](?=\s))\s*"
    r"(?=[A-ZÀ-Ý'‘“(])"
)


def _words(text: str) -> str:
    action = _ACTION_LETTER.match(text)
    if action:
        place = ord(action["letter"]) - ord("a") + 1
        goal = f"{action['goal'].strip()}." if action["goal"] else ""
        text = f"{action['head']}{goal}{place}: {text[action.end() :]}"
    lettered = _NUMBER_LETTER.match(text)
    if lettered:
        place = ord(lettered["letter"]) - ord("a") + 1
        number = f"{lettered['num']}.{place}{lettered['rest']}"
        text = f"{lettered['head']}{number}{text[lettered.end() :]}"
    text = _ABBREVIATION.sub(lambda m: f"{m['kind'].upper()}D ", text)
    text = _SUBGOAL_WORDS.sub("Operationele doelstelling ", ACTION_WORDS.sub("Actie ", text))
    text = _UNNUMBERED_WORDS.sub("Actie: ", text)
    match = _FIRST_WORDS.match(text)
    if match:
        w1, w2 = match["w1"], match["w2"]
        if not w2.casefold().endswith(("ingen", "elen")):  # plural: prose about goals
            for canonical, firsts, seconds in _LEVEL_WORDS:
                if _like(w1, firsts) and _like(w2, seconds):
                    rest = match["rest"]
                    return f"{canonical} {rest}".rstrip() if rest else canonical
    match = _GOAL_WORD.match(text)
    if match and _like(match["word"], ("doelstelling", "doel", "goal", "objective")):
        level = "Operationele" if "." in match["num"] else "Strategische"
        return f"{level} doelstelling {text[len(match['word']) :].strip()}"
    return text


# Other words for the strategic level, where the plan has no strategic goal by that name:
# "Prioriteit 1", "Speerpunt 2", "Pijler 3", "Beleidsdoelstelling 1" (its operational goals
# "Doelstelling 1.1").
_PRIORITY_WORDS = re.compile(
    r"^(?:prioriteit|speerpunt|pijler|beleidsdoelstelling|beleidsprioriteit|focusdomein)"
    r"\s*(?=\d{1,2}(?!\.?\d)\b)",
    re.I,
)


# A goal as a field of an action sheet: "Operationele doelstelling: OD 1.2 – Sociale kaart",
# "Operationele doelstelling: 1.a – X" (lettered under its number, as "OD 1.a" is).
_GOAL_FIELD = re.compile(
    r"^(?P<level>strategische|operationele)\s+doelstelling\s*:\s*"
    r"(?:(?:SD|OD|doelstelling)\s*)?(?P<num>\d{1,2}(?:\.(?:\d{1,2}|[a-h](?![\w-])))?)?\.?"
    r"\s*[:.\-–—]?\s*(?P<title>.*)$",
    re.I,
)


def _goals_of_sheets(lines: list[Line]) -> list[Line]:
    """Goals named as fields of an action sheet ("Actiefiche 3" / "Titel: X" / "Operationele
    doelstelling: OD 1.2 – Y") as headings before the sheet's heading, where the parser
    reads a goal; elsewhere as a heading in place. Without a number ("Strategische
    doelstelling: We bouwen …") the line is a goal's heading as it stands."""
    out: list[Line] = []
    sheet: int | None = None  # where the current action sheet's heading stands in `out`
    for line in lines:
        field = _GOAL_FIELD.match(line.text) if line.text else None
        if field is None or not field["num"]:  # without a number: a heading as it stands
            if line.text and ACTION.match(_canonical_words(line.text)):
                sheet = len(out)
            elif line.text and goal_heading(line.text):
                sheet = None
            out.append(line)
            continue
        level = field["level"].capitalize()
        heading = line.replace(
            f"{level} doelstelling {field['num']}: {field['title']}".rstrip(": ")
        )
        if sheet is None:
            out.append(heading)
        else:
            out.insert(sheet, heading)
            sheet += 1
    return out


# An action numbered through ("A1. Ontwerp", "A4 Flyers") and one coded under its goal
# ("Actie 3.1.1", "A3.1.1"): a plan that codes its actions so writes the first only as text
# ("A1 Formaat posters …" in a fiche's "Wat?", a step plan "A1. Ontwerp affiche").
_THROUGH = re.compile(r"^A\d{1,2}[.:]?\s+[A-ZÀ-Ý]")
_CODED = re.compile(r"^(?:actie|action|A)\s?\d{1,2}\.\d{1,2}\.\d{1,2}\b", re.I)


def canonical_headings(lines: list[Line]) -> list[Line]:
    lines = _goals_of_sheets(lines)
    coded = any(_CODED.match(line.text) for line in lines if line.text)
    lines = [
        line.replace(_canonical_words(line.text))
        if line.text and not (coded and _THROUGH.match(line.text))
        else line
        for line in lines
    ]
    if not any(_worded(0, line.text) and SD.match(line.text) for line in lines if line.text):
        lines = [
            line.replace(_PRIORITY_WORDS.sub("Strategische doelstelling ", line.text))
            if _PRIORITY_WORDS.match(line.text)
            else line
            for line in lines
        ]
        lines = _themes_as_goals(lines)
    if not any(_worded(0, line.text) for line in lines if line.text):
        lines = _labelled_goals(lines)
    return [_annex(line) for line in _numbered_headings(lines)]


# A theme over goals numbered under it: "Thema A: Mentaal welzijn" / "A.1 Jongeren …"; a
# priority lettered so too ("Prioriteit A: X" / "A.1 Y"; numbered, see `_PRIORITY_WORDS`).
_THEME = re.compile(
    r"^(?:thema|(?:werk|focus)?domein|prioriteit|beleidsprioriteit|speerpunt|pijler)\s*"
    r"(?P<letter>\d{1,2}|VIII|VII|VI|IV|IX|V|III|II|I|X|[A-H])\s*[:.\-–—]\s*(?=[A-ZÀ-Ý'‘“])",
    re.I,
)


def _themes_as_goals(lines: list[Line]) -> list[Line]:
    """In a plan without strategic goals, a theme whose operational goals carry its number
    ("Thema A: Mentaal welzijn" / "A.1 Jongeren vinden hulp", "Thema 2: X" / "OD 2.1 Y") is
    their strategic goal, as "Prioriteit 1" is; a theme over goals numbered otherwise stays
    a theme."""
    out = list(lines)
    for at, line in enumerate(lines):
        theme = _THEME.match(line.text) if line.text else None
        if theme is None:
            continue
        letter = theme["letter"]
        number = letter if letter.isdigit() else str(letter_place(letter.upper()))
        following = next((later.text for later in lines[at + 1 :] if later.text), "")
        if re.match(rf"^(?:(?:operationele\s+doelstelling|OD)\s*)?{number}\.\d", following, re.I):
            title = line.text[theme.end() :]
            out[at] = line.replace(f"Strategische doelstelling {number}: {title}")
    return out


# A goal named by a label, without a number: "Doelstelling: Elke inwoner heeft een huisarts".
_GOAL_LABEL = re.compile(r"^(?:doelstelling|doel)\s*:\s*(?=[A-ZÀ-Ý'‘“])", re.I)


def _labelled_goals(lines: list[Line]) -> list[Line]:
    """In a plan with no goal or action by a heading: "Doelstelling: X" with a list right
    under it, the goals of a plan of one level whose actions are that list's items. (In an
    action's fiche "Doel: X" is the action's aim, under the action's heading: none here.)"""
    out = list(lines)
    for at, line in enumerate(lines):
        if not line.text or line.marker or not _GOAL_LABEL.match(line.text):
            continue
        following = next((later for later in lines[at + 1 :] if later.text), None)
        if following is not None and BULLET.match(following.text):
            out[at] = line.replace(_GOAL_LABEL.sub("Strategische doelstelling: ", line.text))
    return out


# The heading of an annex or of the lists at a plan's end ("Bijlage 1: Ledenlijst",
# "Bijlagen", "Lijst van afkortingen"): what follows is no goal's or action's text.
_ANNEX = re.compile(
    r"^(?:(?:bijlage|annex|addendum)n?(?:\s*(?:\d{1,2}|[A-Z]))?(?:\s*[:.\-–—]\s*\S.{0,80}|"
    r"\s+(?-i:[A-Z]).{0,80})?|(?:lijst van )?afkortingen(?:lijst)?|verklarende woordenlijst|"
    r"woordenlijst|literatuurlijst|bronnen(?:lijst)?|referenties|colofon)\s*:?$",
    re.IGNORECASE,
)


def _annex(line: Line) -> Line:
    if line.closes or not line.text[:1].isupper() or not _ANNEX.match(line.text):
        return line
    return Line(line.text, line.indent, line.marker, line.number, True)


@dataclass
class _Heading:
    index: int
    depth: int  # 1 strategic, 2 operational, 3 action
    number: str
    title: str | None  # None: the title is on the next line
    worded: bool
    accepted: bool = False
    placed: bool = False  # a goal of a chapter of goals, its level set by that chapter


_YEAR = re.compile(r"(?:19|20)\d\d")


def _worded(index: int, text: str) -> _Heading | None:
    for depth, pattern in ((1, SD), (2, OD), (3, ACTION)):
        match = pattern.match(text)
        if match and match.group("num"):
            if _YEAR.fullmatch(match.group("num")):
                return None  # "Actieplan 2026": the plan's title, no heading
            return _Heading(index, depth, match.group("num"), "", True, True)
    return None


def _numbered_headings(lines: list[Line]) -> list[Line]:
    headings = [
        heading
        for index, line in enumerate(lines)
        if line.text and (heading := _worded(index, line.text) or _bare(index, line.text, lines))
    ]
    if all(h.worded for h in headings):
        return lines
    _goals_in_a_chapter(headings, lines)
    headings = _in_chapter_of_goals(headings, lines)
    _accept(headings, lines)
    out = list(lines)
    words = {1: "Strategische doelstelling", 2: "Operationele doelstelling", 3: "Actie"}
    for heading in headings:
        if heading.worded or not heading.accepted:
            continue
        text = f"{words[heading.depth]} {heading.number}"
        out[heading.index] = lines[heading.index].replace(
            f"{text}: {heading.title}" if heading.title else text
        )
    for heading in _closing(headings, out):
        line = out[heading.index]
        out[heading.index] = Line(line.text, line.indent, line.marker, line.number, True)
    return out


# A chapter that by its title holds the goals ("2. DOELSTELLINGEN EN ACTIES", "3. Acties
# 2025"): the plural says it is no goal itself.
_CHAPTER_OF_GOALS = re.compile(
    r"^(?:(?:strategische|operationele)\s+)?(?:doelstellingen|doelen|acties|actiefiches)"
    r"(?:\s+(?:en|&)\s+(?:acties|actiefiches|doelstellingen|doelen))?"
    r"(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?$",
    re.IGNORECASE,
)


def _in_chapter_of_goals(headings: list[_Heading], lines: list[Line]) -> list[_Heading]:
    """The headings with the goals of a chapter that holds them one level up: under "2.
    DOELSTELLINGEN EN ACTIES", "2.1 EEN TOEGANKELIJKE EERSTE LIJN" is strategic goal 1;
    "2.1.1 …" is operational goal 1.1 where actions follow it ("Actie 1.1.1", "2.1.1.1"), else
    an action of goal 1 by its printed code. The chapter's own heading is no goal. Only
    where the chapter's first heading carries its number: "2. Doelstellingen" / "1.1 …"
    numbers its goals apart."""
    at = 0
    while at < len(headings):
        chapter = headings[at]
        at += 1
        if chapter.depth != 1 or chapter.worded or not chapter.title:
            continue
        if not _CHAPTER_OF_GOALS.match(chapter.title.strip(" .:")):
            continue
        prefix = chapter.number + "."
        bare = [h for h in headings[at:] if not h.worded]
        if not bare or not bare[0].number.startswith(prefix) or bare[0].depth != 2:
            continue  # "2. Strategische doelstellingen" / "SD 1 …": a chapter after may hold more
        members: list[_Heading] = []
        for heading in bare:
            if heading.number.startswith(prefix):
                members.append(heading)
            elif _next_chapter(chapter, heading):
                break
        listed = chapter.title.lower().startswith("strategische")
        skipped, codes = 0, {}
        if _CHAPTER_OF_ACTIONS.match(chapter.title.strip(" .:")) and all(
            h.depth == 2 for h in members
        ):
            # "3. Acties 2026" / "3.1 Aanmeldpunt huisarts" / "Doelstelling: SD 1": actions.
            for heading in members:
                heading.depth, heading.placed, heading.accepted = 3, True, True
            members = []
        for heading in members:
            if heading.depth == 2 and not listed and not _anything_under(heading, headings):
                heading.placed = True  # "2.1 Overzicht": an introduction, no goal
                skipped += 1
                continue
            coded = _OWN_CODE.match(heading.title or "") if heading.depth == 2 else None
            top = heading.number[len(prefix) :].split(".")
            if coded:
                # "3.1 OD 1.1 Iedereen vindt een huisarts": an operational goal by its code.
                codes[heading.number] = coded[1]
                heading.number, heading.title = coded[1], coded[2]
            elif (parent := heading.number.rsplit(".", 1)[0]) in codes:
                heading.number = f"{codes[parent]}.{heading.number.rsplit('.', 1)[1]}"
            elif heading.depth == 2 or _actions_under(heading, headings, lines):
                top[0] = str(int(top[0]) - skipped)
                heading.number = ".".join(top)
                heading.depth -= 1
            heading.placed = heading.accepted = True
        deeper = _actions_four_deep(prefix, members, lines)
        # Another chapter of goals may follow ("2. STRATEGISCHE DOELSTELLINGEN" / "3.
        # OPERATIONELE DOELSTELLINGEN EN ACTIES"): the chapter's own heading is no goal.
        headings = sorted(headings[: at - 1] + headings[at:] + deeper, key=lambda h: h.index)
        at = headings.index(members[-1]) + 1 if members else at - 1
    return headings


# An operational goal's own code at the start of its title ("OD 1.1 Iedereen …").
_OWN_CODE = re.compile(r"^OD\s?(\d{1,2}\.\d{1,2})\.?\s*[:.-]?\s+(\S.*)$")


# A chapter of actions only ("3. Acties 2026"): its numbered sections are actions.
_CHAPTER_OF_ACTIONS = re.compile(
    r"^(?:acties|actiefiches)(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?$", re.I
)


def _anything_under(heading: _Heading, headings: list[_Heading]) -> bool:
    """Whether a heading of a chapter of goals has one under it before the next bare heading
    of its level: "2.1 Overzicht" with only text is the chapter's introduction."""
    at = headings.index(heading) + 1
    later = headings[at] if at < len(headings) else None
    return later is not None and (later.worded or later.depth > heading.depth)


def _actions_four_deep(prefix: str, members: list[_Heading], lines: list[Line]) -> list[_Heading]:
    """The actions numbered one level below the chapter's operational goals ("2.1.1.1
    Netwerkavond" under "2.1.1"), as actions of those goals ("1.1.1")."""
    if not members:
        return []
    first, last = members[0].index, len(lines)
    pattern = re.compile(rf"^{re.escape(prefix)}(\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}})\.?\s+(\S.*)$")
    found = []
    for index in range(first, last):
        match = pattern.match(lines[index].text)
        if match:
            found.append(_Heading(index, 3, match[1], match[2], False, True, True))
    return found


def _actions_under(heading: _Heading, headings: list[_Heading], lines: list[Line]) -> bool:
    """Whether actions follow `heading`: an action's worded heading ("Actie 1.1.1") before
    the next bare one, or a number one level deeper on its next line ("2.1.1.1 …")."""
    after = text_after(lines, heading.index)
    if after.startswith(heading.number + ".") and after[len(heading.number) + 1 :][:1].isdigit():
        return True
    for later in headings[headings.index(heading) + 1 :]:
        if not later.worded:
            return False
        if later.depth == 3:
            return True
    return False


def _next_chapter(chapter: _Heading, heading: _Heading) -> bool:
    """Whether a bare number is the chapter after `chapter` ("3. OPVOLGING" after "2."): its
    number next, its title in capitals or one a plan ends with."""
    title = (heading.title or "").strip()
    return (
        heading.depth == 1
        and heading.number == str(int(chapter.number) + 1)
        and (title.isupper() or bool(_END_CHAPTER.match(title)))
    )


def _goals_read(headings: list[_Heading]) -> list[int]:
    """Where the goals' and actions' headings stand, less those at the end that only say
    again a goal read before: a summary table of the goals after them ("4 Overzichtstabel"
    / "SD1 …" / "OD 1.1 …") is no part of the goals' chapter."""
    goals = [h for h in headings if h.worded or h.accepted]
    seen: set[tuple[int, str]] = set()
    last = -1
    for at, heading in enumerate(goals):
        if (heading.depth, heading.number) not in seen:
            last = at
        seen.add((heading.depth, heading.number))
    return [h.index for h in goals[: last + 1]]


def _closing(headings: list[_Heading], lines: list[Line]) -> list[_Heading]:
    """The chapters of the text after the goals: bare numbered headings after the last goal
    that go on from the chapter the goals stand in ("2. Doelen en acties" … "3. Opvolging").

    A list numbered anew under the last goal ("1.", "2.", "3.") is its actions; where a
    number could be either (a list 1., 2., then "3."), a blank line before it after a list
    without blank lines says chapter. A chapter number past the next ("4. Opvolging" after
    "1. Inleiding") is one too, where it is not the list's next item."""
    goals = _goals_read(headings)
    chapters = [h for h in headings if h.depth == 1 and not h.worded and not h.accepted]
    before = [h for h in chapters if goals and h.index < goals[0]]
    if not before:
        return _closing_by_title(chapters, goals)
    expected, item, closing = int(before[-1].number) + 1, 1, []
    compact = True  # the list's items follow each other without blank lines
    for heading in (h for h in chapters if h.index > goals[-1]):
        number = int(heading.number)
        after_blank = heading.index > 0 and not lines[heading.index - 1].text
        if number == expected and (number != item or closing or (after_blank and compact)):
            closing.append(heading)
            expected += 1
        elif not closing and number > expected and number != item:
            # The goals were chapters of their own that the text does not number ("4.
            # Opvolging" after "1. Inleiding", the goals as chapters 2 and 3 in the contents).
            closing.append(heading)
            expected = number + 1
        elif not closing and number == item:
            compact = compact and (item == 1 or not after_blank)
            item += 1
    return closing


# The chapters a plan ends with, after its goals ("3. Opvolging en evaluatie").
_END_CHAPTER = re.compile(
    r"^(?:opvolging|evaluatie|monitoring|budget|financi\w*|communicatie|besluit|conclusie|"
    r"slot\w*|verdere opvolging)\b",
    re.IGNORECASE,
)


def _closing_by_title(chapters: list[_Heading], goals: list[int]) -> list[_Heading]:
    """Where no chapter before the goals is numbered (the goals under worded headings): a
    chapter after the last goal numbered as one ("3." with no "1." and "2." of a list
    before it) whose title says the plan's end ("Opvolging", "Evaluatie", "Budget")."""
    item = 1
    for heading in (h for h in chapters if goals and h.index > goals[-1]):
        number = int(heading.number)
        if number == item:
            item += 1  # a numbered list under the last action
        elif number >= 2 and heading.title and _END_CHAPTER.match(heading.title):
            return [heading]
    return []


def _bare(index: int, text: str, lines: list[Line]) -> _Heading | None:
    match = _NUMBERED.match(text)
    if match:
        number = match["num"]
        if "." not in number and int(number) > 20:
            return None
        return _Heading(index, number.count(".") + 1, number, match["title"], False)
    match = _NUMBER_ONLY.match(text)
    if match and index + 1 < len(lines) and lines[index + 1].text[:1].isupper():
        return _Heading(index, match["num"].count(".") + 1, match["num"], None, False)
    return None


def _window(headings: list[_Heading], at: int, lines: list[Line]) -> range:
    """The lines after an operational goal's heading up to the next goal heading (a bare
    strategic number does not end it: it is too weak a sign on its own)."""
    heading = headings[at]
    end = len(lines)
    for later in headings[at + 1 :]:
        if later.depth == 2 or (later.worded and later.depth == 1):
            end = later.index
            break
    return range(heading.index + (2 if heading.title is None else 1), end)


def _has_actions(heading: _Heading, window: range, headings: list[_Heading], lines) -> bool:
    """Whether actions follow an operational goal: an "Acties" list, action fields, or
    actions numbered under it."""
    for line in (lines[i] for i in window):
        text = line.text
        if ACTIONS_BLOCK.match(text) or ACTION.match(text):
            return True
        if _is_field_of(text):
            return True
    prefix = heading.number + "."
    return any(h.depth == 3 and h.index in window and h.number.startswith(prefix) for h in headings)


def _with_fields(heading: _Heading, lines: list[Line], names=ACTION_FIELDS) -> bool:
    """Whether an action's field (one of names) follows a numbered item within its next
    three lines (its title may go on over one or two)."""
    after = texts_after(lines, heading.index, 3)
    return any(_is_field_of(t, names) for t in after)


def _is_field_of(text: str, names=ACTION_FIELDS) -> bool:
    """Whether a line is one of an action's fields, also as a bullet ("• Trekker: X", as a
    slide or a list under the action's heading writes its fields); not a numbered item."""
    text = without_bullet(text)
    return any(name in names and p.match(text) for name, p in FIELDS)


def without_bullet(text: str) -> str:
    """A line without its bullet ("• Trekker: X", "- SD1-OD2-A1"); a numbered or lettered
    item's number ("1.", "a)") stays, as it says which one."""
    bullet = BULLET.match(text)
    return bullet["rest"] if bullet and not bullet["marker"][:1].isalnum() else text


# Who does an action: a numbered item with only a timing under it is a step of an action
# ("1. Bevraging" / "Timing: Q1 2026"), no action of its own.
_WHO_FIELDS = frozenset({"lead", "lead_role", "coordinator", "co_lead", "partners"})


def _goal_shaped(heading: _Heading, headings: list[_Heading]) -> bool:
    """Whether "N" heads goals of its own: an "N.x" and an "N.x.y" follow it."""
    prefix = heading.number + "."
    later = [h for h in headings if h.index > heading.index and not h.worded]
    return any(h.depth == 2 and h.number.startswith(prefix) for h in later) and any(
        h.depth == 3 and h.number.startswith(prefix) for h in later
    )


def _goals_in_a_chapter(headings: list[_Heading], lines: list[Line]) -> None:
    """Goals numbered inside the chapter that holds them: "3. Doelstellingen en acties" /
    "3.1 Iedereen vindt zijn weg" / "3.1.1 Toegankelijke informatie" / "1. Infopunt" /
    "Trekker: …". Where under every "3.x.y" a list numbered from 1 holds actions with their
    fields, "3.x" is strategic goal x and "3.x.y" operational goal x.y (without that list,
    "3.1.1 BEWEGEN OP VERWIJZING" is an action under "3.1", as before)."""
    for at, chapter in enumerate(headings):
        if chapter.depth != 1 or chapter.worded:
            continue
        # "1 Samen zorgen" / "1.1" / "1.1.1" beside "2 Preventie" / "2.1" / "2.1.1" is a
        # goal like its sibling, whatever lists its actions hold.
        siblings = [
            h for h in headings if h.depth == 1 and not h.worded and h.number != chapter.number
        ]
        if any(_goal_shaped(h, headings) for h in siblings):
            continue
        prefix = chapter.number + "."
        members: list[_Heading] = []
        items: dict[int, int] = {}  # per operational goal (by index): its numbered actions
        for heading in headings[at + 1 :]:
            if heading.depth in (2, 3) and not heading.worded and heading.number.startswith(prefix):
                members.append(heading)
                if heading.depth == 3:
                    items[heading.index] = 0
                continue
            under = members[-1] if members and members[-1].depth == 3 else None
            if (
                heading.depth == 1
                and under is not None
                and heading.number == str(items[under.index] + 1)
                and _with_fields(heading, lines, _WHO_FIELDS)
            ):
                items[under.index] += 1
                continue
            break
        if items and all(items.values()) and any(m.depth == 2 for m in members):
            for member in members:
                member.number = member.number[len(prefix) :]
                member.depth -= 1
            return


def _accept(headings: list[_Heading], lines: list[Line]) -> None:
    for at, heading in enumerate(headings):
        if heading.depth == 2 and not heading.worded and not heading.placed:
            heading.accepted = _has_actions(heading, _window(headings, at, lines), headings, lines)
    # Where the plan names its strategic goals in words, a bare number is a section number
    # of the text, and an operational goal needs a strategic goal of its number above it.
    worded_strategic = any(h.worded and h.depth == 1 for h in headings)
    current = None  # the number of the strategic goal read last
    for at, heading in enumerate(headings):
        if (
            heading.depth == 1
            and not heading.worded
            and not worded_strategic
            and not heading.placed
        ):
            following = []
            for later in headings[at + 1 :]:
                if later.depth == 1:
                    break
                following.append(later)
            # "2. Valpreventie" under goal 2 ("2 Samen zorgen" / "2.1 …" / "1. …" / "2. …")
            # is the second item of a list, though "2.2" follows it: a goal is never its
            # own next goal.
            # "II. Zorg op maat" over "Actie II.1": a goal of a plan of one level, whose
            # actions' codes name it.
            heading.accepted = heading.number != current and any(
                (h.depth == 2 and h.accepted or _action_of_a_goal(h))
                and h.number.split(".")[0] == heading.number
                for h in following
            )
            current = heading.number if heading.accepted else current
    strategic: _Heading | None = None
    operational: _Heading | None = None
    for heading in headings:
        if heading.depth == 1 and heading.accepted:
            strategic, operational = heading, None
        elif heading.depth == 2 and heading.accepted:
            parent = heading.number.split(".")[0]
            outside = strategic.number != parent if strategic else worded_strategic
            if not heading.worded and not heading.placed and outside:
                heading.accepted = False  # a section number of the text around the goals
            else:
                operational = heading
        elif heading.depth == 3 and not heading.worded and not heading.placed:
            parent = heading.number.rsplit(".", 1)[0]
            heading.accepted = operational is not None and operational.number == parent
    for at, heading in enumerate(headings):
        if _action_of_one_level(heading, at, headings, lines):
            heading.depth = 3


def _action_of_one_level(heading: _Heading, at: int, headings: list[_Heading], lines) -> bool:
    """Whether "1.1 Title" (or "A.1 Title") under a goal is an action of a plan with one
    level of goals: its own fields right under it ("Trekker: X"), and no action under it
    (no list before its fields, no "Acties" list, no "Actie …", no "1.1.1"), where an
    operational goal's fields would be followed by its actions."""
    if heading.depth != 2 or not heading.accepted or heading.worded or heading.placed:
        return False
    if not _with_fields(heading, lines):
        return False
    window = _window(headings, at, lines)
    annex = next((i for i in window if _ANNEX.match(lines[i].text)), None)
    window = range(window.start, annex) if annex is not None else window  # its own text only
    for i in window:
        if _is_field_of(lines[i].text):
            break
        if lines[i].marker:
            return False  # a list of actions under it, each with its fields in brackets
    if any(ACTIONS_BLOCK.match(lines[i].text) or ACTION.match(lines[i].text) for i in window):
        return False
    prefix = heading.number + "."
    return not any(
        h.depth == 3 and h.index in window and h.number.startswith(prefix) for h in headings
    )


def _action_of_a_goal(heading: _Heading) -> bool:
    """ "Actie II.1" (2.1) in words: an action of a plan of one level of goals."""
    return heading.depth == 3 and heading.worded and heading.number.count(".") == 1


# -- what is not read ---------------------------------------------------------------------------
# A line that starts like a heading: a word of goals or actions (or S, O, A) and a number
# with parts ("Maatregel 1.2", "OD 1.1.1.1"); "Project 1" alone is too often just a project.
_HEADING_LIKE = re.compile(
    r"^(?:(?:sub|deel)?doel(?!groep)\w*|acti\w*|act\.|project\w*|maatregel\w*|initiatie\w*|"
    r"werkpunt\w*|S\.?D|O\.?D|[SOA])\.?\s?\d{1,2}(?:\.\d{1,2})+(?:\.?[a-z])?(?!\w)",
    re.I,
)


def unread_headings(lines: list[Line]) -> list[str]:
    """Warnings for lines that look like a heading of a goal or an action but are read as
    text: a form this module does not know ("Maatregel 1.1.1", "OD 1.1.1.1"). Numbers without
    a word ("3.1.1 Missie") are left alone: most are section numbers of the text."""
    warnings = []
    for line in lines:
        text = line.text
        if not text[:1].isupper():
            continue
        if any(p.match(text) and p.match(text).group("num") for p in (SD, OD, ACTION)):
            continue
        if _HEADING_LIKE.match(text):
            where = f"regel {line.number}" if line.number else "een regel"
            shown = text if len(text) <= 60 else text[:59] + "…"
            warnings.append(
                f"{where}: «{shown}» lijkt een kop, maar werd als tekst gelezen (een kop "
                "luidt 'Strategische doelstelling 1', 'Operationele doelstelling 1.1' of "
                "'Actie 1.1.1')"
            )
    return warnings


# -- lines of one text -----------------------------------------------------------------------
_BROKEN = re.compile(r"(?P<before>[^\W_])-$")


def join_lines(text: str, more: str) -> str:
    """Two lines of one text as one; the parser and the sentences join lines by this rule.

    A word broken at the line end with a hyphen joins without a space. Before a capital the
    hyphen is the name's own ("CAW Noord-West-" / "Vlaanderen": "Noord-West-Vlaanderen"),
    as after a digit or a capital ("75-" / "plussers", "CAW-" / "medewerkers"); between
    lower-case letters it only broke the word ("samen-" / "werking": "samenwerking",
    "West-Vlaan-" / "deren": "West-Vlaanderen"). "zorg-" / "en welzijn" keeps its space."""
    more = more.strip()
    if not text:
        return more
    # Only the end can be broken: searched from the start, a paragraph of many lines was
    # read again at each line (quadratic in its length).
    broken = _BROKEN.search(text, max(0, len(text) - 3))
    if broken is None or not more[:1].isalnum() or re.match(r"(?:en|of)\b", more):
        return f"{text} {more}"
    if broken["before"].islower() and more[:1].islower():
        return text[:-1] + more
    return text + more


# -- sentences --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sentence:
    text: str
    section: str  # where it stands in the plan: "OD 1.2", "Actie 2.1.1", or "" before the goals


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý'‘“(])")
WRAPPED = 55  # a line at least this long without a full stop probably runs on


# A line that opens with a label of its own and its colon: "Cluster welzijn: CAW X, …",
# "PZON: Samana, …", "Lokale besturen: Gemeente Gistel, …" (a list of the zorgraad's members
# per cluster); a name's words never end in a colon where a line wraps.
_OWN_LABEL = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,2}:\s+\S")


def _starts_anew(text: str) -> bool:
    """A heading or a labelled field: never the continuation of the line before."""
    if any(p.match(text) for p in (SD, OD, ACTION, ACTIONS_BLOCK, _OWN_LABEL)):
        return True
    return _starts_field(text)


def goal_heading(text: str) -> bool:
    """Whether a line is the heading of a strategic or an operational goal, in any form read
    ("SD 1: X", "Doelstelling 1.1 – X"; "Prioriteit 1: X", "Speerpunt 2 – Y", read as a
    strategic goal where the plan names none so, see `canonical_headings`)."""
    text = " ".join(text.split())
    heading = _worded(0, _canonical_words(_PRIORITY_WORDS.sub("Strategische doelstelling ", text)))
    return heading is not None and heading.depth < 3


def goal_of_heading(text: str) -> tuple[int, str] | None:
    """The level (1 strategic, 2 operational) and number of a goal's heading; None for any
    other line."""
    heading = _worded(0, _canonical_words(" ".join(text.split())))
    if heading is None or heading.depth >= 3:
        return None
    return heading.depth, heading.number


def heading_or_field(text: str) -> bool:
    """Whether a line of a document is a heading of a goal or an action, or a labelled field
    ("Timing: 2026"), in any of the forms read: content, never a page's header or footer."""
    text = _capital_label(_canonical_words(" ".join(text.split())))
    return _worded(0, text) is not None or _starts_field(text)


# A line that ends in a word no sentence ends in ("… de gemeenten Lanaken en" / "Maasmechelen."):
# the sentence runs on, however short the line.
_DANGLES = re.compile(r"(?:,|\s(?:en|of|de|het|van|in|met|voor|uit|tot|op|te|aan|zoals))$")


# A line of items apart by bullets or bars, as a title page or a slide gives the zone's
# municipalities ("Bever • Galmaarden • Gooik"): whole, however long, never wrapped prose.
_ITEM_MARK = re.compile(r"(?<=\S) +[•·▪●|] +(?=\S)")


def _items_apart(line: str) -> bool:
    return len(_ITEM_MARK.findall(line)) >= 2


def sentences(
    lines: list[Line], sections: list[str], wrapped: frozenset[int] = frozenset()
) -> list[Sentence]:
    """The plan's running text as sentences, each with its section.

    Lines are joined where the text runs on (a PDF or text export breaks lines anywhere, and
    some exports put a blank line after every one; `wrapped`: the lines, by number, a PDF's
    layout wrapped the line above onto, however short its column); a bullet, a heading, a
    labelled field or a blank line after a finished sentence starts anew."""
    paragraphs: list[tuple[str, str]] = []
    text, section, previous, blank = "", "", "", False
    for line, where in zip(lines, sections, strict=True):
        if not line.text:
            blank = True
            continue
        unfinished = not previous.endswith((".", ":", "?", "!", ";")) and not _items_apart(previous)
        runs_on = (
            text
            and line.marker is None
            and not _starts_anew(line.text)
            and (
                line.number in wrapped  # one paragraph, the sentences in it split below
                or (
                    unfinished
                    and (
                        len(previous) >= WRAPPED
                        or (line.text[:1].islower() and not blank)
                        or bool(_DANGLES.search(previous))
                    )
                )
            )
        )
        if runs_on:
            text = join_lines(text, line.text)
        else:
            if text:
                paragraphs.append((text, section))
            text, section = line.text, where
        previous, blank = line.text, False
    if text:
        paragraphs.append((text, section))
    return [
        Sentence(part.strip(), where)
        for paragraph, where in paragraphs
        for part in split_sentences(paragraph)
        if part.strip()
    ]


# A name that ends in "!" ("GO! Scholengroep Rivierenland", "GO! atheneum"): a short word in
# capitals before it, a capital after. (A sentence that ends on an acronym with "!" would
# run on into the next: rare in a plan, and then one sentence too long, no name lost.)
_NAME_WITH_BANG = re.compile(r"(?:^|[\s(‘“'])[A-Z]{2,4}!$")


def split_sentences(text: str) -> list[str]:
    """A paragraph's sentences: apart at ".", "!", "?" or ";" before a capital, except in a
    name ending in "!"."""
    parts: list[str] = []
    for part in _SENTENCE_END.split(text):
        if parts and _NAME_WITH_BANG.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts
