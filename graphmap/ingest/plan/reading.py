"""A plan's lines → its preview (`parse_lines`), read from a file (`read_plan`) and compared
with the graph (`preview_plan`): the register's organisations, the zone's current plan, and
whether the plan is of the zone it is imported into.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

from graphmap import limits, names
from graphmap.errors import ValidationError
from graphmap.ingest import territory
from graphmap.ingest.documents import Lines, read_lines
from graphmap.ingest.kinds import category_from_name
from graphmap.ingest.organisations import (
    GENERIC_ACRONYMS,
    NOT_IN_KEY,
    Register,
    is_kind_acronym,
    is_organisation,
    is_person,
    is_place,
    match_organisation,
    names_of_existing,
    names_with_evidence,
    normalise,
    persons_within,
    variants,
)
from graphmap.ingest.outline import Sentence, fields_after_sentences, sentences, unread_headings
from graphmap.ingest.plan.naming import (
    _ARTICLE,
    _CLAUSE,
    _GROUP_SHORT,
    _NAME_END,
    _PROSE_WITH,
    _RELATIVE,
    _WITH,
    _abbreviations,
    _acronyms_of_the_plan,
    _council,
    _councils_of_the_plan,
    _heading_over_items,
    _is_municipality,
    _is_named_organisation,
    _is_self,
    _items,
    _kinds_spelled_out_of_the_plan,
    _Lead,
    _lead,
    _letters,
    _named_zones,
    _names_a_body_in_a_role,
    _names_in_sentence,
    _other_zones,
    _persons_in,
    _places_of_groups,
    _short_for,
    _short_forms_written_out,
    _spells,
    _split_and,
    _without_article,
    _without_part,
    _zone_names,
    acronym_form,
    department_council,
    is_placeholder,
)
from graphmap.ingest.plan.parser import (
    _LOWER_PLURAL,
    _TOPICS_LABEL,
    _Action,
    _body_of_group,
    _field_of,
    _first_sentence,
    _Goal,
    _kind_in_each,
    _Parser,
    _plural_of_places,
    indicator_rows,
)
from graphmap.ingest.plan.patterns import (
    _LEADING_ROLE,
    _NOBODY,
    _SEE_ABOVE,
    _SEE_ACTION,
    _clip,
    _unique,
    masked,
)
from graphmap.ingest.plan.preview import (
    NO_ACTIONS,
    NOTHING_RECOGNISED,
    ActionOut,
    GoalOut,
    MunicipalityMatch,
    OrganisationMatch,
    PlanPreview,
    _dropped_warning,
    _short,
    dropped,
)
from graphmap.ingest.plan.rows import _linked_names, plan_rows
from graphmap.ingest.plan.timing import (
    _boxed,
    _is_form,
    _marked_lead,
    _ticked,
    _timing_apart,
    _timing_of_how,
)
from graphmap.ingest.seats import local_seat
from graphmap.ingest.seed import slug
from graphmap.ingest.targets import targets_in
from graphmap.kept import PerRevision
from graphmap.store import Store


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


# A title calls the document a plan in its first words: "Meerjarenplan 2026-2031",
# "Jaaractieplan 2026 – ELZ X", "Beleidsplan eerstelijnszone X".
_TITLE = re.compile(r"^\W*(?:(?:[\w’'-]+|[–—])\s+){0,4}?\w*plan\b", re.I)


# A sentence about the plan, no title: "Dit actieplan wordt ten laatste bezorgd …".
_PLAN_IN_A_SENTENCE = re.compile(
    r"^\W*(?:dit|dat|deze|het|ons|uw|een)\s+\w*plan\w*\s+(?:\S+\s+){0,3}?"
    r"(?:wordt|werd|is|zijn|geeft|bevat|heeft|kadert|moet|kan|zal|omvat|beschrijft)\b",
    re.I,
)


# Starts where a run of spaces starts (from each place inside a run, quadratic in it).
_PAGE_AFTER = re.compile(r"(?<!\s)(?:\s{2,}|\t)\d{1,3}\s*$")


def _title(lines: list[str], zone_name: str | None) -> str | None:
    """The plan's own title: one of its first lines that calls it a plan; a page's number
    far after it ("… Meerjarenplan 2026-2031      1", a running header) is no part of it."""
    first = itertools.islice((raw for raw in lines if raw.strip()), 15)  # not every line
    texts = [" ".join(_PAGE_AFTER.sub("", raw).split()) for raw in first]
    for line in texts:
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
    others = _other_zones(lines, zone_name)
    if others:
        # A plan of two zones, read for one: the other's territory and zorgraad are not
        # this zone's (its zorgraad leads or takes part as an organisation).
        zone_names = [n for n in zone_names if n not in others]
        preview.warnings.append(
            f"plan van meer dan één zone ({', '.join(f'ELZ {n}' for n in others)} naast "
            f"{zone_name}): gelezen voor {zone_name}, met diens gemeenten; de acties gelden "
            "voor elke zone die het plan importeert (met --zone de andere)"
        )
    text = sentences(parser.lines, parser.sections, getattr(lines, "wrapped", frozenset()))
    found = territory.read(text, zone_names, others)
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
    preview.targets = [
        target.model_copy(update={"evidence": masked(target.evidence)})
        for target in targets_in(text)
    ]
    for goal in _in_order(parser.sds.values(), parser.referred, "SD"):
        preview.strategic_goals.append(
            GoalOut(
                number=goal.number,
                title=_goal_title(goal, preview.warnings),
                printed=goal.printed,
                source=goal.source,
                indicators=_indicators(goal.indicators, goal.source, preview.warnings),
            )
        )
    for goal in _in_order(parser.ods.values(), parser.referred, "OD"):
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
    if parser.referred:
        # A year plan names the multi-year plan's goals by number only: their titles are
        # not in it, and a title the graph holds stays (see import_plan_goals).
        preview.warnings.append(
            f"doelstellingen enkel bij nummer genoemd ({', '.join(parser.referred)}): hun "
            "titel staat niet in dit plan; een titel die de graaf al heeft, blijft"
        )
    short_forms = _abbreviations(lines, existing)
    _groups_with_short_forms(parser.actions, short_forms)
    preview.actions = _actions(parser.actions, zone, zone_names, existing, preview.warnings)
    _councils_of_the_plan(preview.actions)
    _short_forms_written_out(preview.actions, short_forms)
    _acronyms_of_the_plan(preview.actions)
    _kinds_spelled_out_of_the_plan(preview.actions)
    _organisations(preview, lines, text, existing, zone, zone_names)
    if not preview.strategic_goals and not preview.operational_goals and not preview.actions:
        preview.warnings.append(NOTHING_RECOGNISED)
    elif not preview.actions:
        preview.warnings.append(NO_ACTIONS)
    return preview


# A goal's heading word again after the number Word's list numbering put before it: "1.
# Strategische doelstelling 1: X", "1.1 Operationele doelstelling: X" are titled X.
_LEVEL_IN_TITLE = re.compile(
    r"^(?:(?:strategisch|operatione+l)e?\s+(?:doelstelling|doel)|SD|OD)"
    r"(?:\s*\d{1,2}(?:\.\d{1,2})?\.?)?(?::|\s[-–—]|\.(?=\s))\s*(?=\S)",
    re.I,
)


def _in_order(goals, referred: list[str], kind: str) -> list:
    """The plan's own goals in the order it prints them, then those it names by number only
    ("bijdrage aan OD 2.3"), by number: the order they are first referred to in says nothing
    (action 1 may serve OD 2.3, action 2 OD 1.1)."""
    by_number = {r.split()[-1] for r in referred if r.startswith(f"{kind} ")}
    own = [g for g in goals if g.number not in by_number or g.title]
    named = [g for g in goals if g.number in by_number and not g.title]
    return own + sorted(named, key=lambda g: _number_key(g.number))


def _number_key(number: str) -> tuple:
    """ "2.10" after "2.9"; a letter ("A.1") as written, after the numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in number.split("."))


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
    for value in indicator_rows(values):
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
    # "Co-trekkers: A en B" lead together; beside a lead they lead with it, as "Trekker: X
    # en Y" and "Trekker: X (co-trekker: Y)" do.
    co_leads = action.fields.get("co_lead", [])
    leading = named or marked or action.fields.get("coordinator", [])
    lead = _lead(leading or co_leads, zone, zone_names, existing)
    if leading and co_leads:
        also = _lead(co_leads, zone, zone_names, existing)
        lead.names += [n for n in also.names if n not in lead.names]
        lead.partners += also.partners
    if (
        lead.own is None
        and not lead.names
        and any(_LEADING_ROLE.search(r) for r in action.fields.get("role", []))
    ):
        lead = _Lead(own="zorgraad")
    partners, groups = list(lead.partners), []
    ticked = _ticked(action.fields.get("partners", []), form)
    # Persons among the partners: those the items lost already ("Jan Claes (Samana)" is
    # Samana), then those named alone; and a co-lead's, who is no lead either.
    said = ticked + (co_leads if leading else [])
    persons = [p for value in said for p in _persons_in(value, existing)]
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
        elif department := department_council(item, existing):
            partners.append(department)  # "dienst welzijn Duffel": Duffel's council
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
            [
                fit(_first_sentence(i, 300), limits.TEXT, "indicator")
                for i in indicator_rows(action.indicators)
            ]
        ),
    )


