"""Plans of zones the reader had not seen, eleventh round: codes that spell out their path
("SD1-OD2-A3"), titles over a paragraph, goals in the text and actions in an annex table,
action tables in Word split over pages."""

from __future__ import annotations

import docx
from extracted import by_code, read_plain
from fpdf import FPDF

from graphmap.ingest import plan

PATH_CODES = """Zorgraad Noord-Hageland – Actieplan 2026
SD1 Iedereen vindt tijdig de juiste hulp
SD1-OD1 Eenzaamheid bij ouderen wordt sneller opgemerkt
Actie SD1-OD1-A1: Vorming signaalherkenning
Trekker: Familiehulp
Actie SD1-OD1-A2: Buurtbabbels
Trekker: Samana
SD1-OD2 Psychische kwetsbaarheid wordt sneller opgemerkt
SD1/OD2/A1 Aanspreekpunt geestelijke gezondheid
Trekker: CGG Vlaams-Brabant Oost
SD2 Zorgverleners werken samen
SD2-OD1.1 Ontslag uit het ziekenhuis verloopt vlot
Actie SD2-OD1.1-A1.1.1: Ontslagbrief naar huisarts en apotheker
Trekker: AZ Diest
"""


def test_a_code_that_spells_out_its_path_places_the_goal_and_the_action(tmp_path):
    preview = read_plain(tmp_path, PATH_CODES)
    assert {g.number: g.title for g in preview.operational_goals} == {
        "1.1": "Eenzaamheid bij ouderen wordt sneller opgemerkt",
        "1.2": "Psychische kwetsbaarheid wordt sneller opgemerkt",
        "2.1": "Ontslag uit het ziekenhuis verloopt vlot",
    }
    actions = by_code(preview)
    assert {code: (a.title, a.lead, a.operational_goal) for code, a in actions.items()} == {
        "1.1.1": ("Vorming signaalherkenning", "Familiehulp", "1.1"),
        "1.1.2": ("Buurtbabbels", "Samana", "1.1"),
        "1.2.1": ("Aanspreekpunt geestelijke gezondheid", "CGG Vlaams-Brabant Oost", "1.2"),
        "2.1.1": ("Ontslagbrief naar huisarts en apotheker", "AZ Diest", "2.1"),
    }


def test_words_that_only_look_like_a_path_code_stay_text(tmp_path):
    # "SD1-OD1" needs both levels; "SDG-doelen", "SD-kaart 1" and an OD alone are no path.
    text = PATH_CODES.replace(
        "Trekker: Samana", "Trekker: Samana\nPartners: SDG-team, SD-kaart 1, OD1-team"
    )
    buurt = by_code(read_plain(tmp_path, text))["1.1.2"]
    assert buurt.title == "Buurtbabbels"
    assert len(read_plain(tmp_path, text).actions) == 4


# As a PDF's text gives it: the title's line, then the paragraph under it, wrapped at the
# page's width, no blank line between.
PARAGRAPH_UNDER_TITLE = """Strategische doelstelling 1: Iedereen vindt tijdig de juiste hulp
Operationele doelstelling 1.1: Eenzaamheid wordt sneller opgemerkt
Actie 1.1.1: Vorming signaalherkenning voor thuiszorgmedewerkers
De huisartsenkring neemt het voortouw, samen met Familiehulp en het Wit-Gele Kruis
Vlaams-Brabant.
Timing: maart – juni 2026
Actie 1.1.2: Een titel die zo lang is dat de opmaak van het document hem over twee
regels breekt, met de rest van de zin
Trekker: Samana
Actie 1.1.3: Een aanspreekpunt geestelijke gezondheid in het Centrum Geestelijke
Gezondheidszorg Vlaams-Brabant Oost
Trekker: CGG Vlaams-Brabant Oost
"""


def test_a_paragraph_under_a_short_title_is_no_part_of_it(tmp_path):
    actions = by_code(read_plain(tmp_path, PARAGRAPH_UNDER_TITLE))
    vorming = actions["1.1.1"]
    assert vorming.title == "Vorming signaalherkenning voor thuiszorgmedewerkers"
    assert vorming.partners == ["Familiehulp", "Wit-Gele Kruis Vlaams-Brabant"]
    # A title wrapped at the page's width goes on, in lower case or with a capital.
    assert actions["1.1.2"].title == (
        "Een titel die zo lang is dat de opmaak van het document hem over twee regels breekt, "
        "met de rest van de zin"
    )
    assert actions["1.1.3"].title == (
        "Een aanspreekpunt geestelijke gezondheid in het Centrum Geestelijke "
        "Gezondheidszorg Vlaams-Brabant Oost"
    )


