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

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from graphmap import access, audit, dates
from graphmap.errors import ValidationError
from graphmap.ingest import territory
from graphmap.ingest.documents import read_lines
from graphmap.ingest.kinds import category_of
from graphmap.ingest.organisations import (
    is_organisation,
    match_organisation,
    names_of_existing,
    names_with_evidence,
    normalise,
)
from graphmap.ingest.outline import (
    ACTION,
    ACTIONS_BLOCK,
    BULLET,
    FIELDS,
    INSTRUCTION,
    OD,
    SD,
    Line,
    Sentence,
    join_lines,
    logical_lines,
    sentences,
    unread_headings,
)
from graphmap.ingest.seed import slug, zorgraad_id
from graphmap.ingest.targets import TargetProposal, targets_in
from graphmap.ingest.territory import current
from graphmap.ingest.zones import ZoneSpec, write_zone, zone_ids
from graphmap.store import Store, Transaction

NEW_CATEGORY = "overig"
SELF_CATEGORY = "eerstelijnszone"
TITLE_LIMIT = 200

# -- line patterns (the structural ones live in graphmap.ingest.outline) ---------------------
_SD, _OD, _ACTION, _ACTIONS_BLOCK, _BULLET = SD, OD, ACTION, ACTIONS_BLOCK, BULLET
_FIELDS = FIELDS
# "Rol: trekker", "Rol projectleider": the zorgraad's own role in an action sheet.
_ROLE = re.compile(r"\bRol\s*:?\s*(?P<role>.+)$")
_LEADING_ROLE = re.compile(r"trekker|projectleid|coördin|coordin", re.I)
_TOPIC = re.compile(r"^(?:topic|thema|luik)\s*\d+\s*:\s*", re.I)
_SEE_ACTION = re.compile(r"^zie\s+actie\s+(?P<num>\d+(?:\.\d+)*)", re.I)
_SELF_WORDS = re.compile(r"^(?:de\s+)?(?:zorgraad|elz|eerstelijnszone)\b", re.I)
_LEAD_CUT = re.compile(
    r"\s*(?:=|\bis (?:de )?trekker\b|\bin trekker\b|\bsamen met\b|\bvoor topic\b|\(|:|;).*$",
    re.I,
)


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


class MunicipalityMatch(BaseModel):
    name: str  # the current municipality
    nis: str
    written: list[str] = Field(default_factory=list)  # as the plan wrote it (old names too)
    evidence: str = ""  # the sentence that names it (where the plan states its territory)
    section: str = ""
    territory: bool = False  # one of the zone's municipalities, as the plan says
    leaving: bool = False  # the plan says it leaves the zone
    leaving_evidence: str = ""


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
        for sd in self.strategic_goals:
            out.append(f"\nSD {sd.number}  {_short(sd.title, 90)}")
            for od in (o for o in self.operational_goals if o.parent == sd.number):
                out.append(f"  OD {od.number}  {_short(od.title, 86)}")
                for indicator in od.indicators:
                    out.append(f"           indicator: {_short(indicator, 80)}")
                for action in actions_by_goal.get(od.number, []):
                    out.append(f"    {action.id_code:<8} {_short(action.title, 80)}")
                    if action.lead:
                        out.append(f"             trekker: {action.lead}")
                    if action.partners:
                        out.append(f"             met wie: {', '.join(action.partners)}")
                    for indicator in action.indicators:
                        out.append(f"             indicator: {_short(indicator, 76)}")
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
                out.append(f"  {org.name:<50} {where}{kind}")
                if org.evidence:
                    out.append(f"      «{_short(org.evidence, 96)}»")
        for warning in self.warnings:
            out.append(f"let op: {warning}")
        return "\n".join(out) + "\n"


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


