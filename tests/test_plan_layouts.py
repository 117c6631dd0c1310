"""Plan layouts of zones whose plans the importer was not built on: goals lettered rather
than numbered, actions as a table flattened to text with bars, fields as sub-bullets under an
action, partners listed one per bullet and wrapped over a line."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from graphmap import limits
from graphmap.errors import ValidationError
from graphmap.ingest import plan

DATA = Path(__file__).resolve().parent / "data"


def _preview(text: str) -> plan.PlanPreview:
    return plan.parse_lines(text.splitlines(), "testzone", "plan.txt")


def _actions(preview: plan.PlanPreview) -> dict[str, plan.ActionOut]:
    return {a.id_code: a for a in preview.actions}


LETTERED = """Meerjarenplan ELZ Druivenstreek 2025-2027

Strategisch doel A: Kwetsbare inwoners vinden de weg naar zorg

Operationeel doel A.1: We versterken de vroegdetectie

Actie A.1.1: Een gedeeld signaalformulier invoeren
Verantwoordelijke: Sociaal Huis Overijse
Partners: Familiehulp

Strategisch doel B: Zorgverleners werken samen

Operationeel doel B.1: Multidisciplinair overleg wordt de norm

Actie B.1.1: Opleiding casemanagement
Verantwoordelijke: CAW Oost-Brabant

Bijlage A: Lijst van afkortingen
"""


def test_goals_lettered_rather_than_numbered_are_read_by_their_place():
    preview = _preview(LETTERED)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Kwetsbare inwoners vinden de weg naar zorg"),
        ("2", "Zorgverleners werken samen"),
    ]
    assert [(g.number, g.parent) for g in preview.operational_goals] == [("1.1", "1"), ("2.1", "2")]
    actions = _actions(preview)
    assert set(actions) == {"1.1.1", "2.1.1"}
    assert (actions["1.1.1"].lead, actions["1.1.1"].partners) == (
        "Sociaal Huis Overijse",
        ["Familiehulp"],
    )
    assert actions["2.1.1"].operational_goal == "2.1"


BAR_TABLES = """Jaaractieplan 2026 ELZ Pajottenland

Doelstelling 1. Iedere inwoner kan rekenen op een huisarts

1.1 Jonge huisartsen aantrekken

| Nr. | Actie | Trekker(s) | Betrokken partners | Timing | Indicator |
|---|---|---|---|---|---|
| 1.1.1 | Onthaaldag | Huisartsenkring Pajottenland | Gemeente Lennik; Impulseo | mei | deelnemers |
| 1.1.2 | Praktijkruimte zoeken | Gemeente Bever | Huisartsenkring Pajottenland | 2026 | ruimtes |

1.2 De huisarts ontlasten

Actie | Trekker | Partners | Timing
Praktijkassistenten delen | Huisartsenkring Pajottenland | Solidaris Brabant | 2026
"""


def test_an_action_table_between_bars_is_read_row_by_row(tmp_path):
    """A table exported with bars between its cells, with or without a rule under its header
    and bars at its ends, is read as the tab-separated one: a row per action, the number in
    a column of its own as the action's code."""
    path = tmp_path / "plan.txt"
    path.write_text(BAR_TABLES, encoding="utf-8")
    preview = plan.read_plan(path, "testzone")
    actions = _actions(preview)
    assert set(actions) == {"1.1.1", "1.1.2", "1.2-a"}
    first = actions["1.1.1"]
    assert first.title == "Onthaaldag"
    assert (first.lead, first.partners) == (
        "Huisartsenkring Pajottenland",
        ["Gemeente Lennik", "Impulseo"],
    )
    assert (first.timing, first.indicators) == ("mei", ["deelnemers"])
    assert (actions["1.2-a"].title, actions["1.2-a"].lead) == (
        "Praktijkassistenten delen",
        "Huisartsenkring Pajottenland",
    )
    assert not preview.operational_goals[0].indicators  # no row is read as an indicator


SUB_BULLET_FIELDS = """Zorgraad Meetjesland – Beleidsplan 2025-2030

SD1 – Een sterk netwerk van eerstelijnspartners

OD1.1 – Partners kennen elkaar

Acties:
• Jaarlijkse netwerkdag
  o Trekker(s): Zorgraad Meetjesland
  o In samenwerking met: Huisartsenkring Meetjesland, Apothekersvereniging Meetjesland,
    CAW Oost-Vlaanderen
  o Timing: jaarlijks in oktober
• Actualiseren van de sociale kaart
  o Trekker(s): OCMW Eeklo
  o Partners:
      ▪ Sociaal Huis Maldegem
      ▪ Sociaal Huis Assenede
  o Indicator: aantal bijgewerkte fiches
  o aantal bezoekers van de sociale kaart
"""


def test_fields_as_bullets_under_an_action_of_a_list_are_its_own():
    """ "o Trekker(s): X" under "• Action" is that action's lead, not an indicator; a field's
    values may wrap onto the next line or stand as bullets under it."""
    actions = _actions(_preview(SUB_BULLET_FIELDS))
    day, card = actions["1.1-a"], actions["1.1-b"]
    assert (day.title, day.lead, day.lead_self) == (
        "Jaarlijkse netwerkdag",
        "Zorgraad Meetjesland",
        True,
    )
    assert day.partners == [
        "Huisartsenkring Meetjesland",
        "Apothekersvereniging Meetjesland",
        "CAW Oost-Vlaanderen",
    ]
    assert (day.timing, day.indicators) == ("jaarlijks in oktober", [])
    assert (card.lead, card.partners) == (
        "OCMW Eeklo",
        ["Sociaal Huis Maldegem", "Sociaal Huis Assenede"],
    )
    assert card.timing is None
    assert card.indicators == ["aantal bijgewerkte fiches", "aantal bezoekers van de sociale kaart"]


def _page(number: int, body: str) -> str:
    return f"Meerjarenplan ELZ Druivenstreek\n\n{body}\nELZ Druivenstreek   pagina {number} van 3\n"


PAGES_ENDING_ALIKE = "\f".join(
    [
        _page(1, "Strategisch doel 1: Zorg voor iedereen\n\nOperationeel doel 1.1: Vroeg zien\n"),
        _page(2, "Actie 1.1.1: Signaalformulier\nTrekker: OCMW Tervuren\nTiming: 2026\n"),
        _page(3, "Actie 1.1.2: Huisbezoeken\nTrekker: OCMW Overijse\nTiming: 2026\n"),
    ]
)


def test_a_field_that_ends_two_pages_alike_is_no_footer(tmp_path):
    """Running headers and footers are lines that repeat at the edges of the pages; a
    field ("Timing: 2026") that happens to end two pages is the plan's, and is kept."""
    path = tmp_path / "plan.txt"
    path.write_text(PAGES_ENDING_ALIKE, encoding="utf-8")
    actions = _actions(plan.read_plan(path, "testzone"))
    assert {code: (a.lead, a.timing) for code, a in actions.items()} == {
        "1.1.1": ("OCMW Tervuren", "2026"),
        "1.1.2": ("OCMW Overijse", "2026"),
    }


WRAPPED_BULLETS = """Strategische doelstelling 1: Samenwerken

Operationele doelstelling 1.1: Opleiding

Actie 1.1.1: Opleiding casemanagement
Verantwoordelijke: CAW Oost-Brabant
Partners:
▪ Wit-Gele Kruis Vlaams-Brabant
▪ Apothekersvereniging Halle-Vilvoorde en
Leuven
▪ Palliatief Netwerk Vlaams-Brabant
  Oost
▪ Familiehulp
Timing: 2026
"""


def test_a_partner_wrapped_onto_the_next_line_of_its_bullet_stays_one():
    """A bullet's name goes on under its text (indented), or after a word no name ends with
    ("… en" / "Leuven"); it is not split into a second partner."""
    [action] = _preview(WRAPPED_BULLETS).actions
    assert action.partners == [
        "Wit-Gele Kruis Vlaams-Brabant",
        "Apothekersvereniging Halle-Vilvoorde en Leuven",
        "Palliatief Netwerk Vlaams-Brabant Oost",
        "Familiehulp",
    ]
    assert action.timing == "2026"


DESCRIBED = """Strategische doelstelling 1: Samenwerken

Operationele doelstelling 1.1: Opleiding
Omschrijving: we leiden zorgverleners samen op.

Actie 1.1.1: Opleiding casemanagement
Omschrijving: Een opleidingsreeks in drie modules voor huisartsen,
thuisverpleegkundigen en apothekers.
Verantwoordelijke: CAW Oost-Brabant

Actie 1.1.2
Beschrijving: Een gedeeld zorgplan testen.
Verantwoordelijke: Helan
"""


def test_a_description_under_its_own_label_is_no_part_of_the_title():
    """ "Omschrijving:" under an action describes it (its title where the heading has none),
    as "Wat?" does; under a goal it is the goal's text, and starts no action."""
    preview = _preview(DESCRIBED)
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1.1", "Opleiding casemanagement", "CAW Oost-Brabant"),
        ("1.1.2", "Een gedeeld zorgplan testen.", "Helan"),
    ]
    assert preview.operational_goals[0].title == "Opleiding"


TITLED_BY_YEAR = """Eerstelijnszone Noord-Limburg
Actieplan 2026

1. Onze zone

Onze eerstelijnszone omvat de gemeenten Bocholt, Bree en Peer.

2. Doelstellingen

Doelstelling 1: Elke inwoner heeft een vaste huisarts

1.1. Inwoners zonder huisarts worden toegeleid

1.1.1. Een toeleidingspunt bij het Sociaal Huis
Trekker(s): OCMW Bree
Timing: 2026-2027

3. Opvolging

De stuurgroep volgt het actieplan op.
"""


def test_a_title_actieplan_and_a_year_does_not_hide_the_closing_chapter():
    """ "Actieplan 2026" above the plan is its title, not an action 2026: the plan's chapters
    before its goals ("1.", "2.") then say that "3. Opvolging" after them closes them."""
    [action] = _preview(TITLED_BY_YEAR).actions
    assert (action.id_code, action.lead, action.timing) == ("1.1.1", "OCMW Bree", "2026-2027")


KIND_WITHOUT_PLACE = """Strategische doelstelling 1: Iedereen een huisarts

Operationele doelstelling 1.1: Toeleiden

Actie 1.1.1: Een toeleidingspunt bij het Sociaal Huis
Trekker: Sociaal Huis Herne
Partners: Huis van het Kind, Familiehulp
"""


def test_a_kind_every_municipality_has_without_its_place_is_no_organisation():
    """ "het Sociaal Huis" or "Huis van het Kind" without a place names no one body: it is
    not proposed as a new organisation ("Sociaal Huis Herne" is)."""
    preview = _preview(KIND_WITHOUT_PLACE)
    assert preview.organisations == ["Sociaal Huis Herne", "Familiehulp"]
    [action] = preview.actions
    assert (action.partners, action.partner_groups) == (["Familiehulp"], ["Huis van het Kind"])


def test_a_word_table_of_lettered_actions_with_a_partner_per_paragraph(tmp_path):
    """A Word plan with lettered goals: its title names it a plan after a dash, an action's
    code "A.1.1" starts its cell in the table, and the partners cell holds one partner per
    paragraph."""
    document = docx.Document()
    document.add_heading("ELZ Kempenland – Meerjarenplan 2025-2027", 0)
    document.add_heading("Strategisch doel A: Een toegankelijke eerste lijn", 1)
    document.add_heading("Operationeel doel A.1: Drempels verlagen", 2)
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Actie", "Trekker(s)", "Partners"), strict=True):
        cell.text = text
    for row, (title, lead, partners) in enumerate(
        [
            ("A.1.1 Zitdagen in de praktijk", "OCMW Geel", ["CAW De Kempen", "Familiehulp"]),
            ("A.1.2 Tolken in de eerste lijn", "OCMW Laakdal", ["Solidaris Antwerpen"]),
        ],
        1,
    ):
        cells = table.rows[row].cells
        cells[0].text, cells[1].text, cells[2].text = title, lead, partners[0]
        for partner in partners[1:]:
            cells[2].add_paragraph(partner)
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "testzone")
    assert preview.title == "ELZ Kempenland – Meerjarenplan 2025-2027"
    assert [(a.id_code, a.title, a.lead, a.partners) for a in preview.actions] == [
        ("1.1.1", "Zitdagen in de praktijk", "OCMW Geel", ["CAW De Kempen", "Familiehulp"]),
        ("1.1.2", "Tolken in de eerste lijn", "OCMW Laakdal", ["Solidaris Antwerpen"]),
    ]


def test_bare_lettered_action_numbers_under_a_lettered_goal():
    preview = _preview(
        "Strategisch doel A: Toegang\n\nOperationeel doel A.1: Drempels\n\n"
        "A.1.1 Zitdagen in de praktijk\nTrekker: OCMW Geel\n\n"
        "A.1.2 Tolken\nTrekker: CAW De Kempen\n"
    )
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1.1", "Zitdagen in de praktijk", "OCMW Geel"),
        ("1.1.2", "Tolken", "CAW De Kempen"),
    ]


