"""Plans of zones the reader had not seen, twelfth round: a slide deck and a page in two
columns as PDF, other words for the levels, typography as Word and PDF give it, a Word table
with its header on two rows, a workbook with a sheet per goal, a title page's line of
municipalities."""

from __future__ import annotations

import docx
import openpyxl
from extracted import by_code, read_plain
from fpdf import FPDF

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines


def _slides(tmp_path, boxes: list[tuple[str, str]], offset: float = 0):
    """A slide (landscape) with the goal on top and, per action, a box with its code and
    title left and a box with its fields right, on the same lines (or `offset` mm lower)."""
    title = "Speerpunt 1 - Zorg dichtbij"
    pdf = FPDF(orientation="L")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(20, 18)
    pdf.cell(250, 10, title)
    y = 45
    for left, right in boxes:
        pdf.set_font("Helvetica", "B", 13)
        pdf.set_xy(20, y)
        pdf.multi_cell(130, 7, left, align="J")
        pdf.set_font("Helvetica", "", 11)
        pdf.set_xy(160, y + offset)
        pdf.multi_cell(120, 7, right, align="L")
        y += 40
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(15, 195)
    pdf.cell(120, 6, "ELZ Pajottenland | Algemene vergadering 12/03/2026")
    path = tmp_path / "slides.pdf"
    pdf.output(str(path))
    return plan.read_plan(path, "testzone")


def test_text_boxes_side_by_side_on_a_slide_are_read_box_after_box(tmp_path):
    # The PDF's text alone joins the boxes' lines: "Actiepunt 1.1 Trekker: Samana".
    preview = _slides(
        tmp_path,
        [
            ("Actiepunt 1.1\nSociale kaart online", "Trekker: Samana\nPartners: OKRA, Vief"),
            (
                "Actiepunt 1.2\nMantelzorgcafe in elke gemeente",
                "Trekker: Familiehulp\nPartners: Landelijke Thuiszorg",
            ),
        ],
    )
    actions = by_code(preview)
    assert {code: (a.title, a.lead, a.partners) for code, a in actions.items()} == {
        "1.1": ("Sociale kaart online", "Samana", ["OKRA", "Vief"]),
        "1.2": ("Mantelzorgcafe in elke gemeente", "Familiehulp", ["Landelijke Thuiszorg"]),
    }


def test_text_boxes_that_do_not_line_up_are_read_box_after_box(tmp_path):
    # The fields' box half a line lower: the page's lines alternate between the boxes.
    boxes = [
        ("Actiepunt 1.1\nSociale kaart online", "Trekker: Samana\nPartners: OKRA, Vief"),
        ("Actiepunt 1.2\nMantelzorgcafe", "Trekker: Familiehulp\nPartners: Landelijke Thuiszorg"),
    ]
    actions = by_code(_slides(tmp_path, boxes, offset=3.5))
    assert {code: (a.title, a.lead, a.partners) for code, a in actions.items()} == {
        "1.1": ("Sociale kaart online", "Samana", ["OKRA", "Vief"]),
        "1.2": ("Mantelzorgcafe", "Familiehulp", ["Landelijke Thuiszorg"]),
    }


def test_a_table_of_labels_and_values_without_rules_stays_label_beside_value(tmp_path):
    # Labels left, values right, as a two-column table without borders: no columns of text.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(20, 20)
    pdf.cell(0, 6, "Actie 1.1.1: Sociale kaart")
    for k, (label, value) in enumerate(
        [("Trekker", "Samana"), ("Partners", "OKRA, Vief"), ("Timing", "najaar 2026")]
    ):
        pdf.set_xy(20, 30 + 7 * k)
        pdf.cell(40, 6, label)
        pdf.set_xy(110, 30 + 7 * k)
        pdf.cell(80, 6, value)
    path = tmp_path / "fiche.pdf"
    pdf.output(str(path))
    sociale = by_code(plan.read_plan(path, "testzone"))["1.1.1"]
    assert (sociale.lead, sociale.partners, sociale.timing) == (
        "Samana",
        ["OKRA", "Vief"],
        "najaar 2026",
    )


JUSTIFIED = "thuisverpleegkundigen en gezinszorg"  # too long for the first line: it wraps


