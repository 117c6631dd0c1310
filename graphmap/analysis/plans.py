"""A zone's plan as a tree: strategic goal → operational goal → action.

Every action carries what a working group needs to know: its lead (trekker), its partner
organisations, the partner groups and target groups the plan names, its period and source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphmap.analysis import provenance
from graphmap.store import Store

STRATEGIC, OPERATIONAL = "strategic", "operational"


@dataclass
class PlanAction:
    id: str
    code: str
    title: str
    period: str | None
    leads: list[dict]  # {id, name, scope}: scope is the part it leads, if not all
    partners: list[dict]  # {id, name, role}
    partner_groups: list[str]
    target_groups: list[str]
    source: str
    placeholder: bool = False  # named in the plan, not written yet ("Volgt nog …")
    indicators: list[str] = field(default_factory=list)


@dataclass
class Goal:
    id: str
    number: str
    level: str
    title: str
    source: str | None
    goals: list[Goal] = field(default_factory=list)  # operational goals under a strategic one
    actions: list[PlanAction] = field(default_factory=list)

    def all_actions(self) -> list[PlanAction]:
        return self.actions + [a for goal in self.goals for a in goal.all_actions()]


@dataclass
class Plan:
    zone: str
    zone_name: str | None
    goals: list[Goal]  # the strategic goals, in the plan's order
    title: str | None = None  # the plan document's own title, e.g. Beleidsplan … 2024-2026
    period: str | None = None

    @property
    def operational_goals(self) -> list[Goal]:
        return [g for goal in self.goals for g in goal.goals]

    @property
    def actions(self) -> list[PlanAction]:
        return [a for goal in self.goals for a in goal.all_actions()]

    def action(self, action_id: str) -> PlanAction | None:
        return next((a for a in self.actions if a.id == action_id), None)


def natural_key(code: str | None) -> tuple:
    """'1.2' before '1.10', '2' before '12', '1.2-a' before '1.2-b'."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.findall(r"\d+|[^\d.\-]+", code or "")
    )


def plan_tree(store: Store, zone: str) -> Plan:
    """The plan of one zone; goals and actions in the plan's own numbering."""
    rows = store.read("plan_tree", zone=zone)
    goals: dict[str, Goal] = {}
    parents: dict[str, str | None] = {}
    for row in rows:
        goal = goals.get(row["number"])
        if goal is None:
            goal = goals[row["number"]] = Goal(
                row["goal"], row["number"], row["level"], row["goal_title"], row["goal_source"]
            )
            parents[row["number"]] = row["parent"]
        if row["action"]:
            goal.actions.append(
                PlanAction(
                    id=row["action"],
                    code=row["code"],
                    title=row["title"],
                    period=row["period"],
                    leads=sorted(row["leads"], key=lambda o: (o["name"], o["id"])),
                    partners=sorted(row["partners"], key=lambda o: (o["name"], o["id"])),
                    partner_groups=list(row["partner_groups"] or []),
                    target_groups=list(row["target_groups"] or []),
                    source=provenance.label(row["source_document"], row["source_section"]),
                    placeholder=bool(row["placeholder"]),
                    indicators=list(row["indicators"] or []),
                )
            )
    top: list[Goal] = []
    for number in sorted(goals, key=natural_key):
        goal = goals[number]
        goal.actions.sort(key=lambda a: natural_key(a.code))
        parent = goals.get(parents[number] or "")
        # A goal whose parent is missing still shows, at the top, rather than vanishing.
        (parent.goals if parent else top).append(goal)
    if not rows:
        return Plan(zone, None, [])
    first = rows[0]
    return Plan(zone, first["zone_name"], top, first["plan_title"], first["plan_period"])
