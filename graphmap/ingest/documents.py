"""Text out of a plan document (.txt, .md, .docx, .pdf, .csv, .xlsx), as a list of lines in
reading order.

The plan parser works on lines only, so every format is flattened here into the shape the
text exports of real plans already have: one paragraph (or table cell paragraph) per line,
blank lines where the source has an empty paragraph, a list item with its bullet and its
indentation (a Word list level becomes a deeper indent and another bullet, as Word's own
text export writes them: •, o, ▪).

In Word, a heading numbered by Word's list numbering gets its number ("Operationele
doelstelling: X" numbered 1.2 becomes "Operationele doelstelling 1.2: X"), never a bullet;
text inside content controls and tracked insertions is read, tracked deletions are not.

A table whose header row holds template field names (Timing / Wat / Met wie? …) lists one
action per row, in a .docx, a PDF (ruled tables, found by pdfplumber) and a text export
alike (cells separated by tabs); each row is written out as an "Acties" block with the
row's cells as labelled fields, which is the same shape as a bulleted action list followed
by its fields. A table of two columns with field names in the first ("Actie 1.1.1 | …",
"Trekker | …") is an action sheet: each row becomes "Label: value". A CSV or a workbook (a
plan kept in a spreadsheet; of a workbook, the sheet it opens on) is read as a text export
of one table; columns of goals ("Strategische
doelstelling", "OD") in a table of actions become goal headings before their actions.

Page furniture is removed: lines that repeat at the top or bottom of most pages of a PDF (or
of a text export, whose pages end at a form feed or else at their page number), and page
numbers there ("3", "- 3 -", "Pagina 3 van 12"), so that an action broken over two pages
reads on as one. The lines come as `Lines`, which keep each line's number in the document.
"""

from __future__ import annotations

import csv
import io
import itertools
import logging
import math
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import tables
from graphmap.ingest.organisations import ORG_WORDS, begins_known, is_place
from graphmap.ingest.outline import (
    ACTION_FIELDS,
    ACTION_WORDS,
    ACTIONS_BLOCK,
    FIELDS,
    WHEN,
    goal_heading,
    goal_of_heading,
    heading_or_field,
    join_lines,
    letter_place,
    path_code,
)
from graphmap.ingest.territory import is_places_header

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".csv", ".xlsx")

# What to do with a file of a kind not read, by the program it comes from: each can save or
# export what graphmap reads.
_SAVE_AS = (
    (
        (".doc", ".odt", ".rtf", ".pages", ".wpd", ".wps"),
        "open het en bewaar het als .docx of .pdf",
    ),
    ((".ppt", ".pptx", ".odp", ".key"), "exporteer de presentatie als .pdf"),
    ((".xls", ".ods", ".numbers"), "bewaar het als .xlsx of .csv"),
    (
        (".html", ".htm", ".mht", ".mhtml"),
        "druk de pagina af als .pdf of bewaar haar tekst als .txt",
    ),
)


class Lines(list):
    """A document's lines (str), with `numbers`: for each line, the line of the document it
    comes from (counted before page furniture was taken out), for a warning to point at."""

    def __init__(self, lines: Iterable[str] = (), numbers: Iterable[int] | None = None) -> None:
        super().__init__(lines)
        self.numbers = list(range(1, len(self) + 1) if numbers is None else numbers)
        self.notes: list[str] = []  # how the document was read, for the preview's warnings
        # The lines (by number) that start a paragraph of a word processor's document: text
        # that no layout wrapped, so a title never runs on into one; and those of them that
        # are headings by their style, which no field's value goes on into.
        self.paragraphs: frozenset[int] = frozenset()
        self.headings: frozenset[int] = frozenset()

    def add(self, line: str, number: int) -> None:
        self.append(line)
        self.numbers.append(number)


# Header cells that mark a table as "one action per row".
_FIELD_HEADER = re.compile(
    r"^(timing|timing / wat|wat|wat \(smart\)|met wie|voor wie|trekker(s|\(s\))?|wie|"
    r"partners?(\(s\))?|(betrokken |samenwerkings)partners|samen met|uitvoerders?|lead|"
    r"eigenaar|verantwoordelijke|doelgroep(en)?|periode|planning|wanneer|actie|acties|titel|"
    r"omschrijving|indicator(?:en|\(en\))?)\s*[?:]?$",
    re.IGNORECASE,
)
_HEADER_FIELDS = frozenset(
    {"lead", "coordinator", "partners", "timing", "indicators", "targets", "what"}
)


# What a header cell says of itself in brackets: "Actie (wat?)", "Met wie (partners)".
_HEADER_NOTE = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _header_name(cell: str) -> str:
    """A header cell less a note in brackets after a header's name ("Timing (wanneer?)")."""
    name = _HEADER_NOTE.sub("", cell)
    if name != cell and name and _is_field_header(name):
        return name
    return cell


def _is_field_header(cell: str) -> bool:
    """A table's header cell that names a field: one of the headers above, or a label of the
    parser's own ("Verantwoordelijke organisatie", "Deadline") without its colon; a note in
    brackets after it ("Met wie (partners)") is no part of it."""
    name = _HEADER_NOTE.sub("", cell)
    if name and name != cell and _is_field_header(name):
        return True
    if _FIELD_HEADER.match(cell):
        return True
    label = cell.strip().rstrip(":?").strip()
    if not label or len(label) > 40:
        return False
    for name, pattern in FIELDS:
        match = pattern.match(f"{label}:")
        if match and name in _HEADER_FIELDS and not match["rest"].strip(" :"):
            return True
    return False


_TITLE_HEADER = re.compile(
    r"^(?:acties?|titel|actiepunt(?:en)?|acties?\s+(?:19|20)\d\d|actietitel|activiteit(?:en)?|"
    r"projecte?n?|initiatie(?:f|ven)|(?:naam|titel)\s+(?:van\s+de\s+)?actie)\s*[?:]?$",
    re.IGNORECASE,
)
_WHAT_HEADER = re.compile(r"^(wat|wat \(smart\)|omschrijving)\s*[?:]?$", re.IGNORECASE)
_ACTION_HEADING = re.compile(r"^actie(plan|fiche)?\s+(?:\d|[A-H]\.\d)", re.IGNORECASE)
_ACTION_NUMBER = re.compile(r"^(?:\d{1,2}|[A-H])(?:\.\d{1,2}){2}\.?\s+\S")  # "A.1.2" too
# A column of the actions' numbers ("Nr.", "Code"), and such a number ("1.2.3").
_NUMBER_HEADER = re.compile(r"^(?:nr\.?|nummer|n°|no\.?|code|#|id)$", re.IGNORECASE)
_CODE = re.compile(r"^(?:\d{1,2}|[A-H])(?:\.\d{1,2}){2}\.?$")
# "1.a Title", "1.2 Title" in a table's title cell: an action of goal 1 ("Actie 1.a").
_ACTION_OF_A_GOAL = re.compile(r"^\d{1,2}\.(?:\d{1,2}|[a-h])\.?\s+(?=[A-ZÀ-Ý'‘“(])")
_THROUGH_NUMBER = re.compile(r"^\s*\d{1,3}\.?\s*$")
# An action's code alone, with two or three parts ("1.a", "1.2", "Actie 1.1.1"), no title.
_CODE_ALONE = re.compile(r"^(?:actie\s*)?(?P<code>\d{1,2}(?:\.(?:\d{1,2}|[a-h])){1,2})\.?$", re.I)
# A column that names the multi-year plan's goal each action of a year plan contributes to.
_CONTRIBUTION_HEADER = re.compile(
    r"^(?:bijdrage\s+(?:aan|tot)|draagt\s+bij\s+(?:aan|tot)|"
    r"(?:link|koppeling)\s+met(?:\s+het)?\s+meerjarenplan)\W*$",
    re.I,
)


def _code_of(cell: str) -> str:
    """The action's number a column of numbers holds: "1.1.1", also written "A1.1.1", "A
    1.1.1", "Actie 1.1.1", "AP 1.1.1" (actiepunt), "WP 1.1.1" (werkpunt) or by its path,
    "SD1-OD1-A2" (1.1.2); "" for anything else."""
    text = re.sub(
        r"^(?:actie(?:punt)?|werkpunt|act\.|AP|WP|A)\s?(?=\d)",
        "",
        path_code(cell.strip()),
        flags=re.I,
    )
    return text if _CODE.match(text) else ""


def read_lines(path: Path | str) -> Lines:
    """The document's text as lines; a ValidationError naming the file when there is none."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        advice = next((todo for kinds, todo in _SAVE_AS if suffix in kinds), None)
        raise ValidationError(
            f"{path.name}: bestandstype {suffix or '(geen)'!r} wordt niet gelezen; "
            f"{advice or 'bewaar het als .docx, .pdf of .txt'} "
            f"(gelezen worden {', '.join(SUFFIXES)})"
        )
    if not path.is_file():
        raise ValidationError(f"{path.name}: bestand niet gevonden")
    limits.check_file(path)
    reader = {
        ".txt": _txt_lines,
        ".md": _txt_lines,
        ".docx": _docx_lines,
        ".pdf": _pdf_lines,
        ".csv": _csv_lines,
        ".xlsx": _xlsx_lines,
    }[suffix]
    raw = reader(path)
    lines = Lines([_clean(line) for line in raw], getattr(raw, "numbers", None))
    lines.notes = list(getattr(raw, "notes", []))
    lines.paragraphs = frozenset(
        number
        for line, number in zip(raw, lines.numbers, strict=True)
        if isinstance(line, _ParagraphStart)
    )
    lines.headings = frozenset(
        number
        for line, number in zip(raw, lines.numbers, strict=True)
        if isinstance(line, _HeadingLine)
    )
    if not any(re.search(r"[^\W\d_]{2}", line) for line in lines):
        raise ValidationError(f"{path.name}: het document bevat geen leesbare tekst")
    return lines


# A PDF's ligatures ("ﬁ" in "Proﬁel", "ﬂ" in "Reﬂectie"): the letters they join, as the
# Unicode block of such presentation forms maps them; a name or label reads as typed.
_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)


# A bullet of Word's Symbol or Wingdings font, as a PDF's or a text export's text gives it:
# a character of the private use area where the font has no Unicode for its glyph (""
# U+F0B7 is Symbol's "•", "" U+F0A7 Wingdings' "▪"), before the item's text.
_SYMBOL_BULLET = re.compile(r"^(\s*)([\uf000-\uf0ff])(?=\s)")
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06f": "o"}


# A glyph of a PDF's font that has no Unicode, as pdfminer writes it: "(cid:127)". Between
# spaces, or opening a line, it is a bullet or a separator of the slide's or page's own font
# ("(cid:127) Trekker: X", "Alveringem (cid:127) De Panne"): "•"; inside a word, nothing.
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d{1,5}\)")


def _glyph(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    alone = (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())
    return "•" if alone else ""


def _clean(line: str) -> str:
    # Non-breaking and zero-width spaces and soft hyphens come with Word and PDF text.
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "")
    if "(cid:" in line:
        line = _UNMAPPED_GLYPH.sub(_glyph, line)
    line = _SYMBOL_BULLET.sub(lambda m: m[1] + _SYMBOL_BULLETS.get(m[2], "■"), line)
    return limits.clean(_shorter_spaces(line.translate(_LIGATURES))).rstrip()


# A run of more spaces than a page is wide says no more than one that wide (a gap between
# columns, a page's number far to the right). Every pattern that opens on spaces and is
# searched for tries each place in a run, and reads on to its end from there: quadratic in
# the run, so a line of a million spaces held the reader for hours. Held to SPACES, a run
# costs at most SPACES² steps, and reading stays linear in the file. A landscape page's
# table in pdftotext -layout is some 180 characters wide, and a row whose only wrapped cells
# are the first and the last has a gap of over 100 between them: held to 100, the last
# cell moved into the column before it.
SPACES = 200
_LONG_SPACE = re.compile(rf"(?<!\s)(\s{{{SPACES}}})\s+")


def _shorter_spaces(line: str) -> str:
    return _LONG_SPACE.sub(r"\1", line) if len(line) > SPACES else line


def _text(path: Path) -> str:
    """A text file's text (UTF-8 or Windows-1252); refused when empty or binary."""
    data = path.read_bytes()
    if not data.strip():
        raise ValidationError(f"{path.name}: het bestand is leeg")
    text = _decode(data, path.name)
    if text.count("\x00") or _control_share(text) > 0.05:
        raise ValidationError(f"{path.name}: geen tekstbestand (binaire inhoud)")
    return text


