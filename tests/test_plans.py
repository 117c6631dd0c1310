"""The plan tree of each zone and the category-by-zone comparison, on the seeded store."""

from __future__ import annotations

import pytest

from graphmap.analysis import comparison, contacts, plans
from graphmap.engagement import set_status


@pytest.mark.parametrize(
    ("zone", "strategic", "operational", "actions"),
    [
        ("maasland", 5, 14, 36),
        ("kemp-en-duin", 5, 20, 54),
        ("noord-limburg", 5, 11, 12),
        ("kempenland", 6, 6, 13),
    ],
)
def test_plan_tree_counts(seeded, zone, strategic, operational, actions):
    plan = plans.plan_tree(seeded, zone)
    assert (len(plan.goals), len(plan.operational_goals), len(plan.actions)) == (
        strategic,
        operational,
        actions,
    )
    assert {g.level for g in plan.goals} == {plans.STRATEGIC}
    assert {g.level for g in plan.operational_goals} == {plans.OPERATIONAL}
    assert len({a.id for a in plan.actions}) == actions


def test_action_1_2_a_of_maasland(seeded):
    plan = plans.plan_tree(seeded, "maasland")
    assert plan.zone_name == "ELZ Maasland"
    [goal_1] = [g for g in plan.goals if g.number == "1"]
    assert [g.number for g in goal_1.goals] == ["1.1", "1.2", "1.3", "1.4"]
    action = plan.action("maasland/1.2-a")
    assert action in goal_1.goals[1].actions
    assert [o["name"] for o in action.leads] == ["ELZ Maasland"]
    assert {o["id"] for o in action.partners} == {"pallion", "vaph", "opgroeien"}
    assert any(o["name"].startswith("Pallion") for o in action.partners)
    assert "partners VAPH" in action.partner_groups
    assert action.source == "Beleidsplan ELZ Maasland 2024-2026, OD 1.2"
    assert plan.title == "Beleidsplan ELZ Maasland 2024-2026"


def test_goals_and_actions_follow_the_plans_numbering(seeded):
    codes = [a.code for a in plans.plan_tree(seeded, "kempenland").actions]
    assert codes == sorted(codes, key=plans.natural_key)
    assert plans.natural_key("1.2") < plans.natural_key("1.10")
    assert plans.natural_key("2") < plans.natural_key("12")
    assert plans.natural_key("1.2-a") < plans.natural_key("1.2-b")


def test_unknown_zone_has_an_empty_plan(seeded):
    plan = plans.plan_tree(seeded, "nergens")
    assert (plan.goals, plan.actions, plan.zone_name) == ([], [], None)


def test_contacts_per_action_match_the_single_action_list(seeded):
    ids = [a.id for a in plans.plan_tree(seeded, "maasland").actions]
    each = contacts.per_action(seeded, ids)
    assert set(each) == set(ids)
    assert each["maasland/1.2-a"].people == contacts.for_action(seeded, "maasland/1.2-a").people
    assert len(each["maasland/1.2-a"].people) == 4


def _cell(matrix, category, zone):
    [row] = [r for r in matrix.rows if r.key == category]
    return row.cells[zone]


def test_category_matrix_after_caw_joins_kemp_en_duin(seeded):
    zones = ["kemp-en-duin", "kempenland", "maasland", "noord-limburg"]
    before = comparison.category_matrix(seeded)
    assert sorted(z["id"] for z in before.zones) == zones
    assert {_cell(before, "caw", z).state for z in zones} == {comparison.EXPECTED_GAP}
    # Kept while nothing changes (a team opening the page reads it once); a write reads anew.
    assert comparison.category_matrix(seeded) is before

    set_status(seeded, "caw-limburg", "kemp-en-duin", "welzijn", "member", actor="test")
    matrix = comparison.category_matrix(seeded)
    caw = _cell(matrix, "caw", "kemp-en-duin")
    assert caw.state == comparison.PRESENT
    assert caw.present_in == ["welzijn"]
    assert caw.organisations[0]["status"] == "member"
    for zone in zones[1:]:
        other = _cell(matrix, "caw", zone)
        assert other.state == comparison.EXPECTED_GAP
        assert other.expected_in == ["welzijn"]
        assert other.basis == ["reference"]


def test_category_matrix_rows_zone_targets_and_optional_categories(seeded):
    matrix = comparison.category_matrix(seeded)
    keys = [r.key for r in matrix.rows]
    assert len(keys) == len(set(keys))
    # grouped by cluster kind in the model's order
    kinds = [r.cluster for r in matrix.rows]
    assert kinds == sorted(
        kinds, key=lambda k: ("zorg", "welzijn", "pzon", "lokale_besturen", None).index(k)
    )
    # Maasland's own plan targets the palliative network in welzijn; the others do not.
    pallion = _cell(matrix, "palliatief-netwerk", "maasland")
    assert pallion.state == comparison.EXPECTED_GAP
    assert pallion.basis == ["zone"]
    assert _cell(matrix, "palliatief-netwerk", "noord-limburg").expected_in == []
    # The seed records no memberships: every expected category starts as a gap.
    assert _cell(matrix, "huisartsenkring", "kempenland").state == comparison.EXPECTED_GAP
    assert _cell(matrix, "ziekenhuis", "kempenland").state == comparison.ABSENT
    set_status(seeded, "kempenland-hvrt", "kempenland", "zorg", "involved", actor="test")
    matrix = comparison.category_matrix(seeded)
    assert _cell(matrix, "huisartsenkring", "kempenland").state == comparison.PRESENT
    assert _cell(matrix, "huisartsenkring", "maasland").state == comparison.EXPECTED_GAP


def test_peer_gap_when_most_other_zones_have_it(seeded):
    for zone in ("kemp-en-duin", "kempenland", "noord-limburg"):
        set_status(seeded, "caw-limburg", zone, "welzijn", "involved", actor="test")
    matrix = comparison.category_matrix(seeded)
    assert _cell(matrix, "caw", "maasland").peer_gap
    assert not _cell(matrix, "caw", "kempenland").peer_gap
    set_status(seeded, "caw-limburg", "maasland", "welzijn", "contacted", actor="test")
    cell = _cell(comparison.category_matrix(seeded), "caw", "maasland")
    assert cell.state == comparison.IN_PROGRESS
    assert cell.contacted_in == ["welzijn"]