def test_a_label_with_its_plural_in_brackets_is_read_whole():
    preview = _preview(
        "Operationele doelstelling 1.1: Valpreventie\n\nActie 1.1.1: Valpreventiesessies\n"
        "Trekker(s): OCMW Zulte\nIndicator(en): aantal sessies; aantal deelnemers\n"
    )
    assert preview.actions[0].indicators == ["aantal sessies", "aantal deelnemers"]


WRAPPED_LIST = """Operationele doelstelling 1.1: Valpreventie bij thuiswonende ouderen

Actie 1.1.1: Valpreventiesessies in de lokale dienstencentra
Betrokken partners: Huisartsenkring Leie en Schelde, Kinesitherapeutenkring Deinze,
Wit-Gele Kruis Oost-Vlaanderen, Familiehulp, Samana Deinze, OCMW
Zulte

Actie 1.1.2: Woningaanpassing
Partners:
Familiehulp
Samana Deinze
"""


def test_a_list_of_partners_that_fills_its_line_runs_on_on_the_next():
    """A list apart by commas broken where the line is full ("…, OCMW" / "Zulte") goes on
    on the next line; short lines under a label are one partner each."""
    action, short = _preview(WRAPPED_LIST).actions
    assert short.partners == ["Familiehulp", "Samana Deinze"]
    assert action.partners == [
        "Huisartsenkring Leie en Schelde",
        "Kinesitherapeutenkring Deinze",
        "Wit-Gele Kruis Oost-Vlaanderen",
        "Familiehulp",
        "Samana Deinze",
        "OCMW Zulte",
    ]


def test_the_zorgraad_named_with_the_zones_full_name_is_the_zorgraad():
    """ "Zorgraad ELZ Dender" leads as the zone's own zorgraad: it is no new organisation
    beside it."""
    preview = plan.parse_lines(
        (
            "Meerjarenplan Eerstelijnszone Dender\n\nOD 1.1. Armoede\n"
            "Actie 1 Armoedetoets\nTrekker: Zorgraad ELZ Dender\nPartners: Netwerk tegen Armoede\n"
            "Actie 2 Folders\nTrekker: zorgraad van de eerstelijnszone Dender\n"
        ).splitlines(),
        "dender",
        "plan.txt",
    )
    assert [(a.lead, a.lead_self) for a in preview.actions] == [
        ("Zorgraad ELZ Dender", True),
        ("zorgraad van de eerstelijnszone Dender", True),
    ]
    assert preview.organisations == ["Netwerk tegen Armoede"]


def test_goals_numbered_in_roman_numerals_are_read_by_their_value():
    preview = _preview(
        "Strategische doelstelling II: Zorg dichtbij\n\nOD II.1: Huisbezoeken\n\n"
        "Actie II.1.1: Bezoek aan 80-plussers\nTrekker: OCMW Lede\n"
    )
    assert [g.number for g in preview.strategic_goals] == ["2"]
    assert [(a.id_code, a.operational_goal, a.lead) for a in preview.actions] == [
        ("2.1.1", "2.1", "OCMW Lede")
    ]


LISTED_MUNICIPALITIES = """Meerjarenplan ELZ Dender

De eerstelijnszone Dender bestaat uit volgende gemeenten:
• Aalst
• Denderleeuw
o Erpe-Mere
- Stad Lede
Samen tellen ze 190.000 inwoners. Ook Ninove werkt soms mee.

SD 1. Toegang
OD 1.1. Sociale kaart
Actie 1.1.1 Kaart koppelen
Trekker: OCMW Lede
"""


def test_the_zones_municipalities_listed_under_a_sentence_that_announces_them():
    """ "De eerstelijnszone bestaat uit volgende gemeenten:" and a list under it, one
    municipality a bullet: those are the zone's (a municipality named later is not)."""
    preview = _preview(LISTED_MUNICIPALITIES)
    assert preview.municipalities == ["Aalst", "Denderleeuw", "Erpe-Mere", "Lede"]
    assert "Ninove" in preview.municipalities_mentioned
    # A list of what the zone borders on is not its territory.
    neighbours = LISTED_MUNICIPALITIES.replace("bestaat uit", "grenst aan")
    assert _preview(neighbours).municipalities == []


def _territory(intro: str) -> list[str]:
    return _preview(
        f"Meerjarenplan ELZ Dender\n\n{intro}\nInwoners: 190.000\n\nSD 1. Toegang\n"
        "OD 1.1. Sociale kaart\nActie 1.1.1 Kaart koppelen\nTrekker: OCMW Lede\n"
    ).municipalities


def test_the_zones_municipalities_under_a_label_before_its_goals():
    """A fact box before the goals: "Gemeenten: …" or the zone's name as the label, naming
    municipalities and nothing else."""
    zone = ["Aalst", "Denderleeuw", "Erpe-Mere", "Lede"]
    assert _territory("Gemeenten: Aalst, Denderleeuw, Erpe-Mere en Lede") == zone
    assert _territory("ELZ Dender: Aalst, Denderleeuw, Erpe-Mere en Lede") == zone
    assert _territory("ELZ Dender: 4 gemeenten (Aalst, Denderleeuw, Erpe-Mere, Lede)") == zone
    assert _territory("ELZ Dender: een zone met veel ouderen in Aalst en Lede.") == []
    # Before: "Onze zone:" was no label, and a new zone got no municipalities.
    assert _territory("Onze zone: Aalst, Denderleeuw, Erpe-Mere en Lede.") == zone
    assert _territory("Regio: Aalst, Denderleeuw, Erpe-Mere, Lede") == zone
    assert _territory("Onze zone: veel ouderen in Aalst, Denderleeuw en Lede.") == []


def test_commas_in_brackets_and_a_label_in_a_partner_field_split_no_name():
    """ "lokale besturen (Aalst, Lede)" is one group, not "Lede)" as an organisation;
    examples in brackets ("o.a. Wit-Gele Kruis") are partners; "Ziekenfondsen: CM" names CM."""
    preview = _preview(
        "OD 1.1: Thuiszorg\n\nActie 1.1.1: Overleg\nTrekker: OCMW Aalst\n"
        "Partners: lokale besturen (Aalst, Lede), thuisverpleging (o.a. Wit-Gele Kruis, "
        "Familiehulp), CAW (Centrum Algemeen Welzijnswerk) Oost-Vlaanderen\n"
        "Met wie: Ziekenfondsen: CM, Solidaris\n"
    )
    [action] = preview.actions
    assert action.partners == [
        "CAW Oost-Vlaanderen",
        "Wit-Gele Kruis",
        "Familiehulp",
        "CM",
        "Solidaris",
    ]
    assert action.partner_groups == ["lokale besturen", "thuisverpleging"]


def test_a_list_of_organisations_in_brackets_names_partners_and_a_target_keeps_its_label():
    """Before: "Ziekenfondsen (CM, Solidaris, Helan)" lost the three mutualities without a
    word, and a target group "Mantelzorgers: vooral jonge mantelzorgers" became its
    explanation. A single name in brackets is the name before it shortened; places in
    brackets say where a group works."""
    preview = _preview(
        "OD 1.1: Thuiszorg\n\nActie 1.1.1: Overleg\nTrekker: OCMW Aalst\n"
        "Partners: Ziekenfondsen (CM, Solidaris, Helan), Huisartsenkring Aalst (HAK), "
        "lokale besturen (Aalst, Lede)\n"
        "Doelgroep: Mantelzorgers: vooral jonge mantelzorgers, die school en zorg combineren\n"
    )
    [action] = preview.actions
    assert action.partners == ["Huisartsenkring Aalst", "CM", "Solidaris", "Helan"]
    assert action.partner_groups == ["Ziekenfondsen", "lokale besturen"]
    assert action.target_groups == ["Mantelzorgers"]


def _lead_of(value: str) -> tuple:
    preview = _preview(f"OD 1.1: Armoede\n\nActie 1.1.1: Armoedetoets\nTrekker: {value}\n")
    [action] = preview.actions
    return action.lead, action.lead_text, preview.organisations


def test_a_person_or_a_department_as_lead_leaves_the_organisation_as_lead():
    """A person with their organisation ("Mevr. Janssens (OCMW Aalst)", "Dhr. Peeters,
    Huisartsenkring Dender") or a department after a dash ("OCMW Aalst – dienst welzijn"):
    the organisation leads; a person alone is no organisation."""
    assert _lead_of("Mevr. Janssens (OCMW Aalst)") == ("OCMW Aalst", None, ["OCMW Aalst"])
    assert _lead_of("Dhr. Peeters, Huisartsenkring Dender")[0] == "Huisartsenkring Dender"
    assert _lead_of("OCMW Aalst – dienst welzijn")[0] == "OCMW Aalst"
    assert _lead_of("AZ Sint-Jan Brugge - Oostende")[0] == "AZ Sint-Jan Brugge - Oostende"
    assert _lead_of("Dr. Claes") == (None, "Dr. Claes", [])
    # Before: a group's word before a colon left the action without a lead.
    assert _lead_of("thuiszorgdiensten: Familiehulp") == ("Familiehulp", None, ["Familiehulp"])
    assert _lead_of("OCMW Gent: dienst welzijn")[0] == "OCMW Gent"


def test_a_person_without_a_title_is_no_organisation():
    """Before: "Els Peeters (CAW Oost-Vlaanderen)" made the person the lead, an organisation
    named after her (personal data in the register); "Trekker: dr. Tom Willems" under
    "Eigenaar: Huisartsenkring Leuven Noord" (a plan with both columns) ran on into one name.
    A person with their organisation leaves the organisation as lead, a person alone none."""
    assert _lead_of("Els Peeters (CAW Oost-Vlaanderen)") == (
        "CAW Oost-Vlaanderen",
        None,
        ["CAW Oost-Vlaanderen"],
    )
    assert _lead_of("Jan De Smet, OCMW Ronse")[0] == "OCMW Ronse"
    assert _lead_of("Sofie Claes") == (None, "Sofie Claes", [])
    assert _lead_of("Luc Van den Broeck") == (None, "Luc Van den Broeck", [])
    assert _lead_of("Werkgroep Buurtgerichte Zorg")[0] == "Werkgroep Buurtgerichte Zorg"
    assert _lead_of("Samana Limburg")[0] == "Samana Limburg"
    preview = _preview(
        "OD 1.1: Overleg\n\nActie 1.1.1: Multidisciplinair overleg\n"
        "Eigenaar: Huisartsenkring Leuven Noord\nTrekker: dr. Tom Willems\n"
        "Partners: Els Peeters, CAW Limburg\n"
        "\nActie 1.1.2: Sociaal loket\nTrekker: Annelies Goossens\n"
        "Eigenaar: Lokaal bestuur Herent\n"
    )
    first, second = preview.actions
    assert (first.lead, first.partners) == ("Huisartsenkring Leuven Noord", ["CAW Limburg"])
    assert second.lead == "Lokaal bestuur Herent"
    assert not {"Els Peeters", "Annelies Goossens"} & set(preview.organisations)


def test_a_person_named_as_partner_is_kept_nowhere():
    """Before: "Partners: Sofie Claes en Jan Peeters" stored both names on the action as
    partner groups: personal data outside the register, where no erasure reaches it. A
    person is no group; the preview (shown, never stored) names who was left out, also
    those taken out of a list ("Karel Peeters, OKRA"), so that a name misread as a
    person's is seen; and a name left out of the actions is no organisation of the plan."""
    preview = _preview(
        "OD 1.1: Overleg\n\nActie 1.1.1: Overleg\nTrekker: CAW Limburg\n"
        "Partners: Sofie Claes en Jan Peeters; huisartsen\n\n"
        "Actie 1.1.2: Vorming\nTrekker: CAW Limburg\nPartners: Karel Peeters, OKRA\n"
        "\nActie 1.1.3: Ontmoeting\nTrekker: CAW Limburg\nPartners:\n- Roos Peeters\n- OKRA\n"
    )
    first, second, third = preview.actions
    assert first.partner_groups == ["huisartsen"]
    assert second.partners == third.partners == ["OKRA"]
    said = [w for w in preview.warnings if "persoon" in w or "personen" in w]
    assert said == [
        "actie 1.1.1: «Sofie Claes», «Jan Peeters» lijken personen en worden niet "
        "overgenomen: een persoon hoort als contactpersoon in Organisaties; is het een "
        "organisatie, voeg die daar toe",
        "actie 1.1.2: «Karel Peeters» lijkt een persoon en wordt niet overgenomen: een "
        "persoon hoort als contactpersoon in Organisaties; is het een organisatie, voeg die "
        "daar toe",
        "actie 1.1.3: «Roos Peeters» lijkt een persoon en wordt niet overgenomen: een "
        "persoon hoort als contactpersoon in Organisaties; is het een organisatie, voeg die "
        "daar toe",
    ]
    names = {"Sofie Claes", "Jan Peeters", "Karel Peeters", "Roos Peeters"}
    assert not names & set(preview.organisations)


