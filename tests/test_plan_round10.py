"""Multi-year plans (meerjarenplan 2026-2031) of other zones, as seeds 000, 001 and 004 are
written, tenth round, in the text a PDF extractor gives."""

from __future__ import annotations

from extracted import read as _read


def _by_title(preview):
    return {a.title: a for a in preview.actions}


def test_bracketed_fields_broken_over_lines_are_the_items_own(tmp_path):
    text = """4. Doelstellingen en acties
Doelstelling 1: Ouderen blijven langer thuis wonen
1.1 Mantelzorgers voelen zich ondersteund
• Mantelzorgcafé in elk LDC (trekker: OCMW Harelbeke; partners: Samana, Vief)
• Vormingsreeks voor buren als mantelzorger (trekker: Familiehulp; partners: i-mens,
Gemeente Kuurne)
1.2 Valpreventie bij thuiswonende ouderen
• Valrisicoscreening door de thuisverpleging (trekker: WGK; partners: Kinesitherapeu-
tenkring Leiestreek)
"""
    actions = _by_title(_read(tmp_path, text))
    assert set(actions) == {
        "Mantelzorgcafé in elk LDC",
        "Vormingsreeks voor buren als mantelzorger",
        "Valrisicoscreening door de thuisverpleging",
    }
    assert actions["Vormingsreeks voor buren als mantelzorger"].lead == "Familiehulp"
    assert actions["Vormingsreeks voor buren als mantelzorger"].partners == [
        "i-mens",
        "Gemeente Kuurne",
    ]
    screening = actions["Valrisicoscreening door de thuisverpleging"]
    assert (screening.lead, screening.partners) == ("WGK", ["Kinesitherapeutenkring Leiestreek"])


ROMAN = """1. Inleiding
Dit meerjarenplan beschrijft onze doelstellingen.
4. Strategische doelstellingen
I. Gezond leven in het Pajottenland
I.1 Inwoners bewegen meer
Acties:
- Wandelroutes voor senioren (trekker: Gemeente Gooik; partners: OKRA, S-Plus)
I.2 Rookstop bij jongeren
Acties:
- Rookstopsessies op school (trekker: CLB Pajottenland; partners: Tabakstop)
II. Geïntegreerde zorg rond de persoon
II.1 Multidisciplinair overleg wordt de norm
Acties:
- Casusoverleg thuiszorg per gemeente (trekker: WGK; partners: HKP, i-mens)
"""


def test_a_roman_numeral_alone_over_its_operational_goals_is_a_strategic_goal(tmp_path):
    preview = _read(tmp_path, ROMAN)
    assert {g.number: g.title for g in preview.strategic_goals} == {
        "1": "Gezond leven in het Pajottenland",
        "2": "Geïntegreerde zorg rond de persoon",
    }
    assert _by_title(preview)["Rookstopsessies op school"].partners == ["Tabakstop"]


def test_a_letter_alone_over_its_operational_goals_is_a_strategic_goal(tmp_path):
    text = ROMAN.replace("II", "B").replace("I.", "A.")
    preview = _read(tmp_path, text)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert _by_title(preview)["Casusoverleg thuiszorg per gemeente"].operational_goal == "2.1"


def test_a_table_of_inhabitants_a_cell_a_line_names_the_zones_municipalities(tmp_path):
    text = """3. Omgevingsanalyse
3.1 Bevolking
Gemeente
Inwoners (2025)
Aandeel 65+
Hoogstraten
21.845
19,8%
Merksplas
9.102
20,4%
Beerse
18.310
18,9%
Totaal
48.257
De zone grenst aan Turnhout.
4. Doelstellingen
SD1 Iedere inwoner vindt vlot een huisarts
OD1.1 We ondersteunen de huisartsen
Actie 1.1.1 Aanmeldpunt (trekker: HKNK)
"""
    preview = _read(tmp_path, text)
    assert preview.municipalities == ["Hoogstraten", "Merksplas", "Beerse"]


def test_a_footer_with_its_page_before_the_plans_name_is_no_partner(tmp_path):
    text = ROMAN.replace(
        "(trekker: WGK; partners: HKP, i-mens)",
        "(trekker: WGK; partners: HKP, i-mens,\np. 9 Meerjarenplan ELZ Pajottenland\nSamana)",
    )
    action = _by_title(_read(tmp_path, text))["Casusoverleg thuiszorg per gemeente"]
    assert action.partners == ["HKP", "i-mens", "Samana"]


def test_a_footer_with_its_page_first_after_the_last_action_is_no_partner(tmp_path):
    text = ROMAN + "p. 9 Meerjarenplan ELZ Pajottenland\n5. Bestuur\n"
    action = _by_title(_read(tmp_path, text))["Casusoverleg thuiszorg per gemeente"]
    assert (action.partners, action.partner_groups) == (["HKP", "i-mens"], [])


def test_years_over_a_goals_actions_time_those_under_them(tmp_path):
    text = """Doelstelling 1: Ouderen blijven langer thuis wonen
1.1 Mantelzorgers voelen zich ondersteund
2026
• Mantelzorgcafé in elk LDC (trekker: OCMW Harelbeke; partners: Samana, Vief)
• Infobrochure respijtzorg (trekker: Zorgraad; partners: CM, Helan)
2027-2028
• Vormingsreeks voor buren (trekker: Familiehulp; partners: i-mens)
• Buurtzorgnetwerk (trekker: Samana; timing: 2028)
"""
    preview = _read(tmp_path, text)
    timing = {a.title: a.timing for a in preview.actions}
    assert timing == {
        "Mantelzorgcafé in elk LDC": "2026",
        "Infobrochure respijtzorg": "2026",
        "Vormingsreeks voor buren": "2027-2028",
        "Buurtzorgnetwerk": "2028",
    }
    assert _by_title(preview)["Infobrochure respijtzorg"].partners == ["CM", "Helan"]


def test_a_year_under_a_goals_title_is_no_part_of_it(tmp_path):
    text = """SD1 Iedere inwoner vindt vlot een huisarts
OD1.1 We ondersteunen de huisartsen bij het opvangen van nieuwe patiënten
2026
Actie 1.1.1 Aanmeldpunt
Trekker: HKNK
"""
    preview = _read(tmp_path, text)
    assert preview.operational_goals[0].title == (
        "We ondersteunen de huisartsen bij het opvangen van nieuwe patiënten"
    )
    assert preview.actions[0].timing == "2026"


def test_the_cgg_alone_leads_and_partners_as_the_caw_alone_does(tmp_path):
    text = """SD2 Mentaal welzijn in de buurt
OD2.1 We brengen eerstelijnspsychologische zorg dichter bij de inwoners
Actie 2.1.1 Inloopmoment eerstelijnspsycholoog
Trekker: CGG
Partners: CAW, Gemeente Rijkevorsel
Actie 2.1.2 Gatekeepertraining voor vrijwilligers
Trekker: Zorgraad
Partners: CGG, Samana
"""
    actions = _by_title(_read(tmp_path, text))
    assert actions["Inloopmoment eerstelijnspsycholoog"].lead == "CGG"
    assert actions["Gatekeepertraining voor vrijwilligers"].partners == ["CGG", "Samana"]
