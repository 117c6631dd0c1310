"""A zone's plan document → a preview of its goals and actions → (once confirmed) the graph.

Plans come in many templates, but they share a structure that this parser reads, line by line:

- numbered headings: "Strategische doelstelling 1", "SD 1", "Operationele doelstelling 1.1",
  "OD 1.1", "Actie 1.1.1", "Actie 3" (and unnumbered ones, numbered here under their parent);
- an "Acties" block of bullets under an operational goal, one action per bullet;
- labelled fields of an action: "Wie is de trekker?", "Met wie?", "Voor wie?", "Timing" …

`read_plan` builds a `PlanPreview` (nothing is written); `apply_plan` writes a confirmed
preview in one transaction. Actions without a code of their own get "<OD>-a", "-b" … in
document order, the convention of the curated seed.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from graphmap import access, audit, dates, limits, names
from graphmap.errors import ValidationError
from graphmap.ingest import territory, twins
from graphmap.ingest.documents import Lines, broken_name, read_lines
from graphmap.ingest.kinds import category_of
from graphmap.ingest.organisations import (
    GENERIC_ACRONYMS,
    ORG_WORDS,
    Register,
    begins_known,
    is_kind_acronym,
    is_known_name,
    is_organisation,
    is_person,
    is_place,
    match_organisation,
    names_of_existing,
    names_with_evidence,
    normalise,
    variants,
)
from graphmap.ingest.outline import (
    ACTION,
    ACTION_FIELDS,
    ACTIONS_BLOCK,
    BULLET,
    FIELDS,
    INSTRUCTION,
    OD,
    SD,
    WRAPPED,
    Line,
    Sentence,
    fields_after_sentences,
    heading_or_field,
    join_lines,
    logical_lines,
    sentences,
    text_after,
    text_before,
    unread_headings,
)
from graphmap.ingest.seats import local_seat
from graphmap.ingest.seed import slug, zorgraad_id
from graphmap.ingest.targets import TargetProposal, targets_in
from graphmap.ingest.territory import current
from graphmap.ingest.zones import ZoneSpec, write_zone
from graphmap.kept import PerRevision
from graphmap.names import folded
from graphmap.plural import counted
from graphmap.store import Store, Transaction

NEW_CATEGORY = "overig"
SELF_CATEGORY = "eerstelijnszone"
TITLE_LIMIT = 200

# -- line patterns (the structural ones live in graphmap.ingest.outline) ---------------------
_SD, _OD, _ACTION, _ACTIONS_BLOCK, _BULLET = SD, OD, ACTION, ACTIONS_BLOCK, BULLET
# A plan of four levels numbers its strategic goals inside a domain ("Werkdomein 1: Zorg" /
# "Strategisch doel 1.1" / "Subdoel 1.1.1" / "Actie 1.1.1.1"): a strategic goal keeps that
# number, its operational goals and actions are under it by theirs. Only in words: "SD 1.1"
# is too often an operational goal's short form.
_DOMAIN = re.compile(
    r"^(?:werk|focus|beleids)?(?:domein|thema|pijler|speerpunt|prioriteit)\s*"
    r"(?:\d{1,2}|[A-H]|VIII|VII|VI|IV|IX|V|III|II|I|X)\s*[:.\-–—]\s*[A-ZÀ-Ý]",
    re.I,
)
_SD_IN_DOMAIN = re.compile(
    r"^strategische\s+doelstelling\s*(?P<num>\d{1,2}\.\d{1,2})\.?(?![.\d])"
    r"\s*(?P<sep>[:.\-–—])?\s*(?P<rest>.*)$",
    re.I,
)
_FIELDS = FIELDS
# The columns of a table of partners, as their headers ("Organisatie" / "Contactpersoon" /
# "Rol"): see _Parser._role_table.
_NAME_COLUMN = re.compile(
    r"^(?:organisaties?|partners?|naam|stakeholders?|organisatie\s*/\s*partner)$", re.I
)
_OTHER_COLUMN = re.compile(
    r"^(?:rol(?:\s+in\s+de\s+actie|\s+van\s+de\s+partner)?|taak|bijdrage|inbreng|"
    r"contact(?:persoon|personen)?|engagement)$",
    re.I,
)
# "Rol: trekker", "Rol projectleider": the zorgraad's own role in an action sheet.
_ROLE = re.compile(r"\bRol\s*:?\s*(?P<role>.+)$")
_LEADING_ROLE = re.compile(r"trekker|projectleid|coördin|coordin", re.I)
_TOPIC = re.compile(r"^(?:topic|thema|luik)\s*\d+\s*:\s*", re.I)
# "Zie actie 1.1.1", "Idem actie 2", "Zelfde partners als bij actie 1.1.1": that action's.
# What is left of a list after " en " that names nobody ("Gemeente Geel en omstreken", "OCMW
# Geel en partners", "Zelfde partners als bij actie 3.1.1 en actie 3.1.3").
_NOBODY = re.compile(
    r"^(?:(?:de|het|andere|overige)\s+)*(?:omstreken|omgeving|partners?|anderen|"
    r"overigen|actie\s+\d+(?:\.\d+)*)$",
    re.I,
)
_SEE_ACTION = re.compile(
    r"^(?:zie(?:\s+ook)?|idem(?:\s+als)?|(?:de)?zelfde\s+(?:partners\s+)?als(?:\s+bij|\s+in)?)"
    r"\s+(?:de\s+|het\s+)?actie\s+(?P<num>\d+(?:\.\d+)*)",
    re.I,
)
# "Zie hierboven", "Zie bijlage", "idem": the answer points elsewhere (the sheet above, whose
# lead and role are read there; an annex); it names no one.
_SEE_ABOVE = re.compile(r"^(?:zie|cf\.?)(?:\s+\S.*)?$|^idem(?:\s+hierboven)?\W*$", re.I)
_SELF_WORDS = re.compile(r"^(?:de\s+)?(?:zorgraad|elz|eerstelijnszone)\b", re.I)
_ZORGRAAD_OF = re.compile(
    r"^(?:de\s+)?zorgraad\s+(?:van\s+(?:de\s+)?)?(?=(?:elz|eerstelijnszone)\s)"
)
_LEAD_CUT = re.compile(
    r"\s*(?:=|\bis (?:de )?trekker\b|\bin trekker\b|\bvoor topic\b|\(|:|;|"
    r"[–—-]\s+(?=(?-i:[a-zà-ÿ]))).*$",  # "OCMW Aalst – dienst welzijn": the body is OCMW Aalst
    re.I,
)
# A person as lead, with the organisation they work for: "Mevr. Janssens (OCMW Aalst)".
_PERSON = re.compile(
    r"^(?:mevr(?:ouw)?|dhr|de heer|meneer|mr|dr|prof)\.?\s+[^(,–—]+"
    r"(?:\((?P<org>[^)]+)\)|[,–—]\s*(?P<after>.+))?$",
    re.I,
)
# The same without a title, where the words before the organisation are a person's name
# (`is_person`): "Els Peeters (CAW Oost-Vlaanderen)", "Jan De Smet, OCMW Ronse".
_NAMED_PERSON = re.compile(r"^(?P<who>[^(),–—]+?)\s*(?:\((?P<org>[^()]+)\)|[,–—]\s*(?P<after>.+))$")


# -- the preview -----------------------------------------------------------------------------
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


class MunicipalityMatch(BaseModel):
    name: str  # the current municipality
    nis: str
    written: list[str] = Field(default_factory=list)  # as the plan wrote it (old names too)
    evidence: str = ""  # the sentence that names it (where the plan states its territory)
    section: str = ""
    territory: bool = False  # one of the zone's municipalities, as the plan says
    leaving: bool = False  # the plan says it leaves the zone
    leaving_evidence: str = ""


class Dropped(BaseModel):
    """What the graph holds of the zone's plan that this version of the plan no longer has."""

    kind: str  # "goal", "action", "lead" or "partner"
    code: str  # the goal's number or the action's code
    name: str  # the goal's or action's title, or the organisation's name
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
                where = "nieuw" if org.match == "new" else f"= {org.match} ({org.score:.0f})"
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
    if item.kind in ("goal", "action"):
        what = "doelstelling" if item.kind == "goal" else "actie"
        return f"{what} {item.code}  {_short(item.name, 70)}  (blijft staan)"
    role = "trekker" if item.kind == "lead" else "partner"
    fate = "wordt ontkoppeld" if item.unlink else "blijft (niet door een plan gekoppeld)"
    return f"actie {item.code}  {role} {item.name}  {fate}"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- parsing ---------------------------------------------------------------------------------
@dataclass
class _Action:
    goal: str | None
    code: str | None
    title: str
    source: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    indicators: list[str] = field(default_factory=list)
    implicit: bool = False  # a bullet right under a goal, not under an "Acties" label
    # Printed again (a summary's table, then the detail): the fields given anew, which
    # replace the first printing's rather than add to them; None while printed once.
    again: set[str] | None = None
    chaptered: bool = False  # numbered by a chapter of actions; its goal is named apart
    later_years: list[str] = field(default_factory=list)  # printed again under these years


@dataclass
class _Goal:
    number: str
    title: str
    parent: str | None
    printed: str | None
    source: str
    generated: bool = False  # numbered here, not by the plan
    indicators: list[str] = field(default_factory=list)


# The second code of a fiche two actions share: "Actie 3 en Actie 4 – X", "Actie 3 & 4: X".
_SECOND_CODE = re.compile(
    r"^(?:en|&|\+|,)\s*(?:actie\s*)?(?P<num>\d+(?:\.\d+)*)\s*[:\-–—]\s*(?P<rest>.*)$", re.I
)


# A note on a title's own line under it: "(verderzetting actie 2024)", "(nieuw)".
_TITLE_NOTE = re.compile(
    r"^\((?:verderzetting|voortzetting|vervolg|continuering|nieuw|aangepast|gewijzigd)"
    r"\b[^()]{0,60}\)$",
    re.I,
)


# "2026", "2027-2028", and said as a year of work: "Werkjaar 2025", "Jaar 2026", "Actiejaar
# 2026:" (not "Acties 2026", a table's header as often).
_PERIOD_HEADING = re.compile(
    r"^(?:(?i:(?:werk|actie|kalender|beleids)?jaar)\s+)?"
    r"(?P<years>20\d\d(?:\s*[-–—]\s*(?:20)?\d\d)?)\s*:?$"
)