def _csv_lines(path: Path) -> Lines:
    """A plan kept in a spreadsheet, saved as CSV (";" as Excel writes it in Flanders, or ","
    or tabs): each row as a line with its cells apart by tabs, as Word's text export of a
    table, so that a table of actions is read as one (`_text_tables`). A line break in a
    cell is a space; a row's line is the first line of the file it stands on."""
    text = _text(path)
    sample = "\n".join(text.splitlines()[:20])
    delimiter = max(";,\t", key=sample.count)
    # The csv module's own limit on a field is global (the spreadsheet importer raises it):
    # a plan's cells are held to theirs here, whatever an earlier import set.
    csv.field_size_limit(max(csv.field_size_limit(), limits.FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines, numbers = [], []
    try:
        for row in reader:
            if any(len(cell) > limits.PLAN_CELL_CHARS for cell in row):
                raise ValidationError(
                    f"{path.name}: regel {reader.line_num}: een cel is langer dan "
                    f"{limits.number(limits.PLAN_CELL_CHARS)} tekens"
                )
            cells = [_sheet_cell(cell) for cell in row]
            if not any(cells):
                continue  # an empty row between groups of rows ends no table
            numbers.append(reader.line_num - sum(cell.count("\n") for cell in row))
            lines.append("\t".join(cells).rstrip("\t"))
    except csv.Error as error:
        raise ValidationError(
            f"{path.name}: regel {reader.line_num}: geen geldige CSV ({error})"
        ) from error
    return _text_tables(Lines(lines, numbers), sheet=True)


def _xlsx_lines(path: Path) -> Lines:
    """A plan kept in an Excel workbook, read as a CSV is: the sheet it opens on, and the
    other sheets that hold a table of actions (a sheet per goal, "SD1", "SD2"), in the
    workbook's order, unless their title makes them another plan (another year than the
    opened sheet's, an archive); a sheet's title that is a goal's heading heads its rows.
    The preview names the other sheets read, and those left."""
    lines = Lines()
    sheets = tables.workbook_sheets(path)
    opened_title = next((title for title, _rows, opened in sheets if opened), "")
    read, left = [], []
    for title, rows, opened in sheets:
        if not opened:
            if not _holds_action_table(rows):
                continue
            if _another_plan(title, opened_title):
                left.append(title)
                continue
            read.append(title)
        lines.add("", 0)  # a sheet's table ends at the next sheet
        if goal_heading(title) and not _heads_itself(rows, title):
            lines.add(title, 0)
            lines.add("", 0)  # a row under it, the plan's title on every sheet, is none of it
        for number, cells in rows:
            lines.add("\t".join(_sheet_cell(cell) for cell in cells), number)
    found = _text_tables(lines, sheet=True)
    if read:
        found.notes.append(
            f"{path.name}: ook de bladen {_quoted(read)} gelezen, naast {opened_title!r}"
        )
    if left:
        found.notes.append(
            f"{path.name}: de bladen {_quoted(left)} niet gelezen (een ander jaar of een "
            "archief); open het werkboek op het blad dat het plan is"
        )
    return found


def _heads_itself(rows: list[tuple[int, list[str]]], title: str) -> bool:
    """Whether a sheet whose title is a goal's heading ("SD1 Toegang") gives that goal's
    heading in a row of its own ("Strategische doelstelling 1: Iedereen heeft toegang …"),
    which then heads its rows: the title is its short name."""
    goal = goal_of_heading(title)
    for _number, cells in rows:
        filled = [cell for cell in cells if cell.strip()]
        if len(filled) == 1 and goal_of_heading(filled[0]) == goal:
            return True
    return False


def _quoted(titles: list[str]) -> str:
    return ", ".join(repr(title) for title in titles)


_ARCHIVE = re.compile(r"\b(?:archief|afgerond|oud|vorig|historiek|vroeger)", re.IGNORECASE)
_YEAR = re.compile(r"\b20\d\d\b")


def _another_plan(title: str, opened: str) -> bool:
    """A sheet that is another plan than the opened one: an archive ("Actieplan 2025
    (afgerond)"), or one that names years none of which the opened sheet names."""
    if _ARCHIVE.search(title):
        return True
    years, opened_years = set(_YEAR.findall(title)), set(_YEAR.findall(opened))
    return bool(years and opened_years and not years & opened_years)


def _holds_action_table(rows: list[tuple[int, list[str]]]) -> bool:
    return any(sum(_is_field_header(c) for c in cells) >= 2 for _, cells in rows[:10])


def _txt_lines(path: Path) -> Lines:
    text = _text(path)
    # A form feed is a page break in a text export of a PDF; without form feeds, a page
    # ends where its number stands ("Pagina 3 van 12", "- 3 -").
    pages, number = [], 1
    for page in text.split("\f"):
        lines, kept = page.splitlines(), page.splitlines(keepends=True)
        plain = [_without_markdown(_shorter_spaces(line)) for line in lines]
        pages.append(Lines(plain, range(number, number + len(lines))))
        # The next page starts on a line of its own, or on this page's last line when no
        # line break came before the form feed.
        number += len(kept) - (1 if kept and kept[-1] == lines[-1] else 0)
    if len(pages) == 1:
        pages = _pages_by_number(pages[0])
    return _text_tables(without_furniture(pages) if len(pages) > 1 else pages[0])


# Markdown, as a converter of PDF or Word to text writes it: "## Actie 1.1.1: X",
# "**Trekker:** Y", "- **Partners**: Z", "[naam](https://…)", a rule "---".
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|www\.|mailto:)[^)\s]*\)")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_ESCAPE = re.compile(r"\\([-*_#.()\[\]|!+])")


def _without_markdown(line: str) -> str:
    """A line of text less its Markdown: the words as they read."""
    if not any(mark in line for mark in "*_#[\\-"):
        return line
    if _MD_RULE.match(line) and "|" not in line:
        return ""
    line = _MD_HEADING.sub("", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)


def _decode(data: bytes, name: str) -> str:
    """The text of a plan as the spreadsheet importer reads a CSV (one decoder for both):
    a byte-order mark, UTF-8, then Windows-1252 as Word and Excel write it in Belgium."""
    try:
        return tables.decode(name, data)
    except ValidationError:
        raise ValidationError(f"{name}: de tekstcodering is niet te herkennen") from None


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls / max(len(text), 1)


# -- page furniture ---------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?"
    r"(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_EDGE = 2  # lines at the top and at the bottom of a page where furniture sits


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _pages_by_number(lines: Lines) -> list[Lines]:
    """A text without form feeds as pages, each ending after its page number ("Pagina 3
    van 12", "- 3 -", "p. 3", or a running footer that ends in it, "ELZ X – Actieplan 2025
    8"); a bare number only where the numbers go up (a lone "3" in the text that does not
    is no page's end)."""
    pages, page, last = [], Lines(numbers=[]), 0
    running = _running_footers(lines)
    for line, number in zip(lines, lines.numbers, strict=True):
        page.add(line, number)
        footer = _furniture_key(line) in running
        if footer or _PAGE_NUMBER.match(line.strip()):
            number = _page_of(line.strip(), footer)
            if number > last or not line.strip().isdigit():
                last = number
                pages.append(page)
                page = Lines(numbers=[])
    pages.append(page)
    return pages if len(pages) > 2 else [lines]


def _page_of(line: str, footer: bool) -> int:
    """The page's number in its footer: the first of "Pagina 2 van 9" (9 is how many
    pages there are), else the last of a running footer ("… Actieplan 2025 8")."""
    out_of = _OUT_OF.search(line)
    if out_of:
        return int(out_of[1])
    return int(re.search(r"\d+$" if footer else r"\d+", line)[0])


_OUT_OF = re.compile(r"(\d{1,3})\s*(?:/|van|of)\s*\d{1,3}\s*[-–—]?$", re.I)


# A footer that ends in the page's number: "ELZ Voorkempen – Actieplan 2025 8".
_NUMBERED_FOOTER = re.compile(r"^(?=(?:.*?[^\W\d_]{2,}){2}).{6,}\s\d{1,3}$")


def _running_footers(lines: Lines) -> set[str]:
    """The footers (digits aside) that end in a page number on three lines or more, no
    heading or field of the plan among them: their numbers go up through the text, and they
    name the plan ("ELZ Voorkempen – Actieplan 2025 8") or stand a page apart ("Infosessie
    1" / "…" / "Infosessie 2" two lines on is a list of the plan's)."""
    found: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for at, line in enumerate(lines):
        text = line.strip()
        if _NUMBERED_FOOTER.match(text) and not heading_or_field(text):
            # All its numbers: "Actieplan 2025 – Pagina 2 van 9" goes up in its second.
            numbers = tuple(int(n) for n in re.findall(r"\d+", text))
            found.setdefault(_furniture_key(text), []).append((at, numbers))
    return {key for key, seen in found.items() if _a_running_footer(key, seen)}


_PLAN_WORDS = re.compile(r"\b(?:\w*plan|elz|eerstelijnszone|zorgraad)\b", re.I)
_TITLE_LINES = 5  # the lines at the top of the first page where the plan's title stands
# A line that names the plan or the zone ("Jaarplan 2026", "Eerstelijnszone Druivenstreek");
# "Trekker: Zorgraad" does not.
_NAMES_THE_PLAN = re.compile(r"\b(?:(?i:elz|eerstelijnszone|zorgraad)\s+[A-Z]|(?i:\w*plan)\b)")
_PAGE_APART = 20  # the fewest lines between two pages' footers
# A sentence of the text ("Dit plan beschrijft de acties."), which names no plan as a title
# does, though it says "plan".
_SENTENCE_LINE = re.compile(r"^\s*\S+(?: +\S+){3,}[.!?]\s*$")


def _a_running_footer(key: str, seen: list[tuple[int, tuple[int, ...]]]) -> bool:
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(seen)]
    if len(seen) < 2 or any(b <= a for (_, a), (_, b) in itertools.pairwise(seen)):
        return False
    if len(seen) == 2:
        # A plan of two pages: its name with the pages' numbers one after the other, a
        # page apart ("Zorgraad X – Meerjarenplan 2026-2031   1" … "… 2").
        (_, first), (_, second) = seen
        return (
            bool(_PLAN_WORDS.search(key)) and gaps[0] >= _PAGE_APART and first[-1] + 1 == second[-1]
        )
    return bool(_PLAN_WORDS.search(key)) or min(gaps) >= _PAGE_APART


def _the_plans(page: Lines, index: int) -> bool:
    """A heading, a field, or the value under a label on a line of its own ("Hoe meten?" /
    "Aantal deelnemers" at the end of two pages is each action's indicator, no footer)."""
    if heading_or_field(page[index]) or ACTIONS_BLOCK.match(page[index].strip()):
        return True  # "Acties" over each row of a table read on two pages is no header
    before = next((page[i].strip() for i in range(index - 1, -1, -1) if page[i].strip()), "")
    return before.endswith(("?", ":")) and heading_or_field(before)


# A section or action opened by its number: "B.1 Vormingsreeks 2025", "2.3 Netwerkdag".
_SECTION_NUMBER = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?\s+\S")


def _numbered_sections(texts: set[str]) -> bool:
    """Whether lines alike but for their digits at the top of pages are sections of the plan
    numbered one after the other ("B.1 Vormingsreeks mantelzorg 2025" / "B.2 Vormingsreeks
    mantelzorg 2026"), not a running header whose page number changes: each opens with its
    own section number."""
    return len(texts) > 1 and all(_SECTION_NUMBER.match(text) for text in texts)


def without_furniture(pages: list[Lines]) -> Lines:
    """The pages' lines in order, without running headers, footers and page numbers.

    A running header is a line at the top of most pages (at least two), a footer one at the
    bottom; page numbers differ per page, so digits do not count when comparing. A heading, a
    field or the value under a label is the plan's, even when two pages end alike ("Timing:
    2026" on both)."""
    tops, bottoms = [], []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        tops.append(set(filled[:_EDGE]))
        bottoms.append(set(filled[-_EDGE:]))
    needed = max(2, (sum(1 for top in tops if top) + 1) // 2)
    repeated = set()
    for side in (tops, bottoms):
        counts: dict[str, int] = {}
        texts: dict[str, set[str]] = {}
        for page, edge in zip(pages, side, strict=True):
            for i in edge:
                if not _the_plans(page, i):
                    texts.setdefault(_furniture_key(page[i]), set()).add(" ".join(page[i].split()))
            for key in {_furniture_key(page[i]) for i in edge if not _the_plans(page, i)}:
                counts[key] = counts.get(key, 0) + 1
        repeated |= {
            (id(side), key)
            for key, count in counts.items()
            if count >= needed and not _numbered_sections(texts[key])
        }
    lines = Lines()
    # A running header that names the plan on the first page, where no other line at its
    # top does, is its title too ("ELZ Waasland – Jaaractieplan 2026" on every page): the
    # zone's name may be nowhere else.
    opening = [i for i, line in enumerate(pages[0]) if line.strip()][:_TITLE_LINES]
    named = [
        i
        for i in opening
        if _NAMES_THE_PLAN.search(pages[0][i]) and not _SENTENCE_LINE.search(pages[0][i])
    ]
    # A header of two lines that name the zone and the plan ("ELZ X" / "Zorgraadplan
    # 2025-2030"), the cover's lines too: both are the title.
    titles = set(named) if named and set(named) <= tops[0] else set()
    for at, (page, top, bottom) in enumerate(zip(pages, tops, bottoms, strict=True)):
        for i, line in enumerate(page):
            side = tops if i in top else bottoms if i in bottom else None
            title = at == 0 and i in titles
            if (
                side is not None
                and not title
                and (
                    (id(side), _furniture_key(line)) in repeated or _PAGE_NUMBER.match(line.strip())
                )
            ):
                continue
            lines.add(line, page.numbers[i])
    return lines


# -- tables in a text export --------------------------------------------------------------------
_RULE = re.compile(r"^:?-{2,}:?$")  # "|---|---|": the rule under a table's header


_COLUMN_GAP = re.compile(r"\s{3,}")
# A line break in a Markdown table's cell; started where a run of spaces starts (from each
# place inside a run of a PDF's layout, quadratic in it).
_BREAK = re.compile(r"(?<!\s)\s*<br\s*/?>\s*", re.I)
_BREAK_BRACKET = re.compile(r"(?<!\s)\s*<br\s*/?>\s*\(", re.I)  # "Els Peeters<br>(CAW)"


def _row_cells(line: str) -> list[str]:
    """A table row's cells: apart by tabs (Word's text export), else by bars ("a | b",
    "| a | b |", as Markdown and some converters write a table), else by runs of three or
    more spaces (a PDF's text with its layout kept)."""
    if "\t" not in line and "|" in line:
        cells = line.strip().removeprefix("|").removesuffix("|").split("|")
    elif "\t" not in line:
        cells = _COLUMN_GAP.split(line.strip())  # a PDF's text laid out in columns
    else:
        cells = line.split("\t")
    return [" ".join(cell.split()) for cell in cells]


def _is_rule(cells: list[str]) -> bool:
    return all(_RULE.match(cell) for cell in cells if cell)


def _text_tables(lines: Lines, sheet: bool = False) -> Lines:
    """Action tables in a text export as "Acties" blocks: tab-separated (Word's text export
    of a table) or between bars ("| Actie | Trekker |", with a rule "|---|" or without).
    `sheet`: the lines are a spreadsheet's rows, where a line of one cell is no wrapped
    cell but a row of its own (a goal in the goal column) or text under the table."""
    out = Lines()
    lines = lines if sheet else _quoted_cells(_cells_on_lines(lines))
    i = 0
    while i < len(lines):
        header = [_BREAK.sub(" ", cell) for cell in _row_cells(lines[i])]
        if len(header) < 2 or sum(_is_field_header(h) for h in header) < 2:
            out.add(_BREAK.sub(" ", _label_and_value(lines[i], header)), lines.numbers[i])
            i += 1
            continue
        rows: list[list[str]] = []
        numbers: list[int] = []
        laid_out = "\t" not in lines[i] and "|" not in lines[i]  # a PDF's text, in columns
        starts = _cell_starts(lines[i])
        i += 1
        if i < len(lines) and "\t" in lines[i - 1] and "\t" in lines[i]:
            lower = _header_below(header, _row_cells(lines[i]))
            if lower is not None:
                header, i = lower, i + 1
        while i < len(lines) and lines[i].strip():
            if laid_out and _heading_across(lines[i], starts):
                break  # the next action's heading at the margin, right under the table
            cells = _row_cells(lines[i])
            placed = _placed(starts, lines[i]) if laid_out and "\t" not in lines[i] else None
            if (
                placed
                and rows
                and (
                    (not placed[0] and lines[i][:1].isspace())
                    or _title_goes_on(header, rows[-1], placed)
                )
            ):
                _wrap_into(rows[-1], placed)  # cells wrapped onto the next line, in place
                i += 1
                continue
            if placed and len(cells) != len(header):
                cells = placed  # two spaces between cells, or a cell left empty
            if rows and not sheet and not placed and _broken_row(header, rows[-1], cells):
                # A cell with a line break in Word's text export: the row goes on on the
                # next line, the cell's rest first ("Opmaak van een" / "sociale kaart<tab>…").
                rows[-1][-1] = f"{rows[-1][-1]} {cells[0]}".strip()
                rows[-1].extend(cells[1:])
                i += 1
                continue
            if rows and not sheet and _goes_on(header, rows[-1], cells):
                _wrap_into(rows[-1], cells)  # a row's cells wrapped onto a row of their own
                i += 1
                continue
            if _is_rule(cells):
                pass
            elif (
                len(cells) >= 2
                or not rows
                or goal_heading(cells[0])
                or (sheet and _goal_alone(header, cells[0]))
            ):
                rows.append(cells)  # a goal alone in its row too
                numbers.append(lines.numbers[i])
            elif sheet:
                break  # a spreadsheet's cell never wraps: a note under the table, no row
            else:
                # A cell wrapped onto a line of its own: most often the long "Wat" cell.
                column = _title_column(header)
                while len(rows[-1]) <= column:
                    rows[-1].append("")
                rows[-1][column] = f"{rows[-1][column]} {cells[0]}".strip()
            i += 1
        written = _rows_as_actions(header, rows, numbers)
        for line, number in zip(written, written.numbers, strict=True):
            out.add(line, number)
    return out


def _title_goes_on(header: list[str], row: list[str], placed: list[str]) -> bool:
    """Whether a line of a table in columns without a column of codes goes on with the row
    above, its title's cell wrapped: that cell goes on in lower case, or after a word that
    cannot end it ("Lezingen en een" / "beweegparcours in de" / "woonzorgcentra"), as the
    other cells wrap beside it ("Huisartsenkring Zuid-" / "Limburg"). A row of its own
    starts its title with a capital under a whole one. (With a column of codes, a row
    without its code goes on: see `_goes_on`.)"""
    if any(_NUMBER_HEADER.match(h.strip()) for h in header):
        return False
    column = _title_column([_header_name(h) for h in header])
    if column >= len(placed) or column >= len(row) or not placed[column] or not row[column]:
        return False
    text, above = placed[column], row[column].strip()
    return text[:1].islower() or above.endswith("-") or bool(_BROKEN_END.search(above))


def _heading_across(line: str, starts: list[int]) -> bool:
    """Whether a line under a table in columns is an action's heading across the columns
    ("Actie 6 – Vorming voor zorgverleners", its words past the second column's start), not
    a row whose first cell holds the action's code ("Actie 1    Opmaak …")."""
    first = _CELL.search(line)
    return (
        first is not None
        and len(starts) > 1
        and bool(_ACTION_HEADING.match(first.group(0)))
        and first.end() > starts[1]
    )


def _header_below(header: list[str], cells: list[str]) -> list[str] | None:
    """A table's header on two rows, as a spreadsheet or Word's text export gives it: "Wie?"
    over two columns, "Trekker" and "Partners" under it (the columns' other headers are
    above only). One header a column, the lower where there is one; None where the row
    under the header is no header (a cell that names no field, or none at all)."""
    filled = [cell for cell in cells if cell]
    if not filled or not all(_is_field_header(cell) for cell in filled):
        return None
    width = max(len(header), len(cells))
    above, below = header + [""] * (width - len(header)), cells + [""] * (width - len(cells))
    return [low or high for high, low in zip(above, below, strict=True)]


_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a PDF's text in columns: single spaces inside


def _cell_starts(line: str) -> list[int]:
    return [match.start() for match in _CELL.finditer(line)]


def _placed(starts: list[int], line: str) -> list[str]:
    """A line of a PDF's text laid out in columns, each piece of text in the header's column
    nearest where it starts (two spaces part cells; an empty cell is a gap)."""
    cells = [""] * len(starts)
    for match in _CELL.finditer(line):
        column = min(range(len(starts)), key=lambda c: abs(starts[c] - match.start()))
        cells[column] = f"{cells[column]} {match.group(0)}".strip()
    return cells


_BROKEN_END = re.compile(
    r"(?:[-,]|\s(?:en|of|van|voor|de|het|een|met|in|op|rond|naar|bij|aan|tot|uit))$"
)


def _broken_row(header: list[str], previous: list[str], cells: list[str]) -> bool:
    """Whether a line of a table in a text export goes on with the row above, broken at a
    line break in one of its cells: the row above lacks cells that this line brings, and
    the cell goes on in lower case or after a word that cannot end it."""
    if len(cells) < 2 or len(previous) >= len(header):
        return False  # a cell alone on its line is the title's (see `_text_tables`)
    if len(previous) + len(cells) - 1 > len(header):
        return False
    first, last = cells[0], previous[-1]
    return bool(first) and (first[:1].islower() or bool(_BROKEN_END.search(last)))


def _goes_on(header: list[str], previous: list[str], cells: list[str]) -> bool:
    """Whether a row of a table with a number column goes on with the row above: no number
    where the row above has one, and a title that goes on in lower case or names nothing
    with a capital ("| 1.1.1 | Opmaak van een | OCMW Brugge |" / "|  | sociale kaart |  |")."""
    code = next((i for i, h in enumerate(header) if _NUMBER_HEADER.match(h)), None)
    if code is None or code >= len(previous) or not previous[code].strip():
        return False
    if code < len(cells) and cells[code].strip() or _is_rule(cells):
        return False
    title = _title_column([_header_name(h) for h in header])
    text = cells[title] if title < len(cells) else ""
    others = [c for i, c in enumerate(cells) if i not in (code, title) and c[:1].isupper()]
    # "| | eHealth-sessies | Huisartsenkring Kempen | 2026 |" under a whole row is a row of
    # its own, though its title starts in lower case: it brings a lead of its own.
    fresh = any(
        _starts_value(previous[i] if i < len(previous) else "", cell)
        for i, cell in enumerate(cells)
        if i not in (code, title)
    )
    return bool(
        (text[:1].islower() and not fresh) or (not text and not others) or (not text and any(cells))
    )


def _starts_value(above: str, cell: str) -> bool:
    """Whether a cell starts a value of its own under the cell above: a capital or a digit
    under a value that is whole (not "CAW X," or "Wit-Gele Kruis West-")."""
    above = above.strip()
    return (
        bool(cell[:1].isupper() or cell[:1].isdigit())
        and bool(above)
        and not (above.endswith("-") or _BROKEN_END.search(above))
    )


def _wrap_into(row: list[str], placed: list[str]) -> None:
    """Cells that go on on the next line of a PDF's table ("Wit-Gele Kruis West-" /
    "Vlaanderen", "CAW X," / "Samana"), joined to the row above as lines of text are."""
    row.extend([""] * (len(placed) - len(row)))
    for column, text in enumerate(placed):
        if not text:
            continue
        # As lines of text join: "Zuid-" / "Limburg" keeps its hyphen, "thuiszorg-" /
        # "diensten" was one word broken ("thuiszorgdiensten").
        row[column] = join_lines(row[column], text)


# A table a PDF's text gives one cell a line, a blank line between, as the seeds' extractor
# writes it: "Nr." / "Actie" / "Trekker" / "Partners" / "Timing" / "1.1.1" / "Netwerkdag" / …
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}|[A-H])(?:\.\d{1,2}){0,2}\.?$")


