"""Plans of zones the importer was not built on, seventh round (b), in the text a PDF
extractor gives: goals as rows across a table flattened one cell a line, a summary of the
actions before their detail, Word's third bullet under a sub-field, sentences that name a
lead, a group of a body, a surname after a particle, a document's name after a legal form,
a remark in brackets in the territory, actions coded "A1", a kind over two places, a place
after a lead, other zones as partners, the zone in the running header only, a title's label
without a colon."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import read as _read

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines

GOAL_ROWS = """Eerstelijnszone Pajottenland
Actieplan 2026
Strategische doelstelling
Operationele doelstelling
Actie
Trekker
Partners
Timing
SD 1 Mentaal welbevinden
versterken
OD 1.1 Laagdrempelig
aanbod rond psychisch
welzijn
Praatcafé mentaal welzijn
in elke gemeente
CGG Vlaams-Brabant
West
Huisartsenkring
Pajottenland, OCMW
Dilbeek
Q1 2026
Vorming Eerste Hulp bij
Psychische Problemen
Zorgraad
Te Gek!?, Rode Kruis
Vlaanderen
najaar 2026
SD 2 Zorg dichtbij huis
OD 2.1 Thuiszorg wordt
beter afgestemd
Overleg thuiszorgdiensten
Familiehulp
Wit-Gele Kruis Vlaams-
Brabant, i-mens,
Landelijke Thuiszorg
doorlopend
"""


def test_goals_in_a_table_flattened_one_cell_a_line_keep_their_actions(tmp_path):
    preview = _read(tmp_path, GOAL_ROWS)
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Laagdrempelig aanbod rond psychisch welzijn"),
        ("2.1", "Thuiszorg wordt beter afgestemd"),
    ]
    rows = [(a.operational_goal, a.title, a.lead, a.partners, a.timing) for a in preview.actions]
    assert rows == [
        (
            "1.1",
            "Praatcafé mentaal welzijn in elke gemeente",
            "CGG Vlaams-Brabant West",
            ["Huisartsenkring Pajottenland", "OCMW Dilbeek"],
            "Q1 2026",
        ),
        (
            "1.1",
            "Vorming Eerste Hulp bij Psychische Problemen",
            "Zorgraad",
            ["Te Gek!?", "Rode Kruis Vlaanderen"],
            "najaar 2026",
        ),
        (
            "2.1",
            "Overleg thuiszorgdiensten",
            "Familiehulp",
            ["Wit-Gele Kruis Vlaams-Brabant", "i-mens", "Landelijke Thuiszorg"],
            "doorlopend",
        ),
    ]


def test_goal_rows_across_a_numbered_flattened_table(tmp_path):
    text = """Eerstelijnszone Pajottenland
Actieplan 2026
Nr.
Actie
Trekker
Partners
Timing
SD 1 Mentaal welzijn
OD 1.1 Laagdrempelig aanbod
1.1.1
Praatcafé mentaal welzijn
CGG Vlaams-Brabant West
Huisartsenkring Pajottenland
Q1 2026
SD 2 Zorg dichtbij huis
OD 2.1 Afstemming thuiszorg
2.1.1
Overleg thuiszorgdiensten
Familiehulp
i-mens
doorlopend
"""
    actions = _actions(_read(tmp_path, text))
    assert list(actions) == ["1.1.1", "2.1.1"]
    assert (actions["2.1.1"].title, actions["2.1.1"].lead) == (
        "Overleg thuiszorgdiensten",
        "Familiehulp",
    )
    assert actions["2.1.1"].partners == ["i-mens"]
    assert actions["1.1.1"].timing == "Q1 2026"


SUMMARY_THEN_DETAIL = """ELZ Waasland – Jaaractieplan 2026
2. Overzicht van de acties
Nr.
Actie
Trekker
Timing
1.1.1
Netwerkmoment
OCMW Temse
najaar 2026
1.1.2
Bewegen in de wijk
Sportdienst Temse
2026
3. Doelstellingen en acties
SD 1 Netwerk
OD 1.1 Kennismaking
Actie 1.1.1 Netwerkmoment
Trekker OCMW Temse
Partners Wit-Gele Kruis Oost-Vlaanderen, Kinesitherapeutenkring Waas-
land en Samana
Timing najaar 2026
Actie 1.1.2 Bewegen in de wijk
Trekker Sportdienst Temse
Partners OKRA
Timing voorjaar 2026
"""


def test_the_detail_after_a_summary_of_the_actions_replaces_its_values(tmp_path):
    actions = _actions(_read(tmp_path, SUMMARY_THEN_DETAIL))
    assert list(actions) == ["1.1.1", "1.1.2"]
    assert actions["1.1.1"].partners == [
        "Wit-Gele Kruis Oost-Vlaanderen",
        "Kinesitherapeutenkring Waasland",
        "Samana",
    ]
    assert actions["1.1.1"].timing == "najaar 2026"
    assert actions["1.1.2"].timing == "voorjaar 2026"


def test_word_s_third_bullet_under_a_sub_field_without_value_gives_its_values(tmp_path):
    text = """ELZ Dender