def test_a_justified_line_with_wide_spaces_is_no_gutter(tmp_path):
    # A title justified over the box's width has spaces wider than a gutter between its
    # words; the fields' box starts further on, at the same place on every line.
    preview = _slides(
        tmp_path,
        [
            (
                f"Actiepunt 1.1\nVorming mantelzorg herkennen voor {JUSTIFIED}",
                "Trekker: Samana\nPartners: OKRA",
            )
        ],
    )
    vorming = by_code(preview)["1.1"]
    assert vorming.title == f"Vorming mantelzorg herkennen voor {JUSTIFIED}"
    assert vorming.partners == ["OKRA"]


COLUMNS = [
    "Prioriteit 1: Psychisch welzijn",
    "Initiatief 1.1: Laagdrempelig aanspreekpunt",
    "in Halle",
    "Een inloopmoment waar inwoners zonder afspraak",
    "terechtkunnen met vragen over hun welzijn.",
    "Trekker: CGG Vlaams-Brabant West",
    "Partners: CAW Halle-Vilvoorde",
    "Initiatief 1.2: Vorming eerste hulp",
    "Trekker: OCMW Halle",
]
COLUMNS_RIGHT = [
    "Prioriteit 2: Zorg aan huis",
    "Initiatief 2.1: Ontslagmanagement tussen",
    "ziekenhuis en thuiszorg",
    "Afspraken over de ontslagbrief en de overdracht",
    "naar huisarts en apotheker.",
    "Trekker: AZ Sint-Maria Halle",
    "Partners: Familiehulp",
]


def test_a_page_in_two_columns_is_read_column_after_column(tmp_path):
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(15, 15)
    pdf.cell(180, 8, "ELZ Zennevallei - Jaaractieplan 2026")
    pdf.set_font("Helvetica", size=9)
    for x, column in ((15, COLUMNS), (110, COLUMNS_RIGHT)):
        for k, line in enumerate(column):
            pdf.set_xy(x, 30 + 5 * k)
            pdf.cell(85, 5, line)
    path = tmp_path / "kolommen.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    assert {g.number: g.title for g in preview.strategic_goals} == {
        "1": "Psychisch welzijn",
        "2": "Zorg aan huis",
    }
    assert {code: (a.title, a.lead) for code, a in by_code(preview).items()} == {
        "1.1": ("Laagdrempelig aanspreekpunt in Halle", "CGG Vlaams-Brabant West"),
        "1.2": ("Vorming eerste hulp", "OCMW Halle"),
        "2.1": ("Ontslagmanagement tussen ziekenhuis en thuiszorg", "AZ Sint-Maria Halle"),
    }


LEVEL_WORDS = """Zorgraad Mechelen-Katelijne - Jaaractieplan 2026
Strategisch doel 1: Iedereen krijgt tijdig de juiste zorg
Doel 1.1: De toegang tot de huisarts verbetert
Werkpunt 1.1.1: Aanmeldpunt voor inwoners zonder vaste huisarts
Trekker: Huisartsenkring Mechelen
Initiatief 1.1.2: Taalondersteuning in de praktijk
Trekker: CAW Antwerpen
"""


def test_werkpunt_and_initiatief_before_a_code_are_actions(tmp_path):
    actions = by_code(read_plain(tmp_path, LEVEL_WORDS))
    assert {code: (a.title, a.lead) for code, a in actions.items()} == {
        "1.1.1": ("Aanmeldpunt voor inwoners zonder vaste huisarts", "Huisartsenkring Mechelen"),
        "1.1.2": ("Taalondersteuning in de praktijk", "CAW Antwerpen"),
    }


def test_initiatief_before_a_number_without_a_point_stays_text(tmp_path):
    # "Initiatief 2 van de gemeente" is a sentence's subject, as "Project 3" is.
    text = LEVEL_WORDS.replace(
        "Trekker: CAW Antwerpen", "Trekker: CAW Antwerpen\nInitiatief 2 van de stad loopt door."
    )
    actions = by_code(read_plain(tmp_path, text))
    assert sorted(actions) == ["1.1.1", "1.1.2"]


def test_ligatures_of_a_pdf_read_as_their_letters(tmp_path):
    text = LEVEL_WORDS.replace(
        "Taalondersteuning in de praktijk", "Proﬁel van de ﬁnanciële kwetsbaarheid"
    ).replace("CAW Antwerpen", "Zorgbedrijf Reﬂectie")
    action = by_code(read_plain(tmp_path, text))["1.1.2"]
    assert (action.title, action.lead) == (
        "Profiel van de financiële kwetsbaarheid",
        "Zorgbedrijf Reflectie",
    )


