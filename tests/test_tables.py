"""Reading spreadsheets as staff make them: real CSV files in the encodings Excel writes and
real XLSX workbooks (openpyxl, or written part by part), read with `read_table`."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Border, Font, Side
from test_import_spreadsheet import write_csv, write_xlsx
from test_limits import _workbook

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import columns
from graphmap.ingest.tables import read_table

ACCENTS = ["Crèche Naïeve Façade", "Café Noël", "Liège", "Één € per dag"]


def names(table, column="Naam"):
    return [cells[column] for _, cells in table.rows]


# -- encodings ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ACCENTS)
def test_a_short_windows_1252_list_keeps_its_accents(tmp_path, name):
    # What Belgian Excel writes as "CSV (puntkomma gescheiden)": one short line says little
    # of its encoding, and a guess took è for č (Central European).
    path = write_csv(tmp_path / "kort.csv", [["Naam", "Gemeente"], [name, "Genk"]], "cp1252", ";")
    assert names(read_table(path)) == [name]


def test_a_long_windows_1252_list_keeps_its_accents(tmp_path):
    rows = [["Naam", "Gemeente"], *([name, "Maaseik"] for name in ACCENTS * 50)]
    table = read_table(write_csv(tmp_path / "lang.csv", rows, "cp1252", ";"))
    assert names(table) == ACCENTS * 50


def test_a_utf_8_list_with_one_row_pasted_in_windows_1252_reads_each_row(tmp_path):
    path = tmp_path / "gemengd.csv"
    path.write_bytes(
        "Naam;Gemeente\r\nPatiëntenraad Één;Maaseik\r\n".encode()
        + "Crèche Zon;Genk\r\n".encode("cp1252")
        + "Naïeve Kunst;As\r\n".encode()
    )
    assert names(read_table(path)) == ["Patiëntenraad Één", "Crèche Zon", "Naïeve Kunst"]


def test_a_byte_that_windows_1252_does_not_know_refuses_the_file_naming_its_line(tmp_path):
    path = tmp_path / "vreemd.csv"
    path.write_bytes("Naam;Gemeente\r\nCafé;Genk\r\n".encode("cp1252") + b"Cr\x81che;As\r\n")
    with pytest.raises(ValidationError, match=r"vreemd.csv: regel 3 .*\(byte 0x81\)"):
        read_table(path)


def test_utf_16_without_a_byte_order_mark_and_without_accents(tmp_path):
    path = write_csv(tmp_path / "u16.csv", [["Naam", "Gemeente"], ["Pallion", "Genk"]], "utf-16-le")
    assert names(read_table(path)) == ["Pallion"]


# -- what lies beyond the data --------------------------------------------------------------
def test_formatting_beyond_the_data_makes_no_rows_nor_columns(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROWS", 5)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Naam", "Gemeente"])
    sheet.append(["Opgemaakte Partner", "Maaseik"])
    sheet["DP2"].font = Font(bold=True)  # one bold empty cell in column 120
    sheet["XFD40"].font = Font(bold=True)
    for row in range(3, 60):  # borders far below the last row
        sheet.cell(row, 1).border = Border(bottom=Side(style="thin"))
    path = tmp_path / "opgemaakt.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.headers == ("Naam", "Gemeente")
    assert names(table) == ["Opgemaakte Partner"]


def test_a_value_beyond_the_limits_is_still_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROWS", 5)
    rows = [["Naam"], *([f"Partner {n}"] for n in range(6))]
    with pytest.raises(ValidationError, match="meer dan 5 rijen"):
        read_table(write_xlsx(tmp_path / "lang.xlsx", rows))
    book = openpyxl.Workbook()
    book.active.append(["Naam"])
    book.active["DP2"] = "x"
    book.save(tmp_path / "breed.xlsx")
    with pytest.raises(ValidationError, match=r"meer dan 100 kolommen \(cel DP2\)"):
        read_table(tmp_path / "breed.xlsx")


def test_a_csv_row_wider_than_excel_is_refused_by_its_row(tmp_path):
    """Beyond Excel's last column (XFD) openpyxl names no column: a ValueError came out of
    the importer instead of the message."""
    path = tmp_path / "breed.csv"
    path.write_text("Naam;Gemeente\n" + ";".join(["Partner"] * 30_000) + "\n")
    with pytest.raises(
        ValidationError, match=r"meer dan 100 kolommen \(rij 2 heeft 30\.000 cellen\)"
    ):
        read_table(path)


def test_a_csv_header_ending_in_empty_separators_is_as_wide_as_its_titles(tmp_path):
    path = tmp_path / "puntkomma.csv"
    path.write_text("Naam;Gemeente" + ";" * 300 + "\r\nPartner;Maaseik" + ";" * 300 + "\r\n")
    table = read_table(path)
    assert table.headers == ("Naam", "Gemeente")
    assert table.rows == ((2, {"Naam": "Partner", "Gemeente": "Maaseik"}),)


# -- nothing lost while reading -------------------------------------------------------------
def test_a_cell_right_of_the_header_refuses_its_row_instead_of_being_dropped(tmp_path):
    rows = [["Naam", "Gemeente"], ["Partner", "Genk"], ["Andere", "As", "vergeten"]]
    table = read_table(write_csv(tmp_path / "breder.csv", rows, sep=";"))
    assert 2 not in table.refused
    column, why = table.refused[3]
    assert column == "" and "meer cellen dan de kopregel kolommen heeft (2)" in why
    assert "cel C3 ('vergeten')" in why and "scheidingsteken" not in why


def test_an_unclosed_quote_refuses_the_file_naming_the_row_where_it_opens(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('Naam;Gemeente\r\n"Org met quote;Maaseik\r\nVolgende;Genk\r\nDerde;As\r\n')
    with pytest.raises(ValidationError, match=r'quote.csv: rij 2: een aanhalingsteken \("\)'):
        read_table(path)
    path.write_text('Naam;Gemeente\r\nEerste;Genk\r\n"Laatste;As')  # on the last line
    with pytest.raises(ValidationError, match="rij 3: een aanhalingsteken"):
        read_table(path)


def test_quoted_cells_over_several_lines_are_read(tmp_path):
    rows = [["Naam", "Adres"], ['Het "Huis"', "Straat 1;\n3600 Genk"], ["Laatste", 'a\n"b";c']]
    table = read_table(write_csv(tmp_path / "adres.csv", rows, sep=";"))
    assert names(table) == ['Het "Huis"', "Laatste"]
    assert names(table, "Adres") == ["Straat 1; 3600 Genk", 'a "b";c']


def test_excel_error_values_are_refused_in_the_columns_the_import_reads(tmp_path):
    rows = [
        ["Naam", "Gemeente", "Controle"],
        ["#N/A", "Maaseik", ""],
        ["Goede Partner", "#REF!", "#DIV/0!"],
        ["Andere Partner", "Genk", "#VALUE!"],
    ]
    table = read_table(write_xlsx(tmp_path / "fouten.xlsx", rows))
    assert table.refusal(2, {"Naam"}) == ("Naam", "cel A2 bevat de Excel-foutwaarde #N/A")
    assert table.refusal(3, {"Naam", "Gemeente"}) == (
        "Gemeente",
        "cel B3 bevat de Excel-foutwaarde #REF!",
    )
    assert table.refusal(4, {"Naam", "Gemeente"}) is None  # 'Controle' is not read
    # As a Dutch Excel writes them into a CSV.
    csv_rows = [["Naam", "Gemeente"], ["#N/B", "Genk"]]
    table = read_table(write_csv(tmp_path / "fouten.csv", csv_rows, sep=";"))
    assert table.refusal(2, {"Naam"}) == ("Naam", "cel A2 bevat de Excel-foutwaarde #N/B")


def test_a_formula_without_its_result_refuses_the_workbook(tmp_path):
    rows = [["Naam", "Gemeente"], ['=CONCATENATE("Formule ", "Partner")', "Genk"]]
    with pytest.raises(ValidationError, match="cel A2 bevat een formule zonder berekende waarde"):
        read_table(write_xlsx(tmp_path / "script.xlsx", rows))


def test_formulas_with_their_results_are_read(tmp_path):
    def rows():
        yield '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        yield '<row r="2"><c r="A2" t="str"><f>"Formule "&amp;"Partner"</f><v>Formule Partner</v>'
        yield '</c><c r="B2" t="str"><f>""</f><v></v></c></row>'  # a formula giving ""

    path = _workbook(tmp_path / "excel.xlsx", rows, "A1:B2", strings=("Naam", "Gemeente"))
    assert read_table(path).rows == ((2, {"Naam": "Formule Partner"}),)


# -- which sheet ----------------------------------------------------------------------------
def two_sheets(path, first, second, hidden=False, active=1):
    book = openpyxl.Workbook()
    book.active.title = first[0]
    for row in first[1]:
        book.active.append(row)
    other = book.create_sheet(second[0])
    for row in second[1]:
        other.append(row)
    if hidden:
        book.worksheets[0].sheet_state = "hidden"
    book.active = active
    book.save(path)
    return path


PARTNERS = ("Partners", [["Naam", "Gemeente"], ["Partner op blad 2", "Genk"]])


def test_a_hidden_first_sheet_is_not_read(tmp_path):
    lists = ("Lijsten", [["Categorie"], ["caw"]])
    path = two_sheets(tmp_path / "verborgen.xlsx", lists, PARTNERS, hidden=True, active=0)
    table = read_table(path)
    assert (table.sheet, names(table), table.notes) == ("Partners", ["Partner op blad 2"], ())


def test_the_active_sheet_is_read_and_the_other_named(tmp_path):
    intro = ("Uitleg", [["Vul het tweede tabblad in."]])
    table = read_table(two_sheets(tmp_path / "actief.xlsx", intro, PARTNERS))
    assert (table.sheet, names(table)) == ("Partners", ["Partner op blad 2"])
    assert table.notes == ("blad 'Partners' gelezen (het actieve blad); niet gelezen: 'Uitleg'",)


# -- small things ---------------------------------------------------------------------------
def test_empty_lines_before_the_header_are_skipped(tmp_path):
    path = tmp_path / "leeg-begin.csv"
    path.write_text("\r\n;;\r\nNaam;Gemeente\r\nPartner;Maaseik\r\n")
    table = read_table(path)
    assert table.headers == ("Naam", "Gemeente")
    assert table.rows == ((4, {"Naam": "Partner", "Gemeente": "Maaseik"}),)  # as Excel shows it


def test_excels_separator_line_is_honoured(tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text("sep=;\r\nNaam;Gemeente, deelgemeente\r\nPartner, vzw;Maaseik\r\n")
    table = read_table(path)
    assert table.rows == ((2, {"Naam": "Partner, vzw", "Gemeente, deelgemeente": "Maaseik"}),)


def test_files_that_are_no_workbook_say_what_they_are(tmp_path):
    compound = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    (tmp_path / "geheim.xlsx").write_bytes(compound + "EncryptedPackage".encode("utf-16-le"))
    (tmp_path / "oud-of-geheim.xlsx").write_bytes(compound)
    with zipfile.ZipFile(tmp_path / "libre.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    (tmp_path / "libre-hernoemd.xlsx").write_bytes((tmp_path / "libre.ods").read_bytes())
    write_csv(tmp_path / "tekst.xlsx", [["Naam"], ["Partner"]], "cp1252", ";")
    expected = {
        "geheim.xlsx": "geheim.xlsx: het werkboek is beveiligd met een wachtwoord",
        "oud-of-geheim.xlsx": "beveiligd is met een wachtwoord, of in het oude Excel-formaat",
        "libre.ods": "een OpenDocument-bestand (LibreOffice, .ods) wordt niet gelezen; bewaar",
        "libre-hernoemd.xlsx": "een OpenDocument-bestand",
        "tekst.xlsx": "tekst.xlsx: geen Excel-werkboek maar een tekstbestand",
    }
    for name, message in expected.items():
        with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
            read_table(tmp_path / name)


def _with_entities(path):
    """The workbook at `path` with an external entity in its sheet, as an attack sends it."""
    with zipfile.ZipFile(path) as archive:
        parts = {item: archive.read(item) for item in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].split(b"?>", 1)[-1]
    parts["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + sheet
    )
    with zipfile.ZipFile(path, "w") as archive:
        for item, data in parts.items():
            archive.writestr(item, data)
    return path


def test_uploads_that_are_something_else_say_in_dutch_what_they_are(tmp_path):
    """Before: a workbook with an external entity was refused in openpyxl's English ("Unable
    to read workbook: could not read worksheets from None."), and a PDF named .xlsx was
    called "een tekstbestand (CSV?)"."""
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
    (tmp_path / "lijst.xlsx").write_bytes(pdf)
    (tmp_path / "lijst.csv").write_bytes(pdf)
    (tmp_path / "lijst.pdf").write_bytes(pdf)
    (tmp_path / "foto.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + b"IHDR" * 20)
    _with_entities(write_xlsx(tmp_path / "entiteit.xlsx", [["Naam"], ["Partner"]]))
    expected = {
        "lijst.xlsx": "lijst.xlsx: geen Excel-werkboek maar een PDF-bestand: dat leest",
        "lijst.pdf": "lijst.pdf: een PDF-bestand. Dat leest graphmap hier niet: bewaar de ",
        "lijst.csv": "lijst.csv: geen tekstbestand (.csv) maar een PDF-bestand",
        "foto.csv": "foto.csv: geen tekstbestand (.csv) maar een afbeelding",
        "entiteit.xlsx": "entiteit.xlsx: geen leesbaar Excel-bestand (.xlsx): het bevat XML",
    }
    for name, message in expected.items():
        with pytest.raises(ValidationError) as refused:
            read_table(tmp_path / name)
        assert str(refused.value).startswith(message), str(refused.value)
        assert not re.search(r"Unable|Error|None|CSV\?", str(refused.value)), str(refused.value)


# -- the header below a title ---------------------------------------------------------------
TITLE = "Partnerlijst ELZ Maasland – stand januari"
LIST = [["Naam", "Gemeente", "Status"], ["Partner", "Maaseik", "lid"], ["Naam", "Genk", "lid"]]


def organisation_header(headers):
    return columns.header_fit(columns.ORGANISATIONS, headers)


def contact_header(headers):
    return columns.header_fit(columns.CONTACTS, headers)


@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
@pytest.mark.parametrize(
    ("above", "rows", "note"),
    [
        ([], "", ()),
        ([[TITLE]], "rij 1", (repr(TITLE),)),
        ([[TITLE], []], "rij 1–2", (repr(TITLE),)),
        (
            [[], [TITLE], [], ["Stand", "", "januari 2026"]],
            "rij 1–4",
            (repr(TITLE), "'Stand januari 2026'"),
        ),
    ],
    ids=["header-first", "title", "title-empty-row", "title-empty-rows-and-date"],
)
def test_the_header_below_a_title_is_found_and_the_rows_above_named(
    tmp_path, write, above, rows, note
):
    suffix = "csv" if write is write_csv else "xlsx"
    path = write(tmp_path / f"titel.{suffix}", [*above, *LIST])
    table = read_table(path, organisation_header)
    header = len(above) + 1
    assert table.headers == ("Naam", "Gemeente", "Status")
    # Rows keep the numbers the spreadsheet shows; the last, holding "Naam", is a row.
    assert [number for number, _ in table.rows] == [header + 1, header + 2]
    assert names(table) == ["Partner", "Naam"]
    expected = (f"{rows} boven de kopregel niet gelezen: {'; '.join(note)}",) if above else ()
    assert table.notes == expected
    assert table.searched is None


def test_without_a_header_the_first_row_stands_in_and_the_search_is_said(tmp_path):
    # Row 1 is the header but names no organisation: the data row holding "Naam" below it,
    # as wide as row 1, is not taken for the header.
    rows = [["Wie", "Gemeente"], ["Naam", "Genk"], ["Partner", "Maaseik"]]
    table = read_table(write_csv(tmp_path / "wie.csv", rows), organisation_header)
    assert table.headers == ("Wie", "Gemeente")
    assert [number for number, _ in table.rows] == [2, 3]
    assert (table.notes, table.searched) == ((), 10)


@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
@pytest.mark.parametrize(
    ("above", "header"),
    [
        (
            [["Partnerlijst ELZ Maasland"], ["Bijgewerkt op", "01/12/2026"], []],
            ["Naam", "Gemeente"],
        ),
        (
            [["Opgesteld door", "An Peeters", "Datum", "2026-12-01"]],
            ["Naam", "Gemeente", "Categorie", "Status"],
        ),
        ([[TITLE], ["Stand", "januari"]], ["Naam", "Opmerking"]),
        ([["Organisatie"], []], ["Naam", "Opmerking"]),
    ],
    ids=["date-row", "as-wide-as-the-header", "one-known-column", "title-word-one-known-column"],
)
def test_a_row_above_as_wide_as_the_header_does_not_hide_it(tmp_path, write, above, header):
    # A date row or an "Opgesteld door" row names no column: it is no header above the
    # real one, however wide. The file was refused ("staat de kopregel lager?").
    suffix = "csv" if write is write_csv else "xlsx"
    data = ["CAW Limburg", "Genk", "caw", "lid"][: len(header)]
    path = write(tmp_path / f"datum.{suffix}", [*above, header, data])
    table = read_table(path, organisation_header)
    number = len(above) + 1
    assert (table.headers, table.searched) == (tuple(header), None)
    assert table.rows == ((number + 1, dict(zip(header, data, strict=True))),)
    assert table.notes[0].startswith(f"rij 1{'' if number == 2 else f'–{number - 1}'} boven")


def test_a_contact_list_below_a_title_and_a_date_row_is_found(tmp_path):
    rows = [["Contactpersonen Maasland"], ["Datum:", "2026-12-01"], ["Naam", "Organisatie"]]
    path = write_csv(tmp_path / "contacten.csv", [*rows, ["An Peeters", "CAW Limburg"]], sep=";")
    table = read_table(path, contact_header)
    assert table.rows == ((4, {"Naam": "An Peeters", "Organisatie": "CAW Limburg"}),)


# The reviewer's file: a title that is itself a name column's title, above the header.
WORD_TITLE = [
    ["Organisatie"],
    ["Naam", "Gemeente", "Categorie"],
    ["Huisartsenkring Maasland", "Maasmechelen", "huisartsenkring"],
]
WORD_TITLE_ROW = {"Naam": "Huisartsenkring Maasland", "Gemeente": "Maasmechelen"}


def test_a_title_word_above_the_header_is_no_header_of_a_csv(tmp_path):
    # Read with ",", the title alone was the header and each line one name:
    # 'Naam;Gemeente;Categorie' was imported as an organisation.
    path = write_csv(tmp_path / "t3.csv", WORD_TITLE, sep=";")
    table = read_table(path, organisation_header)
    assert table.headers == ("Naam", "Gemeente", "Categorie")
    assert table.rows == ((3, {**WORD_TITLE_ROW, "Categorie": "huisartsenkring"}),)
    assert table.notes == ("rij 1 boven de kopregel niet gelezen: 'Organisatie'",)


def test_a_merged_title_word_above_the_header_is_no_header_of_a_workbook(tmp_path):
    # Every row was refused: "meer cellen dan de kopregel kolommen heeft (1)".
    book = openpyxl.Workbook()
    for row in WORD_TITLE:
        book.active.append(row)
    book.active.merge_cells("A1:C1")
    book.save(tmp_path / "t3.xlsx")
    table = read_table(tmp_path / "t3.xlsx", organisation_header)
    assert (table.headers, table.refused) == (("Naam", "Gemeente", "Categorie"), {})
    assert table.rows == ((3, {**WORD_TITLE_ROW, "Categorie": "huisartsenkring"}),)


def test_a_title_word_above_a_header_without_a_name_column_is_not_the_header(tmp_path):
    # No header names the required column: the row naming the most stands in, so the
    # refusal names its titles, not the title's word taken for a list of one column.
    rows = [["Partner"], ["Wie", "Gemeente", "Categorie"], ["CAW Limburg", "Genk", "caw"]]
    table = read_table(write_xlsx(tmp_path / "wie.xlsx", rows), organisation_header)
    assert (table.headers, table.searched) == (("Wie", "Gemeente", "Categorie"), 10)
    assert [number for number, _ in table.rows] == [3]


def test_a_list_of_one_column_keeps_its_header(tmp_path):
    rows = [["Organisatie"], ["CAW Limburg"], ["Partner"]]
    table = read_table(write_csv(tmp_path / "een.csv", rows), organisation_header)
    assert names(table, "Organisatie") == ["CAW Limburg", "Partner"]


def test_a_header_below_the_tenth_row_is_not_looked_for(tmp_path):
    rows = [[TITLE], *([f"opmerking {n}"] for n in range(2, 11)), LIST[0], LIST[1]]
    table = read_table(write_xlsx(tmp_path / "laag.xlsx", rows), organisation_header)
    assert (table.headers, table.searched) == ((TITLE,), 10)


def test_a_title_with_another_separator_than_the_header_does_not_choose_it(tmp_path):
    path = tmp_path / "komma.csv"
    path.write_text(f"{TITLE}, versie 2\r\nNaam;Gemeente\r\nPartner, vzw;Maaseik\r\n")
    table = read_table(path, organisation_header)
    assert table.rows == ((3, {"Naam": "Partner, vzw", "Gemeente": "Maaseik"}),)
    assert table.notes == (f"rij 1 boven de kopregel niet gelezen: '{TITLE}, versie 2'",)


def test_a_cell_merged_down_is_the_value_of_each_of_its_rows(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Cluster", "Naam", "Opmerking", "Gemeente"])
    sheet.append(["Zorg", "Huisartsenkring Maasland", "Overleg elk kwartaal", None])
    sheet.append([None, "Thuisverpleging Maaseik", None, "Maaseik"])
    sheet.append([None, None, None, None])  # an empty row in the merge stays no row
    sheet.append([None, "Apotheek Kinrooi", None, "Kinrooi"])
    sheet.append(["Welzijn", "CAW Limburg", None, None])
    sheet.merge_cells("A2:A5")
    sheet.merge_cells("C2:D2")  # across columns: the note fills no municipality
    path = tmp_path / "lijst.xlsx"
    book.save(path)
    table = read_table(path)
    assert [(n, cells["Cluster"], cells.get("Gemeente", "")) for n, cells in table.rows] == [
        (2, "Zorg", ""),
        (3, "Zorg", "Maaseik"),
        (5, "Zorg", "Kinrooi"),
        (6, "Welzijn", ""),
    ]
