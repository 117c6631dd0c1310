"""The plan reader on big and hostile files: the structures that keep reading linear in a
file's size, shown without timing anything (bench/ has the figures)."""

from __future__ import annotations

import re

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from graphmap.ingest import documents, plan
from graphmap.ingest.documents.lines import SPACES
from graphmap.ingest.plan import naming, patterns, reading, rows, timing
from graphmap.ingest.plan import parser as plan_parser

PLAN = (
    "Strategische doelstelling 1: Samenwerking\n"
    "Operationele doelstelling 1.1: Netwerk\n"
    "Actie 1.1.1: Overleg\n"
)


def _longest_space(lines) -> int:
    return max((len(m.group(0)) for line in lines for m in re.finditer(r"\s+", line)), default=0)


def test_a_run_of_spaces_wider_than_a_page_is_held_to_one_page_wide(tmp_path):
    """Every pattern searched for that opens on spaces reads a run to its end from each
    place in it: a line of a million spaces held the reader for hours."""
    text = PLAN + "Partners: Samana" + " " * 10_000 + "CAW\n" + "\t " * 5_000 + "OKRA\n"
    path = tmp_path / "plan.txt"
    path.write_text(text)
    lines = documents.read_lines(path)
    assert _longest_space(lines) == SPACES
    assert any(line.startswith("Partners: Samana ") and line.endswith(" CAW") for line in lines)
    assert plan.read_plan(path, "zone").actions[0].code == "1.1.1"


def test_a_docx_paragraph_of_spaces_is_held_too(tmp_path):
    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    document.add_paragraph("Trekker: OCMW Genk" + " " * 5_000 + "vanaf Q2 2026")
    path = tmp_path / "plan.docx"
    document.save(path)
    assert _longest_space(documents.read_lines(path)) == SPACES


def test_spaces_as_wide_as_a_page_stay_as_they_are(tmp_path):
    """Columns of a PDF's text laid out with spaces keep their places."""
    row = "Gemeente" + " " * SPACES + "Inwoners"
    path = tmp_path / "plan.txt"
    path.write_text(PLAN + row + "\n")
    assert row in documents.read_lines(path)


class _Counted(list):
    """A list that counts the items read out of it by iterating or slicing: the work a
    loop over it does, whatever the machine."""

    read = 0

    def __iter__(self):
        for item in super().__iter__():
            _Counted.read += 1
            yield item

    def __getitem__(self, key):
        found = super().__getitem__(key)
        if isinstance(key, slice):
            _Counted.read += len(found)
        return found


def _uncoded_actions(count: int, lead: str = "Buurtwerk Nummer{n} vzw") -> list[str]:
    lines = ["Strategische doelstelling 1: Samenwerking", "Operationele doelstelling 1.1: Zorg"]
    for n in range(1, count + 1):
        lines += [f"Overleg in buurt {n}", f"Trekker: {lead.format(n=n)}", "Timing: 2026", ""]
    return lines


def test_the_lines_after_a_line_are_read_in_place_not_copied(monkeypatch):
    """A look at the next line copied all lines after it: quadratic in a plan's lines."""
    real = plan_parser.logical_lines
    monkeypatch.setattr(plan_parser, "logical_lines", lambda lines: _Counted(real(lines)))
    lines = _uncoded_actions(300)
    _Counted.read = 0
    preview = plan.parse_lines(lines, "zone", "plan.txt")
    assert len(preview.actions) == 300
    assert _Counted.read < 5 * len(lines)  # a few passes; copying the rest each time: 180,000


def test_an_action_printed_again_is_found_by_its_code_not_by_a_scan():
    lines = ["Strategische doelstelling 1: Samenwerking", "Operationele doelstelling 1.1: Zorg"]
    lines += [f"Actie 1.1.{n}: Overleg {n}" for n in range(1, 501)]
    lines += ["Actie 1.1.7: Overleg 7", "Trekker: CAW Limburg"]  # its detail after the list
    parser = plan_parser._Parser()
    parser.actions = _Counted()
    parser._indexed = (parser.actions, 0)
    _Counted.read = 0
    parser.feed(lines)
    assert len(parser.actions) == 500
    assert parser.actions[6].fields["lead"] == ["CAW Limburg"]
    assert _Counted.read < 5 * len(lines)  # each action against all before it: 125,000


