"""Read a staff spreadsheet (CSV in UTF-8, UTF-16 or Windows-1252 with any common separator,
or XLSX) into rows.

Rows keep the number the user sees in the spreadsheet program: the header is the first row
that holds a value (row 1 unless empty rows come before it), or, when the caller says what a
header is, the row among the first ten that is one and names the most known columns (a
title and a date often stand above it; the table's notes name them); the data rows follow
it. Every cell is a stripped string; empty cells are "". Nothing is dropped silently: a cell the
header has no column for, an Excel error value or a cell over the length limit refuses its
row, by number; a file that cannot be read as the user sees it is refused whole.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import itertools
import math
import re
import zipfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import formats

SEPARATORS = (";", ",", "\t")
# The header is looked for in the rows up to this one: a title, a date and empty rows often
# stand above it in a list kept by hand.
HEADER_ROWS = 10
# Of a row's titles: whether they can be the header, and how many name a column the import
# knows (a title or a date row above the header names none).
HeaderFit = Callable[[tuple[str, ...]], tuple[bool, int]]
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ZIP = b"PK\x03\x04"
# A compound file: an old .xls, or an .xlsx that Excel encrypted with a password.
_COMPOUND = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the encrypted workbook's stream name
# Excel's first line "sep=;" names the separator; Excel itself does not show that line.
_SEP_HINT = re.compile(r'"?sep=([^"\r\n])"?[ \t]*(?:\r\n|\n|\r|$)', re.IGNORECASE)
# Windows-1252 as a table of 256 characters; it leaves five bytes undefined.
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="replace") for b in range(256))
# Excel's error values: as a workbook stores them (English), and as a Dutch or French Excel
# writes them into a CSV.
EXCEL_ERRORS = frozenset(
    (
        *("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"),
        *("#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!"),
        *("#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!"),
        *("#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B"),
        *("#NUL!", "#VALEUR!", "#NOM?", "#NOMBRE!"),
    )
)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (spreadsheet row number, header -> cell)
    # Rows refused while reading (a cell over the length limit, a cell beyond the header):
    # row number -> (column, why); the column is "" when the cell has none. They are still
    # in `rows`, with a long cell cut, so that each is reported by number.
    refused: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Excel error values (#N/A …): row number -> [(column, why)]. They refuse their row
    # where the import reads their column (see `refusal`); other columns are not read.
    errors: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    sheet: str | None = None  # the worksheet read, of a workbook
    sheets: tuple[str, ...] = ()  # of a workbook, its visible sheets that hold data
    # What the user should know of the reading: the sheet read, the rows above the header.
    notes: tuple[str, ...] = ()
    # The rows the header was looked for in, when no row there was taken for it (the row
    # naming the most known columns stands in, else the first that holds a value); else None.
    searched: int | None = None

    def refusal(self, number: int, read: Collection[str]) -> tuple[str, str] | None:
        """(column, why) when row `number` is refused, for an import reading columns `read`."""
        if number in self.refused:
            return self.refused[number]
        return next(((c, why) for c, why in self.errors.get(number, ()) if c in read), None)


def read_table(path: Path, fit: HeaderFit | None = None, sheet: str | None = None) -> Table:
    """The table in `path` (of a workbook, the sheet named `sheet`, else the one it opens
    on); a ValidationError naming the file when it cannot be read.

    The header is the first row that holds a value; with `fit`, the row among the first
    HEADER_ROWS whose titles it takes that names the most known columns (see `_header_at`;
    the rows above it are left out, and a note says so), and when none is, the row that
    names the most stands in (`Table.searched`).

    Every limit in `graphmap.limits` is checked before the work it guards: the file's size
    before it is read, a workbook's unpacked size before its cells, each row and cell as it
    streams in. A refused file stops the reading at once.
    """
    path = Path(path)
    name, suffix = path.name, path.suffix.lower()
    limits.check_file(path)
    if suffix == ".xls":
        raise ValidationError(
            f"{name}: het oude Excel-formaat (.xls) wordt niet gelezen; "
            "bewaar het als .xlsx of .csv"
        )
    data = _file_bytes(path, name)
    if suffix == ".ods":
        raise _opendocument(name)
    if data.startswith(_ZIP):
        return _read_workbook(name, data, fit, sheet)
    # A PDF, a picture, a web page: said as what it is, not as a text or a broken workbook.
    formats.refuse_other(name, suffix, data, {}, "bewaar de lijst als .xlsx of .csv")
    if suffix in {".xlsx", ".xlsm"}:
        raise _not_a_workbook(name, data)
    if sheet:
        raise ValidationError(f"{name}: een CSV-bestand heeft geen bladen (gevraagd: {sheet!r})")
    text, sep = csv_text(name, decode(name, data), fit)
    return _table(name, _read_csv(name, text, sep), separator=sep, fit=fit)


# -- CSV ------------------------------------------------------------------------------------
def decode(name: str, data: bytes) -> str:
    """The text of a CSV file.

    A byte-order mark names the encoding; NUL bytes between letters are UTF-16 without one;
    else each line is UTF-8 where it is valid UTF-8 and Windows-1252 where not: what Excel
    writes as "CSV (puntkomma gescheiden)" on a Western European Windows, also when a list
    grew by pasting rows from elsewhere. Guessing from letter frequencies took such lists
    for Central European (è became č): the two encodings differ in letters, not in bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ValidationError(
            f"{name}: geen leesbare tekst (geen CSV in UTF-8, UTF-16 of Windows-1252, "
            "en geen .xlsx)"
        )
    return "".join(_decode_line(name, number, line) for number, line in _lines(data))


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte is mostly NUL (letters of the ASCII range)."""
    if data[1::2].count(0) > len(data) // 4:
        return "utf-16-le"
    if data[0::2].count(0) > len(data) // 4:
        return "utf-16-be"
    return None


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    start = 0
    for number in range(1, data.count(b"\n") + 2):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        yield number, data[start:end]
        start = end


def _decode_line(name: str, number: int, line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = codecs.charmap_decode(line, "replace", _CP1252)[0]
    if "\ufffd" in text:
        byte = next(b for b in line if _CP1252[b] == "\ufffd")
        raise ValidationError(
            f"{name}: regel {number} is geen tekst in UTF-8 of Windows-1252 (byte 0x{byte:02X}); "
            "bewaar het bestand in Excel als 'CSV UTF-8 (door komma's gescheiden)'"
        )
    return text


def csv_text(name: str, text: str, fit: HeaderFit | None = None) -> tuple[str, str]:
    """(the text to read, its separator): Excel's "sep=;" first line, else the header's."""
    if "\x00" in text:
        raise ValidationError(f"{name}: bevat NUL-tekens; dit is geen CSV-tekstbestand")
    hint = _SEP_HINT.match(text)
    if hint:
        text = text[hint.end() :]
    if not text.strip():
        raise ValidationError(f"{name}: het bestand is leeg")
    if hint:
        return text, hint.group(1)
    guess = separator(text)
    return text, guess if fit is None else _header_separator(text, guess, fit)


def separator(text: str) -> str:
    """The separator of the header line: Excel writes ';' in Belgian locales, ',' elsewhere."""
    # The first line with a title: a line of separators alone is an empty row above it.
    header = next((line for line in text.splitlines() if line.strip(' \t;,"')), "")
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _header_separator(text: str, guess: str, fit: HeaderFit) -> str:
    """The separator that makes a row the header naming the most known columns (ties: the
    guess): `separator` reads the first line with a title, and a title above the header
    ("Partners, januari", "Organisatie") may hold another separator than the header, or
    none, and still be taken for a header of one column."""
    best, most = guess, -1
    for sep in (guess, *(s for s in SEPARATORS if s != guess)):
        first = _first_rows(text, sep)
        fits = _fits(first, fit)
        at = _header_at(first, fits)
        if at is not None and fits[at][1] > most:
            best, most = sep, fits[at][1]
    return best


def _first_rows(text: str, sep: str) -> list[tuple[int, list[str]]]:
    """The rows among the first HEADER_ROWS that hold a value, read with `sep`."""
    rows = []
    try:
        for number, record in enumerate(csv.reader(io.StringIO(text), delimiter=sep), start=1):
            if number > HEADER_ROWS:
                break
            cells = _cells(record)
            if cells:
                rows.append((number, cells))
    except csv.Error:
        pass  # the file is read with the guess, which says what is wrong
    return rows


def _read_csv(name: str, text: str, sep: str) -> Iterator[tuple[int, list]]:
    # The csv module refuses a field over its limit by stopping the file; a long cell is
    # refused here instead, on its own row (the file is already within FILE_BYTES).
    csv.field_size_limit(max(csv.field_size_limit(), limits.FILE_BYTES))
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    last = None  # (row number, the line before it) of the last record
    ended = 0  # the line the record before ended on
    try:
        for number, record in enumerate(reader, start=1):
            last, ended = (number, ended), reader.line_num
            yield number, record
    except csv.Error as error:
        raise ValidationError(
            f"{name}: geen geldige CSV (rij {reader.line_num}: {_csv_problem(error)})"
        ) from None
    # A quote that is never closed takes the rest of the file into one cell of the last
    # record (the csv module does not complain): refused rather than read as one name.
    if last and _ends_in_quote(_after_line(text, last[1]), sep):
        raise ValidationError(
            f'{name}: rij {last[0]}: een aanhalingsteken (") opent een cel die nooit gesloten '
            "wordt, zodat de rest van het bestand in die ene cel zou belanden; "
            "sluit of verwijder het aanhalingsteken"
        )


def _csv_problem(error: csv.Error) -> str:
    """The csv module's complaint in Dutch (its own words are English)."""
    said = str(error)
    if "NUL" in said:
        return "de regel bevat NUL-tekens"
    if "new-line" in said:
        return "een regeleinde midden in een cel zonder aanhalingstekens"
    if "field larger" in said:
        return "een cel is te lang"
    return "de regel is geen rij van cellen"