@dataclass
class _Goal:
    number: str
    title: str
    parent: str | None
    printed: str | None
    source: str
    generated: bool = False  # numbered here, not by the plan
    indicators: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self) -> None:
        self.sds: dict[str, _Goal] = {}
        self.ods: dict[str, _Goal] = {}
        self.actions: list[_Action] = []
        self.sd: _Goal | None = None
        self.od: _Goal | None = None
        self.block: list[_Action] = []  # actions the current fields belong to
        self.title_of: _Goal | _Action | None = None  # whose title continues on the next line
        self.field: str | None = None
        self.warnings: list[str] = []
        # The bullet (kind, indent) of the actions of the current list: a deeper or other
        # bullet under an action is one of its indicators, not an action.
        self.item_bullet: tuple[str | None, int] | None = None
        self.explicit = False  # the current list follows an "Acties" label
        self.last_indicator: list[str] | None = None  # where a wrapped indicator goes on
        # Indicators under a label, with the actions they were listed under.
        self.indicator_lists: list[tuple[list[_Action], str | None, list[str]]] = []

    # the one loop ------------------------------------------------------------------------
    def feed(self, lines: list[str]) -> None:
        blank = False
        self.lines = logical_lines(lines)
        self.sections: list[str] = []  # per line: the part of the plan it belongs to
        for line in self.lines:
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
            for handler in (self._sd, self._od, self._action, self._actions_block):
                if handler(line):
                    return
        if line[:1].isupper():
            for name, pattern in _FIELDS:
                match = pattern.match(line)
                if match:
                    self._start_field(name, match.group("rest").strip())
                    return
        bullet = _BULLET.match(line)
        if bullet and self._implicit_list():
            # A list right under an operational goal's title: its actions, unless an
            # "Acties" label follows later (then it was a description; see _actions_block).
            self._reset()
            self.field = "actions"
        if self.field == "actions" and bullet:
            if self._is_sub_item(item):
                self._add_indicator(bullet.group("rest"))
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
        elif (self.field and self.block) or (self.field == "indicators" and self.indicator_lists):
            self._add_value(line, blank, bool(bullet))

    def _implicit_list(self) -> bool:
        return (
            self.od is not None
            and self.field is None
            and not self.block
            and bool(self.od.title)
            and self.title_of in (None, self.od)
        )

    def _is_sub_item(self, item: Line) -> bool:
        if not self.block or self.item_bullet is None:
            return False
        marker, indent = self.item_bullet
        return item.marker != marker or item.indent > indent + 1

    def _add_indicator(self, text: str) -> None:
        indicators = self.block[-1].indicators
        indicators.append(text.strip())
        self.last_indicator = indicators

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
        kept: dict[str, _Goal] = {}
        remap: dict[str, str] = {}
        for number, goal in self.ods.items():
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

    def _is_cross_reference(self, line: str) -> bool:
        match = _ACTION.match(line)
        return bool(match) and (not match.group("rest") or match.group("rest").startswith("("))

    # headings ----------------------------------------------------------------------------
    def _sd(self, line: str) -> bool:
        match = _SD.match(line)
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

    def _od(self, line: str) -> bool:
        match = _OD.match(line)
        if not match or not (match.group("num") or match.group("sep") in (":", None)):
            return False
        title, printed = match.group("rest").strip(), match.group("num")
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
        goal = self._goal_for(number)
        existing = next((a for a in self.actions if number and a.code == number), None)
        if existing is not None and existing.title and not existing.title.startswith("("):
            # The same action printed again (a summary, a second sheet): fields add up.
            self.block, self.field, self.title_of = [existing], None, None
            return True
        if existing is not None:
            action, action.title = existing, ""
        else:
            action = _Action(goal, number, "", f"Actie {number}" if number else f"OD {goal}")
            self.actions.append(action)
        self.block, self.field, self.title_of = [action], None, action
        if rest:
            self._append_title(action, rest)
        return True

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
        goal = self.od.number if self.od else self.sd.number
        # A list read as actions before this label was the goal's description.
        self.actions = [a for a in self.actions if not (a.implicit and a.goal == goal)]
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

    def _new_block_action(self, text: str, item: Line) -> None:
        if not self.block:
            self.block = []
            self.item_bullet = (item.marker, item.indent) if item.marker else None
        goal = self.od.number if self.od else (self.sd.number if self.sd else None)
        action = _Action(goal, None, "", f"OD {goal}" if self.od else f"SD {goal}")
        action.implicit = not self.explicit
        self.actions.append(action)
        self.block.append(action)
        self.last_indicator = None
        self._append_title(action, text)

    def _reset(self, title_of=None) -> None:
        self.block, self.field, self.title_of = [], None, title_of
        self.item_bullet, self.last_indicator, self.explicit = None, None, False

    @staticmethod
    def _same_title(goals, title: str):
        key = normalise(title)
        return next((g for g in goals if key and normalise(g.title) == key), None)

    # text --------------------------------------------------------------------------------
    def _continue_title(self, line: str, blank: bool) -> None:
        target = self.title_of
        if target.title and blank and not line[:1].islower():
            self.title_of = None
            return
        self._append_title(target, line)

    @staticmethod
    def _append_title(target, text: str) -> None:
        target.title = _join(target.title, text)

    def _start_field(self, name: str, rest: str) -> None:
        self.title_of = None
        self.last_indicator = None
        if name == "other" or name == "why":
            self.field = name
            return
        if name == "what" and not self.block and self.od is not None:
            # An action sheet without a title line: "Wat?" starts the action.
            self._new_block_action("", Line(""))
        self.field = name
        if name == "indicators":
            goal = self.od.number if self.od else (self.sd.number if self.sd else None)
            self.indicator_lists.append((list(self.block), goal, []))
            # "Indicatoren OD 2.2: …" names the goal it is under: that is not an indicator.
            rest = re.sub(r"^(?:(?:OD|SD|actie)\s*)?[\d.]+\s*[:–-]\s*", "", rest, flags=re.I)
            values = self.indicator_lists[-1][2]
            values.extend(p for p in re.split(r"\s*;\s*", rest) if p.strip(" ."))
            return
        if rest:
            self._add_value(rest, True, False)

    def _add_value(self, line: str, blank: bool, bullet: bool) -> None:
        if INSTRUCTION.match(line) or self.field in ("other", "why", "reference", None):
            return
        if self.field == "actions":
            return
        text = _BULLET.match(line).group("rest") if bullet else line
        if self.field == "indicators":
            lists = [self.indicator_lists[-1][2]]
        else:
            lists = [action.fields.setdefault(self.field, []) for action in self.block]
        for values in lists:
            if values and not bullet and (line[:1].islower() or values[-1].endswith(("-", ","))):
                values[-1] = _join(values[-1], text)
            else:
                values.append(text)


