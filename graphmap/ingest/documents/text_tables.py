"""Tables in a text export: cells apart by tabs (Word's text export, a CSV), by bars (a
Markdown table) or by runs of spaces (`pdftotext -layout`), rows wrapped over lines or
flattened one cell a line. A table whose header names an action's fields becomes one
"Acties" block a row, each cell a labelled field, the same shape as a bulleted action list
with its fields; columns of goals become goal headings before their actions."""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field

from graphmap.ingest.documents.headers import (
    _ACTION_HEADING,
    _ACTION_NUMBER,
    _ACTION_OF_A_GOAL,
    _CODE_ALONE,
    _CONTRIBUTION_HEADER,
    _NUMBER_HEADER,
    _THROUGH_NUMBER,
    _TITLE_HEADER,
    _WHAT_HEADER,
    _code_of,
    _header_name,
    _is_field_header,
    _is_other_header,
)
from graphmap.ingest.documents.lines import (
    Lines,
)
from graphmap.ingest.organisations import ORG_WORDS, begins_known, is_place
from graphmap.ingest.outline import (
    ACTION_WORDS,
    TARGET_COLUMN,
    WHEN,
    goal_heading,
    join_lines,
    letter_place,
)

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
    if not any(_is_field_header(high) for high, low in zip(above, below, strict=True) if not low):
        # A fiche of label and value ("Trekker" | "Zorgraad" over "Partners" | ""): its
        # first row is no header whose other headers stand above only.
        return None
    return [low or high for high, low in zip(above, below, strict=True)]


_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a PDF's text in columns: single spaces inside


def _cell_starts(line: str) -> list[int]:
    return [match.start() for match in _CELL.finditer(line)]


def _placed(starts: list[int], line: str) -> list[str]:
    """A line of a PDF's text laid out in columns, each piece of text in the header's column
    nearest where it starts (two spaces part cells; an empty cell is a gap)."""
    cells = [""] * len(starts)
    for at, text in _pieces(starts, line):
        column = min(range(len(starts)), key=lambda c: abs(starts[c] - at))
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


_WORD_START = re.compile(r"(?<= )\S")


def _pieces(starts: list[int], line: str) -> list[tuple[int, str]]:
    """The line's runs of text, each where it starts; a run parted where a word of it starts
    right at a column's start: a cell that fills its column leaves one space before the
    next ("Huisartsenkring Antwerpen Huisartsenkring Antwerpen Noord"), and no cell reaches
    into the column after its own."""
    pieces = []
    columns = set(starts)
    for match in _CELL.finditer(line):
        cuts = [w.start() for w in _WORD_START.finditer(line, match.start(), match.end())]
        bounds = [match.start(), *(c for c in cuts if c in columns), match.end()]
        pieces += [(a, line[a:b].strip()) for a, b in itertools.pairwise(bounds)]
    return pieces


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
            _is_field_header(cell)
            or _TITLE_HEADER.match(cell)  # "Initiatief", "Project", "Activiteit" as "Actie"
            or _NUMBER_HEADER.match(cell)
            or _goal_column(cell)
            # "Budget" between "Actie" and "Trekker"; "Streefwaarde" beside "Indicator"
            or (header and (TARGET_COLUMN.match(cell) or _is_other_header(cell)))
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
        if _ROW_NUMBER.match(cell) and (not rows or _next_row(rows[-1], cell, len(header))):
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
        # (A list in a cell, "• Samana" / "• OKRA", is one cell.)
        while len(_joined(_listed_cells([c for c, _ in last]), len(header), lower=False)) > len(
            header
        ):
            last.pop()
    return rows


def _next_row(row: list[tuple[str, int]], number: str, width: int) -> bool:
    """Whether a number alone starts the next row: the row before is as wide as the header,
    or the number is a code as the row's ("1.1.3" after "1.1.2") or the next of a count
    ("3" after "2"); else it is a cell of the row ("Streefwaarde" / "80")."""
    if len(row) >= width:
        return True
    before, after = row[0][0].rstrip(".").split("."), number.rstrip(".").split(".")
    if len(before) != len(after):
        return False
    if len(after) > 1:
        return True
    return before[0].isdigit() and after[0].isdigit() and int(after[0]) == int(before[0]) + 1


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
    while (
        len(_fitted(_joined(_listed_cells([c for c, _ in last]), width, lower=False), header))
        > width
    ):
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