class _Parser:
    def __init__(self) -> None:
        self.sds: dict[str, _Goal] = {}
        self.ods: dict[str, _Goal] = {}
        self.actions: list[_Action] = []
        # The actions by code, for an action printed again (see `_printed_before`): a scan
        # of all actions for each one was quadratic in a plan's actions.
        self._by_code: dict[str, list[_Action]] = {}
        self._indexed: tuple[list[_Action], int] = (self.actions, 0)
        # The goals with actions read from a list right under them (see `_actions_block`).
        self._implicit_goals: set[str | None] = set()
        self.sd: _Goal | None = None
        self.od: _Goal | None = None
        self.block: list[_Action] = []  # actions the current fields belong to
        self.title_of: _Goal | _Action | None = None  # whose title continues on the next line
        self.field: str | None = None
        self.table: list | None = None  # in a table of partners: see _role_table
        self.warnings: list[str] = []
        # The bullet (kind, indent) of the actions of the current list: a deeper or other
        # bullet under an action is one of its indicators, not an action.
        self.item_bullet: tuple[str | None, int] | None = None
        self.explicit = False  # the current list follows an "Acties" label
        self.last_indicator: list[str] | None = None  # where a wrapped indicator goes on
        # A field written as a bullet under an action of a list, and that bullet's indent:
        # deeper bullets are its values.
        self.sub_field: tuple[list[str], int, str | None] | None = None
        self.value_indent: int | None = None  # the indent of the field's last bullet value
        self.value_line = ""  # the field's last line, its label included
        self.item_fields = False  # the current field is the list's last item's own
        self.interleaved = False  # the list's items and their fields follow each other
        self.indented_fields = False  # the current field is indented under the last item
        self.item_number: int | None = None  # the number of the list's last item ("2.")
        # Indicators under a label, with the actions they were listed under.
        self.indicator_lists: list[tuple[list[_Action], str | None, list[str]]] = []
        # Years over a goal's actions ("2026", "2027-2028"): from which action, and the goal.
        self.periods: list[tuple[int, str, str]] = []

    # the one loop ------------------------------------------------------------------------
    def feed(self, lines: list[str]) -> None:
        blank = False
        self.lines = logical_lines(lines)
        self.paragraphs = getattr(lines, "paragraphs", frozenset())
        self.headings = getattr(lines, "headings", frozenset())
        # PDF text as the zones' extractor gives it: a blank line after every line, so that a
        # blank line says nothing of where a paragraph or a value ends.
        filled = [i for i, line in enumerate(self.lines) if line.text]
        after_blank = sum(1 for i in filled if i > 0 and not self.lines[i - 1].text)
        self.spaced = len(filled) >= 10 and after_blank >= 0.8 * len(filled)
        self.sections: list[str] = []  # per line: the part of the plan it belongs to
        # A plan of one level of goals: a list right under a strategic goal is its actions.
        self.one_level = not any(_heads(_OD, line.text) for line in self.lines)
        self.chapter: str | None = None  # the number of a chapter of actions ("3. Acties")
        for at, line in enumerate(self.lines):
            self.at = at  # where the line stands, for a look at the next ones
            if not line.text:
                blank = True
            else:
                self._line(line, blank)
                blank = False
            self.sections.append(self._section())

    def _section(self) -> str:
        if self.block:
            return self.block[-1].source
        if self.od is not None:
            return self.od.source or f"OD {self.od.number}"
        return self.sd.source if self.sd is not None else ""

    def _line(self, item: Line, blank: bool) -> None:
        if item.closes:  # the plan's next chapter after its goals (see outline._closing)
            self._reset()
            self.sd = self.od = None
            return
        line = item.text
        role = _ROLE.search(line)
        if role and self.block and not line.lower().startswith("out of scope"):
            self.block[-1].fields.setdefault("role", []).append(role.group("role"))
        if self.field != "reference" or not self._is_cross_reference(line):
            for handler in (
                self._period_heading,
                self._chapter_of_actions,
                self._goal_of_action,
                self._sd,
                self._od,
                self._action,
                self._actions_block,
                self._domain,
            ):
                if handler(line):
                    return
        if self._role_table(line):
            return
        field_name, rest = _field_of(line) if not _BULLET.match(line) else self._bullet_field(line)
        if not field_name and self._in_action():
            field_name, rest = _bare_label(line)
        if field_name:
            # Fields indented under an item of a list of actions are that action's own.
            self.indented_fields = self._under_item(item)
            self.item_fields = self.interleaved or self.indented_fields
            if field_name == "timing" and rest and _END_LABEL.match(line) and self._timed():
                rest = f"– {rest}"  # "Start: september 2025" / "Einde: juni 2026": a span
            self._start_field(field_name, rest)
            self.value_line = line  # with its label: how full the line is
            return
        bullet = _BULLET.match(line)
        if len(self.block) == 1 and self.field is None and not bullet:
            # The action's running text, where a narrative plan names who leads and who
            # takes part (see `_roles_in_prose`).
            self.block[-1].fields.setdefault("prose", []).append(line)
        if not bullet and self._uncoded_action(line):
            self._reset()
            self._new_block_action(line, item)
            return
        if bullet and self.indented_fields and self._is_list_item(item):
            self.field = "actions"  # the next item, after the fields of the one before
        elif bullet and self.field not in (None, "actions") and self._next_number(item):
            # "2." after "1. Action" and its fields, all at one indent: the next action, and
            # the fields from here on are each item's own.
            self.field, self.interleaved = "actions", True
        if bullet and self._implicit_list():
            # A list right under an operational goal's title: its actions, unless an
            # "Acties" label follows later (then it was a description; see _actions_block).
            self._reset()
            self.field = "actions"
        if self.field == "actions" and bullet:
            if self._is_sub_item(item):
                self._sub_item(bullet.group("rest"), item)
            else:
                self._new_block_action(bullet.group("rest"), item)
        elif self.title_of is not None:
            self._continue_title(line, blank)
        elif self.field == "actions":
            # New actions in a list are bullets; a plain line continues the one before.
            if self.last_indicator is not None:
                self.last_indicator[-1] = _join(self.last_indicator[-1], line)
            elif self.block:
                self._append_title(self.block[-1], line)
            else:
                self._new_block_action(line, item)
        elif not bullet and self.field and self.lines[self.at].number in self.headings:
            self.field = None  # a heading by its style in Word ("Opvolging"): no value
        elif (
            not bullet
            and (blank or _OPENS_SENTENCE.match(line))
            and self._text_after_field(line, blank)
        ):
            self.field = None  # the plan's text goes on after the last field: not its value
        elif bullet and self._chapter_after_field(item):
            self.field = None  # "3. Uitwerking van de acties" after a summary's last timing
        elif (self.field and self.block) or (self.field == "indicators" and self.indicator_lists):
            self._add_value(line, blank, bool(bullet), item.indent)

    def _in_action(self) -> bool:
        return bool(self.block) and self.field != "actions"

    def _role_table(self, line: str) -> bool:
        """A table of partners under the partners' question, as a PDF's text gives it: the
        headers ("Organisatie" / "Contactpersoon" / "Rol"), then a cell a line ("CGG De
        Kempen" / "Els Peeters" / "Lesgever" / …). The names' column takes part; the other
        cells (a person, a role) are none, and a cell in lower case is the one above
        wrapped, unless a name is written so ("i-mens"). A question or a field's label ends
        the table ("Financiering", "Communicatie" are roles there)."""
        if self.field != "partners" or not self.block or _BULLET.match(line):
            self.table = None
            return False
        values = self.block[-1].fields.setdefault("partners", [])
        if self.table is None:
            if not _OTHER_COLUMN.match(line) or (values and not _NAME_COLUMN.match(values[-1])):
                return False
            if values:
                values.pop()  # the header of the names' column
            self.table = [2, 0, False]  # columns, the next cell's column, a row begun
            return True
        columns, cell, begun = self.table
        if not begun and cell == 0 and _OTHER_COLUMN.match(line):
            self.table[0] += 1  # one more column's header
            return True
        name = _field_of(line)[0] or _bare_label(line)[0]
        if line.endswith("?") or name not in (None, "other"):
            self.table = None  # a question or a field; a role may read as a label
            return False
        # "i-mens" opening the table, or in the names' column: a name written so, no cell
        # wrapped (nothing stands above it in its column).
        written_so = cell == 0 and (not begun or re.match(r"[a-z]-\w", line))
        if line[:1].islower() and not written_so:
            if cell == 1 and values:
                values[-1] = _join(values[-1], line)  # a name wrapped in its cell
            return True
        if cell == 0:
            values.append(line)
        self.table[1:] = [(cell + 1) % columns, True]
        return True

    def _bullet_field(self, line: str) -> tuple[str | None, str]:
        """A labelled field written as a bullet under an action ("- Trekker: X", as Markdown
        lists an action's fields); in a list of actions a bullet is an item (its fields are
        read as sub-items there), and a value with no label of its own stays a value."""
        if self.field == "actions" or not self.block:
            return None, ""
        text = _BULLET.match(line).group("rest")
        name, rest = _field_of(text)
        label = text[: len(text) - len(rest)].rstrip() if rest else text.rstrip()
        if name not in ACTION_FIELDS or not label.endswith((":", "?")):
            return None, ""
        return name, rest

    def _uncoded_action(self, line: str) -> bool:
        """Whether a plain line under a goal is the title of an action without
        a code ("Casusoverleg thuiszorg" / "Wie trekt? Familiehulp"): the fields of an
        action follow it, and the action before (if any) has that field already, so these
        are another's. A sentence is no title."""
        goal = self.od if self.od is not None else self.sd
        if goal is None or self.field == "actions" or _is_prose(line) or len(line) > 200:
            return False
        if _SECTION_WORD.match(line):
            return False  # "Toelichting" over the fields: a heading, no action
        following = text_after(self.lines, self.at)
        name, _ = _field_of(following)
        if name not in ("lead", "partners", "timing"):
            return False
        if not self.block:
            return self.field is None and self.title_of in (None, goal)
        action = self.block[-1]
        if self.field == "indicators":
            has_value = bool(self.indicator_lists and self.indicator_lists[-1][2])
        else:
            has_value = bool(action.fields.get(self.field)) if self.field else True
        if not has_value:
            return False  # a label that stood alone: this is its value ("Wie is de trekker?")
        # A field of the action's first printing (a summary) is given again in its detail.
        again = action.again is not None and name not in action.again
        return len(self.block) == 1 and bool(action.fields.get(name)) and not again

    def _implicit_list(self) -> bool:
        """Whether a list starts right under a goal's title: its actions. Under a strategic
        goal only in a plan with no operational goal ("Doelstelling 1: X" / "• Action –
        trekker: Y"): elsewhere such a list describes the goal."""
        goal = self.od
        if goal is None and self.sd is not None and self.one_level:
            goal = self.sd
        return (
            goal is not None
            and self.field is None
            and not self.block
            and bool(goal.title)
            and self.title_of in (None, goal)
        )

    def _paragraph_after_table(self) -> bool:
        """Whether the line is a paragraph of a Word document's body right after a table
        (whose cells gave the lines above): the table's last value ended with it."""
        if not self._new_paragraph():
            return False
        above = next((i for i in range(self.at - 1, -1, -1) if self.lines[i].text), None)
        return above is not None and self.lines[above].number not in self.paragraphs

    def _text_after_field(self, line: str, blank: bool = False) -> bool:
        """Whether a line after a blank line is the plan's text rather than a value of the
        field above: a sentence, or a heading of the text ("Opvolging en evaluatie") after
        a timing or a list of names. (Blank lines between the values of a field are common
        in PDF text, so a value may follow one.)"""
        if blank and self.block and self.field and self._paragraph_after_table():
            return True
        if self.field not in ("lead", "partners", "timing", "targets") or not self.block:
            return False
        if not self.block[-1].fields.get(self.field):
            return False  # the label stood alone: this is its value
        if self.field == "partners" and _OPENS_SENTENCE.match(line) and line.endswith("."):
            # "Dit gebeurt in overleg met de huisartsen.": about them, no name; whom it
            # names after "met" takes part.
            with_ = _CONSULTED.search(line)
            names = _names_after(line[with_.end() :]) if with_ else ""
            if names:
                self.block[-1].fields["partners"].append(names)
            return True
        if _is_prose(line) or _CLOSING_WORDS.match(line):
            return True  # "Met vriendelijke groeten," closes a plan sent as a letter
        if self.field == "timing" and _OPENS_SENTENCE.match(line) and len(line.split()) >= 6:
            return True  # "We organiseren een netwerkmoment waarop …", broken over lines
        if self.field == "timing" and len(line.split()) >= 10 and line[:1].isupper():
            return True  # a sentence broken over lines: a timing is never that long
        if self.field == "timing" and (
            (len(line.split()) >= 3 and line[:1].isupper() and line.endswith((".", "!", "?")))
            or is_person(line.strip(" ,"))
        ):
            # "De zorgraad volgt dit op.", a short sentence, which a timing never ends so; the
            # name under a letter's closing.
            return True
        if blank and _SECTION_WORD.match(line) and line[:1].isupper():
            return True  # "Opvolging" after the last action's partners: the text's heading
        # A heading of the text: a few words, no name, with a paragraph right under it.
        following = text_after(self.lines, self.at)
        return (
            line[:1].isupper()
            and len(line.split()) <= 6
            and not line.endswith((".", ",", ";", ":"))
            and not is_organisation(line)
            and _is_prose(following)
        )

    def _chapter_after_field(self, item: Line) -> bool:
        """Whether a numbered line after a field's value is the plan's next chapter, no item
        of the value: its number is not the one after a numbered item right above it."""
        if self.field not in ("lead", "partners", "timing") or item.marker != "number":
            return False
        if not self.block or not self.block[-1].fields.get(self.field):
            return False  # the label stood alone: a numbered list of its values
        number = _ITEM_NUMBER.match(item.text)
        if not number or int(number[1]) < 2:
            return False
        before = next(
            (self.lines[i] for i in range(self.at - 1, -1, -1) if self.lines[i].text), None
        )
        above = _ITEM_NUMBER.match(before.text) if before and before.marker == "number" else None
        return not (above and int(above[1]) == int(number[1]) - 1)

    def _under_item(self, item: Line) -> bool:
        return (
            bool(self.block)
            and self.item_bullet is not None
            and (item.indent > self.item_bullet[1] + 1)
        )

    def _is_list_item(self, item: Line) -> bool:
        marker, indent = self.item_bullet or (None, 0)
        return marker is not None and item.marker == marker and item.indent <= indent + 1

    def _next_number(self, item: Line) -> bool:
        number = _ITEM_NUMBER.match(item.text)
        return (
            self.item_number is not None
            and number is not None
            and self._is_list_item(item)
            and int(number[1]) == self.item_number + 1
        )

    def _is_sub_item(self, item: Line) -> bool:
        if not self.block or self.item_bullet is None:
            return False
        marker, indent = self.item_bullet
        return item.marker != marker or item.indent > indent + 1

    def _sub_item(self, text: str, item: Line) -> None:
        """A bullet under an action of a list: one of its fields ("o Trekker: X"), a value
        of such a field under it, or else one of its indicators."""
        name, rest = _field_of(text)
        if name is not None:
            name = "what" if name == "description" else name
            action = self.block[-1]
            values = (
                action.indicators if name == "indicators" else action.fields.setdefault(name, [])
            )
            if name in ("other", "why", "how", "reference"):
                values = []  # read as the action's text is elsewhere: left out
            if rest:
                values.extend(_split_semicolons(rest) if name == "indicators" else [rest])
            self.last_indicator = values
            # A label with its values below: their bullet is the deeper one.
            self.sub_field = (values, item.indent, None if rest else item.marker)
        elif self.sub_field is not None and (
            item.indent > self.sub_field[1] or _deeper(item.marker, self.sub_field[2])
        ):
            values = self.sub_field[0]
            values.append(text.strip())
            self.last_indicator = values
        else:
            self._add_indicator(text)

    def _add_indicator(self, text: str) -> None:
        indicators = self.block[-1].indicators
        indicators.append(text.strip())
        self.last_indicator = indicators
        self.sub_field = None

    def _resolve_indicators(self) -> None:
        """Indicators listed under a label belong to the action(s) above them: to the one
        action, or one each when there are as many as actions; otherwise to the goal."""
        for actions, goal, values in self.indicator_lists:
            if len(actions) == 1:
                actions[0].indicators.extend(values)
            elif actions and len(values) == len(actions):
                for action, value in zip(actions, values, strict=True):
                    action.indicators.append(value)
            elif goal in self.ods:
                self.ods[goal].indicators.extend(values)
            elif goal in self.sds:
                self.sds[goal].indicators.extend(values)

    def finish(self) -> None:
        """Number the goals numbered here once their titles are known.

        A plan may print the same unnumbered goal twice (once per action sheet); the title
        only follows the heading, so such twins are merged here, not while reading.
        """
        self._resolve_indicators()
        self._timed_by_periods()
        for action in self.actions:
            _roles_in_prose(action)
            # "1.2.3" listed before the goals, in an overview only: under OD 1.2 if there is one.
            prefix = (action.code or "").rpartition(".")[0]
            if action.goal is None and prefix in self.ods:
                action.goal = prefix
        kept: dict[str, _Goal] = {}
        remap: dict[str, str] = {}
        used = {action.goal for action in self.actions}
        for number, goal in self.ods.items():
            if goal.generated and not goal.title and not goal.indicators and number not in used:
                # A label without a number, title or action: a table's header "Operationele
                # doelstelling" over a summary of the goals at the plan's end, no goal.
                continue
            if goal.generated and goal.parent is not None:
                twin = self._same_title(
                    (g for g in kept.values() if g.parent == goal.parent), goal.title
                )
                if twin is not None:
                    remap[number] = twin.number
                    continue
                siblings = sum(1 for g in kept.values() if g.parent == goal.parent)
                goal.number = f"{goal.parent}.{siblings + 1}"
                remap[number] = goal.number
            kept[goal.number] = goal
        self.ods = kept
        for action in self.actions:
            action.goal = remap.get(action.goal, action.goal)

    def _period_heading(self, line: str) -> bool:
        """A year or years alone under a goal ("2026", "2027-2028"): a heading over the
        actions that follow, their timing where they say none, not the text above it."""
        goal = self.od if self.od is not None else self.sd
        if goal is None or not _PERIOD_HEADING.match(line):
            return False
        if self.field and self.block and not self.block[-1].fields.get(self.field):
            return False  # "Timing:" / "2026": the label's value
        self._reset()
        years = _PERIOD_HEADING.match(line)["years"]
        self.periods.append((len(self.actions), years, goal.number))
        return True

    def _in_a_later_year(self, action: _Action) -> bool:
        """Whether a year's heading (see `_period_heading`) stands between an action's first
        printing and this one, under the same goal."""
        if not self.periods or self.periods[-1][2] != action.goal:
            return False
        start = self.periods[-1][0]
        return any(a is action for a in self.actions[:start]) and not any(
            a is action for a in self.actions[start:]
        )

    def _timed_by_periods(self) -> None:
        """Each action under a year heading (see _period_heading) without a timing of its
        own is timed by it, up to the next such heading or the next goal."""
        bounds = [start for start, _, _ in self.periods[1:]] + [len(self.actions)] * bool(
            self.periods
        )
        for (start, years, goal), end in zip(self.periods, bounds, strict=True):
            for action in self.actions[start:end]:
                if action.goal == goal and not action.fields.get("timing"):
                    action.fields["timing"] = [", ".join(_unique([years, *action.later_years]))]

    def _is_cross_reference(self, line: str) -> bool:
        match = _ACTION.match(line)
        return bool(match) and (not match.group("rest") or match.group("rest").startswith("("))

    # headings ----------------------------------------------------------------------------
    def _sd(self, line: str) -> bool:
        match = _SD_IN_DOMAIN.match(line) or _SD.match(line)
        if not match or not (match.group("num") or match.group("sep") == ":"):
            return False
        title, number = match.group("rest").strip(), match.group("num")
        if number is None:
            same = self._same_title(self.sds.values(), title)
            number = same.number if same else str(_next_number(self.sds))
        goal = self.sds.get(number)
        new = goal is None
        if new:
            goal = _Goal(number, title, None, None if match.group("num") else "", f"SD {number}")
            self.sds[number] = goal
        self.sd, self.od = goal, None
        self._reset(title_of=goal if new or not goal.title else None)
        return True

    def _domain(self, line: str) -> bool:
        """A heading of a level above the strategic goals ("Werkdomein 2: Welzijn", "Pijler
        1 – Zorg" where the plan names its strategic goals so): no goal, and no value of
        the last action's field ("Welzijn" was read as a partner)."""
        if not _DOMAIN.match(line):
            return False
        self._reset()
        self.sd = self.od = None
        return True

    def _od(self, line: str) -> bool:
        match = _OD.match(line)
        if not match or not (match.group("num") or match.group("sep") in (":", None)):
            return False
        title, printed = match.group("rest").strip(), match.group("num")
        if title and is_placeholder(title):
            # "Operationele doelstelling 2.1 – n.v.t.": no goal of its own; the actions
            # below are the strategic goal's.
            self.od = None
            self._reset()
            return True
        if printed and "." in printed:
            number = printed
            parent = printed.split(".")[0]
            if parent not in self.sds:
                parent = self.sd.number if self.sd else None
        else:
            parent = self.sd.number if self.sd else None
            siblings = [g for g in self.ods.values() if g.parent == parent]
            same = self._same_title(siblings, title) if title else None
            if same:
                number = same.number
            elif parent is None:
                number = printed or str(len(self.ods) + 1)
            else:
                number = f"{parent}.{len(siblings) + 1}"
        goal = self.ods.get(number)
        new = goal is None
        if new:
            goal = _Goal(number, title, parent, printed if printed != number else None, "")
            goal.generated = number != printed
            goal.source = f"OD {printed}" if printed else f"OD (ongenummerd) onder SD {parent}"
            self.ods[number] = goal
        self.od = goal
        self._reset(title_of=goal if new or not goal.title else None)
        return True

    def _action(self, line: str) -> bool:
        match = _ACTION.match(line)
        if not match:
            return False
        number, rest = match.group("num"), match.group("rest").strip()
        if number is None and match.group("sep") != ":":
            return False
        if number and re.fullmatch(r"(19|20)\d\d", number):
            return False  # "Actieplan 2025" is a title, not action 2025
        if number and not rest and self._in_row_of_codes():
            # "Actie 1.1.1" / "Actie 1.1.2" / …: the header row of a table (the template's
            # calendar, "Tijdslijn"), whose cells are no action's title.
            self._reset()
            return True
        goal = self._goal_for(number)
        existing = self._printed_before(number, goal)
        if existing is not None and existing.goal is None:
            existing.goal = goal  # first printed in a summary before the goals
        if existing is not None and existing.title and self._in_a_later_year(existing):
            # The same action again under a later year ("Werkjaar 2026"): another year of
            # it, whose leads and partners add to the first's.
            existing.later_years.append(self.periods[-1][1])
            self.block, self.field, self.title_of = [existing], None, None
            return True
        if existing is not None and existing.title and not existing.title.startswith("("):
            # The same action printed again (a summary, a second sheet): fields add up, a
            # field given again replaces the first printing's (see `_start_field`).
            existing.again = set()
            self.block, self.field, self.title_of = [existing], None, None
            return True
        if existing is not None:
            action, action.title = existing, ""
        elif self._numbered_in_chapter(number):
            # "3.1" in "3. Acties 2026": the chapter's numbering, no code of a goal's action.
            ref = _GOAL_IN_TITLE.search(rest)
            goal = self._referred_goal(ref["ref"]) if ref else None
            rest = rest[: ref.start()].rstrip(" –—-") if ref else rest
            action = _Action(goal, None, "", f"Actie {number}", chaptered=True)
            self.actions.append(action)
        else:
            second = _SECOND_CODE.match(rest) if number else None
            action = _Action(goal, number, "", f"Actie {number}" if number else f"OD {goal}")
            self.actions.append(action)
            if second:
                self._sharing_fiche(action, second["num"], second["rest"].strip())
                return True
        self.block, self.field, self.title_of = [action], None, action
        if rest:
            self._append_title(action, rest)
        note = match.group("note") or ""
        if _TITLE_NOTE.match(note) and re.search(r"\bactie\b", note, re.I) and rest:
            # "Actie 1.1.1 (verderzetting actie 2024) – X": the note the template asks for
            # in the title of an action continued is the title's, as on a line of its own
            # under it; a remark without the action ("(vervolg 2025)") is none.
            self._append_title(action, note)
        return True

    def _sharing_fiche(self, action: _Action, number: str, title: str) -> None:
        """Two actions on one fiche ("Actie 3 en Actie 4 – Buurtcirkels Herne en
        Buurtcirkels Pepingen"): each its own code, the fiche's fields both's; the title in
        two where "en" puts it in two, else both the whole."""
        other = _Action(self._goal_for(number), number, "", f"Actie {number}")
        other.fields, other.indicators = action.fields, action.indicators  # one fiche
        self.actions.append(other)
        titles = re.split(r"\s+en\s+", title)
        if len(titles) == 2 and all(len(t.split()) >= 2 for t in titles):
            action.title, other.title = titles
        else:
            action.title = other.title = title
        self.block, self.field, self.title_of = [action], None, None

    def _in_row_of_codes(self) -> bool:
        """Whether the line, a code alone, has another code alone right before or after it."""
        before, after = text_before(self.lines, self.at), text_after(self.lines, self.at)
        return _code_alone(before) or _code_alone(after)

    def _numbered_in_chapter(self, number: str | None) -> bool:
        return (
            self.chapter is not None
            and self.sd is None
            and number is not None
            and number.startswith(f"{self.chapter}.")
            and number.count(".") == 1
        )

    def _chapter_of_actions(self, line: str) -> bool:
        """A numbered chapter of the actions ("3. Acties 2026") after the goals: a heading,
        no action; the sections numbered in it ("3.1 Netwerkavond") are its actions, each
        under the goal it names ("Doelstelling: SD 1"), not under the goal read last."""
        match = _CHAPTER_OF_ACTIONS.match(line)
        if not match or not (self.sds or self.ods):
            return False
        self._reset()
        self.sd = self.od = None
        self.chapter = match["num"]
        return True

    def _goal_of_action(self, line: str) -> bool:
        """ "Doelstelling: SD 1" under an action of a chapter of actions: the goal it is under."""
        if not self.block or len(self.block) != 1 or not self.block[0].chaptered:
            return False
        match = _GOAL_OF_ACTION.match(line)
        goal = self._referred_goal(match["ref"]) if match else None
        if goal is None:
            return False
        self.block[0].goal = goal
        return True

    def _referred_goal(self, ref: str) -> str | None:
        number = re.sub(r"^[A-Za-z]+\s*", "", ref).strip(" .")
        if number in self.ods or number in self.sds:
            return number
        return None

    def _goal_for(self, code: str | None) -> str | None:
        if code and "." in code:
            prefix = code.rsplit(".", 1)[0]
            if prefix in self.ods:
                return prefix
        if self.od:
            return self.od.number
        return self.sd.number if self.sd else None

    def _actions_block(self, line: str) -> bool:
        match = _ACTIONS_BLOCK.match(line)
        if not match or (self.od is None and self.sd is None):
            return False
        if self._steps_of_action(match):
            return False  # read as a field of the action (see outline.FIELDS)
        goal = self.od.number if self.od else self.sd.number
        # A list read as actions before this label was the goal's description. (Looked for
        # only where there is one: a filter of all actions at every label was quadratic in
        # a table of actions, each row of which is a block of its own.)
        if self._implicit_goals & {goal, None}:
            self.actions = [a for a in self.actions if not (a.implicit and a.goal == goal)]
            self._implicit_goals = {a.goal for a in self.actions if a.implicit}
        self._reset()
        self.field = "actions"
        self.explicit = True
        rest = (match.group("rest") or "").strip()
        bullet = _BULLET.match(rest)
        if bullet:
            rest = bullet.group("rest")
        if rest:
            self._new_block_action(rest, Line(match.group("rest").strip(), 0, "dash"))
        return True

    def _steps_of_action(self, match: re.Match) -> bool:
        """Whether "Acties:" is a field of the coded action above, after its own fields
        ("Actie 1.1.1 … Trekker: X … Acties: • …"): its steps, not a list of actions."""
        if match.group("rest") or not match.group(0).rstrip().endswith(":"):
            return False  # "Acties" bare is also how a table's uncoded rows are written
        if len(self.block) != 1 or self.field in (None, "actions"):
            return False
        return self.block[0].code is not None

    def _printed_before(self, number: str | None, goal: str | None) -> _Action | None:
        """The action read before with this code, printed again now under `goal`."""
        if not number:
            return None
        actions, indexed = self._indexed
        if actions is not self.actions:  # the list was filtered (see `_actions_block`)
            self._by_code, indexed = {}, 0
        for action in self.actions[indexed:]:
            if action.code:
                self._by_code.setdefault(action.code, []).append(action)
        self._indexed = (self.actions, len(self.actions))
        printed = self._by_code.get(number, [])
        return next((a for a in printed if a.code == number and _same_action(a, goal)), None)

    def _new_block_action(self, text: str, item: Line) -> None:
        pieces = _inline_items(text)
        if len(pieces) > 1:
            # "Acties - A. - B.": a list whose lines a converter joined into one.
            for piece in pieces:
                self._new_block_action(piece, item)
            return
        if not self.block:
            self.block = []
            self.item_bullet = (item.marker, item.indent) if item.marker else None
        goal = self.od.number if self.od else (self.sd.number if self.sd else None)
        action = _Action(goal, None, "", f"OD {goal}" if self.od else f"SD {goal}")
        action.implicit = not self.explicit
        if action.implicit:
            self._implicit_goals.add(goal)
        self.actions.append(action)
        self.block.append(action)
        self.last_indicator, self.sub_field = None, None
        number = _ITEM_NUMBER.match(item.text)
        self.item_number = int(number[1]) if number and item.marker == "number" else None
        if self.item_number is not None and self.od and not (item.indent or self.explicit):
            # "1. Signaalkaart", "2. Mantelzorgcafé" at the margin right under each goal, as
            # headings: numbered as "Actie 1" numbered again under each goal is (stored as
            # 1.1.1, 1.1.2); an indented list, or one under "Acties:", keeps them uncoded.
            action.code = str(self.item_number)
        self._append_title(action, _LETTER_MARK.sub("", text))

    def _reset(self, title_of=None) -> None:
        self.block, self.field, self.title_of = [], None, title_of
        self.item_bullet, self.last_indicator, self.explicit = None, None, False
        self.sub_field, self.item_fields, self.interleaved = None, False, False
        self.indented_fields = False
        self.item_number = None

    @staticmethod
    def _same_title(goals, title: str):
        key = normalise(title)
        return next((g for g in goals if key and normalise(g.title) == key), None)

    # text --------------------------------------------------------------------------------
    def _continue_title(self, line: str, blank: bool) -> None:
        target = self.title_of
        # A title broken after a word no title ends with ("… en het"), inside a name or at a
        # full line goes on after a blank line too, as PDF text puts one after every line.
        dangling = bool(_DANGLING.search(target.title or ""))
        ends = target.title and blank and not line[:1].islower() and not dangling
        if ends and not _runs_on(target.title, line) and not _TITLE_NOTE.match(line):
            self.title_of = None
            return
        if target.title and not dangling and line[:1].isupper() and self._new_paragraph():
            self.title_of = None  # a paragraph of its own in Word: the text under the title
            return
        above = self.lines[self.at - 1].text if self.at and not blank else ""
        if (
            target.title
            and above.endswith(target.title.split()[-1])
            and not dangling
            and line[:1].isupper()
            and _longer_than_wrapped(above, line)
        ):
            self.title_of = None  # the plan's text under the title: the title ended above
            return
        self._append_title(target, line)

    def _new_paragraph(self) -> bool:
        """Whether the current line starts a paragraph of a word processor's document."""
        number = self.lines[self.at].number
        before = self.lines[self.at - 1].number if self.at else None
        return number in self.paragraphs and number != before

    @staticmethod
    def _append_title(target, text: str) -> None:
        target.title = _join(target.title, text)

    def _timed(self) -> bool:
        """Whether the last action has a timing already."""
        return bool(self.block and self.block[-1].fields.get("timing"))

    def _start_field(self, name: str, rest: str) -> None:
        self.title_of, self.table = None, None
        self.last_indicator, self.value_indent = None, None
        if name == "title":
            self._title_field(rest)
            return
        if name == "description":
            # An action's description, as "Wat?" is; under a goal, the goal's: not read.
            name = "what" if self.block else "other"
        if name == "other" or name == "why":
            self.field = name
            return
        if name == "what" and not self.block and self.od is not None:
            # An action sheet without a title line: "Wat?" starts the action.
            self._new_block_action("", Line(""))
        self.field = name
        for action in self.block:
            if action.again is not None and name not in action.again:
                action.again.add(name)
                action.fields.pop(name, None)
        if name == "indicators":
            goal = self.od.number if self.od else (self.sd.number if self.sd else None)
            self.indicator_lists.append((list(self.block), goal, []))
            # "Indicatoren OD 2.2: …" names the goal it is under: that is not an indicator.
            rest = re.sub(r"^(?:(?:OD|SD|actie)\s*)?[\d.]+\s*[:–-]\s*", "", rest, flags=re.I)
            values = self.indicator_lists[-1][2]
            values.extend(_split_semicolons(rest))
            return
        if rest:
            self._add_value(rest, True, False, fresh=True)

    def _title_field(self, rest: str) -> None:
        """ "Titel: X" names the action above that has none ("Actie 1.1.1" / "Titel: X"), or
        starts an action sheet of its own."""
        self.field = None
        if self.block and not self.block[-1].title:
            action = self.block[-1]
        elif self.od is not None or self.sd is not None:
            self._reset()
            self._new_block_action("", Line(""))
            action = self.block[-1]
        else:
            return
        self._append_title(action, rest)
        self.title_of = action

    def _add_value(
        self, line: str, blank: bool, bullet: bool, indent: int = 0, fresh: bool = False
    ) -> None:
        """A line of the current field's value; `fresh`: right after its label, where it
        starts a value of its own ("Eigenaar: X" / "Trekker: dr. Y" are two values)."""
        if INSTRUCTION.match(line) or self.field in ("other", "why", "reference", None):
            return
        if self.field == "actions":
            return
        text = _BULLET.match(line).group("rest") if bullet else line
        if self.field == "indicators":
            lists = [self.indicator_lists[-1][2]]
        else:
            owners = self.block[-1:] if self.item_fields else self.block
            lists = [action.fields.setdefault(self.field, []) for action in owners]
        # A bullet's item wraps onto a line indented under its text, or after a word that
        # cannot end it ("Apothekersvereniging Halle-Vilvoorde en" / "Leuven").
        under_bullet = self.value_indent is not None and indent > self.value_indent and not blank
        # A list apart by commas that fills its line runs on on the next ("…, OCMW" / "Zulte").
        # In spaced PDF text a list of names runs on so too; an indicator is a sentence.
        spaced = self.spaced and self.field in ("lead", "partners")
        full = (not blank or spaced) and not bullet and len(self.value_line) >= WRAPPED
        for values in lists:
            runs_on = (
                (
                    line[:1].islower()
                    or values[-1].endswith(("-", ","))
                    or bool(_DANGLING.search(values[-1]))
                    or under_bullet
                    or (self.field in ("lead", "partners") and broken_name(values[-1], text))
                    or (
                        full
                        and "," in values[-1]
                        and not values[-1].endswith(_ENDS)
                        and (not blank or _rest_of_a_list(text))
                    )
                )
                if values and not fresh
                else False
            )
            if runs_on and not bullet:
                values[-1] = _join(values[-1], text)
            elif self.field == "indicators":
                values.extend(_split_semicolons(text))  # as on the label's own line
            else:
                values.append(text)
        if bullet and self.field == "how":
            # Which values of "Hoe?" are a list's steps (see `_timing_of_how`); a bullet
            # always starts a value.
            for action in owners:
                steps = action.fields.setdefault("steps", [])
                steps.append(str(len(action.fields["how"]) - 1))
        if bullet:
            self.value_indent = indent
        elif not under_bullet:
            self.value_indent = None
        self.value_line = line


def _rest_of_a_list(line: str) -> bool:
    """Whether a line after a blank can end a list of names that filled the line above:
    short ("Brugge"), or a few names apart by a comma or "en" ("Brugge en de lokale
    besturen."); not a sentence ("Mantelzorgers vinden elkaar in een café") nor a label and
    its value ("Bereik: 200 vrijwilligers")."""
    words = line.split()
    if ":" in line or _is_prose(line):
        return False
    return len(words) <= 3 or (len(words) <= 6 and ("," in line or " en " in f" {line} "))