_join = join_lines  # one rule for words broken over lines, in graphmap.ingest.outline


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


def _items(values: list[str]) -> list[str]:
    items = []
    for value in values:
        value = _TOPIC.sub("", value)
        for part in re.split(r"\s*(?:,|;|\+|\s&\s|(?<!-)\sen\s|\betc\b\.?|…|\.\.\.)\s*", value):
            part = re.sub(r"\([^)]*\)?", "", part).strip(" .:-–/")
            if part and not re.fullmatch(r"[\W\d]*", part):
                items.append(part)
    return items


def _is_self(text: str, zone: str, zone_names: list[str]) -> bool:
    key = normalise(text)
    if not key:
        return False
    if _SELF_WORDS.match(text) and len(key.split()) <= 2 and "zorgraad" in key:
        return True
    names = {normalise(n) for n in zone_names} | {normalise(zone.replace("-", " "))}
    for name in names:
        initials = "".join(word[0] for word in name.split())
        for prefix in ("elz ", "eerstelijnszone ", "zorgraad "):
            if key in (prefix + name, prefix + initials, name):
                return True
    return key in ("zorgraad", "elz", "eerstelijnszone")


def _lead(values: list[str], zone: str, zone_names: list[str]) -> tuple[str | None, bool]:
    for value in values:
        text = _LEAD_CUT.sub("", value).strip(" .")
        text = re.sub(r"^(de|het)\s+", "", text, flags=re.I)
        if not text or text in ("/", "-"):
            continue
        if _is_self(text, zone, zone_names):
            return text, True
        return text[:1].upper() + text[1:], False
    return None, False


