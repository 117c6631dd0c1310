"""Plans of zones the importer was not built on, fourth round: a timing written before the
lead in its cell, a body named for two provinces, municipalities only in a table of their
inhabitants, a PDF table without ruled lines continued over pages, and organisations whose
name starts with a given name."""

from __future__ import annotations

import docx
import pytest

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines
from graphmap.ingest.organisations import is_organisation, is_person
from graphmap.ingest.plan import naming


def _preview(text: str) -> plan.PlanPreview:
    return plan.parse_lines(text.splitlines(), "testzone", "plan.txt")


def _actions(preview: plan.PlanPreview) -> dict[str, plan.ActionOut]:
    return {a.id_code: a for a in preview.actions}


TIMING_FIRST = """Jaarplan ELZ Testzone

SD 1: Toegankelijke zorg

OD 1.1: Vroegdetectie

Actie 1.1.1: Infomoment voor mantelzorgers
Trekker: Q1: Samana
Partners: OKRA

Actie 1.1.2: Vorming voor onthaalmedewerkers
Trekker: Q3 2026 - CAW Limburg
Partners: najaar 2026: Familiehulp, i-mens
Timing: september

Actie 1.1.3: Een gedeeld signaalformulier
Trekker: Jan De Smet - OCMW Genk
"""


def test_a_timing_before_the_lead_in_its_cell_is_no_organisation():
    actions = _actions(_preview(TIMING_FIRST))
    assert (actions["1.1.1"].lead, actions["1.1.1"].co_leads) == ("Samana", [])
    assert actions["1.1.1"].timing == "Q1"  # the plan gives no other timing
    assert (actions["1.1.2"].lead, actions["1.1.2"].co_leads) == ("CAW Limburg", [])
    assert actions["1.1.2"].partners == ["Familiehulp", "i-mens"]
    assert actions["1.1.2"].timing == "september"
    assert actions["1.1.3"].lead == "OCMW Genk"  # "Jan" is a person here, not January


GIVEN_NAME_FIRST = """Jaarplan ELZ Testzone

SD 1: Sterke netwerken

OD 1.1: Ontmoeting

Actie 1.1.1: Buurtontmoetingen
Trekker: Bea Zorg
Partners: Ria Vzw, Open Huis, Sam vzw, Ruth Foundation, Rosa Huis, Els Peeters, Roos Gent
"""


def test_an_organisation_named_with_a_given_name_first_is_kept():
    action = _actions(_preview(GIVEN_NAME_FIRST))["1.1.1"]
    assert action.lead == "Bea Zorg"
    assert action.partners == [
        "Ria Vzw",
        "Open Huis",
        "Sam vzw",
        "Ruth Foundation",
        "Rosa Huis",
        "Roos Gent",
    ]  # "Els Peeters" is a person: left out
    for name in ("Ruth Foundation", "Bea Zorg", "Emma Care", "Iris Zorggroep", "Sam Leuven"):
        assert not is_person(name), name
    for name in ("Els Peeters", "Jan De Smet", "E. Peeters", "Tom Hofman"):
        assert is_person(name), name


def test_bodies_named_after_a_person_and_dotted_acronyms_are_organisations():
    """Before: "Thomas More", "Karel de Grote", "Jan Yperman", "Maria Middelares" (a
    college, a hospital: a given name and a surname) and "Z.N.A. Middelheim" (an acronym
    written with dots, read as three initials) were taken for persons: as lead or partner
    the organisation was lost, from a list without a word."""
    preview = _preview(
        "OD 1.1: Opleiding\n\n"
        "Actie 1.1.1: Stageplaatsen in de eerstelijnszorg\n"
        "Trekker: Thomas More\n"
        "Partners: Karel de Grote, Jan Yperman, Samana\n\n"
        "Actie 1.1.2: Opleiding rond dementie\n"
        "Trekker: Maria Middelares\n"
        "Partners: Z.N.A. Middelheim, Emma Kinderhuis, OKRA\n"
    )
    first, second = _actions(preview)["1.1.1"], _actions(preview)["1.1.2"]
    assert (first.lead, first.partners) == (
        "Thomas More",
        ["Karel de Grote", "Jan Yperman", "Samana"],
    )
    assert (second.lead, second.partners) == (
        "Maria Middelares",
        ["Z.N.A. Middelheim", "Emma Kinderhuis", "OKRA"],
    )
    for name in ("Thomas More Kempen", "V.Z.W. Zonnebloem", "S.O.S. Kinderdorpen"):
        assert not is_person(name), name
    # A surname that ends like a house or a service, three initials: still persons.
    for name in ("J.-P. Claes", "E. Peeters", "Thomas Peeters", "Marc Nijhuis", "A.M.V. Janssens"):
        assert is_person(name), name


TWO_PROVINCES = """Jaarplan ELZ Testzone

SD 1: Zorg thuis

OD 1.1: Thuisverpleging

Actie 1.1.1: Wondzorg thuis
Trekker: Wit-Gele Kruis Oost-Vlaanderen en Limburg
Partners: CAW Limburg en Antwerpen, CGG Waas en Dender, Kind en Gezin
"""