def test_the_sentence_naming_each_organisation_is_found_in_one_reading(monkeypatch):
    """The evidence of a lead: each name against every sentence, normalised again for each,
    was quadratic in a plan's size."""
    calls = 0
    real = naming.normalise

    def counted(text):
        nonlocal calls
        calls += 1
        return real(text)

    for module in (naming, plan_parser, patterns, reading, rows):
        monkeypatch.setattr(module, "normalise", counted)
    # A name with no word of organisations: the text's names do not give its sentence.
    preview = plan.parse_lines(_uncoded_actions(300, "Kwadraat{n}"), "zone", "plan.txt")
    names = [m for m in preview.organisation_matches if m.name.startswith("Kwadraat")]
    assert len(names) == 300
    assert all(m.evidence == f"Trekker: {m.name}" for m in names)
    assert calls < 30 * 300  # each name against each sentence: 274,000


def test_a_name_that_begins_or_ends_another_is_no_organisation_of_its_own():
    parts = reading._parts_of_names(["stichting positieve gezondheid", "ziekenhuis sint jan"])
    assert {"stichting positieve", "positieve gezondheid", "sint jan"} <= parts
    assert "stichting positieve gezondheid" not in parts
    assert "positieve" not in parts and "stichting gezondheid" not in parts  # a middle word


class _CountingParser(plan_parser._Parser):
    """The plan's parser, its list of actions counted whatever list it is given."""

    @property
    def actions(self):
        return self._counted

    @actions.setter
    def actions(self, value):
        self._counted = value if isinstance(value, _Counted) else _Counted(value)