_ZONE_NAME = re.compile(
    r"\b(?P<word>ELZ|[Ee]erstelijnszone)\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:en|aan\s+de|"
    r"van\s+de)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)*)"
)


def _zone_names(lines: list[str], zone: str) -> tuple[str | None, list[str]]:
    """The zone's name as the plan gives it ("ELZ Maasland"), and every name it uses for
    itself (to tell the zorgraad as lead from other organisations)."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in _ZONE_NAME.finditer(" ".join(line.split())):
            name = match.group("name").rstrip("’'-")
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None, []
    by_id = [name for name in counts if slug(name) == zone]
    chosen = by_id[0] if by_id else max(counts, key=lambda n: counts[n])
    names = [name for name, count in counts.items() if count >= 3 or name == chosen]
    return f"ELZ {chosen}", names


# A title calls the document a plan in its first words: "Meerjarenplan 2026-2031",
# "Jaaractieplan 2026 – ELZ X", "Beleidsplan eerstelijnszone X".
_TITLE = re.compile(r"^\W*(?:[\w’'-]+\s+){0,3}?\w*plan\b", re.I)


def _title(lines: list[str], zone_name: str | None) -> str | None:
    """The plan's own title: one of its first lines that calls it a plan."""
    for line in [" ".join(raw.split()) for raw in lines if raw.strip()][:15]:
        if line[:1].isupper() and _TITLE.match(line) and len(line) <= 90:
            if zone_name and zone_name.split(" ", 1)[-1].lower() not in line.lower():
                return f"{line} – {zone_name}"
            return line
    return None