NARROW = """Prioriteit 1: Psychisch welzijn
Initiatief 1.1: Aanspreekpunt
Trekker: CGG Vlaams-Brabant West
Partners: CAW Halle-Vilvoorde, Huisartsenkring
Zennevallei
Initiatief 1.2: Vorming
Trekker: OCMW Halle
Partners: Vlaamse Vereniging voor Geestelijke
Gezondheid
Initiatief 1.3: Praatcafe
Trekker: OCMW Halle
Partners: Samana, OKRA
Vief
"""


def test_a_name_broken_in_a_narrow_column_is_one_partner(tmp_path):
    actions = by_code(read_plain(tmp_path, NARROW))
    assert actions["1.1"].partners == ["CAW Halle-Vilvoorde", "Huisartsenkring Zennevallei"]
    assert actions["1.2"].partners == ["Vlaamse Vereniging voor Geestelijke Gezondheid"]
    # A name on a line of its own after a whole name is a partner of its own.
    assert actions["1.3"].partners == ["Samana", "OKRA", "Vief"]


def test_a_header_on_two_rows_names_each_column(tmp_path):
    document = docx.Document()
    document.add_paragraph("Strategisch doel 1: Zorg dicht bij huis")
    document.add_paragraph("Operationeel doel 1.1: Elke inwoner heeft een huisarts")
    table = document.add_table(rows=2, cols=5)
    top = table.rows[0].cells
    top[0].text, top[1].text, top[4].text = "Code", "Actie", "Timing"
    top[2].merge(top[3]).text = "Wie?"
    bottom = table.rows[1].cells
    bottom[2].text, bottom[3].text = "Trekker", "Partners"
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    for row in (
        (
            "1.1.1",
            "Aanmeldpunt huisarts",
            "Huisartsenkring Voorkempen",
            "OCMW Brecht\nOCMW Malle",
            "Q1 2025",
        ),
        ("1.1.2", "Zitdag sociale rechten", "CAW Antwerpen", "Samana / OKRA", "doorlopend"),
    ):
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    actions = by_code(plan.read_plan(path, "testzone"))
    assert {code: (a.title, a.lead, a.partners, a.timing) for code, a in actions.items()} == {
        "1.1.1": (
            "Aanmeldpunt huisarts",
            "Huisartsenkring Voorkempen",
            ["OCMW Brecht", "OCMW Malle"],
            "Q1 2025",
        ),
        "1.1.2": ("Zitdag sociale rechten", "CAW Antwerpen", ["Samana", "OKRA"], "doorlopend"),
    }


def _workbook(tmp_path, goal_rows: bool):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, goal, code, action in (
        (
            "SD1 Toegang",
            "Strategische doelstelling 1: Iedereen heeft toegang tot zorg",
            "1.1.1",
            "Aanmeldpunt",
        ),
        (
            "SD2 Samenwerking",
            "Strategische doelstelling 2: Zorg en welzijn werken samen",
            "2.1.1",
            "Brugfiguren",
        ),
    ):
        sheet = book.create_sheet(title)
        sheet["A1"] = "ELZ Gent - Actieplan 2026"
        sheet.merge_cells("A1:F1")
        if goal_rows:
            sheet["A2"] = goal
        for column, value in zip(
            "ACDEF", ("Nr.", "Actie", "Trekker", "Partners", "Timing"), strict=True
        ):
            sheet[f"{column}4"] = value
        for column, value in zip(
            "ACDEF", (code, action, "Stad Gent", "OCMW Gent", "2026"), strict=True
        ):
            sheet[f"{column}5"] = value
    path = tmp_path / "plan.xlsx"
    book.save(str(path))
    return plan.read_plan(path, "testzone")


def test_a_sheet_that_heads_itself_keeps_its_goals_title(tmp_path):
    # The sheet's title "SD1 Toegang" is the goal's short name; its row says it in full.
    preview = _workbook(tmp_path, goal_rows=True)
    assert {g.number: g.title for g in preview.strategic_goals} == {
        "1": "Iedereen heeft toegang tot zorg",
        "2": "Zorg en welzijn werken samen",
    }


def test_a_title_row_on_every_sheet_is_no_part_of_the_sheets_goal(tmp_path):
    preview = _workbook(tmp_path, goal_rows=False)
    assert {g.number: g.title for g in preview.strategic_goals} == {
        "1": "Toegang",
        "2": "Samenwerking",
    }
    assert sorted(by_code(preview)) == ["1.1.1", "2.1.1"]