Jaarplan 2026
Speerpunt 1 – Preventie
Subdoel 1.1 – Bevolkingsonderzoek
Acties
• Infosessies bevolkingsonderzoek
o Trekker: Logo Dender
o Partners:
▪ Vief Dender
▪ Samana
o Timing: voorjaar 2026
"""
    [action] = _read(tmp_path, text).actions
    assert action.partners == ["Vief Dender", "Samana"]
    assert action.indicators == []
    assert action.timing == "voorjaar 2026"


def test_a_lead_field_of_clauses_names_the_lead_its_clause_says(tmp_path):
    text = """Actieplan 2026 – Zorgraad Noorderkempen
Strategische doelstelling 3: Mentale gezondheid
Operationele doelstelling 3.1: Jongeren
Actie 3.1.1: Vindplaatsgericht werken
Trekker: De zorgraad coördineert, Netwerk GGZ Kempen trekt deze actie.
Partners: CLB Kempen
Actie 3.1.2: Jongerenpunt
Wie is de trekker van de actie?
De zorgraad neemt de coördinatie op; Netwerk GGZ Kempen is trekker.
Partners: CLB Kempen
"""
    actions = _actions(_read(tmp_path, text))
    for code in ("3.1.1", "3.1.2"):
        assert (actions[code].lead, actions[code].co_leads) == ("Netwerk GGZ Kempen", [])


def test_a_group_of_a_body_gives_the_body_as_partner_and_the_group(tmp_path):
    text = """ELZ Oostende-Bredene-Middelkerke
Strategische doelstelling 1: Bereik
Operationele doelstelling 1.1: Eenzaamheid
Actie 1: Huisbezoeken
Trekker: OCMW Oostende
Partners: Samana, de huisartsen van de Huisartsenkring Oostende en de Stad Oostende
Actie 2: Bezoeken
Trekker: OCMW Oostende
Partners: De huisartsen van de HAK Oostende, de vrijwilligers van Okra
"""
    first, second = _read(tmp_path, text).actions
    assert first.partners == ["Samana", "Huisartsenkring Oostende", "Stad Oostende"]
    assert first.partner_groups == ["de huisartsen van de Huisartsenkring Oostende"]
    assert second.partners == ["HAK Oostende", "Okra"]
    assert second.partner_groups == [
        "De huisartsen van de HAK Oostende",
        "de vrijwilligers van Okra",
    ]


def test_a_place_after_a_surname_particle_is_a_surname(tmp_path):
    text = """ELZ Meetjesland