def _code_alone(line: str) -> bool:
    match = _ACTION.match(line)
    return bool(match and match.group("num") and not match.group("rest").strip())


def _bare_label(line: str) -> tuple[str | None, str]:
    """A label alone on its line without its colon ("Trekker" / "OCMW Brugge", as a PDF's
    text gives an action sheet's table of label and value): that field, its value below."""
    if len(line) > 40 or line.endswith((".", ",", ";", ":", "?")):
        return None, ""
    name, rest = _field_of(f"{line}:")
    return (name, "") if name and not rest else (None, "")


_END_LABEL = re.compile(r"^(?:einde|einddatum)\s*:", re.I)


def _field_of(line: str) -> tuple[str | None, str]:
    """The field a line starts ("Trekker: X" → lead, "X"), or None. A label starts with a
    capital (graphmap.ingest.outline gives one to a label written in lower case, and puts
    the fields of a line apart by bars on lines of their own)."""
    if not line[:1].isupper():
        return None, ""
    for name, pattern in _FIELDS:
        match = pattern.match(line)
        if match:
            return name, match.group("rest").strip()
    return None, ""


# A word an item of a list cannot end with: the item goes on on the next line.
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.)]\s")
_ENDS = (".", ";", ":", "!", "?")
_DANGLING = re.compile(
    r"\s(?:en|of|van|voor|de|het|der|den|in|op|met|naar|rond|bij|tussen|tot|een|te|per|via|"
    r"zonder|&)$",
    re.I,
)


# Headings of an action's or a goal's text: never the end of its title.
_SECTION_WORD = re.compile(
    r"^(?:toelichting|context|achtergrond|situering|motivatie|opmerkingen?|stand van zaken|"
    r"aanpak|werkwijze|resultaten?|doel(?:en|stelling)?|inleiding|omschrijving|beschrijving|"
    r"evaluatie|opvolging|acties?|deelacties|stappen|planning)\s*$",
    re.I,
)


# A letter that lists an action in a table's cell or a list item: "a) Casusoverleg".
_LETTER_MARK = re.compile(r"^[a-z][).]\s+(?=\S)")


def _heads(pattern: re.Pattern, text: str) -> bool:
    """Whether a line is a goal's heading of that pattern, as `_Parser._sd`/`_od` read it."""
    match = pattern.match(text) if text else None
    return bool(match) and bool(match["num"] or match["sep"] in (":", None))


def _longer_than_wrapped(above: str, line: str) -> bool:
    """Whether `line` is too long to be the rest of `above` wrapped: a line breaks where its
    next word no longer fits, so the line after it is at most about as long as the line plus
    that word. A paragraph under a short title ("Actie 1.1.1: Vorming" / "De huisartsenkring
    neemt het voortouw, samen met …") is longer: the title ended. (Character counts differ
    from widths in a proportional font, and a heading's font may be wider: hence the margin,
    on the safe side of joining.)"""
    first = line.split()[0]
    return len(line) > 1.15 * (len(above) + 1 + len(first)) + 2


def _runs_on(title: str, line: str) -> bool:
    """Whether a capitalised line after a blank goes on with a title, as PDF text breaks a
    title anywhere: a name broken in two ("… het Heilig" / "Hartziekenhuis"), or a title as
    long as a full line ("… in samenwerking met de" is caught by `_DANGLING`) that a short
    line without a sentence's end completes ("… samen met de huisartsen van" / "Huisartsenkring
    Leie")."""
    words = title.split()
    if len(line.split()) > 6 or line.endswith((".", "!", "?", ":")) or heading_or_field(line):
        return False
    if _SECTION_WORD.match(line) or heading_or_field(f"{line}:"):
        return False  # "Toelichting", "Timing": a heading or a label without its colon
    broken_name = (
        len(words) >= 2
        and words[-1][:1].isupper()
        and not title.endswith((".", ")", ":", "!", "?"))
    )
    return broken_name or (len(title) >= WRAPPED and not title.endswith((".", "!", "?", ")")))


_CLOSING_WORDS = re.compile(
    r"^(?:met\s+)?(?:vriendelijke|hartelijke|beste)\s+groet(?:en)?\b|^groeten\b", re.I
)


# Who leads, said in an action's running text: "De huisartsenkring neemt hierin het
# voortouw", "CAW X is trekker van deze actie", "De Minder Mobielen Centrale trekt deze actie".
# After an opening adverbial the subject follows the verb: "Vanaf september neemt CAW X het
# voortouw" (`between`).
_PROSE_LEAD = re.compile(
    r"^(?P<name>(?:(?:de|het)\s+)?[A-ZÀ-Ý\w][^,.;:()]{1,80}?)\s+(?:"
    r"(?:neemt|nemen)\s+(?P<between>(?:[^\s,.;:()]+\s+){0,6}?)"
    r"(?:het\s+voortouw|de\s+trekkersrol|het\s+trekkerschap)|"
    r"(?:is|zijn)\s+(?:de\s+)?(?:trekkers?|eindverantwoordelijke)|"
    r"(?:trekt|trekken)\s+(?:deze|dit|de|het)\s+"
    r"(?:actie|project|initiatief|werkgroep|stuurgroep|overleg)|"
    r"(?:zit|zitten)\s+(?:deze|dit|de|het)\s+(?:werkgroep|stuurgroep|overleg|actie)\s+voor)\b",
    re.I,
)
_NOT_A_LEAD = re.compile(r"^(?:we|wij|zij|ze|hij|zij|dit|dat|deze|die|er|niemand|iedereen)\b", re.I)
# Who takes part, said in running text: "In samenwerking met het OCMW en Samana …".
_PROSE_WITH = re.compile(
    r"\b(?:in\s+samenwerking\s+met|samen\s+met|i\.\s?s\.\s?m\.?|"
    r"met\s+(?:de\s+)?(?:steun|medewerking|hulp|ondersteuning|begeleiding)\s+van|"
    r"(?:ondersteund|bijgestaan)\s+door)\s+",
    re.I,
)
_PROSE_TOKEN = re.compile(r"\s*([\w’'&/-]+|,)")
_JOINING = frozenset({"en", "van", "de", "het", "der", "den", "voor", "vzw", "'t", "’t", ","})


def _names_after(text: str) -> str:
    """The names that open a text: words with a capital, joined by small words, and the
    phrase after "de" or "het" whole ("de huisartsenkring Dender", "de lokale besturen, OCMW
    Genk en het Wit-Gele Kruis"); up to the first other word ("… werken we") or a sign that
    is no comma."""
    taken: list[str] = []
    at = 0
    while match := _PROSE_TOKEN.match(text, at):
        word = match[1]
        after_article = bool(taken) and taken[-1].lower() in ("de", "het")
        # "de lokale besturen", "de Vlaamse overheid": an adjective does not end the phrase.
        after_adjective = (
            len(taken) >= 2
            and taken[-2].lower() in ("de", "het")
            and bool(_ADJECTIVE.fullmatch(taken[-1]))
        )
        if not (word.lower() in _JOINING or word[:1].isupper() or after_article or after_adjective):
            break
        taken.append(word)
        at = match.end()
    while taken and taken[-1].lower() in _JOINING:
        taken.pop()
    return " ".join(taken).replace(" ,", ",")


# An adjective before its noun: "lokale", "Vlaamse", "eerste", "medische".
_ADJECTIVE = re.compile(r"[\wà-ÿÀ-Ý-]+(?:ale|ele|iele|ische|se|ste|ere|ige|ke|aire)", re.I)
# Places and regions a text works "samen met": no partner ("Samen met Vlaanderen …").
_REGION = re.compile(
    r"^(?:Vlaanderen|Wallonië|Brussel|België|Europa|Nederland|"
    r"(?:provincie\s+)?(?:Limburg|Antwerpen|Oost-Vlaanderen|West-Vlaanderen|Vlaams-Brabant))$",
    re.I,
)


def _prose_partners(sentence: str) -> list[str]:
    """The organisations a sentence says an action works with: every item after "samen met",
    "in samenwerking met" …, less places and groups of people ("de inwoners"); running text
    names no group as a field does."""
    found = []
    for with_ in _PROSE_WITH.finditer(sentence):
        for item in _items([_names_after(sentence[with_.end() :])]):
            name = re.sub(r"^(?:de|het)\s+(?=[A-ZÀ-Ý])", "", item)
            if _REGION.match(name) or _is_municipality(name) or not is_organisation(name):
                continue
            found.append(name)
    return found


# A group of people of one body: "De huisartsen van de HAK Mandel en Leie": the body takes
# part, beside the group.
# The group in lower case ("Huis van het Kind" is a name), the body any name with a capital
# ("de vrijwilligers van Samana").
_BODY_OF_GROUP = re.compile(
    r"^(?:[Dd]e\s+|[Hh]et\s+)?[a-zà-ÿ][^,;()]*?\s+van\s+(?:(?:de|het)\s+)?"
    r"(?P<body>[A-ZÀ-Ý][^,;()]*)$"
)


# A kind in lower case and in the plural opens a group, never one organisation's name:
# "de jeugddiensten van Hoogstraten en Merksplas", "lokale besturen".
_LOWER_PLURAL = re.compile(
    r"^(?:(?:de|het|alle)\s+)?[a-zà-ÿ]\w*"
    r"(?:diensten|besturen|kringen|centra|fondsen|verenigingen|ziekenhuizen|huizen)\b"
)


# A municipality's own kind in the plural over places: "de OCMW's van Eeklo en Maldegem";
# councils by their municipalities: "de gemeenten Mechelen en Bonheiden", "lokale besturen
# Boom, Niel".
_KINDS_OF_PLACES = re.compile(
    r"^(?:de\s+|alle\s+)?(?P<kind>OCMW['’]s|sociale\s+huizen|gemeenten|"
    r"steden(?:\s+en\s+gemeenten)?|lokale\s+besturen)\s+(?:van\s+)?(?P<places>[A-ZÀ-Ý].*)$",
    re.I,
)
# The one body of a plural kind in each place; the others are each place's council.
_ONE_OF_KIND = {"ocmw": "OCMW", "sociale": "Sociaal Huis"}
# A plural kind over places, capitalised as a table's cell is ("Jeugddiensten van Dilbeek
# en Lennik"): a group of several bodies.
_PLURAL_OVER = re.compile(
    r"^(?:de\s+)?\w*(?:diensten|besturen|kringen|centra|huizen|en|['’]s)\s+van\s+(?P<places>.+)$",
    re.I,
)


def _places_in(text: str) -> list[str]:
    places = [p.strip() for p in re.split(r"\s*(?:,|&|\ben\b)\s*", text) if p.strip()]
    return places if places and all(_is_municipality(p) for p in places) else []


def _kind_in_each(item: str, existing: list[dict] = ()) -> list[str]:
    """ "de OCMW's van Eeklo en Maldegem": OCMW Eeklo and OCMW Maldegem, each read as
    "OCMW X" is; "de gemeenten Mechelen en Bonheiden": the council of each (`_council`).
    Nothing unless the item names only places."""
    match = _KINDS_OF_PLACES.match(item.strip())
    places = _places_in(match["places"]) if match else []
    if not places:
        return []
    kind = _ONE_OF_KIND.get(re.split(r"['’\s]", match["kind"].lower())[0])
    if kind is None:
        return [_council(place, existing) for place in places]
    return [f"{kind} {place}" for place in places]


def _plural_of_places(item: str) -> bool:
    match = _PLURAL_OVER.match(item)
    return bool(match and _places_in(match["places"]))


def _body_of_group(item: str, zone: str, zone_names: list[str], existing) -> str | None:
    """The body of a group of its people ("de huisartsen van de HAK Mandel en Leie", "de
    vrijwilligers van Samana"), where it names another organisation than the zorgraad."""
    body = _BODY_OF_GROUP.match(item)
    if body is None or len(item.split()) > 10:
        return None
    name = body["body"].strip()
    places = [p for p in re.split(r"\s*(?:,|&|\ben\b)\s*", name) if p]
    if _is_self(name, zone, zone_names) or all(_is_municipality(p) for p in places):
        return None  # "de jeugddiensten van Hoogstraten en Merksplas": a group of places
    return name if _is_named_organisation(name, existing) else None


def _prose_lead(name: str) -> bool:
    """Whether the subject of "… neemt het voortouw" names who leads: the zorgraad, or a
    name with a capital; "Het ziekenhuis is trekker" points back at a name said before."""
    words = re.sub(r"^(?:de|het)\s+", "", name, flags=re.I).split()
    if _NOT_A_LEAD.match(name) or not words or len(words) > 8:
        return False
    return bool(_SELF_WORDS.match(name)) or any(w[:1].isupper() for w in words)


def _subject(match: re.Match) -> str | None:
    """Who leads in a sentence `_PROSE_LEAD` matched: the words between the verb and "het
    voortouw" where they name someone ("In 2026 neemt de zorgraad het voortouw"), as the
    words before the verb then open the sentence as an adverbial; else those words before
    it, unless they are such an adverbial ("Binnen de werkgroep neemt hierin …")."""
    between = (match["between"] or "").strip()
    if between and _prose_lead(between):
        return between
    name = match["name"]
    if between and not _ADVERB_ONLY.fullmatch(between):
        return None
    return None if _OPENING.match(name) or not _prose_lead(name) else name


# Small words between "neemt" and "het voortouw" that leave the subject before the verb.
_ADVERB_ONLY = re.compile(
    r"(?:(?:hierin|hier|daarin|daarbij|ook|mee|opnieuw|graag|zelf)\s*)+", re.I
)
# An opening adverbial ("Vanaf september", "Binnen de werkgroep"): no one who leads;
# "In-Gent" is a name.
_OPENING = re.compile(
    r"^(?:vanaf|vanuit|in|binnen|tijdens|na|voor|sinds|zoals|met|op|bij|per|tegen|"
    r"eind|begin|midden|halverwege|ook|daarna|nadien|nu|samen)(?=\s)",
    re.I,
)


def _roles_in_prose(action: _Action) -> None:
    """The lead and partners of an action that has no such fields, where its running text
    names them (a narrative plan: "De zorgraad neemt het voortouw, in samenwerking met CAW
    X en het OCMW Aalst."); read as those fields would be."""
    text = functools.reduce(
        _join, action.fields.pop("prose", []) + action.fields.get("what", []), ""
    )
    if not text:
        return
    sentences = [part.strip() for part in re.split(r"(?<=[.;!?])\s+|\s*;\s*", text)]
    if not any(action.fields.get(name) for name in ("lead", "coordinator", "co_lead")):
        for sentence in sentences:
            match = _PROSE_LEAD.match(sentence)
            name = _subject(match) if match else None
            if name:
                action.fields["lead"] = [name]
            if match:
                # The first sentence that says who leads does, also when it points back ("Het
                # ziekenhuis is trekker; de zorgraad zit de werkgroep voor."): none later.
                break
    if not action.fields.get("partners"):
        names = [name for sentence in sentences for name in _prose_partners(sentence)]
        if names:
            action.fields["partners"] = names


# Whom a sentence after the partners names as consulted or working along.
_CONSULTED = re.compile(
    rf"{_PROSE_WITH.pattern}|\b(?:in\s+overleg|afgestemd|overlegd|samengewerkt)\s+met\s+", re.I
)
# The first word of a sentence that is never the first of a name: "Dit gebeurt …", "We
# betrekken …", "Daarnaast …" (not "De" or "Het": "Het Wit-Gele Kruis").
_OPENS_SENTENCE = re.compile(
    r"^(?:dit|dat|deze|er|we|wij|zij|ze|hierbij|daarbij|hiervoor|daarvoor|hiermee|daarmee|"
    r"daarnaast|verder|ook|zo|indien|waar|wanneer)\s+\S+\s+\S+\s+\S",
    re.I,
)


# A value under "Met wie?" that lists the subjects the partners bring, not who they are:
# "Stakeholders betrokken in de diverse topics: facturatie, doelzoeker, …".
_TOPICS_LABEL = re.compile(
    r"^[^:]{0,80}\b(?:topics?|thema'?s|thema’s|onderwerpen|domeinen|themata)\s*:", re.I
)
# A numbered chapter that holds the actions: "3. Acties 2026", "4 Acties".
_CHAPTER_OF_ACTIONS = re.compile(
    r"^(?P<num>\d{1,2})\.?\s+acties(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*$", re.I
)
# The goal an action names: "Doelstelling: SD 1", "Gekoppelde doelstelling: OD 1.1".
# Each run of spaces is read by one repeat: "\s*:?\s*" on a long run of spaces took cubic
# time (the two stars and the search's start share the run out in every way).
_GOAL_REF = r"(?P<ref>(?:(?:SD|OD|SO|OO|SDG)\s*)?\d{1,2}(?:\.\d{1,2})?)"
_GOAL_OF_ACTION = re.compile(
    rf"^(?:gekoppelde\s+|bijhorende\s+)?doelstelling(?:en)?\s*(?::\s*)?{_GOAL_REF}"
    r"(?:\s*\.?$|(?:\s*[:–—-])?\s+[A-ZÀ-Ý])",  # its title after it ("OD 1.1 – Zorgverleners …")
    re.I,
)
# Starts where a run of spaces starts (the search tries no start inside one).
_GOAL_IN_TITLE = re.compile(
    rf"(?<!\s)\s*(?:[(\[–—-]\s*)?(?:gekoppelde\s+)?doelstelling\s*(?::\s*)?{_GOAL_REF}"
    r"\s*(?:[)\]]\s*)?$",
    re.I,
)


def _is_prose(line: str) -> bool:
    """A sentence of running text rather than a value of a field."""
    return len(line.split()) >= 8 and line.endswith((".", "!", "?"))


def _split_semicolons(text: str) -> list[str]:
    parts = [piece for part in re.split(r"\s*;\s*", text) for piece in _inline_items(part)]
    return [part for part in parts if part.strip(" .")]


# A bullet after a sentence's end inside one line: the items of a list that a PDF's text
# extractor (or a web page's copy) joined onto one line ("Acties - A. - B. - C."). A dash
# inside a sentence ("zorg - en welzijn", "Q1 - Q3") is no item: only after ".", "!" or "?"
# and before a capital.
_INLINE_ITEM = re.compile(r"(?<=[.!?])\s+[-–•▪]\s+(?=[A-ZÀ-Ý])")


def _inline_items(text: str) -> list[str]:
    return [part for part in _INLINE_ITEM.split(text) if part.strip()]


_join = join_lines  # one rule for words broken over lines, in graphmap.ingest.outline


# Word's bullets for list levels 1, 2, 3 ("•", "o", "▪"), as its text export writes them.
_BULLET_LEVELS = ("dot", "circle", "square")


def _deeper(marker: str | None, label: str | None) -> bool:
    """Whether a bullet is one level deeper in Word's order than a sub-field's label without
    a value ("o Partners:" / "▪ Vief Dender"): its value, though at the same indent."""
    if marker not in _BULLET_LEVELS or label not in _BULLET_LEVELS:
        return False
    return _BULLET_LEVELS.index(marker) > _BULLET_LEVELS.index(label)


def _same_action(action: _Action, goal: str | None) -> bool:
    """Whether an action printed again under `goal` is `action` (a summary, a second sheet).
    A code with a goal's number in it ("1.2.3") is one action wherever it is printed; a bare
    one ("Actie 2") may be numbered again under the next goal, so it is the same action only
    under the same goal (or where either has none, as in a list before the goals)."""
    if "." in (action.code or ""):
        return True
    return action.goal == goal or action.goal is None or goal is None


def _next_number(goals: dict[str, _Goal]) -> int:
    numbers = [int(n) for n in goals if n.isdigit()]
    return max(numbers, default=0) + 1


def _first_sentence(text: str, limit: int = TITLE_LIMIT) -> str:
    text = " ".join(text.split()).strip(" -–")
    if len(text) <= limit:
        return text
    match = re.search(r"^(.{20,}?[.!?])\s+[A-Z(]", text)
    return match.group(1) if match else text


# -- from parsed lines to the preview -------------------------------------------------------
def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _items(values: list[str], existing: list[dict] = (), *, targets: bool = False) -> list[str]:
    """The names and groups in a field's values: split at commas, ";", "+", " & ", " / " and
    " en " (but not inside one name, see `_split_and`); "|" ends a value (what follows is
    another field of a table row). Of `targets` (groups of people), a label before a colon
    is the group and what follows says more of it ("Mantelzorgers: vooral jonge …")."""
    items = []
    for whole in values:
        value, examples = _without_brackets(_TOPIC.sub("", whole.split("|")[0]), existing)
        label, colon, after = value.partition(":")
        if targets and colon and after.strip() and len(label.split()) <= 3:
            value, examples = label, []
        value = _PLACES_LISTED.sub(_places_joined, value)
        for part in [p for text in (value, *examples) for p in _ITEM_SEP.split(text)]:
            part = re.sub(r"\([^)]*\)?", "", part)
            # "Ziekenfondsen: CM, Solidaris": a group's word as a label before the names.
            label, colon, after = part.partition(":")
            if colon and after.strip() and (len(label.split()) <= 3 or _PARTNERS_OF.match(label)):
                # "OKRA Sint-Truiden: vrijwilligers": an organisation and its part in lower
                # case after it; the organisation takes part, as it does before its contact
                # person ("Samana: Els Claes").
                body, rest = label.strip(_ITEM_EDGE), after.strip(_ITEM_EDGE)
                its_own = rest[:1].islower() or is_person(rest, existing)
                part = label if its_own and is_organisation(body, existing) else after
            for item in [i for piece in _split_dashes(part) for i in _split_and(piece, existing)]:
                # A bullet typed before an item in a table's cell ("• CAW") is no part of it.
                item = _EXAMPLES.sub("", item.strip(_ITEM_EDGE)).strip(_ITEM_EDGE)
                # "…, dat de vorming geeft, en X"; "…, aangevuld met X"
                item = re.sub(r"^(?:en|aangevuld\s+met|plus)\s+(?=\S)", "", item)
                item = item if targets else _unquoted(item)  # a name, not a group's text
                if item and not re.fullmatch(r"[\W\d]*", item):
                    items.append(item)
    return items


# A kind of local body over a list of places ("de sociale huizen van Aalter, Assenede en
# Zelzate"): one item, not split at its commas, so that it is that body in each place
# (`_kind_in_each`), not one in the first and the others' councils.
_PLACE = r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?"
_PLACES_LISTED = re.compile(
    r"\b(?P<kind>(?:OCMW['’]s|sociale\s+huizen|gemeenten|steden(?:\s+en\s+gemeenten)?|"
    rf"lokale\s+besturen)\s+(?:van\s+)?)(?P<places>{_PLACE}(?:\s*,\s*{_PLACE})+\s+en\s+{_PLACE})",
    re.I,
)


def _places_joined(match: re.Match) -> str:
    places = [p for p in re.split(r"\s*,\s*|\s+en\s+", match["places"]) if p]
    if not all(_is_municipality(place) for place in places):
        return match[0]
    return match["kind"] + " en ".join(places)


# A cluster's or a group's heading over the partners on the lines below it ("Zorg:" /
# "• Huisartsenkring X", "Lokale besturen:", "PZON:"): a heading, no partner of its own.
_HEADING_OVER_ITEMS = re.compile(r"^[^:,;]{1,40}:\s*$")


def _heading_over_items(value: str, after: list[str], existing: list[dict]) -> bool:
    """Whether a partners' value is a heading over the next (see _HEADING_OVER_ITEMS): a
    label alone before a value, unless it names an organisation and what follows is no
    organisation of its ("CAW Oost-Vlaanderen:" / "• Jan Peeters, teamcoach": CAW takes
    part)."""
    if not _HEADING_OVER_ITEMS.match(value) or not after:
        return False
    label, following = value.rstrip(" :"), after[0].split(",")[0].strip(_ITEM_EDGE)
    return not is_organisation(label, existing) or _is_named_organisation(following, existing)


