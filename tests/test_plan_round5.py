"""Plans of zones the importer was not built on, fifth round, in the text a PDF extractor
gives (a blank line after every line): a zone that says where it works by its name, an
action table flattened one cell a line, a summary table of the goals at the plan's end,
and leads and partners named only in an action's running text."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import extracted as _extracted
from extracted import read as _read

from graphmap.ingest.documents import read_lines

NAMED_ZONE = """ELZ Voorkempen
Actieplan 2025
Inleiding
ELZ Voorkempen verbindt zorg en welzijn in Brecht, Malle, Schilde, Wijnegem, Zandhoven en
Zoersel. Dit actieplan is goedgekeurd door het bestuursorgaan.
SD 1 Sterke samenwerking
OD 1.1 Zorgverleners ontmoeten elkaar
Actie 1.1.1 Netwerkmoment
Trekker: Wit-Gele Kruis Antwerpen
"""


def test_a_zone_that_says_by_its_name_where_it_works_has_those_municipalities(tmp_path):
    preview = _read(tmp_path, NAMED_ZONE)
    assert preview.municipalities == [
        "Brecht",
        "Malle",
        "Schilde",
        "Wijnegem",
        "Zandhoven",
        "Zoersel",
    ]


CELL_A_LINE = """ELZ Voorkempen
Actieplan 2025
SD 1 Sterke samenwerking tussen zorg en welzijn
OD 1.1 Zorg- en welzijnsactoren ontmoeten elkaar
Nr.
Actie
Trekker
Partners
Timing
1.1.1
Lokale netwerkmomenten per gemeente
ELZ Voorkempen
OCMW Brecht, OCMW Malle
2025
1.1.2
Vorming ‘Eerste hulp bij psychische problemen’ voor
verenigingen
Logo Kempen
Gemeente Schilde, Gemeente Wijnegem
maandelijks
1.1.3
Draaiboek gezamenlijk huisbezoek
OCMW Zandhoven
Solidariteit voor het Gezin
najaar 2025
De acties worden elk kwartaal opgevolgd.
SD 2 Geestelijke gezondheid
OD 2.1 Het aanbod is gekend
Nr.
Actie
Trekker
Partners
Timing
2.1.1
Wegwijzer geestelijke gezondheid
Netwerk GGZ Kempen
CGG Andante
2026
"""


def test_an_action_table_flattened_one_cell_a_line_is_read_row_by_row(tmp_path):
    preview = _read(tmp_path, CELL_A_LINE)
    actions = _actions(preview)
    assert list(actions) == ["1.1.1", "1.1.2", "1.1.3", "2.1.1"]
    assert actions["1.1.1"].title == "Lokale netwerkmomenten per gemeente"
    assert actions["1.1.1"].lead == "ELZ Voorkempen"
    assert actions["1.1.1"].partners == ["OCMW Brecht", "OCMW Malle"]
    assert (
        actions["1.1.2"].title == "Vorming ‘Eerste hulp bij psychische problemen’ voor verenigingen"
    )
    assert actions["1.1.2"].lead == "Logo Kempen"
    assert actions["1.1.2"].timing == "maandelijks"
    assert actions["1.1.3"].partners == ["Solidariteit voor het Gezin"]
    assert actions["1.1.3"].timing == "najaar 2025"
    assert (actions["2.1.1"].operational_goal, actions["2.1.1"].lead) == (
        "2.1",
        "Netwerk GGZ Kempen",
    )


SUMMARY_AT_THE_END = """ELZ Zuid-Hageland
Strategische doelstelling 1: De zorgraad werkt als een sterk netwerk
Operationele doelstelling 1.1: De clusterwerking wordt versterkt
Actie 1.1.1 – Elke cluster komt driemaal per jaar samen
Wie is de trekker van de actie?
CAW Oost-Brabant
Wanneer?
2024 – 2026
Strategische doelstelling 2: Mantelzorgers worden ondersteund
Operationele doelstelling 2.1: Mantelzorgers worden vroeg herkend
Actie 2.1.1 – Mantelzorgcafé in Tienen
Wie is de trekker van de actie?
LDC Houtemhof
 4 Overzichtstabel
