"""The lines of a plan → its strategic and operational goals and its actions with their
labelled fields (`_Parser`), in whichever layout the plan has them: numbered headings, action
sheets, tables of partners, bullets under an "Acties" block, sentences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from graphmap.ingest.documents.text_tables import broken_name
from graphmap.ingest.organisations import (
    is_organisation,
    is_person,
    normalise,
    persons_within,
)
from graphmap.ingest.outline import (
    ACTION_FIELDS,
    INSTRUCTION,
    STATUS_WORDS,
    TARGET_COLUMN,
    WRAPPED,
    Line,
    heading_or_field,
    join_lines,
    logical_lines,
    path_code,
    text_after,
    text_before,
    texts_after,
    without_bullet,
)
from graphmap.ingest.plan.naming import (
    _CLOSING_WORDS,
    _PROSE_WITH,
    _WITH_WORDS,
    _council,
    _is_municipality,
    _is_named_organisation,
    _is_self,
    _items,
    _names_after,
    is_contact_line,
    is_placeholder,
    prose_lead,
)
from graphmap.ingest.plan.patterns import (
    _ACTION,
    _ACTIONS_BLOCK,
    _BULLET,
    _DOMAIN,
    _FIELDS,
    _HEADER_ROW,
    _NAME_COLUMN,
    _OD,
    _OTHER_COLUMN,
    _ROLE,
    _SD,
    _SD_IN_DOMAIN,
    SENTENCE_BREAK,
    TITLE_LIMIT,
    _unique,
)


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
    under: _Goal | None = None  # the goal whose list of actions it is an item of
    note: str = ""  # "(verderzetting actie 2024)" before its title's separator: after it


@dataclass
class _Goal:
    number: str
    title: str
    parent: str | None
    printed: str | None
    source: str
    generated: bool = False  # numbered here, not by the plan
    indicators: list[str] = field(default_factory=list)
    # Who leads, takes part and when, given once for the goal's list of actions ("Trekker
    # X" / "Partners Y" / "Acties: - A - B"): each item's where it names none of its own.
    fields: dict[str, list[str]] = field(default_factory=dict)
    domain: str | None = None  # the theme or domain heading it stands under ("Thema 2")


# An action's code that spells out its goals: strategic goal, operational goal, action
# ("1.2.1", "SD1-OD2-A1" as read).
_CODE_OF_GOALS = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}$")

# Who works along, in brackets at a title's end: "Dementievriendelijke gemeente (i.s.m.
# Expertisecentrum Dementie Vlaanderen)" names partners, as a partners field would, and the
# action's name is what stands before them.
# (No spaces before the bracket in the pattern: searched for, a run of them would be read
# from each of its starts.)
_WITH_AFTER_TITLE = re.compile(rf"\(\s*{_WITH_WORDS}\s+(?P<names>[^()]+)\)\s*$", re.I)

# A state in brackets after a title ("Mantelzorgcafé (afgerond)", "[lopend]"), as a status
# column would give it: no part of the action's name (not "(verderzetting)": the template's
# note of an action carried on, which the title keeps).
_STATUS_AFTER_TITLE = re.compile(
    rf"[(\[]\s*(?:status\s*:?\s*)?(?!verder)(?:{STATUS_WORDS})\s*[)\]]\s*$", re.I
)


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


# The fields of an item of a list of actions that name who and when, whose values a bullet
# of the list does not go on (see `_next_item_after_fields`).
_NAMES_OF_ITEM = frozenset({"lead", "co_lead", "partners", "timing", "targets"})


# A line that ends in the middle of a sentence: a word in lower case after another word.
_BROKEN_OFF = re.compile(r"\w\s+[a-zà-ÿ]+$")


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
        self.referred: list[str] = []  # goals named by number only ("bijdrage aan OD 2.3")
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
        # Under an annex of one field per action ("Bijlage 2: partners per actie"): that
        # field, which "Actie 1.a: X, Y" gives to the action printed before.
        self.per_action: str | None = None

    # the one loop ------------------------------------------------------------------------
    def feed(self, lines: list[str]) -> None:
        blank = False
        self.lines = logical_lines(lines)
        self.paragraphs = getattr(lines, "paragraphs", frozenset())
        self.headings = getattr(lines, "headings", frozenset())
        self.wrapped = getattr(lines, "wrapped", frozenset())
        self.laid_out = getattr(lines, "laid_out", frozenset())
        # PDF text as the zones' extractor gives it: a blank line after every line, so that a
        # blank line says nothing of where a paragraph or a value ends.
        filled = [i for i, line in enumerate(self.lines) if line.text]
        after_blank = sum(1 for i in filled if i > 0 and not self.lines[i - 1].text)
        self.spaced = len(filled) >= 10 and after_blank >= 0.8 * len(filled)
        self.sections: list[str] = []  # per line: the part of the plan it belongs to
        # A plan of one level of goals: a list right under a strategic goal is its actions.
        self.one_level = not any(_heads(_OD, line.text) for line in self.lines)
        self.chapter: str | None = None  # the number of a chapter of actions ("3. Acties")
        self.domain: str | None = None  # the last theme or domain heading ("Thema 2")
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
        # "Partners per actie" after the actions, also where no chapter heading closes the
        # goals: an annex of one field per action, its lines no goal's or action's own.
        per_action = None if item.closes or not self.actions else _field_per_action(item.text)
        if item.closes or per_action:  # the plan's next chapter after its goals
            self._reset()
            self.sd = self.od = None
            self.per_action = per_action or _field_per_action(item.text)
            return
        line = item.text
        if self.per_action and self._value_per_action(line):
            return
        role = _ROLE.search(line)
        if role and self.block and not line.lower().startswith("out of scope"):
            self.block[-1].fields.setdefault("role", []).append(role.group("role"))
        if self.field != "reference" or not self._is_cross_reference(line):
            for handler in (
                self._caption_of_goal,
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
        if not field_name and _SHEET_TITLE.match(line) and self._sheet_title(line):
            field_name, rest = "title", ""
        if not field_name and self.field in _NAMES_OF_ITEM and _TARGET_LABEL.match(line):
            # "Partners: X" / "Streefwaarde: 90% …": a target ends the names; with the
            # indicators (an indicator's own, "(streefwaarde: 40)", where one is above it).
            field_name, rest = "indicators", line
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
        elif (
            bullet
            and self.field not in (None, "actions")
            and (self._next_number(item) or self._next_item_after_fields(item))
        ):
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
        elif not bullet and self.field and is_contact_line(line):
            # "Meer weten?" / "info@…" (a box of contact details beside a fiche, read after
            # it): whom to contact, no part of the field's value (nor kept in the graph).
            self.field = None
        elif (
            (self.field and self.block)
            or (self.field == "indicators" and self.indicator_lists)
            or self._goal_field_goes_on(line, blank, bool(bullet))
        ):
            self._add_value(line, blank, bool(bullet), item.indent)

    def _in_action(self) -> bool:
        return bool(self.block) and self.field != "actions"

    def _sheet_title(self, line: str) -> bool:
        """Whether "Actie" (or "Titel", `_SHEET_TITLE`) alone on its line is the label of an
        action sheet's title, as a PDF's text gives its table of label and value ("Actie" /
        "Netwerkavond" / "Partners" / "Samana" / "Trekker" / …): a value right under it, then
        a label. A table's header ("Actie" / "Trekker" / "Partners") has a label right under
        it."""
        if self.od is None and self.sd is None:
            return False
        value, label = (texts_after(self.lines, self.at, 2) + ["", ""])[:2]
        return bool(value) and not _label_line(value) and _label_line(label)

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
        if self.table == "rows":
            return self._row_of_partners(line, values)
        if self.table is None and _HEADER_ROW.match(line):
            self.table = "rows"  # the headers on one line: each row follows on one too
            return True
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

    def _row_of_partners(self, line: str, values: list[str]) -> bool:
        """A row of a table of partners whose cells the text joined on one line, as the
        seeds' extraction does ("CAW De Kempen Els Peeters Inhoud" under "Organisatie
        Contactpersoon Rol"): the name up to the contact person, who is a value apart (a
        person, named in the preview and never written); the role after it is none. A row
        without a person stays whole. A question or a field ends the table."""
        name = _field_of(line)[0] or _bare_label(line)[0]
        if line.endswith("?") or name not in (None, "other"):
            self.table = None
            return False
        words = line.split()
        for at, who in persons_within(words):
            values.extend([" ".join(words[:at]), who])
            return True
        values.append(line)
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
        if self.title_of is goal and goal.title and _goes_on(goal.title, line):
            return False  # the goal's title wrapped onto this line, over a goal's "Trekker"
        following = text_after(self.lines, self.at)
        name, _ = _field_of(following)
        # "Inzet van tolken" / "Wat?": a fiche's title without "Actie" before it.
        if name not in ("lead", "partners", "timing") and not (
            name == "what" and not _is_prose(line)
        ):
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
        if re.search(r"[a-zà-ÿ]-$", self.block[-1].fields[self.field][-1]) and line[:1].islower():
            return False  # "Huisartsen-" / "kring Zennevallei en …": the rest of a broken word
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
        # A heading of the text: a few words, no name, with a paragraph right under it, or
        # over the actions again ("Toelichting per actie" / "Actie 1.1.1 …") after a blank.
        following = text_after(self.lines, self.at)
        return (
            line[:1].isupper()
            and len(line.split()) <= 6
            and not line.endswith((".", ",", ";", ":"))
            and not is_organisation(line)
            and (_is_prose(following) or blank and _heads_a_goal_or_action(following))
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

    def _next_item_after_fields(self, item: Line) -> bool:
        """Whether a bullet of the list's own kind, after the last item's fields at the
        list's margin ("- Wijkoverleg" / "Trekker: X" / "Partners: Y, Z" / "- Netwerkavond"),
        is the next action: those fields gave their values as lines of text, so a bullet is
        none of them (a label alone, "Partners:", has its values as bullets under it; an
        indicator's list is the goal's, as "Indicatoren - A" / "- B" writes it, unless a
        lead or partners follow the bullet: "Indicator: X" / "b) Vorming" / "Trekker: Y")."""
        if self.item_bullet is None or self.value_indent is not None or not self.block:
            return False
        if self.field == "indicators":
            given = bool(self.indicator_lists and self.indicator_lists[-1][2])
            return (
                given
                and self._is_list_item(item)
                and _field_of(text_after(self.lines, self.at))[0] in ("lead", "partners")
            )
        return (
            self.field in _NAMES_OF_ITEM
            and bool(self.block[-1].fields.get(self.field))
            and self._is_list_item(item)
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
        self._fields_of_goals()
        for action in self.actions:
            if action.note:
                self._append_title(action, action.note)
            state = _STATUS_AFTER_TITLE.search(action.title)
            if state and action.title[: state.start()].strip():
                action.title = action.title[: state.start()].rstrip()
            along = _WITH_AFTER_TITLE.search(action.title)
            if along and action.title[: along.start()].strip():
                action.title = action.title[: along.start()].rstrip()
                action.fields["partners"] = [along["names"], *action.fields.get("partners", [])]
            if _is_prose(action.title) and not action.fields.get("prose"):
                # An item of a list of actions written as a sentence ("Logo X coördineert de
                # valpreventieweek, in samenwerking met Y."): who it names, as running text.
                action.fields["prose"] = [action.title]
            _roles_in_prose(action)
            # "1.2.3" listed before the goals, in an overview only: under OD 1.2 if there is one.
            prefix = (action.code or "").rpartition(".")[0]
            if action.goal is None and prefix in self.ods:
                action.goal = prefix
            elif action.goal is None and _CODE_OF_GOALS.match(action.code or ""):
                # "SD1-OD2-A1", "Actie 1.2.1" in a plan without a heading of OD 1.2: the
                # code is the only place the goal is, named by number as "bijdrage aan OD
                # 1.2" names one.
                action.goal = self._goal_by_number(prefix.split(".")[0], prefix)
        self._merge_strategic_twins()
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
                siblings = [g for g in kept.values() if g.parent == goal.parent]
                goal.number = _number_under(goal.parent, siblings)
                remap[number] = goal.number
            kept[goal.number] = goal
        self.ods = kept
        for action in self.actions:
            action.goal = remap.get(action.goal, action.goal)

    def _fields_of_goals(self) -> None:
        """Each item of a goal's list of actions takes the lead, partners, target groups and
        timing the goal gave them all, where it names none of its own."""
        for action in self.actions:
            goal = action.under
            for name, values in goal.fields.items() if goal is not None else ():
                if values and not action.fields.get(name):
                    action.fields[name] = list(values)

    def _goal_of_fields(self) -> _Goal | None:
        """The goal a field belongs to where no action is open: the one whose heading the
        field follows."""
        if self.block or self.field not in _NAMES_OF_ITEM:
            return None
        return self.od if self.od is not None else self.sd

    def _goal_field_goes_on(self, line: str, blank: bool, bullet: bool) -> bool:
        """Whether a line is a value of a goal's field (see `_goal_of_fields`): a bullet, a
        line right under it, or under its label alone; in PDF text spaced by blank lines,
        only a line that runs on ("Samana," / "OKRA")."""
        goal = self._goal_of_fields()
        if goal is None:
            return False
        values = goal.fields.get(self.field)
        if not values or bullet:
            return True
        if not blank and not self.spaced:
            return True
        return line[:1].islower() or values[-1].endswith((",", "-"))

    def _merge_strategic_twins(self) -> None:
        """An unnumbered strategic goal printed again over each of its action sheets is one
        goal: when its heading wraps ("… efficiënte en kwalitatieve" / "organisatie"), its
        title is whole only after the heading, too late for `_sd` to know it. The others are
        numbered again in their order; their operational goals follow."""
        kept: dict[str, _Goal] = {}
        remap: dict[str, str] = {}
        merged = False
        for number, goal in self.sds.items():
            twin = None
            if goal.printed == "":
                unnumbered = (g for g in kept.values() if g.printed == "")
                twin = self._same_title(unnumbered, goal.title)
            if twin is not None:
                remap[number], merged = twin.number, True
                continue
            if goal.printed == "":
                goal.number = str(_next_number(kept))
                remap[number] = goal.number
            kept[goal.number] = goal
        if not merged:
            return
        self.sds = kept
        for od in self.ods.values():
            od.parent = remap.get(od.parent, od.parent)
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
        if self.field and self.block and self._broken_off():
            return False  # "… dan pas in" / "2026": a sentence of the value, wrapped
        self._reset()
        years = _PERIOD_HEADING.match(line)["years"]
        self.periods.append((len(self.actions), years, goal.number))
        return True

    def _broken_off(self) -> bool:
        """Whether the line right above this one (a blank line between says nothing in a PDF
        whose every line is followed by one) breaks off in the middle of a sentence where
        the page ended it: as wide as a wrapped line, it ends in a word in lower case,
        without a stop or a colon ("Partners: CAW en huisartsen" / "2027" is a value, then
        a year's heading)."""
        at = self.at - 1
        if self.spaced and at > 0 and not self.lines[at].text:
            at -= 1
        above = self.lines[at].text if at >= 0 else ""
        return len(above) >= WRAPPED and bool(_BROKEN_OFF.search(above))

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
        printed = None if number else ""
        if number is None:
            same = self._same_title(self.sds.values(), title)
            number = same.number if same else str(_next_number(self.sds))
        elif self._numbered_again(self.sds.get(number), title):
            # "Thema 2: …" / "Strategische doelstelling 1: …" again: each theme numbers its
            # goals from 1. Another goal, numbered on after the plan's others, unless it is
            # one printed so before (the theme's summary, then its detail).
            twin = self._printed_as(number, title)
            printed, number = number, twin.number if twin else str(_next_number(self.sds))
        goal = self.sds.get(number)
        new = goal is None
        if new:
            source = f"SD {printed} ({self.domain})" if printed else f"SD {number}"
            goal = _Goal(number, title, None, printed, source)
            goal.domain = self.domain
            self.sds[number] = goal
        self.sd, self.od = goal, None
        self._reset(title_of=goal if new or not goal.title else None)
        return True

    def _domain(self, line: str) -> bool:
        """A heading of a level above the strategic goals ("Werkdomein 2: Welzijn", "Pijler
        1 – Zorg" where the plan names its strategic goals so): no goal, and no value of
        the last action's field ("Welzijn" was read as a partner)."""
        domain = _DOMAIN.match(line)
        if not domain:
            return False
        self._reset()
        self.sd = self.od = None
        self.domain = " ".join(line[: domain.end() - 1].rstrip(" :.-–—").split())
        return True

    def _numbered_again(self, goal: _Goal | None, title: str) -> bool:
        """Whether a strategic goal's number, printed before under another theme or domain
        with another title, is a goal of its own (the plan numbers them again in each)."""
        return (
            goal is not None
            and goal.domain is not None
            and self.domain is not None
            and goal.domain != self.domain
            and bool(title)
            and normalise(title) != normalise(goal.title)
        )

    def _printed_as(self, number: str, title: str) -> _Goal | None:
        """The strategic goal numbered again that the plan printed as `number` under the
        current theme, or with this title."""
        return next(
            (
                g
                for g in self.sds.values()
                if g.printed == number
                and (g.domain == self.domain or normalise(g.title) == normalise(title))
            ),
            None,
        )

    def _in_goal_numbered_again(self, printed: str, goal: _Goal | None) -> str | None:
        """A number the plan prints under a goal it numbered again ("1.2" under the second
        theme's "Strategische doelstelling 1", "1.2.1" under its "1.2"), as the reader
        numbers that goal ("2.2", "2.2.1")."""
        if goal is None or not goal.printed or goal.printed == goal.number:
            return None
        head = f"{goal.printed}."
        return goal.number + printed[len(head) - 1 :] if printed.startswith(head) else None

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
        again = self._in_goal_numbered_again(printed, self.sd) if printed else None
        if again:
            number, parent = again, self.sd.number
        elif printed and "." in printed:
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
                number = _number_under(parent, siblings)
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
        # "Actie: X", and "Actie – X" (a fiche's heading without a code; not "Actieplan – …").
        dashed = match.group("sep") in ("-", "–", "—") and re.match(
            r"actie(?:fiche)?\s", line, re.I
        )
        if number is None and match.group("sep") != ":" and not (dashed and rest[:1].isupper()):
            return False
        if number and re.fullmatch(r"(19|20)\d\d", number):
            return False  # "Actieplan 2025" is a title, not action 2025
        if number:
            number = self._in_goal_numbered_again(number, self.od) or number
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
            contribution = _CONTRIBUTION.search(rest) if number else None
            if contribution and goal is None:
                # "Actie 3 – Valpreventieweek   bijdrage aan SD 2 / OD 2.3": a year plan
                # names the multi-year plan's goal the action is under, by number only.
                goal = self._contributed_goal(contribution)
                rest = rest[: contribution.start()].rstrip(" –—-")
            elif contribution and goal in (contribution["od"], contribution["sd"]):
                rest = rest[: contribution.start()].rstrip(" –—-")  # "(OD 1.2)" under OD 1.2
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
            # under it; a remark without the action ("(vervolg 2025)") is none. After the
            # title, also where the title wraps onto the next line.
            action.note = note
        return True

    def _value_per_action(self, line: str) -> bool:
        """ "Actie 1.a: Huisartsenkring X, Sociaal Huis Y" under an annex of partners per
        action: the partners of action 1.a, added to those its own fields give. A code the
        plan has no action of makes none (its names stay names the plan gives). A table of
        the annex read as a list of actions ("Acties" / "- SD1-OD2-A1" / "Partners: X")
        gives its codes as items."""
        line = without_bullet(line)
        match = _ACTION.match(path_code(line))
        if _ACTIONS_BLOCK.match(line):
            return True  # a table's rows per action, as its lines are written (documents)
        if not match or not match.group("num"):
            if self.block and _field_of(line)[0] == self.per_action:
                return False  # "Partners: X" under "Actie 1.a" (a table's row): its value
            self.per_action = None  # the annex's list has ended, and its last action's
            self._reset()  # fields: what follows ("Indicatoren") is none of that action's
            return False
        number, rest = match.group("num"), match.group("rest").strip()
        action = self._printed_before(number, self._goal_for(number))
        self._reset()
        if action is None:
            return True
        self.block = [action]
        action.again = None  # what the annex gives adds to the action's own fields
        if rest:
            self._start_field(self.per_action, rest)
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

    def _caption_of_goal(self, line: str) -> bool:
        """ "Tabel 3: acties bij OD 1.3" over the table of an operational goal whose heading
        gives no number: the goal's number is the caption's, not the next in order (a plan
        that left goal 1.2 out, or numbers its goals otherwise). Another caption is text."""
        match = _CAPTION_OF_GOAL.match(line)
        goal = self.od
        if not match or goal is None or not goal.generated:
            return False
        number = match["num"]
        if number != goal.number and (
            number in self.ods or any(a.goal == goal.number for a in self.actions[-50:])
        ):
            return False
        del self.ods[goal.number]
        goal.number, goal.printed, goal.generated = number, number, False
        goal.source = f"OD {number}"
        if number.split(".")[0] in self.sds:
            goal.parent = number.split(".")[0]
        self.ods[number] = goal
        self._reset()
        return True

    def _goal_of_action(self, line: str) -> bool:
        """ "Doelstelling: SD 1" under an action of a chapter of actions: the goal it is under;
        "Bijdrage aan: SD 1 / OD 1.1" under an action that stands under no goal (a year
        plan's, whose goals are the multi-year plan's)."""
        if self.block and len(self.block) == 1 and self.block[0].goal is None:
            contribution = _CONTRIBUTION.match(line)
            if contribution:
                self.block[0].goal = self._contributed_goal(contribution)
                return True
        if not self.block or len(self.block) != 1 or not self.block[0].chaptered:
            return False
        match = _GOAL_OF_ACTION.match(line)
        goal = self._referred_goal(match["ref"]) if match else None
        if goal is None:
            return False
        self.block[0].goal = goal
        return True

    def _contributed_goal(self, contribution: re.Match) -> str:
        """The goal a year plan's action contributes to, by number ("SD 2 / OD 2.3"); a goal
        the plan names by number only is a goal without a title (the multi-year plan's)."""
        od = contribution["od"]
        return self._goal_by_number(contribution["sd"] or (od.split(".")[0] if od else None), od)

    def _goal_by_number(self, sd: str, od: str | None) -> str:
        """Goal `od` (or `sd`) of a plan that names it by number only: a goal without a title,
        made where the plan has none of that number."""
        if sd not in self.sds:
            self.sds[sd] = _Goal(sd, "", None, None, f"SD {sd}")
            self.referred.append(f"SD {sd}")
        if od is None:
            return sd
        if od not in self.ods:
            self.ods[od] = _Goal(od, "", sd, None, f"OD {od}")
            self.referred.append(f"OD {od}")
        return od

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
            # The label's own indent: a text whose every line is indented (a PDF's margin
            # in pdftotext -layout) has its next items there too, not under this one.
            indent = self.lines[self.at].indent
            self._new_block_action(rest, Line(match.group("rest").strip(), indent, "dash"))
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
        if is_contact_line(text):
            return  # "Meer info: Jan Claes, jan@…" under the actions: no action
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
        action.under = self.od if self.od is not None else self.sd
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
        coded = _CODE_UNDER_GOAL.match(text)
        if coded and self.od is not None and coded["goal"] in (self.od.number, self.od.printed):
            # "- 1.1.1 Het herbekijken van de mandaten" in the list under OD 1.1: its code.
            action.code = f"{self.od.number}.{coded['last']}"
            action.source, text = f"Actie {coded['goal']}.{coded['last']}", coded["rest"]
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
        # A title broken after a word no title ends with ("… en het") or a comma ("… van
        # Halle, Beersel,"), inside a name or at a full line goes on after a blank line too,
        # as PDF text puts one after every line.
        title = target.title or ""
        dangling = bool(_DANGLING.search(title)) or title.endswith(",")
        ends = target.title and blank and not line[:1].islower() and not dangling
        if ends and not _runs_on(target.title, line) and not _TITLE_NOTE.match(line):
            self.title_of = None
            return
        if target.title and not dangling and line[:1].isupper() and self._new_paragraph():
            self.title_of = None  # a paragraph of its own in Word: the text under the title
            return
        if target.title and not dangling and not line[:1].islower() and self._unwrapped():
            # A PDF's line that its layout did not wrap the title onto (one in lower case
            # goes on after a line break of its own).
            self.title_of = None
            return
        above = _as_printed(self.lines[self.at - 1].text) if self.at and not blank else ""
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

    def _unwrapped(self) -> bool:
        """Whether the current line is a PDF's that its layout did not wrap the line above
        onto (see `Lines.wrapped`): a line of its own."""
        number = self.lines[self.at].number
        return number in self.laid_out and number not in self.wrapped

    def _wrapped_line(self) -> bool:
        """Whether the layout of a PDF wrapped the line above onto the current line."""
        return self.lines[self.at].number in self.wrapped

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
            # Of a list whose items each have their own fields, the last item's.
            owners = self.block[-1:] if self.item_fields else list(self.block)
            self.indicator_lists.append((owners, goal, []))
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
            goal = self._goal_of_fields()
            if goal is not None:
                lists = [goal.fields.setdefault(self.field, [])]
        # A bullet's item wraps onto a line indented under its text, or after a word that
        # cannot end it ("Apothekersvereniging Halle-Vilvoorde en" / "Leuven").
        under_bullet = self.value_indent is not None and indent > self.value_indent and not blank
        # A list apart by commas or "en" that fills its line runs on on the next ("…, OCMW" /
        # "Zulte", "… en Wit-Gele" / "Kruis West-Vlaanderen").
        # In spaced PDF text a list of names runs on so too; an indicator is a sentence.
        spaced = self.spaced and self.field in ("lead", "partners")
        full = (not blank or spaced) and not bullet and len(self.value_line) >= WRAPPED
        names_field = self.field in ("lead", "partners")  # an indicator's "en" is a sentence's
        for values in lists:
            runs_on = (
                (
                    line[:1].islower()
                    or values[-1].endswith(("-", ","))
                    or bool(_DANGLING.search(values[-1]))
                    or under_bullet
                    or (self.field in ("lead", "partners") and broken_name(values[-1], text))
                    or (names_field and self._wrapped_line())
                    or (
                        full
                        and ("," in values[-1] or (" en " in values[-1] and names_field))
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


def _goes_on(title: str, line: str) -> bool:
    """Whether `line` carries on a title above it: it starts in lower case, or the title
    broke off after a word no title ends with ("… en het")."""
    return line[:1].islower() or bool(_DANGLING.search(title))


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


# The label of an action sheet's title alone on its line (see `_Parser._sheet_title`).
_SHEET_TITLE = re.compile(r"^(?:actie|titel|naam\s+(?:van\s+de\s+)?actie|actietitel)\s*$", re.I)


def _label_line(line: str) -> bool:
    return bool(_field_of(line)[0] or _bare_label(line)[0])


def _bare_label(line: str) -> tuple[str | None, str]:
    """A label alone on its line without its colon ("Trekker" / "OCMW Brugge", as a PDF's
    text gives an action sheet's table of label and value): that field, its value below."""
    if len(line) > 40 or line.endswith((".", ",", ";", ":", "?")):
        return None, ""
    name, rest = _field_of(f"{line}:")
    return (name, "") if name and not rest else (None, "")


_END_LABEL = re.compile(r"^(?:einde|einddatum)\s*:", re.I)


# An annex's heading that names one field per action: "Bijlage 2: partners per actie",
# "Overzicht van de betrokken partners per actie", "Trekkers per actie".
_PER_ACTION = re.compile(
    r"^(?:(?:bijlage|annex)\s*\w{0,3}\s*[:.\-–—]\s*)?(?:overzicht\s+(?:van\s+)?)?(?:de\s+)?"
    r"(?P<label>\w[\w -]{2,40}?)\s+per\s+actie\s*:?$",
    re.IGNORECASE,
)


def _field_per_action(heading: str) -> str | None:
    """The field an annex's heading gives per action (partners, lead, timing), or None."""
    match = _PER_ACTION.match(heading.strip())
    if not match:
        return None
    name, rest = _field_of(f"{match['label'].capitalize()}:")
    return name if name in ("partners", "lead", "timing") and not rest else None


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

# An item of a goal's list that opens with its action's code: "1.1.1 Het herbekijken …",
# "1.1.2. Opmaak …" (its goal's number, then its own).
_CODE_UNDER_GOAL = re.compile(
    r"^(?P<goal>\d{1,2}\.\d{1,2})\.(?P<last>\d{1,2})\.?\s+(?P<rest>[^\W\d_].*)$"
)


def _heads(pattern: re.Pattern, text: str) -> bool:
    """Whether a line is a goal's heading of that pattern, as `_Parser._sd`/`_od` read it."""
    match = pattern.match(text) if text else None
    return bool(match) and bool(match["num"] or match["sep"] in (":", None))


def _as_printed(line: str) -> str:
    """A heading's line about as long as the plan printed it: its words were written out
    ("I. Zorg" and "SD 1: Zorg" read as "Strategische doelstelling 1: Zorg"), its number
    and title stay."""
    for pattern in (_SD, _OD, _ACTION):
        match = pattern.match(line)
        if match and match.group("num"):
            return f"{match.group('num')}. {match.group('rest')}"
    return line


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


# Places and regions a text works "samen met": no partner ("Samen met Vlaanderen …").
_REGION = re.compile(
    r"^(?:Vlaanderen|Wallonië|Brussel|België|Europa|Nederland|"
    r"(?:provincie\s+)?(?:Limburg|Antwerpen|Oost-Vlaanderen|West-Vlaanderen|Vlaams-Brabant))$",
    re.I,
)


# A value in a table of indicators as a PDF's text gives it, one cell a line, under its
# label "Indicator", the header of each column of targets (outline.TARGET_COLUMN) and per row
# the indicator and its values: "250", "80%", "€ 4.500", "min. 3 sessies", "ja".
_MEASURE = re.compile(
    r"^(?:[<>≥≤]\s*|min(?:imaal|\.)?\s+|max(?:imaal|\.)?\s+)?(?:€\s*)?\d[\d.,]*"
    r"(?:\s*(?:%|procent|euro|€|[a-zà-ÿ]{1,15}))?(?:\s+per\s+[a-zà-ÿ]{1,15})?$|"  # "150 per jaar"
    r"^(?:ja|nee|n\.?v\.?t\.?|[-–—?])$",
    re.I,
)


def indicator_rows(values: list[str]) -> list[str]:
    """An action's indicators as a table one cell a line gives them ("Streefwaarde 2027" /
    "Aantal aanmeldingen" / "250" / …): each indicator with its values ("Aantal aanmeldingen
    (streefwaarde 2027: 250)"), not the header and each value an indicator of its own. Values
    that are no such table stay as they are; a target in a column of its own ("Streefwaarde
    2027: 3", a spreadsheet's or a table's row) goes with the indicator before it."""
    values = _targets_joined(values)
    columns = 0
    while columns < len(values) and TARGET_COLUMN.match(values[columns].strip()):
        columns += 1
    rows = values[columns:]
    if columns == 1 and rows:
        # "Aantal dorpsrestaurants 6": a row's cells on one line, as a text export gives them.
        cut = [row.strip().rsplit(" ", 1) for row in rows]
        if all(len(c) == 2 and _MEASURE.match(c[1]) for c in cut):
            rows = [cell for pair in cut for cell in pair]
    if not columns or not rows or len(rows) % (columns + 1):
        return values
    out = []
    for at in range(0, len(rows), columns + 1):
        name, cells = rows[at], rows[at + 1 : at + 1 + columns]
        if _MEASURE.match(name.strip()) or not all(_MEASURE.match(c.strip()) for c in cells):
            return values
        said = "; ".join(
            f"{header.strip().rstrip(':').lower()}: {cell.strip()}"
            for header, cell in zip(values[:columns], cells, strict=True)
        )
        out.append(f"{name.strip()} ({said})")
    return out


def _targets_joined(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        header, colon, cell = value.partition(":")
        target = colon and TARGET_COLUMN.match(header.strip()) and _MEASURE.match(cell.strip())
        if target and out and not out[-1].endswith(")"):
            out[-1] = f"{out[-1]} ({header.strip().lower()}: {cell.strip()})"
        else:
            out.append(value)
    return out


# A target under its label, as a line of its own: "Streefwaarde: 90% …", "Streefcijfer 2027: 60".
_TARGET_LABEL = re.compile(
    r"^(?:streefwaarde|streefcijfer|doelwaarde)(?:\s+(?:in\s+)?(?:19|20)\d\d)?\s*:", re.I
)


_PARTNERS_ARE = re.compile(
    r"(?:(?:de|onze|andere|betrokken|mogelijke)\s+){0,2}"
    r"(?:partners|partnerorganisaties|samenwerkingspartners)\s+(?:zijn|worden)\s+",
    re.I,
)


def _prose_partners(sentence: str) -> list[str]:
    """The organisations a sentence says an action works with: every item after "samen met",
    "in samenwerking met" …, less places and groups of people ("de inwoners"); running text
    names no group as a field does."""
    found = []
    # "Partners zijn Samana en OKRA.", "Betrokken partners zijn …": the names after the verb.
    opening = _PARTNERS_ARE.match(sentence)
    starts = [opening.end()] if opening else []
    for start in starts + [w.end() for w in _PROSE_WITH.finditer(sentence)]:
        for item in _items([_names_after(sentence[start:])]):
            name = re.sub(r"^(?:de|het)\s+(?=[A-ZÀ-Ý])", "", item)
            if _REGION.match(name) or _is_municipality(name) or not is_organisation(name):
                continue
            found.append(name)
    return found


# A group of people of one body: "De huisartsen van de HAK Mandel en Leie": the body takes
# part, beside the group.
# The group in lower case ("Huis van het Kind" is a name), the body any name with a capital
# ("de vrijwilligers van Samana").
# The group in lower case throughout: "de Huizen van het Kind" is a kind, not a group "of"
# a body "Kind".
_BODY_OF_GROUP = re.compile(
    r"^(?:[Dd]e\s+|[Hh]et\s+)?[a-zà-ÿ][^,;()A-ZÀ-Ý]*?\s+van\s+(?:(?:de|het)\s+)?"
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


def _roles_in_prose(action: _Action) -> None:
    """The lead and partners of an action that has no such fields, where its running text
    names them (a narrative plan: "De zorgraad neemt het voortouw, in samenwerking met CAW
    X en het OCMW Aalst."); read as those fields would be."""
    text = functools.reduce(
        _join, action.fields.pop("prose", []) + action.fields.get("what", []), ""
    )
    if not text:
        return
    sentences = [part.strip() for part in re.split(rf"{SENTENCE_BREAK}|\s*;\s*", text)]
    if not any(action.fields.get(name) for name in ("lead", "coordinator", "co_lead")):
        for sentence in sentences:
            said, name = prose_lead(sentence)
            if name:
                action.fields["lead"] = [name]
            if said:
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


def _heads_a_goal_or_action(text: str) -> bool:
    return any(
        (match := pattern.match(text)) and match.group("num") for pattern in (_ACTION, _OD, _SD)
    )


def _number_under(parent: str, siblings: list[_Goal]) -> str:
    """The number of a goal under `parent` that its heading does not give: after the highest
    of its siblings ("1.3", a caption's number), never one taken."""
    last = max((_last_part(g.number) for g in siblings), default=0)
    return f"{parent}.{max(last, len(siblings)) + 1}"


def _last_part(number: str) -> int:
    last = number.rsplit(".", 1)[-1]
    return int(last) if last.isdigit() else 0


# The caption of a goal's table of actions: "Tabel 3: acties bij OD 1.3", "Acties voor
# operationele doelstelling 2.1", "Actietabel OD 1.2".
_CAPTION_OF_GOAL = re.compile(
    r"^(?:(?:tabel|figuur|overzicht)(?:\s+\d{1,3})?(?:\s*[:.\-–—])?\s+)?"
    r"(?:acties|actietabel|actiepunten)\s+(?:(?:bij|voor|van|onder|binnen)\s+)?(?:de\s+)?"
    r"(?:OD|operationele\s+doelstelling)\s*(?P<num>\d{1,2}\.\d{1,2})\s*:?$",
    re.I,
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

# The goal of a multi-year plan an action of a year plan contributes to, by number: at the
# end of its title ("… bijdrage aan SD 2 / OD 2.3", "(draagt bij aan OD 2.3)") or as a
# field ("Bijdrage aan: SD 1 / OD 1.1", "Link met meerjarenplan: OD 1.2"). Each run of
# spaces is read by one repeat (see _GOAL_OF_ACTION).
# Also the goal alone in brackets after the title: "Buurtzorg (OD 1.2)", "X (SD 2 – OD 2.1)".
_CONTRIBUTION = re.compile(
    r"(?:(?<=\s)|^)(?:[(\[]?(?:bijdrage\s+(?:aan|tot)|draagt\s+bij\s+(?:aan|tot)|"
    r"link\s+met(?:\s+het)?\s+meerjarenplan|koppeling\s+met(?:\s+het)?\s+meerjarenplan)"
    r"\s*(?::\s*)?|[(\[](?=[SO]D\s?\d))"
    r"(?=[SO]D)(?:SD\s?(?P<sd>\d{1,2})(?!\.?\d))?(?:\s*[/,;–—-]\s*|\s+en\s+|\s+)?"
    r"(?:OD\s?(?P<od>\d{1,2}\.\d{1,2}))?[)\]]?\s*$",
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