# A label of the partners of a cluster or a group before their names ("Partners uit de
# cluster welzijn: CAW De Kempen, OCMW's en het JAC"): those names take part.
_PARTNERS_OF = re.compile(
    r"^\s*(?:(?:samen\s+)?met\s+)?(?:de\s+|alle\s+)?(?:partners|leden|organisaties|actoren)\s+"
    r"(?:uit|van|binnen)\s+"
    r"(?:de\s+|het\s+)?\w+(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)
_DASH = re.compile(r"\s[-–—]\s")
_ITEM_EDGE = " .:-–—/•▪●◦*·■"
_SINGLE_QUOTED = re.compile(r"‘([A-ZÀ-Ý][^‘’]+)’")


def _unquoted(item: str) -> str:
    """A name less the quotes around it or a part of it ("“De Kleine Prins”", "VZW ‘De
    Bolster’"); the apostrophe of "‘t Kompas" stays."""
    return _SINGLE_QUOTED.sub(r"\1", re.sub(r"[“”\"]", "", item)).strip()


def _split_dashes(part: str) -> list[str]:
    """A part split at dashes between spaces where each piece names an organisation
    ("Huisartsenkring Dender - CAW Oost-Vlaanderen - Familiehulp"); a place or a department
    after a dash is part of the name ("AZ Sint-Jan Brugge - Oostende")."""
    part = part.strip(_ITEM_EDGE)
    pieces = [p.strip() for p in _DASH.split(part)]
    department = len(pieces) == 2 and _DEPARTMENT.match(pieces[1])
    if department and is_organisation(pieces[0]) and not _is_municipality(pieces[1].split()[-1]):
        return [pieces[0]]  # "Stad Genk – Dienst Welzijn", "Stad Genk – Sociaal Huis": Stad Genk
    named = all(p[:1].isupper() and is_organisation(p) and not _is_municipality(p) for p in pieces)
    # "Huisartsenkring Waasland – apothekers – thuisverpleging": groups in lower case after
    # a body, which is no part of it ("– regio Kempen", "– sociale dienst").
    groups = is_organisation(pieces[0]) and all(
        p[:1].islower() and not _PART_WORD.search(p) for p in pieces[1:]
    )
    return pieces if len(pieces) >= 2 and (named or groups) else [part]


def _is_municipality(name: str) -> bool:
    try:
        current(name)
    except ValidationError:
        return False
    return True


def _council(name: str, existing: list[dict] = ()) -> str:
    """The body a municipality named alone as a lead or a partner stands for: its local
    government ("Lichtervelde" works with a care action as its council and OCMW, one body
    since 2019): the register's council or city seated there ("Stad Maaseik"), else
    "Lokaal bestuur Lichtervelde", so that its seat and its cluster (lokale besturen) are
    read from its name."""
    place = current(name)
    for org in existing:
        seat = local_seat(org["name"])
        if seat and seat.category == "gemeente" and seat.municipality.nis == place.nis:
            return org["name"]
    return f"{_LOCAL_GOVERNMENT}{place.name}"


# An organisation's name with the short form the plan uses for it after, in brackets:
# "Welzijnsschakels (WS)", "Huisartsenkring Noord-Hageland (HKNH)", "Logo Dender (Logo)".
_DEFINED = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&-]{1,9}(?: [A-Z][A-Za-z0-9&-]{1,9})?)\)")
_NAME_WORD = re.compile(r"[A-ZÀ-Ý0-9][\w’'&.-]*|van|de|der|den|het|voor|en|vzw|'t|’t")


def _abbreviations(lines: list[str], existing: list[dict]) -> dict[str, str]:
    """The short forms a plan explains once with the organisation's name before them
    ("Welzijnsschakels (WS)"), to read "WS" among an action's partners as that name. The
    name is the longest run of words with capitals before the brackets that starts with the
    short form's first letter and holds its letters in order ("Lokaal Overleg Kinderopvang
    (LOK)"; "… met Familiehulp en Welzijnsschakels (WS)": Welzijnsschakels). Neither a
    kind's words ("Centrum Algemeen Welzijnswerk (CAW)": "CAW" alone stays the region's
    own, but "CAW Oost-Brabant (CAW)" is that one) nor a place ("Sint-Truiden (ST)") is
    explained so, nor is a short form the plan gives two names."""
    found: dict[str, set[str]] = {}
    text = " ".join(" ".join(line.split()) for line in lines)  # a name broken over lines too
    for match in _DEFINED.finditer(text):
        short = match["short"]
        if short.upper() in GENERIC_ACRONYMS:
            continue  # "Woonzorgcentrum (WZC)": a kind of body, never one
        before = re.split(r"[()]", text[max(0, match.start() - 200) : match.start()])[-1]
        name = _name_before(before, short)
        if not name or _is_municipality(name) or not _is_named_organisation(name, existing):
            continue
        if is_kind_acronym(short) and short not in name.split():
            continue  # "Centrum Algemeen Welzijnswerk (CAW)": "CAW" stays the region's
        found.setdefault(short, set()).add(name)
    return {short: names.pop() for short, names in found.items() if len(names) == 1}


def _name_before(text: str, short: str) -> str | None:
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word):
            break
        run.insert(0, word)
    best = None
    for start, word in enumerate(run):
        if word[:1].casefold() != short[:1].casefold() or not word[:1].isupper():
            continue
        name = " ".join(run[start:])
        if _spells(short, name) and name != short:
            best = name
            break  # the longest: the first start that spells it
    return best


# A group with a short form in brackets: "de huisartsenkring (HKNH)".
_GROUP_SHORT = re.compile(
    r"(?<![^\s,;:])(?P<group>(?:de |het )?[a-zà-ÿ][^,;()]{0,60}?)\s*"
    r"\((?P<short>[^()]{2,20})\)"
)


def _groups_with_short_forms(actions: list[_Action], names: dict[str, str]) -> None:
    """A group in a lead or partner field followed by a short form the plan explained
    ("Trekker: de huisartsenkring (HKNH)") is the organisation of that short form."""
    if not names:
        return

    def named(match: re.Match) -> str:
        return names.get(match["short"].strip(), match.group(0))

    for action in actions:
        for field_name in ("lead", "co_lead", "coordinator", "partners"):
            if field_name in action.fields:
                action.fields[field_name] = [
                    _GROUP_SHORT.sub(named, value) for value in action.fields[field_name]
                ]


def _short_forms_written_out(actions: list[ActionOut], names: dict[str, str]) -> None:
    """Leads and partners written as a short form the plan explained: its name."""
    if not names:
        return
    for action in actions:
        if action.lead in names:
            action.lead = names[action.lead]
        action.co_leads = _unique([names.get(n, n) for n in action.co_leads])
        leading = {action.lead, *action.co_leads}
        action.partners = _unique(
            [names.get(n, n) for n in action.partners if names.get(n, n) not in leading]
        )


def _councils_of_the_plan(actions: list[ActionOut]) -> None:
    """A municipality named alone ("Maaseik") as the council the plan names elsewhere
    ("Stad Maaseik", "Gemeente Kinrooi"): one body, not a second "Lokaal bestuur Maaseik"."""
    councils: dict[str, str] = {}
    for action in actions:
        for name in [action.lead or "", *action.co_leads, *action.partners]:
            seat = local_seat(name) if not name.startswith(_LOCAL_GOVERNMENT) else None
            if seat and seat.category == "gemeente":
                councils.setdefault(f"{_LOCAL_GOVERNMENT}{seat.municipality.name}", name)
    for action in actions:
        if action.lead in councils:
            action.lead = councils[action.lead]
        action.co_leads = _unique([councils.get(n, n) for n in action.co_leads])
        leading = {action.lead, *action.co_leads}
        action.partners = _unique(
            [
                councils.get(n, n)
                for n in action.partners
                if n not in councils or councils[n] not in leading
            ]
        )


_LOCAL_GOVERNMENT = "Lokaal bestuur "
_COUNCIL_WORD = re.compile(r"^(?:bestu(?:ur|ren)|gemeenten?|steden|stad|ocmw'?s?)$", re.I)
# Towns after a group's word and "van"/"in" ("de woonzorgcentra van Tongeren-Borgloon en
# Bilzen-Hoeselt"): where those are, not who takes part.
_PLACES_OF = re.compile(
    r"\b(?P<group>[a-zà-ÿ’']+)\s+(?:van|in|uit|te|binnen)\s+"
    r"(?P<names>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
    r"(?:(?:\s*,\s*|\s+en\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})*)"
)


def _places_of_groups(text: str) -> set[str]:
    """The towns a text names as where a group is (see _PLACES_OF); "de besturen van X"
    names councils."""
    places = set()
    for match in _PLACES_OF.finditer(text):
        if not _COUNCIL_WORD.match(match["group"]):
            places.update(n.strip() for n in re.split(r"\s*,\s*|\s+en\s+", match["names"]))
    return places


def _names_a_body_in_a_role(item: str, existing: list[dict]) -> bool:
    """Whether a word of the answer on the zorgraad's role names a body: one word alone
    ("Ondersteunend.", "Faciliterend") is mostly the role itself, unless the name is known,
    an acronym or the register's."""
    if len(item.split()) > 1 or begins_known(item) or ORG_WORDS.search(item):
        return True
    known = {normalise(org["name"]) for org in existing}
    return sum(ch.isupper() for ch in item) >= 2 or normalise(item) in known


# A part of a body after a dash, in lower case: "Solidariteit voor het Gezin – regio Kempen",
# "OCMW Aalst – dienst welzijn".
_PART_WORD = re.compile(
    r"\b(?:regio|dienst|afdeling|team|campus|locatie|site|werking|antenne|sector|kantoor|"
    r"cel|afdelingen|diensten|teams)\b",
    re.I,
)
# A department of the body before a dash, in capitals too: "Dienst Welzijn", "Afdeling
# Zorg", "Team Thuiszorg", "Sociaal Huis" (a municipality's own, named without its place);
# not with a place of its own ("Dienst Welzijn Genk" is Genk's).
_DEPARTMENT = re.compile(
    r"^(?:(?:dienst|afdeling|team|cel|sector)\s+[A-ZÀ-Ýa-zà-ÿ][\w-]*|"
    r"sociaal\s+huis|sociale\s+dienst)$",
    re.I,
)
_PART_AFTER_DASH = re.compile(r"\s+[–—-]\s+(?=[a-zà-ÿ]).*$")


def _without_part(name: str, existing: list[dict]) -> str:
    """A partner less the part of it after a dash: the body takes part."""
    body = _PART_AFTER_DASH.sub("", name)
    part = name[len(body) :]
    named = body != name and _is_named_organisation(body, existing)
    return body if named and _PART_WORD.search(part) else name


# The first word of a body's name by its kind ("Huis van het Kind Niel", "Dienst …").
_KIND_FIRST = re.compile(r"^(?:huis|dienst|team|platform|regio|lokaal|sociaal)\b", re.I)


def _without_article(item: str) -> str:
    """A partner less its article: "het RSG"; "Het Wit-Gele Kruis Limburg", "De
    Apothekersvereniging Rupelstreek", "Het OCMW Boom" too, where a well-known name, a word
    of a kind of body or an acronym follows, though "De Bolster" is a name with its article."""
    if _LOWER_ARTICLE.match(item):
        return _LOWER_ARTICLE.sub("", item)
    rest = _ARTICLE.sub("", item)
    if rest == item or not rest:
        return item
    first = rest.split()[0]
    # A word of a kind alone is the name ("De Schakel"); before a proper name it is a kind.
    named = len(rest.split()) >= 2 and (ORG_WORDS.search(first) or _KIND_FIRST.match(first))
    return rest if begins_known(rest) or named or _ACRONYM_WORD.fullmatch(first) else item


def _lead_without_article(item: str) -> str:
    """A lead less its article, but for a name of one word with its own ("Trekker: Het
    Anker", "De Kade")."""
    rest = _ARTICLE.sub("", item)
    own = len(rest.split()) == 1 and rest[:1].isupper() and _without_article(item) == item
    return item if own else rest


# A partner "item" that is a clause, a finite verb after its subject ("Alle partners leveren
# input aan de werkgroep."): a sentence about the partners, no group of them. After "die" or
# "dat" the verb is a group's own ("huisartsen die werken in de regio"), after "te" no
# finite verb ("Nog in kaart te brengen …").
_CLAUSE = re.compile(
    r"^(?P<subject>\S+(?:\s+\S+){0,8}?)\s+(?<!\bdie\s)(?<!\bdat\s)(?<!\bte\s)(?:is|zijn|wordt|worden|zal|zullen|kan|"
    r"kunnen|moet|moeten|heeft|hebben|levert|leveren|geeft|geven|neemt|nemen|werkt|werken|"
    r"helpt|helpen|zet|zetten|brengt|brengen|biedt|bieden|denkt|denken|ondersteunt|"
    r"ondersteunen|participeert|participeren|draagt|dragen|sluit|sluiten|dient|dienen|gaat|gaan|"
    r"krijgt|krijgen|maakt|maken|volgt|volgen)\s+[a-zà-ÿ]",
)


def _names_in_sentence(values: list[str]) -> list[str]:
    """A field's answer in sentences naming who works with whom, as the names it gives:
    after "samen met", "i.s.m." … ("Het OCMW werkt samen met Familiehulp, i-mens en de
    Christelijke Mutualiteit voor de bezoeken.", "De zorgraad nodigt samen met Samana de
    partners uit."), else those of a clause's subject ("Huisartsenkring X en de
    Apothekersvereniging Y nemen deel aan de werkgroep; ook het Vlaams Patiëntenplatform
    wordt betrokken."); the verb and what follows it name no organisation. Any other
    answer as it is; each line of it apart ("• Kinesitherapeutenkring Brugge" / "• Alle
    partners … worden geïnformeerd."), but for a sentence broken over lines ("… nemen deel
    aan" / "de werkgroep.")."""
    units: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if units and _sentence_going_on(units[-1]):
            units[-1] = f"{units[-1]} {value}"
        elif value:
            units.append(value)
    return [name for unit in units for name in _names_in_one(unit)]


def _sentence_going_on(text: str) -> bool:
    """Whether a line is a sentence without its end yet ("Huisartsenkring X nemen deel
    aan"), not a name of a list ("Lichtervelde")."""
    # "We werken samen met X en met:" opens the list below it: it goes on in its items.
    ends = (".", ";", "!", "?", ":")
    return not text.endswith(ends) and bool(_said(text) or _OWN_SUBJECT.match(text))


# A name that ends in its legal form ("Mensen helpen mensen vzw") is no clause.
_LEGAL_END = re.compile(r"\b(?:vzw|v\.z\.w|cvba|cv|bv|nv)\.?$", re.I)


def _said(clause: str) -> str | None:
    """The subject of a clause, a finite verb after it (`_CLAUSE`), looked for in each item
    of a list apart: "Mensen helpen mensen vzw, Samana" is two names, and a long list before
    its verb ("A, B, C, D, E en F werken mee") is the subject whole."""
    at = 0
    for item in re.split(r"(?<=,)", clause):
        said = _CLAUSE.search(item.lstrip())
        # "…, dat de vorming geeft, …", "lid kringwerking dat ook lid is": a relative
        # clause says more of a name, its verb is no sentence's.
        relative = said and re.search(r"\b(?:die|dat|welke|waarvan)\b", said["subject"], re.I)
        if said and not relative and not _LEGAL_END.search(item.strip(" ,")):
            return f"{clause[:at]}{item[: len(item) - len(item.lstrip())]}{said['subject']}".strip()
        at += len(item)
    return None


# Who takes part after "samen met" …, and after the words of a sentence only an answer uses
# ("Er wordt samengewerkt met CAW X", "… wordt betrokken via het Wit-Gele Kruis").
_SENTENCE_WITH = re.compile(
    rf"{_PROSE_WITH.pattern}|\b(?:samengewerkt|samenwerken|samenwerkt|in\s+overleg)\s+met\s+|"
    r"\bvia\s+",
    re.I,
)
# A subject that names no one ("Betrokken partners zijn het Wit-Gele Kruis en i-mens.",
# "Partners: Samana en OKRA …"): the names follow "zijn" or the colon.
_GENERIC_SAID = re.compile(
    r"^(?:(?:de|het|alle|onze|deze|diverse|betrokken|andere|mogelijke|externe|volgende|"
    r"belangrijkste)\s+)*(?:samenwerkings)?(?:partners?|stakeholders?|betrokkenen|actoren)"
    r"(?:\s*:|\s+(?:zijn|is)\s+)\s*(?=\S)",
    re.I,
)
# A subject in lower case that points back at the action, no group ("Dit project wordt …").
_NO_GROUP = re.compile(
    r"^(?:(?:dit|deze|dat|die|het|de)\s+)*(?:actie|acties|project|initiatief|werkgroep|overleg|"
    r"aanpak|plan|partners?|stakeholders?|betrokkenen|actoren|organisaties|iedereen|niemand|"
    r"daarnaast|verder|bovendien|tevens|ook|hierbij|daarbij|daarvoor|hiervoor|nadien|eerst)\b",
    re.I,
)


# A clause about the action itself that says with whom it runs ("Het project loopt samen met
# het CLB Kempen, …", "Deze actie gebeurt in overleg met …"): its names follow the "met".
_BACK_WITH = re.compile(rf"(?=(?:{_NO_GROUP.pattern})).*?(?:{_SENTENCE_WITH.pattern})", re.I)


def _names_in_one(text: str) -> list[str]:
    clauses = [c for c in re.split(r"(?<=[.;!?])\s+", text) if c]
    named = [_GENERIC_SAID.sub("", c) for c in clauses]
    if named != clauses:
        text, clauses = " ".join(named), named
    if not any(_said(c) or _OWN_SUBJECT.match(c) or _BACK_WITH.match(c) for c in clauses):
        return [text]
    found: list[str] = []
    for clause in clauses:
        withs = list(_SENTENCE_WITH.finditer(clause))
        for with_ in withs:
            # Of a clause about the action itself, the groups it works with too ("… samen met
            # het CLB Kempen en de jeugddiensten van Hoogstraten").
            found += _names_of(
                re.split(r"(?<=[.;!?])\s", clause[with_.end() :])[0],
                groups=bool(_BACK_WITH.match(clause)),
            )
        if not withs and (own := _OWN_SUBJECT.match(clause)):
            # The names after its verb: the zorgraad's own ("ELZ DL") is none of them.
            found += _names_of(", ".join(_capitalised_runs(" " + clause[own.start("verb") :])))
        elif not withs and (said := _said(clause)):
            subject = _SENTENCE_START.sub("", said)
            if not _NO_SUBJECT.match(subject):
                found += _names_of(subject, groups=not re.match(r"(?:dit|deze)\b", said, re.I))
        elif not withs:
            found.append(clause)  # a list of its own ("Familiehulp en Landelijke Thuiszorg;")
    return found


# A relative clause after a comma says more of the name before it ("OCMW Zottegem, die elk
# een maatschappelijk werker inzetten"): no group of its own.
_RELATIVE = re.compile(r"^(?:die|dat|welke|waarbij|waar|wat)\s", re.I)


# Words a sentence opens with before its subject's name ("Ook het …", "Alle partners").
_SENTENCE_START = re.compile(
    r"^(?:(?:ook|nog|daarnaast|verder|tevens|alle|elke|iedere|onze|deze|dit)\s+)*", re.I
)


# A clause that opens with a preposition or a pronoun ("Via de partners … dienen alle
# actoren …", "We werken …") has no name before its verb.
_NO_SUBJECT = re.compile(
    r"^(?:via|voor|in|op|met|door|bij|naar|om|als|na|tijdens|vanuit|binnen|we|wij|er|zij|"
    r"ze|een)\b",
    re.I,
)


# A sentence about what the zorgraad or "we" do ("De zorgraad faciliteert … bij
# Huisartsenkring Hasselt en het Jessa Ziekenhuis.", "ELZ DL zit het overleg voor."): the
# names are those after its verb. "ELZ Noorderkempen en ELZ Kempenland" (a zone's name, then
# "en") is a list of names, no subject.
_OWN_SUBJECT = re.compile(
    r"^(?:de\s+)?(?:(?:zorgraad|elz|eerstelijnszone)(?:\s+(?-i:[A-ZÀ-Ý])[\w’'&/-]*)*|we|wij)"
    r"\s+(?!(?:en|of|vzw|met|van|uit|i\.s\.m)\b)(?-i:(?P<verb>[a-zà-ÿ]))",
    re.I,
)
_CAPITAL_WORD = re.compile(r"(?<=\s)[A-ZÀ-Ý][\w’'&/-]*")


def _capitalised_runs(clause: str) -> list[str]:
    """The names in a sentence after its first word: each run of words with a capital and
    the small words between them ("Huisartsenkring Hasselt en het Jessa Ziekenhuis")."""
    runs, end = [], 0
    for word in _CAPITAL_WORD.finditer(clause):
        if word.start() < end:
            continue
        names = _without_trailing_words(_compound_names_after(clause[word.start() :]))
        if names:
            runs.append(names)
            end = word.start() + len(names)
    return runs


_COMPOUND = re.compile(r"(?<=\w)- en (?=[a-zà-ÿ])")


def _compound_names_after(text: str) -> str:
    """`_names_after`, with a word shared by two ("Expertisecentrum Val- en
    fractuurpreventie Vlaanderen") kept in the name."""
    return _names_after(_COMPOUND.sub("-&&", text)).replace("-&&", "- en ")


def _names_of(text: str, groups: bool = False) -> list[str]:
    """The names a part of a sentence lists, less the words in lower case after them; a
    name keeps its article as in a list ("De Kade"). With `groups`, a group in lower case
    too ("Huisartsen, apothekers en vrijwilligers zijn betrokken.")."""
    found = []
    for piece in [i for part in _ITEM_SEP.split(text) for i in _split_and(part.strip())]:
        words = piece.split()
        rest = _ARTICLE.sub("", piece)
        if words and is_known_name(words[0].strip(".")):
            found.append(words[0].strip("."))  # "i-mens", written so
        elif rest[:1].isupper() and (names := _compound_names_after(_without_article(piece))):
            found.append(_without_trailing_words(names))
        elif groups and rest[:1].islower() and not _NO_GROUP.match(piece):
            found.append(piece.strip(_ITEM_EDGE))
        elif names := _compound_names_after(rest):
            found.append(_without_trailing_words(names))
    return found


_TRAILING_WORDS = re.compile(r"(?:\s+(?:de|het)\s+[a-zà-ÿ][\w-]*|\s+(?:en|van|voor|de|het))+$")


def _without_trailing_words(names: str) -> str:
    """Names less the words in lower case they run into ("Samana de partners", "Christelijke
    Mutualiteit voor de bezoeken")."""
    return _TRAILING_WORDS.sub("", names)


_BRACKETS = re.compile(r"\(([^()]*)\)")
# Examples in brackets name partners too: "thuisverpleging (o.a. Wit-Gele Kruis, i-mens)".
# Before an item too: "o.a. Samana", "m.n. OCMW Diest".
# Who works along, said in brackets after a name: "Samana (i.s.m. OKRA)".
_WITH_WORDS = (
    r"(?:i\.\s?s\.\s?m\.?|ism|in samenwerking met|samen met|met steun van|ondersteund door)"
)
_WITH_INSIDE = re.compile(rf"^\s*{_WITH_WORDS}\s+", re.I)
_WITH_IN_BRACKETS = re.compile(rf"\s*\(\s*{_WITH_WORDS}\s+(?P<names>[^()]+)\)", re.I)
_EXAMPLES = re.compile(
    r"^\s*(?:o\.\s?a\.?|bv\.?|bijv\.?|zoals|onder andere|w\.o\.?|m\.n\.?|met name|"
    r"waaronder|inclusief|incl\.|in het bijzonder|meer bepaald|vooral)(?:\s+|$)",
    re.I,
)