def _after_line(text: str, line: int) -> str:
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
    return text[start:]


def _ends_in_quote(text: str, sep: str) -> bool:
    """Whether the csv module, reading `text` from a record's start, ends within a quoted
    cell. A quote opens a cell only at its start; "" within a quoted cell is a quote."""
    quoted = re.compile(r'"(?:[^"]+|"")*+"')
    unquoted = re.compile(f"[^{re.escape(sep)}\r\n]*")
    at = 0
    while at < len(text):
        if text[at] == '"':
            closed = quoted.match(text, at)
            if closed is None:
                return True
            at = closed.end()
        at = unquoted.match(text, at).end() + 1  # past the separator or line break
    return False


# -- XLSX -----------------------------------------------------------------------------------
def _read_workbook(
    name: str, data: bytes, fit: HeaderFit | None = None, wanted: str | None = None
) -> Table:
    """The rows of the sheet `wanted`, else of the one the user sees on opening the
    workbook, streamed."""
    _refuse_other_packages(name, data)
    try:
        # read_table checked the unpacked size the zip declares (limits.check_file): that
        # bounds what reading the workbook can take. A file object, not a path: openpyxl
        # refuses a workbook whose name does not end in .xlsx.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise _unreadable(name, error) from None
    try:
        sheet, others = _sheet(name, book, wanted)
        table = _table(name, _sheet_rows(name, book, sheet, fill_down=True), fit=fit)
        titles = tuple(s.title for s in book.worksheets if s is sheet or s.title in others)
        notes = (
            (_unread_note(sheet.title, others, wanted, sheet is _active(book)),) if others else ()
        )
        return replace(table, sheet=sheet.title, sheets=titles, notes=notes + table.notes)
    except ValidationError:
        raise
    except Exception as error:
        raise _unreadable(name, error) from None
    finally:
        book.close()