Strategische doelstelling
Operationele doelstelling
Acties
SD1 De zorgraad werkt als een sterk netwerk
OD 1.1 De clusterwerking wordt versterkt
1
SD2 Mantelzorgers worden ondersteund
OD 2.1 Mantelzorgers worden vroeg herkend
1
"""


def test_a_summary_table_of_the_goals_makes_no_goal_of_its_header(tmp_path):
    preview = _read(tmp_path, SUMMARY_AT_THE_END)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "De clusterwerking wordt versterkt"),
        ("2.1", "Mantelzorgers worden vroeg herkend"),
    ]
    assert [a.id_code for a in preview.actions] == ["1.1.1", "2.1.1"]


NARRATIVE = """Jaaractieplan 2025
Zorgraad Regio Aalst
 2. DOELSTELLINGEN EN ACTIES
2.1 EEN TOEGANKELIJKE EERSTE LIJN
2.1.1 HUISARTSEN ZONDER PATIËNTENSTOP
We brengen elk kwartaal in kaart welke praktijken nog nieuwe patiënten aanvaarden. De
huisartsenkring Dender neemt hierin het voortouw; de zorgraad verspreidt het overzicht.
2.1.2 TOLKEN IN DE EERSTE LIJN (ACTIEFICHE)
Veel inwoners spreken onvoldoende Nederlands. In samen-
werking met het Agentschap Integratie en Inburgering en het OCMW Aalst organiseren we
een opleiding. De zorgraad is trekker van deze actie.
Timing: voorjaar 2025.
2.1.3 MOBILITEIT NAAR DE ZORG
In Haaltert is het openbaar vervoer beperkt. De Minder Mobielen Centrale van
Erpe-Mere trekt deze actie; de zorgraad brengt de diensten samen met het LDC
De Brug en vzw Dorpsrestaurant.
2.2 GEÏNTEGREERDE ZORG
2.2.1 ZORGPAD DIABETES
Samen met het OLV Ziekenhuis Aalst werken we een zorgpad uit. Het ziekenhuis is trekker.
2.2.2 BEWEGEN OP VERWIJZING
De coach wordt verder ingezet. We werken samen met onze partners.
2.2.3 KANKERSCREENING
Infosessies in de wijken. Trekker: Logo Dender. Partners: Samana.
"""


def test_the_lead_and_partners_an_actions_running_text_names_are_read(tmp_path):
    actions = _actions(_read(tmp_path, NARRATIVE))
    assert actions["2.1.1"].lead == "Huisartsenkring Dender"
    assert actions["2.1.2"].lead == "zorgraad"
    assert actions["2.1.2"].partners == ["Agentschap Integratie en Inburgering", "OCMW Aalst"]
    assert actions["2.1.2"].timing == "voorjaar 2025"
    assert actions["2.1.3"].lead == "Minder Mobielen Centrale van Erpe-Mere"
    assert actions["2.1.3"].partners == ["LDC De Brug", "vzw Dorpsrestaurant"]
    # "Het ziekenhuis" points back at a name: no lead, and no body called "Ziekenhuis".
    assert actions["2.2.1"].lead is None
    assert actions["2.2.1"].partners == ["OLV Ziekenhuis Aalst"]
    assert (actions["2.2.2"].lead, actions["2.2.2"].partners) == (None, [])
    assert (actions["2.2.3"].lead, actions["2.2.3"].partners) == ("Logo Dender", ["Samana"])


FOOTER_WITH_NUMBER = """ELZ Voorkempen
Actieplan 2025
SD 1 Sterke samenwerking
OD 1.1 Zorgverleners ontmoeten elkaar
Actie 1.1.1 Netwerkmoment per gemeente
Trekker: OCMW Brecht
Timing: najaar 2025
ELZ Voorkempen – Actieplan 2025 7
Actie 1.1.2 Kennismakingsfiche
Trekker: Huisartsenkring Voorkempen
Timing: 2025
ELZ Voorkempen – Actieplan 2025 8
SD 2 Geestelijke gezondheid
OD 2.1 Het aanbod is gekend
Actie 2.1.1 Wegwijzer
Trekker: Netwerk GGZ Kempen
Timing: 2026
ELZ Voorkempen – Actieplan 2025 9
"""


def test_a_running_footer_that_ends_in_the_page_number_is_no_value(tmp_path):
    actions = _actions(_read(tmp_path, FOOTER_WITH_NUMBER))
    assert [(code, a.timing) for code, a in actions.items()] == [
        ("1.1.1", "najaar 2025"),
        ("1.1.2", "2025"),
        ("2.1.1", "2026"),
    ]


CHAPTERS_AND_SUMMARY = """ELZ Zuid-Hageland
 1 Inleiding