def test_a_role_in_the_zorgraad_or_in_an_organisation_leads_as_that_body():
    """Before: "Stafmedewerker ELZ Zuid-Limburg" became a new organisation of that name
    (category eerstelijnszone) beside the zorgraad, and "Medewerker OCMW Hasselt" one
    beside OCMW Hasselt."""

    def lead(value: str) -> tuple:
        preview = plan.parse_lines(
            ["ELZ Zuid-Limburg", "OD 1.1: Kaart", "", "Actie 1.1.1: Kaart", f"Trekker: {value}"],
            "zuid-limburg",
            "plan.txt",
        )
        return preview.actions[0].lead, preview.actions[0].lead_self, preview.organisations

    assert lead("Stafmedewerker ELZ Zuid-Limburg")[1:] == (True, [])
    assert lead("Coördinator van de zorgraad")[1:] == (True, [])
    assert lead("Medewerker OCMW Hasselt") == ("OCMW Hasselt", False, ["OCMW Hasselt"])
    assert lead("Werkgroep Buurtgerichte Zorg")[0] == "Werkgroep Buurtgerichte Zorg"


def test_a_person_with_their_body_as_partner_and_the_zones_staff_as_lead():
    """Before: "Partners: Jan Claes (Samana), Els Peeters (OKRA)" lost Samana and OKRA (the
    bracket read as the name before it shortened, the persons kept as groups), and
    "Trekker: Els Peeters (stafmedewerker)" or "Stafmedewerker" made an organisation
    "Stafmedewerker"."""
    preview = _preview(
        "OD 1.1: Armoede\n\nActie 1.1.1: Armoedetoets\nTrekker: Els Peeters (stafmedewerker)\n"
        "Partners: Jan Claes (Samana), Els Peeters (OKRA), Huisartsenkring Aalst (HAK)\n"
    )
    [action] = preview.actions
    assert (action.lead_self, action.partners) == (
        True,
        ["Samana", "OKRA", "Huisartsenkring Aalst"],
    )
    assert action.partner_groups == []
    assert _lead_of("Stafmedewerker")[2] == []
    assert _lead_of("netwerkcoördinator")[2] == []


def test_a_two_column_table_of_labels_and_values_exported_with_tabs(tmp_path):
    """Word's text export of an action sheet as a table of label and value: "Trekker<tab>
    OCMW Lede" is the lead field though the label has no colon."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1 Sociale kaart\n\nActie 1.1.1\tNetwerkdag\nTrekker(s)\tOCMW Lede\n"
        "Betrokken partners\tCAW Oost-Vlaanderen, Samana\nTiming\t2026\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "testzone").actions
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Netwerkdag",
        "OCMW Lede",
        ["CAW Oost-Vlaanderen", "Samana"],
        "2026",
    )
    # The same sheet in a PDF's text with its layout kept: spaces between label and value.
    path.write_text(
        "OD 1.1 Sociale kaart\n\nActie 1.1.1        Netwerkdag\nTrekker(s)         OCMW Lede\n"
        "Betrokken partners      Samana\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "testzone").actions
    assert (action.title, action.lead, action.partners) == ("Netwerkdag", "OCMW Lede", ["Samana"])
    # A gap in justified text after a short word that could be a label is no field.
    path.write_text(
        "OD 1.1 Sociale kaart\n\nActie 1.1.1 Netwerkdag\nTrekker: OCMW Lede\n"
        "Met   de hulp van Familiehulp\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "testzone").actions
    assert (action.partners, action.partner_groups) == ([], [])


ITEM_FIELDS = """OD 1.1 Partners kennen elkaar

Acties:
1. Netwerkdag voor partners
   Trekker: Zorgraad
   Partners: CAW Oost-Vlaanderen, Samana
2. Infomarkt in Lede
   Trekker: OCMW Lede
   Partners:
   - Familiehulp
   Timing: 2027

OD 1.2 Samen

Acties:
- Overleg
- Nieuwsbrief
Trekker: OCMW Aalst
Partners:
- CAW Oost-Vlaanderen
"""


def test_fields_indented_under_an_item_of_a_list_are_that_actions_own():
    """Fields indented under "1. Action" belong to it, and "2. Next" after them is the next
    action (it was read as a value of the last field); fields under the whole list, at the
    list's own indent, are every action's, and bullets under them are values."""
    actions = {
        a.id_code: (a.title, a.lead, a.partners, a.timing) for a in _preview(ITEM_FIELDS).actions
    }
    assert actions == {
        "1.1-a": ("Netwerkdag voor partners", "Zorgraad", ["CAW Oost-Vlaanderen", "Samana"], None),
        "1.1-b": ("Infomarkt in Lede", "OCMW Lede", ["Familiehulp"], "2027"),
        "1.2-a": ("Overleg", "OCMW Aalst", ["CAW Oost-Vlaanderen"], None),
        "1.2-b": ("Nieuwsbrief", "OCMW Aalst", ["CAW Oost-Vlaanderen"], None),
    }


NUMBERED_ITEMS_AND_FIELDS = """OD 1.1 Partners kennen elkaar

Acties:
1. Netwerkdag voor partners
Trekker: Zorgraad
Partners: CAW Oost-Vlaanderen, Samana
2. Infomarkt in Lede
Trekker: OCMW Lede
Partners: Familiehulp

OD 1.2 Samen

Acties:
1. Overleg
2. Nieuwsbrief
Trekker: OCMW Aalst
"""


def test_the_next_number_of_a_list_after_the_fields_of_an_item_is_the_next_action():
    """A list numbered "1.", "2." with each item's fields under it at the same indent (as a
    PDF's text has them): "2." is the next action, not a partner of the first, and the
    fields after it are its own. Fields after the whole list are every action's."""
    actions = {
        a.id_code: (a.title, a.lead, a.partners)
        for a in _preview(NUMBERED_ITEMS_AND_FIELDS).actions
    }
    assert actions == {
        "1.1-a": ("Netwerkdag voor partners", "Zorgraad", ["CAW Oost-Vlaanderen", "Samana"]),
        "1.1-b": ("Infomarkt in Lede", "OCMW Lede", ["Familiehulp"]),
        "1.2-a": ("Overleg", "OCMW Aalst", []),
        "1.2-b": ("Nieuwsbrief", "OCMW Aalst", []),
    }


def test_what_the_zone_borders_on_is_not_its_territory():
    preview = _preview(
        "Meerjarenplan ELZ Dender\n\nELZ Dender bestaat uit Aalst, Denderleeuw, Haaltert en "
        "Lede. De zone grenst aan de gemeenten Ninove, Geraardsbergen en Zottegem. ELZ Dender "
        "zet in op buurtgerichte zorg in Aalst, Lede en Haaltert.\n\n"
        "SD 1. Toegang\nOD 1.1. Kaart\nActie 1.1.1 Kaart\nTrekker: OCMW Lede\n"
    )
    assert preview.municipalities == ["Aalst", "Denderleeuw", "Haaltert", "Lede"]
    assert {"Ninove", "Zottegem"} <= set(preview.municipalities_mentioned)


ANNEXES = """SD 1: Netwerk

OD 1.1: Partners kennen elkaar
Actie 1.1.1: Netwerkdag
Trekker: OCMW Aalst
Partners:
- Samana

Bijlage 1: Samenstelling van de zorgraad
- Huisartsenkring Dender
- Apothekersvereniging Aalst

Bijlage 2. Actiefiches
Actie 1.1.2: Nieuwsbrief
Trekker: Logo Dender

Lijst van afkortingen
OKRA: Open Kristelijke Rusthuisbewoners
"""


def test_an_annex_after_the_goals_is_no_part_of_the_last_action():
    """ "Bijlage 1: …" ends the goals as a closing chapter does: its list of members is not the
    last action's partners; an action sheet in an annex is still read under its goal."""
    actions = {
        a.id_code: (a.operational_goal, a.lead, a.partners) for a in _preview(ANNEXES).actions
    }
    assert actions == {
        "1.1.1": ("1.1", "OCMW Aalst", ["Samana"]),
        "1.1.2": ("1.1", "Logo Dender", []),
    }


TEXT_AFTER_FIELDS = """OD 1.1: Partners kennen elkaar

Actie 1.1.1: Netwerkdag
Trekker: OCMW Aalst
Partners:

Samana

OKRA
Timing: 2026

Actie 1.1.2: Afsprakenkader
Trekker: de zorgraad
Met wie: Lokale besturen

PZON cluster
Timing: Opstarten in 2024

Einde 31/12/2025

Opvolging en evaluatie
De zorgraad volgt de acties twee keer per jaar op in de algemene vergadering.
"""


def test_the_plans_text_after_the_last_field_is_no_value_of_it():
    """A heading of the text and its paragraph after the last action's timing are not part
    of that timing; values apart by blank lines (as PDF text has them) still are."""
    action, other = _preview(TEXT_AFTER_FIELDS).actions
    assert (action.partners, action.partner_groups, action.timing) == (
        ["Samana", "OKRA"],
        [],
        "2026",
    )
    assert (other.partner_groups, other.timing) == (
        ["Lokale besturen", "PZON cluster"],
        "Opstarten in 2024 Einde 31/12/2025",
    )


LABEL_VARIANTS = """OD 1.1: Netwerk

Actie 1.1.1: Netwerkdag
Verantwoordelijke organisatie: OCMW Aalst
Partnerorganisaties: Samana
Deadline: juni 2026

Actie 1.1.2: Nieuwsbrief
Trekker/eigenaar: Logo Dender
Co-trekker: OCMW Lede
Uitvoerder(s): Familiehulp
Externe partners: CAW Oost-Vlaanderen
Timing/deadline: 2027
Indicatoren/KPI: aantal lezers

Actie 1.1.3: Infomarkt
Lead partner: Huisartsenkring Dender
Partners (intern/extern): OKRA
Looptijd: 2026-2027
"""


def test_more_wordings_of_the_lead_partner_and_timing_labels():
    actions = {
        a.id_code: (a.lead, a.partners, a.timing, a.indicators)
        for a in _preview(LABEL_VARIANTS).actions
    }
    assert _preview(LABEL_VARIANTS).actions[1].co_leads == ["OCMW Lede"]  # "Co-trekker"
    assert actions == {
        "1.1.1": ("OCMW Aalst", ["Samana"], "juni 2026", []),
        "1.1.2": ("Logo Dender", ["Familiehulp", "CAW Oost-Vlaanderen"], "2027", ["aantal lezers"]),
        "1.1.3": ("Huisartsenkring Dender", ["OKRA"], "2026-2027", []),
    }