def parse_lines(
    lines: list[str], zone: str, document: str, existing: list[dict] | None = None
) -> PlanPreview:
    """The preview of a plan given as lines; `existing` organisations are `[{id, name}]`."""
    existing = list(existing or [])
    parser = _Parser()
    parser.feed(lines)
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
    preview.warnings.extend(found.warnings)
    preview.warnings.extend(unread_headings(parser.lines))
    preview.targets = targets_in(text)
    for goal in parser.sds.values():
        preview.strategic_goals.append(
            GoalOut(
                number=goal.number,
                title=_first_sentence(goal.title, 250),
                printed=goal.printed,
                source=goal.source,
                indicators=goal.indicators,
            )
        )
    for goal in parser.ods.values():
        preview.operational_goals.append(
            GoalOut(
                number=goal.number,
                title=_first_sentence(goal.title, 250),
                parent=goal.parent,
                printed=goal.printed,
                source=goal.source,
                indicators=goal.indicators,
            )
        )
    generated: dict[str | None, int] = {}
    by_code: dict[str, ActionOut] = {}
    pending_refs: list[tuple[ActionOut, str]] = []
    for action in parser.actions:
        title = _first_sentence(action.title or _what(action))
        if not title:
            preview.warnings.append(f"{action.source}: an action without a title was left out")
            continue
        if action.code:
            id_code = action.code
        else:
            index = generated.get(action.goal, 0)
            generated[action.goal] = index + 1
            id_code = f"{action.goal}-{_letters(index)}" if action.goal else _letters(index)
        lead, lead_self = _lead(
            action.fields.get("lead") or action.fields.get("lead_role") or [], zone, zone_names
        )
        if lead is None and any(_LEADING_ROLE.search(r) for r in action.fields.get("role", [])):
            lead, lead_self = "zorgraad", True
        partners, groups = [], []
        for item in _items(action.fields.get("partners", [])):
            if _SEE_ACTION.match(item) or _is_self(item, zone, zone_names):
                continue
            if is_organisation(item, existing):
                partners.append(item)
            elif len(item.split()) <= 10:  # longer is a sentence about partners, not a group
                groups.append(item)
        if action.fields.get("lead"):
            # Under "if the zorgraad is not the lead": organisations named there take part.
            for item in _items(action.fields.get("lead_role", [])):
                if not _is_self(item, zone, zone_names) and is_organisation(item, existing):
                    partners.append(re.sub(r"^(de|het)\s+", "", item, flags=re.I))
        out = ActionOut(
            operational_goal=action.goal,
            code=action.code,
            id_code=id_code,
            title=title,
            lead=lead,
            lead_self=lead_self,
            partners=_unique(partners),
            partner_groups=_unique(groups),
            target_groups=_unique(_items(action.fields.get("targets", []))),
            timing=" ".join(action.fields.get("timing", [])) or None,
            source=action.source,
            indicators=_unique([_first_sentence(i, 300) for i in action.indicators]),
        )
        for value in action.fields.get("partners", []):
            see = _SEE_ACTION.match(value.strip())
            if see:
                pending_refs.append((out, see.group("num")))
        by_code[id_code] = out
        preview.actions.append(out)
    for action, code in pending_refs:
        if code in by_code:
            source = by_code[code]
            action.partners = _unique(action.partners + source.partners)
            action.partner_groups = _unique(action.partner_groups + source.partner_groups)
    _organisations(preview, lines, text, existing, zone, zone_names)
    if not preview.strategic_goals and not preview.operational_goals and not preview.actions:
        preview.warnings.append(
            "no goals or actions recognised (headings such as 'Strategische doelstelling 1', "
            "'Operationele doelstelling 1.1', 'Actie 1.1.1' or an 'Acties' list)"
        )
    return preview


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
    named = [a.lead for a in preview.actions if a.lead and not a.lead_self]
    named += [p for a in preview.actions for p in a.partners]
    for name, sentence in names_with_evidence([(s.text, s.section) for s in text]):
        named.append(name)
        evidence.setdefault(normalise(name), sentence)
    named += names_of_existing(lines, existing)
    named = _unique([n for n in named if not _is_self(n, zone, zone_names)])
    keys = [normalise(n) for n in named]
    # "Stichting Positieve" cut off by a line end beside the full "Stichting Positieve
    # Gezondheid"; "Ziekenhuis Sint-Jan" read inside "Psychiatrisch Ziekenhuis Sint-Jan".
    preview.organisations = [
        n
        for n, k in zip(named, keys, strict=True)
        if not any(o.startswith(k + " ") or o.endswith(" " + k) for o in keys)
    ]
    taken: dict[str, str] = {}
    for name in preview.organisations:
        match = match_organisation(name, existing)
        org_id = match.id or _new_id(zone, name, taken)
        taken[org_id] = name
        preview.organisation_matches.append(
            OrganisationMatch(
                name=name,
                match=match.label,
                id=org_id,
                score=match.score,
                evidence=evidence.get(normalise(name)) or _sentence_naming(name, text),
                category=None if match.id else category_of(name),
            )
        )


def _sentence_naming(name: str, text: list[Sentence]) -> str:
    key = f" {normalise(name)} "
    for sentence in text:
        if key in f" {normalise(sentence.text)} ":
            return sentence.text if len(sentence.text) <= 300 else sentence.text[:299] + "…"
    return ""


def _new_id(zone: str, name: str, taken: dict[str, str]) -> str:
    base = f"{zone}-{slug(name)[:60]}".rstrip("-")
    org_id, n = base, 2
    while org_id in taken:
        org_id, n = f"{base}-{n}", n + 1
    return org_id


def read_plan(path: Path | str, zone: str, existing: list[dict] | None = None) -> PlanPreview:
    """Read a plan document (.txt, .docx, .pdf) into a preview; nothing is written."""
    path = Path(path)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", zone or ""):
        raise ValidationError(f"zone {zone!r}: use the zone's id, e.g. 'maasland'")
    return parse_lines(read_lines(path), zone, path.name, existing)


def existing_organisations(store: Store) -> list[dict]:
    return store.read("organisation_names")


def zone_id_for(zone_name: str | None) -> str | None:
    """A zone id from the name a plan gives its zone: "ELZ Haspengouw" -> "haspengouw"."""
    if not zone_name:
        return None
    name = re.sub(r"^(?:ELZ|eerstelijnszone|zorgraad)\s+", "", zone_name, flags=re.I)
    return slug(name) or None


