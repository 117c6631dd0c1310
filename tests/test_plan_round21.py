"""Round 21: plans of zones neither earlier round used (city zones of Antwerpen and Brussel,
Rivierenland, Herentals, Grimbergen-Vilvoorde), in the seeds' text extraction and as Excel,
Word and PDF files: priorities and spearheads over projects and initiatives, partners in
brackets after a title, leads given as a role, a status column. Each test names the zone
whose plan showed the defect; the plans themselves are in /work/scratch/round21/."""

from __future__ import annotations

import openpyxl
from extracted import read
from fpdf import FPDF

from graphmap.ingest import plan
from graphmap.ingest.organisations import is_organisation


def _lead(action: plan.ActionOut) -> str | None:
    return "self" if action.lead_self else action.lead


SPEARHEADS = """Zorgraad Brussel
Speerpunt 1: Toegankelijke zorg
Doelstelling 1.1: Zorgverleners zijn vindbaar
Initiatief 1.1.1: Dementievriendelijke gemeente (i.s.m. Expertisecentrum Dementie Vlaanderen)
Lead: de coördinator
Initiatief 1.1.2: Welkom bij de huisarts (i.s.m. Huis van het Nederlands Brussel en CAW Brussel)
Lead: Gemeente Jette
Met wie: Kind en Gezin
Kick-off: maart 2026
Speerpunt 2 – Samen zorgen in de buurt
Initiatief: Buurtgezondheidsteam in Borgerhout
Lead: Vlaams Agentschap voor Personen met een Handicap
Partners: District Borgerhout
Initiatief: Huisartsenwachtpost Deurne (afgerond)
Lead: Huisartsenkring Antwerpen Oost
Partners: Ziekenhuisnetwerk Antwerpen
"""


def test_partners_in_brackets_after_a_title_initiatives_without_a_number_and_a_long_name(
    tmp_path,
):
    """Zorgraad Brussel, ELZ Antwerpen Oost, ELZ Rivierenland: "(i.s.m. X)" after a title
    stayed in the title and named no partner; "Initiatief: X" without a number was no
    action (the next one's fields ran into the first); "Vlaams Agentschap voor Personen met
    een Handicap", seven words, was too long for an organisation's name; "Kick-off: X" was
    no label. ELZ Zuidrand: a status in brackets after a title, "(afgerond)", was part of it."""
    preview = read(tmp_path, SPEARHEADS)
    assert [(a.title, _lead(a), a.partners) for a in preview.actions] == [
        ("Dementievriendelijke gemeente", "self", ["Expertisecentrum Dementie Vlaanderen"]),
        (
            "Welkom bij de huisarts",
            "Gemeente Jette",
            ["Huis van het Nederlands Brussel", "CAW Brussel", "Kind en Gezin"],
        ),
        (
            "Buurtgezondheidsteam in Borgerhout",
            "Vlaams Agentschap voor Personen met een Handicap",
            ["District Borgerhout"],
        ),
        (
            "Huisartsenwachtpost Deurne",
            "Huisartsenkring Antwerpen Oost",
            ["Ziekenhuisnetwerk Antwerpen"],
        ),
    ]
    assert [a.operational_goal for a in preview.actions] == ["1.1", "1.1", "2", "2"]
    # ELZ Druivenstreek: "Kick-off: maart 2026" under the partners was a partner "Kick-off".
    assert preview.actions[1].timing == "maart 2026"
    # A long name is one only as a name is written: a sentence, or a name of nine words, not.
    assert not is_organisation("Huisartsen werken samen met de apothekers voor Vorming")
    assert not is_organisation("Vlaams Agentschap voor Personen met een Handicap in Brussel Noord")


def test_an_excel_sheet_per_priority_of_projects_and_a_pdf_fiche_with_an_empty_cell(tmp_path):
    """ELZ Herentals: "Project 1.1.1" in the column "Nr." gave no code (the actions were
    numbered "1.1-a"); ELZ Grimbergen-Vilvoorde: a fiche's row "Partners" with an empty value
    under "Trekker | Zorgraad" was read as a header's second row, and the lead was lost."""
    book = openpyxl.Workbook()
    book.active.title = "Inleiding"
    book.active.append(["Zorgraad Herentals – jaarplan 2026"])
    sheet = book.create_sheet("Prioriteit 1")
    sheet.append(["Prioriteit 1: Zorg voor kwetsbare inwoners"])
    sheet.append(["Operationele doelstelling", "Nr.", "Actie", "Trekker", "Partners", "Status"])
    sheet.append(
        ["OD 1.1 Armoede", "Project 1.1.1", "Sociale kruidenier", "OCMW Olen", "", "lopend"]
    )
    sheet.append([None, "Project 1.1.2", "Consulent", "Zorgraad", "CAW De Kempen", "gepland"])
    sheet.merge_cells("A3:A4")
    book.save(tmp_path / "plan.xlsx")
    preview = plan.read_plan(tmp_path / "plan.xlsx", "testzone")
    assert [(a.id_code, a.title, a.operational_goal) for a in preview.actions] == [
        ("1.1.1", "Sociale kruidenier", "1.1"),
        ("1.1.2", "Consulent", "1.1"),
    ]

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, 8, "Prioriteit 1: Zorg voor ouderen", new_x="LMARGIN", new_y="NEXT")
    for code, lead, partners in (("1.1", "Zorgraad", ""), ("1.2", "OCMW Vilvoorde", "")):
        pdf.cell(0, 8, f"Initiatief {code}: Valpreventie {code}", new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(40, 130), first_row_as_headings=False) as table:
            for label, value in (("Trekker", lead), ("Partners", partners), ("Status", "lopend")):
                row = table.row()
                row.cell(label)
                row.cell(value)
    pdf.output(tmp_path / "plan.pdf")
    preview = plan.read_plan(tmp_path / "plan.pdf", "testzone")
    assert [(a.id_code, _lead(a)) for a in preview.actions] == [
        ("1.1", "self"),
        ("1.2", "OCMW Vilvoorde"),
    ]


