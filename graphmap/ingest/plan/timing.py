"""An action's timing (a period or moment written in its title or fields), the check boxes of a
plan written as a form, and leads marked in a list of partners ("(trekker)").
"""

from __future__ import annotations

import re

from graphmap.ingest.plan.naming import _AND
from graphmap.ingest.plan.parser import _Action
from graphmap.ingest.plan.patterns import _BULLET, _unique

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
    # One repeat for each run of spaces ("\s*(?:timing)?\s*:?\s*" was cubic on a long run),
    # started where the run starts (not from each place inside it).
    rf"(?<!\s)(?:\s*[-–—,;/]\s*(?:(?:timing|periode|planning)\s*)?(?::\s*)?|\s+)"
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
