"""Plans of zones the reader had not seen, thirteenth round: one level of goals lettered or
in Roman numerals, year plans that name the multi-year plan's goals by number, tables of a
PDF's text whose cells wrap, leads given as a function, page headers between the lines."""

from __future__ import annotations

import pytest
from extracted import by_code, read_plain


@pytest.mark.parametrize("goal", ["Doelstelling 1", "Doelstelling A"])
@pytest.mark.parametrize("gap", [": ", "            "])
def test_numbered_items_with_their_own_fields_under_one_level_of_goals_are_actions(
    tmp_path, goal, gap
):
    # "1.1 Title" / "Trekker: X" under "Doelstelling 1" was an operational goal without
    # actions: every action of the plan was lost, its fields with it.
    item = "1" if goal.endswith("1") else "A"
    text = f"{goal} – Iedereen vindt zijn weg\n\n{item}.1 Sociale kaart\n"
    text += f"Trekker{gap}OCMW Beerse\nPartners{gap}Samana\n\n{item}.2 Vervoer\nTrekker{gap}OKRA\n"
    preview = read_plain(tmp_path, text)
    assert not preview.operational_goals
    assert {c: (a.operational_goal, a.title, a.lead) for c, a in by_code(preview).items()} == {
        "1.1": ("1", "Sociale kaart", "OCMW Beerse"),
        "1.2": ("1", "Vervoer", "OKRA"),
    }


def test_an_operational_goal_with_fields_of_its_own_and_actions_under_it_stays_one(tmp_path):
    # Its fields first, then its actions: "1.1" is a goal, as before.
    text = "Doelstelling 1 – Zorg\n\n1.1 Sociale kaart\nTrekker: OCMW Beerse\n\n"
    text += "1.1.1 Inventaris\nTrekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    assert [(a.code, a.operational_goal, a.lead) for a in preview.actions] == [
        ("1.1.1", "1.1", "Samana")
    ]


def test_sections_alike_but_for_their_numbers_at_the_top_of_pages_are_no_running_header(
    tmp_path,
):
    # "B.1 Vormingsreeks mantelzorg 2025" and "B.2 … 2026" at the top of two pages (under
    # the running header) were taken for a header whose page number changes: both lost.
    header = "ELZ Noorderkempen – Meerjarenplan 2025-2030                          {}\n\n"
    pages = [
        "Doelstelling A – Mantelzorg\n\nA.1 Mantelzorgcafé\nTrekker: Samana\nTiming: 2025\n"
        "\nDoelstelling B – Vorming\n",
        "B.1 Vormingsreeks mantelzorg 2025\nTrekker: Liga van Mantelzorgers\nTiming: 2025\n",
        "B.2 Vormingsreeks mantelzorg 2026\nTrekker: Familiehulp\nTiming: 2026\n",
        "Doelstelling C – Netwerk\n\nC.1 Netwerkdag\nTrekker: OKRA\n",
    ]
    text = "\f".join(header.format(n + 1) + page for n, page in enumerate(pages))
    actions = by_code(read_plain(tmp_path, text))
    assert {c: (a.title, a.lead) for c, a in actions.items()} == {
        "1.1": ("Mantelzorgcafé", "Samana"),
        "2.1": ("Vormingsreeks mantelzorg 2025", "Liga van Mantelzorgers"),
        "2.2": ("Vormingsreeks mantelzorg 2026", "Familiehulp"),
        "3.1": ("Netwerkdag", "OKRA"),
    }


def test_goals_in_roman_numerals_over_actions_that_name_them_are_goals(tmp_path):
    # "II. Zorg op maat" over "Actie II.1" (no operational goal between): the goals were
    # not read, and the next goal's heading went into the timing of the action above it.
    text = "I. Toegankelijke eerste lijn\n\nActie I.1 Aanspreekpunt\nTrekker: OCMW Gistel\n"
    text += "Timing: 2025\n\nII. Zorg op maat\n\nActie II.1 Overleg\nTrekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke eerste lijn"),
        ("2", "Zorg op maat"),
    ]
    assert [(a.code, a.operational_goal, a.timing) for a in preview.actions] == [
        ("1.1", "1", "2025"),
        ("2.1", "2", None),
    ]


def test_a_numbered_chapter_over_actions_of_another_number_stays_text(tmp_path):
    # "1. Inleiding" is no goal: the action under it names goal 2, not 1.
    text = "1. Inleiding\n\nDit plan beschrijft onze acties.\n\n"
    text += "Actie 2.1 Aanspreekpunt\nTrekker: OCMW Gistel\n"
    preview = read_plain(tmp_path, text)
    assert not preview.strategic_goals
    assert [(a.code, a.title) for a in preview.actions] == [("2.1", "Aanspreekpunt")]


@pytest.mark.parametrize(
    "role", ["de communicatiemedewerker", "Datamedewerker", "het stafteam", "Het secretariaat"]
)
def test_the_zones_staff_named_by_role_alone_is_the_zorgraad(tmp_path, role):
    # "de communicatiemedewerker" was proposed as a new organisation, "Communicatiemedewerker".
    text = f"SD 1: Netwerk\n\nActie 1.1 Nieuwsbrief\nTrekker: {role}\nPartners: Samana\n"
    preview = read_plain(tmp_path, text)
    (action,) = preview.actions
    assert action.lead_self
    assert [m.name for m in preview.organisation_matches] == ["Samana"]


def test_a_care_role_alone_is_no_staff_of_the_zorgraad(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1 Ontslag\nTrekker: zorgcoördinator\n"
    (action,) = read_plain(tmp_path, text).actions
    assert not action.lead_self
    assert action.lead is None


def test_a_group_reached_via_a_body_in_brackets_keeps_the_body_as_partner(tmp_path):
    # "Apothekers (via APB)" lost APB: the brackets were no item of their own.
    text = "SD 1: Zorg\n\nActie 1.1 Medicatieschema\nTrekker: Huisartsenkring Houtland\n"
    text += "Partners: Apothekers (via APB), thuisverpleging (via Wit-Gele Kruis Limburg),"
    text += " vrijwilligers (via de gemeente)\n"
    (action,) = read_plain(tmp_path, text).actions
    assert action.partners == ["APB", "Wit-Gele Kruis Limburg"]
    assert action.partner_groups[:3] == ["Apothekers", "thuisverpleging", "vrijwilligers"]


def test_the_way_to_a_target_group_in_brackets_is_no_target_group(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1 Positieve gezondheid\nTrekker: Samana\n"
    text += "Doelgroep: burgers (via buurtregisseurs)\n"
    (action,) = read_plain(tmp_path, text).actions
    assert action.target_groups == ["burgers"]
