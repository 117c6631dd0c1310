"""A PDF's text (pdfplumber), page by page: text in columns read column by column, ruled
tables found by pdfplumber and unruled ones by their header line's words, a table broken
over two pages joined again, a page's title written larger than its text (a slide's) a
heading; then its page furniture taken out."""

from __future__ import annotations

import itertools
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from graphmap.errors import ValidationError
from graphmap.ingest.documents.cells import (
    _figures_rows,
    _names_cell,
    _names_column,
    _names_fields,
    _pdf_cell,
)
from graphmap.ingest.documents.furniture import (
    _EDGE,
    without_furniture,
)
from graphmap.ingest.documents.headers import (
    _CODE,
    _NUMBER_HEADER,
    _is_field_header,
    _is_sheet,
    _sheet_lines,
)
from graphmap.ingest.documents.lines import (
    Lines,
    _HeadingLine,
    _LaidOut,
    _Wrapped,
)
from graphmap.ingest.documents.text_tables import (
    _header_below,
    _rows_as_actions,
    _title_column,
    name_of_its_own,
)
from graphmap.ingest.outline import (
    ACTION_WORDS,
    goal_heading,
    heading_or_field,
)


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
                    _join_broken_row(read[-1].last(), found)
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
    except Exception:  # pdfminer raises many unrelated types on a broken file
        raise ValidationError(
            f"{path.name}: geen leesbare PDF: het bestand is beschadigd; open het en bewaar "
            "of druk het opnieuw af als PDF"
        ) from None
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
        return text or _measured_text(page), carried
    boxes = [table.bbox for table in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed = [(top, [line]) for top, line in _measured_lines(page.filter(outside))]
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

    return _measured_text(page.filter(inside))


# A list item's mark at a line's start: an item of its own, never the wrapped line above.
_ITEM_MARK = re.compile(r"^(?:[•▪◦·●■►✓➢\uf0b7-]|[o–—*]\s)")


def _measured_text(area) -> list[str]:
    """The text of a page or a part of it as pdfplumber writes it, each line measured (see
    `_measured_lines`); where its lines and their measures do not agree, the text alone."""
    texts = (area.extract_text() or "").splitlines()
    measured = _measured_lines(area)
    if [line for _, line in measured] != [text.strip() for text in texts]:
        return texts
    return [type(line)(text) for text, (_, line) in zip(texts, measured, strict=True)]


def _measured_lines(area) -> list[tuple[float, str]]:
    """The lines of a page or a part of it (their top, their text), each a `_Wrapped` line
    where the layout wrapped the line above onto it, else a `_LaidOut` one: as a word
    processor wraps a paragraph at the width of its page, column or cell, the line above
    reached the right edge of its text (see `_right_edge`) so that this line's
    first word did not fit after it, in the same font, the line follows at the paragraph's
    line spacing, and it starts no item of a list nor a heading or a field."""
    found = area.extract_text_lines()
    out: list[tuple[float, str]] = []
    for at, line in enumerate(found):
        wrapped = at > 0 and _wraps(found[at - 1], line, _right_edge(found, found[at - 1], line))
        out.append((line["top"], (_Wrapped if wrapped else _LaidOut)(line["text"])))
    return out


_INDENTS = 40  # points of indent at most of a list's items under the text they stand in


def _right_edge(lines: list[dict], above: dict, line: dict) -> float:
    """The right edge of the text two lines stand in: the furthest end of the lines that
    start where they do or a list's indents further (their column's; not a page number's
    or a footer's at the right margin, a centred title's, the other column's)."""
    left = min(above["x0"], line["x0"])
    return max(o["x1"] for o in lines if left - 2 <= o["x0"] <= left + _INDENTS)


def _wraps(above: dict, line: dict, right: float) -> bool:
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    ends = [c for c in above.get("chars", []) if c["text"].strip()]
    text = line["text"]
    if not chars or not ends or _ITEM_MARK.match(text) or heading_or_field(text):
        return False
    if name_of_its_own(above["text"], text):
        # Names a line each ("Wit-Gele Kruis Limburg" / "Samana Sint-Truiden"): the widest
        # of them sets the edge the others seem to reach; a name of its own wraps nothing.
        return False
    if (chars[0]["fontname"], round(chars[0]["size"])) != (
        ends[-1]["fontname"],
        round(ends[-1]["size"]),
    ):
        return False  # a bold heading's last line, the text under it in the body's font
    size = max(c["size"] for c in chars)
    end = 1
    while end < len(chars) and chars[end]["x0"] - chars[end - 1]["x1"] < 0.2 * size:
        end += 1
    word = chars[end - 1]["x1"] - chars[0]["x0"]
    spacing = line["top"] - above["bottom"]
    return above["x1"] + 0.2 * size + word > right and spacing < 0.75 * size


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
    page,
    carried: _Carried | None = None,
    lines: list[list[dict]] | None = None,
    start: float | None = None,
) -> tuple[_Unruled | None, _Carried | None]:
    """A page with a table of actions without ruled lines (a Word table without borders):
    its text alone runs the columns together ("1.1.1 Infosessie Sociaal Huis Roeselare
    Samana Q1"). Each word goes to the header's column where it starts; a row starts after a
    gap wider than the lines of one cell, or at a second number in a number column. A page
    that goes on with the table of the page before (`carried`) is read in its columns; a
    table after it on the page (a goal's heading, then the next goal's table) is read so too.
    `lines`: the page's words in lines, where the caller has them (from `start` down)."""
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
    above = [w for w in lines if w[0]["top"] < top - 1]
    low = start - 1 if start is not None else -1.0
    before = _area_text(page, above, (0.0, float(page.width), low + 1, top - 1), 0)
    if before is None:  # the text above the table in columns, else line by line
        before = [line["text"] for line in around if low <= line["top"] < top - 1]
    after = [line["text"] for line in around if bottom is not None and line["top"] >= bottom - 1]
    found = _Unruled(before, [text for text, _ in header], rows, after, at is None)
    if bottom is not None and any(map(_is_header_line, lines[end:])):
        rest, carried = _unruled_table(page, None, lines[end:], bottom)
        if rest is not None:
            found.after, found.next = [], rest
            return found, carried
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
    next: _Unruled | None = None  # the page's next table, under this one

    def lines(self) -> list[str]:
        table = [self.header] + [["\n".join(cell) for cell in row] for row in self.rows]
        rest = self.next.lines() if self.next is not None else []
        return [*self.before, *_pdf_table_lines(table), *self.after, *rest]

    def last(self) -> _Unruled:
        """The page's last table (the one a table on the next page may go on)."""
        return self.next.last() if self.next is not None else self


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
    # An action sheet's leads and partners a line each in their cell are apart, as in a
    # table of actions ("Betrokken partners" | "OCMW Tongeren" / "Samana Riemst").
    rows = [
        [row[0], _names_cell(lines[1])] if len(row) == 2 and _names_column(row[0]) else row
        for row, lines in zip(rows, raw, strict=True)
    ]
    rows = [[cell] for cell in titles] + rows
    if _is_sheet(rows):
        return [*_sheet_lines([(label, value) for label, value in rows]), ""]
    return _figures_rows(rows) or [cell for row in rows for cell in row if cell] + [""]