De zone omvat Tienen, Landen en Linter.
 2 Doelstellingen
Strategische doelstelling 1: De zorgraad werkt als een sterk netwerk
Operationele doelstelling 1.1: De clusterwerking wordt versterkt
Actie 1.1.1 – Mantelzorgcafé in Tienen
Wie is de trekker van de actie?
LDC Houtemhof
Wanneer?
2024 – 2026
 3 Overzichtstabel
Strategische doelstelling
Operationele doelstelling
Acties
SD1 De zorgraad werkt als een sterk netwerk
OD 1.1 De clusterwerking wordt versterkt
1
"""


def test_a_summary_table_after_the_goals_chapter_is_no_part_of_the_last_action(tmp_path):
    preview = _read(tmp_path, CHAPTERS_AND_SUMMARY)
    (action,) = preview.actions
    assert (action.lead, action.timing) == ("LDC Houtemhof", "2024 – 2026")
    assert [g.number for g in preview.operational_goals] == ["1.1"]


def test_organisations_in_brackets_apart_by_en_are_partners(tmp_path):
    text = """ELZ Regio Roeselare
SD 1 Samenwerking
OD 1.1 Overleg
Actie 1.1.1 Zorg- en ondersteuningsplan
Trekker: De zorgraad
Met wie?
Wit-Gele Kruis West-Vlaanderen en de diensten gezinszorg (Familiehulp en Thuishulp).
"""
    (action,) = _read(tmp_path, text).actions
    assert action.partners == ["Wit-Gele Kruis West-Vlaanderen", "Familiehulp", "Thuishulp"]
    assert action.partner_groups == ["de diensten gezinszorg"]


NUMBERED_ITEMS = """Zorgraad Noorderkempen
1 Iedereen vindt zijn weg
1.1 Toegankelijke informatie
1. Infopunt zorg en welzijn
Trekker: OCMW Beerse
Timing: 2024
2 Samen zorgen voor kwetsbare ouderen
2.1 Thuis wonen met ondersteuning
1. Vroegdetectie van kwetsbaarheid
Trekker: Wit-Gele Kruis Antwerpen
Timing: 2024-2026
2. Valpreventie thuis
Trekker: Kinesitherapeutenkring Noorderkempen
Timing: 2025
2.2 Mantelzorgers ontlasten
1. Respijtzorg bij het WZC
Trekker: Samana
"""


def test_the_second_item_of_a_list_under_goal_two_is_an_action_not_goal_two_again(tmp_path):
    preview = _read(tmp_path, NUMBERED_ITEMS)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Iedereen vindt zijn weg"),
        ("2", "Samen zorgen voor kwetsbare ouderen"),
    ]
    assert [(a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Infopunt zorg en welzijn", "OCMW Beerse"),
        ("2.1", "Vroegdetectie van kwetsbaarheid", "Wit-Gele Kruis Antwerpen"),
        ("2.1", "Valpreventie thuis", "Kinesitherapeutenkring Noorderkempen"),
        ("2.2", "Respijtzorg bij het WZC", "Samana"),
    ]


GOALS_IN_A_CHAPTER = """Zorgraad Noorderkempen
1. Voorwoord
Met dit plan zet de zorgraad de volgende stap.
2. Doelstellingen en acties
2.1 Iedereen vindt zijn weg
2.1.1 Toegankelijke informatie
1. Infopunt zorg en welzijn
Trekker: OCMW Beerse
2. Folder in eenvoudige taal, in samen-
werking met de bibliotheken
Trekker: Zorgraad Noorderkempen
2.2 Samen zorgen voor ouderen
2.2.1 Thuis wonen
1. Valpreventie thuis
Trekker: Kinesitherapeutenkring Noorderkempen
3. Bijlagen
Bijlage 1: Partners per cluster
"""


def test_goals_numbered_inside_their_chapter_with_numbered_actions_under_them(tmp_path):
    preview = _read(tmp_path, GOALS_IN_A_CHAPTER)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Iedereen vindt zijn weg"),
        ("2", "Samen zorgen voor ouderen"),
    ]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Toegankelijke informatie"),
        ("2.1", "Thuis wonen"),
    ]
    assert [(a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Infopunt zorg en welzijn", "OCMW Beerse"),
        (
            "1.1",
            "Folder in eenvoudige taal, in samenwerking met de bibliotheken",
            "Zorgraad Noorderkempen",
        ),
        ("2.1", "Valpreventie thuis", "Kinesitherapeutenkring Noorderkempen"),
    ]


def test_the_body_a_group_of_partners_belongs_to_takes_part(tmp_path):
    text = """ELZ Regio Roeselare