Jaarplan 2026
SD 1 Toegankelijkheid
OD 1.1 Onthaal
Actie 1.1.1 Opleiding onthaalmedewerkers
Trekker: Els Van Damme (CAW Oost-Vlaanderen)
Partners: Samana
"""
    preview = _read(tmp_path, text)
    [action] = preview.actions
    assert action.lead == "CAW Oost-Vlaanderen"
    assert "Els Van Damme" not in preview.organisations


def test_a_document_s_word_after_a_legal_form_is_no_organisation(tmp_path):
    text = """Zorgraad Meetjesland vzw                                         Beleidsplan 2026-2031
SD 1 Toegang
OD 1.1 Onthaal
Actie 1.1.1 Opleiding onthaalmedewerkers
Trekker: CAW Oost-Vlaanderen
Partners: Samana
"""
    assert "Beleidsplan" not in _read(tmp_path, text).organisations


def test_a_negation_in_brackets_in_the_territory_is_a_remark_on_one_place(tmp_path):
    text = """ELZ NETEDAL – ACTIEPLAN 2026
ELZ Netedal verbindt zorg en welzijn in Mol, Balen, Dessel,
Geel (deelgemeente Zammel niet), Meerhout en Retie.
SD 1 Samenwerking
OD 1.1 Overleg
Actie 1.1.1 Netwerkavond
Trekker: OCMW Mol
"""
    assert _read(tmp_path, text).municipalities == [
        "Mol",
        "Balen",
        "Dessel",
        "Geel",
        "Meerhout",
        "Retie",
    ]


def test_actions_coded_a1_are_numbered_through(tmp_path):
    text = """Zorgraad Meetjesland
SD I. Toegang
OD I.1 Onthaal
A1. Opleiding onthaalmedewerkers
Trekker: CAW Oost-Vlaanderen
A2: Vindplaatsgerichte acties
Trekker: Lokaal bestuur Lievegem
OD I.2 Mantelzorg
A3 Mantelzorgcafé
Trekker: Samana Meetjesland
"""
    actions = _actions(_read(tmp_path, text))
    assert {code: a.title for code, a in actions.items()} == {
        "1": "Opleiding onthaalmedewerkers",
        "2": "Vindplaatsgerichte acties",
        "3": "Mantelzorgcafé",
    }


def test_actions_numbered_again_at_the_margin_under_each_goal(tmp_path):
    text = """ELZ Leie en Schelde
2. DOELSTELLINGEN EN ACTIES
2.1 Mantelzorgers voelen zich gesteund
2.1.1 Mantelzorgers worden vroeg herkend
1. Signaalkaart voor huisartsen en apothekers
Trekker: Huisartsenkring Leie en Schelde
Timing: 2026
2. Mantelzorgcafé Zulte
Trekker: Gemeente Zulte
2.1.2 Respijtzorg wordt beter bekend
1. Overzicht van respijtaanbod op de sociale kaart
Trekker: zorgraad
"""
    actions = _actions(_read(tmp_path, text))
    assert {code: a.title for code, a in actions.items()} == {
        "1.1.1": "Signaalkaart voor huisartsen en apothekers",
        "1.1.2": "Mantelzorgcafé Zulte",
        "1.2.1": "Overzicht van respijtaanbod op de sociale kaart",
    }


def test_a_kind_over_two_places_is_that_kind_in_each(tmp_path):
    text = """Actieplan 2026 – Zorgraad Noorderkempen
Strategische doelstelling 1: Toegang
Operationele doelstelling 1.1: Huisarts
Actie 1.1.1: Wijkgezondheidscentrum
Trekker: Stad Turnhout
Partners: het OCMW Beerse en Vosselaar, de jeugddiensten van Hoogstraten en Merksplas
"""
    preview = _read(tmp_path, text)
    [action] = preview.actions
    assert action.partners == ["OCMW Beerse", "OCMW Vosselaar"]
    assert action.partner_groups == ["de jeugddiensten van Hoogstraten en Merksplas"]
    assert "jeugddiensten van Hoogstraten en Merksplas" not in preview.organisations


def test_a_place_after_a_named_lead_is_where_it_is(tmp_path):
    text = """ELZ Oostende-Bredene-Middelkerke