def _docx(tmp_path, build) -> plan.PlanPreview:
    document = docx.Document()
    build(document)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return plan.read_plan(path, "testzone")


def _table(document, header, rows):
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _goals_in_text_actions_in_an_annex(document):
    document.add_paragraph("ELZ Regio Aalst – Meerjarenplan 2026-2027")
    document.add_paragraph("1. Situering")
    document.add_paragraph("ELZ Regio Aalst bestaat uit Aalst, Erpe-Mere, Lede en Haaltert.")
    document.add_paragraph("2. Doelstellingen")
    document.add_paragraph("SD I. Kwetsbare inwoners worden bereikt")
    document.add_paragraph("OD I.1 Armoede wordt vroeger gedetecteerd")
    document.add_paragraph("SD II. Een sterk netwerk van partners")
    document.add_paragraph("OD II.1 Alle partners kennen elkaars aanbod")
    document.add_paragraph("De acties bij deze doelstellingen staan in bijlage 1.")
    document.add_paragraph("3. Opvolging en evaluatie")
    document.add_paragraph("Jaarlijks evalueert de zorgraad de acties.")
    document.add_paragraph("Bijlage 1: Actietabel")
    _table(
        document,
        ["Doelstelling", "Actie", "Trekker", "Partners", "Timing"],
        [
            ["OD I.1", "Signaalkaart armoede", "OCMW Aalst", "Samana", "2026"],
            ["OD II.1", "Partnerdag eerstelijn", "Logo Dender", "VAPH, Opgroeien", "2027"],
        ],
    )


def test_actions_in_an_annex_table_go_under_the_goals_its_roman_numerals_name(tmp_path):
    preview = _docx(tmp_path, _goals_in_text_actions_in_an_annex)
    assert {g.number: g.title for g in preview.operational_goals} == {
        "1.1": "Armoede wordt vroeger gedetecteerd",
        "2.1": "Alle partners kennen elkaars aanbod",  # the paragraph under it is none of it
    }
    assert {a.title: (a.operational_goal, a.lead) for a in preview.actions} == {
        "Signaalkaart armoede": ("1.1", "OCMW Aalst"),
        "Partnerdag eerstelijn": ("2.1", "Logo Dender"),
    }  # and "3. Opvolging en evaluatie" after the goals is no action


def test_a_word_paragraph_under_a_title_is_no_part_of_it_though_a_line_break_is(tmp_path):
    def build(document):
        document.add_paragraph("Strategische doelstelling 1: Zorg dichtbij huis")
        document.add_paragraph("Operationele doelstelling 1.1: Thuiszorg is afgestemd")
        document.add_paragraph("Dit is nodig omdat de zorgvraag stijgt.")
        document.add_paragraph("Actie 1.1.1: Casusoverleg thuiszorg")
        document.add_paragraph("Een overleg per maand.")
        document.add_paragraph("Trekker: Familiehulp")
        heading = document.add_paragraph("Actie 1.1.2: Wondzorg met het Wit-Gele Kruis")
        heading.add_run().add_break()
        heading.add_run("Vlaams-Brabant")
        document.add_paragraph("Trekker: Huisartsenkring Noordrand")

    preview = _docx(tmp_path, build)
    assert preview.operational_goals[0].title == "Thuiszorg is afgestemd"
    assert [a.title for a in preview.actions] == [
        "Casusoverleg thuiszorg",
        "Wondzorg met het Wit-Gele Kruis Vlaams-Brabant",
    ]


SHORT_FORMS = """ELZ Noord-Hageland – Actieplan 2026
In dit plan gebruiken we Welzijnsschakels (WS), Huisartsenkring Noord-Hageland (HKNH) en
Logo Dender (Logo). Het Centrum Algemeen Welzijnswerk (CAW) en het Wit-Gele Kruis Limburg
(WGK) en Wit-Gele Kruis Antwerpen (WGK) werken mee, net als Sint-Truiden (ST).
Strategische doelstelling 1: Iedereen vindt de juiste hulp
Operationele doelstelling 1.1: Eenzaamheid wordt opgemerkt
Actie 1.1.1: Buurtbabbels
Betrokken actoren:
• WS (trekker)
• OCMW Tremelo
• Logo
Actie 1.1.2: Vorming voor huisartsen
Trekker: HKNH
Partners: CAW, WGK, WS
"""


