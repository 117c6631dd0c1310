"""The same plan as a zone sends it: a Word document (headings by style, lists, a table of
an action's fields) and a PDF made from Word (a running header and footer, lines wrapped at
the page's or a column's width) read as its text export does."""

from __future__ import annotations

import docx

from graphmap.ingest import plan


def _word(tmp_path, paragraphs: list[tuple[str, str | None]]):
    """A .docx of (text, style) paragraphs; a style "Heading N" is Word's heading."""
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


def test_actions_numbered_under_roman_goals_as_word_headings_keep_their_codes(tmp_path):
    """Actions "Actie I.1" / "Actie II.1" as Word headings, under goals "I. X" of a plan of
    one level: numbered actions, as in the text, not unnumbered headings over fields
    ("Actie: Actie I.1 …"), which lost every goal and every action's code."""
    path = _word(
        tmp_path,
        [
            ("I. Toegankelijke eerste lijn", "Heading 1"),
            ("Actie I.1 Eén aanspreekpunt per gemeente", "Heading 2"),
            ("Trekker: OCMW Gistel", None),
            ("Partners: CAW Noord-West-Vlaanderen", None),
            ("Actie I.2 Vervoer naar de huisarts", "Heading 2"),
            ("Trekker: Minder Mobielen Centrale Jabbeke", None),
            ("II. Zorg op maat", "Heading 1"),
            ("Actie II.1 Doelgericht werken in het overleg", "Heading 2"),
            ("Trekker: Huisartsenkring Houtland", None),
        ],
    )
    preview = plan.read_plan(path, "testzone")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke eerste lijn"),
        ("2", "Zorg op maat"),
    ]
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Eén aanspreekpunt per gemeente", "OCMW Gistel"),
        ("1.2", "Vervoer naar de huisarts", "Minder Mobielen Centrale Jabbeke"),
        ("2.1", "Doelgericht werken in het overleg", "Huisartsenkring Houtland"),
    ]