def test_a_table_whose_headers_are_other_wordings_of_the_labels(tmp_path):
    """An action table is known by two or more headers that name fields, in any wording
    the parser reads as a label ("Verantwoordelijke organisatie", "Deadline")."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1 Netwerk\n\n"
        "Actie\tVerantwoordelijke organisatie\tPartnerorganisaties\tDeadline\n"
        "Netwerkdag\tOCMW Aalst\tSamana, OKRA\tjuni 2026\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "testzone").actions
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Netwerkdag",
        "OCMW Aalst",
        ["Samana", "OKRA"],
        "juni 2026",
    )


def test_partners_apart_by_dashes_are_each_their_own():
    """ "A - B - C" where each names an organisation is three partners; a place or a
    department after a dash stays part of the name."""
    preview = _preview(
        "OD 1.1: Netwerk\n\nActie 1.1.1: Overleg\nTrekker: OCMW Aalst\n"
        "Partners: Huisartsenkring Dender - CAW Oost-Vlaanderen - Familiehulp\n"
        "Actie 1.1.2: Ontslag\nTrekker: OCMW Aalst\nPartners: AZ Sint-Jan Brugge - Oostende\n"
    )
    assert [a.partners for a in preview.actions] == [
        ["Huisartsenkring Dender", "CAW Oost-Vlaanderen", "Familiehulp"],
        ["AZ Sint-Jan Brugge - Oostende"],
    ]


def test_a_title_broken_after_a_small_word_goes_on_after_a_blank_line():
    """PDF text puts a blank line after every line: a title that ends in "… en het" goes on
    on the next line of text, though that starts with a capital."""
    preview = _preview(
        "OD 1.1: Ontslag \n \nActie 1.1.1: Afspraken over ontslag met UZ Leuven en het \n \n"
        "Heilig Hartziekenhuis \n \nTrekker: OCMW Aalst \n"
    )
    [action] = preview.actions
    assert action.title == "Afspraken over ontslag met UZ Leuven en het Heilig Hartziekenhuis"


def test_a_title_broken_inside_a_name_or_at_a_full_line_goes_on_after_a_blank_line():
    """Not only after a small word: a name broken in two ("… het Heilig" / "Hartziekenhuis")
    or a title as long as a full line that a short line completes goes on after the blank
    line PDF text puts there; a sentence after a short title does not."""
    preview = _preview(
        "SD 1: Samenwerken met het Heilig \n \nHartziekenhuis \n \nOD 1.1: Ontslag \n \n"
        "Actie 1.1.1: Afspraken over ontslag met de cardiologen van het Heilig \n \n"
        "Hartziekenhuis \n \nTrekker: OCMW Aalst \n \n"
        "Actie 1.1.2: Opstarten van een lerend netwerk rond valpreventie voor thuisverplegers \n"
        " \nWit-Gele Kruis Limburg \n \nTrekker: OCMW Aalst \n \n"
        "Actie 1.1.3: Netwerkavond \n \nDe zorgraad nodigt alle partners uit. \n"
        "Actie 1.1.4: Overleg met Familiehulp \n \nToelichting \n \nTekst. \n"
    )
    assert [a.title for a in preview.actions] == [
        "Afspraken over ontslag met de cardiologen van het Heilig Hartziekenhuis",
        "Opstarten van een lerend netwerk rond valpreventie voor thuisverplegers Wit-Gele Kruis "
        "Limburg",
        "Netwerkavond",
        "Overleg met Familiehulp",  # a heading of its text after it is no part of it
    ]
    assert preview.strategic_goals[0].title == "Samenwerken met het Heilig Hartziekenhuis"


def test_an_action_table_in_text_laid_out_in_columns(tmp_path):
    """A PDF's text with its layout kept puts a table's cells apart by runs of spaces."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1 Netwerk\n\n"
        "Actie                      Trekker            Partners                  Timing\n"
        "Netwerkdag voor partners   OCMW Aalst         Samana, OKRA              2026\n"
        "Infomarkt                  Logo Dender        Familiehulp               2027\n",
        encoding="utf-8",
    )
    actions = [(a.title, a.lead, a.partners, a.timing) for a in plan.read_plan(path, "z").actions]
    assert actions == [
        ("Netwerkdag voor partners", "OCMW Aalst", ["Samana", "OKRA"], "2026"),
        ("Infomarkt", "Logo Dender", ["Familiehulp"], "2027"),
    ]


def test_a_partner_marked_as_lead_leads_where_no_lead_is_given():
    """ "Partners: Familiehulp (trekker), CAW Oost-Vlaanderen" without a lead field:
    Familiehulp leads (it was a partner, and the action had no lead)."""
    preview = _preview(
        "OD 1.1: Netwerk\n\nActie 1.1.1: Overleg\n"
        "Partners: Familiehulp (trekker), CAW Oost-Vlaanderen\n\n"
        "Actie 1.1.2: Vorming\nPartners: CAW Oost-Vlaanderen; Samana (trekker)\n\n"
        "Actie 1.1.3: Infomarkt\nTrekker: OCMW Lede\nPartners: Familiehulp (trekker)\n"
    )
    assert [(a.lead, a.partners) for a in preview.actions] == [
        ("Familiehulp", ["CAW Oost-Vlaanderen"]),
        ("Samana", ["CAW Oost-Vlaanderen"]),
        ("OCMW Lede", ["Familiehulp"]),  # the lead field says who leads
    ]


def test_english_and_dutch_labels_mixed():
    """A plan with English headings and labels ("Strategic goal", "Action", "Owner",
    "Deadline", "KPI") beside Dutch ones is read as the Dutch forms are."""
    preview = _preview(
        "Strategic goal 1: Een sterk netwerk\n\nOperational objective 1.1: Partners kennen "
        "elkaar\n\nAction 1.1.1: Netwerkmoment\nOwner: Logo Westkust\nPartners: OCMW Koksijde\n"
        "Target group: huisartsen\nDeadline: juni 2026\nKPIs: aantal organisaties\n"
        "Action 1.1.2: Fiches\nResponsible: OCMW Koksijde\nIndicators: aantal fiches\n"
        "Action 1.1.3: Kaart\nWho? Samana\nWith whom? OKRA\nWhen? 2027\nFor whom? ouderen\n"
    )
    assert [(g.number, g.title) for g in preview.strategic_goals + preview.operational_goals] == [
        ("1", "Een sterk netwerk"),
        ("1.1", "Partners kennen elkaar"),
    ]
    first, second, third = preview.actions
    assert (first.code, first.title, first.lead, first.partners) == (
        "1.1.1",
        "Netwerkmoment",
        "Logo Westkust",
        ["OCMW Koksijde"],
    )
    assert (first.target_groups, first.timing, first.indicators) == (
        ["huisartsen"],
        "juni 2026",
        ["aantal organisaties"],
    )
    assert (second.lead, second.indicators) == ("OCMW Koksijde", ["aantal fiches"])
    assert (third.title, third.lead, third.partners, third.timing, third.target_groups) == (
        "Kaart",
        "Samana",
        ["OKRA"],
        "2027",
        ["ouderen"],
    )
    preview = _preview("Goal 1: Access\nObjective 1.1: Map\nAction 1.1.1: Update\nOwner: OKRA\n")
    assert [(g.number, g.title) for g in preview.strategic_goals + preview.operational_goals] == [
        ("1", "Access"),
        ("1.1", "Map"),
    ]
    assert [(a.code, a.lead) for a in preview.actions] == [("1.1.1", "OKRA")]


def test_questions_as_labels_one_goal_per_page(tmp_path):
    """ "Wie?" / "Met wie?" / "Wanneer?" / "Hoe meten?" on lines of their own, their values
    under them, one goal per page: the same indicator at the end of two pages is each
    action's, no footer."""
    page = (
        "Doel {n}: Doel nummer {n}\n\nActie: {title}\nWie?\nOCMW Wevelgem\nMet wie?\n"
        "- Solidaris\nWanneer?\nVoorjaar 2026\nHoe meten?\nAantal deelnemers\n"
    )
    path = tmp_path / "plan.txt"
    titles = ("Infoavond", "Vorming voor onthaal", "Overleg diabetes")
    text = "Zorgraad Leiestreek\nJaaractieplan 2026\n\f" + "\f".join(
        page.format(n=n, title=title) for n, title in enumerate(titles, 1)
    )
    path.write_text(text, encoding="utf-8")
    preview = plan.read_plan(path, "leiestreek")
    assert [(a.title, a.lead, a.partners, a.timing, a.indicators) for a in preview.actions] == [
        (title, "OCMW Wevelgem", ["Solidaris"], "Voorjaar 2026", ["Aantal deelnemers"])
        for title in titles
    ]


def test_footnotes_and_a_chapter_after_goals_the_text_does_not_number():
    """A footnote's mark is no part of a name ("Nieuwpoort¹"), a footnote no part of an
    action; "4. Opvolging" after "1. Inleiding" ends the goals, though chapters 2 and 3
    (the goals, in the contents) have no number in the text."""
    preview = _preview(
        "1. Inleiding\n\nDe eerstelijnszone Westkust omvat De Panne, Koksijde en Nieuwpoort¹.\n\n"
        "Strategische doelstelling 1: Netwerk\nOperationele doelstelling 1.1: Kennen\n"
        "Actie 1.1.1: Netwerkmoment\nTrekker: Logo Westkust\n"
        "Partners: Zorgband Leie en Schelde², OCMW Koksijde\nIndicator: aantal organisaties\n\n"
        "4. Opvolging\n\nDe zorgraad volgt dit plan op.\n\n"
        "¹ Alveringem behoort sinds 2025 tot een andere zone.\n"
        "² Een samenwerkingsverband.\n"
    )
    [action] = preview.actions
    assert action.partners == ["Zorgband Leie en Schelde", "OCMW Koksijde"]
    assert action.indicators == ["aantal organisaties"]
    assert preview.municipalities == ["De Panne", "Koksijde", "Nieuwpoort"]


def test_a_plan_kept_in_a_spreadsheet_as_csv_with_goal_columns(tmp_path):
    """A CSV export (";", as Excel writes it here) of one table of all actions, the goals in
    columns of their own: a goal repeated on each row, or only on its first (merged cells);
    an empty row between groups; a line break inside a cell."""
    path = tmp_path / "plan.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Jaaractieplan 2026 Zorgraad Waasland", "", "", "", ""])
        writer.writerow(["Strategische doelstelling", "OD", "Actie", "Trekker", "Partners"])
        writer.writerow(["SD1 Toegang", "OD1.1 Sociale kaart", "Kaart bijwerken", "OCMW Temse", ""])
        writer.writerow(["", "", "Infosessie\nvoor huisartsen", "Logo Waasland", "Samana, OKRA"])
        writer.writerow(["", "", "", "", ""])
        writer.writerow(["Zorg voor ouderen", "Valpreventie", "Campagne", "i-mens", "Familiehulp"])
    preview = plan.read_plan(path, "waasland")
    goals = [(g.number, g.title) for g in preview.strategic_goals + preview.operational_goals]
    assert goals == [
        ("1", "Toegang"),
        ("2", "Zorg voor ouderen"),
        ("1.1", "Sociale kaart"),
        ("2.1", "Valpreventie"),
    ]
    assert [(a.operational_goal, a.title, a.lead, a.partners) for a in preview.actions] == [
        ("1.1", "Kaart bijwerken", "OCMW Temse", []),
        ("1.1", "Infosessie voor huisartsen", "Logo Waasland", ["Samana", "OKRA"]),
        ("2.1", "Campagne", "i-mens", ["Familiehulp"]),
    ]
    assert preview.zone_name == "ELZ Waasland"


def test_actions_without_codes_each_a_title_line_and_its_fields():
    """No "Actie" word, no code, no "Acties" list: a line under an operational goal that the
    fields of an action follow is its title; a sentence there is not."""
    preview = _preview(
        "Strategische doelstelling 1: Toegang\n\nOperationele doelstelling 1.1: Sociale kaart\n\n"
        "We werken hier samen met alle partners van de zorgraad aan.\n\n"
        "Sociale kaart up-to-date houden\nWie trekt? OCMW Halle\nPartners: CAW Brussel\n"
        "Timing: doorlopend\n\nVorming voor onthaalmedewerkers\nWie trekt? Familiehulp\n"
        "Partners: Kind en Gezin\n"
    )
    assert [(a.id_code, a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("1.1-a", "Sociale kaart up-to-date houden", "OCMW Halle", ["CAW Brussel"], "doorlopend"),
        ("1.1-b", "Vorming voor onthaalmedewerkers", "Familiehulp", ["Kind en Gezin"], None),
    ]
    # The value under a label that stands alone is no title, though a field the action has
    # follows it (the template asks for partners twice).
    preview = _preview(
        "SD 1: X\nOD 1.1: Y\nActie 1.1.1: Z\nMet wie?\nCAW\n\nWie is de trekker van de actie?\n"
        "OCMW Halle\n\nMet welke stakeholders wordt er samengewerkt?\nSamana\n"
    )
    assert [(a.title, a.lead, a.partners) for a in preview.actions] == [
        ("Z", "OCMW Halle", ["CAW", "Samana"])
    ]
    # A heading of the text over the fields is no action's title.
    preview = _preview(
        "SD 1: X\nOD 1.1: Y\nActie 1.1.1: Z\nTrekker: A\n\nToelichting\nTrekker: B\n"
    )
    assert [a.title for a in preview.actions] == ["Z"]
    # Under a plan's only level of goals too.
    preview = _preview("Doel 1: Toegang\n\nKaart bijwerken\nTrekker: OCMW Halle\n")
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1-a", "Kaart bijwerken", "OCMW Halle")
    ]


def test_an_actions_fields_in_brackets_after_its_title():
    """ "Netwerkavond (trekker: X; partners: Y, Z; timing: 2026)": the fields of that action;
    brackets without a field ("(zie ook: actie 2.1.1)") stay in the title."""
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActies:\n"
        "1. Netwerkavond (trekker: OCMW Halle; partners: CAW Brussel, Samana; timing: 2026)\n"
        "2. Wegwijzer (trekker: Logo Dender, partners: Familiehulp)\n"
        "3. Infomarkt (zie ook: actie 2.1.1)\n"
    )
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("Netwerkavond", "OCMW Halle", ["CAW Brussel", "Samana"], "2026"),
        ("Wegwijzer", "Logo Dender", ["Familiehulp"], None),
        ("Infomarkt (zie ook: actie 2.1.1)", None, [], None),
    ]


