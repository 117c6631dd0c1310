"""Text out of a plan document (.txt, .docx, .pdf), as a list of lines in reading order.

The plan parser works on lines only, so every format is flattened here into the shape the
text exports of real plans already have: one paragraph (or table cell paragraph) per line,
blank lines where the source has an empty paragraph. A .docx table whose header row holds
template field names (Timing / Wat / Met wie? …) lists one action per row; each row is
written out as an "Acties" block with the row's cells as labelled fields, which is the same
shape as a bulleted action list followed by its fields.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from graphmap import limits
from graphmap.errors import ValidationError

SUFFIXES = (".txt", ".docx", ".pdf")

# Header cells that mark a table as "one action per row".
_FIELD_HEADER = re.compile(
    r"^(timing|timing / wat|wat|wat \(smart\)|met wie|voor wie|trekker|wie|partners|"
    r"doelgroep(en)?|periode|planning|actie|acties|titel|omschrijving|indicatoren?)\s*[?:]?$",
    re.IGNORECASE,
)
_TITLE_HEADER = re.compile(r"^(actie|acties|titel)\s*[?:]?$", re.IGNORECASE)
_WHAT_HEADER = re.compile(r"^(wat|wat \(smart\)|omschrijving)\s*[?:]?$", re.IGNORECASE)
_ACTION_HEADING = re.compile(r"^actie(plan|fiche)?\s+\d", re.IGNORECASE)


def read_lines(path: Path | str) -> list[str]:
    """The document's text as lines; a ValidationError naming the file when there is none."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            f"{path.name}: unsupported file type {suffix or '(none)'!r}; "
            f"use one of {', '.join(SUFFIXES)}"
        )
    if not path.is_file():
        raise ValidationError(f"{path.name}: file not found")
    limits.check_file(path)
    reader = {".txt": _txt_lines, ".docx": _docx_lines, ".pdf": _pdf_lines}[suffix]
    lines = [_clean(line) for line in reader(path)]
    if not any(re.search(r"[^\W\d_]{2}", line) for line in lines):
        raise ValidationError(f"{path.name}: the document holds no readable text")
    return lines


def _clean(line: str) -> str:
    # Non-breaking and zero-width spaces and soft hyphens come with Word and PDF text.
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "")
    return limits.clean(line).rstrip()


def _txt_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    if not data.strip():
        raise ValidationError(f"{path.name}: the file is empty")
    text = _decode(data, path.name)
    if text.count("\x00") or _control_share(text) > 0.05:
        raise ValidationError(f"{path.name}: not a text file (binary content)")
    return text.splitlines()


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ():
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ValidationError(f"{name}: the text encoding cannot be recognised")
    return str(best)


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls / max(len(text), 1)


def _docx_lines(path: Path) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        # Paragraphs and tables interleave in the body; python-docx's .paragraphs and .tables
        # would lose that order, so walk the body's children.
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.extend(Paragraph(child, document).text.splitlines() or [""])
            elif tag == "tbl":
                lines.extend(_table_lines(Table(child, document)))
                lines.append("")
    except zipfile.BadZipFile:
        raise ValidationError(f"{path.name}: not a .docx document (not a zip package)") from None
    except Exception as error:  # lxml and python-docx raise their own types on broken parts
        raise ValidationError(
            f"{path.name}: not a readable .docx document ({type(error).__name__})"
        ) from None
    return lines


def _cells(row) -> list:
    """A row's cells, with a horizontally merged cell once (python-docx repeats it)."""
    unique, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _cell_lines(cell) -> list[str]:
    lines = []
    for paragraph in cell.paragraphs:
        lines.extend(paragraph.text.splitlines())
    for table in cell.tables:
        lines.extend(_table_lines(table))
    return lines


def _table_lines(table) -> list[str]:
    rows = [_cells(row) for row in table.rows]
    if not rows:
        return []
    header = [" ".join(c.text.split()) for c in rows[0]]
    if len(rows) > 1 and sum(bool(_FIELD_HEADER.match(h)) for h in header) >= 2:
        return _action_rows(header, rows[1:])
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines.extend(_cell_lines(cell))
    return lines


def _action_rows(header: list[str], rows: list[list]) -> list[str]:
    title_col = next((i for i, h in enumerate(header) if _TITLE_HEADER.match(h)), None)
    if title_col is None:
        title_col = next((i for i, h in enumerate(header) if _WHAT_HEADER.match(h)), 0)
    lines: list[str] = []
    for row in rows:
        texts = [" ".join(" ".join(_cell_lines(c)).split()) for c in row]
        if title_col >= len(texts) or not texts[title_col]:
            continue
        title = texts[title_col]
        lines.extend(["", title] if _ACTION_HEADING.match(title) else ["", "Acties", f"- {title}"])
        for i, (name, text) in enumerate(zip(header, texts, strict=False)):
            if i != title_col and text and name:
                lines.append(f"{name.rstrip(':?')}: {text}")
    return lines


def _pdf_lines(path: Path) -> list[str]:
    import pdfplumber

    # pdfminer logs every recoverable oddity of a PDF at WARNING; they are not the user's concern.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        lines: list[str] = []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                lines.extend((page.extract_text() or "").splitlines())
                lines.append("")
    except ValidationError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on a broken file
        raise ValidationError(f"{path.name}: not a readable PDF ({type(error).__name__})") from None
    if not any(line.strip() for line in lines):
        raise ValidationError(f"{path.name}: the PDF holds no text (a scan?)")
    return lines
