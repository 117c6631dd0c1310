"""What a file is by its first bytes, said in Dutch: a file whose name promises one kind and
whose contents are another (a PDF named .xlsx, a workbook named .pdf, a photo named .csv) is
refused with what it is, not with the error its reader would raise on it (a parser's English,
or "tekstbestand" for a PDF whose bytes happen to decode)."""

from __future__ import annotations

import io
import zipfile

from graphmap.errors import ValidationError

# (kind, what it is in words); the kinds of a zip package are told apart by their parts.
_NAMES = {
    "pdf": "een PDF-bestand",
    "xlsx": "een Excel-werkboek (.xlsx)",
    "docx": "een Word-document (.docx)",
    "pptx": "een PowerPoint-presentatie",
    "opendocument": "een OpenDocument-bestand (LibreOffice)",
    "zip": "een zip-bestand",
    "office": "een oud Office-bestand (.doc of .xls) of een beveiligd werkboek",
    "image": "een afbeelding",
    "rtf": "een RTF-document",
    "html": "een webpagina (HTML)",
}
_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"{\\rtf", "rtf"),
)
ZIP = b"PK\x03\x04"
# What each suffix promises (text: none of the kinds above).
_PROMISED = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}
_TEXT = "text"


def kind(data: bytes) -> str | None:
    """The kind of file `data` begins like (a key of `_NAMES`), or None (text, or unknown)."""
    for signature, found in _SIGNATURES:
        if data.startswith(signature):
            return found
    if data.startswith(ZIP):
        return _package(data)
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _package(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return "zip"  # a damaged one: its reader says so
    for prefix, found in (("xl/", "xlsx"), ("word/", "docx"), ("ppt/", "pptx")):
        if any(n.startswith(prefix) for n in names):
            return found
    return "opendocument" if "mimetype" in names else "zip"


def name_of(found: str) -> str:
    return _NAMES[found]


def refuse_other(name: str, suffix: str, data: bytes, read: dict[str, str], save: str) -> None:
    """Refuse a file whose contents are of another kind than its suffix promises, saying
    what it is and what to do: give it the right name when it is a kind this importer reads
    (`read`: kind → its suffix), else `save` (how to save it as one that is)."""
    promised = _PROMISED.get(suffix.lower(), _TEXT)
    found = kind(data)
    if found is None or (found == promised and found in read):
        return  # text, or what its name says and this importer reads
    if found == "zip" and promised in read:
        return  # a damaged package, which its reader names
    if found == promised:  # a PDF named .pdf, given as a list
        raise ValidationError(f"{name}: {name_of(found)}. Dat leest graphmap hier niet: {save}")
    todo = (
        f"geef het de naam {read[found]}" if found in read else f"dat leest graphmap niet; {save}"
    )
    raise ValidationError(f"{name}: geen {_promised(suffix)} maar {name_of(found)}: {todo}")


_PROMISES = {"pdf": "PDF", "docx": "Word-document", "xlsx": "Excel-werkboek"}


def _promised(suffix: str) -> str:
    """What a file of this suffix should be, in words."""
    promised = _PROMISED.get(suffix.lower(), _TEXT)
    return _PROMISES.get(promised, f"tekstbestand ({suffix or 'zonder extensie'})")
