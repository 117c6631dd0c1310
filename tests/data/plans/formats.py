"""A text plan of the corpus rendered as a zone would send it (round 17): a .docx (goals as
Word headings, bullets as Word's list paragraphs, an action's fields as paragraphs or as a
two-column table of label and value) or a PDF made as from Word (A4, DejaVu, a running
header and a footer "Pagina n van m", lines wrapped at the page's or a column's width; one
column, two columns, or a table per action). Used by build.py; the corpus's copies of one
plan in other formats keep its gold (the same plan reads the same in every format).

Usage: python formats.py OUTDIR PLAN.txt ...
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOAL = re.compile(
    r"^(strategische doelstelling|sd|operationele doelstelling|od|doelstelling|actie|"
    r"strategisch doel|operationeel doel)\s*[\dIVXivx]+[\w.]*\b",
    re.I,
)
BULLET = re.compile(r"^(\s*)([•\-\*–·▪o■►✓])\s+(.*)$")
LABEL = re.compile(
    r"^(?:[A-Z][\w ’'/()-]{1,40}\?|(?:trekker|partners?|timing|indicatoren?|budget|"
    r"doelgroep|wat|waarom|hoe|wie|met wie|voor wie|status|planning|termijn)\s*:?)\s*$",
    re.I,
)
NUMBERED = re.compile(r"^\s+(\d{1,2}|[a-z])[.)]\s+(.+)$")
INLINE = re.compile(
    r"^((?:trekker|partners?|timing|budget|doelgroep|status|planning|termijn)):\s*(.+)$", re.I
)


def level_of(line: str) -> int:
    low = line.lower()
    if low.startswith(("strategische", "sd", "strategisch")):
        return 1
    if low.startswith(("operationele", "od", "operationeel", "doelstelling")):
        return 2
    return 3


@dataclass
class Block:
    kind: str  # heading / bullet / label / para / blank
    text: str
    level: int = 0
    value: list = field(default_factory=list)


ROMAN_GOAL = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)\.\s+[A-ZÀ-Ý]")
# A text export's page furniture, which a Word document has in its header and footer only.
PAGE = re.compile(r"^\s*(?:pagina\s+)?\d+(?:\s+van\s+\d+)?\s*$", re.I)
# "Acties - first item" (a table's label cell and its list run together by pdftotext).
INLINE_LIST = re.compile(r"^(acties|indicatoren|partners|doelgroep)\s+[-–•]\s+(.+)$", re.I)


def blocks_of(text: str) -> list[Block]:
    from collections import Counter

    lines = text.splitlines()
    counts = Counter(line.strip() for line in lines if line.strip())
    out = []
    for raw in lines:
        if raw.strip() and (
            PAGE.match(raw)
            or (
                counts[raw.strip()] >= 3
                and len(raw.strip()) < 60
                and "\t" not in raw
                and not BULLET.match(raw)
                and not LABEL.match(raw.strip())
                and not INLINE.match(raw.strip())
            )
        ):
            continue
        inline = INLINE_LIST.match(raw.strip())
        if inline:
            out.append(Block("label", inline.group(1)))
            out.append(Block("bullet", inline.group(2), 0))
            continue
        line = raw.rstrip().replace("\f", "")
        if not line.strip():
            out.append(Block("blank", ""))
            continue
        stripped = line.strip()
        if "\t" in stripped and not BULLET.match(line):
            cells = [c.strip() for c in stripped.split("\t")]
            if out and out[-1].kind == "table":
                out[-1].value.append(cells)
            else:
                out.append(Block("table", "", 0, [cells]))
            continue
        if out and out[-1].kind == "table" and not line.startswith(" "):
            row = out[-1].value[-1]
            widest = max(range(len(row)), key=lambda i: len(row[i]))
            row[widest] = f"{row[widest]} {stripped}"
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            out.append(Block("number", numbered.group(2), 1 if numbered.group(1).isalpha() else 0))
            continue
        bullet = BULLET.match(line)
        if GOAL.match(stripped) and len(stripped) < 160:
            out.append(Block("heading", stripped, level_of(stripped)))
        elif ROMAN_GOAL.match(stripped) and len(stripped) < 100:
            out.append(Block("heading", stripped, 1))
        elif bullet:
            depth = {"o": 1, "▪": 2}.get(bullet.group(2), 1 if len(bullet.group(1)) >= 2 else 0)
            out.append(Block("bullet", bullet.group(3), depth))
        elif LABEL.match(stripped) or INLINE.match(stripped):
            out.append(Block("label", stripped))
        else:
            out.append(Block("para", stripped))
    return out


def actions_of(blocks: list[Block]):
    """Groups: ('block', b) or ('action', heading, [(label, [blocks])], trailing) for an action
    heading followed by labelled fields."""
    items, i = [], 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and b.level == 3:
            j, fields, current, title_extra = i + 1, [], None, []
            while j < len(blocks) and blocks[j].kind != "heading":
                c = blocks[j]
                if c.kind == "label":
                    inline = INLINE.match(c.text)
                    if inline:
                        current = (inline.group(1), [Block("para", inline.group(2))])
                    else:
                        current = (c.text, [])
                    fields.append(current)
                elif c.kind != "blank":
                    if current is None:
                        title_extra.append(c)
                    else:
                        current[1].append(c)
                j += 1
            if fields:
                items.append(("action", b, title_extra, fields))
                i = j
                continue
        items.append(("block", b))
        i += 1
    return items


# ---------------------------------------------------------------- docx


def write_docx(blocks: list[Block], path: Path, table: bool) -> None:
    import docx

    document = docx.Document()

    def add(b: Block, container=document):
        if b.kind == "heading":
            container.add_paragraph(b.text, style=f"Heading {b.level}")
        elif b.kind == "bullet":
            container.add_paragraph(
                b.text, style=["List Bullet", "List Bullet 2", "List Bullet 3"][b.level]
            )
        elif b.kind == "number":
            container.add_paragraph(b.text, style="List Number 2" if b.level else "List Number")
        elif b.kind == "table":
            width = max(len(r) for r in b.value)
            grid = document.add_table(rows=0, cols=width)
            grid.style = "Table Grid"
            for r in b.value:
                cells = grid.add_row().cells
                for i, text in enumerate(r):
                    cells[i].text = text
        elif b.kind in ("para", "label"):
            container.add_paragraph(b.text)

    items = actions_of(blocks) if table else [("block", b) for b in blocks]
    for item in items:
        if item[0] == "block":
            add(item[1])
            continue
        _, head, extra, fields = item
        add(head)
        for b in extra:
            add(b)
        grid = document.add_table(rows=0, cols=2)
        grid.style = "Table Grid"
        for label, values in fields:
            cells = grid.add_row().cells
            cells[0].text = label
            first = True
            for v in values:
                if first:
                    cells[1].paragraphs[0].text = v.text
                    if v.kind == "bullet":
                        cells[1].paragraphs[0].style = "List Bullet"
                    first = False
                else:
                    cells[1].add_paragraph(
                        v.text, style="List Bullet" if v.kind == "bullet" else None
                    )
    document.save(path)


# ---------------------------------------------------------------- pdf


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DejaVu", base + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", base + "DejaVuSans-Bold.ttf"))


def write_pdf(blocks: list[Block], path: Path, zone: str, mode: str) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    _fonts()
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=3)
    heads = {
        1: ParagraphStyle(
            "h1", fontName="DejaVu-Bold", fontSize=14, leading=18, spaceBefore=10, spaceAfter=6
        ),
        2: ParagraphStyle(
            "h2", fontName="DejaVu-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        ),
        3: ParagraphStyle(
            "h3", fontName="DejaVu-Bold", fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
    }
    label = ParagraphStyle("l", parent=body, fontName="DejaVu-Bold")
    bullet = [
        ParagraphStyle("u0", parent=body, leftIndent=14, bulletIndent=4),
        ParagraphStyle("u1", parent=body, leftIndent=28, bulletIndent=18),
    ]

    def flow(b: Block):
        t = escape(b.text)
        if b.kind == "heading":
            return Paragraph(t, heads[b.level])
        if b.kind == "bullet":
            # Word's own bullets per level of a list, as its PDF export draws them.
            return Paragraph(
                t, bullet[min(b.level, 1)], bulletText=["•", "o", "▪"][min(b.level, 2)]
            )
        if b.kind == "number":
            flow.counts[b.level] = flow.counts.get(b.level, 0) + 1
            if b.level == 0:
                flow.counts[1] = 0
            mark = f"{flow.counts[0]}." if b.level == 0 else f"{'abcdefghij'[flow.counts[1] - 1]})"
            return Paragraph(t, bullet[min(b.level, 1)], bulletText=mark)
        flow.counts = {0: 0, 1: 0} if b.kind != "number" else flow.counts
        if b.kind == "table":
            cell = ParagraphStyle("c", parent=body, fontSize=8, leading=10)
            rows = [[Paragraph(escape(c), cell) for c in r] for r in b.value]
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            total = (7.5 if mode == "columns" else 16.5) * cm  # the frame's width: no overflow
            grid = Table(rows, colWidths=[total / width] * width, splitInRow=1)
            grid.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            return grid
        if b.kind == "label":
            return Paragraph(t, label)
        if b.kind == "para":
            return Paragraph(t, body)
        return None

    flow.counts = {0: 0, 1: 0}
    story = []
    items = actions_of(blocks) if mode == "table" else [("block", b) for b in blocks]
    for item in items:
        if item[0] == "block":
            f = flow(item[1])
            if f is not None:
                story.append(f)
            continue
        _, head, extra, fields = item
        story.append(flow(head))
        story += [flow(b) for b in extra]
        rows = [
            [Paragraph(escape(lab), label), [flow(v) for v in vals] or ""] for lab, vals in fields
        ]
        grid = Table(rows, colWidths=[4 * cm, 12.5 * cm], splitInRow=1)  # table mode: one column
        grid.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
        )
        story += [grid, Spacer(1, 6)]

    width, height = A4
    margin = 2 * cm
    if mode == "columns":
        gap = 0.8 * cm
        col = (width - 2 * margin - gap) / 2
        frames = [
            Frame(margin, margin, col, height - 2 * margin, id="left"),
            Frame(margin + col + gap, margin, col, height - 2 * margin, id="right"),
        ]
    else:
        frames = [Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="one")]

    class Numbered(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("DejaVu", 8)
                self.drawString(margin, height - 1.2 * cm, f"ELZ {zone} – Jaarplan 2026")
                self.drawRightString(
                    width - margin, 1.2 * cm, f"Pagina {self._pageNumber} van {total}"
                )
                super().showPage()
            super().save()

    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin)
    doc.addPageTemplates([PageTemplate(id="p", frames=frames)])
    doc.build([s for s in story if s is not None], canvasmaker=Numbered)


VARIANTS = ("para.docx", "table.docx", "flow.pdf", "columns.pdf", "table.pdf")


def convert(source: Path, out: Path, zone: str) -> list[Path]:
    blocks = blocks_of(source.read_text(encoding="utf-8"))
    made = []
    for variant in VARIANTS:
        kind, ext = variant.split(".")
        target = out / f"{source.stem}.{kind}.{ext}"
        if ext == "docx":
            write_docx(blocks, target, table=kind == "table")
        else:
            write_pdf(blocks, target, zone, kind)
        made.append(target)
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[2:]:
        src = Path(name)
        zone = src.stem.replace("elz-", "").split("_")[0].replace("-", " ").title()
        for p in convert(src, out, zone):
            print(p)