def test_a_body_named_for_two_provinces_is_one_per_province():
    action = _actions(_preview(TWO_PROVINCES))["1.1.1"]
    assert (action.lead, action.co_leads) == (
        "Wit-Gele Kruis Oost-Vlaanderen",
        ["Wit-Gele Kruis Limburg"],
    )
    assert action.partners == [
        "CAW Limburg",
        "CAW Antwerpen",
        "CGG Waas en Dender",
        "Kind en Gezin",
    ]


def _places_table(rows: list[list[str]], sep: str) -> str:
    table = "\n".join(sep.join(row) for row in rows)
    return f"""Jaarplan 2026 ELZ Rupelstreek

1. Onze zone

De zone is klein maar divers.

{table}

Totaal{sep}52.707

SD 1: Toegankelijke zorg

OD 1.1: Vroegdetectie

Actie 1.1.1: Infomoment voor mantelzorgers
Trekker: Samana
"""


@pytest.mark.parametrize("sep", [" | ", "\t", "     ", " "])
def test_municipalities_only_in_a_table_of_their_inhabitants_are_the_zones(sep):
    rows = [
        ["Gemeente", "Inwoners"],
        ["Boom", "18.412"],
        ["Niel", "10.345"],
        ["Rumst", "15.300"],
        ["Schelle", "8.650"],
    ]
    preview = _preview(_places_table(rows, sep))
    assert preview.municipalities == ["Boom", "Niel", "Rumst", "Schelle"]
    boom = next(m for m in preview.municipality_matches if m.name == "Boom")
    assert boom.territory and "Inwoners" in boom.evidence


def test_a_markdown_table_of_municipalities_with_more_figures():
    rows = [
        ["| Stad/gemeente", "Aantal inwoners", "Aandeel 65+ |"],
        ["|---", "---", "---|"],
        ["| Boom", "18.412", "19,2% |"],
        ["| Niel", "10.345", "21,0% |"],
    ]
    preview = _preview(_places_table(rows, " | "))
    assert preview.municipalities == ["Boom", "Niel"]


def test_a_table_of_municipalities_does_not_replace_the_territory_the_text_states():
    text = _places_table(
        [["Gemeente", "Inwoners"], ["Boom", "18.412"], ["Hemiksem", "11.000"]], " | "
    )
    text = text.replace(
        "De zone is klein maar divers.", "ELZ Rupelstreek bestaat uit Boom, Niel en Rumst."
    )
    assert _preview(text).municipalities == ["Boom", "Niel", "Rumst"]


def _furniture(canvas, doc) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 810, "ELZ Midden-West-Vlaanderen – Jaarplan 2026")
    canvas.drawString(72, 30, f"Pagina {doc.page}")


@pytest.mark.parametrize("numbered", [True, False])
def test_a_pdf_table_without_ruled_lines_goes_on_over_pages_without_its_header(tmp_path, numbered):
    """Before: a table without borders was read only on the page that shows its header; the
    actions on the page after it, where Word does not repeat the header, were plain text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    rows = [
        [
            f"1.1.{n}",
            Paragraph(
                f"Infosessie {n} over het zorgaanbod voor inwoners van de zone", styles["BodyText"]
            ),
            Paragraph(lead, styles["BodyText"]),
            "Samana, OKRA",
            f"Q{n % 4 + 1} 2026",
        ]
        for n in range(1, 31)
        for lead in ["OCMW Roeselare" if n % 2 else "CAW Centraal-West-Vlaanderen"]
    ]
    header = ["Nr.", "Actie", "Trekker", "Partners", "Timing"]
    widths = [40, 150, 140, 150, 60]
    if not numbered:
        header, widths, rows = header[1:], widths[1:], [row[1:] for row in rows]
    path = tmp_path / "plan.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph(
                "Operationele doelstelling 1.1: Inwoners kennen het aanbod", styles["Heading2"]
            ),
            Table([header, *rows], colWidths=widths),
            Paragraph("Operationele doelstelling 1.2: Netwerken", styles["Heading2"]),
            Paragraph("Deze doelstelling werken we uit in 2027.", styles["BodyText"]),
        ],
        onFirstPage=_furniture,
        onLaterPages=_furniture,
    )
    actions = plan.read_plan(path, "midden").actions
    codes = (
        [f"1.1.{n}" for n in range(1, 31)]
        if numbered
        else [f"1.1-{naming._letters(n)}" for n in range(30)]
    )
    assert [a.id_code for a in actions] == codes
    last = actions[-1]
    assert (last.title, last.lead, last.partners, last.timing) == (
        "Infosessie 30 over het zorgaanbod voor inwoners van de zone",
        "CAW Centraal-West-Vlaanderen",
        ["Samana", "OKRA"],
        "Q3 2026",
    )
    assert all(a.operational_goal == "1.1" for a in actions)
    # The row that starts a page keeps the line of its title above its number.
    assert all(a.title.startswith("Infosessie") for a in actions)


NAMED_AFTER_PLACES = """ELZ Boom-Niel-Rumst-Schelle
Meerjarenplan 2025-2027

STRATEGISCHE DOELSTELLING 1 - Een sterke eerste lijn in de Rupelstreek

Operationele doelstelling 1.1 - Huisartsen ondersteunen