SD 1 Samenwerking
OD 1.1 Overleg
Actie 1.1.1 Zorg- en ondersteuningsplan
Trekker: De zorgraad
Partners: De huisartsen van de HAK Mandel en Leie, de sportdiensten van de gemeenten
"""
    (action,) = _read(tmp_path, text).actions
    assert action.partners == ["HAK Mandel en Leie"]
    assert action.partner_groups == [
        "De huisartsen van de HAK Mandel en Leie",
        "de sportdiensten van de gemeenten",
    ]


ABBREVIATIONS = """ELZ Herkenrode
Jaaractieplan 2025
Lijst van afkortingen
CAW Centrum Algemeen Welzijnswerk
LDC Lokaal Dienstencentrum
OCMW Openbaar Centrum voor Maatschappelijk Welzijn
PXL Provinciale Hogeschool Limburg
SD 1 Samenwerking
OD 1.1 Overleg
Actie 1.1.1 Overlegtafels
Trekker: CAW Limburg
Partners: LDC De Wissel, PXL Hogeschool
"""


def test_a_list_of_abbreviations_names_no_organisations(tmp_path):
    preview = _read(tmp_path, ABBREVIATIONS)
    assert preview.organisations == ["CAW Limburg", "LDC De Wissel", "PXL Hogeschool"]


def test_a_label_before_its_value_without_a_colon_is_no_part_of_an_organisation(tmp_path):
    text = """Eerstelijnszone Mechelen-Katelijne
Strategische doelstelling 1: Tijdig de juiste hulp
Operationele
doelstelling 1.1
De huisartsenwachtpost is gekend
Acties
- Infocampagne over de wachtpost
Trekker Huisartsenkring Mechelen
Partners Stad Mechelen, Gemeente Bonheiden
Timing 2024
"""
    preview = _read(tmp_path, text)
    assert preview.actions[0].lead == "Huisartsenkring Mechelen"
    assert preview.organisations == [
        "Huisartsenkring Mechelen",
        "Stad Mechelen",
        "Gemeente Bonheiden",
    ]


CONTENTS = """Actieplan 2025 zorgraad Brugs Ommeland
{heading}
Strategische doelstelling 1 – Een sterk netwerk ........................ 3
Actie 1.1.1 – Netwerkevent voor nieuwe zorgverleners ................... 3
Strategische doelstelling 2 – Geïntegreerde zorg voor personen met een
chronische aandoening .................................................. 5
Actie 2.1.1 – Zorgtraject diabetes type 2 .............................. 5
Inleiding
De zone bestaat uit Beernem, Damme, Oostkamp en Zedelgem.
Strategische doelstelling 1 – Een sterk netwerk
Operationele doelstelling 1.1 – Zorgverleners kennen elkaar
Actie 1.1.1 – Netwerkevent voor nieuwe zorgverleners
Wie is de trekker van de actie?
Gemeente Oostkamp
Strategische doelstelling 2 – Geïntegreerde zorg voor personen met een
chronische aandoening
Operationele doelstelling 2.1 – Transmurale samenwerking
Actie 2.1.1 – Zorgtraject diabetes type 2
Wie is de trekker van de actie?
AZ Sint-Jan Brugge
"""


def test_a_table_of_contents_with_an_entry_over_two_lines_is_left_out(tmp_path):
    for heading in ("Inhoudsopgave", ""):
        preview = _read(tmp_path, CONTENTS.format(heading=heading))
        assert [g.number for g in preview.strategic_goals] == ["1", "2"], heading
        assert [(a.id_code, a.operational_goal) for a in preview.actions] == [
            ("1.1.1", "1.1"),
            ("2.1.1", "2.1"),
        ], heading


ROLES_AFTER_NAMES = """Actieplan 2025 – ELZ Zuid-West-Limburg
Strategische doelstelling 1 – Toegankelijke zorg
Operationele doelstelling 1.1 – Kwetsbare inwoners worden toegeleid
Actie 1.1.1 – Proactieve huisbezoeken bij 80-plussers
Wie is de trekker van de actie?
Stad Sint-Truiden
Met wie?
Met welke stakeholders wordt er samengewerkt voor deze actie?
• OKRA Sint-Truiden: vrijwilligers
• Samana: vorming
• Ziekenfondsen: CM, Solidaris
Actie 1.1.2 – Een praktijkassistent in kleine praktijken
Wie is de trekker van de actie?
Huisartsenkring Haspengouw
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
De zorgraad brengt de praktijken samen en zoekt financiering, samen met het RIZIV.
"""


def test_partners_with_their_part_after_a_colon_and_partners_after_samen_met(tmp_path):
    actions = _actions(_read(tmp_path, ROLES_AFTER_NAMES))
    assert actions["1.1.1"].partners == ["OKRA Sint-Truiden", "Samana", "CM", "Solidaris"]
    assert actions["1.1.1"].partner_groups == []
    assert actions["1.1.2"].partners == ["RIZIV"]


def test_a_title_broken_after_naar_goes_on_with_the_place_on_the_next_line(tmp_path):
    text = """Eerstelijnszone Wase Linkerscheldeoever
 STRATEGISCHE DOELSTELLING 2