def _what(action: _Action) -> str:
    return " ".join(action.fields.get("what", []))


# Words that open an item naming who takes part: "samen met het RIZIV" (those of running text).
# "Samenwerking met de lokale besturen, …": the words before the first item are no part of it.
# "via CAW Limburg" as an item: through whom the action works, who takes part.
_WITH_BEFORE = re.compile(
    r"^(?:samenwerking\s+met\s+|via\s+|" + _PROSE_WITH.pattern.removeprefix(r"\b") + ")", re.I
)

# A field's label before a name in a table's text ("Trekker OCMW Brugge").
_LABELS_BEFORE_NAME = (
    r"Trekkers?|Partners?|Eigenaar|Lead|Verantwoordelijke|Co[öo]rdinator|Uitvoerders?|"
    r"Betrokken partners|Samenwerkingspartners|Partnerorganisaties"
)
# Written as the label of a table's row, or in capitals as such a row often is ("PARTNERS
# Vlaamse Vereniging …").
_LABEL_BEFORE_NAME = re.compile(
    rf"^(?:{_LABELS_BEFORE_NAME}|{_LABELS_BEFORE_NAME.upper()})"
    r"\s+(?=\S)"
)

# "Doelgroep Zorg- en welzijnsprofessionals", "Thema Netwerk en samenwerking": a row's label
# or a theme's heading word over the goals, before a word that is no name on its own.
_LABEL_BEFORE_WORD = re.compile(r"^(?:Doelgroep(?:en)?|(?:Werk)?domein|Thema|Pijler|Speerpunt)\s+")