Actie 1.1.1: Gezamenlijk secretariaat voor kleine praktijken
Trekker: Huisartsenkring Rupel
Partners: Gemeente Boom, Gemeente Niel
"""


def test_a_zone_named_after_its_municipalities_alone_consists_of_them():
    preview = _preview(NAMED_AFTER_PLACES)
    assert preview.zone_name == "ELZ Boom-Niel-Rumst-Schelle"
    assert preview.municipalities == ["Boom", "Niel", "Rumst", "Schelle"]
    rumst = next(m for m in preview.municipality_matches if m.name == "Rumst")
    assert rumst.territory and rumst.evidence == "ELZ Boom-Niel-Rumst-Schelle"
    # A name of which one part is no municipality names no territory.
    other = _preview(NAMED_AFTER_PLACES.replace("Boom-Niel-Rumst-Schelle", "Mechelen-Katelijne"))
    assert other.municipalities == []


FIELDS_IN_ANY_ORDER = """JAARPLAN 2026
Eerstelijnszone Mechelen-Katelijne

Doelstelling 1: Zorg en welzijn dichter bij de inwoner

Actie 1.1 Buurtgerichte zorg in Mechelen-Noord
Status: lopend
Trekker: Stad Mechelen
Budget: € 12.000
Indicator: aantal bereikte inwoners
Partners: CAW Antwerpen (Mechelen), Samana
Timing: heel 2026

Actie 1.2 Sociale kaart digitaal
Budget: eigen middelen
Prioriteit: hoog
Timing: juni 2026
Trekker: zorgraad
Opmerkingen: start na de zomer
"""


def test_status_budget_and_notes_of_a_year_plan_are_no_part_of_an_action():
    actions = _actions(_preview(FIELDS_IN_ANY_ORDER))
    first, second = actions["1.1"], actions["1.2"]
    assert (first.title, first.lead, first.partners, first.timing, first.indicators) == (
        "Buurtgerichte zorg in Mechelen-Noord",
        "Stad Mechelen",
        ["CAW Antwerpen", "Samana"],
        "heel 2026",
        ["aantal bereikte inwoners"],
    )
    assert (second.title, second.lead_self, second.timing) == (
        "Sociale kaart digitaal",
        True,
        "juni 2026",
    )


NUMBER_BEFORE_HEADING = """Jaarplan ELZ Testzone

1. Strategische doelstelling 1: Elke inwoner vindt vlot de weg

1.1 Operationele doelstelling: We maken het aanbod zichtbaar

1.1.1 Sociale kaart actualiseren
Trekker: Samana

2. Strategische doelstelling 2 – Samenwerken

2.1. OD 2.1: SD-team en overleg

2.1.1 MDO opstarten
Trekker: OKRA
"""


def test_a_number_before_a_goals_heading_words_is_no_part_of_its_title():
    preview = _preview(NUMBER_BEFORE_HEADING)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Elke inwoner vindt vlot de weg"),
        ("2", "Samenwerken"),
    ]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "We maken het aanbod zichtbaar"),
        ("2.1", "SD-team en overleg"),
    ]


LETTERED_ACTIONS = """ELZ Noorderkempen
Actieplan 2026

1. Inleiding

De eerstelijnszone Noorderkempen bestaat uit Hoogstraten, Merksplas en Beerse.

2. Onze doelstellingen

1. Iedere inwoner heeft toegang tot een huisarts
   a) Onthaaldag (trekker: Huisartsenkring Noorderkempen; partners: OCMW Beerse; timing: mei)
   b) Wachtpost bekendmaken bij nieuwe inwoners (trekker: zorgraad; timing: Q1 2026)

2. Kwetsbare ouderen blijven langer thuis wonen
   a) Valpreventie aan huis
      Trekker: Wit-Gele Kruis Antwerpen
      Partners: Familiehulp, Landelijke Thuiszorg
   b) Mantelzorgcafé in Beerse (trekker: Sociaal Huis Beerse; timing: maandelijks)
"""


def test_goals_as_a_numbered_list_with_actions_as_a_lettered_list_under_each():
    preview = _preview(LETTERED_ACTIONS)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Iedere inwoner heeft toegang tot een huisarts"),
        ("2", "Kwetsbare ouderen blijven langer thuis wonen"),
    ]
    assert [(a.id_code, a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("1.1", "Onthaaldag", "Huisartsenkring Noorderkempen", ["OCMW Beerse"], "mei"),
        ("1.2", "Wachtpost bekendmaken bij nieuwe inwoners", "zorgraad", [], "Q1 2026"),
        ("2.1", "Valpreventie aan huis", "Wit-Gele Kruis Antwerpen",
         ["Familiehulp", "Landelijke Thuiszorg"], None),
        ("2.2", "Mantelzorgcafé in Beerse", "Sociaal Huis Beerse", [], "maandelijks"),
    ]  # fmt: skip
    assert preview.municipalities == ["Hoogstraten", "Merksplas", "Beerse"]


FIELDS_IN_SENTENCES = """Beste leden van de zorgraad,

Hieronder het jaarplan 2026 van ELZ Scheldeland.

1. Strategische doelstelling 1: Elke inwoner vindt vlot de weg naar zorg

1.1 Operationele doelstelling: We maken het aanbod zichtbaar

