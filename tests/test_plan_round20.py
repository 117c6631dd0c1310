"""Round 20: plans of other zones as the files staff upload, a Word document with its actions
in tables and a PDF exported from Word or from a layout tool, each built here with the
libraries that write them (python-docx, fpdf2). Each test names the zone whose plan showed
the defect; the plans themselves are in /work/scratch/round20/."""

from __future__ import annotations

import docx
from fpdf import FPDF

from graphmap.ingest import plan


def _word_table(tmp_path, header: list[str], rows: list[list[str | list[str]]], document=None):
    """A Word plan (`document`, or a new one) of one operational goal over a table of its
    actions; a cell given as a list holds a paragraph an item."""
    document = document or docx.Document()
    document.add_heading("Operationele doelstelling 1.1: Een sterk onthaal", 2)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            items = [value] if isinstance(value, str) else value
            cell.text = items[0]
            for item in items[1:]:
                cell.add_paragraph(item)
    path = tmp_path / "plan.docx"
    document.save(path)
    return plan.read_plan(path, "testzone")


def test_a_partner_written_with_its_kind_in_full_and_by_its_acronym_is_one(tmp_path):
    """ELZ Pallieterland, Zuid-Hageland, Noord-Limburg: "Centrum Algemeen Welzijnswerk
    Antwerpen" in one action and "CAW Antwerpen" in another were two organisations, as were
    "LDC Den Travoo" and "Lokaal dienstencentrum Den Travoo" in one cell; the lead "Sofie
    Janssen, Centrum Algemeen Welzijnswerk Limburg" beside "CAW Limburg" too."""
    preview = _word_table(
        tmp_path,
        ["Nr.", "Actie", "Trekker", "Partners"],
        [
            ["1.1.1", "Onthaalpunt", "Lien Vos (CAW Antwerpen)", ["OCMW Lier", "Familiehulp"]],
            [
                "1.1.2",
                "Opleiding onthaal",
                "OCMW Nijlen",
                ["Centrum Algemeen Welzijnswerk Antwerpen", "LDC Den Travoo"],
            ],
            [
                "1.1.3",
                "Beweegaanbod",
                "Sofie Janssen, Woonzorgcentrum Ter Zee",
                "Lokaal dienstencentrum Den Travoo; WZC Ter Zee; Woonzorgcentrum De Linde",
            ],
        ],
    )
    assert [(a.lead, a.partners) for a in preview.actions] == [
        ("CAW Antwerpen", ["OCMW Lier", "Familiehulp"]),
        ("OCMW Nijlen", ["CAW Antwerpen", "LDC Den Travoo"]),
        # The lead is the partner's acronym form: no partner beside itself; a kind written
        # out that the plan never shortens stays as it is written.
        ("WZC Ter Zee", ["LDC Den Travoo", "Woonzorgcentrum De Linde"]),
    ]
    assert preview.organisations == [
        "CAW Antwerpen",
        "OCMW Nijlen",
        "WZC Ter Zee",
        "OCMW Lier",
        "Familiehulp",
        "LDC Den Travoo",
        "Woonzorgcentrum De Linde",
    ]