def _without_brackets(value: str, existing: list[dict] = ()) -> tuple[str, list[str]]:
    """A value less what it says in brackets, which is no item of its own ("lokale besturen
    (Aalst, Lede)" is one group, not three items), and the partners it names there: its
    examples ("(o.a. Wit-Gele Kruis, i-mens)") and a list of organisations ("Ziekenfondsen
    (CM, Solidaris, Helan)"), which were lost otherwise."""
    value = _without_persons(value, existing)
    examples = []
    for inner in _BRACKETS.findall(value):
        if _EXAMPLES.match(inner):
            examples.append(_EXAMPLES.sub("", inner))
        elif _WITH_INSIDE.match(inner):
            examples.append(_WITH_INSIDE.sub("", inner))  # "Samana (i.s.m. OKRA)": both
        elif _names_organisations(inner, existing):
            examples.append(inner)
    return " ".join(_BRACKETS.sub(" ", value).split()), examples


# An item of a person and the body they are of: "Jan Claes (Samana)".
_PERSON_WITH_BODY = re.compile(
    # `who` begins and ends with a letter, not a space: spaces on either side went to
    # `space` and before the bracket, and a run of spaces is never split among three
    # repeats (that took cubic time on a long run of them).
    r"(?:^|(?<=[,;&/])|(?<=\sen\s))(?P<space>\s*)"
    r"(?P<who>[^\s,;&/()](?:[^,;&/()]*?[^\s,;&/()])?)\s*"
    r"\((?P<body>[^(),;]+)\)"
)
# Where such an item can stand: a run of a name's characters from its start (never from
# within, possessive), then the body in brackets. Every " en " starts an item, and each start
# read on to the run's end: a run of many " en " without a body after it was quadratic.
_RUN_WITH_BODY = re.compile(r"(?<![^,;&/()])[^,;&/()]*+\([^(),;]+\)")


def _persons_with_bodies(value: str, replace) -> str:
    """`_PERSON_WITH_BODY.sub(replace, value)`, each start tried only in a run that has a
    body after it (any start in a run ends where its run ends, so one run without a body
    has no match at all)."""
    out, done = [], 0
    for run in _RUN_WITH_BODY.finditer(value):
        match = _PERSON_WITH_BODY.search(value, run.start(), run.end())
        if match:
            out += [value[done : match.start()], replace(match)]
            done = match.end()
    return "".join(out) + value[done:] if out else value


# A person in brackets after a body: "CAW Oost-Vlaanderen (Els Peeters)", "(Els Peeters,
# stafmedewerker)", "(voorzitter: Els Peeters)".
_BRACKETS_OF_PERSON = re.compile(r"\s*\(([^()]+)\)")


def _without_persons(value: str, existing: list[dict]) -> str:
    """A lead or partner field less its persons: "Jan Claes (Samana)" is Samana, "OCMW Gent
    (Jan Claes)" is OCMW Gent. A person's name is no organisation (personal data)."""
    return _persons_apart(value, existing)[0]


def _persons_in(value: str, existing: list[dict]) -> list[str]:
    """The persons `_without_persons` takes out of a value, by name."""
    return _persons_apart(value, existing)[1]


def _persons_apart(value: str, existing: list[dict]) -> tuple[str, list[str]]:
    """A value less its persons, and those persons by name."""
    found: list[str] = []

    def body(match: re.Match) -> str:
        kept = _body_of_person(match, existing)
        if kept != match.group(0):
            found.extend(p for p in _persons_of(match["who"]) if is_person(p, existing))
        return kept

    def names_person(match: re.Match) -> str:
        persons = [
            p.strip() for p in re.split(r"[,;:]", match[1]) if is_person(p.strip(), existing)
        ]
        found.extend(persons)
        return "" if persons else match.group(0)

    value = _persons_with_bodies(value, body)
    value = _BRACKETS_OF_PERSON.sub(names_person, value)
    # "Els Peeters; OCMW Brugge": a person among the items is no item.
    items = [item.strip() for item in re.split(r"[;,]", value)]
    persons = [item for item in items if item and is_person(item, existing)]
    if persons and len(persons) < len([item for item in items if item]):
        found.extend(persons)
        for person in persons:
            value = re.sub(rf"\s*{re.escape(person)}\s*[;,]?\s*", " ", value, count=1)
        value = value.strip(" ;,")
    return value, found


def _body_of_person(match: re.Match, existing: list[dict]) -> str:
    """ "Jan Claes (Samana)" is Samana, as is "Els Claes en Jan Peeters (Samana)"; in
    "CAW Dender en Jan Claes (Samana)" the person before the brackets is Samana's, the
    name before it a partner of its own. A person's name is no partner (personal data)."""
    parts = _persons_of(match["who"])
    if not is_person(parts[-1], existing) or not is_organisation(match["body"], existing):
        return match.group(0)
    others = [p for p in parts if not is_person(p, existing)]
    return f"{match['space']}{' en '.join([*others, match['body'].strip()])}"


def _persons_of(who: str) -> list[str]:
    """The persons before one body's brackets: "Els Claes en Jan Peeters"."""
    return [p.strip() for p in re.split(r"\s+(?:en|&)\s+", who.strip()) if p.strip()]


def _names_organisations(text: str, existing: list[dict] = ()) -> bool:
    """Whether brackets hold a list of organisations: two or more, none a place (a single
    one is mostly the name before it shortened: "Geïntegreerd Breed Onthaal (GBO)"), apart
    by commas or " en " ("(Familiehulp en Thuishulp)")."""
    items = [
        name.strip(" .")
        for item in _ITEM_SEP.split(text)
        for name in _split_and(item.strip(" ."), existing)
        if name.strip(" .")
    ]
    return len(items) >= 2 and all(
        is_organisation(item, existing) and not _is_municipality(item) for item in items
    )


# " via ": "de huisartsen via Huisartsenkring Demer" names a group and the body for it.
_ITEM_SEP = re.compile(
    r"\s*(?:,|;|\s\+\s|\s/\s|\sen/of\s|\svia\s|\betc\b\.?|\be\.\s?a\.?(?!\w)|\benz\b\.?|…|\.\.\.)\s*"
)
_SLASH = re.compile(r"(?<=\w)/(?=\w)")
_AND = re.compile(r"(?<!-)\s+en\s+")
# " & " parts as " en " does, inside one name too ("Kind & Gezin", "Kemp & Duin").
_AND_JOINT = re.compile(r"(?<!-)\s+(en|&)\s+")
_ARTICLE = re.compile(r"^(?:de|het)\s+", re.I)
_LOWER_ARTICLE = re.compile(r"^(?:de|het)\s+")
# A word that is a name on its own after " en ": an acronym ("CAW", "WZC's") or a word of
# organisations ("Alzheimerliga", "Huisartsenkring").
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:['’]s)?")


def _split_and(part: str, existing: list[dict] = ()) -> list[str]:
    """A partner item split at " en ", except inside one name.

    "X en Y" is one name when the register knows it as one ("Kind en Gezin", "CM Waas en
    Dender" where they are organisations of the graph), or when Y is a single capitalised
    word after a capitalised name that is no name on its own: no acronym, no word of
    organisations, not in the register ("Kind en Gezin", "CGG Waas en Dender", "Vlaams
    Agentschap Zorg en Gezondheid"). So "CAW Limburg en Alzheimerliga Vlaanderen",
    "zorgraad en OCMW Genk" and "huisartsen en apothekers" are two."""
    slashed = _SLASH.split(part)
    if len(slashed) > 1 and all(
        (p[:1].isupper() or is_known_name(p))
        and is_organisation(p, existing)
        and not _is_municipality(p)
        for p in slashed
    ):
        # "Samana/OKRA", "CAW Limburg/OCMW Genk": two names; "OCMW Aalst/Lede" stays one.
        return [name for p in slashed for name in _split_and(p, existing)]
    parts = _AND_JOINT.split(part)
    out = [parts[0]]
    joints, pieces = parts[1::2], parts[2::2]
    for k, (joint, piece) in enumerate(zip(joints, pieces, strict=True)):
        base = _provincial_base(out[-1], piece, existing) or _local_base(out[-1], piece)
        after = f"{piece} en {pieces[k + 1]}" if k + 1 < len(pieces) else None
        if base:
            out.append(f"{base} {piece.strip()}")  # "Wit-Gele Kruis Limburg", "OCMW Vosselaar"
        elif after and (_known_name(after, existing) or is_known_name(after)):
            out.append(piece)  # "Huis van het Kind & Kind en Gezin": the next is one name
        elif _one_name(out[-1], piece, existing):
            out[-1] = f"{out[-1]} {joint} {piece}"
        else:
            out.append(piece)
    return out


_PROVINCES = frozenset(
    ["antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen", "vlaams-brabant"]
)


def _local_base(left: str, right: str) -> str | None:
    """The kind before a municipality that " en " gives a second municipality: "het OCMW
    Beerse en Vosselaar" is an OCMW in each, read as "OCMW Beerse" is (see `_LOCAL_KIND`);
    "Gemeente Zulte en Deinze", "de gemeente Destelbergen en Oosterzele" name the councils
    of both, each a body with its seat. "de jeugddiensten van Hoogstraten en Merksplas" (a
    kind in lower case, a group) stays."""
    right = right.strip()
    words = _ARTICLE.sub("", left.strip()).split()
    if len(words) < 2 or len(right.split()) > 3 or not _is_municipality(right):
        return None
    for cut in range(1, min(len(words), 4)):
        kind, place = words[:cut], " ".join(words[cut:])
        if _is_municipality(place):
            kind = " ".join(kind)
            # A local government's kind in any case ("de gemeente X"), as seats reads it.
            if _LOCAL_KIND.fullmatch(kind) or local_seat(f"{kind} {place}"):
                return kind
            return None
    return None


# The kinds of a municipality's own bodies, one in each ("CM Antwerpen en Brussel" is one
# regional body).
_LOCAL_KIND = re.compile(
    r"OCMW|Gemeente(?:bestuur)?|Stad(?:sbestuur)?|Sociaal Huis|Lokaal [Bb]estuur|"
    r"Huis van het Kind|Bibliotheek|Sportdienst|Jeugddienst|Welzijnsdienst"
)


def _provincial_base(left: str, right: str, existing: list[dict]) -> str | None:
    """The name before a province that " en " gives a second province: "Wit-Gele Kruis
    Oost-Vlaanderen en Limburg" is Wit-Gele Kruis, for two bodies. Such organisations are
    one per province (each its own vzw, board and region), so the plan names two; a name
    the register knows whole stays one."""
    words = left.split()
    if len(words) < 2 or words[-1].lower() not in _PROVINCES:
        return None
    if right.strip().lower() not in _PROVINCES or right.strip().lower() == words[-1].lower():
        return None
    if _known_name(f"{left} en {right}", existing):
        return None
    base = " ".join(words[:-1])
    return base if base[:1].isupper() and is_organisation(base, existing) else None


# Words of a sector that open a name joined by "en" and are no name alone ("Zorg en Welzijn
# Vlaanderen", "Wonen en Zorg Kempen", "Welzijn en Zorg Geel").
_SECTOR_WORDS = frozenset(
    {
        "zorg",
        "welzijn",
        "wonen",
        "gezondheid",
        "kind",
        "gezin",
        "werk",
        "onderwijs",
        "jeugd",
        "opvoeding",
        "samenleving",
        "sport",
        "cultuur",
        "armoede",
        "thuiszorg",
        "preventie",
        "hulpverlening",
    }
)


def _one_name(left: str, right: str, existing: list[dict]) -> bool:
    if _known_name(f"{left} en {right}", existing) or is_known_name(f"{left} en {right}"):
        return True  # "Kind en Gezin"; in lower case ("kind en gezin") one group
    if left.strip().casefold() in _SECTOR_WORDS and left.strip()[:1].isupper():
        return right.strip()[:1].isupper()  # "Zorg en Welzijn Vlaanderen": one name
    words, before = right.split(), left.split()
    if len(words) != 1 or not before or not before[-1][:1].isupper():
        return False
    word = words[0]
    if not word[:1].isupper() or _ACRONYM_WORD.fullmatch(word) or ORG_WORDS.search(word):
        return False
    if is_known_name(word) or is_known_name(left):
        return False  # "OKRA en Vief", "Integra en Familiehulp": each a name of its own
    if _is_municipality(left) and _is_municipality(word):
        return False  # "Rumst en Schelle": two municipalities
    if len(before) == 1 and _ACRONYM_WORD.fullmatch(before[0]):
        return False  # "VAPH en Opgroeien": an acronym is a name of its own
    if len(before) >= 2 and _is_municipality(word) and not _region_word(before[-1]):
        # "het lokaal dienstencentrum De Schakel en Kruibeke": a body, then a municipality
        # (its council); a region goes on ("Apothekersvereniging Halle-Vilvoorde en Leuven").
        return False
    if len(before) >= 2 and is_place(before[-1]) and not is_place(word):
        # "Samana Limburg en Ziekenzorg": a name ends with its region, so what follows is
        # a second body; a second region continues the name ("CGG Waas en Dender").
        return False
    return not (existing and match_organisation(word, existing).id)


def _region_word(word: str) -> bool:
    """A place, or places joined by hyphens ("Halle-Vilvoorde")."""
    return is_place(word) or all(is_place(part) for part in word.split("-"))


def _known_name(text: str, existing: list[dict]) -> bool:
    """Whether an organisation of the register holds these words in its name."""
    return Register.of(existing).holds_words(normalise(text))


# What a lead field says when nobody leads yet: "nog te bepalen", "N.v.t.", "tbd", "?" …
_PLACEHOLDER = re.compile(
    r"^(?:nog\s+)?(?:(?:nader\s+)?te\s+bepalen|niet\s+(?:gekend|bekend|bepaald)|"
    r"onbekend|n\.?\s?v\.?\s?t|n\.?\s?t\.?\s?b|tbd|tbc|n/?a|geen|niemand|x|\?+|[-–—/]+)"
    r"\.?$",
    re.I,
)
# A lead said in a sentence that opens with the label: "De trekker is CAW Limburg."
_LEAD_IS = re.compile(r"^(?:de\s+)?(?:hoofd)?trekker\s+(?:is|wordt)\s+", re.I)
# "X i.s.m. Y en Z": X leads, Y and Z take part.
_WITH = re.compile(
    r"\s*,?\s*(?:\bi\.\s?s\.\s?m\.?|\bism\b|\bin samenwerking met\b|\bsamen met\b|"
    r"\bmet (?:de )?(?:steun|medewerking|hulp|ondersteuning|begeleiding) van\b|"
    r"\b(?:ondersteund|bijgestaan) door\b)\s*",
    re.I,
)
# A role in the zorgraad before its name: "Stafmedewerker ELZ Zuid-Limburg", "Coördinator
# van de zorgraad", "Dagelijks bestuur zorgraad"; in another body too ("preventiewerker Logo
# Kempen", "projectleider CAW Oost-Vlaanderen").
_ROLE_OF = re.compile(
    r"^(?:de\s+)?(?:\w*medewerkers?|\w*co[öo]rdinator(?:en)?|voorzitter|directeur|"
    r"\w*werkers?|\w*leiders?|consulent(?:en)?|diensthoofd|verantwoordelijke|"
    r"secretariaat|staf(?:team)?|team|dagelijks\s+bestuur|bestuur)\s+"
    r"(?:van\s+(?:de\s+|het\s+)?)?",
    re.I,
)
# The zorgraad's staff, named by role alone ("Stafmedewerker", "ELZ-coördinator",
# "zorgraadcoördinator").
_STAFF = re.compile(
    r"^(?:de\s+)?(?:(?:elz|zorgraad|eerstelijnszone)[-\s]?)?(?:staf|project|beleids|netwerk)?"
    r"(?:medewerker|co[öo]rdinator)(?:s|en)?$",
    re.I,
)
_OWN_WORDS = re.compile(r"\b(?:zorgraad|ELZ|eerstelijnszone)\b", re.I)


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def _is_named_organisation(name: str, existing: list[dict]) -> bool:
    """An organisation by the register's checks, with a name that fits the register.

    A local government with its municipality ("Gemeente Lanaken", "Stad Genk", "OCMW Bree")
    is one body wherever the plan names it, though "gemeente" alone is a group ("de
    gemeenten"). "Gemeente Lanaken en Zutendaal" names two councils in one item, which
    `_split_and` puts apart ("Gemeente Lanaken", "Gemeente Zutendaal")."""
    if len(name) > limits.NAME or is_person(name, existing):
        return False
    return local_seat(name) is not None or is_organisation(name, existing)


# A working group the zorgraad sets up on a theme, which the plan writes in lower case
# ("Werkgroep dementie", "Stuurgroep preventie"): one body when it leads.
_GROUP_ON_A_THEME = re.compile(
    r"^(?:werk|stuur|project|kern)groep\s+(?!van\b|voor\b|en\b|of\b)[\w’'-]+(?:\s+[\w’'-]+){0,2}$",
    re.I,
)


def _names_a_body(name: str) -> bool:
    """A lead that names one body by a kind and a proper name: "Werkgroep Buurtgerichte
    Zorg", "Gemeente Drogenbos", or a working group by its theme ("Werkgroep dementie") (as a
    partner, "werkgroep" or "gemeente" is a group; the one who leads is one body)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or len(name) > limits.NAME or is_person(name):
        return False
    if _GROUP_ON_A_THEME.match(name):
        return True
    rest = [w for w in words[1:] if w.lower() not in ("van", "voor", "de", "het", "der", "en")]
    return bool(rest) and all(w[:1].isupper() for w in rest)


@dataclass
class _Lead:
    own: str | None = None  # how the plan names the zorgraad itself as lead
    names: list[str] = field(default_factory=list)  # organisations that lead
    partners: list[str] = field(default_factory=list)  # named after "i.s.m.": they take part
    text: str | None = None  # as written, when it names no organisation ("nog te bepalen")


def _is_self(text: str, zone: str, zone_names: list[str]) -> bool:
    key = normalise(text)
    if not key:
        return False
    if _SELF_WORDS.match(text) and len(key.split()) <= 2 and "zorgraad" in key:
        return True
    names = {normalise(n) for n in zone_names} | {normalise(zone.replace("-", " "))}
    # "Zorgraad ELZ Dender", "zorgraad van de eerstelijnszone Dender": the zone's by its name.
    key = _ZORGRAAD_OF.sub("", key)
    for name in names:
        initials = "".join(word[0] for word in name.split())
        for prefix in ("elz ", "eerstelijnszone ", "zorgraad "):
            if key in (prefix + name, prefix + initials, name):
                return True
    return key in ("zorgraad", "elz", "eerstelijnszone")


def _after_group_label(value: str, zone: str, zone_names: list[str], existing: list[dict]) -> str:
    """A lead field less a group's word before a colon ("thuiszorgdiensten: Familiehulp,
    i-mens" is Familiehulp and i-mens); "OCMW Gent: Els Peeters" names OCMW Gent."""
    head, colon, tail = value.partition(":")
    head = head.strip()
    if not colon or not tail.strip() or len(head.split()) > 3:
        return value
    if _is_self(head, zone, zone_names) or _is_named_organisation(head, existing):
        return value
    items = _items([tail], existing)
    return tail.strip() if any(_is_named_organisation(i, existing) for i in items) else value


def _lead(values: list[str], zone: str, zone_names: list[str], existing: list[dict] = ()) -> _Lead:
    """The lead of an action from its lead field: the first value that says something.

    Several organisations ("zorgraad en OCMW Genk", "A, B") lead together; "X i.s.m. Y"
    makes Y a partner; a role of the zorgraad ("Stafmedewerker zorgraad") is the zorgraad;
    a placeholder ("nog te bepalen") or a group ("huisartsen") is no organisation: the
    action has no lead yet, and the text says so in the preview."""
    alone = None  # a person named without an organisation: no lead, unless a later value is
    for value in values:
        value = _without_location(_lead_of_clauses(value), existing)
        value = _without_persons(value, existing) or value
        value = _LEAD_IS.sub("", value.strip())  # "De trekker is CAW Limburg."
        person = _PERSON.match(value.strip())
        named = _NAMED_PERSON.match(value.strip())
        if not person and named and is_person(named["who"], existing):
            person = named
        elif not person and is_person(value.split("|")[0].strip(" ."), existing):
            alone = alone or value.strip()
            continue
        if person:
            # The organisation the person works for leads; a person alone is no lead.
            value = person["org"] or person["after"] or ""
            if not value:
                alone = alone or person.group(0)
                continue
        value = _after_group_label(value, zone, zone_names, existing)
        # "Samana (i.s.m. OKRA)": who works along, in brackets, as after "i.s.m." alone.
        value = _WITH_IN_BRACKETS.sub(lambda m: f" i.s.m. {m['names']}", value)
        main, *others = _WITH.split(value.split("|")[0], maxsplit=1)
        main = _lead_without_article(_LEAD_CUT.sub("", main).strip(" ."))
        if not main or main in ("/", "-"):
            continue
        found = _Lead()
        if is_placeholder(main):
            found.text = main
            return found
        for whole in _items([main], existing):
            # "Het Anker" keeps its article as in a list; the words after it say the rest.
            part, name = _ARTICLE.sub("", whole), _lead_without_article(whole)
            # "huisartsenkring X" is a name; "i-mens" is written so.
            name = name if re.match(r"[a-z]-\w", name) else name[:1].upper() + name[1:]
            # A role in a body leads as that body: "Stafmedewerker ELZ Zuid-Limburg" is the
            # zorgraad, "Medewerker OCMW Hasselt" is OCMW Hasselt.
            body = _ROLE_OF.sub("", part)
            if _is_self(part, zone, zone_names):
                found.own = found.own or part
            elif _is_self(body, zone, zone_names):
                found.own = found.own or body  # "stafmedewerker ELZ WaaS": ELZ WaaS
            elif _STAFF.match(part):
                # "Stafmedewerker", "Els Peeters (netwerkcoördinator)": the zone's own staff.
                found.own = found.own or part
            elif body != part and _is_named_organisation(body, existing):
                found.names.append(body)
            elif _is_municipality(name):
                found.names.append(_council(name, existing))
            elif _is_named_organisation(name, existing):
                found.names.append(name)
            elif _OWN_WORDS.search(part) and len(part.split()) <= 4:
                found.own = found.own or part  # "Stafmedewerker zorgraad", "coördinator ELZ"
            elif _names_a_body(name):
                found.names.append(name)
        for item in _items(others, existing):
            item = _ARTICLE.sub("", item)
            if not _is_self(item, zone, zone_names) and _is_named_organisation(item, existing):
                found.partners.append(item)
        if found.own is None and not found.names:
            found.text = main
        return found
    return _Lead(text=alone)


# A part of a body named after it ("regio Kempen", "afdeling Welzijn", "Team Onthaal").
_PART_FIRST = re.compile(rf"^{_PART_WORD.pattern}\s+\S", re.I)


def _without_location(value: str, existing) -> str:
    """A lead less the place after its name ("Lokaal dienstencentrum Het Kompas, Bredene"):
    a single municipality as the last of two comma-items, after a named body, is where that
    body is, not a second lead; so is a part of it ("Familiehulp, regio Kempen")."""
    name, comma, place = value.rpartition(",")
    name, place = name.strip(), place.strip(" .")
    if comma and "," not in name and _PART_FIRST.match(place) and is_organisation(name, existing):
        return name  # "Familiehulp, regio Kempen", "CAW De Kempen, Team Onthaal": its part
    if not comma or "," in name or len(name.split()) < 2 or not _is_municipality(place):
        return value
    if _is_municipality(name) or not _is_named_organisation(name, existing):
        return value
    return name


def _lead_of_clauses(value: str) -> str:
    """A lead field written as a sentence of clauses ("De zorgraad coördineert, Netwerk GGZ
    Kempen trekt deze actie."; "De zorgraad neemt de coördinatie op; X is trekker."): who
    leads in the clause that says so, as running text reads it; the zorgraad's role in
    another clause is no lead; "…, samen met X" after the clause that says who leads names
    who leads along; "Dit is een actie van X" is X's. Any other value as it is."""
    clauses = [c.strip(" .") for c in re.split(r"[;,]", value)]
    for at, clause in enumerate(clauses):
        owner = _ACTION_OF.match(clause)
        if owner:
            return owner["name"]  # "Dit is een actie van OCMW Herne; de zorgraad ondersteunt."
        match = _PROSE_LEAD.match(clause)
        name = _subject(match) if match else None
        if name:
            # "De zorgraad neemt de trekkersrol op, samen met Logo X": they lead together.
            along = [_SHARED_LEAD.match(c) for c in clauses[at + 1 :]]
            leads = ", ".join([name] + [m["names"] for m in along if m])
            # "…, ondersteund door X": X takes part, as after "i.s.m." (see `_WITH`).
            helping = _SUPPORTED_BY.search(value)
            return f"{leads} i.s.m. {helping['names'].strip()}" if helping else leads
    # "CAW X coördineert, Samana ondersteunt.": the subjects, the verb no part of a name;
    # who supports does not lead.
    said = [_CLAUSE_VERB.match(c) for c in clauses]
    if not any(said):
        return value
    leading = [m["name"] for m in said if m and not _SUPPORTS.match(m["verb"])]
    return ", ".join(leading) if leading else value


# Whose action it is: "Dit is een actie van OCMW Herne", "Deze actie is een project van X".
_ACTION_OF = re.compile(
    r"^(?:dit|deze\s+actie|het)\s+is\s+een\s+(?:actie|initiatief|project)\s+van\s+"
    r"(?P<name>(?:de\s+|het\s+)?[A-Z\w].{1,80})$",
    re.I,
)
# A clause after the one that says who leads, naming who leads along: "samen met Logo X".
_SHARED_LEAD = re.compile(r"^(?:samen\s+met|en)\s+(?P<names>.+)$", re.I)
_SUPPORTED_BY = re.compile(r",\s*(?:ondersteund|bijgestaan)\s+door\s+(?P<names>[^;.]+)", re.I)
# A lead's clause with its verb: "CAW De Kempen coördineert", "De zorgraad organiseert dit".
_CLAUSE_VERB = re.compile(
    r"^(?P<name>[^\s].*?)\s+(?P<verb>coördineert|coordineert|organiseert|faciliteert|"
    r"begeleidt|leidt|ondersteunt|helpt|werkt|volgt)\b.*$"
)
_SUPPORTS = re.compile(r"ondersteunt|helpt|werkt")


def _clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, with "…" where it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


# "ELZ Maasland", "Eerstelijnszone Kemp en Duin", "Zorgraad Meetjesland", "Zorgraad ELZ
# Dender", and the same in capitals in a title ("ELZ MEETJESLAND – JAARPLAN 2026").
_ZONE_WORD = (
    r"(?:(?:[Zz]orgraad|ZORGRAAD)(?:\s+(?:van\s+de\s+)?(?:ELZ|[Ee]erstelijnszone|"
    r"EERSTELIJNSZONE))?|ELZ|[Ee]erstelijnszone|EERSTELIJNSZONE)"
)
_ZONE_NAME = re.compile(
    rf"\b(?P<word>{_ZONE_WORD})(?:\s*\(ELZ\))?\s+[‘“\"']?"  # "ELZ ‘Rivierenland’" too
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?i:en|&|aan\s+de|van\s+de|van|aan)\s+"  # "Land van Rode"
    r"[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)*)"
)
# Words of the document after the zone's name in a title ("ELZ Meetjesland Jaarplan 2026"):
# no part of the name.
_NOT_OF_NAME = re.compile(
    r"^(?:\w*plan\w*|jaarverslag|verslag|rapport|nota|versie|ontwerp|bijlage|zorgraad|"
    r"elz|eerstelijnszone|strategisch\w*|operationele?|doelstelling\w*|actie\w*|inleiding|"
    r"met|algemene|dagelijks|bestuur|vergadering|partners?|trekker|staf\w*|i\.?s\.?m\.?|vzw)$",
    re.I,
)


