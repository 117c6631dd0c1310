"""The plan reader on big and hostile files: the structures that keep reading linear in a
file's size, shown without timing anything (bench/ has the figures)."""

from __future__ import annotations

import re

import docx

from graphmap.ingest import documents, plan

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
    assert _longest_space(lines) == documents.SPACES
    assert any(line.startswith("Partners: Samana ") and line.endswith(" CAW") for line in lines)
    assert plan.read_plan(path, "zone").actions[0].code == "1.1.1"


def test_a_docx_paragraph_of_spaces_is_held_too(tmp_path):
    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    document.add_paragraph("Trekker: OCMW Genk" + " " * 5_000 + "vanaf Q2 2026")
    path = tmp_path / "plan.docx"
    document.save(path)
    assert _longest_space(documents.read_lines(path)) == documents.SPACES


def test_spaces_as_wide_as_a_page_stay_as_they_are(tmp_path):
    """Columns of a PDF's text laid out with spaces keep their places."""
    row = "Gemeente" + " " * documents.SPACES + "Inwoners"
    path = tmp_path / "plan.txt"
    path.write_text(PLAN + row + "\n")
    assert row in documents.read_lines(path)
