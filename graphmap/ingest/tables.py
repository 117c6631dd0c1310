"""Read a staff spreadsheet (CSV in any common encoding and separator, or XLSX) into rows.

Rows keep the number the user sees in the spreadsheet program: the header is row 1, the
first data row is row 2. Every cell is a stripped string; empty cells are "".
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser

from graphmap import limits
from graphmap.errors import ValidationError

SEPARATORS = (";", ",", "\t")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (spreadsheet row number, header -> cell)
    # Rows refused while reading (a cell over the length limit): row number -> (column, why).
    # They are still in `rows`, with the long cell cut, so that each is reported by number.
    refused: dict[int, tuple[str, str]] = field(default_factory=dict)


def read_table(path: Path) -> Table:
    """The table in `path`; a ValidationError naming the file when it cannot be read.

    Every limit in `graphmap.limits` is checked before the work it guards: the file's size
    before it is read, a workbook's unpacked size and declared dimensions before its cells,
    each row and cell as it streams in. A refused file stops the reading at once.
    """
    path = Path(path)
    limits.check_file(path)
    if path.suffix.lower() == ".xls":
        raise ValidationError(
            f"{path.name}: het oude Excel-formaat (.xls) wordt niet gelezen; "
            "bewaar het als .xlsx of .csv"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            f"{path.name}: kan het bestand niet lezen ({error.strerror})"
        ) from None
    if data.startswith(_ZIP) or path.suffix.lower() in {".xlsx", ".xlsm"}:
        records = _read_xlsx(path)
    else:
        records = _read_csv(path.name, decode(path.name, data))
    return _table(path.name, records)


def decode(name: str, data: bytes) -> str:
    """The text of a CSV file: byte-order mark first, then strict UTF-8, then a guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without a byte-order mark shows as NUL bytes between ASCII letters.
    if data[1::2].count(0) > len(data) // 4:
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ValidationError(
            f"{name}: geen leesbare tekst (geen CSV in een gekende tekenset, en geen .xlsx)"
        )
    return str(best)


def separator(text: str) -> str:
    """The separator of the header line: Excel writes ';' in Belgian locales, ',' elsewhere."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv(name: str, text: str) -> Iterator[tuple[int, list]]:
    if "\x00" in text:
        raise ValidationError(f"{name}: bevat NUL-tekens; dit is geen CSV-tekstbestand")
    if not text.strip():
        raise ValidationError(f"{name}: het bestand is leeg")
    # The csv module refuses a field over its limit by stopping the file; a long cell is
    # refused here instead, on its own row (the file is already within FILE_BYTES).
    csv.field_size_limit(max(csv.field_size_limit(), limits.FILE_BYTES))
    reader = csv.reader(io.StringIO(text), delimiter=separator(text))
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise ValidationError(
            f"{name}: geen geldige CSV (rij {reader.line_num}: {_first_line(error)})"
        ) from None


def _read_xlsx(path: Path) -> Iterator[tuple[int, list]]:
    """The first sheet's rows, streamed, after checking what the workbook says of itself."""
    name = path.name
    try:
        # read_table checked the unpacked size the zip declares (limits.check_file): that
        # bounds what reading the workbook can take.
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise _unreadable(name, error) from None
    try:
        sheet = book.worksheets[0]
        if (sheet.max_row or 0) > limits.ROWS + 1 or (sheet.max_column or 0) > limits.COLUMNS:
            raise _too_large(
                name, sheet.max_row or 0, sheet.max_column or 0, "volgens het werkboek"
            )
        yield from _sheet_rows(name, book, sheet)
    except ValidationError:
        raise
    except Exception as error:
        raise _unreadable(name, error) from None
    finally:
        book.close()


def _sheet_rows(name: str, book, sheet) -> Iterator[tuple[int, list]]:
    """Rows as the cells the sheet holds, refusing a cell beyond the limits as it comes.

    openpyxl's own row iterator pads every row up to the sheet's last column before one
    can look at it (a sparse sheet with a cell in column XFD makes rows of 16,384 cells):
    its parser is used directly, the way its read-only worksheet does.
    """
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            if not cells:
                continue
            last = max(cell["column"] for cell in cells)
            if number > limits.ROWS + 1 or last > limits.COLUMNS:
                raise _too_large(name, number, last, f"cel {get_column_letter(last)}{number}")
            row = [None] * last
            for cell in cells:
                row[cell["column"] - 1] = cell["value"]
            yield number, row


def _too_large(name: str, rows: int, columns: int, where: str) -> ValidationError:
    what = (
        f"meer dan {limits.number(limits.ROWS)} rijen"
        if rows > limits.ROWS + 1
        else f"meer dan {limits.COLUMNS} kolommen"
    )
    return ValidationError(f"{name}: {what} ({where}); splits het bestand of verwijder lege cellen")


def _unreadable(name: str, error: Exception) -> ValidationError:
    if isinstance(
        error, zipfile.BadZipFile | KeyError | ValueError | TypeError | OSError | EOFError
    ):
        return ValidationError(f"{name}: geen leesbaar Excel-bestand (.xlsx): {_first_line(error)}")
    return ValidationError(f"{name}: geen leesbaar Excel-bestand (.xlsx): {type(error).__name__}")


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel keeps every number as a float: 3630.0 is postcode 3630
    return " ".join(limits.clean(str(value)).split())


def _table(name: str, records: Iterator[tuple[int, list]]) -> Table:
    headers: list[str] | None = None
    rows, refused = [], {}
    for number, values in records:
        if headers is None:
            if len(values) > limits.COLUMNS:
                raise _too_large(name, 1, len(values), "rij 1")
            headers = _unique([_cell(v)[: limits.CELL_CHARS] for v in values])
            if not any(headers):
                raise ValidationError(f"{name}: rij 1 moet de kolomtitels bevatten, maar is leeg")
            continue
        if number > limits.ROWS + 1:
            raise _too_large(name, number, 0, f"rij {limits.number(number)}")
        # A row longer than the header keeps the cells under a header; the rest has no
        # column to go to.
        cells = {h: _cell(v) for h, v in zip(headers, values, strict=False) if h}
        if not any(cells.values()):
            continue
        for header, value in cells.items():
            problem = limits.length_problem(value, limits.CELL_CHARS)
            if problem:
                refused.setdefault(number, (header, f"cel {problem}"))
                cells[header] = value[:50] + "…"
        rows.append((number, cells))
    if headers is None:
        raise ValidationError(f"{name}: het bestand is leeg")
    return Table(headers=tuple(h for h in headers if h), rows=tuple(rows), refused=refused)


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
