"""A Word document (.docx) read from its XML: paragraphs in reading order, with Word's list
numbering and bullets as its text export writes them, headings by their style and level,
text in content controls, text boxes and tracked insertions (not deletions), and tables, a
table of actions one "Acties" block a row."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections import Counter
from pathlib import Path

from graphmap.errors import ValidationError
from graphmap.ingest.documents.cells import (
    _figures_rows,
)
from graphmap.ingest.documents.headers import (
    _ACTION_HEADING,
    _is_field_header,
    _is_sheet,
    _sheet_lines,
)
from graphmap.ingest.documents.lines import (
    _HeadingLine,
    _ParagraphStart,
)
from graphmap.ingest.documents.text_tables import (
    _is_sentence,
    _rows_as_actions,
    _title_column,
)
from graphmap.ingest.outline import (
    ACTION_FIELDS,
    FIELDS,
    goal_heading,
)

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


def _paragraph_lines(paragraph, numbers: _ListNumbers, in_cell: bool = False) -> list[str]:
    """A paragraph's lines; a list item with a bullet and an indent for its level, a heading
    Word numbers with its number; in a table's cell an empty item numbered by Word is its
    number (a column "Nr." Word counts, "1.", "2.", none of it in the text)."""
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
    if in_cell and label and not "".join(lines).strip():
        return [label]
    if level is None or not lines[0].strip():
        return lines
    if label:
        # A numbered list's item with the number Word shows ("1.1.1", "a)"), as Word's own
        # text export writes it: its number is no part of the text; an item of a deeper
        # level indented under the one above, as a bullet's is.
        return [f"{'    ' * level}{label}\t{lines[0]}", *lines[1:]]
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
    except Exception:  # lxml and python-docx raise their own types on broken parts
        raise ValidationError(
            f"{path.name}: geen leesbaar .docx-document: het is beschadigd of anders "
            "opgebouwd dan Word een document bewaart; open het in Word, bewaar het opnieuw "
            "en probeer opnieuw"
        ) from None
    return lines


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
            paragraph = _paragraph_lines(Paragraph(child, parent), numbers, in_cell)
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
        # doelstelling 1: X" over "Actie | Trekker | …"): a line above the table's rows, a
        # paragraph of its own ("Acties 2026" goes on no heading above the table).
        below = _table_lines_under_title(table, rows, numbers)
        if below is not None:
            title = [
                _ParagraphStart(t) if t.strip() else t for t in _cell_lines(rows[0][0], numbers)
            ]
            return [*title, *below]
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


_SENTENCE_END = (".", "!", "?", ":", ";")


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