def _file_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; refused when unreadable, empty, or an old compound document."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"{name}: kan het bestand niet lezen ({error.strerror})") from None
    if not data:
        raise ValidationError(f"{name}: het bestand is leeg")
    if data.startswith(_COMPOUND):
        raise _compound(name, data)
    return data


def workbook_sheets(path: Path) -> list[tuple[str, list[tuple[int, list[str]]], bool]]:
    """Every visible sheet of a workbook, in its order: its title, its rows (each cell as
    text, with the row's number), and whether the workbook opens on it: a plan kept in
    Excel, which graphmap.ingest.documents reads as tables of actions (a sheet per goal,
    maybe). The same checks as `read_table`; a ValidationError naming the file when it
    cannot be read."""
    path = Path(path)
    name = path.name
    limits.check_file(path)
    data = _file_bytes(path, name)
    if not data.startswith(_ZIP):
        raise _not_a_workbook(name, data)
    _refuse_other_packages(name, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise _unreadable(name, error) from None
    try:
        opened, _ = _sheet(name, book)
        return [
            (
                sheet.title,
                [
                    (number, ["" if v is None else _as_text(v) for v in values])
                    for number, values in _sheet_rows(name, book, sheet)
                ],
                sheet is opened,
            )
            for sheet in book.worksheets
            if sheet.sheet_state == "visible"
        ]
    except ValidationError:
        raise
    except Exception as error:
        raise _unreadable(name, error) from None
    finally:
        book.close()


def _as_text(value) -> str:
    if hasattr(value, "strftime"):  # a date: as it is written here
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _refuse_other_packages(name: str, data: bytes) -> None:
    """A zip that is not a workbook: said what it is rather than what openpyxl misses in it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            kind = b""
            if "mimetype" in names:
                with archive.open("mimetype") as part:  # its first bytes: it may be a bomb
                    kind = part.read(100)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return  # _unreadable says it
    if kind.startswith(b"application/vnd.oasis.opendocument"):
        raise _opendocument(name)
    if "word/document.xml" in names:
        raise ValidationError(f"{name}: geen Excel-werkboek maar een Word-document")
    if "xl/workbook.xml" not in names and not any(n.startswith("xl/") for n in names):
        raise ValidationError(f"{name}: geen Excel-werkboek (.xlsx) maar een ander zip-bestand")


def _sheet(name: str, book, wanted: str | None = None) -> tuple[object, tuple[str, ...]]:
    """The visible sheet `wanted` (its title, case and spaces aside), else the active sheet
    if it is visible, else the first visible one (as Excel opens the workbook); and the
    titles of the other visible sheets that hold data."""
    visible = [s for s in book.worksheets if s.sheet_state == "visible"]
    if not visible:
        raise ValidationError(f"{name}: het werkboek heeft geen zichtbaar werkblad")
    if wanted:
        sheet = next((s for s in visible if _title_key(s.title) == _title_key(wanted)), None)
        if sheet is None:
            titles = ", ".join(repr(s.title) for s in visible)
            raise ValidationError(f"{name}: geen zichtbaar blad {wanted!r} (bladen: {titles})")
    else:
        active = _active(book)
        sheet = active if any(active is s for s in visible) else visible[0]
    return sheet, tuple(s.title for s in visible if s is not sheet and _holds_data(book, s))


def _active(book):
    try:
        return book.active
    except (IndexError, KeyError, TypeError):
        return None


def _unread_note(title: str, others: tuple[str, ...], wanted: str | None, active: bool) -> str:
    why = "gevraagd" if wanted else "het actieve blad" if active else "het eerste zichtbare blad"
    unread = ", ".join(f"{other!r}" for other in others)
    return f"blad {title!r} gelezen ({why}); niet gelezen: {unread}"


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _holds_data(book, sheet) -> bool:
    rows = _sheet_rows("", book, sheet, check=False)
    try:
        return next(rows, None) is not None
    finally:
        rows.close()  # the sheet's part, open until then


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser, telling a formula without a stored result from an empty cell
    (a workbook written by a program holds formulas that only Excel computes, on saving),
    and passing over cells that hold nothing (formatting to the sheet's last column makes
    millions of them)."""

    def parse_row(self, row):
        # Only where every cell names its place: a cell without one is placed by counting.
        if all("r" in cell.attrib for cell in row):
            for cell in [cell for cell in row if len(cell) == 0]:
                row.remove(cell)
        return super().parse_row(row)

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if (
            cell["value"] is None
            and cell["data_type"] != "str"  # a formula whose result is the empty text
            and element.find(FORMULA_TAG) is not None
        ):
            cell["data_type"] = "f"
        return cell


def _sheet_rows(
    name: str, book, sheet, check: bool = True, fill_down: bool = False
) -> Iterator[tuple[int, list]]:
    """Rows as the values the sheet holds, refusing a value beyond the limits as it comes;
    with `fill_down`, a cell merged down over rows holds its value in each (see
    `_merged_down`): the rows come when the sheet has been read, its merges last in it.

    Cells without a value (formatting, borders) are left out: a bold cell in column DP or
    borders down to row 20,100 make no row and no column. openpyxl's own row iterator pads
    every row up to the sheet's last column before one can look at it (a sparse sheet with a
    cell in column XFD makes rows of 16,384 cells): its parser is used directly, the way its
    read-only worksheet does.
    """
    with sheet._get_source() as source:
        parser = _Parser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        held_rows = []
        for number, cells in parser.parse():
            held = [cell for cell in cells if _holds_value(cell["value"])]
            if check:
                _refuse_uncomputed(name, number, cells)
            if not held:
                continue
            last = max(cell["column"] for cell in held)
            if check and last > limits.COLUMNS:
                raise _too_many_columns(name, f"cel {get_column_letter(last)}{number}")
            row = [None] * last
            for cell in held:
                row[cell["column"] - 1] = cell["value"]
            if not fill_down:
                yield number, row
                continue
            held_rows.append((number, row))
            if len(held_rows) > limits.ROWS + HEADER_ROWS:
                # More than a list may hold: refused as soon as they come (see `_table`).
                yield from held_rows
                fill_down = False
        if fill_down:
            yield from _merged_down(held_rows, parser.merged_cells)


def _merged_down(rows: list[tuple[int, list]], merged) -> list[tuple[int, list]]:
    """The rows with each cell merged down a column (a Cluster written once beside its
    partners) holding its value in every row of the merge that holds anything else, as the
    sheet shows it; read as it is stored, the rows below the first had none. A cell merged
    across columns stays in its first: spread, it would fill fields that are not its.

    Only the rows the sheet holds are visited, and a merge over one already taken in its
    column (Excel makes none) is passed over: a hostile list of 3,000 merges down to row
    1,048,576 took 67 s, walking every row number of each."""
    ranges = [r for r in (merged.mergeCell if merged else ()) if r.min_col == r.max_col]
    if not ranges:
        return rows
    numbers = [number for number, _ in rows]  # ascending, as the sheet gives them
    by_number = dict(rows)
    taken: dict[int, int] = {}  # column -> the last row a merge in it reaches
    for cells in sorted(ranges, key=lambda r: (r.min_col, r.min_row)):
        if cells.min_row <= taken.get(cells.min_col, 0):
            continue
        taken[cells.min_col] = cells.max_row
        top, column = by_number.get(cells.min_row), cells.min_col - 1
        if top is None or column >= len(top) or top[column] is None:
            continue
        first = bisect.bisect_right(numbers, cells.min_row)
        for number in numbers[first : bisect.bisect_right(numbers, cells.max_row)]:
            row = by_number[number]
            row.extend([None] * (column + 1 - len(row)))
            row[column] = top[column]
    return rows


def _holds_value(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _refuse_uncomputed(name: str, number: int, cells: list[dict]) -> None:
    for cell in cells:
        if cell["data_type"] == "f":
            raise ValidationError(
                f"{name}: cel {get_column_letter(cell['column'])}{number} bevat een formule "
                "zonder berekende waarde (het werkboek is door een programma gemaakt en nooit "
                "in Excel bewaard); open het in Excel, bewaar het en probeer opnieuw"
            )


def _compound(name: str, data: bytes) -> ValidationError:
    if _ENCRYPTED in data:
        return ValidationError(
            f"{name}: het werkboek is beveiligd met een wachtwoord; verwijder het wachtwoord "
            "in Excel (Bestand > Info > Werkmap beveiligen) en bewaar het opnieuw"
        )
    return ValidationError(
        f"{name}: een werkboek dat beveiligd is met een wachtwoord, of in het oude "
        "Excel-formaat (.xls); verwijder het wachtwoord en bewaar het als .xlsx of .csv"
    )


def _opendocument(name: str) -> ValidationError:
    return ValidationError(
        f"{name}: een OpenDocument-bestand (LibreOffice, .ods) wordt niet gelezen; "
        "bewaar het als .xlsx of .csv"
    )


def _not_a_workbook(name: str, data: bytes) -> ValidationError:
    """An .xlsx that is no zip: a text file is most likely a CSV renamed (Excel refuses to
    open it too), which is said rather than guessed at."""
    try:
        decode(name, data[:65536])
        text = True
    except ValidationError:
        text = False
    return ValidationError(
        f"{name}: geen Excel-werkboek"
        + (" maar een tekstbestand (CSV?); geef het de naam .csv" if text else "")
    )


def _too_many_columns(name: str, where: str) -> ValidationError:
    return ValidationError(
        f"{name}: meer dan {limits.COLUMNS} kolommen ({where}); "
        "verwijder de kolommen die de import niet nodig heeft"
    )


def _too_many_rows(name: str, number: int) -> ValidationError:
    return ValidationError(
        f"{name}: meer dan {limits.number(limits.ROWS)} rijen (rij {limits.number(number)}); "
        "splits het bestand"
    )


def _unreadable(name: str, error: Exception) -> ValidationError:
    """Why a workbook cannot be read, in Dutch (openpyxl's own words are English)."""
    if isinstance(error, zipfile.BadZipFile):
        return ValidationError(f"{name}: geen leesbaar Excel-bestand (.xlsx): het is beschadigd")
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, DefusedXmlException):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        # defusedxml refused it: what a workbook saved by Excel never holds, and what an
        # attack on the server reading it would (its own entities: a file of the server's
        # pulled in, or a few bytes blown up to gigabytes).
        return ValidationError(
            f"{name}: geen leesbaar Excel-bestand (.xlsx): het bevat XML met eigen "
            "definities (DOCTYPE of entiteiten), die Excel nooit schrijft; het wordt om "
            "veiligheidsredenen niet gelezen. Open het in Excel, bewaar het opnieuw en "
            "probeer opnieuw"
        )
    return ValidationError(
        f"{name}: geen leesbaar Excel-bestand (.xlsx): het is beschadigd of anders opgebouwd "
        "dan Excel een werkboek bewaart; open het in Excel, bewaar het opnieuw en probeer "
        "opnieuw"
    )


# -- rows -----------------------------------------------------------------------------------
def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel keeps every number as a float: 3630.0 is postcode 3630
    return " ".join(limits.clean(str(value)).split())


def _cells(values: list) -> list[str]:
    """The row's cells up to its last that holds a value (trailing separators hold none)."""
    cells = [_cell(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _filled(name: str, records: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list[str]]]:
    """The rows that hold a value, as cells; an empty row (also before the header) is none."""
    for number, values in records:
        cells = _cells(values)
        if not cells:
            continue
        if len(cells) > limits.COLUMNS:
            raise _too_many_columns(name, _last_cell(len(cells), number))
        yield number, cells


# Excel's last column, XFD: a CSV's row may run on far beyond it (openpyxl names no column
# there, and raised a ValueError instead of the message).
_EXCEL_COLUMNS = 16_384


def _last_cell(columns: int, number: int) -> str:
    """Where a row's last cell stands: "cel XFD2", or "rij 2 heeft 30.000 cellen"."""
    if columns <= _EXCEL_COLUMNS:
        return f"cel {get_column_letter(columns)}{number}"
    return f"rij {limits.number(number)} heeft {limits.number(columns)} cellen"


def _header_cells(cells: list[str]) -> list[str]:
    return _unique([c[: limits.CELL_CHARS] for c in cells])


def _fits(first: list[tuple[int, list[str]]], fit: HeaderFit) -> list[tuple[bool, int]]:
    return [fit(tuple(h for h in _header_cells(cells) if h)) for _, cells in first]


def _header_at(first: list[tuple[int, list[str]]], fits: list[tuple[bool, int]]) -> int | None:
    """Which of the `first` rows (within HEADER_ROWS) is the header: of those whose titles
    can be it (`fits`), the one that names the most known columns (ties: the first), but
    neither a row under a header nor a title word above one (`_ruled_out`). None when no
    row is the header."""
    window = [i for i, (number, _) in enumerate(first) if number <= HEADER_ROWS]
    can = [i for i in window if fits[i][0] and not _ruled_out(first, fits, i)]
    return max(can, key=lambda i: (fits[i][1], -i), default=None)


def _stand_in(first: list[tuple[int, list[str]]], fits: list[tuple[bool, int]]) -> int:
    """The row that stands in for the header when none is: the one that names the most
    known columns (ties: the first), so that a missing column is said of the header's
    titles rather than of a title above it."""
    window = [i for i, (number, _) in enumerate(first) if number <= HEADER_ROWS]
    rows = [i for i in window if not _title_word(first, fits, i)]
    return max(rows, key=lambda i: (fits[i][1], -i), default=0)


def _ruled_out(first: list[tuple[int, list[str]]], fits: list[tuple[bool, int]], at: int) -> bool:
    """Whether row `at` is no header although its titles could be one: it stands under a
    row of several cells naming as many known columns (a data row holding "Naam" under a
    header that lacks a required column; a title or a date row names none, however wide),
    or it is a title word above the header (`_title_word`)."""
    known = fits[at][1]
    under = any(_width(first[i][1]) > 1 and fits[i][1] >= known for i in range(at))
    return under or _title_word(first, fits, at)


def _title_word(first: list[tuple[int, list[str]]], fits: list[tuple[bool, int]], at: int) -> bool:
    """Whether row `at` is one cell above a wider row in the window naming as many known
    columns: a title that happens to be a column's name ("Organisatie") above the header,
    not the header of a list of one column."""
    if _width(first[at][1]) != 1:
        return False
    return any(
        number <= HEADER_ROWS and _width(cells) > 1 and fits[i][1] >= fits[at][1]
        for i, (number, cells) in enumerate(first[at + 1 :], start=at + 1)
    )


def _width(cells: list[str]) -> int:
    return sum(1 for c in cells if c)


def _above(first: list[tuple[int, list[str]]], index: int) -> tuple[str, ...]:
    """The note on the rows above the header, quoting what they hold ('' when nothing)."""
    if index == 0:
        return ()
    number = first[index][0]
    rows = "rij 1" if number == 2 else f"rij 1–{number - 1}"
    quoted = "; ".join(repr(_short(" ".join(c for c in cells if c))) for _, cells in first[:index])
    return (f"{rows} boven de kopregel niet gelezen: {quoted}",)


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _table(
    name: str,
    records: Iterator[tuple[int, list]],
    separator: str | None = None,
    fit: HeaderFit | None = None,
) -> Table:
    """The table of `records`; `separator` is a CSV's (None for a workbook). The header is
    the row among the first HEADER_ROWS that `fit` takes (`_header_at`), else the one that
    stands in (`_stand_in`, and `searched` says so)."""
    filled = _filled(name, records)
    first: list[tuple[int, list[str]]] = []
    for number, cells in filled:
        first.append((number, cells))
        if number >= HEADER_ROWS:
            break  # also the first row below them: when none above holds a value
    if not first:
        raise ValidationError(f"{name}: het bestand is leeg")
    fits = _fits(first, fit) if fit is not None else []
    at = _header_at(first, fits) if fit is not None else 0
    start = _stand_in(first, fits) if at is None else at
    headers = _header_cells(first[start][1])
    rows, refused, errors = [], {}, {}
    for number, cells in itertools.chain(first[start + 1 :], filled):
        if len(rows) == limits.ROWS:
            raise _too_many_rows(name, number)
        row = {h: c for h, c in zip(headers, cells, strict=False) if h}
        if len(cells) > len(headers):
            refused[number] = ("", _beyond_header(cells, headers, number, separator))
        elif not any(row.values()):
            continue  # its values, if any, stand in columns without a title
        for index, (header, value) in enumerate(zip(headers, cells, strict=False)):
            if header and value in EXCEL_ERRORS:
                where = f"{get_column_letter(index + 1)}{number}"
                errors.setdefault(number, []).append(
                    (header, f"cel {where} bevat de Excel-foutwaarde {value}")
                )
        for header, value in row.items():
            problem = limits.length_problem(value, limits.CELL_CHARS)
            if problem:
                refused.setdefault(number, (header, f"cel {problem}"))
                row[header] = value[:50] + "…"
        rows.append((number, row))
    return Table(
        headers=tuple(h for h in headers if h),
        rows=tuple(rows),
        refused=refused,
        errors=errors,
        notes=_above(first, start),
        searched=HEADER_ROWS if fit is not None and at is None else None,
    )


def _beyond_header(cells: list[str], headers: list[str], number: int, sep: str | None) -> str:
    """Why a row with a cell right of the header's last column is refused (not cut short)."""
    first = next(i for i in range(len(headers), len(cells)) if cells[i])
    message = (
        f"meer cellen dan de kopregel kolommen heeft ({len(headers)}): cel "
        f"{get_column_letter(first + 1)}{number} ({cells[first]!r}) staat onder geen kolomtitel"
    )
    if sep is not None and len(headers) == 1:
        shown = "tab" if sep == "\t" else repr(sep)
        message += (
            f"; het scheidingsteken is niet herkend (de kopregel heeft er geen, {shown} is "
            "aangenomen): zet een cel met dat teken tussen aanhalingstekens"
        )
    return message


def _unique(headers: list[str]) -> list[str]:
    """Header texts made unique ('E-mail', 'E-mail (2)'), so no column hides another."""
    seen: dict[str, int] = {}
    out = []
    for header in headers:
        if not header:
            out.append("")
            continue
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out