Strategische doelstelling 1: Bereik
Operationele doelstelling 1.1: Eenzaamheid
Actie 1: Ontmoetingsnamiddagen
Trekker: Lokaal dienstencentrum Het Kompas, Bredene
Partners: Vrijwilligerswerk West-Vlaanderen
"""
    [action] = _read(tmp_path, text).actions
    assert (action.lead, action.co_leads) == ("Lokaal dienstencentrum Het Kompas", [])


def test_other_zones_as_partners_keep_their_names_and_the_group_stays(tmp_path):
    text = """ELZ NETEDAL – ACTIEPLAN 2026
SD 1 Samenwerking
OD 1.1 Aanbod
Actie 1.1.1 Trefdag
Trekker: Zorgraad Netedal
Partners: ELZ Noorderkempen en ELZ Kempenland, alle lokale besturen van de zone
"""
    [action] = _read(tmp_path, text).actions
    assert action.partners == ["ELZ Noorderkempen", "ELZ Kempenland"]
    assert action.partner_groups == ["alle lokale besturen van de zone"]


def test_the_zorgraad_named_by_its_zone_as_the_subject_of_a_role_is_no_partner(tmp_path):
    text = """ELZ Dijleland (ELZ DL) – ACTIEPLAN 2025
SD 1 Samenwerking
OD 1.1 Wachtposten
Actie 1.1.1 Wachtpost-overleg met de apothekers
Wie is de trekker van de actie?
Huisartsenwachtpost Leuven
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
ELZ DL zit het overleg voor.
Met welke stakeholders wordt er samengewerkt voor deze actie?
• Apothekersvereniging Leuven
• Huisartsenkring Dijleland
"""
    [action] = _read(tmp_path, text).actions
    assert action.lead == "Huisartsenwachtpost Leuven"
    assert action.partners == ["Apothekersvereniging Leuven", "Huisartsenkring Dijleland"]


def test_a_sentence_about_the_action_itself_names_those_it_runs_with(tmp_path):
    text = """ELZ Noorderkempen – ACTIEPLAN 2026
SD 1 Jongeren
OD 1.1 Mentaal welzijn
Actie 1.1.1 Vindplaatsgericht werken
Trekker: Netwerk GGZ Kempen
Met welke stakeholders wordt er samengewerkt voor deze actie?
Het project loopt samen met het CLB Kempen, Jeugdhuis De Kroeg en de
jeugddiensten van Hoogstraten en Merksplas.
"""
    [action] = _read(tmp_path, text).actions
    assert action.partners == ["CLB Kempen", "Jeugdhuis De Kroeg"]
    assert action.partner_groups == ["de jeugddiensten van Hoogstraten en Merksplas"]


def test_the_zone_named_only_in_the_running_header_is_read(tmp_path):
    page = "ELZ Waasland – Jaaractieplan 2026\n \n"
    text = (
        page
        + "SD 1 Netwerk\nOD 1.1 Kennismaking\nActie 1.1.1 Netwerkmoment eerste lijn\n"
        + "Trekker: Zorgraad\nPartners:\n• Huisartsenkring Waasland\n \n2\n \n"
        + page
        + "• CAW Oost-Vlaanderen\nTiming: najaar 2026\nActie 1.1.2 Sociale kaart\n"
        + "Trekker: OCMW Temse\nPartners: Familiehulp\n \n3\n \n"
        + page
        + "Timing: 2026\nActie 1.1.3 Vorming\nTrekker: OCMW Stekene\nTiming: 2027\n \n4\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    preview = plan.parse_lines(read_lines(path), "testzone", path.name)
    assert preview.zone_name == "ELZ Waasland"
    assert [a.id_code for a in preview.actions] == ["1.1.1", "1.1.2", "1.1.3"]
    assert _actions(preview)["1.1.1"].partners == [
        "Huisartsenkring Waasland",
        "CAW Oost-Vlaanderen",
    ]


def test_a_title_s_label_before_spaces_is_no_part_of_it(tmp_path):
    text = """ELZ Brugge – Meerjarenplan 2026-2031
