"""A new version of a zone's plan moves a goal or an action to another parent: the graph then
holds the new parent only. The zone's zorgraad keeps the one category it has."""

from __future__ import annotations

from pathlib import Path

from graphmap import register
from graphmap.ingest import plan
from graphmap.ingest.seed import zorgraad_id

OLD = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Samenwerking

Operationele doelstelling 1.1: Partners kennen elkaar
Actie 1: Netwerkavond
Trekker: Huisartsenkring Hasselt

Operationele doelstelling 1.2: Kwetsbare ouderen
Actie 2: Screening
Trekker: OCMW Zonhoven

Operationele doelstelling 2.1: Zorg dichtbij
Actie 3: Huisbezoeken
Trekker: OCMW Genk
"""
# Action 2 now stands under 1.1; goal 2.1 under a strategic goal 2 of its own.
NEW = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Samenwerking

Operationele doelstelling 1.1: Partners kennen elkaar
Actie 1: Netwerkavond
Trekker: Huisartsenkring Hasselt
Actie 2: Screening
Trekker: OCMW Zonhoven

Operationele doelstelling 1.2: Kwetsbare ouderen

Strategische doelstelling 2: Zorg in de buurt

Operationele doelstelling 2.1: Zorg dichtbij
Actie 3: Huisbezoeken
Trekker: OCMW Genk
"""


def _apply(store, tmp_path: Path, text: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    plan.apply_plan(store, plan.preview_plan(store, path, "testzone"), "testzone")


def _parents(store) -> tuple[dict[str, set], dict[str, set]]:
    goals: dict[str, set] = {}
    actions: dict[str, set] = {}
    for row in store.read("plan_tree", zone="testzone"):
        goals.setdefault(row["number"], set()).add(row["parent"])
        if row["action"]:
            actions.setdefault(row["code"], set()).add(row["number"])
    return goals, actions


def test_a_goal_or_action_moved_in_a_new_version_has_only_its_new_parent(store, tmp_path):
    _apply(store, tmp_path, OLD, "v1.txt")
    goals, actions = _parents(store)
    assert (goals["2.1"], actions["2"]) == ({"1"}, {"1.2"})

    _apply(store, tmp_path, NEW, "v2.txt")
    goals, actions = _parents(store)
    assert goals["2.1"] == {"2"}
    assert actions == {"1": {"1.1"}, "2": {"1.1"}, "3": {"2.1"}}


def test_the_zorgraad_keeps_its_one_category_when_the_plan_is_imported_again(store, tmp_path):
    _apply(store, tmp_path, OLD, "v1.txt")
    zorgraad = zorgraad_id("testzone")
    other = next(r["key"] for r in store.read("categories") if r["key"] != plan.SELF_CATEGORY)
    found = register.organisation(store, zorgraad)
    register.save_organisation(store, {**found, "category": other}, zorgraad)

    _apply(store, tmp_path, OLD, "v1.txt")
    [state] = store.read("organisation_state", organisations=[zorgraad])
    assert [s["category"] for s in state["states"]] == [other]