def test_a_table_of_actions_is_read_without_a_pass_over_all_actions_per_row(tmp_path):
    """Each row of a table is a block of actions of its own; each block filtered all
    actions read before it (for a list under the goal read as actions)."""
    rows = [f"| 1.1.{n} | Overleg {n} | OCMW Dorp{n} | Q1 2026 |" for n in range(1, 501)]
    path = tmp_path / "plan.md"
    path.write_text(
        PLAN.replace("Actie 1.1.1: Overleg\n", "\n")
        + "| Nr | Actie | Trekker | Timing |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )
    parser = _CountingParser()
    _Counted.read = 0
    parser.feed(documents.read_lines(path))
    assert len(parser.actions) == 500
    assert parser.actions[499].fields["lead"] == ["OCMW Dorp500"]
    assert _Counted.read < 10 * 500  # all actions at every row: 125,000


def test_a_list_under_a_goal_before_its_actions_label_is_still_no_action():
    lines = [
        "Strategische doelstelling 1: Samenwerking",
        "Operationele doelstelling 1.1: Zorg voor iedereen",
        "• Het netwerk kent elkaar",
        "• De partners delen gegevens",
        "Acties:",
        "• Overleg organiseren",
    ]
    preview = plan.parse_lines(lines, "zone", "plan.txt")
    assert [a.title for a in preview.actions] == ["Overleg organiseren"]


def _docx_plan(path, actions: int, style: str | None = None):
    document = docx.Document()
    for line in PLAN.splitlines()[:2]:
        document.add_paragraph(line, style=style)
    for n in range(1, actions + 1):
        document.add_paragraph(f"Actie 1.1.{n}: Overleg {n}", style=style)
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Trekker", f"OCMW Dorp{n}"
        table.cell(1, 0).text, table.cell(1, 1).text = "Timing", "Q2 2026"
    document.save(path)
    return document


def test_a_paragraphs_style_is_looked_up_once_per_style(tmp_path, monkeypatch):
    """python-docx reads all of a document's styles for each paragraph's style: looked up
    for each paragraph (three times), reading was quadratic in a document's size (a DOCX of
    2,000 tables: 95 s)."""
    from docx.text.paragraph import Paragraph

    path = tmp_path / "plan.docx"
    _docx_plan(path, 200)
    looked_up = 0
    real = Paragraph.style

    def style(paragraph):
        nonlocal looked_up
        looked_up += 1
        return real.fget(paragraph)

    monkeypatch.setattr(Paragraph, "style", property(style, real.fset))
    preview = plan.read_plan(path, "zone")
    assert len(preview.actions) == 200
    assert preview.actions[199].lead == "OCMW Dorp200"
    assert looked_up < 10  # once per style; for each paragraph: 3 × 1,000


def test_styles_based_on_each_other_in_a_circle_end(tmp_path):
    """A damaged or crafted file: style A based on B, B on A. Following the chain never
    ended."""
    from docx.enum.style import WD_STYLE_TYPE

    path = tmp_path / "plan.docx"
    document = docx.Document()
    first = document.styles.add_style("Eerste", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Tweede", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style, second.base_style = second, first
    for line in PLAN.splitlines():
        document.add_paragraph(line, style="Eerste")
    document.save(path)
    assert plan.read_plan(path, "zone").actions[0].code == "1.1.1"


def test_a_paragraph_of_many_lines_is_joined_reading_only_each_lines_end(monkeypatch):
    """A word broken at a line's end is looked for at the end of the paragraph so far; it
    was searched for from the paragraph's start at every line (a partner list of 20,000 rows
    read as a plan, one paragraph: over 120 s, now 17 s)."""
    from graphmap.ingest import outline

    read = 0
    real = outline._BROKEN

    class Counted:
        def search(self, text, pos=0):
            nonlocal read
            read += len(text) - pos
            return real.search(text, pos)

    monkeypatch.setattr(outline, "_BROKEN", Counted())
    lines = [outline.Line(f"partner nummer {n} en nog een partner die samen-") for n in range(2000)]
    found = outline.sentences(lines, [""] * len(lines))
    assert len(found) == 1 and "samenpartner nummer 1 " in found[0].text
    assert read < 10 * len(lines)  # from the start each time: 100 million characters


def test_a_timing_at_a_values_end_is_looked_for_in_its_tail_only(monkeypatch):
    """Each place in a value was tried as the start of its timing, and each try read on to
    the value's end; a value of many timings gave one up at a time (a lead of 5,000
    ", Q1": 43 s)."""
    tried = 0
    real = timing._TIMING_AFTER

    class Counted:
        def match(self, value, pos=0):
            nonlocal tried
            tried += 1
            return real.match(value, pos)

    monkeypatch.setattr(timing, "_TIMING_AFTER", Counted())
    rest, timings = timing._timing_apart(["Samana" + " en nog iets" * 500 + " - Q1 2026"])
    assert timings == ["Q1 2026"] and rest[0].endswith("en nog iets")
    assert tried <= 400  # every space of the value: 1,000
    tried = 0
    rest, timings = timing._timing_apart(["Samana" + ", Q1" * 1000])
    assert len(timings) == timing.TIMINGS and rest[0].startswith("Samana, Q1, Q1")
    assert tried < 10_000  # all 4,000 places at each of 1,000 timings


_PIECES = [
    "Jan",
    "Claes",
    " ",
    " en ",
    ",",
    ";",
    "&",
    "/",
    "(",
    ")",
    "•",
    "Samana",
    "trekker",
    "lead",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_runs_find_what_the_patterns_find(value):
    """The linear readings (`_persons_with_bodies`, `_marked_leads`) try a pattern only in a
    run that can hold a match: they find what the pattern finds everywhere."""
    mark = lambda m: f"<{m['who']}|{m['body']}>"  # noqa: E731
    assert naming._persons_with_bodies(value, mark) == naming._PERSON_WITH_BODY.sub(mark, value)
    assert [m.span() for m in timing._marked_leads(value)] == [
        m.span() for m in timing._MARKED_LEAD.finditer(value)
    ]


def test_a_place_after_provincie_is_no_municipality_however_it_is_spaced():
    """The word before each place is read from the place backwards (the whole text before it
    was copied for each place: quadratic in a sentence of many)."""
    from graphmap.ingest import territory

    assert [w for w, _ in territory._in("de provincie \t  Antwerpen en Boom")] == ["Boom"]
    assert [w for w, _ in territory._in("Arrondissement Hasselt, Genk")] == ["Genk"]
    assert [w for w, _ in territory._in("Genk " * 3)] == ["Genk"] * 3