Mentaal welzijn van jongeren versterken
 OPERATIONELE DOELSTELLING 2.1
Jongeren worden snel geholpen
 ACTIE 2.1.1
Uitbreiding van het Overkop-huis naar
Sint-Gillis-Waas
Trekker
Overkophuis Waasland
"""
    (action,) = _read(tmp_path, text).actions
    assert action.title == "Uitbreiding van het Overkop-huis naar Sint-Gillis-Waas"
    assert action.lead == "Overkophuis Waasland"


WRAPPED_PARTNERS = """ELZ Brugs Ommeland
Actieplan 2025
Strategische doelstelling 1 – Een sterk netwerk van zorg en welzijn
Operationele doelstelling 1.1 – Zorgverleners kennen elkaar
Actie 1.1.1 – Netwerkevent voor nieuwe zorgverleners
Wat?
Een jaarlijks netwerkevent voor zorgverleners die in de zone starten.
Wie is de trekker van de actie?
Wit-Gele Kruis West-Vlaanderen
Met wie?
Met welke stakeholders wordt er samengewerkt voor deze actie?
Huisartsenkring Brugge-Ommeland, Kinékring Brugge, Diabetes Liga, Apothekersvereniging
Brugge en de lokale besturen.
"""


def test_a_list_of_partners_that_fills_its_line_goes_on_after_the_blank_line_of_pdf_text(
    tmp_path,
):
    (action,) = _read(tmp_path, WRAPPED_PARTNERS).actions
    assert action.partners == [
        "Huisartsenkring Brugge-Ommeland",
        "Kinékring Brugge",
        "Diabetes Liga",
        "Apothekersvereniging Brugge",
    ]


NO_NUMBER_COLUMN = """ELZ Voorkempen
SD 1 Sterke samenwerking
OD 1.1 Zorgverleners ontmoeten elkaar
Actie
Trekker
Partners
Timing
Lokale netwerkmomenten per gemeente
ELZ Voorkempen
OCMW Brecht, OCMW Malle
2025
Vorming voor
verenigingen
Wit-Gele Kruis West-
Vlaanderen
Gemeente Schilde
maandelijks
Draaiboek gezamenlijk huisbezoek
OCMW Zandhoven
Solidariteit voor het Gezin
najaar 2025
De acties worden elk kwartaal opgevolgd door het dagelijks bestuur.
"""


def test_a_flattened_table_without_numbers_is_read_row_by_row_while_each_says_when(tmp_path):
    preview = _read(tmp_path, NO_NUMBER_COLUMN)
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        (
            "Lokale netwerkmomenten per gemeente",
            "ELZ Voorkempen",
            ["OCMW Brecht", "OCMW Malle"],
            "2025",
        ),
        (
            "Vorming voor verenigingen",
            "Wit-Gele Kruis West-Vlaanderen",
            ["Gemeente Schilde"],
            "maandelijks",
        ),
        (
            "Draaiboek gezamenlijk huisbezoek",
            "OCMW Zandhoven",
            ["Solidariteit voor het Gezin"],
            "najaar 2025",
        ),
    ]


def test_indicators_in_spaced_pdf_text_stay_apart(tmp_path):
    text = (
        WRAPPED_PARTNERS
        + """Indicatoren