TITLE_PAGE = """Zorgraad Pajottenland
Jaarplan 2026
Bever • Lennik • Pepingen • Roosdaal
Speerpunt 1 - Iedereen vindt de weg
Actiepunt 1.1: Sociale kaart
Trekker: Samana
"""


def test_a_line_of_municipalities_alone_on_the_title_page_is_the_territory(tmp_path):
    for between in (" • ", " | ", ", ", " – "):
        preview = read_plain(tmp_path, TITLE_PAGE.replace(" • ", between))
        assert preview.municipalities == ["Bever", "Lennik", "Pepingen", "Roosdaal"], between


def test_a_sentence_on_the_territory_goes_before_a_line_of_places(tmp_path):
    # A stated territory wins; a line of places elsewhere (a map's legend) is no more of it.
    text = TITLE_PAGE.replace(
        "Jaarplan 2026\n",
        "Jaarplan 2026\nDe eerstelijnszone Pajottenland omvat Bever, Lennik en Pepingen.\n",
    ).replace("Bever • Lennik • Pepingen • Roosdaal", "Halle • Beersel • Dilbeek")
    assert read_plain(tmp_path, text).municipalities == ["Bever", "Lennik", "Pepingen"]


SHORT_NAME = """Jaarplan 2026 – ZoDi
ZoDi is de zorgraad van de eerstelijnszone. Onze zone omvat Bertem, Bierbeek en Herent.
Doel 1 Mantelzorgers worden ondersteund
Actiepunt 1: Mantelzorgpunt in elke gemeente
Trekker: ZoDi
Partners: de thuiszorgdiensten
Actiepunt 2: Respijtzorg met vrijwilligers
Trekker: Samana
Partners: ZoDi, Vief
"""


def test_a_zone_that_names_itself_by_its_short_name_only_is_the_zorgraad(tmp_path):
    # "ZoDi is de zorgraad …": never "ELZ ZoDi"; as lead or partner it is the zone's own.
    preview = read_plain(tmp_path, SHORT_NAME)
    actions = by_code(preview)
    assert actions["1"].lead_self and actions["1"].lead == "ZoDi"
    assert actions["2"].partners == ["Vief"]
    assert "ZoDi" not in preview.organisations
    assert preview.zone_name == "ELZ ZoDi"


def test_a_pronoun_before_is_de_zorgraad_names_no_zone(tmp_path):
    text = SHORT_NAME.replace("ZoDi is de zorgraad", "Dit is de zorgraad")
    preview = read_plain(tmp_path, text)
    assert preview.zone_name is None
    assert "ZoDi" in preview.organisations


FOUR_LEVELS = """ELZ Druivenstreek – Actieplan 2026
Werkdomein 1: Zorg
Strategisch doel 1.1: Iedereen heeft een huisarts
Subdoel 1.1.1: Wachtlijsten worden korter
Actie 1.1.1.1: Aanmeldpunt huisarts
Trekker: Huisartsenkring Druivenstreek
Partners: Gemeente Overijse
Werkdomein 2: Welzijn
Strategisch doel 2.1: Niemand valt uit de boot
Subdoel 2.1.1: Kwetsbare gezinnen vinden hulp
Actie 2.1.1.1: Zitdag sociale rechten
Trekker: CAW Oost-Brabant
"""


def test_a_plan_of_four_levels_keeps_its_strategic_goals_under_their_numbers(tmp_path):
    # Domain, strategic goal, sub-goal, action: "Strategisch doel 1.1" was left out unseen.
    preview = read_plain(tmp_path, FOUR_LEVELS)
    assert {g.number: g.title for g in preview.strategic_goals} == {
        "1.1": "Iedereen heeft een huisarts",
        "2.1": "Niemand valt uit de boot",
    }
    assert {g.number: g.parent for g in preview.operational_goals} == {
        "1.1.1": "1.1",
        "2.1.1": "2.1",
    }
    actions = by_code(preview)
    assert {code: (a.operational_goal, a.title) for code, a in actions.items()} == {
        "1.1.1.1": ("1.1.1", "Aanmeldpunt huisarts"),
        "2.1.1.1": ("2.1.1", "Zitdag sociale rechten"),
    }


def test_a_domains_heading_ends_the_fields_of_the_action_before_it(tmp_path):
    aanmeldpunt = by_code(read_plain(tmp_path, FOUR_LEVELS))["1.1.1.1"]
    assert aanmeldpunt.partners == ["Gemeente Overijse"]  # not "Welzijn" as well