def test_a_short_form_the_plan_explains_once_is_the_organisation_it_stands_for(tmp_path):
    actions = by_code(read_plain(tmp_path, SHORT_FORMS))
    babbels = actions["1.1.1"]
    assert (babbels.lead, babbels.partners) == ("Welzijnsschakels", ["OCMW Tremelo", "Logo Dender"])
    vorming = actions["1.1.2"]
    assert vorming.lead == "Huisartsenkring Noord-Hageland"
    # "CAW" alone stays the region's CAW (its kind spelled out names no one), "WGK" names two.
    assert vorming.partners == ["CAW", "WGK", "Welzijnsschakels"]


ONE_LEVEL = """ELZ West-Limburg
Jaarplan 2026

Doelstelling: Elke inwoner heeft toegang tot een huisarts
• Wachtlijst in kaart brengen – trekker: HAK West-Limburg; partners: OCMW Beringen, CM Limburg
• Onthaalmoment nieuwe huisartsen – trekker: Gemeente Leopoldsburg; partners: HAK West-Limburg

Doelstelling: Mantelzorgers voelen zich gesteund
• Respijtaanbod bekendmaken – trekker: Liever Thuis LM; partners: Solidaris, Helan

Opvolging
De stuurgroep volgt dit plan op.
"""


def test_goals_named_by_a_label_over_a_list_of_actions_with_their_fields(tmp_path):
    preview = read_plain(tmp_path, ONE_LEVEL)
    assert [g.title for g in preview.strategic_goals] == [
        "Elke inwoner heeft toegang tot een huisarts",
        "Mantelzorgers voelen zich gesteund",
    ]
    assert {a.title: (a.operational_goal, a.lead, a.partners) for a in preview.actions} == {
        "Wachtlijst in kaart brengen": ("1", "HAK West-Limburg", ["OCMW Beringen", "CM Limburg"]),
        "Onthaalmoment nieuwe huisartsen": ("1", "Gemeente Leopoldsburg", ["HAK West-Limburg"]),
        # "Opvolging" after a blank line is the text's heading, no partner
        "Respijtaanbod bekendmaken": ("2", "Liever Thuis LM", ["Solidaris", "Helan"]),
    }


def test_a_list_under_a_numbered_strategic_goal_without_operational_goals_is_its_actions(
    tmp_path,
):
    text = ONE_LEVEL.replace("Doelstelling: Elke", "SD 1: Elke").replace(
        "Doelstelling: Mantel", "SD 2: Mantel"
    )
    preview = read_plain(tmp_path, text)
    assert [g.title for g in preview.strategic_goals][0] == (
        "Elke inwoner heeft toegang tot een huisarts"  # the list's first item is none of it
    )
    assert [a.operational_goal for a in preview.actions] == ["1", "1", "2"]


def test_a_list_under_a_strategic_goal_with_operational_goals_is_its_description(tmp_path):
    text = """SD 1: Elke inwoner heeft een huisarts
• Vandaag heeft 12% van de inwoners geen vaste huisarts.
OD 1.1: Inwoners zonder huisarts worden toegeleid
Actie 1.1.1: Aanmeldpunt
Trekker: Huisartsenkring West-Limburg
"""
    preview = read_plain(tmp_path, text)
    assert [(a.code, a.title) for a in preview.actions] == [("1.1.1", "Aanmeldpunt")]


def test_an_aim_under_an_actions_heading_is_no_goal(tmp_path):
    # "Doel: X" is an action fiche's aim where the plan has headings; and a label without
    # a list under it names no goal.
    text = """Actie 1: Buurtbabbels
Doel: Eenzaamheid bij ouderen opmerken
• Vijf babbels per jaar
Trekker: Samana
"""
    preview = read_plain(tmp_path, text)
    assert preview.strategic_goals == []
    assert [a.title for a in preview.actions] == ["Buurtbabbels"]
    text = "ELZ West-Limburg\nDoel: Iedereen een huisarts\nDe zorgraad werkt hieraan.\n"
    assert read_plain(tmp_path, text).strategic_goals == []