FLATTENED = """Zorgraad Brussel Noord-West
Speerpunt 1: Toegang tot zorg
Nr.
Initiatief
Lead
Met wie
Status
1.1
Aanmeldpunt huisarts in Jette
Zorgraad
Huisartsenkring Brussel
lopend
1.2
Tolken bij de huisarts
CAW Brussel
Kind en Gezin
afgerond
"""


def test_goals_across_a_table_or_in_a_column_speerpunt_over_actions_numbered_in_two_parts(
    tmp_path,
):
    """ELZ Antwerpen Centrum (a PDF): "Prioriteit 1: X" in a row across the table was no goal
    (only "SD 1" and the like were), and "1.2" in the column "Nr." no action's number: no
    goal or action was read. ELZ Regio Turnhout (Excel): a column "Speerpunt" merged down over
    its actions gave no goals. Zorgraad Brussel Noord-West (text, a cell a line): a header
    "Initiatief" over the titles was no header; its cells were read as lists."""
    preview = read(tmp_path, FLATTENED)
    assert [
        (a.id_code, a.operational_goal, a.title, _lead(a), a.partners) for a in preview.actions
    ] == [
        ("1.1", "1", "Aanmeldpunt huisarts in Jette", "self", ["Huisartsenkring Brussel"]),
        ("1.2", "1", "Tolken bij de huisarts", "CAW Brussel", ["Kind en Gezin"]),
    ]

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    with pdf.table(col_widths=(15, 60, 50, 50, 15)) as table:
        for cells in (
            ("Nr.", "Project", "Lead", "Partners", "Status"),
            ("Prioriteit 1: Iedereen een huisarts",),
            ("1.1", "Aanmeldpunt huisarts", "CAW Antwerpen", "Stad Antwerpen", "lopend"),
            ("1.2", "Tolken bij de huisarts", "OCMW Antwerpen", "Atlas Antwerpen", "afgerond"),
            ("Prioriteit 2: Mentaal welzijn",),
            ("2.1", "Jongerenpunt", "CGG Andante", "CLB Antwerpen", "gepland"),
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell, colspan=5 if len(cells) == 1 else 1)
    pdf.output(tmp_path / "plan.pdf")
    preview = plan.read_plan(tmp_path / "plan.pdf", "testzone")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Iedereen een huisarts"),
        ("2", "Mentaal welzijn"),
    ]
    assert [(a.id_code, a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "1", "Aanmeldpunt huisarts", "CAW Antwerpen"),
        ("1.2", "1", "Tolken bij de huisarts", "OCMW Antwerpen"),
        ("2.1", "2", "Jongerenpunt", "CGG Andante"),
    ]

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Speerpunt", "Nr.", "Initiatief", "Trekker (lead)", "Met wie", "Status"])
    sheet.append(
        ["Speerpunt 1: Mentaal welzijn", "1.1", "Zorgzame buurten", "Stad Turnhout", "", ""]
    )
    sheet.append([None, "1.2", "Suïcidepreventie", "CGG De Pont", "", "afgerond"])
    sheet.append(["Speerpunt 2: Chronische zorg", "2.1", "Zorgpad COPD", "AZ Turnhout", "", ""])
    sheet.merge_cells("A2:A3")
    book.save(tmp_path / "plan.xlsx")
    preview = plan.read_plan(tmp_path / "plan.xlsx", "testzone")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Mentaal welzijn"),
        ("2", "Chronische zorg"),
    ]
    assert [(a.id_code, a.operational_goal, a.title) for a in preview.actions] == [
        ("1.1", "1", "Zorgzame buurten"),
        ("1.2", "1", "Suïcidepreventie"),
        ("2.1", "2", "Zorgpad COPD"),
    ]
