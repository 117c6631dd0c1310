"""Plans of zones the importer was not built on, seventh round, in the text a PDF extractor
gives (a blank line after every line): the steps of an action under their own label, a
sentence after the partners, support from the Flemish government, two organisations joined
by "en", a chapter of this year's actions, a footer "Pagina 2 van 9", the topics a seed
plan lists under "Met wie?", and a territory of two municipalities."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import read as _read

STEPS = """ELZ Maasland
Actieplan 2025
Strategische doelstelling 1: Sterke eerstelijn
Operationele doelstelling 1.1: Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: ELZ Maasland
Partners:
• CAW Limburg
• Logo Limburg
Stappen:
• Locatie vastleggen
• Uitnodigingen versturen
Timing: 2025
Actie 1.1.2: Vormingsreeks
Trekker: ELZ Maasland
Partners: Samana
Activiteiten:
• Vorming rond dementie
Werkwijze:
• Drie sessies per jaar
Actie 1.1.3: Buurtzorg
Trekker: ELZ Maasland
Partners: Ziekenzorg
Aanpak:
- Eerste overleg plannen
Resultaat:
- Tien buurten doen mee
Budget:
- 2000 euro
Actie 1.1.4: Huisartsenwacht
Trekker: ELZ Maasland
Partners: Huisartsenkring Maasland
Planning:
- Q1 2025 overleg
Actie 1.1.5: Zorgpad dementie
Trekker: ELZ Maasland
Partners: Pallion
Acties:
• Bevraging bij de partners
• Vorming voor thuiszorg
Actie 1.1.6: Vorming
Trekker: Logo Limburg
"""


def test_a_label_of_steps_or_results_ends_the_partners(tmp_path):
    actions = _actions(_read(tmp_path, STEPS))
    assert actions["1.1.1"].partners == ["CAW Limburg", "Logo Limburg"]
    assert actions["1.1.2"].partners == ["Samana"]
    assert actions["1.1.3"].partners == ["Ziekenzorg"]
    assert actions["1.1.4"].partners == ["Huisartsenkring Maasland"]
    assert actions["1.1.4"].timing == "Q1 2025 overleg"


def test_acties_inside_a_coded_action_are_its_steps_not_actions(tmp_path):
    actions = _actions(_read(tmp_path, STEPS))
    assert list(actions) == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"]
    assert actions["1.1.5"].partners == ["Pallion"]
    assert actions["1.1.5"].partner_groups == []


PARTNERS = """ELZ Maasland
Actieplan 2025
Strategische doelstelling 1: Sterke eerstelijn
Operationele doelstelling 1.1: Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: ELZ Maasland
Partners: CAW Limburg, Logo Limburg
Dit gebeurt in overleg met de huisartsen.
Timing: 2025
Actie 1.1.2: Vormingsreeks
Trekker: Logo Limburg
Partners: Samana Limburg en Ziekenzorg, met steun van de Vlaamse overheid
Actie 1.1.3: Opvoedingsondersteuning
Trekker: Huis van het Kind en Opvoedingswinkel
Partners: OCMW Lanaken en CAW Limburg; Welzijn en Zorg; CGG Waas en Dender
Actie 1.1.4: Mantelzorg
Trekker: ELZ Maasland
Partners: Logo Limburg met steun van de Vlaamse overheid
"""


def test_a_sentence_after_the_partners_is_no_partner_group(tmp_path):
    action = _actions(_read(tmp_path, PARTNERS))["1.1.1"]
    assert action.partners == ["CAW Limburg", "Logo Limburg"]
    # Whom it names after "in overleg met" takes part; the sentence is no group.
    assert action.partner_groups == ["de huisartsen"]
    assert action.timing == "2025"


def test_the_flemish_government_that_supports_takes_part(tmp_path):
    actions = _actions(_read(tmp_path, PARTNERS))
    assert "Vlaamse overheid" in actions["1.1.2"].partners
    assert actions["1.1.4"].partners == ["Logo Limburg", "Vlaamse overheid"]
    assert actions["1.1.4"].partner_groups == []


def test_a_name_ended_by_its_region_and_another_are_two(tmp_path):
    actions = _actions(_read(tmp_path, PARTNERS))
    assert actions["1.1.2"].partners == ["Samana Limburg", "Ziekenzorg", "Vlaamse overheid"]
    # A name with "en" inside stays whole: no region ends its first part, or a second
    # region follows.
    assert actions["1.1.3"].lead == "Huis van het Kind en Opvoedingswinkel"
    assert actions["1.1.3"].partners == [
        "OCMW Lanaken",
        "CAW Limburg",
        "Welzijn en Zorg",
        "CGG Waas en Dender",
    ]


CHAPTER_OF_ACTIONS = """ELZ Maasland
Jaarplan 2026
1. Inleiding
De zorgraad verbindt zorg en welzijn.
2. Doelstellingen
SD 1: Sterke eerstelijn
OD 1.1: Zorgverleners kennen elkaar
SD 2: Zorgzame buurten
OD 2.1: Buurten zorgen mee
3. Acties 2026
3.1 Netwerkavond
Doelstelling: SD 1
Trekker: ELZ Maasland
Partners: CAW Limburg
Timing: 2026
3.2 Vormingsreeks (Doelstelling: OD 1.1)
Trekker: Logo Limburg
Partners: Samana
Timing: Q2 2026
3.3 Buurtzorg
Doelstelling: OD 2.1 – Buurten zorgen mee
Trekker: OCMW Lanaken
4. Opvolging
De zorgraad volgt op.
"""


def test_a_chapter_of_actions_numbers_no_codes_and_names_their_goals(tmp_path):
    actions = _read(tmp_path, CHAPTER_OF_ACTIONS).actions
    assert [(a.code, a.title, a.operational_goal) for a in actions] == [
        (None, "Netwerkavond", "1"),
        (None, "Vormingsreeks", "1.1"),
        (None, "Buurtzorg", "2.1"),
    ]
    assert [(a.lead, a.partners, a.timing) for a in actions] == [
        ("ELZ Maasland", ["CAW Limburg"], "2026"),
        ("Logo Limburg", ["Samana"], "Q2 2026"),
        ("OCMW Lanaken", [], None),
    ]


def test_a_footer_out_of_the_pages_ends_a_page_at_its_own_number():
    """ "Actieplan 2025 – Pagina 2 van 9" is page 2, not 9: a page after it that ends in its
    bare number ("4", a footer the extractor lost) is a page of its own."""
    from graphmap.ingest.documents import Lines
    from graphmap.ingest.documents.furniture import _pages_by_number

    lines = []
    for page in (1, 2, 3):
        lines += [
            f"Tekst van pagina {page}",
            f"ELZ Maasland – Actieplan 2025 – Pagina {page} van 9",
        ]
    lines += ["Tekst van pagina 4", "4", "Tekst van pagina 5"]
    pages = _pages_by_number(Lines(lines))
    assert [list(p)[-1] for p in pages][3:] == ["4", "Tekst van pagina 5"]


TOPICS = """ELZ Noord-Limburg
Actieplan 2025
Strategische doelstelling 3 – Toegankelijke zorg
Operationele doelstelling 3.2 – Transparantie creëren in het aanbod
Actieplan 3.2.1 – Trefdag voor professionals en PZON/mantelzorgers
Met wie?
Wie is de trekker van de actie?
De zorgraad samen met de cluster PZON
Met welke stakeholders wordt er samengewerkt voor deze actie?
Stakeholders betrokken in de diverse topics: correcte informatie rond facturatie ziektekosten,
ziekenhuiskosten en conventionering, doelzoeker, positieve gezondheid, rechten van
mantelzorg ….
Hoe?
Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.
"""


def test_topics_under_met_wie_are_no_partner_groups(tmp_path):
    """Seed 003, 3.2.1: the stakeholders are those of the topics that follow the colon;
    the topics name no one who takes part."""
    action = _actions(_read(tmp_path, TOPICS))["3.2.1"]
    assert action.partners == []
    assert action.partner_groups == []


def _territory(tmp_path, sentence: str) -> list[str]:
    text = (
        f"ELZ Maasland\nActieplan 2025\n{sentence}\n"
        "Strategische doelstelling 1: Sterke eerstelijn\n"
        "Operationele doelstelling 1.1: Zorgverleners kennen elkaar\n"
        "Actie 1.1.1: Netwerkavond\nTrekker: CAW Limburg\n"
    )
    return _read(tmp_path, text).municipalities


def test_a_territory_of_two_municipalities(tmp_path):
    both = ["Lanaken", "Maasmechelen"]
    said = "De eerstelijnszone omvat de gemeenten Lanaken en Maasmechelen."
    assert _territory(tmp_path, said) == both
    # Broken after "en" on a short line, as a PDF's column breaks it.
    wrapped = "De eerstelijnszone omvat de gemeenten Lanaken en\nMaasmechelen."
    assert _territory(tmp_path, wrapped) == both
    assert _territory(tmp_path, "Onze zone telt twee gemeenten: Lanaken en Maasmechelen.") == both
    said = "ELZ Maasland werkt in de gemeenten Lanaken en Maasmechelen."
    assert _territory(tmp_path, said) == both


def test_two_municipalities_the_zone_works_with_are_no_territory(tmp_path):
    said = "De ELZ werkt samen met de gemeenten Lanaken en Maasmechelen."
    assert _territory(tmp_path, said) == []
    said = "Onze zone telt drie gemeenten: Lanaken en Maasmechelen zijn de grootste."
    assert _territory(tmp_path, said) == []


SUMMARY_FIRST = """Eerstelijnszone Demerland
Jaaractieplan 2026
2. Overzicht van de acties
Code
Actie
Trekker
Partners
Timing
1.1.1
Netwerkmoment eerstelijn
ELZ Demerland
Huisartsenkring Demerland
Q1 2026
2.1.2
Mantelzorgcafé
CM Midden-Vlaanderen
Samana, Ferm
september – december 2026
3. Uitwerking van de acties
Strategische doelstelling 1: Zorg- en welzijnsactoren kennen elkaar
Operationele doelstelling 1.1: De zorgraad brengt de eerstelijnsactoren samen
Actie 1.1.1: Netwerkmoment eerstelijn
Trekker: ELZ Demerland
Partners: Huisartsenkring Demerland
Timing: Q1 2026
We organiseren een netwerkmoment waarop zorg- en welzijnsac-
toren elkaar ontmoeten rond een casus.
Strategische doelstelling 2: Ouderen blijven langer gezond thuis wonen
Operationele doelstelling 2.1: Inzetten op preventie bij thuiswonende ouderen
Actie 2.1.2: Mantelzorgcafé
Trekker: CM Midden-Vlaanderen
Partners: Samana, Ferm
Timing: september – december 2026
"""


def test_an_action_in_a_summary_and_in_detail_has_its_timing_once(tmp_path):
    actions = _actions(_read(tmp_path, SUMMARY_FIRST))
    # Printed twice; the chapter after the summary and the sentence after the field are
    # no timing.
    assert actions["1.1.1"].timing == "Q1 2026"
    assert actions["2.1.2"].timing == "september – december 2026"
    assert actions["2.1.2"].partners == ["Samana", "Ferm"]


PERSONS = """Zorgraad Land van Rode
Actieplan 2026
Strategische doelstelling 1: Zorg aan het levenseinde
Operationele doelstelling 1.1: Vroegtijdige zorgplanning is bekend
Actie 1.1.1: Vorming palliatieve zorg voor thuiszorg
Trekker: Pieter Van Damme (Familiehulp)
Partners: Pallion; Zorgbedrijf Merelbeke
Timing: 2026
"""


def test_a_zone_named_with_van_and_a_lead_whose_surname_is_a_place(tmp_path):
    preview = _read(tmp_path, PERSONS)
    assert preview.zone_name == "ELZ Land van Rode"
    action = _actions(preview)["1.1.1"]
    assert action.lead == "Familiehulp"
    assert action.partners == ["Pallion", "Zorgbedrijf Merelbeke"]


COUNCILS = """Zorgraad Land van Rode
Actieplan 2026
Strategische doelstelling 1: Kwetsbare gezinnen bereiken
Operationele doelstelling 1.1: Gezinnen met jonge kinderen vinden hulp
Actie 1.1.1: Gezinsondersteuning in de buurt
Trekker: Els Peeters (CAW Oost-Vlaanderen)
Partners: Opgroeien, de gemeente Destelbergen en Oosterzele, alle lokale besturen
Actie 1.1.2: Mantelzorgpunt
Trekker: OCMW Oosterzele
Partners: het lokaal dienstencentrum De Schakel en Destelbergen; Apothekersvereniging Halle-Vilvoorde en Leuven
"""  # noqa: E501


def test_councils_and_a_municipality_after_a_body_are_partners_each(tmp_path):
    actions = _actions(_read(tmp_path, COUNCILS))
    assert actions["1.1.1"].lead == "CAW Oost-Vlaanderen"
    assert actions["1.1.1"].partners == [
        "Opgroeien",
        "Gemeente Destelbergen",
        "Gemeente Oosterzele",
    ]
    assert actions["1.1.1"].partner_groups == ["alle lokale besturen"]
    assert actions["1.1.2"].partners == [
        "lokaal dienstencentrum De Schakel",
        "Gemeente Destelbergen",
        "Apothekersvereniging Halle-Vilvoorde en Leuven",
    ]


TABLE_OF_CELLS = """Eerstelijnszone Westhoek
Actieplan 2026
Strategische doelstelling 1. Preventie en gezondheidspromotie
Operationele doelstelling 1.1. Meer inwoners nemen deel aan bevolkingsonderzoeken
Actie
Trekker
Partners
Timing
Actie 1.1.1. Sensibilisering borstkanker-
screening
Logo Westhoek
o Huisartsen-
kring Westhoek
o Wit-Gele Kruis West-Vlaanderen
Q2 2026
Actie 1.1.2. Gezondheidsbus in de deelgemeenten
OCMW Poperinge
o Stad Poperinge
o Samana
najaar 2026
"""


def test_a_table_one_cell_a_line_with_actie_before_the_code_and_lists_in_cells(tmp_path):
    actions = _actions(_read(tmp_path, TABLE_OF_CELLS))
    assert [(a.title, a.lead, a.partners, a.timing) for a in actions.values()] == [
        (
            "Sensibilisering borstkankerscreening",
            "Logo Westhoek",
            ["Huisartsenkring Westhoek", "Wit-Gele Kruis West-Vlaanderen"],
            "Q2 2026",
        ),
        (
            "Gezondheidsbus in de deelgemeenten",
            "OCMW Poperinge",
            ["Stad Poperinge", "Samana"],
            "najaar 2026",
        ),
    ]


NAMED_TOGETHER = """ELZ Rivierenland
Actieplan 2026
Strategische doelstelling 1: Samen zorgen
Operationele doelstelling 1.1: Mantelzorgers ondersteunen
Actie 1.1.1: Zorgpad
Trekker: Els Peeters (CAW Antwerpen)
Partners: alle lokale besturen, de huisartsenkringen, Pallion, VAPH en Opgroeien
Actie 1.1.2: Mantelzorgpunt
Trekker: CAW Antwerpen
Partners: de gemeenten Mechelen en Bonheiden, Pallion
"""


def test_an_acronym_and_a_name_and_councils_named_together(tmp_path):
    actions = _actions(_read(tmp_path, NAMED_TOGETHER))
    assert actions["1.1.1"].partners == ["Pallion", "VAPH", "Opgroeien"]
    assert actions["1.1.1"].partner_groups == ["alle lokale besturen", "de huisartsenkringen"]
    assert actions["1.1.2"].partners == [
        "Lokaal bestuur Mechelen",
        "Lokaal bestuur Bonheiden",
        "Pallion",
    ]


CODES_WITH_A = """ELZ Zennevallei
Actieplan 2026
SD1 – Gezond leven
OD1.1 – Inwoners bewegen meer
A1.1.1 – Bewegen op verwijzing
Trekker: Logo Zenneland
Partners: Stad Halle; Sportdienst Beersel
Timing: 2026
SD2: Zorg dichtbij
OD2.1: Thuiszorg afstemmen
Actie A2.1.1 Overleg thuiszorg
Trekker: Wit-Gele Kruis Vlaams-Brabant
Partners: Familiehulp
"""


def test_actie_before_an_a_code_and_a_council_service_by_its_municipality(tmp_path):
    actions = _read(tmp_path, CODES_WITH_A).actions
    assert [(a.code, a.title, a.operational_goal) for a in actions] == [
        ("1.1.1", "Bewegen op verwijzing", "1.1"),
        ("2.1.1", "Overleg thuiszorg", "2.1"),
    ]
    assert actions[0].partners == ["Stad Halle", "Sportdienst Beersel"]
    assert actions[0].partner_groups == []


TEMPLATE_ANSWERS = """Actieplan 2025 Zorgraad Vlaamse Ardennen
Strategische doelstelling 2 – Sterke netwerken rond kwetsbare inwoners
Operationele doelstelling 2.1 – Eenzaamheid bij ouderen wordt opgemerkt
Actieplan 2.1.1 – Warme buurten
Met wie?
Wie is de trekker van de actie?
OCMW Oudenaarde
Met welke stakeholders wordt er samengewerkt voor deze actie?
We werken samen met de lokale dienstencentra en met:
• Vief
• S-Plus
Timing
Wanneer start de actie en wanneer eindigt ze?
Start januari 2025, einde december 2025
Actieplan 2025 Zorgraad Vlaamse Ardennen – p. 4
"""


def test_a_sentence_that_opens_a_list_and_the_templates_question_of_timing(tmp_path):
    action = _actions(_read(tmp_path, TEMPLATE_ANSWERS))["2.1.1"]
    assert action.partners == ["Vief", "S-Plus"]
    # The question is no timing, nor the footer with the page alone.
    assert action.timing == "Start januari 2025, einde december 2025"