def _zone_name_of(match: re.Match) -> str | None:
    """The name in a match of `_ZONE_NAME` as a name is written: less the document's words
    after it, and in capitals only where the plan writes it so ("MEETJESLAND" in an
    all-caps title is "Meetjesland"; a short word such as "HVRT" stays an acronym)."""
    words = match.group("name").rstrip(_NAME_END).split()
    while words and _NOT_OF_NAME.match(words[-1].rstrip(_NAME_END)):
        words.pop()
    cut = next((i for i, w in enumerate(words) if _NOT_OF_NAME.match(w)), len(words))
    words = words[:cut]
    while words and words[-1].lower() in ("en", "de", "aan", "van"):
        words.pop()
    if not words:
        return None
    capitals = all(not w.isalpha() or w.isupper() for w in words if w.lower() not in ("en", "de"))
    if capitals and not _acronym_in_text(words, match.string):
        words = [_title_word(w) for w in words]
    return " ".join(words)


def _acronym_in_text(words: list[str], line: str) -> bool:
    """Whether a name in capitals is the plan's own spelling, an acronym ("ELZ ZORA lanceert
    haar beleidsplan", "Zuid Oost Rand Antwerpen (ELZ ZORA)"): one word in a line otherwise
    written in lower case, not a title in capitals ("ELZ MEETJESLAND – JAARPLAN 2026")."""
    rest = re.sub(r"\b[A-ZÀ-Ý0-9&’'-]{2,}\b", " ", line)
    return len(words) == 1 and sum(c.islower() for c in rest) >= 10


def _title_word(word: str) -> str:
    if word.lower() in ("en", "aan", "de", "van"):
        return word.lower()
    if word.isalpha() and (len(word) <= 3 or not re.search(r"[AEIOUY]", word)):
        return word  # "HVRT", "ZOL": an acronym
    return "-".join(part.capitalize() for part in word.split("-"))


# A sentence that says what the zone calls itself: "ZoDi is de zorgraad van de
# eerstelijnszone.", "Zorgzaam Leie is de eerstelijnszone van …"; not a pronoun ("Dit is de
# zorgraad …").
_CALLS_ITSELF = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+is\s+(?:de|onze)\s+"
    r"(?:zorgraad|eerstelijnszone)\b"
)
_NO_NAME = re.compile(
    r"^(?:dit|dat|deze|die|het|de|er|hier|wie|wat|ook|dan|zo|onze?|uw|een|elke|iedere|"
    r"zij|hij|wij|welke)$",
    re.I,
)


def _names_itself(lines: list[str]) -> list[str]:
    """The names a plan gives itself in a sentence that says so ("ZoDi is de zorgraad …"),
    where it never writes "ELZ ZoDi": the zorgraad, wherever it leads or partners."""
    names = []
    for line in lines:
        for match in _CALLS_ITSELF.finditer(" ".join(line.split())):
            name = match["name"]
            if not _NO_NAME.match(name.split()[0]) and name not in names:
                names.append(name)
    return names


def _zone_names(lines: list[str], zone: str) -> tuple[str | None, list[str]]:
    """The zone's name as the plan gives it ("ELZ Maasland"), and every name it uses for
    itself (to tell the zorgraad as lead from other organisations)."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in _ZONE_NAME.finditer(" ".join(line.split())):
            name = _zone_name_of(match)
            if name:
                counts[name] = counts.get(name, 0) + 1
    itself = _names_itself(lines)
    if not counts:
        return (f"ELZ {itself[0]}", itself) if itself else (None, [])
    by_id = [name for name in counts if slug(name) == zone]
    chosen = by_id[0] if by_id else max(counts, key=lambda n: _count(n, counts))
    full = _spelled_out(chosen, counts)
    names = [name for name, count in counts.items() if count >= 3 or name in (chosen, full)]
    return f"ELZ {full}", _unique(names + itself)


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word).upper()


def _short_for(short: str, name: str) -> bool:
    """Whether a zone's short name stands for its name: the initials ("NL": Noord-Limburg)
    or letters of it in order, the first first ("DL": Dijleland)."""
    if not (short.isupper() and 2 <= len(short) <= 5) or name.isupper():
        return False
    return _initials(name) == short or _spells(short, name)


def _spelled_out(name: str, counts: dict[str, int]) -> str:
    """The name in full where the plan mostly writes it short: "ELZ NL" 32 times and "ELZ
    Noord-Limburg" 6 times is ELZ Noord-Limburg."""
    full = [n for n in counts if n != name and _short_for(name, n)]
    return max(full, key=lambda n: counts[n]) if full else name


def _count(name: str, counts: dict[str, int]) -> int:
    """How often the plan names its zone so: in full or by its short name."""
    return counts[name] + sum(c for short, c in counts.items() if _short_for(short, name))


def _named_zones(lines: list[str], territory_text: list[str]) -> list[str]:
    """The zones the plan says it is of: "ELZ X" or "Eerstelijnszone X" in its first lines
    (its title page), else in the sentences that state its territory (which may also name
    the zone a municipality moves to)."""
    head = [" ".join(line.split()) for line in lines if line.strip()][:15]
    for texts in (head, territory_text):
        named = [
            f"ELZ {name}"
            for text in texts
            for match in _ZONE_NAME.finditer(" ".join(text.split()))
            if (name := _zone_name_of(match))
        ]
        named = _unique([n for n in named if len(n) <= limits.NAME])
        if named:
            return named
    return []


_NAME_END = "’'-”\""


# A title calls the document a plan in its first words: "Meerjarenplan 2026-2031",
# "Jaaractieplan 2026 – ELZ X", "Beleidsplan eerstelijnszone X".
_TITLE = re.compile(r"^\W*(?:(?:[\w’'-]+|[–—])\s+){0,4}?\w*plan\b", re.I)


# A sentence about the plan, no title: "Dit actieplan wordt ten laatste bezorgd …".
_PLAN_IN_A_SENTENCE = re.compile(
    r"^\W*(?:dit|dat|deze|het|ons|uw|een)\s+\w*plan\w*\s+(?:\S+\s+){0,3}?"
    r"(?:wordt|werd|is|zijn|geeft|bevat|heeft|kadert|moet|kan|zal|omvat|beschrijft)\b",
    re.I,
)


_PAGE_AFTER = re.compile(r"(?:\s{2,}|\t)\d{1,3}\s*$")


def _title(lines: list[str], zone_name: str | None) -> str | None:
    """The plan's own title: one of its first lines that calls it a plan; a page's number
    far after it ("… Meerjarenplan 2026-2031      1", a running header) is no part of it."""
    texts = [" ".join(_PAGE_AFTER.sub("", raw).split()) for raw in lines if raw.strip()]
    for line in texts[:15]:
        if line[:1].isupper() and _TITLE.match(line) and len(line) <= 90:
            if _PLAN_IN_A_SENTENCE.search(line):
                continue  # "Dit actieplan wordt … bezorgd": the template's instructions
            name = zone_name.split(" ", 1)[-1] if zone_name else ""
            # "ELZ ZORA lanceert …" names the zone by its short name.
            short = any(_short_for(word.strip(_NAME_END), name) for word in line.split())
            if zone_name and name.lower() not in line.lower() and not short:
                return f"{line} – {zone_name}"
            return line
    return None


# Goals as a numbered list and their actions as a lettered list under each: "1. Iedere
# inwoner heeft een huisarts" / "a) Onthaaldag (trekker: X; partners: Y)".
_LISTED_GOAL = re.compile(r"^\s*(?P<num>\d{1,2})[.)]\s+(?P<title>[A-ZÀ-Ý].*)$")
_LETTERED_ITEM = re.compile(r"^\s*(?:[-•▪*]\s*)?\(?(?P<letter>[a-z])[.)]\s+(?P<title>\S.*)$")


# The numbered parts of a plan around its goals: "3. Bijlagen", "1. Inleiding".
_NO_GOAL = re.compile(
    r"(?:bijlagen?|inleiding|voorwoord|inhoud(?:stafel|sopgave)?|bronnen|begroting|"
    r"contact(?:gegevens)?|colofon|afkortingen|woordenlijst)\b",
    re.I,
)


def _goals_as_list(lines: list[str]) -> list[str] | None:
    """A plan that names no goal or action by any heading, but lists its goals as numbered
    items each with lettered items under it, in the headings the parser reads: "Strategische
    doelstelling 1: X", "Actie 1.1: Y". None where the text is no such list (two goals with
    an action each at least, the letters in order under each)."""
    out, goal, letter, goals = [], None, "", 0
    heads = [k for k, line in enumerate(lines) if _LISTED_GOAL.match(line)]
    if len(heads) < 2:
        return None
    # Only a numbered item with a lettered list under it is a goal ("1. Inleiding" is none).
    with_items = {
        k
        for k, end in zip(heads, [*heads[1:], len(lines)], strict=True)
        if any(_LETTERED_ITEM.match(line) for line in lines[k + 1 : end])
    }
    first, sub = None, ""  # the indent of the goal's first action; an action's own letter
    for k, line in enumerate(lines):
        numbered, lettered = _LISTED_GOAL.match(line), _LETTERED_ITEM.match(line)
        if numbered and (k not in with_items or _NO_GOAL.match(numbered["title"])):
            goal = None  # "3. Bijlagen" / "a) Begroting 2026": an appendix, no goal
        elif numbered and not lettered:
            goal, letter, first, sub = numbered["num"], "", None, ""
            out.append(f"Strategische doelstelling {goal}: {numbered['title'].strip()}")
            continue
        if lettered and goal is not None:
            indent = len(line) - len(line.lstrip())
            first = indent if first is None else first
            expected = ord(letter) + 1 if letter else ord("a")
            own = lettered["letter"] == "a" or (
                sub and ord(lettered["letter"]) == ord(sub) + 1 != expected
            )
            if letter and (indent > first or own):
                # "- a. in de wijk Sint-Jozef" deeper under an action, or a list restarting
                # at "a" there (and its "b)" before the action's next letter): that
                # action's own list, its text.
                sub = lettered["letter"]
                out.append(f"{' ' * indent}{lettered['title'].strip()}")
                continue
            sub = ""
            if ord(lettered["letter"]) != expected:
                return None  # "b)" without "a)": no list of actions
            letter = lettered["letter"]
            goals += letter == "a"
            number = ord(letter) - ord("a") + 1
            out.append(f"Actie {goal}.{number}: {lettered['title'].strip()}")
            continue
        out.append(line)
    if goals < 2:
        return None
    # The same lines, one for one: a warning still names the document's line.
    return Lines(out, lines.numbers) if isinstance(lines, Lines) else out


def parse_lines(
    lines: list[str], zone: str, document: str, existing: list[dict] | None = None
) -> PlanPreview:
    """The preview of a plan given as lines; `existing` organisations are `[{id, name}]`."""
    existing = Register.of(existing)
    parser = _Parser()
    parser.feed(lines)
    parser.finish()
    if not (parser.sds or parser.ods or parser.actions):
        listed = _goals_as_list(lines)
        if listed:
            parser = _Parser()
            parser.feed(listed)
            parser.finish()
    zone_name, zone_names = _zone_names(lines, zone)
    preview = PlanPreview(
        zone=zone, document=document, zone_name=zone_name, title=_title(lines, zone_name)
    )
    text = sentences(parser.lines, parser.sections)
    found = territory.read(text, zone_names)
    preview.municipalities, preview.municipalities_mentioned = (
        found.municipalities,
        found.mentioned,
    )
    preview.municipality_matches = [MunicipalityMatch(**vars(m)) for m in found.mentions]
    preview.warnings.extend(getattr(lines, "notes", []))  # which sheets of a workbook
    preview.warnings.extend(found.warnings)
    territory_text = [m.evidence for m in preview.municipality_matches if m.territory]
    preview.named_zones = _named_zones(lines, territory_text)
    if zone_name and len(zone_name) > limits.NAME:
        preview.warnings.append(
            f"de naam van de zone ingekort tot {limits.NAME} tekens "
            f"(in het plan {limits.number(len(zone_name))})"
        )
        preview.zone_name = _clip(zone_name, limits.NAME)
    preview.warnings.extend(unread_headings(parser.lines))
    preview.targets = targets_in(text)
    for goal in parser.sds.values():
        preview.strategic_goals.append(
            GoalOut(
                number=goal.number,
                title=_goal_title(goal, preview.warnings),
                printed=goal.printed,
                source=goal.source,
                indicators=_indicators(goal.indicators, goal.source, preview.warnings),
            )
        )
    for goal in parser.ods.values():
        preview.operational_goals.append(
            GoalOut(
                number=goal.number,
                title=_goal_title(goal, preview.warnings),
                parent=goal.parent,
                printed=goal.printed,
                source=goal.source,
                indicators=_indicators(goal.indicators, goal.source, preview.warnings),
            )
        )
    short_forms = _abbreviations(lines, existing)
    _groups_with_short_forms(parser.actions, short_forms)
    preview.actions = _actions(parser.actions, zone, zone_names, existing, preview.warnings)
    _councils_of_the_plan(preview.actions)
    _short_forms_written_out(preview.actions, short_forms)
    _organisations(preview, lines, text, existing, zone, zone_names)
    if not preview.strategic_goals and not preview.operational_goals and not preview.actions:
        preview.warnings.append(NOTHING_RECOGNISED)
    return preview


NOTHING_RECOGNISED = (
    "geen doelstellingen of acties herkend; verwacht koppen als 'Strategische doelstelling "
    "1' of 'SD 1', 'Operationele doelstelling 1.1' of 'OD 1.1', 'Actie 1.1.1', of een lijst "
    "onder 'Acties'"
)


# A goal's heading word again after the number Word's list numbering put before it: "1.
# Strategische doelstelling 1: X", "1.1 Operationele doelstelling: X" are titled X.
_LEVEL_IN_TITLE = re.compile(
    r"^(?:(?:strategisch|operatione+l)e?\s+(?:doelstelling|doel)|SD|OD)"
    r"(?:\s*\d{1,2}(?:\.\d{1,2})?\.?)?(?::|\s[-–—]|\.(?=\s))\s*(?=\S)",
    re.I,
)


def _goal_title(goal: _Goal, warnings: list[str]) -> str:
    title = _first_sentence(_LEVEL_IN_TITLE.sub("", goal.title), 250)
    if len(title) > limits.TITLE:
        warnings.append(
            f"{goal.source or goal.number}: titel ingekort tot {limits.number(limits.TITLE)} "
            f"tekens (in het plan {limits.number(len(title))})"
        )
    return _clip(title, limits.TITLE)


def _indicators(values: list[str], where: str, warnings: list[str]) -> list[str]:
    out = []
    for value in values:
        if len(value) > limits.TEXT:
            warnings.append(
                f"{where}: indicator ingekort tot {limits.number(limits.TEXT)} tekens "
                f"(in het plan {limits.number(len(value))})"
            )
        out.append(_clip(value, limits.TEXT))
    return out


def _actions(
    parsed: list[_Action],
    zone: str,
    zone_names: list[str],
    existing: list[dict],
    warnings: list[str],
) -> list[ActionOut]:
    """The actions of the preview, each under the code it is stored under (`id_code`).

    A plan that numbers its actions again under each goal ("Actie 1", "Actie 2" under OD 1.1
    and again under OD 1.2) has its bare codes stored under their goal: "1.2.1" for "Actie
    1" under OD 1.2, so that two actions never share one. A plan that numbers them through
    ("Actie 1" … "Actie 13") keeps its codes."""
    goals_of: dict[str, set] = {}
    for action in parsed:
        if action.code and "." not in action.code:
            goals_of.setdefault(action.code, set()).add(action.goal)
    per_goal = any(len(goals) > 1 for goals in goals_of.values())
    generated: dict[str | None, int] = {}
    by_code: dict[str, ActionOut] = {}
    pending_refs: list[tuple[ActionOut, str]] = []
    out: list[ActionOut] = []
    for action in parsed:
        _fields_of_title(action)
        title = _first_sentence(action.title or _what(action))
        if not title:
            warnings.append(f"{action.source}: een actie zonder titel is weggelaten")
            continue
        if action.code and per_goal and "." not in action.code and action.goal:
            id_code = f"{action.goal}.{action.code}"
        elif action.code:
            id_code = action.code
        else:
            index = generated.get(action.goal, 0)
            generated[action.goal] = index + 1
            id_code = f"{action.goal}-{_letters(index)}" if action.goal else _letters(index)
        if id_code in by_code:  # "Actie 1.2.1" beside "Actie 1" under OD 1.2: both kept
            taken, n = id_code, 2
            while f"{taken}-{n}" in by_code:
                n += 1
            id_code = f"{taken}-{n}"
            warnings.append(
                f"{action.source}: de code {taken} is al van een andere actie; "
                f"deze actie krijgt {id_code}"
            )
        item = _action_out(action, id_code, title, zone, zone_names, existing, warnings)
        for value in action.fields.get("partners", []):
            see = _SEE_ACTION.match(value.strip())
            if see:
                pending_refs.append((item, see.group("num")))
        by_code[id_code] = item
        out.append(item)
    for item, code in pending_refs:
        scoped = f"{item.operational_goal}.{code}" if per_goal and "." not in code else code
        source = by_code.get(scoped) or by_code.get(code)
        if source is not None:
            item.partners = _unique(item.partners + source.partners)
            item.partner_groups = _unique(item.partner_groups + source.partner_groups)
    return out


def _fields_of_title(action: _Action) -> None:
    """Fields after the sentence of a title that ran over lines ("We actualiseren de kaart.
    Trekker is de" / "zorgraad, partners zijn …" in a text broken at the page's width): the
    title is its sentence, and its fields go before those on lines of their own."""
    if not action.title:
        return
    pieces = fields_after_sentences(action.title)
    if len(pieces) < 2:
        return
    action.title = pieces[0].strip()
    for piece in reversed(pieces[1:]):
        name, rest = _field_of(piece.strip())
        if name and rest:
            action.fields.setdefault(name, []).insert(0, rest)


