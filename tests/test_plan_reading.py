"""Reading plans written in other zones' styles: heading and label variants, Word's numbering,
content controls and tracked changes, PDF tables, page furniture, tables of contents,
Windows-1252 text, words broken over a line, and hostile long lines."""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from fpdf import FPDF

from graphmap.ingest import plan
from graphmap.ingest.outline import join_lines


def _preview(tmp_path, text: str, name: str = "plan.txt", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return plan.read_plan(path, "testzone")


def _actions(preview) -> dict:
    return {a.id_code: a for a in preview.actions}


# -- hostile long lines ------------------------------------------------------------------------
_LONG_LINES = """
import json, sys
from graphmap.ingest.organisations import names_with_evidence
from graphmap.ingest.outline import logical_lines
words = "Organisatie " * 40_000
chain = "A-" * 100_000 + " en AZ Turnhout"
dots = "Inleiding " + "." * 100_000 + " 3"
tabs = "Inleiding" + "\\t" * 100_000 + "x"
sentence = words + "met Thuiszorg Mol vzw"
found = names_with_evidence([(sentence, ""), (chain, "")])
lines = [line.text for line in logical_lines([dots, tabs])]
json.dump({"names": [name for name, _ in found], "lines": lines}, sys.stdout)
"""


def _cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def test_long_lines_of_capitalised_words_or_dots_are_read_in_one_pass():
    """Lines of hundreds of KB (repeated capitalised words, a hyphenated chain, dot leaders)
    once took minutes of CPU each: the name patterns and the leader pattern backtracked over
    the whole line from every word. The CPU limit is a guard against a hang, not a measure."""
    done = subprocess.run(
        [sys.executable, "-c", _LONG_LINES],
        capture_output=True,
        text=True,
        preexec_fn=_cpu_limit,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["names"] == ["Thuiszorg Mol vzw", "AZ Turnhout"]
    assert result["lines"][0] == "Inleiding"


# -- heading and label variants ----------------------------------------------------------------
VARIANTS = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Een sterk netwerk

Subdoel 1.1: Partners kennen elkaar

A1.1.1 Netwerkdag voor alle partners
Trekker: OCMW Geel | Partners: CAW De Kempen, Huisartsenkring Kempen | Timing: najaar 2026

A 1.1.2 Nieuwsbrief
trekker: OCMW Mol
partners: Familiehulp

Act. 1.1.3 Rondgang bij ontbrekende partners
Trekker(s): OCMW Dessel
Partner(s): Familiehulp

Actiepunt 1.1.4 Vorming
Lead: OCMW Retie
Betrokken partners: Familiehulp

Project 1.1.5 Buddywerking
Eigenaar: OCMW Balen
Samenwerkingspartners: Familiehulp

Actie 1.1.a Zitdag
Verantwoordelijke: OCMW Laakdal
Samen met: Familiehulp

Actie 1.1.b Signaalkaart
Trekker: OCMW Meerhout
Met: Familiehulp

Actie 1.1.c Infomarkt
Trekker: OCMW Kasterlee
Uitvoerders: Familiehulp

Operationele doelstelling 1.2: Zorg dichtbij

Wat\tWie\tMet wie\tWanneer
Huisbezoeken\tOCMW Olen\tFamiliehulp\t2027

Maatregel 1.2.9 Een kop die niet gelezen wordt
"""


def test_heading_and_label_variants_are_read(tmp_path):
    preview = _preview(tmp_path, VARIANTS)
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Partners kennen elkaar"),
        ("1.2", "Zorg dichtbij"),
    ]
    actions = _actions(preview)
    leads = {a.title: (a.lead, a.partners) for a in preview.actions}
    assert leads == {
        "Netwerkdag voor alle partners": ("OCMW Geel", ["CAW De Kempen", "Huisartsenkring Kempen"]),
        "Nieuwsbrief": ("OCMW Mol", ["Familiehulp"]),
        "Rondgang bij ontbrekende partners": ("OCMW Dessel", ["Familiehulp"]),
        "Vorming": ("OCMW Retie", ["Familiehulp"]),
        "Buddywerking": ("OCMW Balen", ["Familiehulp"]),
        "Zitdag": ("OCMW Laakdal", ["Familiehulp"]),
        "Signaalkaart": ("OCMW Meerhout", ["Familiehulp"]),
        "Infomarkt": ("OCMW Kasterlee", ["Familiehulp"]),
        "Huisbezoeken": ("OCMW Olen", ["Familiehulp"]),
    }
    assert {"1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.a", "1.1.b"} <= set(actions)
    assert actions["1.1.1"].timing == "najaar 2026"
    assert actions["1.1.a"].operational_goal == "1.1"
    [warning] = [w for w in preview.warnings if "Maatregel" in w]
    assert warning.startswith("regel 43: «Maatregel 1.2.9")


# -- Word ---------------------------------------------------------------------------------------
def _level(level: int, text: str, style: str | None = None) -> str:
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{linked}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _outline_numbering(document) -> str:
    """A multilevel list "1.", "1.1", "1.1.1" in the numbering part, as Word writes one for
    numbered headings; level 2 is linked to the style Heading 2. Returns its numId."""
    root = document.part.numbering_part.element
    levels = _level(0, "%1.") + _level(1, "%1.%2", "Heading2") + _level(2, "%1.%2.%3")
    root.insert(
        0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>')
    )
    root.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def _numbered(paragraph, num_id: str, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = f'<w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
    properties.append(parse_xml(f"<w:numPr {nsdecls('w')}>{numbering}</w:numPr>"))


def test_word_numbered_headings_are_read_with_their_number(tmp_path):
    document = docx.Document()
    num_id = _outline_numbering(document)
    # Heading 2 is numbered through its style (as Word's "Heading 2" in a numbered outline).
    document.styles["Heading 2"].element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>')
    )
    document.add_paragraph("Jaaractieplan 2026 – ELZ Testzone")

    def heading(text: str, level: int) -> None:
        paragraph = document.add_heading(text, level)
        if level != 2:
            _numbered(paragraph, num_id, level - 1)

    heading("Strategische doelstelling: Een sterk netwerk", 1)
    heading("Operationele doelstelling: Partners kennen elkaar", 2)
    heading("Actie: Netwerkdag", 3)
    document.add_paragraph("Trekker: OCMW Geel")
    heading("Actie: Nieuwsbrief", 3)
    document.add_paragraph("Trekker: OCMW Mol")
    heading("Operationele doelstelling: Kwetsbare ouderen bereiken", 2)
    heading("Actie: Screening", 3)
    heading("Strategische doelstelling: Gezond leven", 1)
    heading("Bewegen op voorschrift", 2)
    heading("Actie: Bewegingscoach", 3)
    document.add_paragraph("Trekker: OCMW Dessel")
    path = tmp_path / "genummerd.docx"
    document.save(path)
    preview = plan.read_plan(path, "testzone")
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Een sterk netwerk"),
        ("2", "Gezond leven"),
    ]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Partners kennen elkaar"),
        ("1.2", "Kwetsbare ouderen bereiken"),
        ("2.1", "Bewegen op voorschrift"),
    ]
    actions = _actions(preview)
    assert [(code, a.title) for code, a in actions.items()] == [
        ("1.1.1", "Netwerkdag"),
        ("1.1.2", "Nieuwsbrief"),
        ("1.2.1", "Screening"),
        ("2.1.1", "Bewegingscoach"),
    ]
    assert actions["1.1.2"].lead == "OCMW Mol"


def test_word_headings_in_a_bullet_list_are_not_bullets(tmp_path):
    document = docx.Document()
    for text, level in (
        ("Strategische doelstelling: Een sterk netwerk", 1),
        ("Operationele doelstelling: Partners kennen elkaar", 2),
        ("Actie: Netwerkdag", 3),
    ):
        _numbered(document.add_heading(text, level), "1", level - 1)  # numId 1: bullets
    document.add_paragraph("Trekker: OCMW Geel")
    path = tmp_path / "bullets.docx"
    document.save(path)
    preview = plan.read_plan(path, "testzone")
    assert [g.title for g in preview.strategic_goals] == ["Een sterk netwerk"]
    assert [g.title for g in preview.operational_goals] == ["Partners kennen elkaar"]
    assert [(a.title, a.lead) for a in preview.actions] == [("Netwerkdag", "OCMW Geel")]


def _run(text: str, tag: str = "w:t") -> str:
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def test_word_content_controls_and_tracked_changes_are_read(tmp_path):
    document = docx.Document()
    body = document.element.body
    document.add_paragraph("Jaaractieplan 2026 – ELZ Testzone")
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    content = control.find(qn("w:sdtContent"))
    for text in (
        "Strategische doelstelling 1: Een sterk netwerk",
        "Operationele doelstelling 1.1: Partners kennen elkaar",
        "Actie 1.1.1: Netwerkdag",
    ):
        content.append(document.add_paragraph(text)._p)
    body.insert(len(body) - 1, control)  # before the section properties
    lead = document.add_paragraph("Trekker: ")
    lead._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="x">{_run("OCMW Geel")}</w:ins>')
    )
    partners = document.add_paragraph("Partners: ")
    partners._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="x">{_run("CAW Oud, ", "w:delText")}</w:del>'
        )
    )
    partners._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="3" w:author="x">{_run("Familiehulp")}</w:ins>')
    )
    path = tmp_path / "wijzigingen.docx"
    document.save(path)
    preview = plan.read_plan(path, "testzone")
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    [action] = preview.actions
    assert (action.id_code, action.title) == ("1.1.1", "Netwerkdag")
    assert (action.lead, action.partners) == ("OCMW Geel", ["Familiehulp"])


def _sheet(document, rows: list[tuple[str, list[str]]]) -> None:
    table = document.add_table(rows=0, cols=2)
    for label, values in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = values[0]
        for more in values[1:]:
            cells[1].add_paragraph(more)


def test_word_action_sheets_of_two_columns_are_read_as_fields(tmp_path):
    document = docx.Document()
    document.add_heading("Strategische doelstelling 1 – Een sterk netwerk", 1)
    document.add_heading("Operationele doelstelling 1.1 – Partners kennen elkaar", 2)
    _sheet(
        document,
        [
            ("Actie 1.1.1", ["Netwerkevent voor zorg- en welzijnsactoren"]),
            ("Omschrijving", ["Een avond om elkaar te leren kennen."]),
            ("Trekker", ["OCMW Geel"]),
            ("Partners", ["Huisartsenkring Kempen", "CAW De Kempen"]),
            ("Timing", ["najaar 2026"]),
        ],
    )
    document.add_paragraph("")
    _sheet(
        document,
        [
            ("Actie", ["1.1.2 Digitale nieuwsbrief"]),
            ("Trekker:", ["OCMW Mol"]),
            ("Timing", ["maandelijks"]),
        ],
    )
    _sheet(document, [("Actie", ["Rondgang bij partners"]), ("Trekker", ["OCMW Dessel"])])
    path = tmp_path / "fiches.docx"
    document.save(path)
    actions = _actions(plan.read_plan(path, "testzone"))
    first = actions["1.1.1"]
    assert first.title == "Netwerkevent voor zorg- en welzijnsactoren"
    assert (first.lead, first.timing) == ("OCMW Geel", "najaar 2026")
    assert first.partners == ["Huisartsenkring Kempen", "CAW De Kempen"]
    assert (actions["1.1.2"].title, actions["1.1.2"].lead) == ("Digitale nieuwsbrief", "OCMW Mol")
    [third] = [a for a in actions.values() if a.title == "Rondgang bij partners"]
    assert third.lead == "OCMW Dessel"


# -- words broken over a line ---------------------------------------------------------------------
def test_a_word_broken_over_a_line_is_joined_by_one_rule():
    assert join_lines("CAW Noord-West-", "Vlaanderen") == "CAW Noord-West-Vlaanderen"
    assert join_lines("Wit-Gele Kruis West-Vlaan-", "deren") == "Wit-Gele Kruis West-Vlaanderen"
    assert join_lines("een goede samen-", "werking") == "een goede samenwerking"
    assert join_lines("thuiswonende 75-", "plussers") == "thuiswonende 75-plussers"
    assert join_lines("zorg-", "en welzijnsactoren") == "zorg- en welzijnsactoren"
    assert join_lines("Trekker -", "zorgraad") == "Trekker - zorgraad"


def test_a_name_broken_over_a_line_reads_the_same_in_fields_and_in_text(tmp_path):
    text = (
        "Strategische doelstelling 1: Een sterk netwerk\n\n"
        "Operationele doelstelling 1.1: Partners kennen elkaar\n\n"
        "Actie 1.1.1: Netwerkdag voor alle partners, samen met het CAW Noord-West-\n"
        "Vlaanderen en de huisartsen van de zone, met een korte voorstelling van de samen-\n"
        "werking.\n"
        "Trekker: zorgraad\n"
        "Partners: AZ Sint-Jan Brugge, CAW Noord-West-\n"
        "Vlaanderen, Wit-Gele Kruis West-Vlaan-\n"
        "deren\n"
    )
    preview = _preview(tmp_path, text)
    [action] = preview.actions
    assert action.partners == [
        "AZ Sint-Jan Brugge",
        "CAW Noord-West-Vlaanderen",
        "Wit-Gele Kruis West-Vlaanderen",
    ]
    assert "CAW Noord-West-Vlaanderen en de huisartsen" in action.title
    assert action.title.endswith("voorstelling van de samenwerking.")
    names = [m.name for m in preview.organisation_matches]
    assert not [n for n in names if "Noord-West" in n and n != "CAW Noord-West-Vlaanderen"]


# -- PDF tables -----------------------------------------------------------------------------------
def test_a_pdf_action_table_is_read_row_by_row(tmp_path):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for line in (
        "Actieplan 2026 - ELZ Testzone",
        "Strategische doelstelling 1: Zorg na ontslag",
        "Operationele doelstelling 1.1: Afspraken bij ontslag",
    ):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(70, 30, 60, 20)) as table:
        for cells in (
            ("Actie", "Trekker", "Partners", "Timing"),
            (
                "1.1.1 Ontslagmanagement: afspraken tussen het ziekenhuis en de thuiszorg",
                "AZ Alma",
                "Wit-Gele Kruis Oost-Vlaanderen, Huisartsenkring Meetjesland",
                "2026",
            ),
            ("Medicatieschema bij ontslag", "Apothekersvereniging Meetjesland", "AZ Alma", "2027"),
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.cell(0, 6, "Operationele doelstelling 1.2: Mantelzorg", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "tabel.pdf"
    pdf.output(str(path))
    preview = plan.read_plan(path, "testzone")
    assert [g.number for g in preview.operational_goals] == ["1.1", "1.2"]
    assert [
        (a.operational_goal, a.title, a.lead, a.partners, a.timing) for a in preview.actions
    ] == [
        (
            "1.1",
            "Ontslagmanagement: afspraken tussen het ziekenhuis en de thuiszorg",
            "AZ Alma",
            ["Wit-Gele Kruis Oost-Vlaanderen", "Huisartsenkring Meetjesland"],
            "2026",
        ),
        (
            "1.1",
            "Medicatieschema bij ontslag",
            "Apothekersvereniging Meetjesland",
            ["AZ Alma"],
            "2027",
        ),
    ]
    assert preview.actions[0].id_code == "1.1.1"


# -- Windows-1252 ---------------------------------------------------------------------------------
CP1252 = """Beleidsplan 2026–2031 “Samen zorgen” – Eerstelijnszone Waasland

Strategische doelstelling 1 – Geïntegreerde zorg voor elke inwoner

Operationele doelstelling 1.1 – Zorgcontinuïteit na ontslag

Actie 1.1.1 – Praktijkondersteuning (‘praktijkassistent’) voor huisartsen
Trekker: Huisartsenkring Waasland
Partners: Emmaüs vzw, OCMW Temse
Timing: 2026–2027
"""


def test_a_windows_1252_plan_reads_as_windows_1252(tmp_path):
    """Depends on graphmap.ingest.tables.decode reading Windows-1252 (UTF-8 first, then
    Windows-1252), the decoder plans share with the spreadsheet importer."""
    preview = _preview(tmp_path, CP1252, encoding="cp1252")
    assert preview.title == "Beleidsplan 2026–2031 “Samen zorgen” – Eerstelijnszone Waasland"
    assert preview.strategic_goals[0].title == "Geïntegreerde zorg voor elke inwoner"
    assert preview.operational_goals[0].title == "Zorgcontinuïteit na ontslag"
    [action] = preview.actions
    assert action.title == "Praktijkondersteuning (‘praktijkassistent’) voor huisartsen"
    assert action.partners == ["Emmaüs vzw", "OCMW Temse"]
    assert action.timing == "2026–2027"


# -- a table of contents --------------------------------------------------------------------------
CONTENTS = """Meerjarenplan 2026-2031 – ELZ Testzone

{heading}
Strategische doelstelling 1: Een sterk netwerk 3
Operationele doelstelling 1.1: Partners kennen elkaar 3
Actie 1.1.1: Netwerkdag 4
Strategische doelstelling 2: Toegankelijke zorg voor alle inwoners van
de zone 6
Operationele doelstelling 2.1: Tolken 6

Strategische doelstelling 1: Een sterk netwerk van zorg- en welzijnspartners

Operationele doelstelling 1.1: Partners uit zorg en welzijn werken samen

Actie 1.1.1: Netwerkdag voor alle partners
Trekker: zorgraad

Strategische doelstelling 2: Toegankelijke zorg voor anderstalige inwoners

Operationele doelstelling 2.1: Tolken zijn beschikbaar in de eerste lijn
"""


def test_a_table_of_contents_without_dot_leaders_is_not_read_as_headings(tmp_path):
    for heading in ("Inhoudsopgave", ""):
        preview = _preview(tmp_path, CONTENTS.format(heading=heading))
        assert [g.title for g in preview.strategic_goals] == [
            "Een sterk netwerk van zorg- en welzijnspartners",
            "Toegankelijke zorg voor anderstalige inwoners",
        ], heading
        assert [g.title for g in preview.operational_goals] == [
            "Partners uit zorg en welzijn werken samen",
            "Tolken zijn beschikbaar in de eerste lijn",
        ], heading
        assert [a.title for a in preview.actions] == ["Netwerkdag voor alle partners"], heading


# -- page furniture and the text after the goals -----------------------------------------------
HEADER = "ELZ Testzone – Meerjarenplan 2026-2031                      versie 1.2"
NO_FORM_FEEDS = f"""{HEADER}

Meerjarenplan 2026-2031

1 Situering
De eerstelijnszone Testzone werkt met alle partners samen.

2 Doelstellingen

Strategische doelstelling 1: Een sterk netwerk

Operationele doelstelling 1.1: Partners kennen elkaar

Actie 1.1.1 Kennismakingsronde bij de huisartsen
Trekker: Huisartsenkring Kempen
Timing: 2026


Pagina 1 van 3

{HEADER}

Actie 1.1.2 Jaarlijkse netwerkdag
Trekker: OCMW Geel
Timing: najaar

- 7 -

Actie 1.1.3 Nieuwsbrief
Timing: maandelijks
p. 8
Actie 1.1.4 Rondgang
Timing: 2027
3 / 12


Pagina 2 van 3

{HEADER}

3 Opvolging en evaluatie
De zorgraad bespreekt de voortgang jaarlijks in de algemene vergadering.


Pagina 3 van 3
"""


def test_page_furniture_without_form_feeds_and_the_closing_chapter_stay_out(tmp_path):
    preview = _preview(tmp_path, NO_FORM_FEEDS)
    timings = {a.id_code: a.timing for a in preview.actions}
    assert timings == {"1.1.1": "2026", "1.1.2": "najaar", "1.1.3": "maandelijks", "1.1.4": "2027"}
    assert preview.actions[-1].title == "Rondgang"


def test_a_closing_chapter_after_a_list_of_actions_is_no_action(tmp_path):
    text = """Beleidsplan 2026-2031 – ELZ Testzone

1. Inleiding
De zone bestaat uit vier gemeenten.

2. Doelen en acties

Doel 1: Iedereen vindt de weg naar zorg
Doel 1.1: Een toegankelijke sociale kaart
1) Actualiseren van de sociale kaart
2) Infomarkt eerstelijn

3. Opvolging
De zorgraad volgt dit plan jaarlijks op in de algemene vergadering.
"""
    preview = _preview(tmp_path, text)
    assert [a.title for a in preview.actions] == [
        "Actualiseren van de sociale kaart",
        "Infomarkt eerstelijn",
    ]
    # Numbered alike: "3." after a list "1.", "2." and a blank line is the next chapter.
    numbered = text.replace("1) ", "1. ").replace("2) ", "2. ")
    assert [a.title for a in _preview(tmp_path, numbered).actions] == [
        "Actualiseren van de sociale kaart",
        "Infomarkt eerstelijn",
    ]
    listed = numbered.replace("2. Infomarkt eerstelijn", "2. Infomarkt eerstelijn\n3. Buurtwerk")
    assert [a.title for a in _preview(tmp_path, listed).actions][-1] == "Buurtwerk"