def _partners(tmp_path, lead: str, partners: str) -> plan.ActionOut:
    text = f"SD 1: X\nActie 1.1.1: Test\nTrekker: {lead}\nPartners: {partners}\n"
    return read_plain(tmp_path, text).actions[0]


def test_an_ampersand_inside_a_known_name_keeps_it_one(tmp_path):
    # "Kind & Gezin" was two partners, "Kind" and "Gezin".
    assert _partners(tmp_path, "Samana", "Kind & Gezin, OKRA").partners == ["Kind & Gezin", "OKRA"]
    assert _partners(tmp_path, "Samana", "OKRA & Vief").partners == ["OKRA", "Vief"]
    # A known name after " en " is a partner of its own, not the end of the name before.
    both = _partners(tmp_path, "Samana", "OKRA en Kind en Gezin")
    assert both.partners == ["OKRA", "Kind en Gezin"]


def test_two_persons_before_their_bodys_brackets_are_that_body(tmp_path):
    action = _partners(tmp_path, "Els Claes en Jan Peeters (CAW Oost-Brabant)", "Samana")
    assert action.lead == "CAW Oost-Brabant"
    action = _partners(tmp_path, "Samana", "Huisartsenkring Dender en Jan Peeters (OKRA)")
    assert action.partners == ["Huisartsenkring Dender", "OKRA"]


def test_a_sheets_header_on_two_rows_names_each_column(tmp_path):
    # "Wie?" merged over two columns, "Trekker" and "Partners" in the row under it: the
    # partners' column had no header, and its names were lost.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "ELZ Gent - Actieplan 2026"
    for column, value in zip("ABCE", ("Nr.", "Actie", "Wie?", "Timing"), strict=True):
        sheet[f"{column}3"] = value
    sheet.merge_cells("C3:D3")
    sheet["C4"], sheet["D4"] = "Trekker", "Partners"
    for column, value in zip(
        "ABCDE", ("1.1.1", "Aanmeldpunt", "Stad Gent", "OCMW Gent, Samana", "Q2 2026"), strict=True
    ):
        sheet[f"{column}5"] = value
    path = tmp_path / "plan.xlsx"
    book.save(str(path))
    action = by_code(plan.read_plan(path, "testzone"))["1.1.1"]
    assert (action.lead, action.partners, action.timing) == (
        "Stad Gent",
        ["OCMW Gent", "Samana"],
        "Q2 2026",
    )


def test_the_preview_shows_actions_right_under_a_strategic_goal(tmp_path):
    # Two levels: the terminal's overview listed the goals without their actions.
    text = "Doel 1 Mantelzorgers worden ondersteund\nActiepunt 1: Mantelzorgpunt\nTrekker: Samana\n"
    text += "Partners: OKRA\nDoel 2 Iedereen kent de weg\nActiepunt 2: Wegwijzer\nTrekker: Vief\n"
    table = read_plain(tmp_path, text).to_table()
    sd1, sd2 = table.index("SD 1"), table.index("SD 2")
    assert sd1 < table.index("Mantelzorgpunt") < table.index("trekker: Samana") < sd2
    assert "met wie: OKRA" in table[sd1:sd2]
    assert sd2 < table.index("Wegwijzer") < table.index("trekker: Vief")


def test_bullets_of_words_symbol_font_are_bullets(tmp_path):
    # A PDF's text of a Word document gives Symbol's bullet as U+F0B7, Wingdings' square as
    # U+F0A7: the fields after them were read as the action's title.
    text = "SD 1: Zorg\nActie 1.1.1: Aanmeldpunt\n\uf0b7 Trekker: Stad Halle\n"
    text += "\uf0b7 Partners: OCMW Halle\n\uf0a7\tTiming: Q2 2026\n"
    action = read_plain(tmp_path, text).actions[0]
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Aanmeldpunt",
        "Stad Halle",
        ["OCMW Halle"],
        "Q2 2026",
    )


def test_ap_and_wp_before_a_code_are_actions(tmp_path):
    # "AP 1.1.1" (actiepunt) and "WP 1.1.2" (werkpunt) were actions without a code, the
    # short form in their title.
    text = "SD 1: Zorg\nOD 1.1: Huisarts\nAP 1.1.1: Aanmeldpunt\nTrekker: Samana\n"
    text += "WP 1.1.2 - Vervoer\nTrekker: AP Hogeschool\n"
    actions = by_code(read_plain(tmp_path, text))
    assert {code: (a.title, a.lead) for code, a in actions.items()} == {
        "1.1.1": ("Aanmeldpunt", "Samana"),
        "1.1.2": ("Vervoer", "AP Hogeschool"),  # a name that opens with "AP" stays one
    }