def test_a_table_split_over_two_pages_under_its_caption_said_again(tmp_path):
    header = ["Wat", "Wie (trekker)", "Met wie", "Wanneer", "Indicator"]

    def build(document):
        document.add_paragraph("Acties per doelstelling")
        document.add_paragraph("SD 1 – Elke inwoner vindt de weg naar de eerste lijn")
        document.add_paragraph("OD 1.1 – Inwoners zonder huisarts worden toegeleid")
        _table(
            document,
            header,
            [["1.1.1 Aanmeldpunt", "Huisartsenkring Westhoek", "CAW Westhoek", "2026", "Aantal"]],
        )
        document.add_paragraph("Acties per doelstelling (vervolg)")
        _table(
            document,
            header,
            [["1.1.2 Infomoment", "OCMW Poperinge", "Samana", "2026", "2 infomomenten"]],
        )
        document.add_paragraph("Opvolging - vervolg van het vorige plan")

    actions = by_code(_docx(tmp_path, build))
    assert actions["1.1.1"].indicators == ["Aantal"]
    assert actions["1.1.2"].indicators == ["2 infomomenten"]


def test_actions_lettered_under_their_goal(tmp_path):
    text = """Strategische doelstelling 1: Zorg dichtbij huis
Operationele doelstelling 1.1: Thuiszorg is afgestemd
Actie a) Casusoverleg thuiszorg
Trekker: Familiehulp
Actie b: Gedeeld zorgplan
Trekker: Huisartsenkring Noordrand
Operationele doelstelling 1.2: Ouderen zijn in beeld
Actie a) Huisbezoeken n.a.v. een signaal
Trekker: OCMW Vilvoorde
Actie n.a.v. de evaluatie: Opvolgbezoeken
Trekker: Samana
"""
    actions = by_code(read_plain(tmp_path, text))
    assert {code: a.title for code, a in actions.items()} == {
        "1.1.1": "Casusoverleg thuiszorg",
        "1.1.2": "Gedeeld zorgplan",
        "1.2.1": "Huisbezoeken n.a.v. een signaal",
        "1.2-a": "Actie n.a.v. de evaluatie: Opvolgbezoeken",  # no letter "n"
    }


def test_a_letter_before_an_actions_title_in_a_table_is_no_part_of_it(tmp_path):
    def build(document):
        document.add_paragraph("Strategische doelstelling 1: Zorg dichtbij huis")
        document.add_paragraph("Operationele doelstelling 1.1: Thuiszorg is afgestemd")
        _table(
            document,
            ["Actie", "Trekker", "Partners", "2025", "2026", "Status"],
            [
                ["a) Casusoverleg thuiszorg", "Familiehulp", "i-mens", "x", "x", "lopend"],
                [
                    "b) Gedeeld zorgplan testen",
                    "Huisartsenkring Noordrand",
                    "",
                    "x",
                    "",
                    "afgerond",
                ],
            ],
        )

    preview = _docx(tmp_path, build)
    assert [(a.title, a.lead) for a in preview.actions] == [
        ("Casusoverleg thuiszorg", "Familiehulp"),
        ("Gedeeld zorgplan testen", "Huisartsenkring Noordrand"),
    ]


def test_co_leads_lead_together_where_no_one_else_leads(tmp_path):
    text = """Strategische doelstelling 1: Zorgverleners werken samen
Operationele doelstelling 1.1: Ontslag verloopt vlot
Actie 1.1.1: Overleg thuiszorg en ziekenhuis
Co-trekkers: Familiehulp en i-mens
Partners: AZ Diest
Actie 1.1.2: Ontslagbrief
Trekker: AZ Diest
Co-trekker: Huisartsenkring Hageland
Partners: Apothekersvereniging Hageland
"""
    actions = by_code(read_plain(tmp_path, text))
    overleg = actions["1.1.1"]
    assert (overleg.lead, overleg.co_leads, overleg.partners) == (
        "Familiehulp",
        ["i-mens"],
        ["AZ Diest"],
    )
    brief = actions["1.1.2"]  # beside a lead, a co-lead leads with it (session 38)
    assert (brief.lead, brief.co_leads) == ("AZ Diest", ["Huisartsenkring Hageland"])
    assert brief.partners == ["Apothekersvereniging Hageland"]