def test_a_table_with_question_headers_and_a_how_to_measure_column(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "SD 1: Netwerk\nOD 1.1: Kennen\n\nWat?\tWie?\tMet wie?\tWanneer?\tHoe meten?\n"
        "Netwerkavond\tOCMW Halle\tSamana\t2026\taantal deelnemers\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "z").actions
    assert (action.title, action.lead, action.partners, action.timing, action.indicators) == (
        "Netwerkavond",
        "OCMW Halle",
        ["Samana"],
        "2026",
        ["aantal deelnemers"],
    )


def test_a_title_label_and_yet_more_label_wordings():
    """ "Actie 1.1.1" / "Titel: X", or "Naam van de actie: X" starting each action sheet;
    "Ondersteunende partners", "Medewerking van", "Tijdspad", "Start"/"Einde",
    "Meetindicator"; "Trekkende partner" and "Lead partner" still lead."""
    preview = _preview(
        "SD 1: X\nOD 1.1: Y\nActie 1.1.1\nTitel: Netwerkavond\nTrekkende partner: OCMW Halle\n"
        "Ondersteunende partners: Samana, OKRA\nStart: januari 2026\nMeetindicator: aantal\n\n"
        "Naam van de actie: Wegwijzer\nLead partner: Logo Dender\nMedewerking van: Familiehulp\n"
        "Tijdspad: 2027\n"
    )
    assert [(a.title, a.lead, a.partners, a.timing, a.indicators) for a in preview.actions] == [
        ("Netwerkavond", "OCMW Halle", ["Samana", "OKRA"], "januari 2026", ["aantal"]),
        ("Wegwijzer", "Logo Dender", ["Familiehulp"], "2027", []),
    ]


def test_a_plan_kept_in_an_excel_workbook(tmp_path):
    """The sheet the workbook opens on, as a CSV: a title row, the header, goals in columns
    (the cell of a merged goal empty), a date as it is written here."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Jaaractieplan 2026 ELZ Waasland"])
    sheet.append([])
    sheet.append(["SD", "OD", "Actie", "Trekker", "Partners", "Deadline"])
    sheet.append(["1. Toegang", "1.1 Kaart", "Kaart bijwerken", "OCMW Temse", "Samana, OKRA"])
    sheet.append([None, None, "Vorming", "Logo Waasland", "i-mens", datetime.date(2026, 6, 30)])
    book.save(tmp_path / "plan.xlsx")
    preview = plan.read_plan(tmp_path / "plan.xlsx", "waasland")
    assert [
        (a.code or a.id_code, a.title, a.lead, a.partners, a.timing) for a in preview.actions
    ] == [
        ("1.1-a", "Kaart bijwerken", "OCMW Temse", ["Samana", "OKRA"], None),
        ("1.1-b", "Vorming", "Logo Waasland", ["i-mens"], "30/06/2026"),
    ]
    assert preview.zone_name == "ELZ Waasland"


def test_a_damaged_workbook_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK\x03\x04 niet echt een werkboek")
    with pytest.raises(ValidationError, match=r"^plan\.xlsx: geen leesbaar Excel-bestand"):
        plan.read_plan(path, "z")


def test_a_goal_column_of_numbers_only_is_written(store, tmp_path):
    """An "OD" column that holds the goal's number only: the goal has that number and no
    title of its own (not its number again), and the plan is written."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "OD;Actie;Trekker\n1.1;Netwerkavond;OCMW Diest\n1.1;Wegwijzer;Logo Demer\n"
        "2.1;Infomarkt;CAW Limburg\n",
        encoding="utf-8",
    )
    preview = plan.read_plan(path, "demer")
    assert [(g.number, g.title) for g in preview.operational_goals] == [("1.1", ""), ("2.1", "")]
    assert [(a.operational_goal, a.lead) for a in preview.actions] == [
        ("1.1", "OCMW Diest"),
        ("1.1", "Logo Demer"),
        ("2.1", "CAW Limburg"),
    ]
    plan.apply_plan(store, preview, "demer")
    rows = [r for r in store.read("plan_tree", zone="demer") if r["action"]]
    assert sorted(r["title"] for r in rows) == ["Infomarkt", "Netwerkavond", "Wegwijzer"]


def test_indicators_under_their_label_are_split_at_semicolons_as_on_its_line():
    preview = _preview(
        "SD 1: X\nOD 1.1: Y\nActie 1.1.1: Z\nHoe meten?\n"
        "Aantal onthaalpunten; aantal verwijzingen\n"
        "Actie 1.1.2: Q\nIndicatoren: aantal fiches; aantal gebruikers\n"
    )
    assert [a.indicators for a in preview.actions] == [
        ["Aantal onthaalpunten", "aantal verwijzingen"],
        ["aantal fiches", "aantal gebruikers"],
    ]


MARKDOWN = """# Jaarplan 2026 – ELZ Demerland

## Strategische doelstelling 1: Toegang

### Operationele doelstelling 1.1: Sociale kaart

#### Actie 1.1.1: Kaart bijwerken

**Trekker:** OCMW Diest
**Partners:** Samana, *OKRA*, [Familiehulp](https://www.familiehulp.be)
**Timing:** 2026

- **Indicator:** aantal fiches

---

#### Actie 1.1.2: Vorming
- **Trekker**: Logo Demer
- **Met wie?** CAW Limburg
- __Wanneer?__ najaar 2026
"""


def test_a_plan_in_markdown_as_a_converter_writes_it(tmp_path):
    """Headings with "#", bold labels, emphasis, links, a rule; an action's fields as a
    list under it ("- Trekker: X"): read as the same plan in plain text."""
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    preview = plan.read_plan(path, "demerland")
    assert preview.zone_name == "ELZ Demerland"
    assert [(g.number, g.title) for g in preview.strategic_goals + preview.operational_goals] == [
        ("1", "Toegang"),
        ("1.1", "Sociale kaart"),
    ]
    assert [(a.title, a.lead, a.partners, a.timing, a.indicators) for a in preview.actions] == [
        (
            "Kaart bijwerken",
            "OCMW Diest",
            ["Samana", "OKRA", "Familiehulp"],
            "2026",
            ["aantal fiches"],
        ),
        ("Vorming", "Logo Demer", ["CAW Limburg"], "najaar 2026", []),
    ]


def test_an_action_sheet_with_each_label_alone_on_its_line_without_a_colon():
    """A PDF's text of an action sheet's table: "Titel" / "Netwerkavond" / "Trekker" /
    "OCMW Brugge" …, a blank line after every line."""
    preview = _preview(
        "Operationele doelstelling 1.1: Kennen\n\nActie 1.1.1\n\nTitel\n\nNetwerkavond\n\n"
        "Trekker\n\nOCMW Brugge\n\nPartners\n\nCAW Noord-West-Vlaanderen, Kind en Gezin\n\n"
        "Timing\n\n2026\n\nActie 1.1.2\n\nTitel\n\nSociale kaart\n\nTrekker\n\nLogo Brugge\n"
    )
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("Netwerkavond", "OCMW Brugge", ["CAW Noord-West-Vlaanderen", "Kind en Gezin"], "2026"),
        ("Sociale kaart", "Logo Brugge", [], None),
    ]


def test_a_csv_with_a_cell_too_long_is_refused_naming_its_line(tmp_path):
    # As after a spreadsheet import in the same process, which raises the csv module's
    # global limit: the plan's own limit holds all the same (it did not, in a full run).
    csv.field_size_limit(max(csv.field_size_limit(), limits.FILE_BYTES))
    path = tmp_path / "plan.csv"
    path.write_text('Actie;Trekker\nKaart;OCMW\n"' + "x" * 200_000 + '";OCMW\n', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"^plan\.csv: regel 3: een cel is langer dan "):
        plan.read_plan(path, "z")


def test_an_actions_fields_after_dashes_on_its_title_line():
    """ "Netwerkavond – trekker: X – partners: Y": the fields of that action, in a list too;
    a dash before a department or a place stays in the value."""
    preview = _preview(
        "SD 1: X\nOD 1.1: Y\nActies:\n- Netwerkavond – trekker: OCMW Halle – timing: 2026\n"
        "- Wegwijzer – Trekker: Logo Demer – Partners: AZ Sint-Jan Brugge - Oostende\n"
    )
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("Netwerkavond", "OCMW Halle", [], "2026"),
        ("Wegwijzer", "Logo Demer", ["AZ Sint-Jan Brugge - Oostende"], None),
    ]


def test_a_spreadsheet_with_a_doelstelling_column_merged_cells_and_a_note_under_it(tmp_path):
    """Before: in "Doelstelling | Operationele doelstelling | Actie …" the strategic goals
    were read as the operational ones and the operational column was lost (actions stood
    under the wrong goal); a goal alone in its row, and a note under the table, ran on into
    the title of the action above. Merged goal cells are empty below their first row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ELZ Leuven Noord – jaaractieplan 2026"])
    sheet.append([])
    sheet.append(["Doelstelling", "Operationele doelstelling", "Actie", "Trekker", "Met wie"])
    sheet.append(["SD 1: Toegankelijke zorg", "OD 1.1: Eén aanspreekpunt", "Sociaal loket",
                  "Lokaal bestuur Herent", "OCMW Herent"])  # fmt: skip
    sheet.append([None, None, "Wegwijzer zorg\nen welzijn", "Zorgraad", "alle lokale besturen"])
    sheet.append([None, "OD 1.2: Vervoer naar zorg", "Minder Mobielen Centrale uitbreiden",
                  "Gemeente Kortenberg", "OCMW Kortenberg"])  # fmt: skip
    sheet.append(["SD 2: Een sterke zorgraad"])
    sheet.append([None, "OD 2.1: Goed bestuur", "Jaarverslag", "Zorgraad", "VVSG"])
    sheet.merge_cells("A4:A6")
    sheet.merge_cells("B4:B5")
    sheet.append([])
    sheet.append(["De zone omvat Herent, Kortenberg, Kampenhout, Boortmeerbeek en Haacht."])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    preview = plan.read_plan(path, "leuven-noord")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke zorg"),
        ("2", "Een sterke zorgraad"),
    ]
    assert [(g.number, g.parent) for g in preview.operational_goals] == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "2"),
    ]
    assert [(a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Sociaal loket", "Lokaal bestuur Herent"),
        ("1.1", "Wegwijzer zorg en welzijn", "Zorgraad"),
        ("1.2", "Minder Mobielen Centrale uitbreiden", "Gemeente Kortenberg"),
        ("2.1", "Jaarverslag", "Zorgraad"),
    ]
    assert preview.municipalities == [
        "Herent",
        "Kortenberg",
        "Kampenhout",
        "Boortmeerbeek",
        "Haacht",
    ]


def test_a_label_with_what_it_asks_for_in_brackets_and_a_contact_person(tmp_path):
    """Before: "Trekker (organisatie): LOGO Antwerpen" was no lead field and
    "Contactpersoon: Karen Wouters" no field at all: both ran on into the action's title, and
    the action had no lead. The contact person is personal data: not read."""
    preview = _preview(
        "SD 1 Preventie\n\nOD 1.1 Gezonde leefstijl\n\nActiefiche 1.1.1\n"
        "Titel: Gezonde school-project\nTrekker (organisatie): LOGO Antwerpen\n"
        "Contactpersoon: Karen Wouters\nBetrokken partners: CLB, Kind en Gezin\n"
        "Periode: Q1-Q3 2026\n\nActiefiche 1.1.2\nTitel: Drugpreventie\n"
        "Eigenaar (dienst): CAW Antwerpen\nContact: Bart Mertens\n"
    )
    first, second = preview.actions
    assert (first.title, first.lead, first.partners, first.timing) == (
        "Gezonde school-project",
        "LOGO Antwerpen",
        ["Kind en Gezin"],
        "Q1-Q3 2026",
    )
    assert (second.title, second.lead) == ("Drugpreventie", "CAW Antwerpen")
    assert not {"Karen Wouters", "Bart Mertens"} & set(preview.organisations)


def test_an_action_table_whose_header_comes_again_on_the_next_page(tmp_path):
    """Before: a Word table (converted from a PDF, or with the header typed again after a
    page break) that repeats its header row gave an action "Actie" with lead text
    "Trekker"; the header again is no row."""
    document = docx.Document()
    document.add_paragraph("Operationele doelstelling 1.1 – Langer thuis")
    header = ["Actie", "Trekker", "Partners", "Timing"]
    rows = [
        ["1.1.1 Casusoverleg thuiszorg", "Wit-Gele Kruis West-Vlaanderen", "i-mens", "2026"],
        header,
        ["1.1.2 Dagopvang dementie", "Sociaal Huis Zwevegem", "Samana", "najaar 2026"],
        ["ACTIE", "TREKKER", "PARTNERS", ""],
    ]
    table = document.add_table(rows=0, cols=4)
    for values in [header, *rows]:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "kortrijk")
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1.1", "Casusoverleg thuiszorg", "Wit-Gele Kruis West-Vlaanderen"),
        ("1.1.2", "Dagopvang dementie", "Sociaal Huis Zwevegem"),
    ]


def test_a_table_copied_from_excel_with_line_breaks_in_its_cells(tmp_path):
    """Before: Excel quotes a cell with a line break in it when a table is copied as text;
    the row ran over two lines, its title's second line became a strategic goal and the
    rest of the row an action of its own. Empty goal cells are the goal above (merged)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "Strategische doelstelling\tOperationele doelstelling\tNr\tActie\tTrekker\tPartners\t"
        "Periode\n"
        "SD1 Toegankelijke eerste lijn\tOD1.1 Vlot de weg vinden\t1.1.1\tSociale kaart\t"
        "Zorgraad\tCAW, OCMW Ronse\tQ1-Q3 2026\n"
        '\t\t1.1.2\t"Vorming eerstelijnspsychologische zorg\n'
        'voor huisartsen en apothekers"\tCGG Eclips\t"Huisartsenkring Vlaamse Ardennen,\n'
        'Apothekersvereniging Zuid-Oost-Vlaanderen"\tnajaar 2026\n'
        "\t\t1.1.3\tZorgbemiddeling\tEls Peeters (CAW Oost-Vlaanderen)\tOCMW, Samana\t"
        "doorlopend\n",
        encoding="utf-8",
    )
    preview = plan.read_plan(path, "vlaamse-ardennen")
    assert [g.number for g in preview.strategic_goals] == ["1"]
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1.1", "Sociale kaart", "Zorgraad"),
        ("1.1.2", "Vorming eerstelijnspsychologische zorg voor huisartsen en apothekers",
         "CGG Eclips"),
        ("1.1.3", "Zorgbemiddeling", "CAW Oost-Vlaanderen"),
    ]  # fmt: skip
    assert preview.actions[1].partners == [
        "Huisartsenkring Vlaamse Ardennen",
        "Apothekersvereniging Zuid-Oost-Vlaanderen",
    ]


