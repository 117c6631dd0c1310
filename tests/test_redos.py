"""No regular expression of graphmap takes more than quadratic time on any input.

A plan or spreadsheet is uploaded by staff on a shared server: one pattern that backtracks
in cubic or exponential time on a crafted line (a run of 3,000 spaces) holds a worker for
hours, a denial of service for every user. regexploit (a static ReDoS finder) reads each
pattern graphmap compiles, at import (module globals) and while it reads the test corpus
(patterns built in functions, taken from `re`'s cache), and reports every run of repeats
that can share one stretch of text out in cubic or more ways ("starriness" 3 or more).
Static: no timing, so the test never fails on a slow machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import warnings
from pathlib import Path

import pytest
from regexploit.ast.sre import SreOpParser
from regexploit.redos import find

import dashboard
import graphmap
from graphmap.ingest import plan, tables
from graphmap.ingest.plan import naming, parser
from graphmap.ingest.plan import timing as plan_timing

DATA = Path(__file__).parent / "data"
PLANS = DATA / "plans"

# Patterns that may stay, each with why it is safe.
ALLOWED: dict[str, str] = {
    # graphmap.ingest.tables._ends_in_quote: a quoted CSV field. Read as if it could give
    # back (the scan sees `(?:[^"]+|"")*`, a nested repeat), but it is possessive: each run
    # of letters is taken once and never shared out again, linear on any text.
    r'"(?:[^"]+|"")*+"': "possessive: never backtracks into the repeat",
}


class _Parser(SreOpParser):
    """regexploit's reader, also of possessive repeats and atomic groups (Python 3.11),
    read as plain repeats and groups: they can only backtrack less, so a pattern clean
    read this way is clean."""

    def from_POSSESSIVE_REPEAT(self, data):
        return self.from_MAX_REPEAT(data)

    def from_ATOMIC_GROUP(self, data):
        return self.sequence_or_singleton(data)


def _modules(package) -> list:
    found = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.endswith("__main__"):
            continue  # runs a command on import
        found.append(importlib.import_module(info.name))
    return found


def _patterns_in(value) -> list[re.Pattern]:
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, list | tuple | frozenset | set):
        return [item for item in value if isinstance(item, re.Pattern)]
    if isinstance(value, dict):
        return [item for item in value.values() if isinstance(item, re.Pattern)]
    return []


def _module_patterns() -> dict[tuple, str]:
    found = {}
    for package in (graphmap, dashboard):
        for module in _modules(package):
            for name, value in vars(module).items():
                for pattern in _patterns_in(value):
                    found[(pattern.pattern, pattern.flags)] = f"{module.__name__}.{name}"
    return found


def _others() -> set[tuple]:
    """The module patterns of the libraries graphmap uses (reportlab's, pdfminer's): not
    graphmap's to answer for, and no plan's text reaches them."""
    found = set()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("graphmap", "dashboard", "tests") or module is None:
            continue
        # Globals only: `re` keeps its cache in a dict, the very patterns looked for.
        for value in list(getattr(module, "__dict__", {}).values()):
            if isinstance(value, re.Pattern):
                found.add((value.pattern, value.flags))
    return found


def _compiled_while_reading() -> dict[tuple, str]:
    """The patterns compiled while the corpus is read (f-strings, joined alternations)."""
    re.purge()
    for path in sorted(PLANS.iterdir()):
        if path.suffix in (".txt", ".pdf", ".docx"):
            plan.read_plan(path, "zone")
    for path in sorted(DATA.glob("*.txt")):
        plan.read_plan(path, "zone")
    tables.read_table(DATA / "partners-jekervallei.csv")
    cached = [v for v in list(re._cache.values()) if isinstance(v, re.Pattern)]
    # A full cache has let go of its oldest: some patterns would go unseen.
    assert len(re._cache) < re._MAXCACHE, "re's cache overflowed; scan in parts"
    return {(p.pattern, p.flags): "compiled while reading" for p in cached}


@pytest.fixture(scope="module")
def patterns() -> dict[tuple, str]:
    found = _compiled_while_reading()
    found.update(_module_patterns())
    others = _others()
    return {
        key: where
        for key, where in found.items()
        if isinstance(key[0], str) and (where != "compiled while reading" or key not in others)
    }


def starriness(pattern: str, flags: int) -> int:
    """How many repeats can share out one run of text in the worst case (3: cubic time)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = _Parser().parse_sre(pattern, flags)
    return max((redos.starriness for redos in find(parsed)), default=0)


