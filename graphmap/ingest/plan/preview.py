"""What a plan import proposes, before anything is written: the goals, actions,
organisations and municipalities read from a plan (`PlanPreview`), as staff check it on the
command line (`to_table`) or on the page Importeren, and what the graph holds of the zone's
plan that the text no longer has (`dropped`).
"""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, Field, PrivateAttr, field_validator

from graphmap.ingest.plan.patterns import masked
from graphmap.ingest.targets import TargetProposal
from graphmap.names import fold
from graphmap.plural import counted


class GoalOut(BaseModel):
    number: str
    title: str
    parent: str | None = None
    printed: str | None = None  # the number as printed, when it differs (or "" if none)
    source: str
    indicators: list[str] = Field(default_factory=list)  # the goal's own, not one action's


class ActionOut(BaseModel):
    operational_goal: str | None
    code: str | None  # the plan's own code; None when it has none
    id_code: str  # the code the action is stored under (own or generated)
    title: str
    lead: str | None = None
    lead_self: bool = False
    co_leads: list[str] = Field(default_factory=list)  # organisations that lead with `lead`
    # The lead field as written when it names no organisation ("nog te bepalen", a group):
    # the action has no lead yet.
    lead_text: str | None = None
    partners: list[str] = Field(default_factory=list)
    partner_groups: list[str] = Field(default_factory=list)
    target_groups: list[str] = Field(default_factory=list)
    timing: str | None = None
    source: str
    indicators: list[str] = Field(default_factory=list)  # expected results of this action


# The score of a name the register holds as it is (case, accents and legal form aside).
EXACT = 100.0


class OrganisationMatch(BaseModel):
    name: str
    match: str  # an existing organisation id, or "new"
    id: str  # the id it is written under
    score: float
    evidence: str = ""  # the sentence (or field) of the plan that names it
    category: str | None = None  # for a new one: the kind its name says it is
    # The municipality a local government's name says it sits in ("Gemeente Zulte": Zulte),
    # for a new one and for an existing one without a seat: applying writes it.
    seat: str | None = None
    known_as: str | None = None  # the register's name of the organisation it is taken for

    _masked = field_validator("evidence")(masked)

    @property
    def alike(self) -> bool:
        """Taken for an organisation of the register whose name is only alike to this one
        ("Huisartsenkring Demervalei" for "Huisartsenkring Demervallei"): a guess."""
        return self.match != "new" and self.score < EXACT


class MunicipalityMatch(BaseModel):
    name: str  # the current municipality
    nis: str
    written: list[str] = Field(default_factory=list)  # as the plan wrote it (old names too)
    evidence: str = ""  # the sentence that names it (where the plan states its territory)
    section: str = ""
    territory: bool = False  # one of the zone's municipalities, as the plan says
    leaving: bool = False  # the plan says it leaves the zone
    leaving_evidence: str = ""

    _masked = field_validator("evidence", "leaving_evidence")(masked)


class Dropped(BaseModel):
    """What the graph holds of the zone's plan that this version of the plan no longer has."""

    kind: str  # "goal", "action", "title" (of an action), "lead" or "partner"
    code: str  # the goal's number or the action's code
    name: str  # the goal's or action's title (as the graph has it), or the organisation's name
    action: str | None = None  # for a lead or partner: the action's id
    organisation: str | None = None  # for a lead or partner: the organisation's id
    unlink: bool = False  # applying removes this link (a plan import wrote it, unchanged since)