def test_a_numbered_closing_chapter_after_goals_under_worded_headings():
    """Before: the plan's goals under "DOELSTELLING 1 —" headings and no numbered chapter
    before them: "3. Opvolging en evaluatie" became an indicator of the last action. A
    numbered list under an action ("1. …", "2. …", "3. Evaluatie") stays the action's."""
    preview = _preview(
        "Jaarplan ELZ Rupel\n\nDOELSTELLING 1 — Zorgcontinuïteit\n\n"
        "Subdoelstelling 1.1 — Palliatieve zorg\n\nActiefiche 1.1.1\nTitel: Infoavond\n"
        "Trekker: Gemeente Niel\nIndicator: aantal bezoekers\n\n3. Opvolging en evaluatie\n\n"
        "De zorgraad volgt het plan op.\n"
    )
    [action] = preview.actions
    assert action.indicators == ["aantal bezoekers"]
    steps = _preview(
        "OD 1.1 Palliatieve zorg\n\nActie 1.1.1: Infoavond\nTrekker: Gemeente Niel\n"
        "Indicatoren:\n1. Voorbereiding\n2. Uitvoering\n3. Evaluatie\n"
    )
    assert steps.actions[0].indicators == ["Voorbereiding", "Uitvoering", "Evaluatie"]


def test_a_pdf_table_in_columns_whose_cells_wrap_onto_the_next_line():
    """Before: a PDF's text with its layout kept (tests/data/plan_westhoek_layout.txt), where
    a title or a name wraps onto the next line under its column ("voor de Westhoek",
    "Wit-Gele Kruis West-" / "Vlaanderen"), made each wrapped line an action of its own, and
    two spaces between cells ran a lead and its partners into one name."""
    preview = plan.read_plan(DATA / "plan_westhoek_layout.txt", "westhoek")
    actions = _actions(preview)
    assert list(actions) == ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3", "2.1.1", "2.1.2"]
    assert (actions["1.1.1"].title, actions["1.1.1"].partners) == (
        "Opmaak van een sociale kaart voor de Westhoek",
        ["CAW Centraal-West-Vlaanderen", "Samana"],
    )
    assert (actions["1.2.3"].lead, actions["1.2.3"].partners, actions["1.2.3"].timing) == (
        "Welzijnsschakels Westhoek",
        ["OCMW Ieper", "CM"],
        "Q2 2026",
    )
    assert actions["2.1.1"].lead == "Wit-Gele Kruis West-Vlaanderen"
    assert actions["2.1.2"].title == "Samenwerking met het Jan Yperman Ziekenhuis rond ontslag"


def test_a_two_column_table_flattened_to_label_space_value():
    """Before: a PDF's text of an action sheet as a table of label and value gives "Trekker
    OCMW Genk" (no colon, no tab): the lead was lost and ran on into the timing above; so
    did "Partners Samana, OKRA". A sentence that starts with the word is no label."""
    preview = _preview(
        "OD 1.1: Mantelzorg\n\nActie 1 Mantelzorgcafé \n\nTiming najaar 2026 \n\n"
        "Trekker Samana i.s.m. CM \n\nPartners OKRA, Vief \n\n"
        "Actie 2 Respijtzorg \n\nTiming 2026-2027 \n\nTrekker Els Peeters (Gemeente Lummen) \n"
        "\nTrekkers zijn er nog niet voor de tweede fase.\n"
    )
    first, second = preview.actions
    assert (first.lead, first.partners, first.timing) == (
        "Samana",
        ["CM", "OKRA", "Vief"],
        "najaar 2026",
    )
    assert (second.lead, second.timing) == ("Gemeente Lummen", "2026-2027")


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Verantwoordelijke organisatie OCMW Genk", "lead", "OCMW Genk"),
        ("Eigenaar OCMW Genk", "lead", "OCMW Genk"),
        ("Betrokken partners OCMW Genk, Samana", "partners", ["OCMW Genk", "Samana"]),
        ("Partner(s) OCMW Genk", "partners", ["OCMW Genk"]),
        ("Periode Q1-Q3 2026", "timing", "Q1-Q3 2026"),
        ("Planning najaar 2026", "timing", "najaar 2026"),
        ("Looptijd 2026-2027", "timing", "2026-2027"),
        ("Termijn doorlopend", "timing", "doorlopend"),
    ],
)
def test_other_labels_flattened_to_label_space_value(line, field, value):
    """Before: "Eigenaar OCMW Genk", "Betrokken partners X", "Periode Q1-Q3 2026" as a PDF's
    text gives a table of label and value ran on into the field above."""
    above = "Timing 2026" if field != "timing" else "Trekker: Samana"
    preview = _preview(f"OD 1.1: X\n\nActie 1.1.1: Netwerkdag\n{above}\n{line}\n")
    [action] = preview.actions
    assert {"lead": action.lead, "partners": action.partners, "timing": action.timing}[
        field
    ] == value


def test_the_register_name_inside_the_plans_own_zone_name_is_not_named():
    """Before: with "ELZ Leuven" in the register, a plan of "ELZ Leuven Noord" named it as an
    organisation of its own (its title says "ELZ Leuven Noord"); "UZ Leuven" is still named."""
    existing = [
        {"id": "elz-leuven", "name": "ELZ Leuven"},
        {"id": "uz-leuven", "name": "UZ Leuven"},
    ]
    preview = plan.parse_lines(
        [
            "ELZ Leuven Noord – jaaractieplan 2026",
            "We werken samen met UZ Leuven.",
            "OD 1.1: Overleg",
            "Actie 1.1.1: Netwerkdag",
            "Trekker: Zorgraad",
        ],
        "leuven-noord",
        "plan.txt",
        existing,
    )
    assert "ELZ Leuven" not in preview.organisations
    assert "UZ Leuven" in preview.organisations


def test_a_headings_short_form_in_brackets_is_no_part_of_its_title():
    """Before: "Strategische doelstelling 2 (SD2): Samenwerking" had the title "(SD2):
    Samenwerking"."""
    preview = _preview(
        "Strategische doelstelling 2 (SD2): Samenwerking\n"
        "Operationele doelstelling 2.1 (OD 2.1) – Overleg\nActie 2.1.1: Netwerkdag\n"
    )
    assert [g.title for g in preview.strategic_goals] == ["Samenwerking"]
    assert [g.title for g in preview.operational_goals] == ["Overleg"]


def test_a_word_title_cell_with_a_description_under_the_title(tmp_path):
    """Before: a title cell of a Word table with the action's description as a paragraph
    under it ("Sociale kaart actualiseren" / "We actualiseren alle fiches …") gave the whole
    cell as the title. A title typed over two paragraphs stays one."""
    document = docx.Document()
    document.add_paragraph("Operationele doelstelling 1.1: Sociale kaart")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Actie", "Trekker", "Timing"], strict=True):
        cell.text = text
    for title, more, lead in [
        ("Sociale kaart actualiseren", "We actualiseren alle fiches samen.", "OCMW Brugge"),
        ("Netwerkmoment eerstelijn en ziekenhuis", "rond ontslagmanagement", "AZ Sint-Jan"),
    ]:  # fmt: skip
        cells = table.add_row().cells
        cells[0].text = title
        cells[0].add_paragraph(more)
        cells[1].text = lead
        cells[2].text = "2026"
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "brugge")
    assert [(a.title, a.lead, a.timing) for a in preview.actions] == [
        ("Sociale kaart actualiseren", "OCMW Brugge", "2026"),
        ("Netwerkmoment eerstelijn en ziekenhuis rond ontslagmanagement", "AZ Sint-Jan", "2026"),
    ]


def test_table_headers_with_a_note_in_brackets(tmp_path):
    """Before: "Actie (wat?)", "Met wie (partners)" and "Timing (wanneer?)" were no field
    headers: the table was not read as one and its actions were lost."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1: Sociale kaart\n\n"
        "Actie (wat?)\tTrekker (wie?)\tMet wie (partners)\tTiming (wanneer?)\n"
        "Sociale kaart actualiseren\tOCMW Brugge\tSamana, OKRA\tQ1 2026\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "brugge").actions
    assert (action.title, action.lead, action.partners, action.timing) == (
        "Sociale kaart actualiseren",
        "OCMW Brugge",
        ["Samana", "OKRA"],
        "Q1 2026",
    )


@pytest.mark.parametrize("title", ["Actiepunt", "Acties 2026", "Activiteit", "Naam van de actie"])
def test_the_title_column_by_other_names_than_actie(tmp_path, title):
    """Before: beside a "Nr" column, a title column headed "Actiepunt" gave the title
    "1.1.1 Actiepunt: Sociale kaart", and "Naam van de actie" a second, empty action."""
    path = tmp_path / "plan.txt"
    path.write_text(
        f"OD 1.1: Sociale kaart\n\nNr\t{title}\tTrekker\tPartners\tTiming\n"
        "1.1.1\tSociale kaart actualiseren\tOCMW Brugge\tSamana, OKRA\tQ1 2026\n",
        encoding="utf-8",
    )
    actions = plan.read_plan(path, "brugge").actions
    assert [(a.id_code, a.title, a.lead) for a in actions] == [
        ("1.1.1", "Sociale kaart actualiseren", "OCMW Brugge")
    ]


def test_strategic_goals_named_priorities_and_fields_after_a_dash():
    """Before: "Prioriteit 1" / "Pijler 2" over "Doelstelling 1.1" lost the strategic goals,
    and "Trekker – Samana" was no field: the lead was lost and ran into the title. Where the
    plan has strategic goals by name, a priority is no goal."""
    preview = _preview(
        "Prioriteit 1: Toegankelijke zorg\nDoelstelling 1.1: Sociale kaart\n"
        "Actie 1.1.1 – Netwerkdag\nTrekker – Samana\nPartners – OKRA, Vief\nTiming – Q1 2026\n"
        "Pijler 2: Preventie\nDoelstelling 2.1: Val\nActie 2.1.1: Campagne\n"
    )
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke zorg"),
        ("2", "Preventie"),
    ]
    first = preview.actions[0]
    assert (first.title, first.lead, first.partners, first.timing) == (
        "Netwerkdag",
        "Samana",
        ["OKRA", "Vief"],
        "Q1 2026",
    )
    both = _preview(
        "Prioriteit 1: Hoog\nStrategische doelstelling 1: Zorg\nDoelstelling 1.1: Kaart\n"
        "Actie 1.1.1: Netwerkdag\n"
    )
    assert [g.title for g in both.strategic_goals] == ["Zorg"]


def test_a_zone_name_in_quotes_or_with_an_ampersand():
    """Before: "Jaaractieplan ELZ ‘Rivierenland’" named no zone, "ELZ KEMP & DUIN" named
    "ELZ Kempen", and a plan of "ELZ Kemp & Duin" was refused for zone "Kemp en Duin"."""

    def zone_of(title: str) -> str | None:
        return _preview(
            f"{title}\n\nSD 1: Zorg\nOD 1.1: Kaart\nActie 1.1.1: Netwerkdag\n"
        ).zone_name

    assert zone_of("Jaaractieplan ELZ ‘Rivierenland’") == "ELZ Rivierenland"
    assert zone_of("JAARACTIEPLAN 2026\nELZ KEMP & DUIN") == "ELZ Kemp & Duin"
    preview = _preview("ELZ Kemp & Duin – Actieplan 2026\n\nSD 1: Zorg\nOD 1.1: Kaart\n")
    plan.check_zone(preview, "kemp-en-duin", "ELZ Kemp en Duin")  # no error: the same zone
    with pytest.raises(ValidationError, match="--zone kemp-en-duin"):
        plan.check_zone(preview, "maasland", "ELZ Maasland")


def test_a_zone_a_municipality_moves_to_is_no_zone_of_the_plan():
    """Before: a plan of Jekervallei whose territory says "Voeren … sluit dan aan bij ELZ
    Maasland" was refused as Maasland's for a new zone jekervallei, and taken without a word
    for zone maasland, whose municipalities it would have changed (docs2 found it)."""
    preview = plan.read_plan(DATA / "plans" / "elz-jekervallei.pdf", "jekervallei")
    assert preview.named_zones == ["ELZ Jekervallei", "ELZ Maasland"]
    plan.check_new_zone(preview, "jekervallei", {"maasland": "ELZ Maasland"})  # no error
    with pytest.raises(ValidationError, match="--zone jekervallei"):
        plan.check_zone(preview, "maasland", "ELZ Maasland")


def test_the_zones_municipalities_after_its_name_in_brackets_or_where_it_is_active():
    """Before: "ELZ Dender (Aalst, …, Lede) werkt aan …", "Onze zone situeert zich in …" and
    "De eerstelijnszone is actief in …" gave a new zone no municipalities. Another zone's
    municipalities in brackets after its name are not the zone's."""
    zone = ["Aalst", "Denderleeuw", "Erpe-Mere", "Lede"]
    assert _territory("ELZ Dender (Aalst, Denderleeuw, Erpe-Mere en Lede) werkt aan zorg.") == zone
    assert _territory("Onze zone situeert zich in Aalst, Denderleeuw, Erpe-Mere en Lede.") == zone
    assert (
        _territory("De eerstelijnszone is actief in Aalst, Denderleeuw, Erpe-Mere en Lede.") == zone
    )
    assert _territory("ELZ Dender werkt samen met ELZ Zuid (Ninove, Geraardsbergen).") == []