def _action_out(
    action: _Action,
    id_code: str,
    title: str,
    zone: str,
    zone_names: list[str],
    existing: list[dict],
    warnings: list[str],
) -> ActionOut:
    where = id_code if action.source == f"Actie {id_code}" else f"{id_code} ({action.source})"

    def fit(text: str, limit: int, what: str) -> str:
        if len(text) > limit:
            warnings.append(
                f"actie {where}: {what} ingekort tot {limits.number(limit)} tekens "
                f"(in het plan {limits.number(len(text))})"
            )
        return _clip(text, limit)

    form = _is_form(action)
    boxed = action.fields.get("lead") or action.fields.get("lead_role", [])
    if not form and (_boxed(boxed) or _boxed(action.fields.get("partners", []))):
        warnings.append(
            f"actie {where}: vakjes zonder één vinkje bij trekker of partners gelezen als "
            "opsommingstekens: alle namen overgenomen; kijk na of dat klopt"
        )
    named, early = _timing_apart(_ticked(boxed, form))
    marked = [] if named else _marked_lead(action)
    # "Co-trekkers: A en B" lead together where no one else leads; beside a lead they are
    # its partners.
    co_leads = action.fields.get("co_lead", [])
    leading = named or marked or action.fields.get("coordinator", [])
    lead = _lead(leading or co_leads, zone, zone_names, existing)
    if (
        lead.own is None
        and not lead.names
        and any(_LEADING_ROLE.search(r) for r in action.fields.get("role", []))
    ):
        lead = _Lead(own="zorgraad")
    partners, groups = list(lead.partners), []
    ticked = _ticked((co_leads if leading else []) + action.fields.get("partners", []), form)
    # Persons among the partners: those the items lost already ("Jan Claes (Samana)" is
    # Samana), then those named alone.
    persons = [p for value in ticked for p in _persons_in(value, existing)]
    named_partners, later = _timing_apart(ticked)
    named_partners = [v for v in named_partners if not _TOPICS_LABEL.match(v)]
    named_partners = [
        v
        for at, v in enumerate(named_partners)
        if not _heading_over_items(v, named_partners[at + 1 : at + 2], existing)
    ]
    named_partners = _names_in_sentence(named_partners)
    # "Logo Limburg met steun van de Vlaamse overheid": two who take part.
    items = [p for i in _items(named_partners, existing) for p in _WITH.split(i) if p.strip()]
    for item in items:
        item = _WITH_BEFORE.sub("", item)  # "Samen met het RIZIV"
        if _SEE_ACTION.match(item) or _SEE_ABOVE.match(item) or is_placeholder(item):
            continue
        if _NOBODY.match(item.strip()) or _is_self(item, zone, zone_names):
            continue
        if item in marked:
            continue  # "Familiehulp (trekker)": it leads
        name = _without_part(_without_article(item), existing)
        body = _body_of_group(item, zone, zone_names, existing)
        each = _kind_in_each(item, existing)
        if each:
            # one in each: "de OCMW's van Eeklo en Maldegem", "de gemeenten Mechelen en Bonheiden"
            partners.extend(each)
        elif _LOWER_PLURAL.match(item) or _plural_of_places(item):
            groups.append(item)  # "de jeugddiensten van Hoogstraten": of several bodies
        elif body:
            # "de huisartsen van de HAK Oostende": the body takes part, beside the group.
            partners.append(body)
            groups.append(item)
        elif _is_municipality(name):
            partners.append(_council(name, existing))
        elif local_seat(name):
            partners.append(name[:1].upper() + name[1:])  # "de gemeente Melle": its council
        elif _is_named_organisation(name, existing):
            partners.append(name)
        elif is_person(name, existing):
            persons.append(name)  # personal data: no group either, which no erasure reaches
        elif (
            len(item.split()) <= 10
            and len(item) <= limits.NAME
            and not _CLAUSE.search(item)
            and not _RELATIVE.match(item)
        ):
            groups.append(item)  # longer is a sentence about partners, not a group
    if action.fields.get("lead"):
        # Under "if the zorgraad is not the lead": organisations named there take part.
        role = action.fields.get("lead_role", [])
        places = _places_of_groups(" ".join(role))
        for item in _items(_names_in_sentence(role), existing):
            # "…, samen met het RIZIV": the words that say it takes part are not its name.
            item = _ARTICLE.sub("", _WITH_BEFORE.sub("", item))
            if _is_self(item, zone, zone_names):
                continue
            if _is_municipality(item):
                if item not in places:
                    partners.append(_council(item, existing))
            elif _is_named_organisation(item, existing) and _names_a_body_in_a_role(item, existing):
                partners.append(item)
    if persons:
        # Said by name (the preview is shown, never stored): a name taken for a person's
        # that is an organisation's ("Karel de Grote") must not vanish without a trace.
        names = _unique(persons)
        said = "lijkt een persoon en wordt" if len(names) == 1 else "lijken personen en worden"
        warnings.append(
            f"actie {where}: {', '.join(f'«{p}»' for p in names)} {said} niet overgenomen: "
            "een persoon hoort als contactpersoon in Organisaties; is het een organisatie, "
            "voeg die daar toe"
        )
    leads = _unique(([lead.own] if lead.own else []) + lead.names)
    # A timing before the lead or partners is the action's where the plan gives no other
    # (an action printed twice gives its timing once: see `_Action.again`).
    timing = " ".join(action.fields.get("timing", []) or _unique(early + later)) or None
    steps = {int(i) for i in action.fields.get("steps", [])}
    timing = timing or _timing_of_how(action.fields.get("how", []), steps)
    # The full stop of a sentence the timing ends ("Timing: eerste jaarhelft 2026.").
    timing = re.sub(r"(?<=\w\w)\.$", "", timing) if timing else None
    return ActionOut(
        operational_goal=action.goal,
        code=action.code,
        id_code=id_code,
        title=fit(title, limits.TITLE, "titel"),
        lead=leads[0] if leads else None,
        lead_self=lead.own is not None,
        co_leads=leads[1:],
        lead_text=_clip(lead.text, limits.NAME) if lead.text else None,
        partners=_unique(partners),
        partner_groups=_unique(groups),
        target_groups=[
            t
            for t in _unique(_items(action.fields.get("targets", []), targets=True))
            if len(t) <= limits.NAME
        ],
        timing=fit(timing, limits.TEXT, "timing") if timing else None,
        source=action.source,
        indicators=_unique(
            [fit(_first_sentence(i, 300), limits.TEXT, "indicator") for i in action.indicators]
        ),
    )


# A partner marked as the one who leads: "Familiehulp (trekker), CAW Limburg".
_MARKED_LEAD = re.compile(
    r"(?:^|[,;•])\s*(?P<name>[^\s,;()](?:[^,;()]*?[^\s,;()])?)\s*"  # see _PERSON_WITH_BODY
    r"\((?:hoofd)?(?:trekker|lead)\)",
    re.I,
)


# A timing written before the lead or partners in their cell: "Q1: Samana", "Q3 2026 -
# CAW Limburg", "najaar 2026: Familiehulp". Month abbreviations only where no given name
# reads the same ("Jan De Smet - OCMW Genk" names a person, not January).
_TIMING_WORD = (
    r"(?:[QKTSH][1-4]|kwartaal\s*[1-4]|[1-4]e\s+(?:kwartaal|semester|trimester)|"
    r"(?:voor|na)jaar|zomer|winter|lente|herfst|januari|februari|feb|maart|mrt|april|apr|"
    r"mei|juni|jun|juli|jul|augustus|aug|september|sept?|oktober|okt|november|nov|"
    r"december|dec|(?:19|20)\d{2}|doorlopend|continu|jaarlijks)\b\.?"
)
# What ends a timing before the text it dates: a colon, or a dash apart from the words
# ("Q1 2026 – locaties"); a hyphen inside a word is none ("Mei-actie", "2026-editie").
_TIMING_SEP = r"(?:\s*:|\s+[–—/-]|[–—]\s)\s*(?=\w)"
_TIMING_BEFORE = re.compile(
    rf"^\s*(?P<timing>{_TIMING_WORD}(?:(?:\s*[-–/&,]\s*|\s+en\s+|\s+t\.?e\.?m\.?\s+|\s+)"
    rf"{_TIMING_WORD})*){_TIMING_SEP}",
    re.I,
)


# After them too: "Samana - Q1 2026", "Samana, vanaf Q2", "OKRA; timing Q3", "CAW tegen juni",
# with words of time chained before each date ("tegen eind 2026", "jaarlijks in mei") and
# two dates joined ("vanaf september 2026 tot juni 2027").
_TIME_PREFIX = r"(?:vanaf|tegen|tot|voor|in|eind|einde|begin|medio|start|uiterlijk)"
_TIMING_SPAN = rf"(?:{_TIME_PREFIX}\s+)*{_TIMING_WORD}"
_TIMING_RUN = rf"{_TIMING_SPAN}(?:(?:\s*[-–/&]\s*|\s+en\s+|\s+t\.?e\.?m\.?\s+|\s+){_TIMING_SPAN})*"
_TIMING_AFTER = re.compile(
    # One repeat for each run of spaces ("\s*(?:timing)?\s*:?\s*" was cubic on a long run).
    rf"(?:\s*[-–—,;/]\s*(?:(?:timing|periode|planning)\s*)?(?::\s*)?|\s+)"
    rf"(?P<timing>{_TIMING_RUN})"
    rf"\s*\.?$",
    re.I,
)
_TIMING_ONLY = re.compile(_TIMING_RUN, re.I)
# A period as the answer to the template's "Hoe?" ("Heel 2025", "Tweede kwartaal 2025").
# "In het najaar van 2026", "Tweede semester schooljaar 2024-2025" too.
_PART_OF_TIME = (
    r"(?:in\s+)?(?:(?:heel|gans|het\s+(?:hele|volledige)|(?:het\s+)?(?:eerste|tweede|derde|"
    r"vierde|laatste)(?:\s+(?:kwartaal|jaarhelft|semester|helft|trimester))?|"
    r"(?:school|werk|academie)jaar|het(?=\s+(?:voor|na)jaar\b))\s+){0,2}"
)
# How often within the period: "Vanaf februari 2025 elke woensdag".
_HOW_OFTEN = r"(?:\s+(?:elke|iedere)\s+\w+|\s+(?:twee|drie)?(?:wekelijks|maandelijks))?"
_PERIOD = re.compile(
    rf"{_PART_OF_TIME}{_TIMING_SPAN}"
    rf"(?:(?:\s*[-–/&,]\s*|\s+en\s+(?:daarna\s+|nadien\s+)?|\s+t\.?e\.?m\.?\s+|\s+van\s+|\s+)"
    rf"{_PART_OF_TIME}{_TIMING_SPAN})*"
    rf"{_HOW_OFTEN}",
    re.I,
)
# "Q1 2026 – Q4 2026, één intervisie per kwartaal": the whole span before the comma.
_PERIOD_BEFORE = re.compile(rf"^(?P<timing>{_PERIOD.pattern})(?:\s*,\s*(?=\w)|{_TIMING_SEP})", re.I)


def _timing_of_how(values: list[str], steps: set[int] = frozenset()) -> str | None:
    """The timing of an action whose plan asks no "Wanneer?" (the 2025 template asks for
    milestones under "Hoe?"): the answer when it is only a period ("Oktober 2025", "Heel
    2025"), or its milestones when each starts with one ("Q1 2025: locaties vastleggen" /
    "Q2-Q4 2025: netwerkavonden"). A list of steps gives the dates its steps end with
    ("• Sessie 1 in april 2025", "• Stap 2: opleiding in maart"; `steps`: the values that
    are a bulleted list's items), the steps without one
    being steps alone; a text that is no list, with a timing here and there, has none."""
    timings = []
    for at, value in enumerate(values):
        bullet = at in steps or bool(_BULLET.match(value))
        value = _BULLET.sub(r"\g<rest>", value).strip() if _BULLET.match(value) else value.strip()
        before = _PERIOD_BEFORE.match(value) or _TIMING_BEFORE.match(value)
        after = _TIMING_AFTER.search(value) if bullet else None
        if _PERIOD.fullmatch(value.strip(" .")):
            timings.append(value.strip(" ."))
        elif before:
            timings.append(before["timing"].strip())
        elif after and after["timing"].strip().lower() not in _ALONE_NO_TIMING:
            timings.append(after["timing"].strip(" ."))
        elif not bullet:
            return None
    return "; ".join(_unique(timings)) or None


# A word of time that dates no step at its end on its own ("• Stap 3: lancering voor").
_ALONE_NO_TIMING = frozenset({"voor", "na", "in", "tot", "tegen", "begin", "eind", "start"})


_TIME_WORD_FIRST = re.compile(rf"{_TIME_PREFIX}\s", re.I)
# What a timing taken off leaves of its words alone: "Samana, tegen" is Samana.
_TIME_WORDS_ONLY = re.compile(rf"(?:{_TIME_PREFIX}|jaarlijks|doorlopend|continu)", re.I)


# Check boxes of a form ("☒ De zorgraad", "☐ Een partner, namelijk:", "[x] Samana"): an
# item not ticked is not chosen, a ticked one is, less its box.
_UNTICKED = re.compile(r"^\s*(?:[☐□❑❏⬜]|\[\s\])|(?:[☐□❑❏⬜]|\[\s\])\s*:?\s*$")
_BOX = re.compile(r"\s*(?:[☐□❑❏⬜☒☑✓✔✅⊠]|\[[\sxX]\])\s*")


_BEFORE_BOX = re.compile(r"\s+(?=[☐□❑❏⬜☒☑⊠]|\[[\sxX]\]\s)")


_TICK = re.compile(r"[☒☑✓✔✅⊠]|\[[xX]\]")


def _is_form(action: _Action) -> bool:
    """Whether an action's boxes are a form's: one at least is ticked. Where none is, the
    boxes are square bullets ("❑ Samana"), and no one was chosen out of them."""
    return any(_TICK.search(v) for values in action.fields.values() for v in values)


def _boxed(values: list[str]) -> bool:
    return any(_BOX.search(v) for v in values)


def _ticked(values: list[str], form: bool = True) -> list[str]:
    """A field's values less those a form leaves unticked, and less the boxes."""
    # Several boxes on one line ("☒ De zorgraad ☐ Een partner"): each its own item.
    items = [
        p for v in values for p in (_BEFORE_BOX.split(v) if _BOX.match(v) else [v]) if p.strip()
    ]
    kept = [_BOX.sub(" ", v).strip() for v in items if not (form and _UNTICKED.search(v))]
    return [v for v in kept if v]


def _timing_apart(values: list[str]) -> tuple[list[str], list[str]]:
    """A field's values less a timing written before or after them, and those timings."""
    rest, timings = [], []
    for value in values:
        found = _TIMING_BEFORE.match(value)
        if found:
            timings.append(found["timing"].strip())
            value = value[found.end() :]
        if _TIMING_ONLY.fullmatch(value.strip(" .")):
            timings.append(value.strip(" ."))  # "Q1 2026" in the lead's cell: no one leads
            continue
        # "WZC Lente - Q1 2026, najaar": each timing at the end comes off in turn.
        took = 0
        while took < TIMINGS and (after := _timing_at_end(value)) is not None:
            timings.append(after["timing"].strip())
            value, took = value[: after.start()], took + 1
        if took:
            # "Samana, tegen": a word of time a timing left behind is no one's name. (From
            # where a run of separators starts: from within one, each start read the run.)
            value = re.sub(
                rf"(?<![\s,;/–—-])[\s,;/–—-]+{_TIME_WORDS_ONLY.pattern}$", "", value, flags=re.I
            )
            if _TIME_WORDS_ONLY.fullmatch(value.strip(" .,;-–—")):
                continue
        rest.append(value)
    return rest, timings


TIMING_TAIL = 200
TIMINGS = 20  # timings at a value's end taken off in turn, at most


def _timing_at_end(value: str) -> re.Match | None:
    """The timing a value ends with, tried from each place it could start from the left:
    in "WZC Lente - Q1 2026" the first try ("Lente - Q1 2026") is the name's own word."""
    # From within a value's last TIMING_TAIL characters: a timing is a few words, and each
    # start read on to the value's end (quadratic in a long value, and a value of many
    # timings gives one up at a time).
    for start in range(max(1, len(value) - TIMING_TAIL), len(value)):
        if not (value[start].isspace() or value[start] in "-–—,;/"):
            continue
        after = _TIMING_AFTER.match(value, start)
        # After a dash, a comma or a word of time only: "Zorgpunt Mei" keeps its name.
        if after and _timed(value, after):
            return after
    return None


def _timed(value: str, after: re.Match) -> bool:
    """Whether a timing at a value's end stands apart from it: after a dash, a comma or a
    word of time ("vanaf Q2"), not as the last word of a name ("Zorgpunt Mei")."""
    between = value[after.start() : after.start("timing")]
    return bool(re.search(r"[-–—,;/:]", between) or _TIME_WORD_FIRST.match(after["timing"]))


def _marked_lead(action: _Action) -> list[str]:
    """The lead of an action without a lead field, where its partners mark one."""
    return [
        _AND.split(m["name"])[-1]  # "CAW en Samana (trekker)": Samana
        for value in action.fields.get("partners", [])
        for m in _marked_leads(value)
    ]


# Where a partner marked as the lead can stand (see _RUN_WITH_BODY): after "•" the item
# starts anew within its run.
_RUN_WITH_MARK = re.compile(r"(?<![^,;()])[^,;()]*+\((?:hoofd)?(?:trekker|lead)\)", re.I)


def _marked_leads(value: str) -> list[re.Match]:
    """`_MARKED_LEAD.finditer(value)`, each start tried only in a run with the mark after it
    (the comma or semicolon before a run starts its match)."""
    found = []
    for run in _RUN_WITH_MARK.finditer(value):
        match = _MARKED_LEAD.search(value, max(run.start() - 1, 0), run.end())
        if match:
            found.append(match)
    return found


