"""The zorgraad report as a Word document (python-docx), so staff can edit it before sending."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from graphmap.report.zorgraad import Block, Bullets, Heading, Picture, Table, Text

WIDTH = Cm(17)  # A4 less 2 cm margins
MUTED = RGBColor(0x6C, 0x75, 0x7D)
ALERT = RGBColor(0xB0, 0x1E, 0x1E)


def _shade(cell, colour: str) -> None:
    """A cell's background colour (python-docx has no API for it: the w:shd element)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    """Repeat the header row on every page the table spans."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _table(document, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, block.headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, (block.colour or "#dee2e6") + "")
    for index, values in enumerate(block.rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            run = cell.paragraphs[0].add_run(text)
            if index in block.alert:
                run.font.color.rgb = ALERT
    for column, share in zip(table.columns, block.widths, strict=True):
        for cell in column.cells:
            cell.width = int(WIDTH * share)
    document.add_paragraph()


def render(blocks: list[Block]) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    document.core_properties.language = "nl-BE"
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, block.level)
            if block.level == 0:
                document.core_properties.title = block.text
        elif isinstance(block, Text):
            run = document.add_paragraph().add_run(block.text)
            if block.muted:
                run.font.color.rgb = MUTED
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Picture):
            document.add_picture(io.BytesIO(block.png), width=WIDTH)
            caption = document.add_paragraph().add_run(block.caption)
            caption.italic = True
            caption.font.size = Pt(8.5)
            caption.font.color.rgb = MUTED
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
