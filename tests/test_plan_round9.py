"""Plans of other zones in the Flemish government's mandatory template for the action plan
(seed 003's, for 2025 and for 2026), ninth round, in the text a PDF extractor gives."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import fiche as _fiche
from extracted import read as _read

HEAD = """Hieronder vindt u het verplicht sjabloon voor het actieplan van de zorgraad voor het
werkjaar 2026.
Acties 2026
Strategische doelstelling 3 – Een toegankelijke eerstelijn in Haspengouw
Operationele doelstelling 3.1 – Sociale tolken zijn vlot inzetbaar
"""


def test_a_goal_glued_by_one_space_after_a_tick_box_is_a_heading(tmp_path):
    text = HEAD + _fiche("3.1.1", "Tolkenpool", "De zorgraad", "• CAW Limburg")
    text += "☐ Resultaatgerichte evaluatie (Output) Operationele doelstelling 3.2 – Armoede-\n"
    text += "toets in de eerstelijnspraktijk\n"
    text += _fiche("3.2.1", "Armoedetoets voor zorgverleners", "De zorgraad", "• CAW Limburg")
    preview = _read(tmp_path, text)
    goals = {g.number: g.title for g in preview.operational_goals}
    assert goals["3.2"] == "Armoedetoets in de eerstelijnspraktijk"
    actions = _actions(preview)
    assert actions["3.2.1"].operational_goal == "3.2"
    assert not any("Operationele" in i for i in actions["3.1.1"].indicators)


def test_a_goal_named_in_a_sentence_is_no_heading(tmp_path):
    text = HEAD + _fiche(
        "3.1.1",
        "Tolkenpool",
        "De zorgraad",
        "• CAW Limburg",
        how="We volgen dit op zoals in Operationele doelstelling 2.1 – armoede.",
    )
    preview = _read(tmp_path, text)
    assert [g.number for g in preview.operational_goals] == ["3.1"]


def test_two_actions_on_one_fiche_are_two_actions_with_its_fields(tmp_path):
    text = HEAD + _fiche(
        "3 en Actie 4",
        "Buurtcirkels Herne en Buurtcirkels Pepingen",
        "OCMW Herne",
        "• Samana\n• Okra",
    )
    actions = _actions(_read(tmp_path, text))
    assert actions["3"].title == "Buurtcirkels Herne"
    assert actions["4"].title == "Buurtcirkels Pepingen"
    for code in ("3", "4"):
        assert actions[code].lead == "OCMW Herne"
        assert actions[code].partners == ["Samana", "Okra"]


def test_a_table_of_partners_may_open_with_a_name_in_lower_case(tmp_path):
    table = "Organisatie\nRol\ni-mens\nLesgever\nThuisverpleging Brugge\nDeelnemers werven"
    text = HEAD + _fiche("3.1.1", "Vorming", "Wit-Gele Kruis West-Vlaanderen", table)
    action = _actions(_read(tmp_path, text))["3.1.1"]
    assert action.partners == ["i-mens", "Thuisverpleging Brugge"]
    assert action.partner_groups == []


def test_an_action_of_an_organisation_the_zorgraad_supports_is_led_by_it(tmp_path):
    lead = "Dit is een actie van OCMW Herne; de zorgraad ondersteunt."
    action = _actions(_read(tmp_path, HEAD + _fiche("3.1.1", "Buurtcirkels", lead, "• Okra")))
    assert action["3.1.1"].lead == "OCMW Herne"
    assert not action["3.1.1"].lead_self


def test_who_takes_the_lead_with_the_zorgraad_leads_with_it(tmp_path):
    lead = "De zorgraad neemt de trekkersrol op, samen met Logo Zennevallei."
    action = _actions(_read(tmp_path, HEAD + _fiche("3.1.1", "Fit in je hoofd", lead, "• CLB")))
    assert action["3.1.1"].lead_self
    assert action["3.1.1"].co_leads == ["Logo Zennevallei"]


def test_a_continued_action_noted_between_its_code_and_the_dash_keeps_the_note(tmp_path):
    text = HEAD + _fiche("3.1.1 (verderzetting actie 2024)", "Dementiecafé", "OCMW Herne", "• Okra")
    text += _fiche("3.1.2 (voortzetting actie 2024 – aangepast)", "Tolkenpool", "OCMW", "• Okra")
    text += _fiche("3.1.3 (zie ook 2.1)", "Vorming", "OCMW Herne", "• Okra")
    actions = _actions(_read(tmp_path, text))
    assert actions["3.1.1"].title == "Dementiecafé (verderzetting actie 2024)"
    assert actions["3.1.2"].title == "Tolkenpool (voortzetting actie 2024 – aangepast)"
    assert actions["3.1.3"].title == "Vorming"


def test_the_timing_under_how_as_zones_write_it(tmp_path):
    hows = {
        "3.1.1": ("Q1 2026 – Q4 2026, één intervisie per kwartaal", "Q1 2026 – Q4 2026"),
        "3.1.2": ("In het najaar van 2026", "In het najaar van 2026"),
        "3.1.3": ("Tweede semester schooljaar 2025-2026", "Tweede semester schooljaar 2025-2026"),
        "3.1.4": ("Het eerste kwartaal 2026 en daarna doorlopend", None),
        "3.1.5": ("• Sessie 1 in april 2026\n• Sessie 2 in oktober 2026", None),
        "3.1.6": ("• Stap 1: overleg\n• Stap 2: opleiding in maart\n• Stap 3: lancering", None),
        "3.1.7": ("We werken met vrijwilligers die een vorming krijgen.", None),
    }
    text = HEAD + "".join(
        _fiche(code, "Vorming", "OCMW Herne", "• Okra", how=how) for code, (how, _) in hows.items()
    )
    actions = _actions(_read(tmp_path, text))
    assert {code: a.timing for code, a in actions.items()} == {
        "3.1.1": "Q1 2026 – Q4 2026",
        "3.1.2": "In het najaar van 2026",
        "3.1.3": "Tweede semester schooljaar 2025-2026",
        "3.1.4": "Het eerste kwartaal 2026 en daarna doorlopend",
        "3.1.5": "in april 2026; in oktober 2026",
        "3.1.6": "in maart",
        "3.1.7": None,
    }


def test_the_templates_sentence_about_the_plan_is_no_title(tmp_path):
    text = """Instructies