class PlanPreview(BaseModel):
    zone: str
    document: str
    municipalities: list[str] = Field(default_factory=list)
    municipalities_mentioned: list[str] = Field(default_factory=list)
    strategic_goals: list[GoalOut] = Field(default_factory=list)
    operational_goals: list[GoalOut] = Field(default_factory=list)
    actions: list[ActionOut] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    organisation_matches: list[OrganisationMatch] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Added for a zone that starts from its plan (the keys above keep their shape):
    zone_name: str | None = None  # the zone's name as the plan gives it ("ELZ Haspengouw")
    title: str | None = None  # the plan's own title
    new_zone: bool = False  # the zone is not in the graph yet: applying creates it whole
    municipality_matches: list[MunicipalityMatch] = Field(default_factory=list)
    targets: list[TargetProposal] = Field(default_factory=list)
    # The zone the plan says it is of, in its title or where it states its territory.
    named_zones: list[str] = Field(default_factory=list)
    # For a zone in the graph: what it holds of the zone's plan that this text no longer has.
    dropped: list[Dropped] = Field(default_factory=list)
    _current: list[dict] = PrivateAttr(default_factory=list)  # import_plan_current's rows
    _revision: str | None = PrivateAttr(default=None)  # the graph's, when it was read

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, indent=2)

    def fingerprint(self) -> str:
        """A digest of all the preview says: a plan read again against a graph that changed
        under what it proposes (an organisation it matched, a link it would drop) gives
        another one, so that an apply can tell it would not do what the user read."""
        return hashlib.blake2b(self.to_json().encode(), digest_size=8).hexdigest()

    def to_table(self) -> str:
        """A plain-text overview for the terminal, in Dutch like the rest of the interface:
        every proposal with what it rests on (an action's indicators, the sentence that
        names an organisation, a municipality or a target)."""
        out = [f"Plan {self.document} voor zone {self.zone}"]
        if self.new_zone:
            out.append(
                f"Nieuwe zone: {self.zone_name or self.zone} (wordt aangemaakt met haar "
                "gemeenten, de vier clusters en de referentieverwachtingen)"
            )
        if self.title:
            out.append(f"Titel: {self.title}")
        places = {m.name: m for m in self.municipality_matches}
        if self.municipalities:
            out.append("\nGemeenten van de zone:")
            for name in self.municipalities:
                match = places.get(name)
                old = [w for w in (match.written if match else []) if w != name]
                was = f" (in het plan: {', '.join(old)})" if old else ""
                out.append(f"  {name}{was}")
                if match and match.leaving:
                    out.append(f"      verlaat de zone: «{_short(match.leaving_evidence, 90)}»")
                elif match and match.evidence:
                    out.append(f"      «{_short(match.evidence, 96)}»")
        other = [m.name for m in self.municipality_matches if m.name not in self.municipalities]
        if other:
            out.append(f"Ook genoemd (niet van de zone): {', '.join(other)}")
        actions_by_goal: dict[str | None, list[ActionOut]] = {}
        for action in self.actions:
            actions_by_goal.setdefault(action.operational_goal, []).append(action)
        strategic = {sd.number for sd in self.strategic_goals}
        for sd in self.strategic_goals:
            out.append(f"\nSD {sd.number}  {_short(sd.title, 90)}")
            # A plan without operational goals has its actions right under the strategic.
            out += _action_lines(actions_by_goal.get(sd.number, []), "  ")
            for od in (o for o in self.operational_goals if o.parent == sd.number):
                out += _goal_lines(od, actions_by_goal, "  ")
        for od in (o for o in self.operational_goals if o.parent not in strategic):
            out += _goal_lines(od, actions_by_goal, "\n")  # no strategic goal over it
        for action in actions_by_goal.get(None, []):
            out.append(f"  (zonder doelstelling) {action.id_code} {_short(action.title, 70)}")
        if self.targets:
            out.append("\nDoelen van de zone (partners die het plan in een cluster wil):")
            for target in self.targets:
                bodies = f" ({', '.join(target.bodies)})" if target.bodies else ""
                out.append(f"  {target.cluster}/{target.category}{bodies}  [{target.source}]")
                out.append(f"      «{_short(target.evidence, 96)}»")
        if self.organisation_matches:
            out.append("\nOrganisaties:")
            for org in self.organisation_matches:
                where = (
                    "nieuw"
                    if org.match == "new"
                    else f"≈ {org.match} ({org.score:.0f}, gelijkende naam: {org.known_as})"
                    if org.alike
                    else f"= {org.match} ({org.score:.0f})"
                )
                kind = f", {org.category}" if org.match == "new" and org.category else ""
                out.append(f"  {org.name:<50} {where}{kind}{seat_words(org)}")
                if org.evidence:
                    out.append(f"      «{_short(org.evidence, 96)}»")
        if self.dropped:
            out.append("\nIn de graaf, niet (meer) in dit plan:")
            for item in self.dropped:
                out.append(f"  {_dropped_line(item)}")
        for warning in self.warnings:
            out.append(f"let op: {warning}")
        return "\n".join(out) + "\n"


def seat_words(org: OrganisationMatch) -> str:
    """The seat applying writes, as the previews say it (after the match and its kind)."""
    if not org.seat:
        return ""
    return f", zetel {org.seat}" if org.match == "new" else f", krijgt zetel {org.seat}"


def _goal_lines(od: GoalOut, actions_by_goal: dict, indent: str) -> list[str]:
    """An operational goal in the preview: its heading, indicators and actions."""
    out = [f"{indent}OD {od.number}  {_short(od.title, 86)}"]
    out += [f"           indicator: {_short(indicator, 80)}" for indicator in od.indicators]
    return out + _action_lines(actions_by_goal.get(od.number, []), "    ")


def _action_lines(actions: list[ActionOut], indent: str) -> list[str]:
    """Actions in the preview: code and title, leads, partners, indicators."""
    out = []
    for action in actions:
        out.append(f"{indent}{action.id_code:<8} {_short(action.title, 80)}")
        if action.lead:
            out.append(f"             trekker: {', '.join([action.lead, *action.co_leads])}")
        elif action.lead_text:
            said = _short(action.lead_text, 60)
            out.append(f"             trekker: nog geen (het plan zegt «{said}»)")
        if action.partners:
            out.append(f"             met wie: {', '.join(action.partners)}")
        for indicator in action.indicators:
            out.append(f"             indicator: {_short(indicator, 76)}")
    return out


