"""Tables and contact lists to files: CSV as Excel in Flanders opens it, XLSX, JSON, vCard.

Every text cell that a spreadsheet could take for a formula (=, +, -, @, tab, CR at its
start) is kept from being one. A CSV cell has no type, so there the text gets a leading
apostrophe (OWASP's advice on CSV injection). An XLSX cell has one: such a text is written
unchanged as a string cell (never a formula) with Excel's quote prefix, so that it stays
text when someone edits it. Control characters are left out: input is cleaned of them, but
older data may hold one, and XML (so XLSX) cannot carry them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import vobject
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from graphmap import limits
from graphmap.analysis.contacts import ContactList

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CONTACT_COLUMNS = {
    "name": "Naam",
    "organisation": "Organisatie",
    "function": "Functie",
    "email": "E-mail",
    "phone": "Telefoon",
    "role": "Rol",
    "cluster": "Cluster",
    "action": "Actie",
}
UNREACHABLE_COLUMNS = {"organisation": "Organisatie", "role": "Rol", "cluster": "Cluster"}
GAP_COLUMNS = {
    "zone_name": "Zone",
    "cluster_name": "Cluster",
    "kind": "Soort",
    "missing": "Wat ontbreekt",
    "status": "Status",
    "reason": "Waarom verwacht",
    "source": "Bron",
}

HISTORY_COLUMNS = {
    "on": "Datum",
    "zone_name": "Zone",
    "cluster_name": "Cluster",
    "organisation_name": "Organisatie",
    "from_label": "Van",
    "to_label": "Naar",
    "by": "Door",
    "note": "Notitie",
    "source": "Bron",
}
STEP_COLUMNS = {
    "due": "Tegen",
    "late": "Te laat",
    "zone_name": "Zone",
    "organisation_name": "Organisatie",
    "what": "Volgende stap",
    "owner": "Eigenaar",
    "on": "Contactmoment",
    "kind": "Soort",
    "person_name": "Contactpersoon",
    "note": "Notitie",
}


def safe(value) -> object:
    """A CSV cell: text that could start a formula behind an apostrophe."""
    if not isinstance(value, str):
        return value
    value = limits.clean(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _rows(records: Sequence[dict], columns: dict[str, str]) -> list[list]:
    return [[safe(record.get(key, "")) for key in columns] for record in records]


def _clean(value) -> object:
    return limits.clean(value) if isinstance(value, str) else value


def _append_text(sheet, row: int, values: list) -> None:
    """An XLSX row (the `row`th) whose text is as it is: a text that could start a formula
    is a string cell (openpyxl makes a formula of a value starting with '=') with the quote
    prefix. The row is given, not asked of the sheet: `max_row` reads every cell, which made
    an export of n rows cost n² (seconds for the 5,000 gaps of 60 zones)."""
    sheet.append(values)
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell = sheet.cell(row=row, column=column)
            cell.data_type = "s"
            cell.quotePrefix = True


def csv_bytes(records: Sequence[dict], columns: dict[str, str]) -> bytes:
    """UTF-8 with BOM and `;`: what Excel with Belgian regional settings opens correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns.values())
    writer.writerows(_rows(records, columns))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, tuple[Sequence[dict], dict[str, str]]]) -> bytes:
    """One sheet per entry: a bold, frozen header row and columns as wide as their text."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (records, columns) in sheets.items():
        sheet = workbook.create_sheet(title[:31])
        sheet.append(list(columns.values()))
        for row, record in enumerate(records, start=2):
            _append_text(sheet, row, [_clean(record.get(key, "")) for key in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns, start=1):
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def vcf_bytes(contacts: ContactList) -> bytes:
    cards = []
    for person in (
        {k: limits.clean(v) if isinstance(v, str) else v for k, v in p.items()}
        for p in contacts.people
    ):
        card = vobject.vCard()
        card.add("fn").value = person["name"]
        # The graph keeps a person's name whole, not its parts: "Dr. Jan Vermeulen" or
        # "Van den Broeck An" split at a space guesses wrong, so the whole name is the family
        # name (RFC 6350 allows it) and FN, which mail clients show, is the name as written.
        card.add("n").value = vobject.vcard.Name(family=person["name"])
        if person["email"]:
            card.add("email").value = person["email"]
            card.email.type_param = "WORK"
        if person["phone"]:
            card.add("tel").value = person["phone"]
            card.tel.type_param = "WORK"
        if person["organisation"]:
            card.add("org").value = [person["organisation"]]
        if person["function"]:
            card.add("title").value = person["function"]
        card.add("note").value = f"{contacts.title}: {person['role']}"
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")


def contacts_bytes(contacts: ContactList, fmt: str) -> bytes:
    if fmt == "csv":
        return csv_bytes(contacts.people, CONTACT_COLUMNS)
    if fmt == "xlsx":
        return xlsx_bytes(
            {
                "Contacten": (contacts.people, CONTACT_COLUMNS),
                "Zonder contactpersoon": (contacts.unreachable, UNREACHABLE_COLUMNS),
            }
        )
    if fmt == "vcf":
        return vcf_bytes(contacts)
    if fmt == "json":
        return json.dumps(
            {
                "title": contacts.title,
                "people": contacts.people,
                "unreachable": contacts.unreachable,
            },
            ensure_ascii=False,
            indent=2,
        ).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