def _single_cell(line: str) -> str | None:
    text = line.strip()
    return text if text and "\t" not in text and "|" not in text and "   " not in text else None


def _header_run(lines: Lines, i: int) -> tuple[list[str], int] | None:
    """The header of a table flattened one cell a line, starting at line i, and the index
    after it: three or more header cells alone on their lines (blank lines between them
    aside), one of them an action's title ("Actie") and another a field."""
    header: list[str] = []
    j = i
    while j < len(lines):
        cell = _single_cell(lines[j])
        if cell is None and not lines[j].strip():
            j += 1
            continue
        if cell is None or not (
            _is_field_header(cell) or _NUMBER_HEADER.match(cell) or _goal_column(cell)
        ):
            break
        header.append(cell)
        j += 1
    names = [_header_name(h) for h in header if not _goal_column(h)]
    fields = [h for h in names if _is_field_header(h) and not _TITLE_HEADER.match(h)]
    # "Wat" / "Wie" / "Met wie" / "Wanneer": "Wat" is the actions' column where none is
    # named "Actie" (see `_title_column`).
    titled = any(_TITLE_HEADER.match(h) or _WHAT_HEADER.match(h) for h in names)
    if len(header) < 3 or not titled or len(fields) < 2:
        return None
    return header, j


def _goal_column(cell: str) -> bool:
    """A header cell of a column of goals ("Strategische doelstelling", "OD"); "Doel" alone
    may be a column of text."""
    cell = cell.strip()
    return not _GENERIC_GOAL.match(cell) and any(p.match(cell) for p in _GOAL_HEADERS)


def _cells_after(lines: Lines, j: int, header: list[str]) -> list[tuple[str, int]]:
    """The single cells after a flattened table's header, up to the header again or text
    that is no cell (a line with columns). A goal's heading among them is a row across the
    table or a cell of a goal's column: `_by_goal` splits the cells there."""
    cells: list[tuple[str, int]] = []
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        cell = _single_cell(lines[j])
        if cell is None or cell == header[0]:
            break
        cells.append((cell, j))
        j += 1
    return cells


def _by_goal(cells: list[tuple[str, int]]) -> list[tuple[list[tuple[str, int]], list]]:
    """A flattened table's cells in parts, each the goals' headings that open it ("SD 1
    Mentaal welzijn" / "OD 1.1 Laagdrempelig aanbod", a row across the table or the cells
    of its goal columns) and the cells of the actions under them."""
    parts: list[tuple[list[tuple[str, int]], list]] = [([], [])]
    for cell, index in cells:
        if goal_heading(cell):
            if parts[-1][1]:
                parts.append(([], []))
            parts[-1][0].append((cell, index))
        elif parts[-1][0] and not parts[-1][1] and cell[:1].islower():
            # "SD 1 Mentaal welbevinden" / "versterken": the goal's cell broken over lines
            goal, at = parts[-1][0][-1]
            parts[-1][0][-1] = (join_lines(goal, cell), at)
        else:
            parts[-1][1].append((cell, index))
    return parts


# An item of a list inside a table's cell: "o Samana", "• CAW Limburg", "- OKRA".
_CELL_ITEM = re.compile(r"^[o•▪●◦*·–-]\s+(?P<text>\S.*)$")


def _listed_cells(cells: list[str]) -> list[str]:
    """A row's cells with a list inside one cell ("o Stad Poperinge" / "o Samana") as that
    one cell, its items apart by ";"; a line that goes on an item ("o Huisartsen-" /
    "kring Westhoek", in lower case or after a hyphen) is part of it."""
    out: list[str] = []
    listed = False  # whether the last cell is a list's
    for cell in cells:
        item = _CELL_ITEM.match(cell)
        if item and listed:
            out[-1] = f"{out[-1]}; {item['text']}"
        elif item:
            out.append(item["text"])
            listed = True
        elif listed and (
            out[-1].endswith("-") or (cell[:1].islower() and not WHEN.search(cell))
        ):  # "najaar 2026" after the list is the timing's cell
            out[-1] = join_lines(out[-1], cell)
        else:
            out.append(cell)
            listed = False
    return out


# A line that opens with a word joining it to the line before ("Agentschap Integratie" /
# "en Inburgering"): no cell starts so.
_JOINING_START = re.compile(r"^(?:en|van|voor|de|het|der|of)\s")


