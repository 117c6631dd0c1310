"""Plans of zones the reader had not seen, eleventh round: codes that spell out their path
("SD1-OD2-A3"), titles over a paragraph, goals in the text and actions in an annex table,
action tables in Word split over pages."""

from __future__ import annotations

from graphmap.ingest import plan


def _read(tmp_path, text: str, name: str = "plan.txt") -> plan.PlanPreview:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return plan.read_plan(path, "testzone")


def _by_code(preview):
    return {a.id_code: a for a in preview.actions}


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
    preview = _read(tmp_path, PATH_CODES)
    assert {g.number: g.title for g in preview.operational_goals} == {
        "1.1": "Eenzaamheid bij ouderen wordt sneller opgemerkt",
        "1.2": "Psychische kwetsbaarheid wordt sneller opgemerkt",
        "2.1": "Ontslag uit het ziekenhuis verloopt vlot",
    }
    actions = _by_code(preview)
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
    buurt = _by_code(_read(tmp_path, text))["1.1.2"]
    assert buurt.title == "Buurtbabbels"
    assert len(_read(tmp_path, text).actions) == 4


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
    actions = _by_code(_read(tmp_path, PARAGRAPH_UNDER_TITLE))
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