# A line of a list of abbreviations: "CAW Centrum Algemeen Welzijnswerk", "LDC Lokaal
# Dienstencentrum".
_GLOSSARY_ENTRY = re.compile(
    r"^(?P<short>[A-Z][A-Za-z]{1,7}(?:['’]s)?)\s+(?P<long>[A-ZÀ-Ý][^.:;]{2,120})$"
)

_GLOSSARY_RUN = 3  # lines in a row that make a list of abbreviations

_GLOSSARY_SHORT = re.compile(r"[A-Z][A-Za-z]{1,7}(?:['’]s)?")  # an abbreviation alone


def _glossary(lines: list[str]) -> set[str]:
    """The lines of a plan's list of abbreviations (normalised): three or more in a row,
    blank lines aside, each an abbreviation and the words it is short for (on one line or,
    a table's row, on the next), most spelling it out. They name no organisation of the
    plan: "PXL Provinciale Hogeschool Limburg" explains PXL."""
    runs: list[list[re.Match]] = [[]]
    texts = [t for line in lines if (t := line.strip())]
    for at, text in enumerate(texts):
        if _GLOSSARY_SHORT.fullmatch(text) and at + 1 < len(texts):
            continue  # its words on the next line, as a table of two columns gives a row
        if at and _GLOSSARY_SHORT.fullmatch(texts[at - 1]):
            text = f"{texts[at - 1]} {text}"
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
    alone = {" ".join(line.split()).lower() for line in lines if len(line) < 30}
    for name, sentence in names_with_evidence([(s.text, s.section) for s in text]):
        # "Trekker Huisartsenkring Mechelen": a label without its colon before the name.
        name = _LABEL_BEFORE_NAME.sub("", name)
        label = _LABEL_BEFORE_WORD.match(name)
        if label and " " not in name[label.end() :].strip():
            continue
        name = name[label.end() :] if label else name
        # "CAW Limburg en Alzheimerliga Vlaanderen" read as one name is two (see _split_and).
        parts = _split_and(name, existing)
        for part in parts:
            label = _CLUSTER_AT_END.search(part)
            if (
                label
                and label.start()
                and (
                    re.search(rf"{re.escape(part)}\s*:", sentence)
                    or label.group(0).strip().lower() in alone
                )
            ):
                # "… Het Leeskot" / "PZON: Seniorenraad" as one sentence: a cluster's label
                # of the next line's names, no part of this name ("Huisartsenkring Kempen:"
                # over its circles is a name whole); so is the label on a line of its own, a
                # table's cell ("Kinekring Herentals" / "Welzijn" / "CAW De Kempen, …").
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
    in_words = _Words(lines)
    found_as = names_of_existing(lines, existing)
    named += [
        n
        for n in found_as
        if not any(_part_of_name(normalise(_ZONE_PREFIX.sub("", n)), name) for name in own)
        and in_words.as_a_name(n)
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
        n
        for n in named
        if not (variants(n) & taken_keys)
        and normalise(n) not in parts_of_names
        and not _site_of(n, taken_keys)
        # "Centrum Algemeen Welzijnswerk Antwerpen" in the text of the partner "CAW Antwerpen"
        and normalise(acronym_form(n)) not in taken_keys
        and not _words_before_referred(n, taken_keys)
        and not _person_after_referred(n, taken_keys, existing)
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
        category = None if match.id else category_from_name(name)
        preview.organisation_matches.append(
            OrganisationMatch(
                name=name,
                match=match.label,
                id=org_id,
                score=match.score,
                # The register's name the text may not write: the words it was found by.
                evidence=evidence.get(normalise(name))
                or naming.first(name)
                or (naming.first(found_as[name]) if name in found_as else ""),
                category=category,
                seat=seat.municipality.name if seat else None,
                known_as=registered.get(match.id),
            )
        )


_WORD = re.compile(r"[^\W_]+")


class _Words:
    """A plan's words as written (accents off, capitals kept), for where it names an
    organisation of the register: read once, when first asked."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.words: list[str] | None = None
        self.at: dict[str, list[int]] = {}

    def _read(self) -> list[str]:
        if self.words is None:
            self.words = []
            for word in _words_of(" ".join(self.lines)):
                self.at.setdefault(word.lower(), []).append(len(self.words))
                self.words.append(word)
        return self.words

    def as_a_name(self, name: str) -> bool:
        """Whether the plan writes a name of the register as a name somewhere: each word
        the register writes with a capital with one here ("Geïntegreerd Breed Onthaal
        (GBO)"), not as words of a sentence or title ("Geïntegreerd breed onthaal in elke
        gemeente" is what a goal is about, in any zone, as "kind en gezin" in running text
        is a group); nor by a kind's acronym alone ("Opstart GBO": every zone has its GBO)."""
        capitals = {w.lower() for w in _words_of(name) if w[:1].isupper()}
        if not capitals:
            return True  # "i-mens": written so
        words = self._read()
        for variant in variants(name):
            keys = variant.split()
            if len(variant) < 4 or len(keys) == 1 and variant.upper() in GENERIC_ACRONYMS:
                continue
            for start in self.at.get(keys[0], []):
                found = words[start : start + len(keys)]
                if [w.lower() for w in found] == keys and all(
                    w[:1].isupper() for w in found if w.lower() in capitals
                ):
                    return True
        return False


def _words_of(text: str) -> list[str]:
    """A text's words as `normalise` keeps them, their capitals kept: accents off, no
    article or legal form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [w for w in _WORD.findall(text) if w.lower() not in NOT_IN_KEY]


def _site_of(name: str, referred: set[str]) -> bool:
    """Whether a name read in the text is an organisation an action refers to and the place
    of one of its sites ("AZ Delta Torhout" beside the lead "AZ Delta"): that organisation,
    no other. A kind alone with a place is another body ("CAW" beside "CAW Torhout")."""
    body, _, place = name.rpartition(" ")
    if not body or not is_place(place) or normalise(body) not in referred:
        return False
    return " " in body or not is_kind_acronym(body)


def _words_before_referred(name: str, referred: set[str]) -> bool:
    """Whether a name read in the text is an organisation an action refers to after words in
    lower case that a line put before it ("Mantelzorgpunt in elk dienstencentrum OCMW
    Beringen ✓" in an overview's row: the title's end and the lead): that organisation."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].islower():
        return False
    return any(normalise(" ".join(words[at:])) in referred for at in range(1, len(words)))


def _person_after_referred(name: str, referred: set[str], existing: list[dict]) -> bool:
    """Whether a name read in the text is an organisation an action refers to with a person
    after it, as a table's row joins its cells ("CAW De Kempen Els Peeters Inhoud" under
    "Organisatie Contactpersoon Rol"): that organisation and a contact, no other body."""
    words = name.split()
    return any(
        normalise(" ".join(words[:at])) in referred for at, _ in persons_within(words, existing)
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
    own = _own_zones(preview)
    if not own:
        return
    if any(_names_zone(name, zone, zone_label) for name in own):
        return
    named = " of ".join(f"«{name}»" for name in own)
    label = f" ({zone_label})" if zone_label else ""
    suggestion = zone_id_for(own[0])
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
    said = _own_zones(preview) or ([preview.zone_name] if preview.zone_name else [])
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


def _own_zones(preview: PlanPreview) -> list[str]:
    """The zones the plan says it is of (`named_zones`): of several, the one it calls itself
    by (`zone_name`, the name it gives most) when that is among them. Its territory may also
    name the zone a municipality moves to ("Voeren sluit dan aan bij ELZ Maasland"): that is
    no zone of the plan, and a plan of Jekervallei was taken for one of Maasland."""
    named = preview.named_zones
    if len(named) > 1 and preview.zone_name:
        own = [name for name in named if _zone_key(name) == _zone_key(preview.zone_name)]
        if own:
            return own
    return named


def _zone_key(text: str) -> str:
    return normalise(_ZONE_PREFIX.sub("", text).replace("&", " en "))  # "Kemp & Duin"


def _names_zone(name: str, zone: str, zone_label: str | None) -> bool:
    key = _zone_key(name)
    wanted = {normalise(zone.replace("-", " "))}
    if zone_label:
        wanted.add(_zone_key(zone_label))
    initials = {"".join(word[0] for word in w.split()) for w in wanted if w}
    return key in wanted or key in initials


_ZONE_PREFIX = re.compile(r"^(?:ELZ|eerstelijnszone|zorgraad)\s+", re.I)


def _compare_with_graph(preview: PlanPreview) -> None:
    """Set `dropped` from the graph's rows (`_current`), and say so in a warning."""
    old = _dropped_warning(preview.dropped)
    preview.warnings = [w for w in preview.warnings if w != old]
    preview.dropped = dropped(plan_rows(preview, preview.zone), preview._current)
    if preview.dropped:
        preview.warnings.append(_dropped_warning(preview.dropped))


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


def as_new(preview: PlanPreview, names: list[str]) -> PlanPreview:
    """The preview with each of these names a new organisation where it was taken for one
    of the register whose name is only alike (≈): staff who know "Huisartsenkring
    Dijlevallei" is not the register's "Huisartsenkring Demervallei" keep it on its actions
    as itself, where unticking it would leave it off them. A name the register holds as it
    is cannot be made a second organisation of that name; a name the preview does not
    propose is refused, as `skip` refuses it."""
    out = preview.model_copy(deep=True)
    by_name = {normalise(m.name): m for m in out.organisation_matches}
    unknown = [n for n in names if normalise(n) not in by_name]
    if unknown:
        raise ValidationError(
            f"--new {', '.join(repr(n) for n in unknown)}: geen organisatie van deze preview"
        )
    taken = {m.id: m.name for m in out.organisation_matches}
    for name in names:
        match = by_name[normalise(name)]
        if match.match == "new":
            continue
        if not match.alike:
            raise ValidationError(
                f"«{match.name}» staat zo in het register ({match.match}): een tweede "
                "organisatie met die naam maakt de import niet; vink ze uit als ze niet "
                "bedoeld is"
            )
        seat = local_seat(match.name)
        match.match, match.score, match.known_as = "new", 0.0, None
        match.id = _new_id(out.zone, match.name, taken)
        taken[match.id] = match.name
        match.category = category_from_name(match.name)
        match.seat = seat.municipality.name if seat else None
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
