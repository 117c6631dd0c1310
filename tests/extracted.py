"""Plans as the seeds' PDF text extractor writes them, for the tests of the plan reader's
later rounds (tests/test_plan_round5.py, test_plan_round6.py …), and one action's fiche of
the 2025 template (seed 003's) filled in."""

from __future__ import annotations

from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines


def extracted(text: str) -> str:
    """The text as the seeds' extractor writes it: a space and a blank line after every line."""
    return "".join(f"{line.rstrip()} \n\n" for line in text.splitlines())


def read(tmp_path, text: str) -> plan.PlanPreview:
    path = tmp_path / "plan.txt"
    path.write_text(extracted(text), encoding="utf-8")
    return plan.parse_lines(read_lines(path), "testzone", path.name)


def read_plain(tmp_path, text: str, name: str = "plan.txt") -> plan.PlanPreview:
    """The text as a plan file of its own (a web page's, a Word document's saved as text),
    read as `graphmap import plan` reads it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return plan.read_plan(path, "testzone")


def by_code(preview: plan.PlanPreview) -> dict[str, plan.ActionOut]:
    return {a.id_code: a for a in preview.actions}


def fiche(
    code: str,
    title: str,
    lead: str,
    partners: str,
    how: str = "Heel 2026",
    what: str = "Een vorming voor de partners.",
) -> str:
    """One action's fiche of the template, its questions answered."""
    return f"""Actie {code} – {title}
Wat?
Geef een korte beschrijving van wat je gaat doen.
{what}
Met wie?
Wie is de trekker van de actie?
{lead}
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad opneemt.
Met welke stakeholders wordt er samengewerkt voor deze actie?
{partners}
Hoe?
Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.
{how}
Evaluatie
Indicatoren:
• 60 deelnemers
☒ Procesevaluatie
"""
