"""A table cell's lines as one line, as the plan parser joins lines: a word cut where the
column ends is joined again, and in a column of names (partners, a lead) a line that opens
a name of its own stays apart from the one before ("OCMW Gent" / "Samana"). A table of
municipalities and their figures is kept as rows, for the zone's territory."""

from __future__ import annotations

import re

from graphmap.ingest.documents.headers import (
    _header_name,
    _is_field_header,
)
from graphmap.ingest.documents.text_tables import after_a_place, name_of_its_own
from graphmap.ingest.outline import (
    FIELDS,
    join_lines,
)
from graphmap.ingest.territory import is_places_header


def _names_column(header: str) -> bool:
    """Whether a table's header names a column of leads or partners ("Trekker", "Met wie?")."""
    label = _header_name(header).strip().rstrip(":?").strip()
    return bool(label) and any(
        name in ("lead", "partners")
        and (m := pattern.match(f"{label}:"))
        and not m["rest"].strip(" :")
        for name, pattern in FIELDS
    )


def _names_cell(text: str | None, between: str = "; ") -> str:
    """A cell of leads or partners as one line: a line that opens a name of its own after one
    that ends a name ("OCMW Leuven" / "CM Leuven") is another item, `between` them; a name
    broken over lines ("Huisartsenkring" / "Leuven", "Wit-Gele Kruis Vlaams-" / "Brabant")
    is one."""
    out = ""
    for line in (" ".join(line.split()) for line in (text or "").splitlines()):
        if not line:
            continue
        apart = (
            out
            and not line.startswith("(")
            and (name_of_its_own(out, line) or after_a_place(out, line))
        )
        out = f"{out}{between}{line}" if apart else _pdf_cell(f"{out}\n{line}" if out else line)
    return out


def _sheet_cell(cell: str) -> str:
    """A spreadsheet's cell as one line: a line break before a name of its own ("OCMW Gent"
    / "Samana", typed with Alt+Enter) stays a line break ("<br>", as in a Markdown table's
    cell: between items, a space in a title), one inside a name or a sentence is a space."""
    return _names_cell(cell, "<br>") if "\n" in cell else " ".join(cell.split())


def _names_fields(header: list[str]) -> bool:
    return sum(_is_field_header(h) for h in header) >= 2


def _figures_rows(rows: list[list[str]]) -> list[str] | None:
    """A table of municipalities and their figures ("Gemeente | Inwoners") as a line per row,
    its cells apart by bars, as the zone's territory is read from it; cell by cell, each
    name and number would be a line of its own."""
    if len(rows) < 2 or not is_places_header(" | ".join(rows[0])):
        return None
    return [" | ".join(cell for cell in row if cell) for row in rows] + [""]


# A line of a cell that is one word cut where the column ends ("Apothekersvereni" / "ging"):
# a long word without a space, then a lower-case start that is not a small word of its own.
_CUT_WORD = re.compile(r"^[^\W\d_]{8,}[a-zà-ÿ]$")

_SMALL_WORD = re.compile(
    r"^(?:en|of|de|het|een|van|voor|met|in|op|te|aan|bij|naar|om|tot|uit|per|die|dat|als|over|"
    r"door|rond|na|tussen|binnen|onder|zonder|elke|alle|wordt|worden|ook|nog|niet|zodat|zoals)\b"
)


def _pdf_cell(text: str | None) -> str:
    """A cell's text as one line: its lines joined as the plan parser joins lines; a word
    cut where the column ends goes on without a space. Only a word wider than its column is
    cut, so it fills the column: no line of the cell is longer ("toegankelijke" under
    "onthaalmedewerkers" is a whole word the cell wrapped before "communicatie")."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    widest = max((len(line) for line in lines), default=0)
    out, previous = "", ""
    for line in lines:
        cut = (
            _CUT_WORD.match(previous)
            and len(previous) >= widest
            and line[:1].islower()
            and not _SMALL_WORD.match(line)
        )
        out, previous = (out + line if cut else join_lines(out, line)), line
    return out