Beleidsaanbevelingen, goedgekeurd door het bestuursorgaan en belanghebbenden
Definiëren van doelen voor het beleidsplan 2027-2032
"""
    )
    (action,) = _read(tmp_path, text).actions
    assert action.indicators == [
        "Beleidsaanbevelingen, goedgekeurd door het bestuursorgaan en belanghebbenden",
        "Definiëren van doelen voor het beleidsplan 2027-2032",
    ]


SIBLING_GOALS = """ELZ Testland
Actieplan 2026
1 Samen zorgen voor mantelzorgers
1.1 Mantelzorgers vinden ondersteuning
1.1.1 Mantelzorgcafé in elke gemeente
Trekker: CAW Limburg
Stappen
1. Bevraging van de mantelzorgers
Timing: Q1 2026
2. Opstart van het eerste café
Timing: Q3 2026
1.1.2 Vorming voor vrijwilligers
Trekker: Samana
1. Opmaak van het programma
Timing: 2026
2 Preventie
2.1 Valpreventie
2.1.1 Valpreventie thuis
Trekker: OCMW Genk
"""


def test_goals_beside_a_sibling_of_their_shape_are_no_chapter_though_steps_are_numbered(
    tmp_path,
):
    """Numbered steps with a timing under each "1.x.y" made "1" a chapter: its goals went
    up a level and its actions were lost. "2" / "2.1" / "2.1.1" beside it says "1" is a
    goal too, and a step with only a timing is no action."""
    preview = _read(tmp_path, SIBLING_GOALS)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert [g.number for g in preview.operational_goals] == ["1.1", "2.1"]
    assert [(a.id_code, a.lead) for a in preview.actions] == [
        ("1.1.1", "CAW Limburg"),
        ("1.1.2", "Samana"),
        ("2.1.1", "OCMW Genk"),
    ]


LEAD_AFTER_AN_ADVERBIAL = """ELZ Testland
Actieplan 2026
SD 1 Samen zorgen
OD 1.1 Mantelzorg ondersteunen
Actie 1.1.1 Mantelzorgcafé
Vanaf september neemt CAW Limburg het voortouw bij de organisatie van de cafés.
Actie 1.1.2 Buurtnetwerk
Binnen de werkgroep neemt Samana het voortouw.
Actie 1.1.3 Valpreventie
In 2026 neemt de zorgraad het voortouw.
Actie 1.1.4 Zorgpad dementie
Zoals in 2025 zijn de huisartsen de trekkers.
"""


def test_the_lead_after_an_opening_adverbial_is_the_name_after_the_verb(tmp_path):
    """ "Vanaf september neemt CAW Limburg het voortouw": the opening adverbial was read as
    the lead (and so as a timing); the lead is the name between the verb and "het
    voortouw"."""
    actions = _actions(_read(tmp_path, LEAD_AFTER_AN_ADVERBIAL))
    assert [(a.lead, a.timing) for a in actions.values()] == [
        ("CAW Limburg", None),
        ("Samana", None),
        ("zorgraad", None),
        (None, None),
    ]


PARTNERS_IN_PROSE = """ELZ Testland
Actieplan 2026
SD 1 Samen zorgen
OD 1.1 Mantelzorg
Actie 1.1.1 Mantelzorgcafé
We organiseren samen met de inwoners een mantelzorgcafé. Samen met Vlaanderen zoeken we naar financiering.
Actie 1.1.2 Valpreventie
Het Wit-Gele Kruis neemt het voortouw, in samenwerking met de lokale besturen, OCMW Genk en het Lokaal Dienstencentrum De Kring. Met steun van de Vlaamse overheid.
Actie 1.1.3 Sociale kaart
Samen met de PZON en Samana bouwen we een sociale kaart.
"""  # noqa: E501


def test_partners_in_running_text_are_whole_organisations_and_no_places_or_groups(tmp_path):
    """ "Samen met Vlaanderen" gave the partner Vlaanderen, "de Vlaamse overheid" the
    partner "Vlaamse", a list after "de lokale besturen" was cut to "de lokale", and "de
    inwoners" became a group: a phrase after an article is whole, a list goes on after a
    comma and "en", and only organisations are partners."""
    actions = _actions(_read(tmp_path, PARTNERS_IN_PROSE))
    assert [(a.partners, a.partner_groups) for a in actions.values()] == [
        ([], []),
        # "Met steun van de Vlaamse overheid": the government takes part (round 7).
        (["OCMW Genk", "Lokaal Dienstencentrum De Kring", "Vlaamse overheid"], []),
        (["Samana"], []),
    ]