Prioriteit 1: Toegankelijke eerstelijnszorg
Operationele doelstelling 1.1: Elke inwoner heeft een vaste huisarts
Actiefiche 1.1.1
Naam van de actie          Aanmeldpunt voor inwoners zonder huisarts
Trekker (organisatie)      Huisartsenvereniging Brugge
Actiefiche 1.1.2
Titel                      Wachtpost in de zomer
Trekker (organisatie)      Huisartsenvereniging Brugge
"""
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].title == "Aanmeldpunt voor inwoners zonder huisarts"
    assert actions["1.1.2"].title == "Wachtpost in de zomer"


def test_the_plan_s_title_less_the_page_number_of_its_running_header(tmp_path):
    text = """Zorgraad Midden-Limburg – Meerjarenplan 2026-2031                          1
Doel 1 Kwetsbare gezinnen
1.1 Armoede
1.1.1 Vroegdetectie via de huisarts
Wie? Huisartsenkring Hasselt
"""
    assert _read(tmp_path, text).title == "Zorgraad Midden-Limburg – Meerjarenplan 2026-2031"


def test_a_running_header_with_the_page_number_on_two_pages_is_furniture(tmp_path):
    header = "Zorgraad Midden-Limburg – Meerjarenplan 2026-2031                        {}\n"
    filler = "".join(f"De zorgraad werkt verder aan het netwerk {n}.\n" for n in range(25))
    text = (
        header.format(1)
        + "Doel 1 Kwetsbare gezinnen\n1.1 Armoede\n1.1.1 Vroegdetectie via de huisarts\n"
        + "Wie? Huisartsenkring Hasselt\n"
        + filler
        + "1.1.2 Sociale tandartspraktijk\nWie? OCMW Zonhoven\nWanneer? najaar 2026\n"
        + header.format(2)
        + "1.1.3 Buurtzorg\nWie? Stad Hasselt\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    preview = plan.parse_lines(read_lines(path), "testzone", path.name)
    assert _actions(preview)["1.1.2"].timing == "najaar 2026"
    assert preview.title == "Zorgraad Midden-Limburg – Meerjarenplan 2026-2031"


def test_a_plural_kind_over_places(tmp_path):
    text = """Zorgraad Meetjesland
SD 1 Toegang
OD 1.1 Onthaal
Actie 1.1.1 Opleiding onthaalmedewerkers
Trekker: CAW Oost-Vlaanderen
Met wie: samen met de OCMW's van Eeklo en Maldegem en de ziekenfondsen
Actie 1.1.2 Jongerenaanspreekpunt
Trekker: JAC Halle
Met wie: Jeugddiensten van Dilbeek en Lennik
"""
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].partners == ["OCMW Eeklo", "OCMW Maldegem"]
    assert actions["1.1.1"].partner_groups == ["de ziekenfondsen"]
    assert actions["1.1.2"].partners == []
    assert actions["1.1.2"].partner_groups == ["Jeugddiensten van Dilbeek en Lennik"]


def test_a_verb_after_a_lead_is_no_part_of_its_name(tmp_path):
    text = """Actieplan 2026 – Zorgraad Noorderkempen
Strategische doelstelling 3: Mentale gezondheid
Operationele doelstelling 3.1: Jongeren
Actie 3.1.1: Vindplaatsgericht werken
Trekker: De zorgraad coördineert.
Partners: CLB Kempen
Actie 3.1.2: Jongerenpunt
Trekker: CAW De Kempen coördineert, Samana ondersteunt.
Partners: CLB Kempen
"""
    actions = _actions(_read(tmp_path, text))
    assert (actions["3.1.1"].lead, actions["3.1.1"].lead_self) == ("zorgraad", True)
    assert (actions["3.1.2"].lead, actions["3.1.2"].co_leads) == ("CAW De Kempen", [])
