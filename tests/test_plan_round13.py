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