def _dropped_line(item: Dropped) -> str:
    if item.kind == "title":
        return f"actie {item.code}  titel «{_short(item.name, 60)}»  (krijgt die van dit plan)"
    if item.kind in ("goal", "action"):
        what = "doelstelling" if item.kind == "goal" else "actie"
        return f"{what} {item.code}  {_short(item.name, 70)}  (blijft staan)"
    role = "trekker" if item.kind == "lead" else "partner"
    fate = "wordt ontkoppeld" if item.unlink else "blijft (niet door een plan gekoppeld)"
    return f"actie {item.code}  {role} {item.name}  {fate}"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# Goals without any action: a plan written as prose per goal, or actions under headings the
# reader does not know. Said, so that the user does not take the plan for read whole.
NO_ACTIONS = (
    "doelstellingen herkend maar geen acties; verwacht per actie een kop als 'Actie 1.1.1', "
    "een lijst onder 'Acties', of een tabel met een kolom 'Actie' of 'Wat'"
)
NOTHING_RECOGNISED = (
    "geen doelstellingen of acties herkend; verwacht koppen als 'Strategische doelstelling "
    "1' of 'SD 1', 'Operationele doelstelling 1.1' of 'OD 1.1', 'Actie 1.1.1', of een lijst "
    "onder 'Acties'"
)


_LINK_KINDS = {"LEADS": "lead", "PARTNER_IN": "partner"}


def dropped(rows: dict[str, list[dict]], current: list[dict]) -> list[Dropped]:
    """What `current` (import_plan_current's rows) holds that the rows of a plan do not:
    goals and actions (they stay), and the leads and partners of the plan's actions (a link
    a plan import wrote is removed on applying; one made otherwise stays)."""
    goals = {g["id"] for g in rows["goals"]}
    actions = {a["id"]: a["title"] for a in rows["actions"]}
    links = {(r["organisation"], r["action"], "LEADS") for r in rows["leads"]}
    links |= {(r["organisation"], r["action"], "PARTNER_IN") for r in rows["partners"]}
    out: list[Dropped] = []
    seen: set[str] = set()
    for row in current:
        if row["goal"] not in goals and row["goal"] not in seen:
            seen.add(row["goal"])
            out.append(Dropped(kind="goal", code=row["number"] or "", name=row["goal_title"] or ""))
        action = row["action"]
        if action is None or action in seen:
            continue
        seen.add(action)
        code = row["code"] or action
        if action not in actions:
            out.append(Dropped(kind="action", code=code, name=row["title"] or ""))
            continue
        if _worded(row["title"]) != _worded(actions[action]):
            # Applying gives the action this plan's title: said, for the action of that code
            # may be another one (a year plan numbering its actions 1, 2 … as the last did).
            out.append(Dropped(kind="title", code=code, name=row["title"] or "", action=action))
        for link in row["links"]:
            if (link["organisation"], action, link["type"]) not in links:
                out.append(
                    Dropped(
                        kind=_LINK_KINDS[link["type"]],
                        code=code,
                        name=link["name"] or link["organisation"],
                        action=action,
                        organisation=link["organisation"],
                        unlink=bool(link["plan"]),
                    )
                )
    return out


def _worded(title: str | None) -> str:
    """A title as compared: its case, accents, spacing and closing full stop aside."""
    return " ".join(fold(title or "").split()).rstrip(".")


def _dropped_warning(items: list[Dropped]) -> str:
    if not items:
        return ""
    kinds = {
        "goal": ("doelstelling", "doelstellingen"),
        "action": ("actie", "acties"),
        "title": ("titel van een actie", "titels van acties"),
        "lead": ("trekker", "trekkers"),
        "partner": ("partner", "partners"),
    }
    counts = ", ".join(
        counted(sum(1 for i in items if i.kind == kind), *words)
        for kind, words in kinds.items()
        if any(i.kind == kind for i in items)
    )
    unlinked = counted(sum(1 for i in items if i.unlink), "koppeling", "koppelingen")
    said = (
        f"de graaf heeft voor deze zone {counts} die dit plan niet (meer) noemt (zie de lijst); "
        f"doelstellingen en acties blijven staan, {unlinked} die een eerder geïmporteerd plan "
        "legde worden verwijderd, koppelingen van elders blijven"
    )
    if any(i.kind == "title" for i in items):
        said += (
            "; een actie die in de graaf een andere titel heeft, krijgt die van dit plan "
            "(een andere actie die dezelfde code kreeg? pas dan de code in het plan aan)"
        )
    return said


def zone_name(preview: PlanPreview, zone: str) -> str:
    return preview.zone_name or f"ELZ {zone.replace('-', ' ').title()}"
