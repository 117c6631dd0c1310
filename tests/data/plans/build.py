"""Builds the corpus's PDF and Word plans from their sources: `python tests/data/plans/build.py`.

The built files are committed, so the tests never depend on this script or on fpdf2's
version; it is kept to show (and redo) how they were made. PDFs come from
`sources/<name>.txt`: `#header` and `#footer` lines repeat on every page (`{page}` and
`{pages}` are replaced), `#pagebreak` starts a new page in the middle of whatever is there.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import formats  # noqa: E402  (beside this script, not a package)

# A Unicode font (Debian's fonts-dejavu-core): plans are full of "–", "•" and "ë".
FONTS = Path("/usr/share/fonts/truetype/dejavu")


class _Plan(FPDF):
    def __init__(self, header: str, footer: str):
        super().__init__(format="A4")
        self.header_text, self.footer_text = header, footer
        for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Oblique")):
            self.add_font("DejaVu", style, str(FONTS / f"DejaVuSans{suffix}.ttf"))
        self.set_auto_page_break(auto=True, margin=22)
        self.set_margins(22, 22)

    def header(self):
        if self.header_text:
            self.set_font("DejaVu", "I", 8)
            self.cell(0, 6, self.header_text, align="R")
            self.ln(10)

    def footer(self):
        if self.footer_text:
            self.set_y(-15)
            self.set_font("DejaVu", "I", 8)
            text = self.footer_text.replace("{page}", str(self.page_no()))
            self.cell(0, 8, text.replace("{pages}", "{nb}"), align="C")


def build_pdf(source: Path, target: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    header = next((line[8:] for line in lines if line.startswith("#header ")), "")
    footer = next((line[8:] for line in lines if line.startswith("#footer ")), "")
    pdf = _Plan(header, footer)
    pdf.alias_nb_pages("{nb}")
    pdf.add_page()
    for line in lines:
        if line.startswith(("#header", "#footer")):
            continue
        if line == "#pagebreak":
            pdf.add_page()
            continue
        bold = line.startswith("**") and line.endswith("**")
        text = line.strip("*")
        pdf.set_font("DejaVu", "B" if bold else "", 10)
        if not text:
            pdf.ln(3)
            continue
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))


def _table(document, header, rows):
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row, values in zip(table.rows[1:], rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            parts = value if isinstance(value, list) else [value]
            cell.text = parts[0]
            for part in parts[1:]:
                cell.add_paragraph(part)


def build_scheldeland(target: Path) -> None:
    d = docx.Document()
    d.add_heading("Jaaractieplan 2026 – ELZ Scheldeland", 0)
    d.add_paragraph(
        "Onze eerstelijnszone bestaat uit de gemeenten Hamme, Zele, Waasmunster en Berlare. "
        "De ziekenhuiszorg voor onze inwoners gebeurt vooral in het AZ Sint-Blasius in "
        "Dendermonde, dat niet tot de zone behoort."
    )
    d.add_paragraph(
        "In de cluster welzijn willen we de lokale dienstencentra sterker betrekken: vandaag "
        "neemt alleen het lokaal dienstencentrum De Rietvink deel aan het clusteroverleg."
    )
    d.add_heading(
        "Strategische doelstelling 1 – De eerste lijn werkt als één team rond de patiënt", 1
    )
    d.add_heading("Operationele doelstelling 1.1 – Multidisciplinair overleg wordt de regel", 2)
    _table(
        d,
        ["Timing", "Wat", "Met wie?", "Trekker"],
        [
            [
                "2026",
                "Sjablonen voor multidisciplinair overleg verspreiden",
                ["Huisartsenkring Durmevallei", "Wit-Gele Kruis Oost-Vlaanderen"],
                "de zorgraad",
            ],
            [
                "2026-2027",
                "Een casusbespreking per kwartaal voor huisartsen, apothekers en "
                "thuisverpleegkundigen",
                "Apothekersvereniging Dendermonde",
                "Huisartsenkring Durmevallei",
            ],
        ],
    )
    number = d.add_paragraph()
    number.add_run("1.2").bold = True
    d.add_paragraph("Digitale gegevensdeling tussen zorgverleners")
    d.add_paragraph("Acties")
    d.add_paragraph("Zorgverleners leren werken met het gedeeld zorgplan", style="List Bullet")
    d.add_paragraph("30 zorgverleners gevolgd", style="List Bullet 2")
    d.add_paragraph("10 gedeelde zorgplannen per maand", style="List Bullet 2")
    d.add_paragraph("Een helpdesk voor digitale vragen van zorgverleners", style="List Bullet")
    d.add_paragraph(
        "De helpdesk beantwoordt 90% van de vragen binnen twee werkdagen", style="List Bullet 2"
    )
    d.add_paragraph("Trekker: de zorgraad")
    d.add_heading("Strategische doelstelling 2 – Preventie dicht bij huis", 1)
    d.add_heading("Operationele doelstelling 2.1 –", 2)
    d.add_paragraph("Gezonde voeding voor kinderen")
    d.add_paragraph("Actie 2.1.1 – Gezonde tussendoortjes in de kinderopvang")
    d.add_paragraph("Trekker: Huis van het Kind Zele")
    d.add_paragraph("Partners: Logo Dender")
    d.add_paragraph("Indicator: 15 kinderopvanglocaties doen mee")
    d.add_heading("Operationele doelstelling 2.2 – Rookstop in de eerste lijn", 2)
    d.add_paragraph("Actie 2.2.1 – Tabakologen in de apotheek")
    d.add_paragraph("Trekker: Logo Dender")
    d.add_paragraph("Partners: Apothekersvereniging Dendermonde, Kom op tegen Kanker")
    d.add_paragraph("Indicator: In 8 apotheken is een rookstopbegeleiding mogelijk")
    for paragraph in d.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(10)
    d.core_properties.author = "graphmap tests"
    d.save(str(target))


def main() -> None:
    for source in sorted((HERE / "sources").glob("*.txt")):
        build_pdf(source, HERE / f"{source.stem}.pdf")
    build_scheldeland(HERE / "elz-scheldeland.docx")
    # The same plan as Word and as a PDF in two columns (round 17): its gold is the text's.
    westkust = formats.blocks_of((HERE / "elz-westkust.txt").read_text(encoding="utf-8"))
    formats.write_pdf(westkust, HERE / "elz-westkust-kolommen.pdf", "Westkust", "columns")
    formats.write_docx(westkust, HERE / "elz-westkust-fiches.docx", table=True)
    for copy in ("elz-westkust-kolommen", "elz-westkust-fiches"):
        shutil.copy(HERE / "elz-westkust.gold.json", HERE / f"{copy}.gold.json")


if __name__ == "__main__":
    main()
