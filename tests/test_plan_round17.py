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


def _pdf(path, pages: list[list[list[tuple[str, bool]]]], width: float) -> None:
    """A PDF as a word processor lays a plan out: per page its columns side by side, each a
    list of (text, bold) paragraphs wrapped at the column's width as Word wraps them (a word
    that does not fit goes to the next line); a running header and a footer "Pagina n van
    m" on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    left, gutter = 60.0, 30.0
    for number, columns in enumerate(pages, 1):
        sheet.setFont("Helvetica", 8)
        sheet.drawString(left, 800, "ELZ Kempenland – Jaarplan 2026")
        sheet.drawRightString(535, 40, f"Pagina {number} van {len(pages)}")
        for column, paragraphs in enumerate(columns):
            row = 0
            for text, bold in paragraphs:
                font = "Helvetica-Bold" if bold else "Helvetica"
                lines, line = [], ""
                for word in text.split():
                    longer = f"{line} {word}".strip()
                    if line and stringWidth(longer, font, 10) > width:
                        lines.append(line)
                        line = word
                    else:
                        line = longer
                for drawn in [*lines, line]:
                    sheet.setFont(font, 10)
                    sheet.drawString(left + column * (width + gutter), 760 - 13 * row, drawn)
                    row += 1
        sheet.showPage()
    sheet.save()


# An action's fields, their names and titles long enough to be wrapped in a narrow column.
ACTION = [
    ("Actie 2.1.1 – Screening van kwetsbare ouderen door de thuiszorg", True),
    ("Thuisverpleegkundigen gebruiken een korte screeningslijst bij ouderen.", False),
    ("Trekker: Wit-Gele Kruis West-Vlaanderen", False),
    (
        "Partners: Familiehulp, OCMW Nieuwpoort, lokaal dienstencentrum Ter Duinen, CM Westkust",
        False,
    ),
    ("Actie 2.1.2 – Een aanspreekpunt voor jongeren", True),
    ("Trekker: CAW Noord-West-Vlaanderen", False),
]


def test_names_and_titles_wrapped_in_a_pdfs_narrow_column_are_read_whole(tmp_path):
    """A PDF in two columns wraps a lead, a partner's name and an action's title at the
    column's width ("Trekker: Wit-Gele Kruis" / "West-Vlaanderen", "… dienstencentrum Ter" /
    "Duinen, CM Westkust"): the line above was full, so the next goes on with it, as in the
    text of the same plan; the lead was cut to "Wit-Gele Kruis", a name split in two."""
    path = tmp_path / "plan.pdf"
    goal = ("Strategische doelstelling 2 – Kwetsbare inwoners worden tijdig bereikt", True)
    other = [
        ("Strategische doelstelling 3 – Iedereen vindt de weg", True),
        ("Actie 3.1.1 – Een sociale kaart", True),
        ("Trekker: OCMW Geel", False),
    ]
    _pdf(path, [[[goal, *ACTION[:4]], ACTION[4:]], [other]], width=150)
    preview = plan.read_plan(path, "testzone")
    first = preview.actions[0]
    assert first.title == "Screening van kwetsbare ouderen door de thuiszorg"
    assert first.lead == "Wit-Gele Kruis West-Vlaanderen"
    assert "lokaal dienstencentrum Ter Duinen" in first.partners
    assert "CM Westkust" in first.partners
    assert preview.actions[1].title == "Een aanspreekpunt voor jongeren"


def test_a_goals_title_in_a_pdf_ends_where_its_line_ends_short(tmp_path):
    """A goal's heading and the sentence under it, with no blank line between them as a PDF's
    text has none: the heading's line ended with room to spare for the sentence's first
    word, so the sentence is no part of its title (it was joined to it); a title the layout
    wrapped still reads whole."""
    path = tmp_path / "plan.pdf"
    page = [
        ("Strategische doelstelling 1 – Mantelzorgers houden het vol", True),
        ("Mantelzorgers vinden sneller ondersteuning.", False),
        ("Operationele doelstelling 1.1 – Mantelzorgers krijgen een vorming op maat", True),
        ("Actie 1.1.1 – Vormingsreeks mantelzorg", True),
        ("Trekker: Liga van Mantelzorgers", False),
    ]
    _pdf(path, [[page], [page[2:]]], width=380)
    preview = plan.read_plan(path, "testzone")
    assert [g.title for g in preview.strategic_goals] == ["Mantelzorgers houden het vol"]
    assert [g.title for g in preview.operational_goals] == [
        "Mantelzorgers krijgen een vorming op maat"
    ]
    assert [(a.title, a.lead) for a in preview.actions] == [
        ("Vormingsreeks mantelzorg", "Liga van Mantelzorgers")
    ]


def test_items_of_a_deeper_level_of_a_word_numbered_list_stay_under_their_action(tmp_path):
    """A Word list numbered by Word, its actions at the first level and their indicators one
    level deeper ("1. Netwerkdag" / "a) 150 deelnemers"): the indicators are no actions of
    their own, as in the text whose indent says so (each one was read as an action)."""
    path = _word(
        tmp_path,
        [
            ("Strategisch doel 1. De zorgraad is een herkenbaar aanspreekpunt", None),
            ("Operationeel doel 1.1. Partners kennen de zorgraad", None),
            ("Een kennismakingsbezoek bij elke nieuwe huisarts", "List Number"),
            ("90% van de nieuwe zorgverleners ontvangt een bezoek", "List Number 2"),
            ("Een jaarlijkse netwerkdag voor alle partners", "List Number"),
            ("150 deelnemers", "List Number 2"),
            ("Trekker: de zorgraad", None),
            ("Met wie: Huisartsenkring Rupel", None),
        ],
    )
    preview = plan.read_plan(path, "testzone")
    assert [(a.title, a.indicators) for a in preview.actions] == [
        (
            "Een kennismakingsbezoek bij elke nieuwe huisarts",
            ["90% van de nieuwe zorgverleners ontvangt een bezoek"],
        ),
        ("Een jaarlijkse netwerkdag voor alle partners", ["150 deelnemers"]),
    ]
    assert {a.lead for a in preview.actions} == {"zorgraad"}


def test_the_zones_places_in_a_sentence_wrapped_in_a_pdfs_column_are_all_read(tmp_path):
    """The sentence that names the zone's municipalities, wrapped in a narrow column of a
    PDF ("… omvat de" / "steden en gemeenten Deinze, Nazareth-De" / "Pinte, …"): one
    sentence, as in the text, not lines apart of which only the first names places."""
    path = tmp_path / "plan.pdf"
    intro = [
        ("Meerjarenplan ELZ Leiestreek 2026-2031", True),
        (
            "De eerstelijnszone Leiestreek omvat de steden en gemeenten Deinze, Nazareth-De "
            "Pinte, Sint-Martens-Latem en Zulte. Nazareth en De Pinte fuseerden in 2025.",
            False,
        ),
    ]
    goals = [
        ("Strategische doelstelling 1 – Toegankelijke zorg", True),
        ("Actie 1.1.1 – Een sociale kaart", True),
        ("Trekker: Logo Gezond Plus", False),
    ]
    _pdf(path, [[intro, goals], [goals[1:]]], width=200)
    preview = plan.read_plan(path, "testzone")
    assert preview.municipalities == ["Deinze", "Nazareth-De Pinte", "Sint-Martens-Latem", "Zulte"]


def test_a_whole_word_on_its_own_line_of_a_pdf_table_cell_keeps_its_space(tmp_path):
    """A ruled table of actions in a PDF, a cell wrapped so that a long word stands alone on
    a line ("toegankelijke" / "communicatie", "Leopoldsburg" / "ondersteunen"): a whole word,
    narrower than the cell's widest line, not a word cut at the column's edge (they were
    read as "toegankelijkecommunicatie")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    rows = [
        ["Timing", "Wat", "Met wie?", "Trekker"],
        [
            "najaar 2026",
            "Opleiding voor onthaalmedewerkers over toegankelijke communicatie",
            "CAW Limburg",
            "de zorgraad",
        ],
        [
            "2026",
            "Een sociale kruidenier in Leopoldsburg ondersteunen",
            "vrijwilligers",
            "OCMW Leopoldsburg",
        ],
    ]
    table = Table(
        [[Paragraph(text, style) for text in row] for row in rows],
        colWidths=[3 * cm, 4.5 * cm, 4 * cm, 4 * cm],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey")]))
    path = tmp_path / "plan.pdf"
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=16)
    story = [
        Paragraph("ELZ Zuiderkempen – Jaaractieplan 2026", heading),
        Paragraph("SD 1 – Een toegankelijke eerste lijn", heading),
        Paragraph("OD 1.1: Drempels verlagen", heading),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    preview = plan.read_plan(path, "testzone")
    assert [a.title for a in preview.actions] == [
        "Opleiding voor onthaalmedewerkers over toegankelijke communicatie",
        "Een sociale kruidenier in Leopoldsburg ondersteunen",
    ]