FULL_PARTNER_LINES = """ELZ Testland
Actieplan 2026
SD 1 Samen zorgen
OD 1.1 Mantelzorg ondersteunen
Actie 1.1.1 Mantelzorgcafé
Trekker: CAW Limburg
Partners: Samana, OKRA, Vief, OCMW Genk, OCMW Hasselt, Huisartsenkring Demer
Mantelzorgers vinden elkaar in een laagdrempelig café
Timing: 2026
Actie 1.1.2 Vorming voor vrijwilligers
Trekker: Samana
Partners: OKRA, Vief, OCMW Genk, OCMW Hasselt, Familiehulp, Thuishulp
Bereik: 200 vrijwilligers
Timing: 2027
"""


def test_a_full_line_of_partners_in_pdf_text_does_not_take_a_sentence_or_a_label_after_it(
    tmp_path,
):
    """A list of partners that filled its line took the next line of spaced PDF text into
    its last name ("Huisartsenkring Demer Mantelzorgers vinden …", "Thuishulp Bereik")."""
    actions = _actions(_read(tmp_path, FULL_PARTNER_LINES))
    assert actions["1.1.1"].partners[-1] == "Huisartsenkring Demer"
    assert actions["1.1.2"].partners[-1] == "Thuishulp"


FLATTENED_WITH_EMPTY_CELLS = """ELZ Testland
Actieplan 2026
SD 1 Samen zorgen
OD 1.1 Mantelzorg ondersteunen
Nr.
Actie
Trekker
Partners
Timing
1.1.1
Mantelzorgcafé in elke gemeente
CAW Limburg
2026
1.1.2
Vorming voor vrijwilligers
Samana
2027
Huisartsenkring Demer volgt beide acties op.
OD 1.2 Eenzaamheid
Actie
Trekker
Partners
Timing
Mantelzorgcafé
CAW Limburg
2026
Infoavond mantelzorg in oktober
OCMW Genk
Samana, OKRA
najaar 2026
Vorming voor vrijwilligers
Samana
Vief
2027
"""


def test_a_flattened_table_with_empty_cells_takes_no_sentence_or_title_as_a_timing(tmp_path):
    """A sentence under a flattened table was the last row's timing, and a title that holds
    a month ("Infoavond mantelzorg in oktober") a timing: a row short of its empty partners
    cell ends at a cell that says when."""
    preview = _read(tmp_path, FLATTENED_WITH_EMPTY_CELLS)
    assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("Mantelzorgcafé in elke gemeente", "CAW Limburg", [], "2026"),
        ("Vorming voor vrijwilligers", "Samana", [], "2027"),
        ("Mantelzorgcafé", "CAW Limburg", [], "2026"),
        ("Infoavond mantelzorg in oktober", "OCMW Genk", ["Samana", "OKRA"], "najaar 2026"),
        ("Vorming voor vrijwilligers", "Samana", ["Vief"], "2027"),
    ]


PHASES_NUMBERED = """ELZ Testland
Actieplan 2026
SD 1 Samen zorgen
OD 1.1 Mantelzorg ondersteunen
Actie 1.1.1 Mantelzorgcafé
Trekker: CAW Limburg
Timing: 2026
Aanpak
We werken in drie fasen.
Infosessie 1
Bevraging van mantelzorgers
Infosessie 2
Opstart in Genk
Infosessie 3
Uitrol in alle gemeenten
Actie 1.1.2 Vorming
Trekker: Samana
"""


def test_lines_numbered_one_two_three_close_together_are_no_running_footer(tmp_path):
    """ "Infosessie 1" / "Infosessie 2" / "Infosessie 3" two lines apart were dropped as a
    footer that ends in its page's number: a running footer names the plan or stands a page
    apart."""
    path = tmp_path / "plan.txt"
    path.write_text(_extracted(PHASES_NUMBERED), encoding="utf-8")
    kept = [line.strip() for line in read_lines(path) if line.strip()]
    assert {"Infosessie 1", "Infosessie 2", "Infosessie 3"} <= set(kept)
