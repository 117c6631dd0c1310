"""Text out of a plan document (.txt, .md, .docx, .pdf, .csv, .xlsx), as a list of lines in
reading order.

The plan parser works on lines only, so every format is flattened here into the shape the
text exports of real plans already have: one paragraph (or table cell paragraph) per line,
blank lines where the source has an empty paragraph, a list item with its bullet and its
indentation (a Word list level becomes a deeper indent and another bullet, as Word's own
text export writes them: •, o, ▪).

In Word, a heading numbered by Word's list numbering gets its number ("Operationele
doelstelling: X" numbered 1.2 becomes "Operationele doelstelling 1.2: X"), never a bullet;
text inside content controls and tracked insertions is read, tracked deletions are not.

A table whose header row holds template field names (Timing / Wat / Met wie? …) lists one
action per row, in a .docx, a PDF (ruled tables, found by pdfplumber) and a text export
alike (cells separated by tabs); each row is written out as an "Acties" block with the
row's cells as labelled fields, which is the same shape as a bulleted action list followed
by its fields. A table of two columns with field names in the first ("Actie 1.1.1 | …",
"Trekker | …") is an action sheet: each row becomes "Label: value". A CSV or a workbook (a
plan kept in a spreadsheet; of a workbook, the sheet it opens on) is read as a text export
of one table; columns of goals ("Strategische
doelstelling", "OD") in a table of actions become goal headings before their actions.

Page furniture is removed: lines that repeat at the top or bottom of most pages of a PDF (or
of a text export, whose pages end at a form feed or else at their page number), and page
numbers there ("3", "- 3 -", "Pagina 3 van 12"), so that an action broken over two pages
reads on as one. The lines come as `Lines`, which keep each line's number in the document.

The package's modules, each using only those above it:

- `lines`: `Lines`, and a line's text cleaned of what Word and PDF put in it;
- `headers`: what a table's header cell or a number column says (a field, a title, a code),
  and an action sheet (a table of a field's label and its value per row);
- `furniture`: page furniture taken out (running headers and footers, page numbers);
- `text_tables`: tables in a text export (cells apart by tabs or spaces) → action blocks;
- `cells`: a table cell's lines as one line (names kept apart);
- `sheets`: a plan kept in a CSV or a workbook;
- `text`: a text export (.txt, .md);
- `word`: a .docx;
- `pdf`: a PDF (its text, its ruled and unruled tables, its columns);
- this module: `read_lines`, which picks the reader by the file's suffix.
"""

from __future__ import annotations

import re
from pathlib import Path

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import formats
from graphmap.ingest.documents.lines import (
    Lines,
    _clean,
    _HeadingLine,
    _LaidOut,
    _ParagraphStart,
    _Wrapped,
)
from graphmap.ingest.documents.pdf import _pdf_lines
from graphmap.ingest.documents.sheets import _csv_lines, _xlsx_lines
from graphmap.ingest.documents.text import _txt_lines
from graphmap.ingest.documents.word import _docx_lines

__all__ = ["SUFFIXES", "Lines", "read_lines"]

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".csv", ".xlsx")

# What to do with a file of a kind not read, by the program it comes from: each can save or
# export what graphmap reads.
_SAVE_AS = (
    (
        (".doc", ".odt", ".rtf", ".pages", ".wpd", ".wps"),
        "open het en bewaar het als .docx of .pdf",
    ),
    ((".ppt", ".pptx", ".odp", ".key"), "exporteer de presentatie als .pdf"),
    ((".xls", ".ods", ".numbers"), "bewaar het als .xlsx of .csv"),
    (
        (".html", ".htm", ".mht", ".mhtml"),
        "druk de pagina af als .pdf of bewaar haar tekst als .txt",
    ),
)


def read_lines(path: Path | str) -> Lines:
    """The document's text as lines; a ValidationError naming the file when there is none."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        advice = next((todo for kinds, todo in _SAVE_AS if suffix in kinds), None)
        raise ValidationError(
            f"{path.name}: bestandstype {suffix or '(geen)'!r} wordt niet gelezen; "
            f"{advice or 'bewaar het als .docx, .pdf of .txt'} "
            f"(gelezen worden {', '.join(SUFFIXES)})"
        )
    if not path.is_file():
        raise ValidationError(f"{path.name}: bestand niet gevonden")
    limits.check_file(path)
    # A PDF named .docx or .txt, a workbook named .pdf: said as what it is, with its name to
    # give it, before a reader takes it for a broken file of its own kind.
    formats.refuse_other(
        path.name,
        suffix,
        _start(path),
        {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"},
        "bewaar het als .docx, .pdf of .txt",
    )
    reader = {
        ".txt": _txt_lines,
        ".md": _txt_lines,
        ".docx": _docx_lines,
        ".pdf": _pdf_lines,
        ".csv": _csv_lines,
        ".xlsx": _xlsx_lines,
    }[suffix]
    raw = reader(path)
    lines = Lines([_clean(line) for line in raw], getattr(raw, "numbers", None))
    lines.notes = list(getattr(raw, "notes", []))
    lines.paragraphs = _numbered(raw, lines.numbers, _ParagraphStart)
    lines.headings = _numbered(raw, lines.numbers, _HeadingLine)
    lines.laid_out = _numbered(raw, lines.numbers, _LaidOut)
    lines.wrapped = _numbered(raw, lines.numbers, _Wrapped)
    if not any(re.search(r"[^\W\d_]{2}", line) for line in lines):
        raise ValidationError(f"{path.name}: het document bevat geen leesbare tekst")
    return lines


def _start(path: Path) -> bytes:
    """What `formats.kind` needs of a file: a zip package whole (its parts' names are at its
    end), of any other its first bytes."""
    with path.open("rb") as file:
        start = file.read(4096)
        return start + file.read() if start.startswith(formats.ZIP) else start


def _numbered(raw: list[str], numbers: list[int], kind: type) -> frozenset[int]:
    """The numbers of the lines a reader marked as of `kind` (a `str` subclass)."""
    return frozenset(n for line, n in zip(raw, numbers, strict=True) if isinstance(line, kind))
