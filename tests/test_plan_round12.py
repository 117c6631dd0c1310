"""Plans of zones the reader had not seen, twelfth round: a slide deck and a page in two
columns as PDF, other words for the levels, typography as Word and PDF give it, a Word table
with its header on two rows, a workbook with a sheet per goal, a title page's line of
municipalities."""

from __future__ import annotations

import docx
import openpyxl
from extracted import by_code, read_plain
from fpdf import FPDF

from graphmap.ingest import plan




LEVEL_WORDS = """Zorgraad Mechelen-Katelijne - Jaaractieplan 2026
Strategisch doel 1: Iedereen krijgt tijdig de juiste zorg
Doel 1.1: De toegang tot de huisarts verbetert
Werkpunt 1.1.1: Aanmeldpunt voor inwoners zonder vaste huisarts
Trekker: Huisartsenkring Mechelen
Initiatief 1.1.2: Taalondersteuning in de praktijk
Trekker: CAW Antwerpen
"""


def test_werkpunt_and_initiatief_before_a_code_are_actions(tmp_path):
    actions = by_code(read_plain(tmp_path, LEVEL_WORDS))
    assert {code: (a.title, a.lead) for code, a in actions.items()} == {
        "1.1.1": ("Aanmeldpunt voor inwoners zonder vaste huisarts", "Huisartsenkring Mechelen"),
        "1.1.2": ("Taalondersteuning in de praktijk", "CAW Antwerpen"),
    }


def test_initiatief_before_a_number_without_a_point_stays_text(tmp_path):
    # "Initiatief 2 van de gemeente" is a sentence's subject, as "Project 3" is.
    text = LEVEL_WORDS.replace(
        "Trekker: CAW Antwerpen", "Trekker: CAW Antwerpen\nInitiatief 2 van de stad loopt door."
    )
    actions = by_code(read_plain(tmp_path, text))
    assert sorted(actions) == ["1.1.1", "1.1.2"]