def test_the_scan_sees_the_patterns_built_in_functions(patterns):
    assert len(patterns) > 250
    assert "compiled while reading" in patterns.values()


def test_no_pattern_backtracks_in_cubic_time_or_worse(patterns):
    slow, unread = [], []
    for (pattern, flags), where in patterns.items():
        if pattern in ALLOWED:
            continue
        try:
            stars = starriness(pattern, flags)
        except Exception as error:  # noqa: BLE001 - regexploit cannot read every pattern
            unread.append(f"{where}: {type(error).__name__} on {pattern[:120]!r}")
            continue
        if stars >= 3:
            slow.append(f"{where} ({stars}): {pattern[:200]!r}")
    assert not slow, "patterns with cubic or worse backtracking:\n" + "\n".join(slow)
    assert not unread, "patterns regexploit cannot check (list them in ALLOWED):\n" + "\n".join(
        unread
    )


# The header of a table of places as it was before commit 4c2a0b3 (exponential on a line
# opening with "Gemeenten" and some 30 words) and as it was after it (cubic on spaces), and
# a timing after a name as it was (cubic): the check must see each.
_OLD = [
    r"^[|\s]*(?:gemeenten?|lokale?\s+besture?n?)\s*[|;\t ]\s*(?:[^|;\t]*[|;\t ]\s*)*?"
    r"(?:aantal\s+)?(?:inwoners|bevolking|oppervlakte|huishoudens)\b",
    r"^[|\s]*(?:gemeenten?)\s*[|;\t ](?:[\s\S]*?[|;\t ])??\s*(?:aantal\s+)?inwoners\b",
    r"(?:\s*[-–—,;/]\s*(?:timing|periode)?\s*:?\s*|\s+)(?P<timing>Q[1-4])\s*\.?$",
]


@pytest.mark.parametrize("old", _OLD)
def test_the_check_finds_the_slow_patterns_we_had(old):
    assert starriness(old, re.I) >= 3


def test_the_rewritten_patterns_read_what_they_did():
    """Each rewrite keeps what it matches on real text (the corpus reads the same); these
    are the cases the rewrite could have moved: spaces of all kinds, brackets right after a
    comma, a timing behind a colon."""
    from graphmap.ingest import territory

    assert territory._PLACES_TABLE.match("Gemeente | Aantal inwoners")
    assert territory._PLACES_TABLE.match("Stad/gemeente\u2002 Inwoners  Oppervlakte")
    assert territory._PLACES_TABLE.match("Gemeenten\tbevolking")
    assert territory._PLACES_TABLE.match("Gemeenten  Bree, Peer |  inwoners")
    assert not territory._PLACES_TABLE.match("Gemeenten" + " " * 50 + "x")
    assert not territory._PLACES_TABLE.match("Gemeenteninwoners")
    person = naming._PERSON_WITH_BODY.search("OCMW Gent,  Jan Claes  (Samana)")
    assert (person["space"], person["who"], person["body"]) == ("  ", "Jan Claes", "Samana")
    assert not naming._PERSON_WITH_BODY.search("OCMW, (Samana)")
    lead = plan_timing._MARKED_LEAD.search("CAW, Familiehulp   (trekker)")
    assert lead["name"] == "Familiehulp"
    timing = plan_timing._TIMING_AFTER.search("Samana - timing : Q1 2026.")
    assert timing["timing"] == "Q1 2026."
    goal = parser._GOAL_OF_ACTION.match("Doelstelling :  OD 1.1 – Zorgverleners")
    assert goal["ref"] == "OD 1.1"
    assert parser._GOAL_OF_ACTION.match("Gekoppelde doelstelling: SD 2.")
    titled = parser._GOAL_IN_TITLE.search("Huisartsen   (doelstelling: SD 3)")
    assert (titled.start(), titled["ref"]) == (len("Huisartsen"), "SD 3")