def test_an_article_before_a_partner_is_no_part_of_its_name():
    """Before: "het RSG" and "het Wit-Gele Kruis" were partners under those names (a second
    organisation beside "RSG"); "De Kouter" is a name, its article part of it."""
    preview = _preview(
        "OD 1.1: Y\nActie 1.1.1: Z\nTrekker: Zorgraad\n"
        "Partners: het RSG, het Wit-Gele Kruis, De Kouter, de huisartsen\n"
    )
    [action] = preview.actions
    assert action.partners == ["RSG", "Wit-Gele Kruis", "De Kouter"]
    assert action.partner_groups == ["de huisartsen"]


def test_a_table_row_whose_cells_wrap_onto_a_row_without_a_number(tmp_path):
    """Before: in a table with a number column, a row of a title's second line ("|  |
    sociale kaart |  | OKRA |") became an action of its own and the partner it names
    went with it; a row without a number but with a title of its own is still an action."""
    path = tmp_path / "plan.md"
    path.write_text(
        "OD 1.1: Sociale kaart\n\n| Nr. | Actie | Trekker | Partners | Timing |\n"
        "|---|---|---|---|---|\n"
        "| 1.1.1 | Opmaak van een gedeelde | OCMW Brugge | Samana, | Q1 2026 |\n"
        "|  | sociale kaart |  | OKRA |  |\n"
        "| 1.1.2 | Infosessie | Huisartsenkring Brugge | CAW | najaar 2026 |\n"
        "|  | Netwerkdag | Zorgraad | Samana | 2026 |\n",
        encoding="utf-8",
    )
    actions = plan.read_plan(path, "brugge").actions
    assert [(a.id_code, a.title, a.partners) for a in actions] == [
        ("1.1.1", "Opmaak van een gedeelde sociale kaart", ["Samana", "OKRA"]),
        ("1.1.2", "Infosessie", ["CAW"]),
        ("1.1-a", "Netwerkdag", ["Samana"]),
    ]


def test_persons_beside_the_bodies_that_lead_together():
    """Before: "CAW Oost-Vlaanderen (Els Peeters) en OCMW Gent (Jan Claes)" lost the second
    lead (the field was cut at the first bracket), "Els Peeters (CAW) en Jan Claes (OCMW
    Gent)" made an organisation "Els Peeters (CAW)", and "E. Peeters (CAW Brugge)" one named
    "E. Peeters"."""

    def lead(value: str) -> tuple:
        preview = _preview(f"OD 1.1: Y\nActie 1.1.1: Z\nTrekker: {value}\n")
        action = preview.actions[0]
        return action.lead, action.co_leads, preview.organisations

    assert lead("CAW Oost-Vlaanderen (Els Peeters) en OCMW Gent (Jan Claes)") == (
        "CAW Oost-Vlaanderen",
        ["OCMW Gent"],
        ["CAW Oost-Vlaanderen", "OCMW Gent"],
    )
    assert lead("Els Peeters (CAW) en Jan Claes (OCMW Gent)") == (
        "CAW",
        ["OCMW Gent"],
        ["CAW", "OCMW Gent"],
    )
    assert lead("E. Peeters (CAW Brugge)") == ("CAW Brugge", [], ["CAW Brugge"])
    assert lead("A.Z. Groeninge")[0] == "A.Z. Groeninge"


def test_goals_in_rows_of_their_own_across_an_action_table(tmp_path):
    """Before: a Word table with each goal in a row merged across the table ("SD 1: X" over
    its actions) lost every goal (the actions stood under none) and ran the goal rows into
    the timing of the action above; in a text export a goal alone on its line did the same."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["Actie", "Trekker", "Partners", "Timing"], strict=True
    ):
        cell.text = text
    rows = [
        "SD 1: Toegankelijke zorg",
        "OD 1.1: Sociale kaart",
        ["1.1.1 Sociale kaart actualiseren", "OCMW Oostende", "Samana", "Q1 2026"],
        "OD 1.2: Vervoer",
        ["1.2.1 Vervoer naar zorg", "Gemeente Bredene", "Minder Mobielen Centrale", "2026"],
    ]
    for values in rows:
        cells = table.add_row().cells
        if isinstance(values, str):
            cells[0].merge(cells[3]).text = values
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "oostende")
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Sociale kaart"),
        ("1.2", "Vervoer"),
    ]
    assert [(a.operational_goal, a.id_code, a.timing) for a in preview.actions] == [
        ("1.1", "1.1.1", "Q1 2026"),
        ("1.2", "1.2.1", "2026"),
    ]
    text = tmp_path / "plan.txt"
    text.write_text(
        "Actie\tTrekker\tPartners\tTiming\nSD 1: Toegankelijke zorg\nOD 1.1: Sociale kaart\n"
        "1.1.1 Sociale kaart actualiseren\tOCMW Oostende\tSamana\tQ1 2026\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(text, "oostende").actions
    assert (action.operational_goal, action.title) == ("1.1", "Sociale kaart actualiseren")


def test_a_coordinator_column_beside_or_without_a_lead(tmp_path):
    """Before: a "Coördinator" column was no field: its value ran into the action's title
    ("Infosessie Coördinator: Els Peeters (CAW Brugge)") and the action had no lead. Beside
    a "Trekker" it is not read; without one, who coordinates leads."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1: Sociale kaart\n\nActie\tTrekker\tCoördinator\tPartners\n"
        "Sociale kaart\tOCMW Oostende\tJan De Smet (ELZ)\tSamana\n"
        "Infosessie\t\tEls Peeters (CAW Brugge)\tOKRA\n",
        encoding="utf-8",
    )
    actions = plan.read_plan(path, "brugge").actions
    assert [(a.title, a.lead, a.partners) for a in actions] == [
        ("Sociale kaart", "OCMW Oostende", ["Samana"]),
        ("Infosessie", "CAW Brugge", ["OKRA"]),
    ]


def test_bullets_typed_in_a_table_cell_are_no_part_of_the_names(tmp_path):
    """Before: a Word cell of partners typed as "• CAW Brugge" / "• Samana" made
    organisations named "• CAW Brugge" and "• Samana"."""
    document = docx.Document()
    document.add_paragraph("OD 1.1: Kaart")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Actie", "Trekker", "Partners"], strict=True):
        cell.text = text
    cells = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text = "Sociale kaart", "• OCMW Brugge", "• CAW Brugge"
    cells[2].add_paragraph("• Samana")
    cells[2].add_paragraph("▪ alle lokale besturen")
    path = tmp_path / "plan.docx"
    document.save(path)
    preview = plan.read_plan(path, "brugge")
    [action] = preview.actions
    assert (action.lead, action.partners, action.partner_groups) == (
        "OCMW Brugge",
        ["CAW Brugge", "Samana"],
        ["alle lokale besturen"],
    )
    assert preview.organisations == ["OCMW Brugge", "CAW Brugge", "Samana"]


def test_quotes_around_a_name_are_no_part_of_it():
    """Before: "“De Kleine Prins”" and "VZW ‘De Bolster’" became organisations with the
    quotes in their names (a second organisation beside the one without)."""
    preview = _preview(
        "OD 1.1: Y\nActie 1.1.1: Z\nTrekker: “OCMW Brugge”\n"
        "Partners: “De Kleine Prins”, VZW ‘De Bolster’, ‘t Kompas\n"
    )
    [action] = preview.actions
    assert (action.lead, action.partners) == (
        "OCMW Brugge",
        ["De Kleine Prins", "VZW De Bolster", "‘t Kompas"],
    )


def test_names_apart_by_a_slash_and_lists_ending_in_e_a():
    """Before: "Samana/OKRA" and "CAW Limburg/OCMW Genk" were one organisation each, "i-mens
    e.a." one named "i-mens e.a", and "CM en/of Solidaris" one named so; "OCMW Aalst/Lede"
    (a place after the slash) stays as written."""
    preview = _preview(
        "OD 1.1: Y\nActie 1.1.1: Z\nTrekker: CAW Limburg/OCMW Genk\n"
        "Partners: Samana/OKRA, Familiehulp, i-mens e.a., CM en/of Solidaris, OCMW Aalst/Lede\n"
    )
    [action] = preview.actions
    assert (action.lead, action.co_leads) == ("CAW Limburg", ["OCMW Genk"])
    assert action.partners == [
        "Samana",
        "OKRA",
        "Familiehulp",
        "i-mens",
        "CM",
        "Solidaris",
        "OCMW Aalst/Lede",
    ]


def test_a_row_broken_at_a_line_break_in_its_cell_in_a_text_export(tmp_path):
    """Before: Word's text export of a table breaks a row where a cell has a line break
    ("1.1.1<tab>Opmaak van een" / "sociale kaart<tab>OCMW Brugge<tab>Samana," / "OKRA<tab>Q1
    2026"): the row's rest became actions "OCMW Brugge" and "Q1 2026"; a short row of its
    own (empty cells at its end) is still a row."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "OD 1.1: Sociale kaart\n\nNr\tActie\tTrekker\tPartners\tTiming\n"
        "1.1.1\tOpmaak van een\nsociale kaart\tOCMW Brugge\tSamana,\nOKRA\tQ1 2026\n"
        "1.1.2\tInfosessie\tZorgraad\n1.1.3\tVorming\tCAW Brugge\tOKRA\t2026\n",
        encoding="utf-8",
    )
    actions = plan.read_plan(path, "brugge").actions
    assert [(a.id_code, a.title, a.lead, a.partners, a.timing) for a in actions] == [
        ("1.1.1", "Opmaak van een sociale kaart", "OCMW Brugge", ["Samana", "OKRA"], "Q1 2026"),
        ("1.1.2", "Infosessie", "Zorgraad", [], None),
        ("1.1.3", "Vorming", "CAW Brugge", ["OKRA"], "2026"),
    ]


def test_goals_numbered_with_a_letter_and_a_remark_before_the_title():
    """Before: "OD 1.a: Kaart" and "OD 1b: Vervoer" had the titles "a: Kaart" and "b:
    Vervoer", "Actie 1b.1: Bus" the title "b.1: Bus", and "Actie 1.1.2 (vervolg 2025):
    Infoavond" the title "(vervolg 2025): Infoavond". A letter stands for its place (c: 3)."""
    preview = _preview(
        "SD 1: Zorg\nOD 1.a: Kaart\nActie 1.1.1 (vervolg 2025): Infoavond\n"
        "OD 1b: Vervoer\nActie 1b.1: Bus\nOD 1c: Mantelzorg\nActie 1c.1: Café\n"
    )
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Kaart"),
        ("1.2", "Vervoer"),
        ("1.3", "Mantelzorg"),
    ]
    assert [(a.id_code, a.title) for a in preview.actions] == [
        ("1.1.1", "Infoavond"),
        ("1.2.1", "Bus"),
        ("1.3.1", "Café"),
    ]