def test_other_marks_between_an_actions_code_and_its_title(tmp_path):
    # "Actie 1.1.1 | X" (a slide's title), "Actie 1.1.2) X", "Actie nr. 1.1.3: X": the mark
    # was kept in the title, and "nr." left the action without its code.
    text = "SD 1: Zorg\nOD 1.1: Huisarts\nActie 1.1.1 | Aanmeldpunt\nTrekker: Samana\n"
    text += "Actie 1.1.2) Vervoer\nTrekker: OKRA\nActie nr. 1.1.3: Taal\nTrekker: Vief\n"
    actions = by_code(read_plain(tmp_path, text))
    assert {code: (a.title, a.lead) for code, a in actions.items()} == {
        "1.1.1": ("Aanmeldpunt", "Samana"),
        "1.1.2": ("Vervoer", "OKRA"),
        "1.1.3": ("Taal", "Vief"),
    }


def test_a_title_row_across_a_word_table_is_read_above_it(tmp_path):
    # One cell across the table over its header: the goal it names was left out.
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    title = table.rows[0].cells[0].merge(table.rows[0].cells[2])
    title.text = "Strategische doelstelling 1: Zorg dicht bij huis"
    for cell, value in zip(table.rows[1].cells, ("Actie", "Trekker", "Partners"), strict=True):
        cell.text = value
    for cell, value in zip(
        table.add_row().cells,
        ("1.1.1 Aanmeldpunt", "Huisartsenkring Voorkempen", "Samana"),
        strict=True,
    ):
        cell.text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    preview = plan.read_plan(path, "testzone")
    assert {g.number: g.title for g in preview.strategic_goals} == {"1": "Zorg dicht bij huis"}
    aanmeldpunt = by_code(preview)["1.1.1"]
    assert (aanmeldpunt.lead, aanmeldpunt.partners) == ("Huisartsenkring Voorkempen", ["Samana"])


def test_a_pdf_tables_title_row_and_header_on_two_rows(tmp_path):
    # A ruled table: a title row across it, "Wie?" over "Trekker" | "Partners". The goal
    # was joined to the header's cells and no action was read.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    with pdf.table(col_widths=(20, 50, 50, 45, 25)) as table:
        table.row().cell("Strategische doelstelling 1: Zorg dicht bij huis", colspan=5)
        top = table.row()
        for value, span in (("Code", 1), ("Actie", 1), ("Wie?", 2), ("Timing", 1)):
            top.cell(value, colspan=span)
        below = table.row()
        for value in ("", "", "Trekker", "Partners", ""):
            below.cell(value)
        row = table.row()
        for value in (
            "1.1.1",
            "Aanmeldpunt",
            "Huisartsenkring Voorkempen",
            "OCMW Brecht",
            "Q1 2026",
        ):
            row.cell(value)
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    assert {g.number: g.title for g in preview.strategic_goals} == {"1": "Zorg dicht bij huis"}
    action = by_code(preview)["1.1.1"]
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Aanmeldpunt",
        "Huisartsenkring Voorkempen",
        ["OCMW Brecht"],
        "Q1 2026",
    )


def test_common_flemish_given_names_make_a_person(tmp_path):
    # "Piet Claes" led the action: "Piet" was no given name the reader knew.
    action = _partners(tmp_path, "An Janssens en Piet Claes (Samana)", "Staf Peeters (OKRA)")
    assert (action.lead, action.partners) == ("Samana", ["OKRA"])


def _pdf_table(tmp_path, rows: list[tuple[str, ...]]) -> plan.PlanPreview:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 8, "SD 1: Zorg dicht bij huis", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(20, 50, 50, 50)) as table:
        for values in [("Code", "Actie", "Trekker", "Partners"), *rows]:
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))
    return plan.read_plan(path, "testzone")