def test_a_ruled_pdf_cell_of_partners_a_line_each(tmp_path):
    """ELZ Mechelen-Katelijne (a PDF exported from Word): "OCMW Sint-Katelijne-Waver" /
    "Sociaal Huis Mechelen" on lines of their own in a ruled cell were one partner: a name
    whose kind is its second word ("Sociaal Huis", "Heilig Hartziekenhuis") opened none."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, "Operationele doelstelling 2.1: Mentaal welzijn", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(70, 50, 70), line_height=5) as table:
        for values in (
            ("Actie", "Eigenaar", "Betrokken partners"),
            (
                "2.1.1 Psycholoog in het Sociaal Huis",
                "CGG Mechelen",
                "OCMW Sint-Katelijne-Waver\nSociaal Huis Mechelen\nHeilig Hartziekenhuis Lier",
            ),
            ("2.1.2 Lotgenotengroep", "Samana Mechelen", "Wit-Gele Kruis\nVlaanderen"),
        ):
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    assert [(a.id_code, a.lead, a.partners) for a in preview.actions] == [
        (
            "2.1.1",
            "CGG Mechelen",
            ["OCMW Sint-Katelijne-Waver", "Sociaal Huis Mechelen", "Heilig Hartziekenhuis Lier"],
        ),
        # A name broken over two lines stays one.
        ("2.1.2", "Samana Mechelen", ["Wit-Gele Kruis Vlaanderen"]),
    ]


def test_tables_without_rules_one_under_another_on_a_page_and_columns_above(tmp_path):
    """ELZ Dijleland (a PDF from a layout tool): of a page with a goal's table without rules,
    then the next goal's heading and its table, only the first was read as a table; the
    second's columns ran together ("Huisartsenkring Intervisie voor jonge …" a lead). The
    introduction in two columns above the first table was read across both columns."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    y = 20
    for x, text in (
        (15, "De eerstelijnszone Dijleland omvat Bertem, Bierbeek, Huldenberg en Tervuren."),
        (110, "Dit plan werd opgemaakt na drie werksessies met de zorgraad en de besturen."),
    ):
        pdf.set_xy(x, y)
        pdf.multi_cell(80, 5, text)
    pdf.set_y(45)
    tables = [
        ("OD 1.1. Inwoners kennen het aanbod", "Gemeente Bertem", "Infomarkt", "OCMW Bierbeek"),
        ("OD 1.2. Eenzaamheid doorbreken", "Vief Oud-Heverlee", "Buddywerking", "OKRA Bertem"),
        ("OD 2.1. Zorgverleners", "Huisartsenkring Dijleland", "Intervisie", "KU Leuven"),
    ]  # fmt: skip
    for heading, *row in tables:
        pdf.set_x(15)
        pdf.cell(180, 8, heading, new_x="LMARGIN", new_y="NEXT")
        for values in (("Trekker", "Actie", "Partners", "Wanneer"), (*row, "2026")):
            pdf.set_x(15)
            for width, value in zip((45, 55, 50, 30), values, strict=True):
                pdf.cell(width, 6, value)
            pdf.ln(8)
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    assert [(a.operational_goal, a.title, a.lead, a.partners) for a in preview.actions] == [
        ("1.1", "Infomarkt", "Gemeente Bertem", ["OCMW Bierbeek"]),
        ("1.2", "Buddywerking", "Vief Oud-Heverlee", ["OKRA Bertem"]),
        ("2.1", "Intervisie", "Huisartsenkring Dijleland", ["KU Leuven"]),
    ]
    assert [m.name for m in preview.municipality_matches if m.territory] == [
        "Bertem",
        "Bierbeek",
        "Huldenberg",
        "Tervuren",
    ]
    sentence = "De eerstelijnszone Dijleland omvat Bertem, Bierbeek, Huldenberg en Tervuren."
    assert any(m.evidence == sentence for m in preview.municipality_matches)