1.1.1 We actualiseren de sociale kaart. Trekker is de zorgraad, partners zijn Sociaal Huis \
Hamme en OCMW Berlare. Timing: eerste jaarhelft 2026.

1.1.2 We organiseren een infomarkt. Trekker: Welzijnsschakels Scheldeland. Partners: Samana, \
OKRA e.a.

1.1.3 Signaalkaart voor huisbezoekers; trekker: Wit-Gele Kruis Oost-Vlaanderen, met \
medewerking van i-mens en Familiehulp; timing: voorjaar 2026

Met vriendelijke groeten,
"""


def test_fields_after_the_sentence_of_an_actions_title_on_its_line():
    actions = _actions(_preview(FIELDS_IN_SENTENCES))
    found = [(a.title, a.lead, a.partners, a.timing) for a in actions.values()]
    assert found == [
        ("We actualiseren de sociale kaart.", "zorgraad",
         ["Sociaal Huis Hamme", "OCMW Berlare"], "eerste jaarhelft 2026"),
        ("We organiseren een infomarkt.", "Welzijnsschakels Scheldeland",
         ["Samana", "OKRA"], None),
        ("Signaalkaart voor huisbezoekers", "Wit-Gele Kruis Oost-Vlaanderen",
         ["i-mens", "Familiehulp"], "voorjaar 2026"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "after", ["De zorgraad volgt dit op.", "Met vriendelijke groeten,", "Katrien Willems"]
)
def test_a_short_sentence_or_a_letters_closing_after_the_last_timing_is_no_part_of_it(after):
    text = f"""OD 1.1: Aanbod zichtbaar

Actie 1.1.1: Signaalkaart
Trekker: Samana
Timing: voorjaar 2026

{after}
"""
    [action] = _preview(text).actions
    assert action.timing == "voorjaar 2026"


FIGURES = [
    ["Gemeente", "Inwoners", "Aandeel 65+"],
    ["Boom", "18.412", "19,2%"],
    ["Niel", "10.345", "21,0%"],
    ["Rumst", "15.300", "20,1%"],
    ["Totaal", "44.057", ""],
]


def test_a_ruled_pdf_table_of_municipalities_and_their_inhabitants(tmp_path):
    """Before: the cells of a ruled table other than one of actions were lines of their own
    ("Boom" / "18.412"), and the zone had no territory."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    table = Table(FIGURES, colWidths=[120, 80, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = tmp_path / "plan.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("Jaarplan 2026 ELZ Rupelstreek", styles["Title"]),
            Paragraph("Onze zone telt ongeveer 44.000 inwoners.", styles["BodyText"]),
            table,
            Paragraph("Operationele doelstelling 1.1: Vroegdetectie", styles["Heading2"]),
            Paragraph("Actie 1.1.1: Infomoment voor mantelzorgers", styles["BodyText"]),
            Paragraph("Trekker: Samana", styles["BodyText"]),
        ]
    )
    preview = plan.read_plan(path, "rupelstreek")
    assert preview.municipalities == ["Boom", "Niel", "Rumst"]
    assert [a.lead for a in preview.actions] == ["Samana"]


