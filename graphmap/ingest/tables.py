"""Read a staff spreadsheet (CSV in any common encoding and separator, or XLSX) into rows.

Rows keep the number the user sees in the spreadsheet program: the header is row 1, the
first data row is row 2. Every cell is a stripped string; empty cells are "".
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
import pandas as pd

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


def read_table(path: Path) -> Table:
    """The table in `path`; a ValidationError naming the file when it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            f"{path.name}: kan het bestand niet lezen ({error.strerror})"
        ) from None
    if path.suffix.lower() == ".xls":
        raise ValidationError(
            f"{path.name}: het oude Excel-formaat (.xls) wordt niet gelezen; "
            "bewaar het als .xlsx of .csv"
        )
    if data.startswith(_ZIP) or path.suffix.lower() in {".xlsx", ".xlsm"}:
        frame = _read_xlsx(path, data)
    else:
        frame = _read_csv(path.name, decode(path.name, data))
    return _table(path.name, frame)


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


def _read_csv(name: str, text: str) -> pd.DataFrame:
    if "\x00" in text:
        raise ValidationError(f"{name}: bevat NUL-tekens; dit is geen CSV-tekstbestand")
    if not text.strip():
        raise ValidationError(f"{name}: het bestand is leeg")
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=separator(text),
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="python",
            # A row longer than the header keeps the cells under a header; the rest has no
            # column to go to.
            on_bad_lines=lambda cells: cells[: _width(text)],
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as error:
        raise ValidationError(f"{name}: geen geldige CSV ({_first_line(error)})") from None


def _width(text: str) -> int:
    first = next(csv.reader(io.StringIO(text), delimiter=separator(text)), [])
    return max(len(first), 1)


def _read_xlsx(path: Path, data: bytes) -> pd.DataFrame:
    try:
        return pd.read_excel(
            io.BytesIO(data), header=None, dtype=str, keep_default_na=False, engine="openpyxl"
        )
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise ValidationError(
            f"{path.name}: geen leesbaar Excel-bestand (.xlsx): {_first_line(error)}"
        ) from None
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise ValidationError(
            f"{path.name}: geen leesbaar Excel-bestand (.xlsx): {type(error).__name__}"
        ) from None


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def _table(name: str, frame: pd.DataFrame) -> Table:
    if frame.empty:
        raise ValidationError(f"{name}: het bestand is leeg")
    records = [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    headers = _unique(records[0])
    if not any(headers):
        raise ValidationError(f"{name}: rij 1 moet de kolomtitels bevatten, maar is leeg")
    rows = []
    for index, cells in enumerate(records[1:], start=2):
        if any(cells):
            rows.append((index, {h: c for h, c in zip(headers, cells, strict=False) if h}))
    return Table(headers=tuple(h for h in headers if h), rows=tuple(rows))


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
