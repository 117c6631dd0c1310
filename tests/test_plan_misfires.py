"""Rules of rounds 7 to 9 that misfired on a review's plans (the 2025 template, in the text a
PDF extractor gives): a code "A1" in a fiche's text, a goal named after a sentence's end, a
month joined to a word by a hyphen under "Hoe?"."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import fiche
from extracted import read as _read

HEAD = """Hieronder vindt u het verplicht sjabloon voor het actieplan van de zorgraad voor het
werkjaar 2026.
Acties 2026
Strategische doelstelling 3 – Een toegankelijke eerstelijn in Kempen
Operationele doelstelling 3.1 – Sociale tolken zijn vlot inzetbaar
"""


def _fiche(what: str = "Een vorming.", how: str = "Heel 2026") -> str:
    return fiche("3.1.1", "Tolkenpool", "De zorgraad", "• CAW Limburg", how=how, what=what)


def _one(tmp_path, text):
    preview = _read(tmp_path, text)
    assert list(_actions(preview)) == ["3.1.1"]
    return _actions(preview)["3.1.1"]


def test_a_code_a1_in_the_text_of_a_plan_coding_its_actions_is_no_action(tmp_path):
    what = "Een vorming.\nA1 Formaat posters worden verdeeld."
    action = _one(tmp_path, HEAD + _fiche(what=what))
    assert action.lead_self and action.partners == ["CAW Limburg"]
    assert action.timing == "Heel 2026"
    how = "A1. Ontwerp affiche (maart 2026)\nA2. Verdeling (april 2026)"
    assert _one(tmp_path, HEAD + _fiche(how=how)).partners == ["CAW Limburg"]


def test_a_goal_named_after_the_end_of_a_sentence_is_no_heading(tmp_path):
    what = "We werken samen (zie hoger). Operationele doelstelling 2.1 – Armoede blijft prioritair."
    action = _one(tmp_path, HEAD + _fiche(what=what))
    assert action.operational_goal == "3.1"
    assert action.lead_self and action.partners == ["CAW Limburg"]


def test_a_month_joined_to_a_word_under_how_is_no_timing(tmp_path):
    for how in ("Mei-actie in alle gemeenten", "2026-editie van de trefdag"):
        assert _one(tmp_path, HEAD + _fiche(how=how)).timing is None, how
    assert _one(tmp_path, HEAD + _fiche(how="Mei 2026 – trefdag")).timing == "Mei 2026"


def test_a_part_of_the_lead_after_a_comma_is_no_second_lead(tmp_path):
    for lead, name in (
        ("Familiehulp, regio Kempen", "Familiehulp"),
        ("Familiehulp, afdeling Kempen", "Familiehulp"),
        ("CAW De Kempen, Team Onthaal", "CAW De Kempen"),
    ):
        text = HEAD + _fiche().replace("De zorgraad\nIndien", f"{lead}\nIndien")
        action = _one(tmp_path, text)
        assert (action.lead, action.co_leads) == (name, []), lead


def test_a_sector_word_and_a_name_after_en_are_one_name(tmp_path):
    partners = "• Zorg en Welzijn Vlaanderen\n• Wonen en Zorg Kempen\n• Samana en Vief"
    text = HEAD + _fiche().replace("• CAW Limburg", partners)
    action = _one(tmp_path, text)
    assert action.partners == [
        "Zorg en Welzijn Vlaanderen",
        "Wonen en Zorg Kempen",
        "Samana",
        "Vief",
    ]


def test_an_organisation_over_its_parts_is_named_whole(tmp_path):
    partners = "Huisartsenkring Kempen:\n• HAK Noord\n• HAK Zuid"
    preview = _read(tmp_path, HEAD + _fiche().replace("• CAW Limburg", partners))
    named = {match.name for match in preview.organisation_matches}
    assert "Huisartsenkring" not in named and "Huisartsenkring Kempen" in named


def test_who_chairs_or_runs_the_working_group_leads(tmp_path):
    for lead, name in (
        ("Samana zit de stuurgroep voor; de zorgraad ondersteunt.", "Samana"),
        ("CAW De Kempen trekt de werkgroep.", "CAW De Kempen"),
        ("CAW De Kempen zit de werkgroep voor.", "CAW De Kempen"),
    ):
        text = HEAD + _fiche().replace("De zorgraad\nIndien", f"{lead}\nIndien")
        preview = _read(tmp_path, text)
        assert _actions(preview)["3.1.1"].lead == name, lead
        assert not any(" voor" in m.name or "trekt" in m.name for m in preview.organisation_matches)


def test_who_chairs_after_the_sentence_naming_the_lead_does_not_lead(tmp_path):
    text = """Zorgraad Regio Aalst – Jaaractieplan 2025
2 ZORG IN DE BUURT
2.2 ZORGPADEN
2.2.2 ZORGPAD DIABETES
Samen met het OLV Ziekenhuis Aalst en de diabetesconventie werken we een transmuraal
zorgpad uit. Het ziekenhuis is trekker; de zorgraad zit de werkgroep voor.
"""
    action = _actions(_read(tmp_path, text))["2.2.2"]
    assert not action.lead_self


def test_what_names_nobody_after_en_is_no_group(tmp_path):
    partners = "• Gemeente Geel en omstreken\n• OCMW Geel en partners"
    action = _one(tmp_path, HEAD + _fiche().replace("• CAW Limburg", partners))
    assert action.partners == ["Gemeente Geel", "OCMW Geel"]
    assert action.partner_groups == []