def test_names_on_lines_of_their_own_in_a_pdf_tables_cell_are_apart(tmp_path):
    # "OCMW Leuven" / "CM Leuven" in one cell was one partner "OCMW Leuven CM Leuven".
    preview = _pdf_table(
        tmp_path,
        [
            ("AP 1.1.1", "Aanmeldpunt", "Huisartsenkring\nLeuven", "OCMW Leuven\nCM Leuven"),
            ("AP 1.1.2", "Onthaal", "An Janssens\n(Samana)", "Wit-Gele Kruis Vlaams-\nBrabant"),
        ],
    )
    actions = by_code(preview)
    assert {code: (a.lead, a.partners) for code, a in actions.items()} == {
        "1.1.1": ("Huisartsenkring Leuven", ["OCMW Leuven", "CM Leuven"]),
        "1.1.2": ("Samana", ["Wit-Gele Kruis Vlaams-Brabant"]),
    }


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_word_list_numbered_1_1_1_by_its_list_style_keeps_its_numbers(tmp_path):
    # Goals and actions as items of a multilevel list ("%1.%2.%3"), no heading style: the
    # numbers live in the numbering part only, and the items were read as bullets.
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for k, text in enumerate(("Doelstelling %1:", "%1.%2", "%1.%2.%3"))
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W} w:abstractNumId="90">{levels}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def item(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text, style="List Paragraph")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    item("Zorg dicht bij huis", 0)
    item("Elke inwoner heeft een huisarts", 1)
    item("Aanmeldpunt huisarts", 2)
    document.add_paragraph("Trekker: Huisartsenkring Voorkempen")
    item("Onthaal nieuwe artsen", 2)
    document.add_paragraph("Trekker: Gemeente Malle")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    preview = plan.read_plan(path, "testzone")
    assert {g.number: g.title for g in preview.operational_goals} == {
        "1.1": "Elke inwoner heeft een huisarts"
    }
    assert {code: (a.title, a.lead) for code, a in by_code(preview).items()} == {
        "1.1.1": ("Aanmeldpunt huisarts", "Huisartsenkring Voorkempen"),
        "1.1.2": ("Onthaal nieuwe artsen", "Gemeente Malle"),
    }


def test_a_title_and_a_surname_are_a_person(tmp_path):
    # "Mevr. Claes (Samana)" made a partner "Mevr. Claes": a person's name as an organisation.
    action = _partners(tmp_path, "dr. Janssens (Huisartsenkring Leuven)", "Mevr. Claes (Samana)")
    assert (action.lead, action.partners) == ("Huisartsenkring Leuven", ["Samana"])
    # A title before a place or a known name is no person's: no name is lost so.
    assert _partners(tmp_path, "Samana", "Prof. Samana").partners == ["Prof. Samana"]


def test_an_organisation_before_its_contact_person_takes_part(tmp_path):
    # "Samana: Els Claes, OKRA: Jan Janssens" named no partner at all.
    action = _partners(tmp_path, "Stad Leuven", "Samana: Els Claes, OKRA: Jan Janssens")
    assert action.partners == ["Samana", "OKRA"]
    # A group's word before a colon stays a label: the names after it take part.
    assert _partners(tmp_path, "Stad Leuven", "Ziekenfondsen: CM, Solidaris").partners == [
        "CM",
        "Solidaris",
    ]


def test_the_zones_coordinator_in_one_word_is_the_zorgraad(tmp_path):
    action = _partners(tmp_path, "ELZ-coördinator", "Samana")
    assert action.lead_self and action.lead == "ELZ-coördinator"
    assert (
        "ELZ-coördinator"
        not in read_plain(
            tmp_path, "SD 1: X\nActie 1.1.1: T\nTrekker: zorgraadcoördinator\n"
        ).organisations
    )


def test_a_department_after_a_dash_is_part_of_the_body_before_it(tmp_path):
    # "Stad Genk – Dienst Welzijn" made "Dienst Welzijn" a co-lead; "OCMW Bree – Sociaal
    # Huis" a partner of that whole name.
    action = _partners(tmp_path, "Stad Genk – Dienst Welzijn", "OCMW Bree – Sociaal Huis, OKRA")
    assert (action.lead, action.co_leads, action.partners) == (
        "Stad Genk",
        [],
        ["OCMW Bree", "OKRA"],
    )
    # A service with a place of its own is another body's ("Dienst Welzijn Genk").
    other = _partners(tmp_path, "Samana", "Samana – Dienst Welzijn Genk")
    assert other.partners == ["Samana", "Dienst Welzijn Genk"]


