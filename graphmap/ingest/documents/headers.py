"""What a table's cells say of the table: a header cell that names a field of an action
("Met wie?", "Trekker (wie?)"), a column of titles, of the actions' numbers or of the goals
they serve, an action's code ("1.1.1", "A1.1.1", "SD1-OD1-A2"); and an action sheet, a table
of two columns with a field's label and its value per row, written out as "Label: value"."""

from __future__ import annotations

import re

from graphmap.ingest.outline import (
    ACTION_WORDS,
    FIELDS,
    path_code,
)

# Header cells that mark a table as "one action per row".
_FIELD_HEADER = re.compile(
    r"^(timing|timing / wat|wat|wat \(smart\)|met wie|voor wie|trekker(s|\(s\))?|wie|"
    r"partners?(\(s\))?|(betrokken |samenwerkings)partners|samen met|uitvoerders?|lead|"
    r"eigenaar|verantwoordelijke|doelgroep(en)?|periode|planning|wanneer|actie|acties|titel|"
    r"omschrijving|indicator(?:en|\(en\))?)\s*[?:]?$",
    re.IGNORECASE,
)

_HEADER_FIELDS = frozenset(
    {"lead", "coordinator", "partners", "timing", "indicators", "targets", "what"}
)


# What a header cell says of itself in brackets: "Actie (wat?)", "Met wie (partners)".
_HEADER_NOTE = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _header_name(cell: str) -> str:
    """A header cell less a note in brackets after a header's name ("Timing (wanneer?)")."""
    name = _HEADER_NOTE.sub("", cell)
    if name != cell and name and _is_field_header(name):
        return name
    return cell


def _is_field_header(cell: str) -> bool:
    """A table's header cell that names a field: one of the headers above, or a label of the
    parser's own ("Verantwoordelijke organisatie", "Deadline") without its colon; a note in
    brackets after it ("Met wie (partners)") is no part of it."""
    name = _HEADER_NOTE.sub("", cell)
    if name and name != cell and _is_field_header(name):
        return True
    if _FIELD_HEADER.match(cell):
        return True
    label = cell.strip().rstrip(":?").strip()
    if not label or len(label) > 40:
        return False
    for name, pattern in FIELDS:
        match = pattern.match(f"{label}:")
        if match and name in _HEADER_FIELDS and not match["rest"].strip(" :"):
            return True
    return False


def _is_other_header(cell: str) -> bool:
    """A header cell of a column the parser reads as no field of an action ("Budget",
    "Status", "Prioriteit", "Opmerkingen"), in a table that names an action's fields."""
    label = cell.strip().rstrip(":?").strip()
    if not label or len(label) > 40:
        return False
    return any(
        (match := pattern.match(f"{label}:")) and not match["rest"].strip(" :")
        for pattern in _OTHER_FIELDS
    )


_OTHER_FIELDS = tuple(pattern for name, pattern in FIELDS if name == "other")


_TITLE_HEADER = re.compile(
    r"^(?:acties?|titel|actiepunt(?:en)?|acties?\s+(?:19|20)\d\d|actietitel|activiteit(?:en)?|"
    r"projecte?n?|initiatie(?:f|ven)|(?:naam|titel)\s+(?:van\s+de\s+)?actie)\s*[?:]?$",
    re.IGNORECASE,
)

_WHAT_HEADER = re.compile(r"^(wat|wat \(smart\)|omschrijving)\s*[?:]?$", re.IGNORECASE)

# "Actie 1.2", "Actie B.1", "Actie II.1": an action by its number, its goal's letter or its
# goal's Roman numeral (as the plan reader reads them all).
_ACTION_HEADING = re.compile(
    r"^actie(plan|fiche)?\s+(?:\d|(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)\.\d)", re.IGNORECASE
)

_ACTION_NUMBER = re.compile(r"^(?:\d{1,2}|[A-H])(?:\.\d{1,2}){2}\.?\s+\S")  # "A.1.2" too

# A column of the actions' numbers ("Nr.", "Code"), and such a number ("1.2.3").
_NUMBER_HEADER = re.compile(r"^(?:nr\.?|nummer|n°|no\.?|code|#|id)$", re.IGNORECASE)

_CODE = re.compile(r"^(?:\d{1,2}|[A-H])(?:\.\d{1,2}){2}\.?$")

# "1.a Title", "1.2 Title" in a table's title cell: an action of goal 1 ("Actie 1.a").
_ACTION_OF_A_GOAL = re.compile(r"^\d{1,2}\.(?:\d{1,2}|[a-h])\.?\s+(?=[A-ZÀ-Ý'‘“(])")

_THROUGH_NUMBER = re.compile(r"^\s*\d{1,3}\.?\s*$")

# An action's code alone, with two or three parts ("1.a", "1.2", "Actie 1.1.1"), no title.
_CODE_ALONE = re.compile(r"^(?:actie\s*)?(?P<code>\d{1,2}(?:\.(?:\d{1,2}|[a-h])){1,2})\.?$", re.I)

# A column that names the multi-year plan's goal each action of a year plan contributes to.
_CONTRIBUTION_HEADER = re.compile(
    r"^(?:bijdrage\s+(?:aan|tot)|draagt\s+bij\s+(?:aan|tot)|"
    r"(?:link|koppeling)\s+met(?:\s+het)?\s+meerjarenplan)\W*$",
    re.I,
)


def _code_of(cell: str) -> str:
    """The action's number a column of numbers holds: "1.1.1", also written "A1.1.1", "A
    1.1.1", "Actie 1.1.1", "AP 1.1.1" (actiepunt), "WP 1.1.1" (werkpunt), "Project 1.1.1",
    "Initiatief 1.1.1" (as its heading may be written) or by its path, "SD1-OD1-A2" (1.1.2);
    "" for anything else."""
    text = re.sub(
        r"^(?:actie(?:punt)?|werkpunt|project|initiatief|act\.|AP|WP|A)\s?(?=\d)",
        "",
        path_code(cell.strip()),
        flags=re.I,
    )
    return text if _CODE.match(text) else ""


# -- an action sheet: a table of two columns, a field's label and its value per row ----------
def _sheet_label(text: str) -> bool:
    text = text.strip().rstrip(":?").strip()
    if not text or len(text) > 40:
        return False
    if _is_field_header(text) or _ACTION_HEADING.match(text) or ACTION_WORDS.match(text):
        return True
    return any(pattern.match(f"{text}:") for _, pattern in FIELDS)


def _is_sheet(rows: list[list]) -> bool:
    if len(rows) < 2 or any(len(row) != 2 for row in rows):
        return False
    return sum(1 for label, _ in rows if _sheet_label(label)) >= 2


def _sheet_lines(rows: list[tuple[str, str]]) -> list[str]:
    """Each (label, value) row as "Label: value"; the action's row as its heading ("Actie
    1.1.2 Title"), with a blank line after it so that the next field does not run on in
    the title."""
    lines: list[str] = [""]
    for label, value in rows:
        label = label.strip().rstrip(":").strip()
        if _ACTION_HEADING.match(f"{label} 1") or ACTION_WORDS.match(f"{label} 1.1"):
            # "Actie | 1.1.2 Title": the number is the value's; "Actie 1.1.2 | Title".
            numbered = value[:1].isdigit() and not label[-1:].isdigit()
            lines.extend([f"{label}{' ' if numbered else ': '}{value}".strip(), ""])
        else:
            lines.append(f"{label}: {value}")
    return lines