def _joined(cells: list[str], width: int, lower: bool = True, timing: bool = False) -> list[str]:
    """A row's cells, a cell broken over lines joined again ("Vorming voor" /
    "verenigingen"): after a word that cannot end it or before one that cannot start it
    ("en Inburgering") first, then (`lower`) where the line
    goes on in lower case, until the row is as wide as the header."""
    cells = list(cells)
    if not lower and width < len(cells) and len(cells) > 2 and cells[1][:1].islower():
        # The title goes on in lower case in the last row too ("1.3 Wegwijzer sociale" /
        # "voordelen"); a line in lower case after that row's end is text under the table.
        cells[0:2] = [join_lines(cells[0], cells[1])]
    rules = [lambda before, cell: bool(_BROKEN_END.search(before) or _JOINING_START.match(cell))]
    if lower:
        rules.append(lambda before, cell: cell[:1].islower())
    # Under a last column of timing the row's last cell that says when is a cell of its own
    # ("OKRA" / "najaar 2026"), though in lower case.
    if timing and len(cells) > max(width, 2) and _period_broken(cells[-2], cells[-1]):
        cells[-2:] = [f"{cells[-2]} {cells[-1]}"]  # "vanaf januari" / "2026": one timing
    # (The last cell's place moves as cells before it are joined: it is the last one.)
    when = timing and bool(WHEN.search(cells[-1])) if cells else False
    for broken in rules:
        k = 1
        while len(cells) > width and k < len(cells):
            if not (when and k == len(cells) - 1) and broken(cells[k - 1], cells[k]):
                cells[k - 1 : k + 1] = [join_lines(cells[k - 1], cells[k])]
            else:
                k += 1
    return cells