_BOX_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def test_a_text_box_of_a_word_cover_page_is_read_once(tmp_path):
    # The cover's text box named the zone and the plan; its text was left out. Word writes
    # a box twice, as a drawing and as VML for other programs: read once.
    from docx.oxml import parse_xml

    texts = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ("Eerstelijnszone Druivenstreek", "Jaaractieplan 2026")
    )
    run = (
        f"<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp>"
        f"<wps:txbx><w:txbxContent>{texts}</w:txbxContent></wps:txbx></wps:wsp></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{texts}"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    document.add_paragraph()._p.append(parse_xml(run))
    for line in (
        "Strategische doelstelling 1: Zorg",
        "Actie 1.1.1: Aanmeldpunt",
        "Trekker: Samana",
    ):
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    preview = plan.read_plan(path, "testzone")
    assert preview.zone_name == "ELZ Druivenstreek"
    assert preview.title == "Jaaractieplan 2026 – ELZ Druivenstreek"
    assert list(read_lines(path)).count("Jaaractieplan 2026") == 1


def test_names_on_lines_of_their_own_in_a_spreadsheets_cell_are_apart(tmp_path):
    # Alt+Enter between partners in one cell: "OCMW Gent Samana CM Midden-Vlaanderen" was
    # one partner, "Wit-Gele Kruis Oost-" / "Vlaanderen" kept a space inside the name.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Actie", "Trekker", "Partners", "Timing"])
    sheet.append(
        ["1.1.1", "Aanmeldpunt", "Stad Gent", "OCMW Gent\nSamana\nCM Midden-Vlaanderen", "2026"]
    )
    sheet.append(
        [
            "1.1.2",
            "Vorming eerste hulp bij\npsychische problemen",
            "Huisartsenvereniging\nGent",
            "Wit-Gele Kruis Oost-\nVlaanderen",
            "2026",
        ]
    )
    path = tmp_path / "plan.xlsx"
    book.save(str(path))
    expected = {
        "1.1.1": ("Aanmeldpunt", "Stad Gent", ["OCMW Gent", "Samana", "CM Midden-Vlaanderen"]),
        "1.1.2": (
            "Vorming eerste hulp bij psychische problemen",
            "Huisartsenvereniging Gent",
            ["Wit-Gele Kruis Oost-Vlaanderen"],
        ),
    }
    actions = by_code(plan.read_plan(path, "testzone"))
    assert {code: (a.title, a.lead, a.partners) for code, a in actions.items()} == expected
    # The same saved as CSV, the cells quoted over lines.
    csv_path = tmp_path / "plan.csv"
    rows = [[str(c.value) for c in row] for row in sheet.iter_rows()]
    csv_path.write_text(
        "\n".join(";".join(f'"{cell}"' for cell in row) for row in rows) + "\n", encoding="utf-8"
    )
    actions = by_code(plan.read_plan(csv_path, "testzone"))
    assert {code: (a.title, a.lead, a.partners) for code, a in actions.items()} == expected


def test_stakeholders_and_a_combined_label_name_the_partners(tmp_path):
    # "Stakeholders:", "Partners/stakeholders:" and "Trekker en partners:" were no labels:
    # their names were lost.
    def read(fields: str) -> plan.ActionOut:
        return read_plain(tmp_path, f"SD 1: X\nActie 1.1.1: Test\n{fields}\n").actions[0]

    assert read("Trekker: Samana\nStakeholders: OKRA, Vief").partners == ["OKRA", "Vief"]
    assert read("Trekker: Samana\nPartners/stakeholders: OKRA").partners == ["OKRA"]
    both = read("Trekker en partners: Samana (trekker), OKRA, Vief")
    assert (both.lead, both.partners) == ("Samana", ["OKRA", "Vief"])
    # The template's topics are none of them.
    assert read("Trekker: Samana\nStakeholders betrokken in de diverse topics: OKRA").partners == []


def test_a_page_in_three_columns_is_read_column_after_column(tmp_path):
    columns = [
        ["Prioriteit 1: Zorg", "Initiatief 1.1: Aanmeldpunt", "Trekker: Stad Halle"],
        ["Prioriteit 2: Welzijn", "Initiatief 2.1: Buurtwerk", "Trekker: OCMW Halle"],
        ["Prioriteit 3: Wonen", "Initiatief 3.1: Woonzorg", "Trekker: Gemeente Beersel"],
    ]
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for x, column in zip((15, 80, 145), columns, strict=True):
        for k, line in enumerate(column):
            pdf.set_xy(x, 25 + 5 * k)
            pdf.cell(60, 5, line)
    path = tmp_path / "kolommen.pdf"
    pdf.output(str(path))
    actions = by_code(plan.read_plan(path, "testzone"))
    assert {code: (a.title, a.lead) for code, a in actions.items()} == {
        "1.1": ("Aanmeldpunt", "Stad Halle"),
        "2.1": ("Buurtwerk", "OCMW Halle"),
        "3.1": ("Woonzorg", "Gemeente Beersel"),
    }