def _what(action: _Action) -> str:
    return " ".join(action.fields.get("what", []))


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = normalise(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


# Words that open an item naming who takes part: "samen met het RIZIV" (those of running text).
# "Samenwerking met de lokale besturen, …": the words before the first item are no part of it.
_WITH_BEFORE = re.compile(
    r"^(?:samenwerking\s+met\s+|" + _PROSE_WITH.pattern.removeprefix(r"\b") + ")", re.I
)
# A field's label before a name in a table's text ("Trekker OCMW Brugge").
_LABEL_BEFORE_NAME = re.compile(
    r"^(?:Trekkers?|Partners?|Eigenaar|Lead|Verantwoordelijke|Co[öo]rdinator|Uitvoerders?|"
    r"Betrokken partners|Samenwerkingspartners|Partnerorganisaties)\s+(?=\S)"
)
# A line of a list of abbreviations: "CAW Centrum Algemeen Welzijnswerk", "LDC Lokaal
# Dienstencentrum".
_GLOSSARY_ENTRY = re.compile(
    r"^(?P<short>[A-Z][A-Za-z]{1,7}(?:['’]s)?)\s+(?P<long>[A-ZÀ-Ý][^.:;]{2,120})$"
)
_GLOSSARY_RUN = 3  # lines in a row that make a list of abbreviations


def _spells(short: str, long: str) -> bool:
    """Whether the letters of an abbreviation stand in order in the words it is short for,
    the first first ("LDC": "Lokaal Dienstencentrum")."""
    letters, words = short.lower().removesuffix("'s").removesuffix("’s"), long.lower()
    if not words.startswith(letters[:1]):
        return False
    at = 0
    for letter in letters:
        at = words.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True


def _glossary(lines: list[str]) -> set[str]:
    """The lines of a plan's list of abbreviations (normalised): three or more in a row,
    blank lines aside, each an abbreviation and the words it is short for, most spelling
    it out. They name no organisation of the plan: "PXL Provinciale Hogeschool Limburg"
    explains PXL."""
    runs: list[list[re.Match]] = [[]]
    for line in lines:
        text = line.strip()
        if not text:
            continue
        entry = _GLOSSARY_ENTRY.match(text)
        if entry and len(text.split()) <= 10:
            runs[-1].append(entry)
        elif runs[-1]:
            runs.append([])
    return {
        normalise(entry[0])
        for run in runs
        if len(run) >= _GLOSSARY_RUN
        and 2 * sum(_spells(e["short"], e["long"]) for e in run) > len(run)
        for entry in run
    }


# A cluster's label at the end of a name read across lines (see `_organisations`).
_CLUSTER_AT_END = re.compile(r"\s+(?:PZON|Zorg|Welzijn|Lokale\s+besturen)$", re.I)


def _organisations(
    preview: PlanPreview,
    lines: list[str],
    text: list[Sentence],
    existing: list[dict],
    zone: str,
    zone_names: list[str],
) -> None:
    """Every organisation the plan names: its leads and partners, names in running text and
    organisations of the register it mentions; each with the sentence that names it."""
    evidence: dict[str, str] = {}
    # The names the actions refer to are kept as written: each is linked by that name.
    referred = _unique(
        [n for a in preview.actions for n in _linked_names(a)]
        + [p for a in preview.actions for p in a.partners]
    )
    named = []
    # "Actie 1.1.1: Buurtnetwerk Mechelen-Zuid": a title that is all a name names the action.
    titles = {
        normalise(t)
        for t in [a.title for a in preview.actions]
        + [g.title for g in preview.strategic_goals + preview.operational_goals]
    }
    glossary = _glossary(lines)
    for name, sentence in names_with_evidence([(s.text, s.section) for s in text]):
        # "Trekker Huisartsenkring Mechelen": a label without its colon before the name.
        name = _LABEL_BEFORE_NAME.sub("", name)
        # "CAW Limburg en Alzheimerliga Vlaanderen" read as one name is two (see _split_and).
        parts = _split_and(name, existing)
        for part in parts:
            label = _CLUSTER_AT_END.search(part)
            if label and label.start() and re.search(rf"{re.escape(part)}\s*:", sentence):
                # "… Het Leeskot" / "PZON: Seniorenraad" as one sentence: a cluster's label
                # of the next line's names, no part of this name ("Huisartsenkring Kempen:"
                # over its circles is a name whole).
                part = part[: label.start()]
            if normalise(part) in titles:
                continue
            key = normalise(part)
            if " " in key and any(f" {key} " in f" {entry} " for entry in glossary):
                continue  # "CAW Centrum Algemeen Welzijnswerk" explains an abbreviation
            if is_person(part, existing):
                continue  # as the actions decide it (see `_action_out`): one name, one reading
            if len(parts) == 1 or is_organisation(part, existing):
                named.append(part)
                evidence.setdefault(normalise(part), sentence)
    # The register's "ELZ Leuven" in the plan's own name "ELZ Leuven Noord" is not named.
    own = [f" {normalise(_ZONE_PREFIX.sub('', n))} " for n in zone_names if n]
    named += [
        n
        for n in names_of_existing(lines, existing)
        if not any(_part_of_name(normalise(_ZONE_PREFIX.sub("", n)), name) for name in own)
    ]
    too_long = [n for n in named if len(n) > limits.NAME]
    for name in too_long:
        preview.warnings.append(
            f"een naam van {limits.number(len(name))} tekens is geen organisatie "
            f"(hoogstens {limits.NAME}): «{_short(name, 60)}»"
        )
    named = _unique([n for n in named if not _is_self(n, zone, zone_names) and n not in too_long])
    keys = [normalise(n) for n in referred + named]
    taken_keys = {normalise(n) for n in referred}
    # "Stichting Positieve" cut off by a line end beside the full "Stichting Positieve
    # Gezondheid"; "Ziekenhuis Sint-Jan" read inside "Psychiatrisch Ziekenhuis Sint-Jan";
    # "LDC De Kim (Genk)" in the text of the lead "LDC De Kim": a name read in the text goes
    # when it is part of another, or the same as one an action refers to.
    parts_of_names = _parts_of_names(keys)
    preview.organisations = referred + [
        n for n in named if not (variants(n) & taken_keys) and normalise(n) not in parts_of_names
    ]
    naming = _SentencesNaming(text)
    taken: dict[str, str] = {}
    registered = {org["id"]: org["name"] for org in existing}
    for name in preview.organisations:
        match = match_organisation(name, existing)
        org_id = match.id or _new_id(zone, name, taken)
        taken[org_id] = name
        # An organisation of the register is seated by its own name, not by the plan's.
        seat = local_seat(registered[match.id] if match.id else name)
        category = None if match.id else category_of(name) or (seat and seat.category)
        preview.organisation_matches.append(
            OrganisationMatch(
                name=name,
                match=match.label,
                id=org_id,
                score=match.score,
                evidence=evidence.get(normalise(name)) or naming.first(name),
                category=category,
                seat=seat.municipality.name if seat else None,
            )
        )


def _part_of_name(key: str, name: str) -> bool:
    return f" {key} " in name and f" {key} " != name


def _parts_of_names(keys: list[str]) -> set[str]:
    """The words each name (normalised) begins or ends with, short of the whole name: a name
    among them is part of another. One set for all names, where each name against every
    other was quadratic in a plan's names."""
    parts = set()
    for key in keys:
        words = key.split()
        for cut in range(1, len(words)):
            parts.add(" ".join(words[:cut]))
            parts.add(" ".join(words[cut:]))
    return parts


def _linked_names(action: ActionOut) -> list[str]:
    """The organisations that lead an action, by name (the zorgraad itself is not one)."""
    names = [action.lead] if action.lead and not action.lead_self else []
    return names + action.co_leads


class _SentencesNaming:
    """The sentences of a plan by the words they hold (normalised), read once: each name
    looked for in every sentence was quadratic in a plan's size."""

    def __init__(self, text: list[Sentence]) -> None:
        self.text = text
        self.padded: list[str] = []
        self.holding: dict[str, list[int]] | None = None  # read when first asked

    def _read(self) -> dict[str, list[int]]:
        if self.holding is None:
            self.padded = [f" {normalise(s.text)} " for s in self.text]
            self.holding = {}
            for at, padded in enumerate(self.padded):
                for word in set(padded.split()):
                    self.holding.setdefault(word, []).append(at)
        return self.holding

    def first(self, name: str) -> str:
        """The first sentence that names `name` as written, else in any case ("Gezond leven
        aan de kust" is a goal's title, "Partners: Gezond Leven" names the organisation)."""
        key = f" {normalise(name)} "
        words, holding = key.split(), self._read()
        # A sentence that names the key holds each of its words: those of its rarest word.
        places = (
            min((holding.get(w, []) for w in words), key=len) if words else range(len(self.text))
        )
        alike = [self.text[at].text for at in places if key in self.padded[at]]
        found = next((t for t in alike if name in t), alike[0] if alike else "")
        return found if len(found) <= 300 else found[:299] + "…"


def _new_id(zone: str, name: str, taken: dict[str, str]) -> str:
    base = f"{zone}-{slug(name)[:60]}".rstrip("-")
    org_id, n = base, 2
    while org_id in taken:
        org_id, n = f"{base}-{n}", n + 1
    return org_id


def read_plan(path: Path | str, zone: str, existing: list[dict] | None = None) -> PlanPreview:
    """Read a plan document (.txt, .md, .docx, .pdf, .csv, .xlsx) into a preview; nothing is
    written."""
    path = Path(path)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", zone or ""):
        raise ValidationError(f"zone {zone!r}: geef de id van de zone, bv. 'maasland'")
    return parse_lines(read_lines(path), zone, path.name, existing)


# The register as plans are matched against it, indexed, kept per store while the graph's
# revision stays the same: Flanders' 30,000 names are read and keyed once, not for every
# preview (the dashboard previews a plan again to apply it; staff preview several versions).
registers: PerRevision[Register] = PerRevision()


def register_of(store: Store, revision: str | None) -> Register:
    """The register at `revision` (read before the graph is): the one kept, or a fresh one,
    indexed before it is shared (threads of the dashboard match against it at once)."""
    kept = registers.get(store, revision)
    if kept is not None:
        return kept
    register = Register(names.organisations(store))
    register.index()
    return registers.keep(store, revision, register)


def zone_id_for(zone_name: str | None) -> str | None:
    """A zone id from the name a plan gives its zone: "ELZ Haspengouw" -> "haspengouw"."""
    if not zone_name:
        return None
    name = re.sub(r"^(?:ELZ|eerstelijnszone|zorgraad)\s+", "", zone_name, flags=re.I)
    return slug(name.replace("&", " en ")) or None  # "Kemp & Duin" -> "kemp-en-duin"


def preview_plan(
    store: Store, path: Path | str, zone: str | None, *, refuse_other_zone: bool = False
) -> PlanPreview:
    """The preview of a plan against the graph: its organisations matched to the register,
    and `new_zone` set when the zone does not exist yet (applying then creates it whole).
    Without a zone, the plan's own name for its zone gives the id ("ELZ X" -> "x").

    A plan that names another zone than `zone` (a zone in the graph) in its title or
    territory is refused with
    `refuse_other_zone` (the command line, unless --ignore-plan-zone), else said in a
    warning (the dashboard, where the zone was chosen from a list beside the preview). For
    a zone in the graph, `dropped` lists what the graph holds of its plan that this text no
    longer has (see `apply_plan` for what applying does with it)."""
    revision = store.revision()  # before the graph is read (see graphmap/ingest/twins.py)
    existing = register_of(store, revision)  # indexed once for both readings
    if zone is None:
        draft = read_plan(path, "nieuwe-zone", existing)
        zone = zone_id_for(draft.zone_name) or "nieuwe-zone"
    preview = read_plan(path, zone, existing)
    names = {row["id"]: row["name"] for row in store.read("zones")}
    # A zone the graph has must be the plan's; a new one is made from it, with its name,
    # whatever id the user chose for it.
    try:
        if zone in names:
            check_zone(preview, zone, names[zone])
        else:
            check_new_zone(preview, zone, names)
    except ValidationError as error:
        if refuse_other_zone:
            raise
        preview.warnings.insert(0, _OTHER_ZONE.sub("", str(error)))
    preview.new_zone = zone not in names
    preview._revision = revision
    _keep_seats(store, preview)
    if preview.new_zone and not preview.municipalities:
        preview.warnings.append(
            "geen gemeenten van de zone herkend: de nieuwe zone krijgt er geen; voeg ze toe "
            "met graphmap zone add of vink ze aan in de lijst van genoemde gemeenten"
        )
    if not preview.new_zone:
        preview._current = store.read("import_plan_current", zone=zone)
        _keep_codes(preview)
        _compare_with_graph(preview)
    return preview


_GENERATED = re.compile(r"^(?P<goal>.+)-[a-z]+$")


def _keep_seats(store: Store, preview: PlanPreview) -> None:
    """An organisation of the register that has a seat keeps it: no seat is proposed for it
    (applying checks again, see import_plan_seats)."""
    named = [m.id for m in preview.organisation_matches if m.seat and m.match != "new"]
    if not named:
        return
    states = store.read("organisation_state", organisations=named)
    seated = {s["id"] for s in states[0]["states"] if s["municipality"]} if states else set()
    for match in preview.organisation_matches:
        if match.match != "new" and match.id in seated:
            match.seat = None


def _keep_codes(preview: PlanPreview) -> None:
    """Actions without a code of their own keep the code the graph has them under, where
    the graph holds one of the same title under the same goal: an action added above them
    in a new version of the plan does not shift their letters (and their links and contact
    moments stay with them). The others take the letters left over, in document order."""
    graph: dict[tuple[str | None, str], list[str]] = {}
    for row in preview._current:
        match = _GENERATED.match(row["code"] or "") if row["action"] else None
        if match:
            graph.setdefault((row["number"], normalise(row["title"] or "")), []).append(row["code"])
    generated = [a for a in preview.actions if a.code is None and a.operational_goal]
    kept: dict[str, ActionOut] = {}
    for action in generated:
        codes = graph.get((action.operational_goal, normalise(action.title)), [])
        code = next((c for c in codes if c not in kept), None)
        if code is not None:
            action.id_code = code
            kept[code] = action
    taken = {a.id_code for a in preview.actions if a.code is not None} | set(kept)
    letters: dict[str, int] = {}
    for action in generated:
        if kept.get(action.id_code) is action:
            continue
        goal = action.operational_goal
        while True:
            index = letters.get(goal, 0)
            letters[goal] = index + 1
            code = f"{goal}-{_letters(index)}"
            if code not in taken:
                break
        action.id_code = code
        taken.add(code)


def check_zone(preview: PlanPreview, zone: str, zone_label: str | None = None) -> None:
    """Refuse a plan that says it is of another zone than `zone` (whose name in the graph is
    `zone_label`): its municipalities and organisations would land in the wrong zone."""
    if not preview.named_zones:
        return
    if any(_names_zone(name, zone, zone_label) for name in preview.named_zones):
        return
    named = " of ".join(f"«{name}»" for name in preview.named_zones)
    label = f" ({zone_label})" if zone_label else ""
    suggestion = zone_id_for(preview.named_zones[0])
    raise ValidationError(
        f"{preview.document}: het plan noemt zich {named}, niet zone {zone!r}{label}; "
        f"kies de zone van het plan (--zone {suggestion}), of geef --ignore-plan-zone om "
        f"het toch in {zone!r} te schrijven; niets geschreven"
    )


def check_new_zone(preview: PlanPreview, zone: str, names: dict[str, str]) -> None:
    """Refuse to make a new zone `zone` of a plan that names a zone the graph has (`names`:
    id to name): a typo in --zone would make a second "ELZ Kempenland" beside the first. A
    plan that names itself nowhere in its title or territory ("ELZ NL" all through plan 003)
    is of the zone it names most (`zone_name`), the name the new zone would be given."""
    said = preview.named_zones or ([preview.zone_name] if preview.zone_name else [])
    for known, label in names.items():
        if any(_names_zone(name, known, label) for name in said):
            raise ValidationError(
                f"{preview.document}: het plan noemt zich «{said[0]}», de zone "
                f"{known!r} ({label}) die al bestaat, geen nieuwe zone {zone!r}; kies de zone "
                f"van het plan (--zone {known}), of geef --ignore-plan-zone om er toch de "
                f"nieuwe zone {zone!r} van te maken; niets geschreven"
            )


# What only the command line can act on: as a warning, the rest of the message is what counts.
_OTHER_ZONE = re.compile(r"^[^:]*: |; kies de zone van het plan.*$")


def _names_zone(name: str, zone: str, zone_label: str | None) -> bool:
    def key_of(text: str) -> str:
        return normalise(_ZONE_PREFIX.sub("", text).replace("&", " en "))  # "Kemp & Duin"

    key = key_of(name)
    wanted = {normalise(zone.replace("-", " "))}
    if zone_label:
        wanted.add(key_of(zone_label))
    initials = {"".join(word[0] for word in w.split()) for w in wanted if w}
    return key in wanted or key in initials


_ZONE_PREFIX = re.compile(r"^(?:ELZ|eerstelijnszone|zorgraad)\s+", re.I)


_LINK_KINDS = {"LEADS": "lead", "PARTNER_IN": "partner"}


def _compare_with_graph(preview: PlanPreview) -> None:
    """Set `dropped` from the graph's rows (`_current`), and say so in a warning."""
    old = _dropped_warning(preview.dropped)
    preview.warnings = [w for w in preview.warnings if w != old]
    preview.dropped = dropped(plan_rows(preview, preview.zone), preview._current)
    if preview.dropped:
        preview.warnings.append(_dropped_warning(preview.dropped))


def dropped(rows: dict[str, list[dict]], current: list[dict]) -> list[Dropped]:
    """What `current` (import_plan_current's rows) holds that the rows of a plan do not:
    goals and actions (they stay), and the leads and partners of the plan's actions (a link
    a plan import wrote is removed on applying; one made otherwise stays)."""
    goals = {g["id"] for g in rows["goals"]}
    actions = {a["id"] for a in rows["actions"]}
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


def _dropped_warning(items: list[Dropped]) -> str:
    if not items:
        return ""
    kinds = {
        "goal": ("doelstelling", "doelstellingen"),
        "action": ("actie", "acties"),
        "lead": ("trekker", "trekkers"),
        "partner": ("partner", "partners"),
    }
    counts = ", ".join(
        counted(sum(1 for i in items if i.kind == kind), *words)
        for kind, words in kinds.items()
        if any(i.kind == kind for i in items)
    )
    unlinked = counted(sum(1 for i in items if i.unlink), "koppeling", "koppelingen")
    return (
        f"de graaf heeft voor deze zone {counts} die dit plan niet (meer) noemt (zie de lijst); "
        f"doelstellingen en acties blijven staan, {unlinked} die een eerder geïmporteerd plan "
        "legde worden verwijderd, koppelingen van elders blijven"
    )


def without(
    preview: PlanPreview,
    organisations: list[str] = (),
    municipalities: list[str] = (),
    targets: list[str] = (),
    actions: list[str] = (),
) -> PlanPreview:
    """The preview less what staff unticked: organisations and municipalities by name,
    targets as "cluster/category", actions by code. An unticked organisation is linked to no
    action: a partner stays text on its action (among its groups of partners), a lead is
    no lead; the preview's warnings name each such action, as what will be written."""
    out = preview.model_copy(deep=True)
    drop_orgs = {normalise(n) for n in organisations}
    out.organisation_matches = [
        m for m in out.organisation_matches if normalise(m.name) not in drop_orgs
    ]
    out.organisations = [n for n in out.organisations if normalise(n) not in drop_orgs]
    if drop_orgs:
        for action in out.actions:
            _unlink(action, drop_orgs, out.warnings)
    drop_places = {n.casefold() for n in municipalities}
    out.municipalities = [n for n in out.municipalities if n.casefold() not in drop_places]
    for match in out.municipality_matches:
        if match.name.casefold() in drop_places:
            match.territory = False
    drop_targets = set(targets)
    out.targets = [t for t in out.targets if f"{t.cluster}/{t.category}" not in drop_targets]
    drop_actions = set(actions)
    out.actions = [a for a in out.actions if a.id_code not in drop_actions]
    if out._current:
        _compare_with_graph(out)
    return out


def _unlink(action: ActionOut, names: set[str], warnings: list[str]) -> None:
    leads = [n for n in _linked_names(action) if normalise(n) in names]
    partners = [n for n in action.partners if normalise(n) in names]
    for name in leads:
        warnings.append(f"actie {action.id_code}: trekker «{name}» niet aangevinkt: niet gekoppeld")
    for name in partners:
        warnings.append(
            f"actie {action.id_code}: partner «{name}» niet aangevinkt: niet gekoppeld, "
            "blijft tekst bij de actie"
        )
    if leads:
        kept = [n for n in _linked_names(action) if normalise(n) not in names]
        if not action.lead_self:
            action.lead = kept[0] if kept else None
            kept = kept[1:]
            if action.lead is None:
                action.lead_text = ", ".join(leads)
        action.co_leads = kept
    if partners:
        action.partners = [n for n in action.partners if normalise(n) not in names]
        action.partner_groups = _unique(action.partner_groups + partners)


def skip(preview: PlanPreview, values: list[str]) -> PlanPreview:
    """`without`, for values typed on the command line: each is tried as an organisation,
    municipality, target ("cluster/category" or a category) or action code."""
    names = {normalise(m.name) for m in preview.organisation_matches}
    places = {m.casefold() for m in preview.municipalities}
    codes = {a.id_code for a in preview.actions}
    targets = {f"{t.cluster}/{t.category}": t for t in preview.targets}
    unknown = []
    orgs, munis, goals, acts = [], [], [], []
    for value in values:
        key = f"{value}"
        if normalise(key) in names:
            orgs.append(key)
        elif key.casefold() in places:
            munis.append(key)
        elif key in codes:
            acts.append(key)
        elif key in targets or any(t.category == key for t in targets.values()):
            goals.extend(k for k, t in targets.items() if key in (k, t.category))
        else:
            unknown.append(value)
    if unknown:
        raise ValidationError(
            f"--skip {', '.join(repr(u) for u in unknown)}: geen organisatie, gemeente, doel "
            "of actiecode van deze preview"
        )
    return without(preview, orgs, munis, goals, acts)


# -- writing ---------------------------------------------------------------------------------
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


def zone_name(preview: PlanPreview, zone: str) -> str:
    return preview.zone_name or f"ELZ {zone.replace('-', ' ').title()}"


# The order matters: each query matches nodes the earlier ones wrote (the zone itself, its
# municipalities, clusters and expectations are written by graphmap.ingest.zones first).
STEPS = (
    ("import_plan_organisations", "organisations"),
    ("import_plan_goals", "goals"),
    ("import_plan_actions", "actions"),
    ("import_plan_leads", "leads"),
    ("import_plan_partners", "partners"),
)


_STEP_WORDS = {
    "organisations": "organisaties",
    "goals": "doelstellingen",
    "actions": "acties",
    "leads": "trekkers",
    "partners": "partners",
}


def check_writable(preview: PlanPreview) -> None:
    """Refuse a preview without any goal or action: it is not read as a plan (a wrong
    file, or headings the parser does not know), and would only add the zone and names."""
    if not preview.strategic_goals and not preview.operational_goals and not preview.actions:
        raise ValidationError(f"{preview.document}: {NOTHING_RECOGNISED}; niets geschreven")


def _seat(tx: Transaction, rows: list[dict]) -> list[dict]:
    """Seat the plan's local governments that have no seat yet (see import_plan_seats)."""
    return tx.run_rows("import_plan_seats", rows) if rows else []


def _unlink_stale(tx: Transaction, items: list[Dropped], document: str) -> int:
    """Remove the links a new version of the plan no longer states (see `dropped`)."""
    if not items:
        return 0
    rows = [
        {
            "organisation": d.organisation,
            "action": d.action,
            "type": "LEADS" if d.kind == "lead" else "PARTNER_IN",
        }
        for d in items
    ]
    removed = sum(part["removed"] for part in tx.run_rows("import_plan_unlink", rows))
    if removed != len(rows):
        raise ValidationError(
            f"{document}: {len(rows) - removed} van {len(rows)} koppelingen die dit plan niet "
            "meer noemt zijn intussen gewijzigd; niets geschreven, probeer opnieuw"
        )
    return removed


def apply_plan(
    store: Store, preview: PlanPreview, zone: str, *, actor: str | None = None
) -> dict[str, int]:
    """Write a confirmed preview in one transaction; returns the rows written per step.

    A zone that is not in the graph yet is created whole first: its name as the plan gives
    it, the municipalities of the preview, its four clusters with the reference
    expectations, and the plan's targets; for a zone that exists, what is missing of that
    is completed and the targets are added. Every query returns how many rows found what
    they refer to; a shortfall (an organisation deleted since the preview was made, say)
    raises and nothing is written. A local government the plan names ("Gemeente Zulte",
    "OCMW Melle") is seated in the municipality its name says, when it is new and when the
    register has it without a seat (`seats`; a seat the graph holds stays): only a seated
    organisation represents its municipality in cluster lokale besturen. The audit entries
    (the import with its counts, the zone when it is new, each organisation the plan adds,
    each seat it gives an organisation of the register, each link it removes) are written
    in that transaction, by `actor` (default: the user running graphmap).

    A new version of a zone's plan brings the links of its actions in line with its text: a
    lead or partner that an earlier plan import linked to one of this plan's actions, and
    that this text no longer names, is unlinked (`unlinked`); links made in the register or
    by the seed stay, and so do goals and actions the text no longer has (the preview lists
    them all, in `dropped`). A preview without any goal or action is refused.
    """
    if preview.zone != zone:
        raise ValidationError(f"de preview is voor zone {preview.zone!r}, niet voor {zone!r}")
    check_writable(preview)
    rows = plan_rows(preview, zone)
    spec = ZoneSpec(
        id=zone,
        name=zone_name(preview, zone),
        source=rows["zone"][0]["source"],
        municipalities=rows["municipalities"],
        targets=rows["targets"],
        plan_title=preview.title,
        plan_document=preview.document,
    )

    proposed = [m for m in preview.organisation_matches if m.match == "new"]

    def work(tx: Transaction) -> dict[str, int]:
        # What exists before: the audit records only what this apply creates.
        new_zone = zone not in {row["id"] for row in tx.run("zones")}
        known = audit.organisation_states(tx, [m.id for m in proposed])
        created = [m for m in proposed if m.id not in known]
        new = [{"id": m.id, "name": m.name, "nis": None} for m in created]
        twins.refuse_made_meanwhile(tx, new, (), preview.document, preview._revision)
        stale = [] if new_zone else dropped(rows, tx.run("import_plan_current", zone=zone))
        unlink = [d for d in stale if d.unlink]
        tx.run_rows("import_plan_sources", rows["sources"])
        written: dict[str, int] = {"sources": len(rows["sources"])}
        written |= write_zone(tx, spec)
        for query, key in STEPS:
            batch = rows[key]
            if not batch:
                written[key] = 0
                continue
            count = sum(part["written"] for part in tx.run_rows(query, batch))
            if count != len(batch):
                raise ValidationError(
                    f"{preview.document}: {len(batch) - count} van {len(batch)} "
                    f"{_STEP_WORDS[key]} verwijzen naar iets dat niet (meer) in de graaf "
                    "staat; niets geschreven"
                )
            written[key] = count
        seated = {r["organisation"]: r["municipality"] for r in _seat(tx, rows["seats"])}
        written["seats"] = len(seated)
        written["unlinked"] = _unlink_stale(tx, unlink, preview.document)
        by = actor or access.cli_user()
        at = dates.now()
        entries = [
            audit.entry(
                by=by,
                at=at,
                action="plan.import",
                entity="Zone",
                key=zone,
                zones=[zone],
                after={"plan": preview.document, **written},
            )
        ]
        if new_zone:
            entries.append(
                audit.entry(
                    by=by,
                    at=at,
                    action="zone.create",
                    entity="Zone",
                    key=zone,
                    zones=[zone],
                    after={"naam": spec.name, "gemeenten": written.get("municipalities", 0)},
                )
            )
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="organisation.create",
                entity="Organisation",
                key=m.id,
                zones=[zone],
                after={"naam": m.name, "bron": preview.document}
                | ({"gemeente": seated[m.id]} if m.id in seated else {}),
            )
            for m in created
        ]
        # An organisation of the register that had no seat: its name gave it one.
        fresh = {m.id for m in created}
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="organisation.update",
                entity="Organisation",
                key=organisation,
                zones=[zone],
                before={"gemeente": None},
                after={"gemeente": municipality, "bron": preview.document},
            )
            for organisation, municipality in seated.items()
            if organisation not in fresh
        ]
        entries += [
            audit.entry(
                by=by,
                at=at,
                action="action.unlink",
                entity="Action",
                key=d.action,
                zones=[zone],
                before={"organisatie": d.organisation, "rol": d.kind},
                after={"bron": preview.document},
            )
            for d in unlink
        ]
        audit.record_all(tx, entries)
        return written

    return store.transaction(work)


# What `apply_plan` wrote, as the CLI says it: in the order of a plan, a zone's first.
_WRITTEN = {
    "municipalities": ("gemeente", "gemeenten"),
    "clusters": ("cluster", "clusters"),
    "expectations": ("verwachting", "verwachtingen"),
    "targets": ("doel van de zone", "doelen van de zone"),
    "organisations": ("organisatie", "organisaties"),
    "goals": ("doelstelling", "doelstellingen"),
    "actions": ("actie", "acties"),
    "leads": ("trekker", "trekkers"),
    "partners": ("partner", "partners"),
    "seats": ("zetel", "zetels"),
    "sources": ("bron", "bronnen"),
    "unlinked": ("oude koppeling verwijderd", "oude koppelingen verwijderd"),
}


def summary(written: dict[str, Any]) -> str:
    """ "12 doelstellingen, 1 actie, …": each count with its Dutch word."""
    said = [counted(written[key], *words) for key, words in _WRITTEN.items() if key in written]
    return ", ".join(said + [f"{k}: {n}" for k, n in written.items() if k not in _WRITTEN])