def test_a_word_table_numbered_by_word_titled_over_its_header_or_with_a_number_missing(
    tmp_path,
):
    """ELZ Regio Kortrijk, ELZ Gent (Word): a column "Nr." whose numbers Word's list
    numbering gives (none of it in the cell's text) was read empty, and a table whose
    column of numbers had an empty cell among them was refused as a broken file (a count
    of the numbers failed on the empty one). A title row across the table over its header
    ("Acties 2026") was read as the end of the goal's heading above the table."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    level = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    level += '<w:lvlText w:val="%1."/></w:lvl>'
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="94">{level}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="94"><w:abstractNumId w:val="94"/></w:num>')
    )
    document.add_heading("Operationele doelstelling 2.1 – Eenzaamheid verminderen", 2)
    for missing in (False, True):
        table = document.add_table(rows=2, cols=3)
        table.rows[0].cells[0].merge(table.rows[0].cells[2]).text = "Acties 2026"
        for cell, text in zip(table.rows[1].cells, ["Nr.", "Actie", "Trekker"], strict=True):
            cell.text = text
        for number, title, lead in [
            (1, "Babbelbox", "LDC Heule"),
            (2, "Huisbezoek", "OCMW Kuurne"),
        ]:
            cells = table.add_row().cells
            if missing:
                cells[0].text = "" if number == 2 else str(number + 2)
            else:
                cells[0].paragraphs[0].style = "List Number"
                cells[0].paragraphs[0]._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="94"/></w:numPr>')
                )
            cells[1].text, cells[2].text = f"{title} {'bis' if missing else ''}".strip(), lead
        document.add_paragraph("")
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "testzone")
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("2.1", "Eenzaamheid verminderen")
    ]
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1", "Babbelbox", "LDC Heule"),
        ("2", "Huisbezoek", "OCMW Kuurne"),
        # Numbers that skip code nothing: the second table's actions have none.
        ("2.1-a", "Babbelbox bis", "LDC Heule"),
        ("2.1-b", "Huisbezoek bis", "OCMW Kuurne"),
    ]


def test_a_layout_pdfs_fiche_with_names_a_line_each_and_a_contact_box_beside(tmp_path):
    """ELZ Haspengouw (a landscape PDF from a layout tool): partners a line each in a
    column no line of which reached its edge were read as wrapped, "Kinesitherapeutenkring
    Haspengouw" / "Samana Sint-Truiden" as one partner (and one organisation more in the
    text); a box of contact details beside the fiche, read after it, ran into its timing
    ("2026-2027 Meer weten? … info@… 011 …")."""
    pdf = FPDF(orientation="L")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    y = 20.0
    for label, value in (
        ("", "Actie 1.1.1 - Valpreventie aan huis"),
        ("Wie?", "Els Vanhees\nOCMW Sint-Truiden"),
        (
            "Met wie?",
            "Wit-Gele Kruis Limburg\nKinesitherapeutenkring Haspengouw\nSamana Sint-Truiden",
        ),
        ("Wanneer?", "2026-2027"),
    ):
        pdf.set_xy(15, y)
        pdf.cell(35, 5, label)
        pdf.set_xy(55 if label else 15, y)
        pdf.multi_cell(120, 5, value, new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y() + 2
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(215, 20)
    text = "Meer weten?\nStafmedewerker zorgraad\ninfo@elzhaspengouw.be\n011 12 34 56"
    pdf.multi_cell(65, 4, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    [action] = preview.actions
    assert (action.lead, action.partners, action.timing) == (
        "OCMW Sint-Truiden",
        ["Wit-Gele Kruis Limburg", "Kinesitherapeutenkring Haspengouw", "Samana Sint-Truiden"],
        "2026-2027",
    )
    assert preview.organisations == [
        "OCMW Sint-Truiden",
        "Wit-Gele Kruis Limburg",
        "Kinesitherapeutenkring Haspengouw",
        "Samana Sint-Truiden",
    ]


def test_a_word_table_of_abbreviations_and_a_kinds_acronym_van_de_ziekenfondsen(tmp_path):
    """ELZ Brugse Ommeland (Word): the plan's list of abbreviations as a table of two
    columns ("CAW" | "Centrum Algemeen Welzijnswerk") made organisations of the words each
    stands for; "DMW van de ziekenfondsen" (every health insurer has one) was a partner."""
    document = docx.Document()
    document.add_heading("Afkortingen", 1)
    table = document.add_table(rows=0, cols=2)
    for short, words in [
        ("Afkorting", "Betekenis"),
        ("CAW", "Centrum Algemeen Welzijnswerk"),
        ("DMW", "Dienst Maatschappelijk Werk"),
        ("OCMW", "Openbaar Centrum voor Maatschappelijk Welzijn"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = short, words
    partners = ["CAW Noord-West-Vlaanderen", "DMW van de ziekenfondsen", "DMW", "DMW CM"]
    preview = _word_table(
        tmp_path, ["Actie", "Wie?", "Met wie?"], [["Signaal", "OCMW Oostkamp", partners]], document
    )
    [action] = preview.actions
    assert (action.partners, action.partner_groups) == (
        ["CAW Noord-West-Vlaanderen", "DMW CM"],
        ["DMW van de ziekenfondsen", "DMW"],
    )
    assert preview.organisations == ["OCMW Oostkamp", "CAW Noord-West-Vlaanderen", "DMW CM"]


def test_a_ruled_pdf_actiefiche_with_partners_a_line_each(tmp_path):
    """ELZ Zuid-Limburg (a PDF exported from Word): in a fiche of two ruled columns, label |
    value, the partners a line each in their cell were joined into one name ("Huis van het
    Nederlands Limburg Gemeente Riemst Samana Riemst", a group); a name after one a place
    ended ("CAW Limburg" / "Vluchtelingenwerk Vlaanderen") was joined to it."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, "Operationele doelstelling 1.1: Anderstaligen", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(50, 140), line_height=6, first_row_as_headings=False) as table:
        for label, value in (
            ("Actie", "1.1.1 Brugfiguren in de wijken"),
            ("Trekker (organisatie)", "Karin Schepers - Stad Tongeren-Borgloon"),
            ("Betrokken partners", "CAW Limburg\nVluchtelingenwerk Vlaanderen\nGemeente Riemst"),
            ("Timing", "2026"),
        ):
            row = table.row()
            row.cell(label)
            row.cell(value)
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    [action] = plan.read_plan(path, "testzone").actions
    assert (action.id_code, action.lead, action.partners, action.timing) == (
        "1.1.1",
        "Stad Tongeren-Borgloon",
        ["CAW Limburg", "Vluchtelingenwerk Vlaanderen", "Gemeente Riemst"],
        "2026",
    )
