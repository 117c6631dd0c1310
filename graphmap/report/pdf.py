"""The zorgraad report as PDF, with ReportLab: pure PyPI wheels (no system libraries, unlike
an HTML-to-PDF engine or LibreOffice), long tables that break across pages with their header
repeated, and the Bitstream Vera font ReportLab ships, embedded so that every reader shows
the same letters (ë, é, ï) on any machine."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Image,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from graphmap.report.zorgraad import Block, Bullets, Heading, Picture, Table, Text

MARGIN = 2 * cm
FRAME_WIDTH = A4[0] - 2 * MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN
MUTED = colors.HexColor("#6c757d")
ALERT = colors.HexColor("#b01e1e")
PADDING = 4  # points, left and right in a table cell


def _fonts() -> None:
    if "Vera" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("Vera-Bold", "VeraBd.ttf"),
        ("Vera-Italic", "VeraIt.ttf"),
        ("Vera-BoldItalic", "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, file))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Vera", fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "caption": ParagraphStyle(
            "caption", parent=base, fontName="Vera-Italic", fontSize=8, leading=10,
            textColor=MUTED, spaceBefore=3, spaceAfter=6,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=base, fontName="Vera-Bold", fontSize=8, leading=10),
        "alert": ParagraphStyle("alert", parent=base, fontSize=8, leading=10, textColor=ALERT),
        0: ParagraphStyle(
            "title", parent=base, fontName="Vera-Bold", fontSize=20, leading=24, spaceAfter=6
        ),
        1: ParagraphStyle(
            "h1", parent=base, fontName="Vera-Bold", fontSize=14, leading=17, spaceBefore=14,
            spaceAfter=6,
        ),
        2: ParagraphStyle(
            "h2", parent=base, fontName="Vera-Bold", fontSize=11, leading=14, spaceBefore=10,
            spaceAfter=4,
        ),
    }  # fmt: skip


def _tint(colour: str, share: float) -> colors.Color:
    """A colour mixed with white: a header's background in its cluster's colour, readable."""
    c = colors.HexColor(colour)
    return colors.Color(*(1 - share + share * v for v in (c.red, c.green, c.blue)))


def _breakable(text: str, width: float, style: ParagraphStyle) -> str:
    """A web address wider than its column may break after a slash, not in mid-word."""
    words = []
    for word in text.split(" "):
        if "/" in word and stringWidth(word, style.fontName, style.fontSize) > width:
            word = word.replace("/", "/ ")
        words.append(word)
    return " ".join(words)


def _table(block: Table, styles) -> PdfTable:
    rows = [[Paragraph(escape(h), styles["head"]) for h in block.headers]]
    room = [FRAME_WIDTH * w - 2 * PADDING for w in block.widths]
    for index, values in enumerate(block.rows):
        style = styles["alert"] if index in block.alert else styles["cell"]
        rows.append(
            [
                Paragraph(escape(_breakable(v, width, style)), style)
                for v, width in zip(values, room, strict=True)
            ]
        )
    table = PdfTable(
        rows, colWidths=[FRAME_WIDTH * w for w in block.widths], repeatRows=1, hAlign="LEFT"
    )
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), _tint(block.colour or "#adb5bd", 0.45)),
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.HexColor(block.colour or "#6c757d")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#ced4da")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    alert = _tint("#b01e1e", 0.08)
    commands += [("BACKGROUND", (0, i + 1), (-1, i + 1), alert) for i in block.alert]
    table.setStyle(TableStyle(commands))
    return table


def _picture_size(block: Picture) -> tuple[float, float]:
    width, height = ImageReader(io.BytesIO(block.png)).getSize()
    scale = min(FRAME_WIDTH / width, (FRAME_HEIGHT * 0.8) / height)
    return width * scale, height * scale


def _picture(block: Picture) -> Image:
    width, height = _picture_size(block)
    return Image(io.BytesIO(block.png), width=width, height=height)


def _room_after(block: Block | None) -> float:
    """The room a heading wants below it on its page: a picture whole (it cannot break, and
    would leave its heading alone at the foot of a page), else 4 cm, so that a long table
    breaks over pages rather than leaving half a page empty."""
    if isinstance(block, Picture):
        return _picture_size(block)[1] + 2 * cm  # its caption too
    return 4 * cm


def render(blocks: list[Block], title: str) -> bytes:
    _fonts()
    styles = _styles()
    story = []
    for block, after in zip(blocks, [*blocks[1:], None], strict=True):
        if isinstance(block, Heading):
            story.append(CondPageBreak(_room_after(after)))
            story.append(Paragraph(escape(block.text), styles[min(block.level, 2)]))
        elif isinstance(block, Text):
            story.append(Paragraph(escape(block.text), styles["muted" if block.muted else "body"]))
            story.append(Spacer(1, 4))
        elif isinstance(block, Bullets):
            story.append(
                ListFlowable(
                    [
                        ListItem(Paragraph(escape(item), styles["body"]), leftIndent=12)
                        for item in block.items
                    ],
                    bulletType="bullet",
                    bulletFontName="Vera",
                    leftIndent=12,
                )
            )
            story.append(Spacer(1, 6))
        elif isinstance(block, Table):
            story.append(_table(block, styles))
            story.append(Spacer(1, 8))
        elif isinstance(block, Picture):
            story.append(_picture(block))
            story.append(Paragraph(escape(block.caption), styles["caption"]))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN / 2, title)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, f"pagina {document.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author="graphmap",
        lang="nl-BE",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
