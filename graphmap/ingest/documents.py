"""Text out of a plan document (.txt, .docx, .pdf), as a list of lines in reading order.

The plan parser works on lines only, so every format is flattened here into the shape the
text exports of real plans already have: one paragraph (or table cell paragraph) per line,
blank lines where the source has an empty paragraph, a list item with its bullet and its
indentation (a Word list level becomes a deeper indent and another bullet, as Word's own
text export writes them: •, o, ▪).

A table whose header row holds template field names (Timing / Wat / Met wie? …) lists one
action per row, in a .docx and in a text export alike (cells separated by tabs); each row is
written out as an "Acties" block with the row's cells as labelled fields, which is the same
shape as a bulleted action list followed by its fields.

Page furniture is removed: lines that repeat at the top or bottom of most pages of a PDF (or
of a text export with form feeds), and page numbers there ("3", "- 3 -", "Pagina 3 van 12"),
so that an action broken over two pages reads on as one.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest.outline import ACTION_WORDS

SUFFIXES = (".txt", ".docx", ".pdf")


class SourceLine(str):
    """A line of the text with the number of the document's line it comes from (counted
    before page furniture was taken out), so that a warning can point at it."""

    number: int

    def __new__(cls, text: str, number: int) -> SourceLine:
        line = super().__new__(cls, text)
        line.number = number
        return line


def _numbered(lines: list[str], first: int = 1) -> list[SourceLine]:
    return [SourceLine(line, number) for number, line in enumerate(lines, first)]


def _number_of(line: str, default: int) -> int:
    return getattr(line, "number", default)


# Header cells that mark a table as "one action per row".
_FIELD_HEADER = re.compile(
    r"^(timing|timing / wat|wat|wat \(smart\)|met wie|voor wie|trekker(s|\(s\))?|wie|"
    r"partners?(\(s\))?|(betrokken |samenwerkings)partners|samen met|uitvoerders?|lead|"
    r"eigenaar|verantwoordelijke|doelgroep(en)?|periode|planning|wanneer|actie|acties|titel|"
    r"omschrijving|indicatoren?)\s*[?:]?$",
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
    lines = [
        SourceLine(_clean(line), _number_of(line, index))
        for index, line in enumerate(reader(path), 1)
    ]
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
    # A form feed is a page break in a text export of a PDF.
    pages, number = [], 1
    for page in text.split("\f"):
        lines, kept = page.splitlines(), page.splitlines(keepends=True)
        pages.append(_numbered(lines, number))
        # The next page starts on a line of its own, or on this page's last line when no
        # line break came before the form feed.
        number += len(kept) - (1 if kept and kept[-1] == lines[-1] else 0)
    lines = without_furniture(pages) if len(pages) > 1 else pages[0]
    return _text_tables(lines)


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


# -- page furniture ---------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?"
    r"(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_EDGE = 2  # lines at the top and at the bottom of a page where furniture sits


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def without_furniture(pages: list[list[str]]) -> list[str]:
    """The pages' lines in order, without running headers, footers and page numbers.

    A running header is a line at the top of most pages (at least two), a footer one at the
    bottom; page numbers differ per page, so digits do not count when comparing."""
    tops, bottoms = [], []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        tops.append(set(filled[:_EDGE]))
        bottoms.append(set(filled[-_EDGE:]))
    needed = max(2, (sum(1 for top in tops if top) + 1) // 2)
    repeated = set()
    for side in (tops, bottoms):
        counts: dict[str, int] = {}
        for page, edge in zip(pages, side, strict=True):
            for key in {_furniture_key(page[i]) for i in edge}:
                counts[key] = counts.get(key, 0) + 1
        repeated |= {(id(side), key) for key, count in counts.items() if count >= needed}
    lines: list[str] = []
    for page, top, bottom in zip(pages, tops, bottoms, strict=True):
        for i, line in enumerate(page):
            side = tops if i in top else bottoms if i in bottom else None
            if side is not None and (
                (id(side), _furniture_key(line)) in repeated or _PAGE_NUMBER.match(line.strip())
            ):
                continue
            lines.append(line)
    return lines


# -- tables in a text export --------------------------------------------------------------------
def _text_tables(lines: list[str]) -> list[str]:
    """Tab-separated action tables (Word's text export of a table) as "Acties" blocks."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = [" ".join(cell.split()) for cell in lines[i].split("\t")]
        if len(header) < 2 or sum(bool(_FIELD_HEADER.match(h)) for h in header) < 2:
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        numbers: list[int] = []
        i += 1
        while i < len(lines) and lines[i].strip():
            cells = [" ".join(cell.split()) for cell in lines[i].split("\t")]
            if len(cells) >= 2 or not rows:
                rows.append(cells)
                numbers.append(_number_of(lines[i], i + 1))
            else:
                # A cell wrapped onto a line of its own: most often the long "Wat" cell.
                column = _title_column(header)
                while len(rows[-1]) <= column:
                    rows[-1].append("")
                rows[-1][column] = f"{rows[-1][column]} {cells[0]}".strip()
            i += 1
        out.extend(_rows_as_actions(header, rows, numbers))
    return out


def _title_column(header: list[str]) -> int:
    column = next((i for i, h in enumerate(header) if _TITLE_HEADER.match(h)), None)
    if column is None:
        column = next((i for i, h in enumerate(header) if _WHAT_HEADER.match(h)), 0)
    return column


def _rows_as_actions(
    header: list[str], rows: list[list[str]], numbers: list[int] | None = None
) -> list[str]:
    """Each row as an action with labelled fields; `numbers` are the rows' lines in the
    document, which the lines written for a row keep."""
    title_col = _title_column(header)
    lines: list[str] = []
    number = 0
    for row, texts in enumerate(rows):
        if title_col >= len(texts) or not texts[title_col]:
            continue
        title = texts[title_col]
        heading = _ACTION_HEADING.match(title) or ACTION_WORDS.match(title)
        written = ["", title] if heading else ["", "Acties", f"- {title}"]
        for i, (name, text) in enumerate(zip(header, texts, strict=False)):
            if i != title_col and text and name:
                written.append(f"{name.rstrip(':?')}: {text}")
        if numbers is None:
            lines.extend(written)
        else:
            number = numbers[row]
            lines.extend(SourceLine(line, number) for line in written)
    lines.append("" if numbers is None else SourceLine("", number))
    return lines


# -- Word -----------------------------------------------------------------------------------------
_LIST_BULLETS = ("•", "o", "▪")  # Word's own bullets for list levels 1, 2, 3 in a text export


def _paragraph_lines(paragraph) -> list[str]:
    """A paragraph's lines; a list item with a bullet and an indent for its level."""
    lines = paragraph.text.splitlines() or [""]
    level = _list_level(paragraph)
    if level is None or not lines[0].strip():
        return lines
    return [f"{'    ' * level}{_LIST_BULLETS[min(level, 2)]}\t{lines[0]}", *lines[1:]]


def _list_level(paragraph) -> int | None:
    properties = paragraph._p.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is not None:
        level = numbering.ilvl
        return int(level.val) if level is not None else 0
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    match = re.match(r"^List (?:Bullet|Number|Paragraph)(?: (\d))?$", style)
    if match:
        return int(match.group(1) or 1) - 1
    return None


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
                lines.extend(_paragraph_lines(Paragraph(child, document)))
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
        lines.extend(_paragraph_lines(paragraph))
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
    title_col = _title_column(header)
    texts = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            parts = [" ".join(line.split()) for line in _cell_lines(cell)]
            # Paragraphs of a field cell are items ("partner A", "partner B"); of the title,
            # one text.
            cells.append((" " if i == title_col else "; ").join(p for p in parts if p))
        texts.append(cells)
    return _rows_as_actions(header, texts)


def _pdf_lines(path: Path) -> list[str]:
    import pdfplumber

    # pdfminer logs every recoverable oddity of a PDF at WARNING; they are not the user's concern.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pages: list[list[str]] = []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                pages.append((page.extract_text() or "").splitlines())
        lines = without_furniture(pages)
    except ValidationError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on a broken file
        raise ValidationError(f"{path.name}: not a readable PDF ({type(error).__name__})") from None
    if not any(line.strip() for line in lines):
        raise ValidationError(f"{path.name}: the PDF holds no text (a scan?)")
    return lines
