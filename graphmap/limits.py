"""What input may be: every size limit, in one place, and the characters text may hold.

Files (uploads and CLI imports) are checked before they are read; every text field has a
maximum length, the same in the register's forms, the spreadsheet importer, the plan
importer and the seed files; control characters are removed from text as it comes in (they
mean nothing in a name and break XML, so an XLSX export).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from graphmap.errors import ValidationError

# -- files -----------------------------------------------------------------------------------
# A partner list, contact list or plan, uploaded or imported on the command line: 20 MB, or
# GRAPHMAP_MAX_UPLOAD_MB (read when graphmap starts).
FILE_MB_DEFAULT = 20


def _file_bytes(environ=None) -> int:
    value = (os.environ if environ is None else environ).get("GRAPHMAP_MAX_UPLOAD_MB")
    try:
        megabytes = float(value) if value else FILE_MB_DEFAULT
    except ValueError:
        raise ValidationError(f"GRAPHMAP_MAX_UPLOAD_MB={value!r}: verwacht een aantal MB") from None
    if megabytes <= 0:
        raise ValidationError(f"GRAPHMAP_MAX_UPLOAD_MB={value!r}: verwacht meer dan 0")
    return int(megabytes * 1024 * 1024)


try:
    FILE_BYTES = _file_bytes()
    _SETTING_ERROR: ValidationError | None = None
except ValidationError as error:
    # Importing this module must not fail (every command imports it, `--help` too): the
    # command line says it in one line before any command runs (`check_settings`).
    FILE_BYTES, _SETTING_ERROR = FILE_MB_DEFAULT * 1024 * 1024, error


def check_settings() -> None:
    """Refuse a GRAPHMAP_MAX_UPLOAD_MB that is no number of MB above 0."""
    if _SETTING_ERROR is not None:
        raise _SETTING_ERROR


XLSX_UNPACKED_BYTES = 50 * 1024 * 1024  # all parts of an XLSX or DOCX, as its zip declares
ROWS = 20_000  # data rows of a spreadsheet
COLUMNS = 100
CELL_CHARS = 2_000  # any cell, whatever its column means
PLAN_CELL_CHARS = 100_000  # a cell of a plan kept as CSV (a description may run long)
# A dcc.Upload arrives as a base64 data URL in one request: 4/3 of the file and a header.
UPLOAD_REQUEST_BYTES = FILE_BYTES * 4 // 3 + 64 * 1024

# -- fields ----------------------------------------------------------------------------------
NAME = 200  # organisations, persons, categories, zones, municipalities
TITLE = 500  # goals and actions
TEXT = 2_000  # reasons, roles, notes, partner descriptions
EMAIL = 254  # RFC 5321
PHONE = 40
WEBSITE = 500
CODE = 40  # KBO numbers, postcodes, action codes, statuses as typed
PARAMETER_CHARS = 100_000  # any single text handed to a query (a net behind the fields')
# One query's parameters: ArcadeDB refuses a Bolt message over 16 MB and then leaves the
# client waiting for ever. Long lists of rows go in parts (`Transaction.run_rows`).
MESSAGE_BYTES = 12 * 1024 * 1024

# The maximum length of each field by its name (as the forms and importers call them).
FIELDS = {
    "name": NAME,
    "organisation": NAME,
    "contact": NAME,
    "first_name": NAME,
    "last_name": NAME,
    "category": NAME,
    "municipality": NAME,
    "cluster": NAME,
    "function": NAME,
    "title": TITLE,
    "email": EMAIL,
    "phone": PHONE,
    "mobile": PHONE,
    "website": WEBSITE,
    "kbo": CODE,
    "postcode": CODE,
    "status": CODE,
}

# C0 and C1 control characters and DEL; tab, line feed and carriage return are whitespace.
# Control characters, and the bidirectional embeddings, overrides and isolates: a name with a
# right-to-left override reads reversed on every page and in every export (a spoofed name).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text without control characters (a BEL in a name, a NUL from a damaged file) or
    bidirectional overrides."""
    return _CONTROL.sub("", text)


def length_problem(value: str, limit: int) -> str | None:
    """A Dutch message when `value` is longer than `limit` characters, else None."""
    if len(value) <= limit:
        return None
    return f"te lang: {number(len(value))} tekens, hoogstens {number(limit)}"


def check_length(value: str, limit: int, what: str) -> str:
    problem = length_problem(value, limit)
    if problem:
        raise ValidationError(f"{what}: {problem}")
    return value


def check_file(path) -> None:
    """Refuse a file over FILE_BYTES, and a zip (XLSX, DOCX) that unpacks to more than
    XLSX_UNPACKED_BYTES as it declares (Python's zipfile never unpacks more than declared)."""

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(
            f"{path.name}: kan het bestand niet lezen ({error.strerror})"
        ) from None
    if size > FILE_BYTES:
        raise too_big(path.name, size)
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            return  # the reader says what is wrong with it
        if unpacked > XLSX_UNPACKED_BYTES:
            raise ValidationError(
                f"{path.name}: het bestand is uitgepakt te groot "
                f"({_over(unpacked, XLSX_UNPACKED_BYTES)})"
            )


def too_big(name: str, size: int, limit: int = FILE_BYTES) -> ValidationError:
    return ValidationError(f"{name}: het bestand is te groot ({_over(size, limit)})")


def _over(size: int, limit: int) -> str:
    """'25,3 MB; hoogstens 20,0 MB', or 'meer dan 20,0 MB' when the two would read alike."""
    if megabytes(size) == megabytes(limit):
        return f"meer dan {megabytes(limit)}"
    return f"{megabytes(size)}; hoogstens {megabytes(limit)}"


def message_bytes(value) -> int:
    """About the bytes `value` takes in a Bolt message, never fewer (a character of text
    beyond ASCII counted as four)."""
    if isinstance(value, str):
        return len(value) + 5 if value.isascii() else 4 * len(value) + 5
    if isinstance(value, dict):
        return _pairs_bytes(value) + 5
    if isinstance(value, list | tuple):
        # Rows to write are flat records: their fields are summed here, not one call each
        # (an import of 5,000 rows is sized twice over 75,000 fields).
        total = 5
        for item in value:
            total += _pairs_bytes(item) + 5 if type(item) is dict else message_bytes(item)
        return total
    return 9


def _pairs_bytes(record: dict) -> int:
    total = 0
    for key, item in record.items():
        kind = type(item)
        if kind is str:
            total += len(key) + 10 + (len(item) if item.isascii() else 4 * len(item))
        elif item is None or kind is int or kind is float or kind is bool:
            total += len(key) + 14
        else:
            total += len(key) + 5 + message_bytes(item)
    return total


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")
