"""Plans of zones the importer was not built on, sixth round, in the text a PDF extractor
gives (a blank line after every line): the goals in a numbered chapter in capitals, a
sentence under "Met wie?", a name with its article in capitals, a municipality as a partner,
a footer with its page number that a page carries only once."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import extracted as _extracted
from extracted import read as _read

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines
from graphmap.ingest.plan import naming

CHAPTER_OF_GOALS = """ELZ Houtland
Actieplan 2025
1. INLEIDING
De zorgraad verbindt zorg en welzijn in Torhout en Lichtervelde.
2. DOELSTELLINGEN EN ACTIES
2.1 Sterke eerstelijn
2.1.1 Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Wie is de trekker van de actie?
De zorgraad
2.2 Zorgzame buurten
2.2.1 Buurten zorgen mee
Actie 2.1.1: Buurtzorg opstarten
Wie is de trekker van de actie?
OCMW Torhout
3. OPVOLGING
De zorgraad volgt de acties op.
"""


def test_a_numbered_chapter_in_capitals_that_holds_the_goals_is_no_goal(tmp_path):
    preview = _read(tmp_path, CHAPTER_OF_GOALS)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Sterke eerstelijn"),
        ("2", "Zorgzame buurten"),
    ]
    assert [(g.number, g.title, g.parent) for g in preview.operational_goals] == [
        ("1.1", "Zorgverleners kennen elkaar", "1"),
        ("2.1", "Buurten zorgen mee", "2"),
    ]
    actions = _actions(preview)
    assert list(actions) == ["1.1.1", "2.1.1"]
    assert actions["2.1.1"].operational_goal == "2.1"


ANSWERS = """ELZ Houtland
Actieplan 2025
De zorgraad verbindt zorg en welzijn in Torhout en Lichtervelde.
Strategische doelstelling 1: Sterke eerstelijn
Operationele doelstelling 1.1: Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Met wie?
Met welke stakeholders wordt er samengewerkt voor deze actie?
Alle partners leveren input aan de werkgroep.
Actie 1.1.2: Buurtzorg opstarten
Wie is de trekker van de actie?
Het Wit-Gele Kruis West-Vlaanderen
Met wie?
• Het Wit-Gele Kruis West-Vlaanderen
• De Kade
• Lichtervelde
• huisartsen die werken in de regio
Actie 1.1.3: Dementievriendelijke gemeente
Trekker: Torhout
"""


def test_a_sentence_under_met_wie_is_no_partner_group(tmp_path):
    action = _actions(_read(tmp_path, ANSWERS))["1.1.1"]
    assert action.partner_groups == []
    assert action.partners == []


def test_a_capital_article_before_a_well_known_name_is_no_part_of_it(tmp_path):
    action = _actions(_read(tmp_path, ANSWERS))["1.1.2"]
    assert action.lead == "Wit-Gele Kruis West-Vlaanderen"
    assert "Wit-Gele Kruis West-Vlaanderen" in action.partners
    assert "Het Wit-Gele Kruis West-Vlaanderen" not in action.partners
    assert "De Kade" in action.partners  # an article that is part of a proper name stays
    assert action.partner_groups == ["huisartsen die werken in de regio"]


def test_a_municipality_as_partner_or_lead_is_its_local_government(tmp_path):
    """A care action's partner "Lichtervelde" is the council that works with it, not the
    place: read as "Lokaal bestuur Lichtervelde" (council and OCMW are one local government
    since 2019), it is seated there and counts for the cluster lokale besturen."""
    actions = _actions(_read(tmp_path, ANSWERS))
    assert "Lokaal bestuur Lichtervelde" in actions["1.1.2"].partners
    assert "Lichtervelde" not in actions["1.1.2"].partners
    assert actions["1.1.3"].lead == "Lokaal bestuur Torhout"


FOOTERS = """ELZ Houtland
Actieplan 2025
Strategische doelstelling 1: Sterke eerstelijn
Operationele doelstelling 1.1: Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Wanneer?
Q3 2025 - Q2 2026
Actieplan 2025 ELZ Houtland – pagina 4 van 12
Actie 1.1.2: Buurtzorg
Timing:
voorjaar 2026
Zorgraad Houtland | pagina 9 van 12
Wie is de trekker van de actie?
OCMW Torhout
"""


def test_a_footer_with_its_page_number_seen_once_is_no_part_of_a_timing(tmp_path):
    actions = _actions(_read(tmp_path, FOOTERS))
    assert actions["1.1.1"].timing == "Q3 2025 - Q2 2026"
    assert actions["1.1.2"].timing == "voorjaar 2026"
    assert actions["1.1.2"].lead == "OCMW Torhout"


SENTENCES = """ELZ Leiestreek
Actieplan 2025
Strategische doelstelling 1 – Iedere inwoner vindt de weg
Operationele doelstelling 1.1 – Kwetsbare inwoners worden benaderd
Actie 1.1.1 – Kennismakingsavond voor nieuwe zorgverleners
Wie is de trekker van de actie?
Huisartsenkring Leie en Schelde
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
De zorgraad ondersteunt logistiek en nodigt samen met Samana en het OCMW Zulte de
partners uit.
Met welke stakeholders wordt er samengewerkt voor deze actie?
Alle partners van de zorgraad worden uitgenodigd.
Actie 1.1.2 – Proactieve huisbezoeken bij 80-plussers
Wie is de trekker van de actie?
OCMW Deinze
Met welke stakeholders wordt er samengewerkt voor deze actie?
Het OCMW werkt samen met Familiehulp, i-mens en de Christelijke Mutualiteit voor de
bezoeken.
"""


def test_an_answer_in_a_sentence_names_those_it_works_with_not_its_subject(tmp_path):
    actions = _actions(_read(tmp_path, SENTENCES))
    assert actions["1.1.1"].partners == ["Samana", "OCMW Zulte"]
    assert actions["1.1.1"].partner_groups == []
    assert actions["1.1.2"].partners == ["Familiehulp", "i-mens", "Christelijke Mutualiteit"]


ROLES = """ELZ Kemp en Duin
Actieplan 2025
Strategische doelstelling 1 – Zorgverleners werken samen
Operationele doelstelling 1.1 – Multidisciplinair overleg in de thuiszorg
Actie 1.1.1 – Opleiding casemanagement
Wie is de trekker van de actie?
GDT Kempen
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
Ondersteunend.
Met welke stakeholders wordt er samengewerkt voor deze actie?
• Solidariteit voor het Gezin – regio Kempen
• CM Kempen
"""


def test_a_role_in_one_word_is_no_partner_and_a_region_after_a_dash_no_part_of_one(tmp_path):
    action = _actions(_read(tmp_path, ROLES))["1.1.1"]
    assert action.partners == ["Solidariteit voor het Gezin", "CM Kempen"]
    assert action.partner_groups == []


TABLE_WITH_CODES = """Eerstelijnszone Waasland
Strategische doelstelling 1: Iedereen heeft toegang tot eerstelijnszorg
Operationele doelstelling 1.1: Inwoners zonder huisarts vinden een huisarts
Actie
Trekker
Met wie?
Timing
1.1.1 Aanmeldpunt huisarts
zoeken
Huisartsenkring
Waasland
OCMW Temse, CM
Waas en Dender
Q3 2025 - Q2 2026
1.1.2 Infocampagne
Logo Waasland
CAW Oost-Vlaanderen
2025
Operationele doelstelling 1.2: Tolken worden vlot ingezet
Actie
Trekker
Met wie?
Timing
1.2.1 Vorming tolkgebruik
Agentschap Integratie
en Inburgering
Huisartsenkring
Waasland
najaar 2025
"""


def test_a_flattened_table_with_the_code_in_the_action_cell_is_read_row_by_row(tmp_path):
    """No column of numbers, cells broken over lines: each row starts at its action's code,
    and a row wider than the header with its timing last is fitted to it."""
    actions = _actions(_read(tmp_path, TABLE_WITH_CODES))
    assert list(actions) == ["1.1.1", "1.1.2", "1.2.1"]
    assert actions["1.1.1"].title == "Aanmeldpunt huisarts zoeken"
    assert actions["1.1.1"].lead == "Huisartsenkring Waasland"
    assert actions["1.1.1"].partners == ["OCMW Temse", "CM Waas en Dender"]
    assert actions["1.1.1"].timing == "Q3 2025 - Q2 2026"
    assert (actions["1.1.2"].lead, actions["1.1.2"].timing) == ("Logo Waasland", "2025")
    assert actions["1.2.1"].lead == "Agentschap Integratie en Inburgering"
    assert actions["1.2.1"].partners == ["Huisartsenkring Waasland"]
    assert actions["1.2.1"].timing == "najaar 2025"


SUBJECTS = """Zorgraad Antwerpen Oost
Strategische doelstelling 1: De zorgraad is een sterk netwerk
Operationele doelstelling 1.1: Partners ontmoeten elkaar
Actie 1.1.1: Netwerkdag eerstelijn
Wie is de trekker van de actie?
De zorgraad is trekker
Met welke stakeholders wordt er samengewerkt voor deze actie?
Huisartsenkring Antwerpen Oost en de Apothekersvereniging Antwerpen nemen deel aan
de werkgroep.
"""


def test_the_organisations_a_sentence_opens_with_are_partners_not_its_verb(tmp_path):
    action = _actions(_read(tmp_path, SUBJECTS))["1.1.1"]
    assert action.partners == ["Huisartsenkring Antwerpen Oost", "Apothekersvereniging Antwerpen"]


A_LIST_AND_A_SENTENCE = """ELZ Vlaamse Ardennen
Strategische doelstelling 2 – Samenwerking rond ouderen
Operationele doelstelling 2.1 – Ouderen blijven langer thuis wonen
Actie 2.1.1. – Proactieve huisbezoeken
Wie is de trekker van de actie?
OCMW Ronse
Met welke stakeholders wordt er samengewerkt voor deze actie?
Familiehulp en Landelijke Thuiszorg; daarnaast worden de huisartsen betrokken.
"""


def test_a_list_before_a_sentence_in_one_answer_keeps_its_partners(tmp_path):
    action = _actions(_read(tmp_path, A_LIST_AND_A_SENTENCE))["2.1.1"]
    assert action.partners == ["Familiehulp", "Landelijke Thuiszorg"]


INVERTED = """ELZ Noord-Limburg
Strategische doelstelling 1 – Community building
Operationele doelstelling 1.2 – Opzet methodiek uitoefening signaalfunctie
Actie 1.2.1 – Opzetten van signaalfunctie in ELZ NL
Wie is de trekker van de actie?
De zorgraad
Met welke stakeholders wordt er samengewerkt voor deze actie?
Via de partners actief binnen de zorgraad dienen alle actoren binnen de regio
gesensibiliseerd en geïnformeerd te worden.
"""


def test_a_sentence_that_opens_with_a_preposition_names_no_partner_nor_group(tmp_path):
    action = _actions(_read(tmp_path, INVERTED))["1.2.1"]
    assert (action.partners, action.partner_groups) == ([], [])


OWN_ROLE = """ELZ Midden-Limburg
SD1. Iedere burger krijgt de juiste zorg
OD1.1. Zorgverleners werken samen rond kwetsbare ouderen
Actie 1: Interdisciplinair overleg
Wie is de trekker van de actie? Wit-Gele Kruis Limburg
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
De zorgraad faciliteert de overlegmomenten en verspreidt de resultaten bij Huisartsenkring
Hasselt en het Jessa Ziekenhuis.
"""


def test_the_zorgraads_role_in_a_sentence_names_the_organisations_further_on(tmp_path):
    action = _read(tmp_path, OWN_ROLE).actions[0]
    assert action.lead == "Wit-Gele Kruis Limburg"
    assert action.partners == ["Huisartsenkring Hasselt", "Jessa Ziekenhuis"]


ARTICLES_AND_PLACES = """ELZ Schelde-Rupel
Strategische doelstelling 1
Een sterk eerstelijnsnetwerk
Operationele doelstelling 1.1
Nieuwe zorgverleners worden wegwijs gemaakt
Actie 1.1.1
Onthaalpakket
Wie is de trekker van de actie?
Zorgraad Schelde-Rupel i.s.m. Logo Antwerpen
Met welke stakeholders wordt er samengewerkt voor deze actie?
• De Apothekersvereniging Rupelstreek
• Het Huis van het Kind Niel
• Het CAW
• De Schakel
• Rumst en Schelle
"""


def test_a_capital_article_before_a_kind_of_body_goes_and_two_municipalities_are_two(tmp_path):
    action = _read(tmp_path, ARTICLES_AND_PLACES).actions[0]
    assert action.partners == [
        "Logo Antwerpen",
        "Apothekersvereniging Rupelstreek",
        "Huis van het Kind Niel",
        "CAW",
        "De Schakel",
        "Lokaal bestuur Rumst",
        "Lokaal bestuur Schelle",
    ]


RELATIVE = """ELZ Zuid-Oost-Vlaanderen
Strategische doelstelling 1 – Zorg dicht bij huis
Operationele doelstelling 1.1 – Buurtgerichte zorg uitbouwen
Actie 1.1.1 – Buurtteams in drie wijken
Wie is de trekker van de actie?
De zorgraad is trekker.
Met welke stakeholders wordt er samengewerkt voor deze actie?
• OCMW Geraardsbergen en OCMW Zottegem, die elk een maatschappelijk werker
inzetten
• de thuisverpleging
"""


def test_a_relative_clause_after_a_partner_is_no_group(tmp_path):
    action = _read(tmp_path, RELATIVE).actions[0]
    assert action.partners == ["OCMW Geraardsbergen", "OCMW Zottegem"]
    assert action.partner_groups == ["de thuisverpleging"]


START_AND_END = """ELZ Zuid-Oost-Vlaanderen
Strategische doelstelling 1 – Zorg dicht bij huis
Operationele doelstelling 1.1 – Buurtgerichte zorg uitbouwen
Actie 1.1.1 – Buurtzorg Ninove
Wie is de trekker van de actie?
De zorgraad
Wanneer?
Start: september 2025
Einde: juni 2026
"""


def test_a_start_and_an_end_are_one_span(tmp_path):
    action = _read(tmp_path, START_AND_END).actions[0]
    assert action.timing == "september 2025 – juni 2026"


CHAPTER_FOUR_DEEP = """ELZ Houtland
1. INLEIDING
De zorgraad verbindt zorg en welzijn in Torhout en Lichtervelde.
2. DOELSTELLINGEN
2.1 Sterke eerstelijn
2.1.1 Zorgverleners kennen elkaar
2.1.1.1 Netwerkavond
Trekker: OCMW Torhout
2.2 Zorgzame buurten
2.2.1 Buurtzorg opstarten
Trekker: Samana
3. OPVOLGING
De zorgraad volgt de acties op.
"""


def test_in_a_chapter_of_goals_actions_numbered_a_level_deeper_are_actions(tmp_path):
    """ "2.1.1" with "2.1.1.1" under it is operational goal 1.1 and "2.1.1.1" its action
    1.1.1; "2.2.1" with fields under it is an action of goal 2, by its printed code."""
    preview = _read(tmp_path, CHAPTER_FOUR_DEEP)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    actions = _actions(preview)
    assert (actions["1.1.1"].title, actions["1.1.1"].operational_goal) == ("Netwerkavond", "1.1")
    assert actions["1.1.1"].lead == "OCMW Torhout"
    assert (actions["2.2.1"].title, actions["2.2.1"].lead) == ("Buurtzorg opstarten", "Samana")


A_NAME_AND_A_SENTENCE = """ELZ Brugge
Strategische doelstelling 2 – Gezond ouder worden
Operationele doelstelling 2.1 – Ouderen blijven veilig thuis wonen
Actie 2.1.1 – Valpreventie
Wie is de trekker van de actie?
Wit-Gele Kruis West-Vlaanderen
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
De zorgraad ondersteunt met communicatie en brengt de partners samen, met name Oostkamp,
Damme en het Expertisecentrum Val- en fractuurpreventie Vlaanderen.
Met welke stakeholders wordt er samengewerkt voor deze actie?
• Kinesitherapeutenkring Brugge
• Alle partners van het bestuursorgaan worden geïnformeerd.
"""


def test_a_bullet_with_a_name_stays_apart_from_a_sentence_under_it(tmp_path):
    action = _read(tmp_path, A_NAME_AND_A_SENTENCE).actions[0]
    assert action.partners == [
        "Kinesitherapeutenkring Brugge",
        "Lokaal bestuur Oostkamp",
        "Lokaal bestuur Damme",
        "Expertisecentrum Val- en fractuurpreventie Vlaanderen",
    ]
    assert action.partner_groups == []


def test_a_municipality_as_partner_is_the_registers_council_seated_there(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(_extracted(ANSWERS), encoding="utf-8")
    existing = [{"id": "stad-lichtervelde", "name": "Gemeente Lichtervelde"}]
    preview = plan.parse_lines(read_lines(path), "testzone", path.name, existing)
    partners = _actions(preview)["1.1.2"].partners
    assert "Gemeente Lichtervelde" in partners
    assert "Lokaal bestuur Lichtervelde" not in partners


# -- the review of round 6: rules that misfired ----------------------------------------------

SENTENCES_OF_PARTNERS = """ELZ Waasland
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Sint-Niklaas en Temse.
Strategische doelstelling 1: Toegankelijke eerste lijn
Operationele doelstelling 1.1: Iedereen vindt een huisarts
Actie 1.1.1: Actie 1
Trekker: Huisartsenkring Waasland
Met wie?
Partners zijn Familiehulp, CAW Oost-Vlaanderen en OCMW Temse.
Actie 1.1.2: Actie 2
Trekker: Huisartsenkring Waasland
Met wie?
Er wordt samengewerkt met CAW Oost-Vlaanderen en OCMW Temse.
Actie 1.1.3: Actie 3
Trekker: Huisartsenkring Waasland
Met wie?
Betrokken partners zijn het Wit-Gele Kruis en i-mens.
Actie 1.1.4: Actie 4
Trekker: Huisartsenkring Waasland
Met wie?
De thuisverpleging wordt betrokken via het Wit-Gele Kruis.
Actie 1.1.5: Actie 5
Trekker: Huisartsenkring Waasland
Met wie?
Huisartsen, apothekers en vrijwilligers zijn betrokken.
Actie 1.1.6: Actie 6
Trekker: Huisartsenkring Waasland
Met wie?
Buurtwerkers van de lokale besturen en de huisartsen nemen deel.
Actie 1.1.7: Actie 7
Trekker: Huisartsenkring Waasland
Met wie?
In overleg met OCMW Temse; CAW Oost-Vlaanderen levert een maatschappelijk werker.
Actie 1.1.8: Actie 8
Trekker: Huisartsenkring Waasland
Met wie?
Familiehulp en Landelijke Thuiszorg; daarnaast worden de huisartsen betrokken.
"""


def test_a_sentence_names_its_partners_after_its_verb_and_keeps_its_groups(tmp_path):
    actions = _actions(_read(tmp_path, SENTENCES_OF_PARTNERS))
    said = {code: (a.partners, a.partner_groups) for code, a in actions.items()}
    assert said["1.1.1"] == (["Familiehulp", "CAW Oost-Vlaanderen", "OCMW Temse"], [])
    assert said["1.1.2"] == (["CAW Oost-Vlaanderen", "OCMW Temse"], [])
    assert said["1.1.3"] == (["Wit-Gele Kruis", "i-mens"], [])
    assert said["1.1.4"] == (["Wit-Gele Kruis"], [])
    assert said["1.1.5"] == ([], ["Huisartsen", "apothekers", "vrijwilligers"])
    assert said["1.1.6"][1] == ["Buurtwerkers van de lokale besturen", "de huisartsen"]
    assert said["1.1.7"] == (["OCMW Temse", "CAW Oost-Vlaanderen"], [])
    # An adverb before the verb is no group ("daarnaast worden …").
    assert said["1.1.8"] == (["Familiehulp", "Landelijke Thuiszorg"], [])


def test_a_generic_subject_before_a_colon_is_no_partner():
    assert naming._names_in_sentence(["Partners: Samana en OKRA zijn trekkers van de actie."]) == [
        "Samana",
        "OKRA",
    ]


LISTS_IN_SENTENCES = """ELZ Brugge
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Brugge en Damme.
Strategische doelstelling 1: Iedereen een huisarts
Operationele doelstelling 1.1: Toegang tot de huisarts
Actie 1.1.1: Aanmeldpunt
Trekker: Huisartsenkring Brugge
Met wie?
Apothekersvereniging Brugge, CAW Noord-West-Vlaanderen en De Kade zijn partner.
Actie 1.1.2: Huisbezoeken
Trekker: Huisartsenkring Brugge
Met wie? Het Anker en De Kade werken mee aan de huisbezoeken.
Actie 1.1.3: Netwerk
Trekker: Huisartsenkring Waasland
Met wie?
Huisartsenkring Waasland – apothekers – thuisverpleging
Actie 1.1.4: Vorming
Trekker: Huisartsenkring Waasland
Met wie?
Mensen helpen mensen vzw, Samana
Actie 1.1.5: Dementie
Trekker: Huisartsenkring Waasland
Met wie?
Wit-Gele Kruis Oost-Vlaanderen, dat de vorming geeft, en Familiehulp
"""


def test_names_in_a_sentence_keep_their_article_and_a_list_is_no_clause(tmp_path):
    actions = _actions(_read(tmp_path, LISTS_IN_SENTENCES))
    assert actions["1.1.1"].partners == [
        "Apothekersvereniging Brugge",
        "CAW Noord-West-Vlaanderen",
        "De Kade",
    ]
    assert actions["1.1.2"].partners == ["Het Anker", "De Kade"]
    # Groups after a dash are no part of the body ("– regio Kempen" is).
    assert actions["1.1.3"].partner_groups == ["apothekers", "thuisverpleging"]
    assert actions["1.1.4"].partners == ["Mensen helpen mensen vzw", "Samana"]
    assert actions["1.1.5"].partners == ["Wit-Gele Kruis Oost-Vlaanderen", "Familiehulp"]


FOOTER_IN_A_HEADING = """ELZ Waasland
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Sint-Niklaas en Temse.
Strategische doelstelling 1: Toegankelijke eerste lijn
Operationele doelstelling 1.1: Iedereen vindt een huisarts
Actie 1.1.1: Folder over de huisartsenwacht, zie pagina 4 van 12
Trekker: Huisartsenkring Waasland
Partners: CAW Oost-Vlaanderen
Actie 1.1.2: Sociale kaart
Trekker: OCMW Temse
ELZ Waasland – Actieplan 2026 – pagina 2 van 3
"""


def test_a_heading_that_refers_to_a_page_is_no_footer(tmp_path):
    actions = _actions(_read(tmp_path, FOOTER_IN_A_HEADING))
    assert list(actions) == ["1.1.1", "1.1.2"]
    assert actions["1.1.1"].partners == ["CAW Oost-Vlaanderen"]


TWO_CHAPTERS = """ELZ Waasland
Actieplan 2026
1. INLEIDING
De zorgraad verbindt zorg en welzijn in Sint-Niklaas en Temse.
2. STRATEGISCHE DOELSTELLINGEN
2.1 Toegankelijke eerste lijn
2.2 Zorg voor kwetsbare inwoners
3. OPERATIONELE DOELSTELLINGEN EN ACTIES
3.1 OD 1.1 Iedereen vindt een huisarts
3.1.1 Aanmeldpunt huisarts
Trekker: Huisartsenkring Waasland
3.2 OD 2.1 Kwetsbare ouderen bereiken
3.2.1 Huisbezoeken
Trekker: OCMW Temse
4. OPVOLGING
De zorgraad volgt op.
"""


def test_a_second_chapter_of_goals_is_no_goal(tmp_path):
    preview = _read(tmp_path, TWO_CHAPTERS)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke eerste lijn"),
        ("2", "Zorg voor kwetsbare inwoners"),
    ]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Iedereen vindt een huisarts"),
        ("2.1", "Kwetsbare ouderen bereiken"),
    ]
    assert [(a.id_code, a.operational_goal) for a in preview.actions] == [
        ("1.1.1", "1.1"),
        ("2.1.1", "2.1"),
    ]


CHAPTER_WITH_OVERVIEW = """ELZ Maasland
Actieplan 2026
1. INLEIDING
De zorgraad verbindt zorg en welzijn in Maaseik en Kinrooi.
2. DOELSTELLINGEN EN ACTIES
2.1 Overzicht
Hieronder volgen onze twee strategische doelstellingen.
2.2 Een toegankelijke eerste lijn
2.2.1 Aanmeldpunt huisarts
Trekker: Huisartsenkring Maasland
2.3 Zorg voor kwetsbare inwoners
2.3.1 Netwerkavond
Trekker: OCMW Kinrooi
3. OPVOLGING
De zorgraad volgt op.
"""


def test_an_introduction_in_a_chapter_of_goals_is_no_goal(tmp_path):
    preview = _read(tmp_path, CHAPTER_WITH_OVERVIEW)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Een toegankelijke eerste lijn"),
        ("2", "Zorg voor kwetsbare inwoners"),
    ]
    assert len(preview.actions) == 2


COUNCILS = """ELZ Maasland Noord
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Maaseik, Dilsen-Stokkem en Kinrooi.
Strategische doelstelling 1: Zorg dichtbij
Operationele doelstelling 1.1: Buurtzorg
Actie 1.1.1: Buurtpunt in Maaseik
Trekker: Stad Maaseik
Partners: Gemeente Kinrooi, CAW Limburg
Actie 1.1.2: Infomarkt
Trekker: Huisartsenkring Maasland
Partners: Maaseik, Kinrooi, Dilsen-Stokkem
Actie 1.1.3: Vervoer
Trekker: Kinrooi
Partners: Kinrooi, Familiehulp
"""


def test_a_municipality_alone_is_the_council_the_plan_names_elsewhere(tmp_path):
    actions = _actions(_read(tmp_path, COUNCILS))
    assert actions["1.1.2"].partners == [
        "Stad Maaseik",
        "Gemeente Kinrooi",
        "Lokaal bestuur Dilsen-Stokkem",
    ]
    assert actions["1.1.3"].lead == "Gemeente Kinrooi"
    assert actions["1.1.3"].partners == ["Familiehulp"]


FLAT_TABLE = """ELZ Waasland
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Sint-Niklaas en Temse.
Strategische doelstelling 1: Toegankelijke eerste lijn
Operationele doelstelling 1.1: Iedereen vindt een huisarts
Actie
Trekker
Met wie?
Timing
1.1.1 Aanmeldpunt huisarts
Huisartsenkring
Waasland
OCMW Temse, CM
Waas en Dender
2026
1.1.2 Netwerkavond
Samana
Familiehulp
OKRA
najaar 2026
1.1.3 Infomarkt
Huisartsenkring Waasland
CAW Oost-Vlaanderen
OCMW Sint-Niklaas
Wit-Gele Kruis
2027
1.1.4 Valpreventie
Logo
Waasland
Wit-Gele Kruis
2027
"""


def test_a_flattened_table_keeps_its_cells_apart(tmp_path):
    actions = _actions(_read(tmp_path, FLAT_TABLE))
    said = {code: (a.lead, a.partners, a.timing) for code, a in actions.items()}
    assert said["1.1.1"] == (
        "Huisartsenkring Waasland",
        ["OCMW Temse", "CM Waas en Dender"],
        "2026",
    )
    # A name alone on its line is no kind word before a name; a timing no part of a name.
    assert said["1.1.2"] == ("Samana", ["Familiehulp", "OKRA"], "najaar 2026")
    assert said["1.1.3"][1] == ["CAW Oost-Vlaanderen", "OCMW Sint-Niklaas", "Wit-Gele Kruis"]
    assert said["1.1.4"][:2] == ("Logo Waasland", ["Wit-Gele Kruis"])


LEAD_WITH_ITS_ARTICLE = """ELZ Brugge
Actieplan 2026
De zorgraad verbindt zorg en welzijn in Brugge en Damme.
Strategische doelstelling 1: Iedereen een huisarts
Operationele doelstelling 1.1: Toegang tot de huisarts
Actie 1.1.1: Vervoer
Trekker: Het Anker
Actie 1.1.2: Ontmoeting
Trekker: De Kade
Actie 1.1.3: Thuiszorg
Trekker: Het Wit-Gele Kruis West-Vlaanderen
"""


def test_a_lead_of_one_word_keeps_its_article(tmp_path):
    actions = _actions(_read(tmp_path, LEAD_WITH_ITS_ARTICLE))
    assert [a.lead for a in actions.values()] == [
        "Het Anker",
        "De Kade",
        "Wit-Gele Kruis West-Vlaanderen",
    ]


CHAPTER_OF_ACTIONS = """ELZ Maasland Noord
Actieplan 2026
1. Inleiding
De zorgraad verbindt zorg en welzijn in Maaseik en Kinrooi.
2. Strategische doelstellingen
SD 1 Iedereen een huisarts
SD 2 Zorg voor kwetsbare inwoners
3. Acties 2026
3.1 Aanmeldpunt huisarts
Trekker: Huisartsenkring Maasland
Partners: CAW Limburg, OCMW Maaseik
3.2 Netwerkavond kwetsbare ouderen
Trekker: OCMW Kinrooi
Partners: Samana, OKRA
4. Opvolging
De zorgraad volgt op.
"""


def test_the_sections_of_a_chapter_of_actions_are_actions(tmp_path):
    preview = _read(tmp_path, CHAPTER_OF_ACTIONS)
    assert [g.title for g in preview.strategic_goals] == [
        "Iedereen een huisarts",
        "Zorg voor kwetsbare inwoners",
    ]
    assert [(a.title, a.lead, a.partners) for a in preview.actions] == [
        ("Aanmeldpunt huisarts", "Huisartsenkring Maasland", ["CAW Limburg", "OCMW Maaseik"]),
        ("Netwerkavond kwetsbare ouderen", "OCMW Kinrooi", ["Samana", "OKRA"]),
    ]