def test_who_supports_the_lead_takes_part(tmp_path):
    text = """Strategische doelstelling 1: Dementie
Operationele doelstelling 1.1: Dementievriendelijke gemeenten
Actie 1.1.1: Infoavond
Trekker: Het OCMW Tienen neemt het voortouw, ondersteund door Familiehulp, Samana en het
Expertisecentrum Dementie Vlaanderen.
Actie 1.1.2: Vorming
Het OCMW Tienen neemt het voortouw, bijgestaan door Familiehulp.
Actie 1.1.3: Wandeling
Trekker: Samana, ondersteund door de Vlaamse overheid
"""
    actions = by_code(read_plain(tmp_path, text))
    assert {code: (a.lead, a.co_leads, a.partners) for code, a in actions.items()} == {
        "1.1.1": (
            "OCMW Tienen",
            [],
            ["Familiehulp", "Samana", "Expertisecentrum Dementie Vlaanderen"],
        ),
        "1.1.2": ("OCMW Tienen", [], ["Familiehulp"]),
        "1.1.3": ("Samana", [], ["Vlaamse overheid"]),
    }


TWO_YEARS = """ELZ Oostkust – Actieplan 2025-2026
Strategische doelstelling 1: Preventie
Operationele doelstelling 1.1: Valpreventie
Werkjaar 2025
Actie 1.1.1: Valpreventiebeurs
Trekker: Logo Brugge-Oostende
Partners: Gemeente Knokke-Heist, Samana
Status: afgerond
Actie 1.1.2: Beweegaanbod
Trekker: Gemeente De Haan
Werkjaar 2026
Actie 1.1.1: Valpreventiebeurs
Trekker: Logo Brugge-Oostende
Partners: Gemeente Blankenberge, Samana
Status: lopend
"""


def test_the_same_action_under_each_year_of_a_plan_is_one_action_of_both_years(tmp_path):
    preview = read_plain(tmp_path, TWO_YEARS)
    assert preview.operational_goals[0].title == "Valpreventie"  # the year is no part of it
    actions = by_code(preview)
    beurs = actions["1.1.1"]
    assert (beurs.lead, beurs.timing) == ("Logo Brugge-Oostende", "2025, 2026")
    assert beurs.partners == ["Gemeente Knokke-Heist", "Samana", "Gemeente Blankenberge"]
    assert actions["1.1.2"].timing == "2025"


def test_an_action_printed_again_in_its_detail_still_takes_the_details_fields(tmp_path):
    # Without a year between them, the second printing is the detail of a summary: its
    # partners replace the summary's (as before).
    text = TWO_YEARS.replace("Werkjaar 2026\n", "").replace("Werkjaar 2025\n", "")
    beurs = by_code(read_plain(tmp_path, text))["1.1.1"]
    assert beurs.partners == ["Gemeente Blankenberge", "Samana"]


def test_who_works_along_in_brackets_takes_part(tmp_path):
    text = """Strategische doelstelling 1: Toegankelijke zorg
Operationele doelstelling 1.1: Huisarts voor iedereen
Actie 1.1.1: Infoavond
Trekker: Samana (i.s.m. OKRA)
Partners: Vief
Actie 1.1.2: Vorming
Trekker: Familiehulp
Partners: CAW Westhoek (in samenwerking met Logo Westhoek), huisartsen (samen met de apothekers)
"""
    actions = by_code(read_plain(tmp_path, text))
    assert (actions["1.1.1"].lead, actions["1.1.1"].partners) == ("Samana", ["OKRA", "Vief"])
    vorming = actions["1.1.2"]
    assert vorming.partners == ["CAW Westhoek", "Logo Westhoek"]
    assert vorming.partner_groups == ["huisartsen", "de apothekers"]


def test_a_column_of_codes_written_with_their_word_or_path_codes_the_actions(tmp_path):
    def build(document):
        _table(
            document,
            ["SD", "OD", "Nr.", "Actie", "Trekker", "Partners"],
            [
                [
                    "SD 1",
                    "OD 1.1",
                    "A 1.1.1",
                    "Aanmeldpunt",
                    "Huisartsenkring Westhoek",
                    "OCMW Ieper",
                ],
                ["SD 1", "OD 1.1", "SD1-OD1-A2", "Infomoment", "OCMW Poperinge", "Samana"],
                ["SD 2", "OD 2.1", "Actie 2.1.1", "Vormingsreeks", "Pallion", "Familiehulp"],
                ["SD 2", "OD 2.1", "4", "Netwerkavond", "Samana", "OKRA"],
            ],
        )

    actions = _docx(tmp_path, build).actions
    assert [(a.code, a.title, a.lead) for a in actions] == [
        ("1.1.1", "Aanmeldpunt", "Huisartsenkring Westhoek"),
        ("1.1.2", "Infomoment", "OCMW Poperinge"),
        ("2.1.1", "Vormingsreeks", "Pallion"),
        (None, "Netwerkavond", "Samana"),  # a number alone codes no action, as before
    ]