def preview_plan(store: Store, path: Path | str, zone: str | None) -> PlanPreview:
    """The preview of a plan against the graph: its organisations matched to the register,
    and `new_zone` set when the zone does not exist yet (applying then creates it whole).
    Without a zone, the plan's own name for its zone gives the id ("ELZ X" -> "x")."""
    existing = existing_organisations(store)
    if zone is None:
        draft = read_plan(path, "nieuwe-zone", existing)
        zone = zone_id_for(draft.zone_name) or "nieuwe-zone"
    preview = read_plan(path, zone, existing)
    preview.new_zone = zone not in zone_ids(store)
    if preview.new_zone and not preview.municipalities:
        preview.warnings.append(
            "geen gemeenten van de zone herkend: de nieuwe zone krijgt er geen; voeg ze toe "
            "met graphmap zone add of vink ze aan in de lijst van genoemde gemeenten"
        )
    return preview


def without(
    preview: PlanPreview,
    organisations: list[str] = (),
    municipalities: list[str] = (),
    targets: list[str] = (),
    actions: list[str] = (),
) -> PlanPreview:
    """The preview less what staff unticked: organisations and municipalities by name,
    targets as "cluster/category", actions by code. Leads and partners that were unticked
    stay text on their action, without a link to an organisation."""
    out = preview.model_copy(deep=True)
    drop_orgs = {normalise(n) for n in organisations}
    out.organisation_matches = [
        m for m in out.organisation_matches if normalise(m.name) not in drop_orgs
    ]
    out.organisations = [n for n in out.organisations if normalise(n) not in drop_orgs]
    drop_places = {n.casefold() for n in municipalities}
    out.municipalities = [n for n in out.municipalities if n.casefold() not in drop_places]
    for match in out.municipality_matches:
        if match.name.casefold() in drop_places:
            match.territory = False
    drop_targets = set(targets)
    out.targets = [t for t in out.targets if f"{t.cluster}/{t.category}" not in drop_targets]
    drop_actions = set(actions)
    out.actions = [a for a in out.actions if a.id_code not in drop_actions]
    return out


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
            f"--skip {', '.join(repr(u) for u in unknown)}: not an organisation, municipality, "
            "target or action code of this preview"
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

    ids = {m.name: m.id for m in preview.organisation_matches}
    new = {m.id: m for m in preview.organisation_matches if m.match == "new"}
    organisations = [
        {
            "id": org_id,
            "name": match.name,
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
        if a.lead:
            lead_id = zorgraad_id(zone) if a.lead_self else ids.get(a.lead)
            if lead_id:
                leads.append({"organisation": lead_id, "action": action_id, "source": source_id})
        for name in a.partners:
            if name in ids:
                partners.append(
                    {
                        "organisation": ids[name],
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
        "sources": list(sources.values()),
    }


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


def apply_plan(
    store: Store, preview: PlanPreview, zone: str, *, actor: str | None = None
) -> dict[str, int]:
    """Write a confirmed preview in one transaction; returns the rows written per step.

    A zone that is not in the graph yet is created whole first: its name as the plan gives
    it, the municipalities of the preview, its four clusters with the reference
    expectations, and the plan's targets; for a zone that exists, what is missing of that
    is completed and the targets are added. Every query returns how many rows found what
    they refer to; a shortfall (an organisation deleted since the preview was made, say)
    raises and nothing is written. The audit entries (the import with its counts, the zone
    when it is new, each organisation the plan adds) are written in that transaction, by
    `actor` (default: the user running graphmap).
    """
    if preview.zone != zone:
        raise ValidationError(f"the preview is for zone {preview.zone!r}, not {zone!r}")
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
                    f"{preview.document}: {len(batch) - count} of {len(batch)} {key} refer "
                    "to something that is not in the graph; nothing was written"
                )
            written[key] = count
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
                after={"naam": m.name, "bron": preview.document},
            )
            for m in created
        ]
        audit.record_all(tx, entries)
        return written

    return store.transaction(work)


def summary(written: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {count}" for key, count in written.items())