def _flattened_rows(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The rows of a flattened table with the actions' numbers in its first column: each
    starts at a number; the last ends as wide as the header (what follows is text)."""
    rows: list[list[tuple[str, int]]] = []
    for cell, index in cells:
        if _ROW_NUMBER.match(cell):
            rows.append([(cell, index)])
        elif rows:
            rows[-1].append((cell, index))
        else:
            return []  # text under the header before the first number: no such table
    if rows:
        # The last row ends where it is as wide as the header: a line in lower case after
        # it is more likely text under the table ("najaar 2025" is a cell of its own). A
        # sentence after it is text under the table too, unless a column holds text.
        last = rows[-1]
        if not any(_TEXT_HEADER.match(_header_name(h)) for h in header):
            sentence = next((k for k, (c, _) in enumerate(last) if k and _is_sentence(c)), None)
            del last[len(last) if sentence is None else sentence :]
        while len(_joined([c for c, _ in last], len(header), lower=False)) > len(header):
            last.pop()
    return rows


# An action's title cell that opens with its code: "1.1.1 Aanmeldpunt huisarts".
# "1.a Telefonisch onthaal" or "1.2 Zorgbus" in a plan of one level of goals too.
_CODED_TITLE = re.compile(
    r"^(?:actie\s+)?\d{1,2}\.(?:\d{1,2}\.\d{1,2}|\d{1,2}|[a-h])\.?\s+\S", re.I
)


def _rows_by_code(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The rows of a flattened table whose first column, the action, opens with the
    action's code ("1.1.1 Aanmeldpunt huisarts" / "zoeken" / "Huisartsenkring Waasland" /
    …): each row starts at such a cell, so a cell broken over lines in lower case is joined
    again (see `_joined`); the last ends as wide as the header."""
    first = _header_name(header[0])
    if not cells or not (_TITLE_HEADER.match(first) or _WHAT_HEADER.match(first)):
        return []
    if not _CODED_TITLE.match(cells[0][0]):
        return []
    rows: list[list[tuple[str, int]]] = []
    for cell, index in cells:
        if _CODED_TITLE.match(cell):
            rows.append([(cell, index)])
        else:
            rows[-1].append((cell, index))
    last, width = rows[-1], len(header)
    while len(_fitted(_joined([c for c, _ in last], width, lower=False), header)) > width:
        last.pop()
    return rows


def _fitted(cells: list[str], header: list[str]) -> list[str]:
    """A row still wider than its header whose last cell, under a last column of timing,
    says when: the names broken over lines joined again. A word alone before a capital
    ("Huisartsenkring" / "Waasland") goes on on the next line, then what remains too many
    stands in the column before the timing, a list of partners ("OCMW Temse, CM" / "Waas en
    Dender")."""
    width = len(header)
    if len(cells) <= width or not _TIMING_HEADER.match(_header_name(header[-1])):
        return cells
    if not WHEN.search(cells[-1]):
        return cells
    cells = list(cells)
    if len(cells) > width and _period_broken(cells[-2], cells[-1]):
        cells[-2:] = [f"{cells[-2]} {cells[-1]}"]  # "vanaf januari" / "2026": one timing
    k = 2
    while len(cells) > width and k < len(cells) - 1:
        if _KIND_ALONE.fullmatch(cells[k - 1]) and cells[k][:1].isupper():
            cells[k - 1 : k + 1] = [f"{cells[k - 1]} {cells[k]}"]
        else:
            k += 1
    if len(cells) > width:
        partners = cells[width - 2 : -1]
        joined = partners[0]
        for cell in partners[1:]:
            # "CAW Oost-Vlaanderen" / "OCMW Sint-Niklaas": a name a line; "CM" / "Waas en
            # Dender": one name broken over lines.
            apart = _opens_a_name(cell) and not _ends_in_a_lone_word(joined)
            joined += f", {cell}" if apart else f" {cell}"
        cells[width - 2 : -1] = [joined]
    return cells


def _period_broken(before: str, last: str) -> bool:
    """Whether a row's timing is broken over its two last lines: "vanaf januari" / "2026",
    "september" / "2026" (no name in the line before: "OKRA" / "najaar 2026" are two)."""
    return bool(WHEN.search(before) and WHEN.search(last)) and before == before.lower()


def _ends_in_a_lone_word(joined: str) -> bool:
    """Whether a list of partners ends in a word that is no name alone, its name going on
    on the next line ("OCMW Brugge, Sociaal" / "Huis Oostkamp")."""
    last = joined.rsplit(",", 1)[-1].strip()
    return (
        "," in joined
        and " " not in last
        and last[:1].isupper()
        and not _opens_a_name(last)
        and not last.isupper()
    )


# A word of a kind of body alone on its line, its name on the next ("Huisartsenkring" /
# "Waasland", "Logo" / "Waasland"); a name ("Samana" / "Familiehulp") is no such word.
_KIND_ALONE = re.compile(
    r"(?:\w*(?:kring|vereniging|centrum|netwerk|dienst|platform|overleg|huis|team)|Logo|"
    r"Huis|Dienst|Team|Platform|Regio|Lokaal|Stad|Gemeente|Provincie)",
)
_ACRONYM_FIRST = re.compile(r"[A-Z][A-Z0-9&]{1,7}\b")


def _opens_a_name(cell: str) -> bool:
    """Whether a line opens a name of its own: a known name, an acronym or a word of a kind
    of body first ("OCMW Sint-Niklaas", "Wit-Gele Kruis", "Huisartsenkring Waasland")."""
    first = cell.split()[0] if cell.split() else ""
    return bool(
        begins_known(cell)
        or _ACRONYM_FIRST.match(first)
        or _KIND_ALONE.fullmatch(first)
        or ORG_WORDS.search(first)
    )


_TIMING_HEADER = re.compile(
    r"^(?:timing|wanneer|periode|planning|looptijd|deadline|termijn|tijdspad)\b", re.I
)


# A column whose cells are running text: a sentence there is a cell.
_TEXT_HEADER = re.compile(
    r"^(?:omschrijving|beschrijving|toelichting|wat|inhoud|doel|aanpak|opmerkingen?)\b", re.I
)


def _is_sentence(cell: str) -> bool:
    """A sentence of text under a table rather than a cell ("Huisartsenkring Demer volgt
    beide acties op.")."""
    words = cell.split()
    return (cell.endswith(".") and len(words) >= 4) or len(words) >= 12


# A cell that says when: it opens with a time ("najaar 2026", "Q1 2026", "doorlopend"), maybe
# after a word that places it ("vanaf september", "eind 2025"); "Infoavond mantelzorg in
# oktober" is a title that holds a month.
_DATE_CELL = re.compile(
    r"^\W*(?:(?:vanaf|van|tot|eind[e]?|begin|start|midden|tegen|voor|na|in|tijdens|elk|ieder|"
    r"telkens|het|de|eerste|tweede|derde|vierde|laatste|\d{1,2}(?:e|ste|de)?)\s+)*"
    + WHEN.pattern.removeprefix(r"\b"),
    re.I,
)


def _says_when(cell: str) -> bool:
    return bool(_DATE_CELL.match(cell)) and len(cell.split()) <= 8 and not _is_sentence(cell)


def _rows_by_timing(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The rows of a flattened table without a number column: as many cells a row as the
    header has, a cell broken after a word that cannot end it joined again ("Vorming
    voor" / "verenigingen"), up to the first row whose timing cell does not say when (a
    cell left empty or broken otherwise: nothing says where that row ends). Where the
    timing is the last column, a row short of one cell (one left empty) ends at its
    timing (see `_aligned`)."""
    timing = next((k for k, h in enumerate(header) if _TIMING_HEADER.match(h)), None)
    if timing is None:
        return []
    last = timing == len(header) - 1
    rows: list[list[tuple[str, int]]] = []
    at = 0
    while at < len(cells):
        row: list[tuple[str, int]] = []
        while at < len(cells) and (len(row) < len(header) or _BROKEN_END.search(row[-1][0])):
            if last and len(row) >= timing and _ends_in_timing(row):
                break
            cell, index = cells[at]
            if row and _BROKEN_END.search(row[-1][0]):
                row[-1] = (join_lines(row[-1][0], cell), row[-1][1])
            else:
                row.append((cell, index))
            at += 1
        short = last and len(row) == timing
        if (len(row) < len(header) and not short) or not _says_when(row[-1 if last else timing][0]):
            break
        rows.append(row)
    return rows


def _ends_in_timing(row: list[tuple[str, int]]) -> bool:
    return _says_when(row[-1][0]) and not _BROKEN_END.search(row[-1][0])


def _aligned(header: list[str], cells: list[str]) -> list[str]:
    """A row as wide as the header: a row short of a cell that ends in its timing, where
    the timing is the last column, left a cell before it empty ("1.1.1" / "Mantelzorgcafé" /
    "CAW Limburg" / "2026" under Nr. / Actie / Trekker / Partners / Timing); else the cells
    at its end."""
    missing = [""] * (len(header) - len(cells))
    if missing and cells and _TIMING_HEADER.match(header[-1]) and _says_when(cells[-1]):
        return cells[:-1] + missing + cells[-1:]
    return cells + missing


def _cells_on_lines(lines: Lines) -> Lines:
    """Tables flattened one cell a line written as rows apart by tabs, as Word's text
    export gives them, for `_text_tables` to read: a table with a column of the actions'
    numbers first ("Nr.", "1.1.1"), each row from its number; else one with a column of
    timing, row by row as long as each row's timing says when (see `_rows_by_timing`)."""
    out = Lines()
    out.notes = list(getattr(lines, "notes", []))
    i = 0
    while i < len(lines):
        run = _header_run(lines, i) if _single_cell(lines[i]) else None
        if run is None:
            out.add(lines[i], lines.numbers[i])
            i += 1
            continue
        full, j = run
        # Goals' cells are rows of their own here: the table is read without their columns.
        header = [h for h in full if not _goal_column(h)]
        end = None
        for goals, cells in _by_goal(_cells_after(lines, j, full)):
            rows = _table_rows(header, cells)
            if not rows:
                break  # the table ended before these goals: text follows, or no table at all
            for goal, index in goals:
                out.add("", lines.numbers[index])
                out.add(goal, lines.numbers[index])
            out.add("\t".join(header), lines.numbers[i if end is None else goals[0][1]])
            for row in rows:
                joined = _joined(
                    _listed_cells([c for c, _ in row]),
                    len(header),
                    lower=row is not rows[-1],
                    timing=bool(_TIMING_HEADER.match(_header_name(header[-1]))),
                )
                cells = _aligned(header, _fitted(joined, header))
                out.add("\t".join(cells), lines.numbers[row[0][1]])
            out.add("", lines.numbers[row[-1][1]])
            end = row[-1][1] + 1
        if end is None:
            out.add(lines[i], lines.numbers[i])
            i += 1
        else:
            i = end
    return out


def _table_rows(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    if not cells:
        return []
    if _NUMBER_HEADER.match(header[0]):
        return _flattened_rows(header, cells)
    return (
        _rows_by_code(header, cells)
        or _rows_by_timing(header, cells)
        or _rows_to_timing(header, cells)
    )


def _rows_to_timing(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The rows of a flattened table whose last column is the timing and whose cells are
    broken over lines (a PDF's columns, "Praatcafé mentaal welzijn" / "in elke gemeente" /
    "CGG Vlaams-Brabant" / "West" / … / "Q1 2026"): each row ends at a cell that says when.
    A name's last word alone on its line ("West") goes with the line before; `_joined`
    and `_fitted` join the rest."""
    if not _TIMING_HEADER.match(_header_name(header[-1])):
        return []
    rows: list[list[tuple[str, int]]] = [[]]
    for cell, index in cells:
        row = rows[-1]
        if row and _name_goes_on(row[-1][0], cell):
            row[-1] = (join_lines(row[-1][0], cell), row[-1][1])
        else:
            row.append((cell, index))
        if len(row) > 1 and _says_when(cell) and not _BROKEN_END.search(cell):
            rows.append([])
    rows.pop()  # what follows the last timing: text under the table
    return [row for row in rows if len(row) >= len(header) - 1]


# A word alone on its line that ends a name: a compass point ("CGG Vlaams-Brabant" /
# "West"), a word with a capital inside ("Jongerenaanspreekpunt" / "OverKop").
_NAME_END = re.compile(r"(?:West|Oost|Noord|Zuid|[A-Z][a-z]+[A-Z]\w*)[,.]?")


# An adjective before its noun ("Geestelijke", "Vlaamse", "Christelijke", "Palliatieve"): a
# name never ends in one.
_BEFORE_NOUN = re.compile(
    r"[A-Z][a-zë-]*(?:lijke|ische|ieke|ale|iële|ieve|aamse|gse|pse|tse|else|ense)", re.U
)


def broken_name(before: str, line: str) -> bool:
    """Whether a line goes on a name that the line before broke in a narrow column: after
    the word of its kind, an item of its own there ("Partners: CAW Halle, Huisartsenkring" /
    "Zennevallei"), or after an adjective ("Vlaamse Vereniging voor Geestelijke" /
    "Gezondheid"); a line that opens a name of its own ("Huisartsenkring" / "OKRA") does
    not, nor a place after an adjective's look-alike that is one ("Ronse")."""
    last = re.split(r"[,;:]", before)[-1].split()
    if not last or not line[:1].isupper() or _says_when(line):
        return False
    if len(last) == 1 and _KIND_ALONE.fullmatch(last[0]):
        return not _opens_a_name(line)
    return bool(_BEFORE_NOUN.fullmatch(last[-1])) and not is_place(last[-1])


def _name_goes_on(before: str, cell: str) -> bool:
    """Whether a line goes on the line before: a place or a name's end alone (see
    `_NAME_END`), after a word that cannot end a cell, or a name after a word of a kind
    ("OCMW" / "Dilbeek")."""
    if _says_when(cell) or _says_when(before):
        return False
    if _BROKEN_END.search(before):
        return True
    if len(cell.split()) == 1 and (is_place(cell) or _NAME_END.fullmatch(cell)):
        return True
    last = before.split()[-1]
    return bool(_KIND_ALONE.fullmatch(last) or _ACRONYM_FIRST.fullmatch(last)) and (
        cell[:1].isupper() and not _opens_a_name(cell)
    )


_QUOTED_LINES = 10  # the most lines one row's quoted cells are joined over


def _quoted_cells(lines: Lines) -> Lines:
    """A table copied from Excel as text: a cell with a line break in it is quoted and
    runs over lines ("1.1.2<tab>"Vorming voor" / "huisartsen"<tab>CGG Eclips"). Such a row
    is joined back into one line, each of its cells on one line without the quotes."""
    out = Lines()
    i = 0
    while i < len(lines):
        line, end = lines[i], i + 1
        if "\t" in line and re.search(r'(?:^|\t)"', line) and line.count('"') % 2:
            joined = line
            while end < len(lines) and end - i <= _QUOTED_LINES and joined.count('"') % 2:
                joined, end = f"{joined}\n{lines[end]}", end + 1
            if joined.count('"') % 2 == 0:
                cells = next(csv.reader(io.StringIO(joined, newline=""), delimiter="\t"))
                out.add("\t".join(" ".join(cell.split()) for cell in cells), lines.numbers[i])
                i = end
                continue
        out.add(line, lines.numbers[i])
        i += 1
    return out


def _goal_alone(header: list[str], cell: str) -> bool:
    """Whether a spreadsheet's row of one cell is a goal in the first column ("SD 2: X"),
    rather than a note under the table ("De zone omvat …", a sentence)."""
    if 0 not in _goal_columns(header):
        return False
    number = _GOAL_NUMBER.match(cell)
    return bool(number and number.end() > number.start("num")) or not cell.endswith(".")


_ACTIONS_LABEL = re.compile(r"^acties?\b", re.I)  # "Acties   …": a list's label, no title


def _label_and_value(line: str, cells: list[str]) -> str:
    """A row of a two-column table of label and value, as Word exports it ("Trekker<tab>
    OCMW Lede", or spaces in a PDF's layout), as a labelled field ("Trekker: OCMW Lede");
    any other line as it is."""
    if len(cells) >= 2 and _TITLE_HEADER.match(cells[0]) and not _ACTIONS_LABEL.match(cells[0]):
        # "Naam van de actie   Aanmeldpunt …", "Titel   X": the action's title, its label
        # no part of it
        value = " ".join(cell for cell in cells[1:] if cell)
        return f"Titel: {value}" if value[:1].isupper() else line
    if len(cells) < 2 or not _is_field_header(cells[0]):
        return line
    if "\t" not in line and len(cells[0]) < 6:
        return line  # "Met   de steun van …": a gap in justified text after a short word
    value = " ".join(cell for cell in cells[1:] if cell)
    return f"{cells[0].rstrip(':?')}: {value}" if value else line


def _title_column(header: list[str]) -> int:
    column = next((i for i, h in enumerate(header) if _TITLE_HEADER.match(h)), None)
    if column is None:
        column = next((i for i, h in enumerate(header) if _WHAT_HEADER.match(h)), 0)
    return column


# Columns of the goals an action is under, in a table of all actions (a spreadsheet's
# export: "Strategische doelstelling | Operationele doelstelling | Actie | Trekker …").
_GOAL_HEADERS = (
    re.compile(
        r"^(?:strategische?\s+doel(?:stelling)?|sd|strategic\s+(?:goal|objective))\W*$", re.I
    ),
    re.compile(
        r"^(?:operationele?\s+doel(?:stelling)?|od|operational\s+(?:goal|objective)|"
        r"doel(?:stelling)?)\W*$",
        re.I,
    ),
)
_GENERIC_GOAL = re.compile(r"^doel(?:stelling)?\W*$", re.I)


def _goal_columns(header: list[str]) -> tuple[int | None, int | None]:
    """The columns of the strategic and the operational goal. "Doelstelling" is the
    operational goal, unless another column is ("Doelstelling | Operationele doelstelling":
    then it is the strategic one)."""
    found: list[int | None] = [None, None]
    generic = None
    for i, cell in enumerate(header):
        cell = cell.strip()
        if _GENERIC_GOAL.match(cell):
            generic = i if generic is None else generic
            continue
        for depth, pattern in enumerate(_GOAL_HEADERS):
            if found[depth] is None and pattern.match(cell):
                found[depth] = i
                break
    if generic is not None and found[1] is None:
        found[1] = generic
    elif generic is not None and found[0] is None:
        found[0] = generic
    return found[0], found[1]


_GOAL_NUMBER = re.compile(
    r"^(?:[A-Za-z. ]{0,30}?)\s*(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?\s*[:.\-–—]?\s*"
)


# A goal numbered in Roman numerals or letters in its cell: "OD II.1", "SD B", "II.1 X".
# A letter after a goal's word, or alone before a point or a colon ("II. X", "B: X").
_GOAL_LETTERED = re.compile(
    r"^(?:(?P<head>(?i:(?:(?:strategisch|operationeel)e?\s+)?doel(?:stelling)?|[SO]\.?D\.?)\s*)"
    r"(?P<letter>VIII|VII|VI|IV|IX|V|III|II|I|X|[A-H])(?P<sub>\.\d{1,2}(?!\d))?(?!\w|\.\d)"
    r"|(?P<alone>VIII|VII|VI|IV|IX|V|III|II|I|X|[A-H])(?P<alone_sub>\.\d{1,2}(?!\d))?"
    r"(?=\s*[.:\-–—]\s|\s+\S))"
)


def _numbered_goal(cell: str) -> str:
    """The cell with its goal's letter or numeral as a number ("OD II.1 X": "OD 2.1 X"), as
    the headings read them (`outline.letter_place`)."""
    match = _GOAL_LETTERED.match(cell)
    if match is None:
        return cell
    if match["alone"] and not (match["alone_sub"] or re.match(r"\s*[.:\-–—]", cell[match.end() :])):
        return cell  # "A Zorg": no letter of a goal
    letter, sub = match["letter"] or match["alone"], match["sub"] or match["alone_sub"] or ""
    return f"{match['head'] or ''}{letter_place(letter)}{sub}{cell[match.end() :]}"


@dataclass
class _Goals:
    """The goals the rows of a table of all actions are under, as far as read."""

    cells: list[str] = field(default_factory=lambda: ["", ""])  # strategic, operational
    strategic: int = 0  # how many of each so far, to number a goal its cell does not
    operational: int = 0


def _goal_headings(header: list[str], texts: list[str], goals: _Goals) -> list[str]:
    """The headings of the goals a row names in its goal columns, where they differ from the
    row's before; an empty cell (merged, in a spreadsheet) is the goal above. A goal
    without a number in its cell is numbered in order."""
    out = []
    for depth, column in enumerate(_goal_columns(header)):
        cell = texts[column].strip() if column is not None and column < len(texts) else ""
        if not cell or cell == goals.cells[depth]:
            continue
        goals.cells[depth] = cell
        match = _GOAL_NUMBER.match(_numbered_goal(cell))
        title = cell[match.end() :] if match else cell
        printed = match["num"] if match else ""
        if depth == 0:
            goals.cells[1], goals.operational = "", 0
            goals.strategic += 1
            number = printed if printed and "." not in printed else str(goals.strategic)
            out += ["", f"Strategische doelstelling {number}: {title}".rstrip(": ")]
        else:
            goals.operational += 1
            own = f"{max(goals.strategic, 1)}.{goals.operational}"
            number = printed if "." in printed else own
            out += ["", f"Operationele doelstelling {number}: {title}".rstrip(": ")]
    return out


def _repeats_header(header: list[str], texts: list[str]) -> bool:
    """Whether a row is the table's header again: the same cells, or only header cells."""
    cells = [" ".join(t.split()).lower() for t in texts if t.strip()]
    if cells == [" ".join(h.split()).lower() for h in header if h.strip()]:
        return True
    return len(cells) >= 2 and all(
        _is_field_header(c) or _NUMBER_HEADER.match(c) or any(p.match(c) for p in _GOAL_HEADERS)
        for c in cells
    )


def _numbered_through(rows: list[list[str]], code_col: int | None, title_col: int) -> bool:
    """Whether a column of numbers numbers the table's actions through: every row with a
    title holds a number alone there, one more than the row before ("1", "2", "3"). A
    column that holds codes too ("1.1.1"), skips or repeats a number, is no such count."""
    if code_col is None:
        return False
    numbers = [
        row[code_col].strip().rstrip(".") if code_col < len(row) else ""
        for row in rows
        if title_col < len(row) and row[title_col].strip()
    ]
    if len(numbers) < 2 or not all(_THROUGH_NUMBER.match(n) for n in numbers if n):
        return False
    counted = [int(n) for n in numbers]
    return all(b == a + 1 for a, b in itertools.pairwise(counted))


def _rows_as_actions(
    header: list[str], rows: list[list[str]], numbers: list[int] | None = None
) -> Lines:
    """Each row as an action with labelled fields; `numbers` are the rows' lines in the
    document, which the lines written for a row keep. A title that starts with an action's
    number ("1.1.2 Title") is that action's heading; goals in columns of their own become
    headings before their first action."""
    header = [_header_name(_BREAK.sub(" ", h)) for h in header]
    title_col = _title_column(header)
    # A line break in a cell of a Markdown table: a space in the title, between items else.
    rows = [
        [
            _BREAK.sub(" " if i == title_col else "; ", _BREAK_BRACKET.sub(" (", cell))
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]
    code_col = next((i for i, h in enumerate(header) if _NUMBER_HEADER.match(h)), None)
    goal_cols = {i for i, h in enumerate(header) if any(p.match(h.strip()) for p in _GOAL_HEADERS)}
    goals = _Goals()
    lines = Lines()
    number = 0
    referring = any(_CONTRIBUTION_HEADER.match(h.strip()) for h in header)
    through = referring or (not goal_cols and _numbered_through(rows, code_col, title_col))
    for row, texts in enumerate(rows):
        if _repeats_header(header, texts):
            continue  # the header again on the next page (Word repeats it; a PDF shows it)
        alone = {t.strip() for t in texts if t.strip()}
        if len(alone) == 1 and goal_heading(next(iter(alone))):
            # A goal in a row of its own, across the table: "SD 1: X" over its actions.
            for line in ("", next(iter(alone))):
                lines.add(line, numbers[row] if numbers else 0)
            continue
        for line in _goal_headings(header, texts, goals) if goal_cols else ():
            lines.add(line, numbers[row] if numbers else 0)
        if title_col >= len(texts) or not texts[title_col]:
            continue
        title = texts[title_col]
        code = _code_of(texts[code_col]) if code_col is not None and code_col < len(texts) else ""
        if code and not _ACTION_NUMBER.match(title):
            title = f"{code.rstrip('.')} {title}"  # the action's number in a column of its own
        if _ACTION_NUMBER.match(title) or _ACTION_OF_A_GOAL.match(title):
            title = f"Actie {title}"
        elif _CODE_ALONE.match(title):
            # "1.a" / "1.1.1" alone in the title's cell: an action the plan gives elsewhere
            # (an annex's "Actie | Partners" per action), by its code, not one titled "1.a".
            title = f"Actie {_CODE_ALONE.match(title)['code']}"
        elif through and code_col is not None and _THROUGH_NUMBER.match(texts[code_col]):
            # "1", "2" … in a column "Nr." of a year plan whose goals are the multi-year
            # plan's ("Bijdrage aan: OD 1.1"), or of a table of actions that numbers every
            # row through: the actions numbered through ("Actie 3"). A number alone among
            # codes, or beside goals in columns of their own, codes no action.
            title = f"Actie {texts[code_col].strip().rstrip('.')}: {title}"
        heading = _ACTION_HEADING.match(title) or ACTION_WORDS.match(title)
        written = ["", title] if heading else ["", "Acties", f"- {title}"]
        for i, (name, text) in enumerate(zip(header, texts, strict=False)):
            if i not in (title_col, code_col) and i not in goal_cols and text and name:
                written.append(f"{name.rstrip(':?')}: {text}")
        number = numbers[row] if numbers else 0
        for line in written:
            lines.add(line, number)
    lines.add("", number)
    return lines


# -- Word -----------------------------------------------------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LIST_BULLETS = ("•", "o", "▪")  # Word's own bullets for list levels 1, 2, 3 in a text export
# Where a paragraph's text is not: deleted (tracked) text, properties.
_NOT_TEXT = frozenset(f"{_W}{tag}" for tag in ("del", "moveFrom", "pPr", "rPr"))
# A heading's word without its number: Word's numbering gives the number.
_UNNUMBERED_HEADING = re.compile(
    r"^(?:strategische doelstelling|operationele doelstelling|doelstelling|SD|OD|actie)"
    r"(?=\s*(?:[:.\-–—]|$))",
    re.IGNORECASE,
)
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*\d|^(?:title|titel)$", re.IGNORECASE)


class _ListNumbers:
    """Word's list numbers ("1", "1.2", "a)"), counted in reading order as Word counts them.

    A heading numbered by Word holds no number in its text: the number lives in the
    numbering part (a list level's format and text, "%1.%2"), and the count in the order of
    the paragraphs of each list."""

    def __init__(self, document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE

        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId: (fmt, text, start)
        self.style_levels: dict[tuple[str, str], int] = {}  # (numId, style id): its level
        self.counts: dict[str, dict[int, int]] = {}
        # Per style id: the style and those it is based on (see `_styles_of`).
        self.styles: dict[str | None, list] = {}
        try:
            root = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            base = num.find(f"{_W}abstractNumId")
            definition = abstract.get(base.get(f"{_W}val")) if base is not None else None
            if definition is None:
                continue
            levels = self.levels.setdefault(num_id, {})
            for lvl in definition.iter(f"{_W}lvl"):
                level = int(lvl.get(f"{_W}ilvl") or 0)
                levels[level] = (
                    _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", ""),
                    int(_val(lvl, "start", "1") or 1),
                )
                style = _val(lvl, "pStyle", None)
                if style:
                    self.style_levels[(num_id, style)] = level
            for override in num.iter(f"{_W}lvlOverride"):
                level = int(override.get(f"{_W}ilvl") or 0)
                start = override.find(f"{_W}startOverride")
                if start is not None and level in levels:
                    fmt, text, _ = levels[level]
                    levels[level] = (fmt, text, int(start.get(f"{_W}val") or 1))

    def label(self, num_id: str, level: int) -> str | None:
        """The next number of the list at this level ("1.2"); None for a bullet."""
        levels = self.levels.get(num_id, {})
        if level not in levels:
            return None
        counts = self.counts.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][2] - 1) + 1
        for deeper in [d for d in counts if d > level]:
            del counts[deeper]  # a deeper level starts again under the next item
        fmt, text, _ = levels[level]
        if fmt in ("bullet", "none") or not text:
            return None

        def value(match: re.Match) -> str:
            at = int(match[1]) - 1
            at_fmt, _, at_start = levels.get(at, ("decimal", "", 1))
            return _list_number(counts.get(at, at_start), at_fmt)

        return re.sub(r"%(\d)", value, text).strip()


def _val(element, tag: str, default):
    child = element.find(f"{_W}{tag}")
    return child.get(f"{_W}val", default) if child is not None else default


def _list_number(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(count)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(count)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{count:02d}"
    return str(count)


def _letters(count: int) -> str:
    letters = ""
    while count > 0:
        count, rest = divmod(count - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _roman(count: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while count >= value:
            out, count = out + numeral, count - value
    return out


def _paragraph_text(element) -> str:
    """A paragraph's text, with runs inside tracked insertions, content controls, smart tags
    and fields (python-docx's .text reads only runs right under the paragraph), without
    tracked deletions."""
    parts: list[str] = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _NOT_TEXT:
            continue
        if child.tag == f"{_W}r":
            parts.append(child.text)
        else:
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _paragraph_lines(paragraph, numbers: _ListNumbers) -> list[str]:
    """A paragraph's lines; a list item with a bullet and an indent for its level, a heading
    Word numbers with its number."""
    lines = _paragraph_text(paragraph._p).splitlines() or [""]
    styles = _styles_of(paragraph, numbers)
    numbering = _numbering(paragraph, styles, numbers)
    label = numbers.label(*numbering) if numbering else None
    if _is_heading(paragraph, styles):
        if label and lines[0].strip():
            return [_numbered_heading(lines[0].strip(), label), *lines[1:]]
        if not lines[0].strip():
            return lines
        heading = _HeadingLine(lines[0])
        heading.level = _heading_level(paragraph, styles)
        return [heading, *lines[1:]]
    level = _list_level(paragraph, styles)
    if level is None or not lines[0].strip():
        return lines
    if label:
        # A numbered list's item with the number Word shows ("1.1.1", "a)"), as Word's own
        # text export writes it: its number is no part of the text.
        return [f"{label}\t{lines[0]}", *lines[1:]]
    return [f"{'    ' * level}{_LIST_BULLETS[min(level, 2)]}\t{lines[0]}", *lines[1:]]


def _numbered_heading(text: str, label: str) -> str:
    """ "Operationele doelstelling: X" numbered 1.2 by Word: "Operationele doelstelling 1.2:
    X"; a heading without such a word gets the number before it ("1.2 X")."""
    word = _UNNUMBERED_HEADING.match(text)
    number = re.search(r"\d+(?:\.\d+)*", label)
    if word and number:
        return f"{text[: word.end()]} {number.group(0)}{text[word.end() :]}"
    return f"{label} {text}"


def _styles_of(paragraph, numbers: _ListNumbers) -> list:
    """The paragraph's style and the styles it is based on, each once, looked up once per
    style: python-docx reads every style of the document for each lookup (quadratic in a
    document's paragraphs and styles), and a chain of styles based on each other in a
    damaged or crafted file never ended."""
    properties = paragraph._p.pPr
    style_id = properties.style if properties is not None else None
    if style_id not in numbers.styles:
        chain, seen, style = [], set(), paragraph.style
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            chain.append(style)
            style = style.base_style
        numbers.styles[style_id] = chain
    return numbers.styles[style_id]


def _numbering(paragraph, styles: list, numbers: _ListNumbers) -> tuple[str, int] | None:
    """The paragraph's list (numId) and level: its own, or its style's (a heading style
    linked to a list), or None."""
    properties = paragraph._p.pPr
    own = properties.numPr if properties is not None else None
    if own is not None and own.numId is not None:
        num_id = str(own.numId.val)
        return None if num_id == "0" else (num_id, own.ilvl.val if own.ilvl is not None else 0)
    for style in styles:
        pPr = style.element.pPr
        linked = pPr.numPr if pPr is not None else None
        if linked is not None and linked.numId is not None:
            num_id = str(linked.numId.val)
            if linked.ilvl is not None:
                return num_id, linked.ilvl.val
            return num_id, numbers.style_levels.get((num_id, style.style_id), 0)
    return None


def _is_heading(paragraph, styles: list) -> bool:
    """A heading style (Heading 1, Kop 1, Title …) or an outline level, the paragraph's own
    or its style's."""
    outline = _outline_level(paragraph._p.pPr)
    if outline is not None:
        return outline
    for style in styles:
        outline = _outline_level(style.element.pPr)
        if _HEADING_STYLE.match(style.name or "") or outline:
            return True
    return False


def _outline_level(properties) -> bool | None:
    if properties is None or properties.find(f"{_W}outlineLvl") is None:
        return None
    return _val(properties, "outlineLvl", "9") != "9"  # level 9 is body text


def _list_level(paragraph, styles: list) -> int | None:
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None:
        level = numbering.ilvl
        return int(level.val) if level is not None else 0
    style = (styles[0].name if styles else "") or ""
    match = re.match(r"^List (?:Bullet|Number|Paragraph)(?: (\d))?$", style)
    if match:
        return int(match.group(1) or 1) - 1
    return None


def _docx_lines(path: Path) -> list[str]:
    import docx

    try:
        document = docx.Document(str(path))
        lines = _headings_over_actions(
            _block_lines(document.element.body, document, _ListNumbers(document))
        )
    except zipfile.BadZipFile:
        raise ValidationError(f"{path.name}: geen .docx-document (geen zip-pakket)") from None
    except Exception as error:  # lxml and python-docx raise their own types on broken parts
        raise ValidationError(
            f"{path.name}: geen leesbaar .docx-document ({type(error).__name__})"
        ) from None
    return lines


class _ParagraphStart(str):
    """The first line of a paragraph of the document's body (see `Lines.paragraphs`)."""


class _HeadingLine(_ParagraphStart):
    """A heading by its style that Word does not number (see `_headings_over_actions`), and
    its level (Heading 1 is 1; None where the style says none)."""

    level: int | None = None


_STYLE_LEVEL = re.compile(r"^(?:heading|kop)\s*(\d)", re.IGNORECASE)


def _heading_level(paragraph, styles: list) -> int | None:
    """A heading's level: its outline level, its own or its style's, else the number of its
    style's name ("Heading 2", "Kop 2")."""
    for properties in [paragraph._p.pPr, *(style.element.pPr for style in styles)]:
        if properties is not None and properties.find(f"{_W}outlineLvl") is not None:
            return int(_val(properties, "outlineLvl", "9")) + 1
    for style in styles:
        match = _STYLE_LEVEL.match(style.name or "")
        if match:
            return int(match[1])
    return None


# A field of who leads or takes part in a list item: "… – trekker: X; partners: Y".
_WHO_FIELD = re.compile(r"(?:^|[\s(–—;-])(?:trekkers?|partners?|met wie|wie)\s*[:?]", re.I)


def _headings_over_actions(lines: list[str]) -> list[str]:
    """In a Word plan that names no goal or action by its words or number, a heading by its
    style with a list right under it whose items say who leads or takes part ("Toegankelijke
    zorg" / "• Wachtlijst in kaart brengen – trekker: X; partners: Y") is a goal over those
    actions, written "Doelstelling: X" as the plan reader reads such a goal."""
    if any(goal_heading(line.strip()) or _ACTION_HEADING.match(line.strip()) for line in lines):
        return lines
    out = list(lines)
    for at, line in enumerate(lines):
        if not isinstance(line, _HeadingLine):
            continue
        items = []
        for later in lines[at + 1 :]:
            if not later.strip():
                continue
            if not _LIST_ITEM.match(later):
                break
            items.append(later)
        if any(_WHO_FIELD.search(item) for item in items):
            out[at] = _HeadingLine(f"Doelstelling: {line.strip()}")
    return _headings_by_level(out)


def _headings_by_level(lines: list[str]) -> list[str]:
    """In a Word plan that names no goal or action by its words or number, headings by their
    style's level over an action's fields ("Casusoverleg thuiszorg" / "Trekker: X"): those
    of the level whose headings have the fields right under them are the actions, the one or
    two levels above that hold actions their goals (strategic, then operational), written as
    the plan reader reads unnumbered goals and actions ("Operationele doelstelling: X",
    "Actie: X"). A heading above no action (a chapter, "Opvolging en evaluatie") stays as it is. Two
    headings with fields at least: one says no more than a form's heading."""
    headings = [
        (at, line.level)
        for at, line in enumerate(lines)
        if isinstance(line, _HeadingLine) and line.level and not line.startswith("Doelstelling:")
    ]
    if any(goal_heading(line.strip()) or _ACTION_HEADING.match(line.strip()) for line in lines):
        return lines
    with_fields = Counter(level for at, level in headings if _fields_under(lines, at))
    if not with_fields or with_fields.most_common(1)[0][1] < 2:
        return lines
    action = with_fields.most_common(1)[0][0]
    above: dict[int, int] = {}  # heading's place: its level, for a heading over an action
    open_headings: list[tuple[int, int]] = []
    for at, level in headings:
        open_headings = [(a, lv) for a, lv in open_headings if lv < level]
        if level == action:
            above.update(open_headings)
        elif level < action:
            open_headings.append((at, level))
    levels = sorted(set(above.values()))[-2:]
    words = dict(
        zip(levels, ("Strategische doelstelling", "Operationele doelstelling"), strict=False)
    )
    out = list(lines)
    for at, level in headings:
        if level == action:
            out[at] = _HeadingLine(f"Actie: {lines[at].strip()}")
        elif at in above and level in words:
            out[at] = _HeadingLine(f"{words[level]}: {lines[at].strip()}")
    return out


def _fields_under(lines: list[str], at: int) -> bool:
    """Whether the first line after a heading is a field of an action ("Trekker: X")."""
    for line in lines[at + 1 : at + 3]:
        if line.strip():
            return any(name in ACTION_FIELDS and p.match(line.strip()) for name, p in FIELDS)
    return False


_LIST_ITEM = re.compile(rf"^\s*[{''.join(_LIST_BULLETS)}]\t")


def _block_lines(element, parent, numbers: _ListNumbers, in_cell: bool = False) -> list[str]:
    """The lines of a body or a cell: paragraphs and tables in their order (python-docx's
    .paragraphs and .tables would lose it), also inside content controls (w:sdt); a table in
    the body is followed by a blank line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            paragraph = _paragraph_lines(Paragraph(child, parent), numbers)
            if in_cell and isinstance(paragraph[0], _ParagraphStart):
                paragraph[0] = str(paragraph[0])  # a heading's style in a cell says nothing
            elif (
                not in_cell
                and paragraph[0].strip()
                and not isinstance(paragraph[0], _ParagraphStart)
            ):
                paragraph[0] = _ParagraphStart(paragraph[0])
            lines.extend(paragraph)
            for box in _text_boxes(child):
                lines.extend(_block_lines(box, parent, numbers, in_cell))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, parent), numbers))
            if not in_cell:
                lines.append("")
        elif tag in ("sdt", "customXml"):
            content = child.find(f"{_W}sdtContent") if tag == "sdt" else child
            if content is not None:
                lines.extend(_block_lines(content, parent, numbers, in_cell))
    return lines


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _text_boxes(paragraph) -> list:
    """The contents of the text boxes anchored in a paragraph (a cover page's title, a
    box beside the text), each once: Word writes a box twice, as a drawing and as its
    older form for other programs (mc:Fallback), which is left."""
    return [
        box
        for box in paragraph.iter(f"{_W}txbxContent")
        if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors())
    ]


def _cells(row) -> list:
    """A row's cells, with a horizontally merged cell once (python-docx repeats it)."""
    unique, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _cell_lines(cell, numbers: _ListNumbers) -> list[str]:
    return _block_lines(cell._tc, cell, numbers, in_cell=True)


def _cell_text(cell, numbers: _ListNumbers, between: str = " ") -> str:
    parts = [" ".join(line.split()) for line in _cell_lines(cell, numbers)]
    return between.join(p for p in parts if p)


def _table_lines(table, numbers: _ListNumbers) -> list[str]:
    rows = [_cells(row) for row in table.rows]
    if not rows:
        return []
    header = [_cell_text(c, numbers) for c in rows[0]]
    if len(rows) > 2 and len(rows[0]) == 1 and len(rows[1]) > 1:
        # A title row over the header, one cell across the table ("Strategische
        # doelstelling 1: X" over "Actie | Trekker | …"): a line above the table's rows.
        below = _table_lines_under_title(table, rows, numbers)
        if below is not None:
            return [*_cell_lines(rows[0][0], numbers), *below]
    if len(rows) > 2 and (both := _two_row_header(table.rows[0], table.rows[1], numbers)):
        header, rows = both, rows[1:]
    if len(rows) > 1 and sum(_is_field_header(h) for h in header) >= 2:
        return _action_rows(header, rows[1:], numbers)
    if all(len(row) == 2 for row in rows):
        pairs = [(_cell_text(a, numbers), _cell_text(b, numbers, "; ")) for a, b in rows]
        if _is_sheet(pairs):
            return _sheet_lines(pairs)
    figures = _figures_rows([[" ".join(_cell_text(c, numbers).split()) for c in r] for r in rows])
    if figures:
        return figures[:-1]  # the body's table is followed by a blank line anyway
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines.extend(_cell_lines(cell, numbers))
    return lines


def _table_lines_under_title(table, rows: list[list], numbers: _ListNumbers) -> list[str] | None:
    """The rows under a table's title row read as a table of their own where the second row
    is its header (on one row or two); None where it is not."""
    header = [_cell_text(c, numbers) for c in rows[1]]
    if len(rows) > 3 and (both := _two_row_header(table.rows[1], table.rows[2], numbers)):
        header, rows = both, rows[1:]
    if sum(_is_field_header(h) for h in header) < 2:
        return None
    return _action_rows(header, rows[2:], numbers)


def _two_row_header(first, second, numbers: _ListNumbers) -> list[str] | None:
    """A header on two rows: a cell over two or more columns ("Wie?") over their own
    headers ("Trekker" | "Partners"), the other cells merged down over both rows ("Code",
    "Timing"); one header a column, the lower where the column has its own."""
    tops, bottoms = first.cells, second.cells  # one cell a column, a merged one repeated
    if len(tops) != len(bottoms) or all(a._tc is not b._tc for a, b in itertools.pairwise(tops)):
        return None
    header: list[str] = []
    for top, bottom in zip(tops, bottoms, strict=True):
        if bottom._tc is top._tc:  # merged down: the column's header is the upper cell
            header.append(_cell_text(top, numbers))
            continue
        text = _cell_text(bottom, numbers)
        if not _is_field_header(text):
            return None  # the second row is the table's first row
        header.append(text)
    return header


def _action_rows(header: list[str], rows: list[list], numbers: _ListNumbers) -> list[str]:
    title_col = _title_column(header)
    texts = []
    for row in rows:
        # Paragraphs of a field cell are items ("partner A", "partner B"); of the title, one
        # text, but for sentences under it: the action's description.
        cells = [_cell_text(cell, numbers, "; ") for cell in row]
        if title_col < len(row):
            cells[title_col], description = _title_and_description(
                [" ".join(line.split()) for line in _cell_lines(row[title_col], numbers)]
            )
            cells.append(description)
        texts.append(cells)
    return _rows_as_actions([*header, "Beschrijving"], texts)


def _title_and_description(paragraphs: list[str]) -> tuple[str, str]:
    """A title cell's paragraphs as the title and the description under it: the
    description starts at the first sentence after a title that is none ("Sociale kaart" /
    "We actualiseren alle fiches."); a title on two lines ("Netwerkmoment eerstelijn" /
    "rond ontslag") stays one."""
    paragraphs = [p for p in paragraphs if p]
    for at in range(1, len(paragraphs)):
        title, text = " ".join(paragraphs[:at]), paragraphs[at]
        if not title.endswith(_SENTENCE_END) and text[:1].isupper() and _is_sentence(text):
            return title, " ".join(paragraphs[at:])
    return " ".join(paragraphs), ""


_SENTENCE_END = (".", "!", "?", ":", ";")


def _is_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?")) and len(text.split()) >= 4


# -- an action sheet: a table of two columns, a field's label and its value per row ----------
def _sheet_label(text: str) -> bool:
    text = text.strip().rstrip(":?").strip()
    if not text or len(text) > 40:
        return False
    if _is_field_header(text) or _ACTION_HEADING.match(text) or ACTION_WORDS.match(text):
        return True
    return any(pattern.match(f"{text}:") for _, pattern in FIELDS)


def _is_sheet(rows: list[list]) -> bool:
    if len(rows) < 2 or any(len(row) != 2 for row in rows):
        return False
    return sum(1 for label, _ in rows if _sheet_label(label)) >= 2


def _sheet_lines(rows: list[tuple[str, str]]) -> list[str]:
    """Each (label, value) row as "Label: value"; the action's row as its heading ("Actie
    1.1.2 Title"), with a blank line after it so that the next field does not run on in
    the title."""
    lines: list[str] = [""]
    for label, value in rows:
        label = label.strip().rstrip(":").strip()
        if _ACTION_HEADING.match(f"{label} 1") or ACTION_WORDS.match(f"{label} 1.1"):
            # "Actie | 1.1.2 Title": the number is the value's; "Actie 1.1.2 | Title".
            numbered = value[:1].isdigit() and not label[-1:].isdigit()
            lines.extend([f"{label}{' ' if numbered else ': '}{value}".strip(), ""])
        else:
            lines.append(f"{label}: {value}")
    return lines


def _pdf_lines(path: Path) -> Lines:
    import pdfplumber

    # pdfminer logs every recoverable oddity of a PDF at WARNING; they are not the user's concern.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        read: list[list[str] | _Unruled] = []
        with pdfplumber.open(str(path)) as pdf:
            carried: _Carried | None = None  # a table without ruled lines that runs on
            for page in pdf.pages:
                found, carried = _pdf_page_lines(page, carried)
                if not isinstance(found, _Unruled):
                    found = _with_page_title(page, found)
                if read and isinstance(found, _Unruled) and isinstance(read[-1], _Unruled):
                    _join_broken_row(read[-1], found)
                read.append(found)
        pages: list[Lines] = []
        number = 1
        for found in read:
            lines = found.lines() if isinstance(found, _Unruled) else found
            pages.append(Lines(lines, range(number, number + len(lines))))
            number += len(lines)
        lines = without_furniture(pages)
    except ValidationError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on a broken file
        raise ValidationError(f"{path.name}: geen leesbare PDF ({type(error).__name__})") from None
    if not any(line.strip() for line in lines):
        raise ValidationError(
            f"{path.name}: de PDF bevat geen tekst (een scan?); bewaar het oorspronkelijke "
            "document als .pdf of .docx, of laat er eerst tekstherkenning (OCR) op lopen"
        )
    return lines


def _with_page_title(page, lines: list[str]) -> list[str]:
    """A page's lines, its first a heading (`_HeadingLine`) where it is written larger than
    the page's text (a slide's title, "Jaarplan 2026 – Doel A" or "Vragen?"): no value of
    the field the page before ended on, as a heading of Word's style is none."""
    first = next((at for at, line in enumerate(lines) if line.strip()), None)
    chars = [c for c in page.chars if c["text"].strip()]
    if first is None or len(chars) < 20:
        return lines
    sizes = sorted(round(c["size"], 1) for c in chars)
    body = sizes[len(sizes) // 2]
    title = "".join(c["text"] for c in chars if c["size"] >= 1.3 * body)
    if not title or title != "".join(lines[first].split()):
        return lines
    return [*lines[:first], _HeadingLine(lines[first]), *lines[first + 1 :]]


def _pdf_page_lines(
    page, carried: _Carried | None = None
) -> tuple[list[str] | _Unruled, _Carried | None]:
    """A page's lines; a table (ruled, as pdfplumber finds it) as its rows' fields, in its
    place among the lines around it: its text alone would run the columns together. A table
    without ruled lines that reaches the page's end is `carried` on to the next page, which
    Word does not give the header again."""
    tables = page.find_tables()
    if not tables:
        words = _word_lines(page)
        found, carried = _unruled_table(page, carried, words)
        text = found or _text_in_columns(page, words)
        return text or (page.extract_text() or "").splitlines(), carried
    boxes = [table.bbox for table in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed = [(line["top"], [line["text"]]) for line in page.filter(outside).extract_text_lines()]
    placed += [(table.bbox[1], _pdf_table_lines(table.extract())) for table in tables]
    placed.sort(key=lambda item: item[0])
    return [line for _, lines in placed for line in lines], None


_GUTTER = 12  # points of empty page at least between two columns of text side by side
_BLOCK_GAP = 3  # a gap over this many lines' heights parts two blocks of text


def _text_in_columns(page, lines: list[list[dict]]) -> list[str] | None:
    """A page's text where blocks of it stand side by side (a page in two or three columns,
    a slide's text boxes): each block's lines in turn, the left one first, where the page's
    text alone would join their lines ("Actiepunt 1.1 Trekker: Samana"); None for a page
    without. `lines`: the page's words in lines. Blocks side by side are lines with an empty
    strip between them (see `_columns_of_text`); a table of labels and their values is none
    ("Trekker     Samana")."""
    return _area_text(page, lines, (0.0, float(page.width), 0.0, float(page.height)), 0)


_DEPTH = 3  # blocks side by side inside a block at most so deep (columns in a column)


def _area_text(page, lines: list[list[dict]], area: tuple, depth: int) -> list[str] | None:
    """The text of a part of the page (`area`: left, right, top, bottom; `lines`: its words
    in lines) block after block; None where no blocks stand side by side in it."""
    left, right, top, bottom = area
    runs = _side_by_side(lines, left, right) if depth < _DEPTH else []
    if not runs:
        return None
    edges = [top]
    for above, below in itertools.pairwise(lines):
        edges.append((max(w["bottom"] for w in above) + min(w["top"] for w in below)) / 2)
    edges.append(bottom)
    texts: list[str] = []
    k = 0
    for first, last, gutter in [*runs, (len(lines), len(lines), None)]:
        if k < first:  # the text across the area between blocks side by side
            texts += _text_between(page, edges[k], edges[first], left, right)
        if gutter is not None:
            for side in ((left, gutter), (gutter, right)):
                part = [
                    kept
                    for line in lines[first : last + 1]
                    if (kept := [w for w in line if side[0] <= (w["x0"] + w["x1"]) / 2 < side[1]])
                ]
                band = (*side, edges[first], edges[last + 1])
                inner = _area_text(page, part, band, depth + 1)
                texts += inner if inner is not None else _text_between(page, *band[2:], *side)
        k = last + 1
    return texts


def _text_between(page, top: float, bottom: float, left: float, right: float) -> list[str]:
    def inside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return top <= y < bottom and left <= x < right

    return (page.filter(inside).extract_text() or "").splitlines()


def _side_by_side(
    lines: list[list[dict]], left: float, right: float
) -> list[tuple[int, int, float]]:
    """The runs of lines (first, last, the gutter's x) that hold blocks side by side: at
    each x a gutter may stand at (every other point of the middle half between left and
    right), the runs of lines no word comes near, parted where a gap parts two blocks."""
    low, high = int(left + (right - left) * 0.25), int(left + (right - left) * 0.75)
    start, count = low, max((high - low + 1) // 2, 0)
    blocked = [_blocked_at(line, start, count) for line in lines]  # per line, per x
    parted = [False] + [_block_gap(a, b) for a, b in itertools.pairwise(lines)]
    found: list[tuple[int, int, float]] = []
    for at in range(count):
        first = None
        for k in range(len(lines) + 1):
            open_ = k < len(lines) and not blocked[k][at]
            if open_ and first is not None and parted[k]:
                found.append((first, k - 1, start + 2 * at))
                first = None
            if open_ and first is None:
                first = k
            elif not open_ and first is not None:
                found.append((first, k - 1, start + 2 * at))
                first = None
    runs: list[tuple[int, int, float]] = []
    for first, last, x in sorted(found, key=lambda run: run[0] - run[1]):
        if any(first <= b and a <= last for a, b, _ in runs):
            continue
        if _columns_of_text(lines[first : last + 1], x):
            runs.append((first, last, x))
    return sorted(runs)


def _blocked_at(line: list[dict], start: int, count: int) -> bytearray:
    """For each x a gutter may stand at (start, start + 2, …), whether a word of the line
    comes nearer to it than half a gutter."""
    blocked = bytearray(count)
    for word in line:
        low = max(math.floor((word["x0"] - _GUTTER / 2 - start) / 2) + 1, 0)
        high = min(math.ceil((word["x1"] + _GUTTER / 2 - start) / 2) - 1, count - 1)
        if low <= high:
            blocked[low : high + 1] = b"\x01" * (high - low + 1)
    return blocked


def _block_gap(above: list[dict], below: list[dict]) -> bool:
    height = max(w["bottom"] - w["top"] for w in above)
    return below[0]["top"] - above[0]["top"] > height * _BLOCK_GAP


def _columns_of_text(lines: list[list[dict]], x: float) -> bool:
    """Text on both sides of x, side by side: two or more lines of it right of x that start
    at one x on most of them (where a column starts, not a wide space of a justified line)
    beside text left of x, on the same lines or between them (a slide's boxes need not
    line up); the left side no column of field labels."""
    rights = [line for line in lines if line[-1]["x0"] >= x]
    lefts = [line for line in lines if line[0]["x1"] <= x]
    if len(rights) < 2 or not lefts:
        return False
    if rights[-1][0]["top"] < lefts[0][0]["top"] or lefts[-1][0]["top"] < rights[0][0]["top"]:
        return False  # one above the other: a line indented under a short one, no column
    starts = [next(w["x0"] for w in line if w["x0"] >= x) for line in rights]
    aligned = max(sum(abs(a - b) <= 3 for b in starts) for a in starts)
    both = [line for line in rights if line[0]["x1"] <= x]
    labels = sum(
        _is_field_header(" ".join(w["text"] for w in line if w["x1"] <= x)) for line in both
    )
    return aligned >= 2 and aligned * 2 > len(rights) and (not both or labels * 2 < len(both))


_WORD_GAP = 8  # points between two words of one header cell at most
_SPACE = 4  # points between two words of one sentence at most (cells lie further apart)
_ROW_GAP = 1.3  # a gap this much over the table's line spacing starts a row


def _word_lines(page) -> list[list[dict]]:
    """The page's words in lines, top to bottom, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _header_cells(line: list[dict]) -> list[tuple[str, float]]:
    cells: list[tuple[str, float, float]] = []
    for word in line:
        if cells and word["x0"] - cells[-1][2] < _WORD_GAP:
            text, x0, _ = cells[-1]
            cells[-1] = (f"{text} {word['text']}", x0, word["x1"])
        else:
            cells.append((word["text"], word["x0"], word["x1"]))
    return [(text, x0) for text, x0, _ in cells]


def _is_header_line(line: list[dict]) -> bool:
    header = _header_cells(line)
    return len(header) >= 3 and sum(_is_field_header(text) for text, _ in header) >= 2


@dataclass
class _Carried:
    """The header of a table without ruled lines that ran to the end of its page."""

    header: list[tuple[str, float]]
    spacing: float


def _columns(starts: list[float], line: list[dict]) -> list[int]:
    """The header's column of each word of a line: the one where it starts."""
    return [max((i for i, x0 in enumerate(starts) if x0 <= w["x0"] + 3), default=0) for w in line]


def _across(columns: list[int], line: list[dict]) -> bool:
    """Whether a line is a sentence across the columns: words a space apart in two of them."""
    return any(
        b != a and right["x0"] - left["x1"] < _SPACE
        for (a, left), (b, right) in zip(
            zip(columns, line, strict=True), zip(columns[1:], line[1:], strict=True), strict=False
        )
    )


def _first_row(lines: list[list[dict]], carried: _Carried) -> int | None:
    """Where a table goes on at the top of a page without its header: the first line in its
    columns (a number in a number column, or words at a column's start, in two columns or
    with the row's next line right under it); a page's header above it is text."""
    starts = [x0 for _, x0 in carried.header]
    numbered = bool(_NUMBER_HEADER.match(carried.header[0][0]))
    for k, line in enumerate(lines[: _EDGE + 2]):
        if numbered and _CODE.match(line[0]["text"]) and abs(line[0]["x0"] - starts[0]) <= 3:
            return k
        columns = _columns(starts, line)
        aligned = any(abs(line[0]["x0"] - x0) <= 3 for x0 in starts)
        if not aligned or _across(columns, line):
            continue  # the page's header ("ELZ X – Jaarplan 2026"), or a heading
        if numbered and line[0]["x0"] <= starts[0] + 3:
            continue  # in the number column, but no number
        below = lines[k + 1] if k + 1 < len(lines) else None
        close = below is not None and below[0]["top"] - line[0]["top"] <= carried.spacing * _ROW_GAP
        if len(set(columns)) >= 2 or close:
            return k  # a row, or its first line above its number (a cell aligned to the middle)
    return None


def _unruled_table(
    page, carried: _Carried | None = None, lines: list[list[dict]] | None = None
) -> tuple[_Unruled | None, _Carried | None]:
    """A page with a table of actions without ruled lines (a Word table without borders):
    its text alone runs the columns together ("1.1.1 Infosessie Sociaal Huis Roeselare
    Samana Q1"). Each word goes to the header's column where it starts; a row starts after a
    gap wider than the lines of one cell, or at a second number in a number column. A page
    that goes on with the table of the page before (`carried`) is read in its columns;
    `lines`: the page's words in lines, where the caller has them."""
    lines = _word_lines(page) if lines is None else lines
    at = next((k for k, line in enumerate(lines) if _is_header_line(line)), None)
    if at is not None:
        header, first = _header_cells(lines[at]), at + 1
        gaps = [
            b[0]["top"] - a[0]["top"] for a, b in zip(lines[at:], lines[at + 1 :], strict=False)
        ]
        spacing = min(gaps) if gaps else 0
    elif carried is not None and (first := _first_row(lines, carried)) is not None:
        header, spacing = carried.header, carried.spacing
    else:
        return None, None
    starts = [x0 for _, x0 in header]
    numbered = bool(_NUMBER_HEADER.match(header[0][0]))
    rows: list[list[list[str]]] = []
    end = len(lines)
    for k in range(first, len(lines)):
        text = " ".join(w["text"] for w in lines[k])
        if goal_heading(text) or ACTION_WORDS.match(text):
            end = k
            break
        cells: list[list[str]] = [[] for _ in starts]
        columns = _columns(starts, lines[k])
        if _across(columns, lines[k]):
            end = k  # a sentence across the columns: text under the table, no row
            break
        for column, word in zip(columns, lines[k], strict=True):
            cells[column].append(word["text"])
        parts = [" ".join(c) for c in cells]
        gap = lines[k][0]["top"] - lines[k - 1][0]["top"]
        # A row's number may stand on any of its lines (a cell aligned to the middle).
        second = numbered and _CODE.match(parts[0]) and rows and any(map(_CODE.match, rows[-1][0]))
        if not rows or gap > spacing * _ROW_GAP or second:
            rows.append([[p] if p else [] for p in parts])
        else:
            for column, part in enumerate(parts):
                if part:
                    rows[-1][column].append(part)
    if at is None and not rows:
        return None, None  # no row goes on here after all: the page is text
    top = lines[at if at is not None else first][0]["top"]
    bottom = lines[end][0]["top"] if end < len(lines) else None
    around = page.extract_text_lines()
    before = [line["text"] for line in around if line["top"] < top - 1]
    after = [line["text"] for line in around if bottom is not None and line["top"] >= bottom - 1]
    found = _Unruled(before, [text for text, _ in header], rows, after, at is None)
    # Ended by a page's footer at most ("Pagina 3"): the table may go on on the next page.
    runs_on = rows and end >= len(lines) - _EDGE
    return found, (_Carried(header, spacing) if runs_on else None)


@dataclass
class _Unruled:
    """A page's table without ruled lines: the text above and under it, its rows (each a
    list of lines per column), and whether it goes on from the page before."""

    before: list[str]
    header: list[str]
    rows: list[list[list[str]]]
    after: list[str]
    continued: bool

    def lines(self) -> list[str]:
        table = [self.header] + [["\n".join(cell) for cell in row] for row in self.rows]
        return [*self.before, *_pdf_table_lines(table), *self.after]


def _join_broken_row(previous: _Unruled, page: _Unruled) -> None:
    """The rest of a row that Word broke over two pages: the first row of the page after,
    without a number where the table numbers its rows, or with a title cell empty or going
    on in lower case, joins the last row of the page before (a page number under it aside)."""
    if not page.continued or not page.rows or not previous.rows:
        return
    first = page.rows[0]
    numbered = bool(_NUMBER_HEADER.match(page.header[0]))
    title = _title_column(page.header)
    text = " ".join(first[title]) if title < len(first) else ""
    if numbered and (first[0] or not previous.rows):
        return
    if not numbered and text and not text[:1].islower():
        return
    while len(previous.rows) > 1 and not any(previous.rows[-1][title]):
        previous.rows.pop()  # "3" at the page's foot, read as a row of its own
    for column, part in enumerate(first):
        previous.rows[-1][column].extend(part)
    page.rows.pop(0)


def _pdf_table_lines(rows: list[list[str | None]]) -> list[str]:
    raw = [row for row in rows if any(_pdf_cell(cell) for cell in row)]  # cells' own lines
    rows = [[_pdf_cell(cell) for cell in row] for row in raw]
    if not rows:
        return []
    titles = []  # a title row across the table over its header: "Strategische doelstelling 1"
    while len(rows) > 2 and sum(map(bool, rows[0])) == 1 and _names_fields(rows[1]):
        titles.append(next(cell for cell in rows[0] if cell))
        rows, raw = rows[1:], raw[1:]
    header = rows[0]
    if len(rows) > 2 and (lower := _header_below(header, rows[1])) is not None:
        header, rows, raw = lower, rows[1:], raw[1:]  # "Wie?" over "Trekker" | "Partners"
    if len(rows) > 1 and _names_fields(header):
        names = {i for i, h in enumerate(header) if _names_column(h)}
        body = [
            [_names_cell(lines) if i in names else cell for i, (cell, lines) in enumerate(pair)]
            for pair in map(zip, rows[1:], raw[1:])
        ]
        return [*titles, *_rows_as_actions(header, body)]
    rows = [[cell] for cell in titles] + rows
    if _is_sheet(rows):
        return [*_sheet_lines([(label, value) for label, value in rows]), ""]
    return _figures_rows(rows) or [cell for row in rows for cell in row if cell] + [""]


def _names_column(header: str) -> bool:
    """Whether a table's header names a column of leads or partners ("Trekker", "Met wie?")."""
    label = _header_name(header).strip().rstrip(":?").strip()
    return bool(label) and any(
        name in ("lead", "partners")
        and (m := pattern.match(f"{label}:"))
        and not m["rest"].strip(" :")
        for name, pattern in FIELDS
    )


def _names_cell(text: str | None, between: str = "; ") -> str:
    """A cell of leads or partners as one line: a line that opens a name of its own after one
    that ends a name ("OCMW Leuven" / "CM Leuven") is another item, `between` them; a name
    broken over lines ("Huisartsenkring" / "Leuven", "Wit-Gele Kruis Vlaams-" / "Brabant")
    is one."""
    out = ""
    for line in (" ".join(line.split()) for line in (text or "").splitlines()):
        if not line:
            continue
        apart = (
            out
            and not line.startswith("(")
            and _opens_a_name(line)
            and not _BROKEN_END.search(out)
            and not _name_goes_on(out, line)
            and not broken_name(out, line)
        )
        out = f"{out}{between}{line}" if apart else _pdf_cell(f"{out}\n{line}" if out else line)
    return out


def _sheet_cell(cell: str) -> str:
    """A spreadsheet's cell as one line: a line break before a name of its own ("OCMW Gent"
    / "Samana", typed with Alt+Enter) stays a line break ("<br>", as in a Markdown table's
    cell: between items, a space in a title), one inside a name or a sentence is a space."""
    return _names_cell(cell, "<br>") if "\n" in cell else " ".join(cell.split())


def _names_fields(header: list[str]) -> bool:
    return sum(_is_field_header(h) for h in header) >= 2


def _figures_rows(rows: list[list[str]]) -> list[str] | None:
    """A table of municipalities and their figures ("Gemeente | Inwoners") as a line per row,
    its cells apart by bars, as the zone's territory is read from it; cell by cell, each
    name and number would be a line of its own."""
    if len(rows) < 2 or not is_places_header(" | ".join(rows[0])):
        return None
    return [" | ".join(cell for cell in row if cell) for row in rows] + [""]


# A line of a cell that is one word cut where the column ends ("Apothekersvereni" / "ging"):
# a long word without a space, then a lower-case start that is not a small word of its own.
_CUT_WORD = re.compile(r"^[^\W\d_]{8,}[a-zà-ÿ]$")
_SMALL_WORD = re.compile(
    r"^(?:en|of|de|het|een|van|voor|met|in|op|te|aan|bij|naar|om|tot|uit|per|die|dat|als|over|"
    r"door|rond|na|tussen|binnen|onder|zonder|elke|alle|wordt|worden|ook|nog|niet|zodat|zoals)\b"
)


def _pdf_cell(text: str | None) -> str:
    """A cell's text as one line: its lines joined as the plan parser joins lines."""
    out, previous = "", ""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        cut = _CUT_WORD.match(previous) and line[:1].islower() and not _SMALL_WORD.match(line)
        out, previous = (out + line if cut else join_lines(out, line)), line
    return out