def test_a_short_form_of_two_words_and_a_group_with_its_short_form(tmp_path):
    text = """ELZ Noord-Hageland – Actieplan 2026
In dit plan: Huisartsenkring Noord-Hageland (HKNH) en Centrum Geestelijke Gezondheidszorg
Vlaams-Brabant Oost (CGG VBO).
Strategische doelstelling 1: Iedereen vindt de juiste hulp
Operationele doelstelling 1.1: Eenzaamheid wordt opgemerkt
Actie 1.1.1: Vorming
Trekker: de huisartsenkring (HKNH)
Partners: CGG VBO, Samana, de apothekers (APB)
Actie 1.1.2: Overleg
Trekker: Samana
Partners: Huisartsenkring Noord-Hageland (HKNH)
"""
    actions = by_code(read_plain(tmp_path, text))
    # a name with its own short form after it stays as written
    assert actions["1.1.2"].partners == ["Huisartsenkring Noord-Hageland"]
    vorming = actions["1.1.1"]
    assert vorming.lead == "Huisartsenkring Noord-Hageland"
    assert vorming.partners == [
        "Centrum Geestelijke Gezondheidszorg Vlaams-Brabant Oost",
        "Samana",
    ]
    assert vorming.partner_groups == ["de apothekers"]  # "APB" the plan never explained


def test_a_word_alone_on_its_line_in_a_narrow_pdf_cell_is_no_cut_word(tmp_path):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    pdf.cell(
        0, 6, "Operationele doelstelling 1.1: Wijkgerichte zorg", new_x="LMARGIN", new_y="NEXT"
    )
    with pdf.table(col_widths=(60, 40, 50, 16)) as table:
        for cells in (
            ("Wat", "Wie (trekker)", "Met wie", "Indicator"),
            ("Wijkoverleg", "OCMW Roeselare", "Familiehulp", "1 wijkoverleg per maand"),
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))
    (action,) = plan.read_plan(path, "testzone").actions
    assert (action.lead, action.indicators) == ("OCMW Roeselare", ["1 wijkoverleg per maand"])


def _headings_over_lists(document, fields: bool = True):
    document.add_heading("ELZ Westhoek – Jaarplan 2026", 0)
    document.add_heading("Inleiding", 1)
    document.add_paragraph("We werken rond drie thema's:", style="List Bullet")
    document.add_heading("Onze doelstellingen en acties", 1)
    document.add_heading("Toegankelijke zorg voor iedereen", 2)
    for item in (
        "Wachtlijst in kaart brengen – trekker: Huisartsenkring Westhoek; partners: OCMW Ieper",
        "Infomoment huisarts zoeken – trekker: OCMW Poperinge; partners: Samana",
    ):
        document.add_paragraph(item if fields else item.split(" – ")[0], style="List Bullet")
    document.add_heading("Mantelzorgers ondersteunen", 2)
    item = "Mantelzorgcafé – trekker: Samana; partners: OKRA, Vief"
    document.add_paragraph(item if fields else item.split(" – ")[0], style="List Bullet")
    document.add_heading("Opvolging", 1)
    document.add_paragraph("De stuurgroep volgt dit plan op.")


def test_word_headings_without_numbers_over_lists_of_actions_are_the_goals(tmp_path):
    preview = _docx(tmp_path, _headings_over_lists)
    assert [g.title for g in preview.strategic_goals] == [
        "Toegankelijke zorg voor iedereen",
        "Mantelzorgers ondersteunen",
    ]
    assert [(a.operational_goal, a.title, a.lead, a.partners) for a in preview.actions] == [
        ("1", "Wachtlijst in kaart brengen", "Huisartsenkring Westhoek", ["OCMW Ieper"]),
        ("1", "Infomoment huisarts zoeken", "OCMW Poperinge", ["Samana"]),
        ("2", "Mantelzorgcafé", "Samana", ["OKRA", "Vief"]),  # "Opvolging" is a heading
    ]


def test_word_headings_over_lists_that_say_no_one_are_no_goals(tmp_path):
    preview = _docx(tmp_path, lambda document: _headings_over_lists(document, fields=False))
    assert (preview.strategic_goals, preview.actions) == ([], [])