Hieronder vindt u het verplicht sjabloon voor het actieplan van de zorgraad voor het
werkjaar 2026.
Dit actieplan wordt ten laatste bezorgd aan het departement op 15 oktober 2025 via
eerstelijn@vlaanderen.be.
Functioneren als netwerkorganisatie
Zorgraad Meetjesland zet 35% van de personeelstijd in op het netwerk.
""" + HEAD.split("\n", 2)[2]
    text += _fiche("3.1.1", "Tolkenpool", "De zorgraad", "• CAW Limburg")
    assert _read(tmp_path, text).title is None


def test_cluster_headings_over_the_partners_are_no_partners(tmp_path):
    partners = "Zorg:\n• Huisartsenkring Voorkempen\nWelzijn:\n• CAW De Kempen\n"
    partners += "Lokale besturen:\n• Gemeente Malle\nPZON:\n• Vlaams Patiëntenplatform"
    action = _actions(_read(tmp_path, HEAD + _fiche("3.1.1", "Netwerk", "ELZ VK", partners)))
    assert action["3.1.1"].partners == [
        "Huisartsenkring Voorkempen",
        "CAW De Kempen",
        "Gemeente Malle",
        "Vlaams Patiëntenplatform",
    ]
    assert action["3.1.1"].partner_groups == []


def test_the_same_partners_as_another_action_and_one_more(tmp_path):
    text = HEAD + _fiche("3.1.1", "Ontmoetingsplek", "OCMW Izegem", "• Similes\n• Familiehulp")
    same = "Zelfde partners als bij actie 3.1.1, aangevuld met de Apothekersvereniging Roeselare."
    text += _fiche("3.1.2", "Vorming", "De zorgraad", same)
    text += _fiche("3.1.3", "Café", "De zorgraad", "Idem actie 3.1.1")
    actions = _actions(_read(tmp_path, text))
    assert actions["3.1.2"].partners == [
        "Apothekersvereniging Roeselare",
        "Similes",
        "Familiehulp",
    ]
    assert actions["3.1.2"].partner_groups == []
    assert actions["3.1.3"].partners == ["Similes", "Familiehulp"]
    assert actions["3.1.3"].partner_groups == []


def test_a_clusters_label_on_the_next_line_is_no_part_of_a_name_before_it(tmp_path):
    partners = "Welzijn: Lokaal dienstencentrum De Ceder, Lokaal dienstencentrum Het Leeskot\n"
    partners += "PZON: Seniorenraad Eeklo"
    preview = _read(tmp_path, HEAD + _fiche("3.1.1", "Valpreventie", "Logo Gezond+", partners))
    assert _actions(preview)["3.1.1"].partners == [
        "Lokaal dienstencentrum De Ceder",
        "Lokaal dienstencentrum Het Leeskot",
        "Seniorenraad Eeklo",
    ]
    assert not any("PZON" in name for name in preview.organisations)


def test_an_organisation_over_its_people_is_a_partner(tmp_path):
    partners = "CAW Oost-Vlaanderen:\n• Jan Peeters, teamcoach\nWelzijn:\n• Samana"
    action = _actions(_read(tmp_path, HEAD + _fiche("3.1.1", "Netwerk", "ELZ VK", partners)))
    assert action["3.1.1"].partners == ["CAW Oost-Vlaanderen", "Samana"]


def test_a_kind_of_local_body_over_a_list_of_places_is_that_body_in_each(tmp_path):
    text = """ELZ Meetjesland – ACTIEPLAN 2026
SD 1 Samenwerking
OD 1.1 Armoede
Actie 1.1.1 Vorming
Trekker: CAW Oost-Vlaanderen
Partners: de sociale huizen van Aalter, Assenede en Zelzate, Samana
"""
    [action] = _read(tmp_path, text).actions
    assert action.partners == [
        "Sociaal Huis Aalter",
        "Sociaal Huis Assenede",
        "Sociaal Huis Zelzate",
        "Samana",
    ]
