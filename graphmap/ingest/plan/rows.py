"""A preview → the rows the `import_plan_*` queries write: the plan's sources, goals and
actions, the leads and partners of its actions, and the organisations it adds."""

from __future__ import annotations

from graphmap.errors import ValidationError
from graphmap.ingest.organisations import normalise
from graphmap.ingest.plan.patterns import NEW_CATEGORY, SELF_CATEGORY, _unique
from graphmap.ingest.plan.preview import ActionOut, PlanPreview, zone_name
from graphmap.ingest.seed import zorgraad_id
from graphmap.ingest.territory import current
from graphmap.names import folded


def _linked_names(action: ActionOut) -> list[str]:
    """The organisations that lead an action, by name (the zorgraad itself is not one)."""
    names = [action.lead] if action.lead and not action.lead_self else []
    return names + action.co_leads


def plan_rows(preview: PlanPreview, zone: str) -> dict[str, list[dict]]:
    """The rows of the `import_plan_*` queries (no database)."""
    document = preview.document
    sources: dict[str, dict] = {}

    def source(section: str) -> str:
        row = {
            "id": f"{document}#{section}",
            "document": document,
            "section": section,
            "title": preview.title,
        }
        sources.setdefault(row["id"], row)
        return row["id"]

    # By the name as compared: "CAW Limburg vzw" in one action is "CAW Limburg" in another.
    ids = {normalise(m.name): m.id for m in preview.organisation_matches}
    new = {m.id: m for m in preview.organisation_matches if m.match == "new"}
    organisations = [
        {
            "id": org_id,
            "name": match.name,
            "folded": folded(match.name),
            "category": match.category or NEW_CATEGORY,
            "source": source("organisaties"),
            "zorgraad_of": None,
        }
        for org_id, match in new.items()
    ]
    organisations.insert(
        0,
        {
            "id": zorgraad_id(zone),
            "name": zone_name(preview, zone),
            "folded": folded(zone_name(preview, zone)),
            "category": SELF_CATEGORY,
            "source": source("zone"),
            "zorgraad_of": zone,
        },
    )
    goals = [
        {
            "id": f"{zone}/{g.number}",
            "zone": zone,
            "level": "strategic",
            "number": g.number,
            "title": g.title,
            "parent": None,
            "source": source(g.source),
        }
        for g in preview.strategic_goals
    ]
    known = {g.number for g in preview.strategic_goals}
    goals += [
        {
            "id": f"{zone}/{g.number}",
            "zone": zone,
            "level": "operational",
            "number": g.number,
            "title": g.title,
            "parent": f"{zone}/{g.parent}" if g.parent in known else None,
            "source": source(g.source),
        }
        for g in preview.operational_goals
    ]
    goal_numbers = known | {g.number for g in preview.operational_goals}
    actions, leads, partners = [], [], []
    for a in preview.actions:
        action_id = f"{zone}/{a.id_code}"
        source_id = source(a.source)
        actions.append(
            {
                "id": action_id,
                "zone": zone,
                "code": a.id_code,
                "title": a.title,
                "period": a.timing,
                "goal": f"{zone}/{a.operational_goal}"
                if a.operational_goal in goal_numbers
                else None,
                "partner_groups": a.partner_groups,
                "target_groups": a.target_groups,
                "indicators": a.indicators,
                "source": source_id,
            }
        )
        lead_ids = [zorgraad_id(zone)] if a.lead and a.lead_self else []
        lead_ids += [_linked_id(ids, a, "trekker", n) for n in _linked_names(a)]
        for lead_id in _unique(lead_ids):
            leads.append({"organisation": lead_id, "action": action_id, "source": source_id})
        for name in a.partners:
            partners.append(
                {
                    "organisation": _linked_id(ids, a, "partner", name),
                    "action": action_id,
                    "role": "partner",
                    "source": source_id,
                }
            )
    places = {m.name: m for m in preview.municipality_matches}
    municipalities = []
    for name in preview.municipalities:
        match = places.get(name)
        section = match.section if match and match.section else "zone"
        place = current(name)
        municipalities.append(
            {
                "nis": place.nis,
                "name": place.name,
                "province": place.province,
                "source": source(section),
            }
        )
    targets = [
        {
            "cluster": t.cluster,
            "category": t.category,
            "bodies": t.bodies,
            "reason": t.reason,
            "source": source(t.source),
        }
        for t in preview.targets
    ]
    seats = {}
    for match in preview.organisation_matches:
        if match.seat:
            place = current(match.seat)
            seats.setdefault(
                match.id,
                {
                    "organisation": match.id,
                    "nis": place.nis,
                    "name": place.name,
                    "province": place.province,
                },
            )
    source("zone")
    return {
        "zone": [{"id": zone, "source": source("zone")}],
        "municipalities": municipalities,
        "targets": targets,
        "organisations": organisations,
        "goals": goals,
        "actions": actions,
        "leads": leads,
        "partners": partners,
        "seats": list(seats.values()),
        "sources": list(sources.values()),
    }


def _linked_id(ids: dict[str, str], action: ActionOut, role: str, name: str) -> str:
    """The id of an organisation an action names; a name the preview does not list among its
    organisations cannot be linked, and is refused rather than left out unseen."""
    if normalise(name) not in ids:
        raise ValidationError(
            f"actie {action.id_code}: {role} «{name}» staat niet bij de organisaties van de "
            "preview en kan niet gekoppeld worden; niets geschreven"
        )
    return ids[normalise(name)]