def test_a_word_table_of_municipalities_and_their_inhabitants(tmp_path):
    document = docx.Document()
    document.add_paragraph("Jaarplan 2026 ELZ Rupelstreek")
    table = document.add_table(rows=len(FIGURES), cols=3)
    for row, values in zip(table.rows, FIGURES, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Operationele doelstelling 1.1: Vroegdetectie")
    document.add_paragraph("Actie 1.1.1: Infomoment voor mantelzorgers")
    document.add_paragraph("Trekker: Samana")
    path = tmp_path / "plan.docx"
    document.save(path)
    assert plan.read_plan(path, "rupelstreek").municipalities == ["Boom", "Niel", "Rumst"]


LEGAL_FORMS = """OD 1.1: Buurtnetwerken

Actie 1.1.1: Buurtnetwerk Mechelen-Zuid
Trekker: CAW Antwerpen (Mechelen)
Partners: vzw De Schakel, Okra vzw, Zorgkassa cv, Huisartsenpraktijk De Vaart cv, \
Thuiszorg Vleminckx bv, Welzijnsvereniging Kempen OV
"""


def test_partners_named_with_their_legal_form_are_organisations():
    [action] = _preview(LEGAL_FORMS).actions
    assert action.lead == "CAW Antwerpen"
    assert action.partners == [
        "vzw De Schakel",
        "Okra vzw",
        "Zorgkassa cv",
        "Huisartsenpraktijk De Vaart cv",
        "Thuiszorg Vleminckx bv",
        "Welzijnsvereniging Kempen OV",
    ]
    assert action.partner_groups == []


@pytest.mark.parametrize(
    ("field", "timing"),
    [
        ("Samana - Q1 2026", "Q1 2026"),
        ("Samana, vanaf Q2", "vanaf Q2"),
        ("Samana; timing Q3", "Q3"),
        ("Samana tegen juni 2026", "tegen juni 2026"),
        ("Q4 2026 / Samana", "Q4 2026"),
    ],
)
def test_a_timing_after_or_before_the_lead_in_its_cell_is_no_organisation(field, timing):
    text = f"""OD 1.1: Aanbod

Actie 1.1.1: Signaalkaart
Trekker: {field}
Partners: OKRA, Vief – 2026
"""
    [action] = _preview(text).actions
    assert (action.lead, action.co_leads, action.partners) == ("Samana", [], ["OKRA", "Vief"])
    assert action.timing == f"{timing} 2026"  # the partners' timing after the lead's


def test_a_name_that_ends_in_a_word_of_time_keeps_it():
    text = "OD 1.1: Aanbod\n\nActie 1.1.1: Signaalkaart\nTrekker: Zorgpunt Mei\n"
    [action] = _preview(text).actions
    assert (action.lead, action.timing) == ("Zorgpunt Mei", None)


@pytest.mark.parametrize(
    "statement",
    [
        "Gemeenten: Boom – Niel – Rumst – Schelle",
        "Regio: Boom, Niel, Rumst, Schelle (samen 52.707 inwoners)",
        "Gemeenten\nBoom\nNiel\nRumst\nSchelle",
        "Onze gemeenten:\n- Boom (18.412 inwoners)\n- Niel (10.345 inwoners)\n- Rumst\n- Schelle",
        "Wij zijn actief in Boom, Niel, Rumst en Schelle.",
    ],
)
def test_more_ways_a_plan_states_its_municipalities(statement):
    text = f"""Jaarplan 2026 ELZ Rupel

{statement}

OD 1.1: Aanbod

Actie 1.1.1: Signaalkaart
Trekker: Samana
"""
    assert _preview(text).municipalities == ["Boom", "Niel", "Rumst", "Schelle"]


def test_a_sentence_in_the_first_person_does_not_replace_the_stated_territory():
    text = """Jaarplan 2026 ELZ Rupel

ELZ Rupel bestaat uit Boom, Niel en Rumst.

Wij werken samen met de gemeenten Boom, Niel, Rumst, Hemiksem en Aartselaar.

OD 1.1: Aanbod

Actie 1.1.1: Signaalkaart
Trekker: Samana
"""
    assert _preview(text).municipalities == ["Boom", "Niel", "Rumst"]


WRAPPED_SENTENCES = """OD 1.1: Aanbod zichtbaar

1.1.1 We actualiseren de sociale kaart samen met de sociale huizen. Trekker is de
zorgraad, partners zijn Sociaal Huis Hamme, Sociaal Huis Zele en OCMW Berlare. Timing:
eerste jaarhelft 2026.

1.1.2 We starten met een signaalkaart voor huisbezoekers. Trekker is Wit-Gele Kruis
Oost-Vlaanderen, met medewerking van i-mens en Familiehulp. Timing: voorjaar 2026.
"""


def test_fields_in_the_sentences_of_an_action_broken_at_the_pages_width():
    found = [(a.title, a.lead, a.partners, a.timing) for a in _preview(WRAPPED_SENTENCES).actions]
    assert found == [
        ("We actualiseren de sociale kaart samen met de sociale huizen.", "zorgraad",
         ["Sociaal Huis Hamme", "Sociaal Huis Zele", "OCMW Berlare"], "eerste jaarhelft 2026"),
        ("We starten met een signaalkaart voor huisbezoekers.", "Wit-Gele Kruis Oost-Vlaanderen",
         ["i-mens", "Familiehulp"], "voorjaar 2026"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("choice", "lead"),
    [
        ("☐ De zorgraad\n☒ Een partner, namelijk: CAW Limburg", "CAW Limburg"),
        ("☒ De zorgraad\n☐ Een partner, namelijk:", "zorgraad"),
        ("[ ] De zorgraad\n[x] Samana", "Samana"),
        ("☐ De zorgraad ☒ Een partner: Samana", "Samana"),
        ("De zorgraad ☒\nEen partner ☐", "zorgraad"),
    ],
)
def test_check_boxes_of_a_form_choose_the_lead_and_partners(choice, lead):
    text = f"""Operationele doelstelling 1.1 – Signaalfunctie

Actie 1.1.1 – Opzetten van signaalfunctie

Met wie?

Wie is de trekker van de actie?
{choice}

Met welke stakeholders wordt er samengewerkt voor deze actie?
☒ OKRA
☒ Vief
☐ Familiehulp
"""
    [action] = _preview(text).actions
    assert (action.lead, action.co_leads, action.partners) == (lead, [], ["OKRA", "Vief"])


def _row_broken_over_pages(path, numbered: bool) -> None:
    """A PDF of a table without ruled lines whose second row Word broke over two pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    columns = [40, 80, 230, 370, 520] if numbered else [80, 230, 370, 520]

    def row(y: float, cells: list[str]) -> None:
        for x, text in zip(columns, cells if numbered else cells[1:], strict=True):
            if text:
                page.drawString(x, A4[1] - y, text)

    page.setFont("Helvetica", 9)
    page.drawString(40, A4[1] - 60, "Operationele doelstelling 1.1: Inwoners kennen het aanbod")
    row(90, ["Nr.", "Actie", "Trekker", "Partners", "Timing"])
    row(110, ["1.1.1", "Infosessie over het aanbod", "OCMW Roeselare", "Samana, OKRA", "Q1"])
    row(121, ["", "in de zone", "", "", ""])
    y = 150
    for n in range(4, 24):
        row(y, [f"1.1.{n}", f"Vorming {n} voor", "Samana", "OKRA", "2026"])
        row(y + 11, ["", "vrijwilligers", "", "", ""])
        y += 31
    row(
        y,
        [
            "1.1.2",
            "Opleiding rond vroegdetectie",
            "CAW Centraal-West-",
            "Wit-Gele Kruis West-",
            "2026",
        ],
    )
    page.drawString(500, 30, "1")
    page.showPage()
    page.setFont("Helvetica", 9)
    row(60, ["", "van kwetsbaarheid bij ouderen", "Vlaanderen", "Vlaanderen, Familiehulp", ""])
    row(90, ["1.1.3", "Netwerkdag eerstelijn", "Zorgraad", "Huisartsenkring Roeselare", "2026"])
    page.drawString(500, 30, "2")
    page.save()


@pytest.mark.parametrize("numbered", [True, False])
def test_a_row_of_a_pdf_table_without_ruled_lines_broken_over_two_pages(tmp_path, numbered):
    """Before: the rest of the row on the next page was a row of its own (an action "van
    kwetsbaarheid bij ouderen" led by "Vlaanderen"), and "Acties" over the rows at the top of
    both pages was taken for a running header, which ran the rows of a table without
    numbers together."""
    path = tmp_path / "plan.pdf"
    _row_broken_over_pages(path, numbered)
    actions = [a for a in plan.read_plan(path, "midden").actions if "Vorming" not in a.title]
    assert [(a.title, a.lead, a.partners) for a in actions] == [
        ("Infosessie over het aanbod in de zone", "OCMW Roeselare", ["Samana", "OKRA"]),
        ("Opleiding rond vroegdetectie van kwetsbaarheid bij ouderen",
         "CAW Centraal-West-Vlaanderen", ["Wit-Gele Kruis West-Vlaanderen", "Familiehulp"]),
        ("Netwerkdag eerstelijn", "Zorgraad", ["Huisartsenkring Roeselare"]),
    ]  # fmt: skip


def test_an_action_titled_with_a_name_is_no_organisation_of_the_text():
    text = """OD 1.1: Buurtnetwerken

Actie 1.1.1: Buurtnetwerk Mechelen-Zuid
Trekker: CAW Antwerpen
"""
    preview = _preview(text)
    assert preview.organisations == ["CAW Antwerpen"]


def test_a_status_and_budget_column_of_an_action_table_is_no_part_of_the_timing(tmp_path):
    path = tmp_path / "plan.txt"
    text = (
        "Operationele doelstelling 1.1: Eén toegangspoort\n\n"
        "Actie\tVerantwoordelijke\tBetrokkenen\tPlanning\tStatus\tBudget\n"
        "Centraal aanmeldpunt\tOCMW Brugge\tCAW Noord-West-Vlaanderen\tQ2 2026\tlopend\t€ 20.000\n"
    )
    path.write_text(text, encoding="utf-8")
    [action] = plan.read_plan(path, "brugge").actions
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Centraal aanmeldpunt",
        "OCMW Brugge",
        ["CAW Noord-West-Vlaanderen"],
        "Q2 2026",
    )


def test_a_page_after_a_table_that_filled_the_page_before_is_text(tmp_path):
    """The page after a table without ruled lines that reached its page's end starts with a
    goal's heading, not with rows: it is read as text (not the table's header as lines)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    page, top = canvas.Canvas(str(path), pagesize=A4), A4[1]
    page.setFont("Helvetica", 9)
    page.drawString(40, top - 60, "Operationele doelstelling 1.1: Aanbod")
    columns = [40, 80, 230, 370, 520]
    for x, text in zip(columns, ["Nr.", "Actie", "Trekker", "Partners", "Timing"], strict=True):
        page.drawString(x, top - 90, text)
    y = 110
    for n in range(1, 25):
        cells = [f"1.1.{n}", f"Vorming {n}", "Samana", "OKRA", "2026"]
        for x, text in zip(columns, cells, strict=True):
            page.drawString(x, top - y, text)
        page.drawString(80, top - y - 11, "voor vrijwilligers")
        y += 31
    page.showPage()
    page.setFont("Helvetica", 9)
    page.drawString(80, top - 60, "Operationele doelstelling 1.2: Netwerk")
    page.drawString(80, top - 71, "We bouwen een netwerk uit van alle partners in de zone.")
    page.drawString(80, top - 100, "Actie 1.2.1: Netwerkdag")
    page.drawString(80, top - 111, "Trekker: Samana")
    page.save()
    lines = read_lines(path)
    assert lines.count("Nr.") == 0 and lines.count("Timing") == 0  # no header's cells alone
    assert lines[-4:] == [
        "Operationele doelstelling 1.2: Netwerk",
        "We bouwen een netwerk uit van alle partners in de zone.",
        "Actie 1.2.1: Netwerkdag",
        "Trekker: Samana",
    ]
    actions = plan.read_plan(path, "midden").actions
    assert len(actions) == 25 and (actions[-1].id_code, actions[-1].lead) == ("1.2.1", "Samana")


_AFTER_TERRITORY = """
Strategische doelstelling 1: Een sterke eerste lijn
Operationele doelstelling 1.1: Huisartsen ondersteunen
Actie 1.1.1: Gezamenlijk secretariaat
Trekker: Huisartsenkring Rupel
Timing: 2026
"""


@pytest.mark.parametrize(
    "listed",
    [
        "De eerstelijnszone Rupel bestaat uit volgende gemeenten:\n• Boom\n• Niel\n"
        "• Rumst (vanaf 2027 bij ELZ Mechelen)\n• Schelle (18.000 inwoners)\n"
        "• Hemiksem (buurgemeente, geen deel van de zone)",
        "Gemeenten\nBoom\nNiel\nRumst (tot eind 2026, daarna ELZ Mechelen)\nSchelle\n"
        "Hemiksem (buurgemeente)\nAartselaar (niet in onze zone)",
    ],
)
def test_what_brackets_say_of_a_listed_municipality(listed):
    """A bracket after an item of the zone's list may say the place borders on the zone, is
    no part of it or leaves it; the places it names are not the zone's. Before, every bracket
    was ignored and the places in it taken: Hemiksem, Aartselaar and Mechelen were the
    zone's."""
    preview = _preview(f"ELZ Rupel\nMeerjarenplan 2026\n\n{listed}\n{_AFTER_TERRITORY}")
    assert preview.municipalities == ["Boom", "Niel", "Rumst", "Schelle"]
    matches = {m.name: m for m in preview.municipality_matches}
    assert matches["Rumst"].leaving and "ELZ Mechelen" in matches["Rumst"].leaving_evidence
    assert not matches["Schelle"].leaving and not matches["Boom"].leaving


@pytest.mark.parametrize(
    "title, sentence, own",
    [
        (
            "ELZ Kempenheide",
            "Onze partners komen uit de gemeenten Herentals, Geel en Mol.",
            [],
        ),
        (
            "ELZ Boom-Niel-Rumst-Schelle",
            "We willen de samenwerking met de woonzorgcentra in de steden Antwerpen, "
            "Mechelen en Lier versterken.",
            ["Boom", "Niel", "Rumst", "Schelle"],
        ),
        (
            "ELZ Kempenheide",
            "We werken nauw samen met de gemeenten Herentals, Geel en Mol, die aan onze "
            "zone grenzen.\n\nGemeente | Inwoners\nNijlen | 23.000\nGrobbendonk | 11.000\n"
            "Vorselaar | 8.000",
            ["Nijlen", "Grobbendonk", "Vorselaar"],
        ),
    ],
)
def test_a_sentence_in_the_first_person_about_partners_or_other_towns_is_no_territory(
    title, sentence, own
):
    """Only the zone saying where it is active is its territory; its partners' towns and
    the towns it works with are not, nor do they come before its name or its table."""
    preview = _preview(f"{title}\nMeerjarenplan 2026\n\n{sentence}\n{_AFTER_TERRITORY}")
    assert preview.municipalities == own


def test_a_table_of_the_provinces_figures_is_not_the_zones():
    """Before, the table of the province came before the zone's name: Antwerpen, Mechelen
    and Turnhout were the zone's."""
    table = (
        "Gemeente | Inwoners | Aandeel 65+\nAntwerpen | 530.000 | 18%\nMechelen | 87.000 | 19%\n"
        "Turnhout | 46.000 | 20%\nBoom | 18.412 | 17%"
    )
    named = "ELZ Boom-Niel-Rumst-Schelle\nMeerjarenplan 2026\n\n"
    preview = _preview(f"{named}De provincie Antwerpen in cijfers:\n{table}\n{_AFTER_TERRITORY}")
    assert preview.municipalities == ["Boom", "Niel", "Rumst", "Schelle"]
    for lead in ("De provincie Antwerpen in cijfers:", "Ter vergelijking:", "Vlaanderen"):
        other = _preview(f"ELZ Noorderkempen\n\n{lead}\n{table}\n{_AFTER_TERRITORY}")
        assert other.municipalities == [], lead


@pytest.mark.parametrize(
    ("field", "who", "timing"),
    [
        ("Trekker: Samana, tegen eind 2026", "lead", "tegen eind 2026"),
        ("Trekker: Huisartsenkring Rupel, jaarlijks in mei", "lead", "jaarlijks in mei"),
        (
            "Trekker: Samana vanaf september 2026 tot juni 2027",
            "lead",
            "vanaf september 2026 tot juni 2027",
        ),
        ("Trekker: Huis Zomer - Q2", "lead", "Q2"),
        ("Partners: WZC Lente - Q1 2026", "partner", "Q1 2026"),
        ("Partners: Samana, WZC De Lente - 2026", "partner", "2026"),
        ("Partners: Dienstencentrum Zomerzon, Huis Zomer - najaar 2026", "partner", "najaar 2026"),
        ("Partners: Samana, tegen eind 2026", "partner", "tegen eind 2026"),
    ],
)
def test_a_timing_after_a_name_ending_in_a_word_of_time_or_after_words_of_time(field, who, timing):
    text = f"OD 1.1: Aanbod\n\nActie 1.1.1: Signaalkaart\n{field}\n"
    [action] = _preview(text).actions
    cell = field.split(": ", 1)[1]
    names = [n.strip() for n in cell[: cell.rindex(timing)].rstrip(" ,-").split(",")]
    if who == "lead":
        assert (action.lead, action.co_leads) == (names[0], names[1:])
    else:
        assert (action.partners, action.partner_groups) == (names, [])
    assert action.timing == timing


def test_a_sentence_after_fields_said_in_sentences_is_no_part_of_their_value():
    text = """OD 1.1: Ouderen ondersteunen

Actie 1.1.1: We organiseren een infomarkt. Partners zijn welkom om een stand te bemannen.
Trekker: Samana
Actie 1.1.2: Opstart van een buurtteam; partners zijn nog te zoeken bij de lokale besturen.
Trekker: OCMW Boom
Actie 1.1.3: Vorming voor mantelzorgers. Trekker is de zorgraad, partners zijn OKRA en Vief. \
Start in het voorjaar.
"""
    preview = _preview(text)
    actions = _actions(preview)
    for code in ("1.1.1", "1.1.2"):
        assert (actions[code].partners, actions[code].partner_groups) == ([], [])
    assert actions["1.1.1"].title == "We organiseren een infomarkt."
    assert actions["1.1.2"].title == "Opstart van een buurtteam"
    assert actions["1.1.3"].lead_self
    assert actions["1.1.3"].partners == ["OKRA", "Vief"]
    assert actions["1.1.3"].timing == "Start in het voorjaar"
    assert not [o for o in preview.organisations if "voorjaar" in str(o)]


def test_square_bullets_without_a_ticked_box_are_a_list_not_a_form():
    text = """OD 1.1: Ouderen ondersteunen

Actie 1.1.1: Valpreventie
Trekker: OCMW Boom
Partners:
❑ Samana
❑ OKRA
❑ Huisartsenkring Rupel
Timing: 2026
Actie 1.1.2: Mantelzorg
Trekker:
□ Familiehulp
Partners: □ Samana □ Vief
Actie 1.1.3: Buurtzorg
Trekker: ☒ De zorgraad ☐ Een partner, namelijk:
Partners: ☒ Samana ☐ OKRA ☒ Vief
"""
    preview = _preview(text)
    actions = _actions(preview)
    assert actions["1.1.1"].partners == ["Samana", "OKRA", "Huisartsenkring Rupel"]
    assert (actions["1.1.2"].lead, actions["1.1.2"].partners) == ("Familiehulp", ["Samana", "Vief"])
    # A form with a box ticked: only the ticked ones, and no word about bullets.
    assert actions["1.1.3"].lead_self and actions["1.1.3"].partners == ["Samana", "Vief"]
    warned = [w for w in preview.warnings if "opsommingstekens" in w]
    assert [w.split(":")[0] for w in warned] == ["actie 1.1.1", "actie 1.1.2"]


LETTERED_WITH_SUB_LIST = """ELZ Noorderkempen
Jaarplan 2026

1. Iedere inwoner heeft toegang tot een huisarts.
   a) Onthaaldag voor jonge huisartsen
      Trekker: Huisartsenkring Noorderkempen
   b) Wachtpost bekendmaken (trekker: zorgraad)
2. Kwetsbare ouderen blijven langer thuis wonen
   a) Valpreventie aan huis (trekker: Wit-Gele Kruis Antwerpen)
   b) Buurtzorg in Rijkevorsel:
{sub}      Trekker: OCMW Rijkevorsel
   c) Mantelzorgcafé (trekker: Sociaal Huis Beerse)
3. Bijlagen
   a) Begroting 2026
   b) Overzicht van de partners
"""


@pytest.mark.parametrize(
    "sub",
    [
        "      - a. in de wijk Sint-Jozef\n      - b. in het centrum\n",
        "   a) in de wijk Sint-Jozef\n   b) in het centrum\n",
        "",
    ],
)
def test_a_lettered_list_inside_a_lettered_action_and_an_appendix_are_no_actions(sub):
    preview = _preview(LETTERED_WITH_SUB_LIST.format(sub=sub))
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    actions = _actions(preview)
    assert list(actions) == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert actions["2.2"].lead == "OCMW Rijkevorsel"
    assert actions["2.3"].lead == "Sociaal Huis Beerse"


def test_brussels_is_no_province_that_makes_a_second_body():
    text = """OD 1.1: Aanbod

Actie 1.1.1: Buurtzorg
Trekker: CM Antwerpen en Brussel
Partners: OCMW Niel, Zorgnet Vlaams-Brabant en Brussel, Samana Limburg en Antwerpen
"""
    [action] = _preview(text).actions
    assert (action.lead, action.co_leads) == ("CM Antwerpen en Brussel", [])
    assert action.partners == [
        "OCMW Niel",
        "Zorgnet Vlaams-Brabant en Brussel",
        "Samana Limburg",
        "Samana Antwerpen",
    ]


@pytest.mark.parametrize("example", ["Bv huisartsen", "Bv de apothekers", "Bv. huisartsen"])
def test_bijvoorbeeld_without_its_dot_is_no_legal_form(example):
    assert not is_organisation(example)


def test_a_legal_form_before_a_name_still_makes_an_organisation():
    assert is_organisation("vzw Het Anker")
    assert is_organisation("BV Thuiszorg Jansen")