def test_a_workbook_with_a_sheet_per_goal(tmp_path):
    """Before: a plan kept in Excel with a sheet per strategic goal ("SD1 Toegang", "SD2
    Samenwerking") behind a sheet of explanation was read from the sheet it opens on only:
    every goal and action was lost, without a word. A sheet of lists (no action table) is
    not read."""
    book = openpyxl.Workbook()
    book.active.title = "Toelichting"
    book.active.append(["ELZ Demerland – Actieplan 2026"])
    for title, goal, action in [
        ("SD1 Toegang", "OD 1.1: Sociale kaart", ["Actie 1.1.1 Kaart", "OCMW Diest", "Samana"]),
        (
            "SD2 Samenwerking",
            "OD 2.1: Overleg",
            ["Actie 2.1.1 Overleg", "CAW Oost-Brabant", "OKRA"],
        ),
    ]:
        sheet = book.create_sheet(title)
        sheet.append([goal])
        sheet.append(["Actie", "Trekker", "Partners"])
        sheet.append(action)
    book.create_sheet("Lijsten").append(["Vief"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    preview = plan.read_plan(path, "demerland")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegang"),
        ("2", "Samenwerking"),
    ]
    assert [(a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Kaart", "OCMW Diest"),
        ("2.1", "Overleg", "CAW Oost-Brabant"),
    ]
    assert "Vief" not in preview.organisations
    assert any("'SD1 Toegang', 'SD2 Samenwerking' gelezen" in w for w in preview.warnings)


def test_a_workbook_keeps_last_years_plan_and_its_archive_apart(tmp_path):
    """Before: the sheets of another year ("Actieplan 2025") and an archive ("Afgerond")
    beside "Actieplan 2026" were read as part of the plan: 2025's action 1.1.1 ran into
    2026's, and its other actions stood as current ones, without a word."""
    book = openpyxl.Workbook()
    header = ["Nr.", "Actie", "Trekker", "Partners", "Timing"]
    for title, code, action, lead in [
        ("Actieplan 2026", "1.1.1", "Sociale kaart actualiseren", "OCMW Geel"),
        ("Actieplan 2025", "1.1.3", "Bevraging huisartsen", "OCMW Mol"),
        ("Afgerond", "1.1.4", "Infosessie", "OCMW Balen"),
    ]:
        sheet = book.active if title.endswith("2026") else book.create_sheet(title)
        sheet.title = title
        for row in (header, ["SD 1: Toegankelijke zorg"], ["OD 1.1: Sociale kaart"]):
            sheet.append(row)
        sheet.append([code, action, lead, "Samana", title[-4:]])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    preview = plan.read_plan(path, "kempen")
    assert [(a.id_code, a.lead) for a in preview.actions] == [("1.1.1", "OCMW Geel")]
    assert any(
        "'Actieplan 2025', 'Afgerond' niet gelezen" in warning for warning in preview.warnings
    )


def test_goals_as_fields_of_action_sheets():
    """Before: action sheets that name their goals as fields ("Operationele doelstelling:
    OD 1.2 – Sociale kaart") lost the lead, partners and timing of every sheet (the goal
    line ended the action) and numbered the goals anew ("OD 1.2" became 1.1, titled "OD
    1.2 – Sociale kaart")."""
    preview = _preview(
        "ELZ Brugge – Actiefiches 2026\n\nActiefiche 1\nTitel: Netwerkdag\n"
        "Strategische doelstelling: SD 1 – Toegankelijke zorg\n"
        "Operationele doelstelling: OD 1.2 – Sociale kaart\n"
        "Trekker: CAW Noord-West-Vlaanderen\nPartners: Samana\nTiming: najaar 2026\n\n"
        "Actiefiche 2\nTitel: Casusoverleg\nStrategische doelstelling: SD 2 – Samenwerking\n"
        "Operationele doelstelling: OD 2.1 – Overleg\nTrekker: Wit-Gele Kruis West-Vlaanderen\n"
    )
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.2", "Sociale kaart"),
        ("2.1", "Overleg"),
    ]
    assert [
        (a.operational_goal, a.title, a.lead, a.partners, a.timing) for a in preview.actions
    ] == [
        ("1.2", "Netwerkdag", "CAW Noord-West-Vlaanderen", ["Samana"], "najaar 2026"),
        ("2.1", "Casusoverleg", "Wit-Gele Kruis West-Vlaanderen", [], None),
    ]


def test_an_overview_of_the_actions_before_the_goals(tmp_path):
    """Before: a plan that lists its actions in an overview table before its goals kept each
    action under no goal, though the detail under the goals prints it again."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "ELZ Brugge – Actieplan 2026\n\nNr\tActie\tTrekker\n1.1.1\tNetwerkdag\tCAW Brugge\n"
        "2.1.1\tOverleg\tOCMW Brugge\n\nStrategische doelstelling 1: Zorg\n\n"
        "Operationele doelstelling 1.1: Kaart\n\nActie 1.1.1: Netwerkdag\nPartners: Samana\n\n"
        "Strategische doelstelling 2: Samen\n\nOperationele doelstelling 2.1: Overleg\n\n"
        "Actie 2.1.1: Overleg\nPartners: OKRA\n",
        encoding="utf-8",
    )
    actions = plan.read_plan(path, "brugge").actions
    assert [(a.operational_goal, a.id_code, a.lead, a.partners) for a in actions] == [
        ("1.1", "1.1.1", "CAW Brugge", ["Samana"]),
        ("2.1", "2.1.1", "OCMW Brugge", ["OKRA"]),
    ]
    # Listed in the overview only: under the goal its code names.
    path.write_text(
        "Nr\tActie\tTrekker\n1.1.1\tNetwerkdag\tCAW Brugge\n\nSD 1: Zorg\nOD 1.1: Kaart\n",
        encoding="utf-8",
    )
    [action] = plan.read_plan(path, "brugge").actions
    assert (action.operational_goal, action.id_code) == ("1.1", "1.1.1")


def _borderless_pdf(path, header: list[str], rows: list[list[str]]) -> None:
    """A PDF of a heading and a table of actions without ruled lines, as Word prints a table
    without borders (reportlab, a dependency for the zorgraad report)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    cells = [[Paragraph(text, styles["BodyText"]) for text in row] for row in rows]
    story = [
        Paragraph("Operationele doelstelling 1.1: Inwoners kennen het aanbod", styles["Heading2"]),
        Table([header, *cells], colWidths=[40, 150, 140, 150, 60]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_pdf_table_of_actions_without_ruled_lines(tmp_path):
    """Before: a Word table without borders, printed to PDF, ran its columns together
    ("1.1.1 Infosessie over het Sociaal Huis Roeselare Samana, OKRA Q1-Q3"): no lead,
    partners or timing, and the header joined to the goal's title. Each word now goes to the
    header's column where it starts, a number in the number column starting a row."""
    path = tmp_path / "plan.pdf"
    _borderless_pdf(
        path,
        ["Nr.", "Actie", "Trekker", "Partners", "Timing"],
        [
            ["1.1.1", "Infosessie over het zorgaanbod voor inwoners", "Sociaal Huis Roeselare",
             "Samana, OKRA", "Q1-Q3 2026"],
            ["1.1.2", "Opleiding rond vroegdetectie van kwetsbaarheid bij ouderen",
             "Els Peeters (Huisartsenkring Midden-West-Vlaanderen)",
             "Wit-Gele Kruis West-Vlaanderen, Familiehulp", "najaar 2026"],
        ],
    )  # fmt: skip
    preview = plan.read_plan(path, "midden")
    assert [g.title for g in preview.operational_goals] == ["Inwoners kennen het aanbod"]
    assert [(a.id_code, a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("1.1.1", "Infosessie over het zorgaanbod voor inwoners", "Sociaal Huis Roeselare",
         ["Samana", "OKRA"], "Q1-Q3 2026"),
        ("1.1.2", "Opleiding rond vroegdetectie van kwetsbaarheid bij ouderen",
         "Huisartsenkring Midden-West-Vlaanderen",
         ["Wit-Gele Kruis West-Vlaanderen", "Familiehulp"], "najaar 2026"),
    ]  # fmt: skip


def test_line_breaks_in_the_cells_of_a_markdown_table(tmp_path):
    """Before: a converter's Markdown table with "<br>" in its cells made organisations
    named "Samana<br>OKRA" and "Els Peeters<br/>" (a person), and a title "Opmaak van
    een<br>sociale kaart"."""
    path = tmp_path / "plan.md"
    path.write_text(
        "## Operationele doelstelling 1.1: Kaart\n\n| Nr. | Actie | Trekker | Partners |\n"
        "|---|---|---|---|\n"
        "| 1.1.1 | Opmaak van een<br>sociale kaart | OCMW Brugge | Samana<br>OKRA |\n"
        "| 1.1.2 | Infoavond | Els Peeters<br/>(CAW Brugge) | CM<br>Solidaris |\n",
        encoding="utf-8",
    )
    preview = plan.read_plan(path, "brugge")
    assert [(a.title, a.lead, a.partners) for a in preview.actions] == [
        ("Opmaak van een sociale kaart", "OCMW Brugge", ["Samana", "OKRA"]),
        ("Infoavond", "CAW Brugge", ["CM", "Solidaris"]),
    ]


def test_a_person_among_the_items_of_a_lead_or_partner_field():
    """Before: "Trekker: Els Peeters; OCMW Brugge" (a Word cell of two paragraphs) left the
    action without a lead (the field was cut at the person); a person among partners was
    kept as a group, personal data on the action."""
    preview = _preview(
        "OD 1.1: Y\nActie 1.1.1: Z\nTrekker: Els Peeters; OCMW Brugge\n"
        "Partners: Samana, Jan Claes, OKRA\n"
    )
    [action] = preview.actions
    assert (action.lead, action.partners, action.partner_groups) == (
        "OCMW Brugge",
        ["Samana", "OKRA"],
        [],
    )


def test_a_sentence_under_a_pdf_table_without_ruled_lines_is_no_row(tmp_path):
    """Before: the text under a table without ruled lines ran into its last row, and a
    sentence broken over lines after a timing became part of that timing."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    rows = [["1.1.1", "Netwerkdag", "Zorgraad", "alle lokale besturen", "najaar 2026"]]
    path = tmp_path / "plan.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("Operationele doelstelling 1.1: Aanbod", styles["Heading2"]),
            Table(
                [["Nr.", "Actie", "Trekker", "Partners", "Timing"], *rows],
                colWidths=[40, 150, 140, 150, 60],
            ),
            Paragraph(
                "De zorgraad volgt deze acties twee keer per jaar op en stuurt bij waar nodig, "
                "samen met de werkgroepen van de clusters.",
                styles["BodyText"],
            ),
        ]
    )
    [action] = plan.read_plan(path, "midden").actions
    assert (action.title, action.lead, action.timing) == ("Netwerkdag", "Zorgraad", "najaar 2026")


def test_a_row_without_a_number_that_brings_its_own_lead_is_an_action_of_its_own(tmp_path):
    """Before: under "| 1.1.1 | Netwerkdag | OCMW Geel | Samana | 2026 |", a row without a
    number whose title starts in lower case ("eHealth-sessies", "i-mens infomoment") was run
    into the row above, its lead, partners and timing too ("OCMW Geel Huisartsenkring
    Kempen"). It brings a lead of its own: an action without a code. A cell that goes on
    under a broken one ("CAW Kempen," / "Samana") still goes on."""
    path = tmp_path / "plan.md"
    path.write_text(
        "Strategische doelstelling 1: Samenwerken\n"
        "Operationele doelstelling 1.1: Overleg\n"
        "| Nr. | Actie | Trekker | Partners | Timing |\n"
        "|---|---|---|---|---|\n"
        "| 1.1.1 | Netwerkdag voor zorgverleners | OCMW Geel | Samana | 2026 |\n"
        "| | eHealth-sessies voor huisartsen | Huisartsenkring Kempen | Domus Medica | 2026 |\n"
        "| 1.1.2 | Opmaak van een | OCMW Geel | CAW Kempen, | 2026 |\n"
        "| | sociale kaart | | Samana | |\n",
        encoding="utf-8",
    )
    preview = plan.read_plan(path, "testzone")
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("Netwerkdag voor zorgverleners", "OCMW Geel", ["Samana"], "2026"),
        ("eHealth-sessies voor huisartsen", "Huisartsenkring Kempen", ["Domus Medica"], "2026"),
        ("Opmaak van een sociale kaart", "OCMW Geel", ["CAW Kempen", "Samana"], "2026"),
    ]