_NAME_WORD_FIRST = re.compile(r"[A-ZÀ-Ý][\w'’-]*")  # a name's first word, no item's end


def _opens_a_name(cell: str) -> bool:
    """Whether a line opens a name of its own: a known name, an acronym or a word of a kind
    of body first ("OCMW Sint-Niklaas", "Wit-Gele Kruis", "Huisartsenkring Waasland"), also
    after a capitalised word of the name ("Sociaal Huis Mechelen", "Heilig Hartziekenhuis
    Lier")."""
    words = cell.split()
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 and _NAME_WORD_FIRST.fullmatch(first) else ""
    return bool(
        begins_known(cell)
        or _ACRONYM_FIRST.match(first)
        or _KIND_ALONE.fullmatch(first)
        or ORG_WORDS.search(first)
        or (second and (_KIND_ALONE.fullmatch(second) or ORG_WORDS.search(second)))
    )


_TIMING_HEADER = re.compile(
    r"^(?:timing|wanneer|periode|planning|looptijd|deadline|termijn|tijdspad)\b", re.I
)


# A column whose cells are running text: a sentence there is a cell.
_TEXT_HEADER = re.compile(
    r"^(?:omschrijving|beschrijving|toelichting|wat|inhoud|doel|aanpak|opmerkingen?)\b", re.I
)


def _is_sentence(text: str) -> bool:
    """A sentence rather than a cell or a title ("Huisartsenkring Demer volgt beide acties
    op."). A long cell without a full stop is none: a list of a dozen partners is a cell."""
    return text.endswith((".", "!", "?")) and len(text.split()) >= 4


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


def name_of_its_own(before: str, line: str) -> bool:
    """Whether a line of names opens another item after the line before ("OCMW Leuven" /
    "CM Leuven"), not the rest of a name the line broke ("Huisartsenkring" / "Leuven",
    "Wit-Gele Kruis Vlaams-" / "Brabant"): a name of its own opens it, and the line before
    ends a name."""
    return (
        _opens_a_name(line)
        and not _BROKEN_END.search(before)
        and not _name_goes_on(before, line)
        and not broken_name(before, line)
    )


def after_a_place(before: str, line: str) -> bool:
    """Whether a line of a cell of names opens another name after one that a place ended
    ("CAW Limburg" / "Vluchtelingenwerk Vlaanderen"): two words or more, the first in
    capitals and no place ("Wit-Gele Kruis Vlaams-" / "Brabant", "Huis van het Kind" /
    "Sint-Truiden" go on)."""
    words, ends = line.split(), before.split()
    return (
        len(words) >= 2
        and bool(ends)
        and is_place(ends[-1].strip(",;"))
        and bool(_NAME_WORD_FIRST.fullmatch(words[0]))
        and not is_place(words[0])
        and not _says_when(line)
    )


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
        # "Speerpunt", "Pijler": the strategic level's other words, as in a heading ("Speerpunt
        # 1: X"); not "Prioriteit", a column of how urgent an action is ("hoog").
        r"^(?:strategische?\s+doel(?:stelling)?|sd|strategic\s+(?:goal|objective)|"
        r"speerpunt(?:en)?|pijlers?|beleidsprioriteit(?:en)?|focusdomein(?:en)?)\W*$",
        re.I,
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
    if len(numbers) < 2 or not all(_THROUGH_NUMBER.match(n) for n in numbers):
        return False  # a row without its number too: nothing counted
    counted = [int(n) for n in numbers]
    return all(b == a + 1 for a, b in itertools.pairwise(counted))


# An action's number of two parts in a column of its own ("1.2", "Project 1.2").
_TWO_PART_CODE = re.compile(
    r"^\s*(?:(?:actie|project|initiatief)\s*)?(?P<code>\d{1,2}\.\d{1,2})\.?\s*$", re.I
)


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
        elif (
            _goal_columns(header)[1] is None
            and code_col is not None
            and (pair := _TWO_PART_CODE.match(texts[code_col] if code_col < len(texts) else ""))
        ):
            # "1.2" in the column "Nr." where no column gives operational goals, under a goal
            # across the table, in a column "Speerpunt" or a heading ("Prioriteit 1: X"):
            # action 2 of its goal, as "Actie 1.2: X" written before the title is.
            title = f"Actie {pair['code']}: {title}"
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
