"""A plan kept in a spreadsheet: a CSV (";" as Excel writes it in Flanders, "," or tabs) or
a workbook (the sheet it opens on, and the other sheets that hold a table of actions), each
row a line with its cells apart by tabs, read as a text export of one table."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import tables
from graphmap.ingest.documents.cells import (
    _sheet_cell,
)
from graphmap.ingest.documents.headers import (
    _is_field_header,
)
from graphmap.ingest.documents.lines import (
    Lines,
    _text,
)
from graphmap.ingest.documents.text_tables import (
    _text_tables,
)
from graphmap.ingest.outline import (
    goal_heading,
    goal_of_heading,
)


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
