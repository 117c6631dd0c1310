"""Plans of zones the reader had not seen, fourteenth round: tables of actions numbered
through without goals, annexes of partners per action, names that open with an article or
end in "!", goals named by number only, and the plans of round 14 (narratives per goal,
tables split over pages, partners with their contact details, a zone renamed by a fusion)."""

from __future__ import annotations

import docx
import openpyxl
from extracted import by_code, read_plain

from graphmap.ingest import plan

NUMBERED = """ELZ Kempenland – Actieplan 2026

Nr.   Wat                          Wie              Met wie                    Wanneer
1     Wegwijzer sociale kaart      OCMW Geel        Samana, CAW De Kempen      Q1 2026
2     Mantelzorgcafé               Samana           OKRA                       maandelijks
3     Vorming valpreventie         Logo Kempen      Wit-Gele Kruis Antwerpen   najaar 2026
"""


def test_a_table_of_actions_numbered_through_without_goals_is_read(tmp_path):
    # "Nr. | Wat | Wie | Met wie | Wanneer" numbered 1, 2, 3 without a column "Bijdrage
    # aan" nor a goal's heading: "geen doelstellingen of acties herkend", the plan lost.
    preview = read_plain(tmp_path, NUMBERED)
    assert [(a.code, a.title, a.lead, a.partners, a.timing) for a in preview.actions] == [
        ("1", "Wegwijzer sociale kaart", "OCMW Geel", ["Samana", "CAW De Kempen"], "Q1 2026"),
        ("2", "Mantelzorgcafé", "Samana", ["OKRA"], "maandelijks"),
        ("3", "Vorming valpreventie", "Logo Kempen", ["Wit-Gele Kruis Antwerpen"], "najaar 2026"),
    ]


def test_a_spreadsheet_and_a_word_table_numbered_through_are_read(tmp_path):
    rows = [["1", "Wegwijzer", "OCMW Geel", "Samana"], ["2", "Mantelzorgcafé", "Samana", "OKRA"]]
    header = ["Nr.", "Actie", "Trekker", "Partners"]
    book = openpyxl.Workbook()
    for row in [["ELZ Kempenland – jaarplan 2026"], header, *rows]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    document = docx.Document()
    document.add_paragraph("ELZ Kempenland – jaarplan 2026")
    table = document.add_table(rows=0, cols=4)
    for values in [header, *rows]:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.save(str(tmp_path / "plan.docx"))
    for name in ("plan.xlsx", "plan.docx"):
        preview = plan.read_plan(tmp_path / name, "testzone")
        assert [(a.code, a.title, a.lead) for a in preview.actions] == [
            ("1", "Wegwijzer", "OCMW Geel"),
            ("2", "Mantelzorgcafé", "Samana"),
        ], name


def test_numbers_that_skip_or_repeat_count_no_actions(tmp_path):
    # A column "Nr." whose numbers are no count (a list of priorities, "3" after "1") codes
    # nothing: the rows stay as they were read before (no codes).
    text = NUMBERED.replace("\n2     ", "\n5     ")
    assert all(a.code is None for a in read_plain(tmp_path, text).actions)


def test_a_table_numbered_again_under_each_goal_numbers_its_actions_under_the_goal(tmp_path):
    table = "| Nr. | Actie | Trekker |\n|---|---|---|\n| 1 | {} | Samana |\n| 2 | {} | OKRA |\n"
    text = "# ELZ Kempenland\n\n## OD 1.1 Wegwijs\n\n" + table.format("Wegwijzer", "Infopunt")
    text += "\n## OD 1.2 Vorming\n\n" + table.format("Valpreventie", "Dementie")
    actions = by_code(read_plain(tmp_path, text, "plan.md"))
    assert {c: (a.operational_goal, a.title) for c, a in actions.items()} == {
        "1.1.1": ("1.1", "Wegwijzer"),
        "1.1.2": ("1.1", "Infopunt"),
        "1.2.1": ("1.2", "Valpreventie"),
        "1.2.2": ("1.2", "Dementie"),
    }


def test_goals_named_by_number_only_are_listed_by_number(tmp_path):
    # Listed in the order first referred to: 2.3, 1.1, 2.1.
    text = "Jaarplan 2026 – ELZ Testzone\n\n"
    for n, (title, od) in enumerate(
        [("Valpreventie", "2.3"), ("Wegwijzer", "1.1"), ("Vorming", "2.1"), ("Dag", "1.10")], 1
    ):
        sd = od.split(".")[0]
        text += f"Actie {n} – {title}   bijdrage aan SD {sd} / OD {od}\nTrekker: Samana\n\n"
    preview = read_plain(tmp_path, text)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert [g.number for g in preview.operational_goals] == ["1.1", "1.10", "2.1", "2.3"]
    assert [a.operational_goal for a in preview.actions] == ["2.3", "1.1", "2.1", "1.10"]


ANNEX = """Doelstelling 1: Iedereen heeft een huisarts

1.a Aanmeldpunt voor wie geen huisarts vindt
Trekker: Huisartsenkring Zuidrand
Partners: Samana

Doelstelling 2: Geestelijk welzijn

2.a Vorming eerste hulp bij psychische problemen
Trekker: CGG Andante
Partners: alle scholen (zie bijlage)

{heading}

Actie 1.a: Sociaal Huis Edegem, Sociaal Huis Kontich
Actie 2.a: GO! Scholengroep Rivierenland, Katholiek Onderwijs Vlaanderen
Actie 3.a: Vief, OKRA
"""


def test_an_annex_of_partners_per_action_adds_them_to_each_action(tmp_path):
    # Its names were proposed as organisations the plan names, linked to no action.
    for heading in (
        "Bijlage 2: partners per actie",
        "Bijlage B – Overzicht van de partners per actie",
    ):
        preview = read_plain(tmp_path, ANNEX.format(heading=heading))
        assert {c: a.partners for c, a in by_code(preview).items()} == {
            "1.1": ["Samana", "Sociaal Huis Edegem", "Sociaal Huis Kontich"],
            "2.1": ["GO! Scholengroep Rivierenland", "Katholiek Onderwijs Vlaanderen"],
        }, heading  # no action 3.a of the annex's own: its names make none


def test_an_annex_of_something_else_gives_no_partners(tmp_path):
    preview = read_plain(tmp_path, ANNEX.format(heading="Bijlage 2: stand van zaken"))
    assert by_code(preview)["1.1"].partners == ["Samana"]


def test_names_in_running_text_keep_go_and_their_own_article(tmp_path):
    # "GO! Scholengroep Rivierenland" was "Scholengroep Rivierenland" ("!" ended a
    # sentence); "De Lovie vzw" was "Lovie vzw" (the lead's article fix was for leads).
    text = "ELZ Rivierenland – Meerjarenplan\n\nDe Lovie vzw werkt mee. Ook GO! Scholengroep "
    text += "Rivierenland en het CAW doen mee. Dat is een mooie start! De zorgraad volgt op.\n\n"
    text += "SD 1: Zorg\n\nActie 1.1: Overleg\nTrekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert {"De Lovie vzw", "GO! Scholengroep Rivierenland"} <= set(preview.organisations)
    assert not {"Lovie vzw", "Scholengroep Rivierenland"} & set(preview.organisations)
    evidence = {m.name: m.evidence for m in preview.organisation_matches}
    assert evidence["GO! Scholengroep Rivierenland"].startswith("Ook GO! Scholengroep")
    assert evidence["GO! Scholengroep Rivierenland"].endswith("doen mee.")


def test_an_article_before_a_kind_or_a_well_known_name_with_vzw_is_no_part_of_it(tmp_path):
    text = "ELZ X\n\nZo werken De Okra vzw en De Huisartsenkring Mandel vzw samen.\n\n"
    text += "SD 1: Zorg\n\nActie 1.1: Overleg\nTrekker: Samana\n"
    names = set(read_plain(tmp_path, text).organisations)
    assert not {n for n in names if n.startswith("De ")}


def test_an_organisation_with_the_place_of_its_site_in_a_title_is_the_lead(tmp_path):
    # "AZ Delta Torhout" in the title was proposed beside the lead "AZ Delta".
    text = "ELZ Houtland – Jaarplan 2026\n\nSD 1: Zorg\n\nOD 1.1: Ziekenhuis\n\n"
    text += "Actie 1.1.1: Ontslagmanagement met AZ Delta Torhout\nTrekker: AZ Delta\n"
    text += "Actie 1.1.2: Overleg met CAW Torhout\nTrekker: CAW\n"
    names = read_plain(tmp_path, text).organisations
    assert "AZ Delta" in names and "AZ Delta Torhout" not in names
    assert "CAW Torhout" in names  # a kind alone beside a place is another body


def _landscape(rows: list[tuple[str, ...]]) -> str:
    """A landscape table as pdftotext -layout writes it: each cell at its column's place."""
    places = [2, 10, 49, 80, 122, 141]
    lines = []
    for cells in rows:
        line = ""
        for place, cell in zip(places, cells, strict=False):
            if cell:
                line = line.ljust(place) + cell
        lines.append(line)
    return "\n".join(lines) + "\n"


LANDSCAPE = [
    ("Code", "Actie", "Trekker", "Partners", "Timing", "Indicator"),
    (
        "2.1.2",
        "Beweegparcours voor senioren in",
        "Gemeente Kruisem",
        "OKRA, Samana",
        "2027",
        "parcours",
    ),
    ("", "Kruisem en Zwalm", "", "", "", "klaar"),
    ("2.2.2", "Respijtzorg in kaart brengen", "Samana", "i-mens, thuiszorg-", "2027", "overzicht"),
    ("", "", "", "diensten", "", ""),
]


def test_a_landscape_tables_last_cell_far_from_the_first_stays_in_its_column(tmp_path):
    # A gap of over 100 spaces was held to 100 (against patterns quadratic in a run of
    # spaces): "klaar" moved from "Indicator" into "Timing" ("2027 klaar").
    text = "ELZ Vlaamse Ardennen\n\nSD 2: Ouderen\n\nOD 2.1: Vallen\n\n" + _landscape(LANDSCAPE)
    actions = by_code(read_plain(tmp_path, text))
    assert actions["2.1.2"].timing == "2027"
    assert actions["2.1.2"].title == "Beweegparcours voor senioren in Kruisem en Zwalm"


def test_a_word_broken_with_a_hyphen_in_a_tables_cell_is_one_word(tmp_path):
    # "thuiszorg-" / "diensten" in a cell was the group "thuiszorg- diensten".
    text = "ELZ Vlaamse Ardennen\n\nSD 2: Ouderen\n\nOD 2.1: Vallen\n\n" + _landscape(LANDSCAPE)
    assert by_code(read_plain(tmp_path, text))["2.2.2"].partner_groups == ["thuiszorgdiensten"]


NARRATIVE = """Zorgraad Meetjesland

Doelstelling 1. Ouderen blijven langer en veilig thuis wonen
Het aandeel 80-plussers stijgt snel. Om dit te bereiken zet de zorgraad in op twee sporen.
Logo Gezond+ coördineert de valpreventieweek in alle gemeenten, in samenwerking met
Wit-Gele Kruis Oost-Vlaanderen. We bekijken ook of een gedeelde zorgcoördinatie haalbaar is.

Doelstelling 2. De zorgraad is een sterk netwerk
De stafmedewerker organiseert jaarlijks een netwerkdag.
"""


def test_a_narrative_per_goal_names_its_organisations_and_invents_no_actions(tmp_path):
    # "Logo Gezond+" was "Logo Gezond" (a "+" ended no name's word).
    preview = read_plain(tmp_path, NARRATIVE)
    assert [g.title for g in preview.strategic_goals] == [
        "Ouderen blijven langer en veilig thuis wonen",
        "De zorgraad is een sterk netwerk",
    ]
    assert not preview.actions
    # Said, so that the plan is not taken for read whole.
    assert plan.NO_ACTIONS in preview.warnings
    assert {"Logo Gezond+", "Wit-Gele Kruis Oost-Vlaanderen"} <= set(preview.organisations)
    assert "Logo Gezond" not in preview.organisations


def _word_headings(tmp_path, outline) -> plan.PlanPreview:
    """A Word plan of headings by style only (no word or number of a goal or an action)."""
    document = docx.Document()
    document.add_paragraph("Eerstelijnszone Dender – Zorgraadplan")
    for level, text in outline:
        if level:
            document.add_heading(text, level)
        else:
            document.add_paragraph(text)
    path = tmp_path / "koppen.docx"
    document.save(str(path))
    return plan.read_plan(path, "testzone")


def test_unnumbered_word_headings_over_an_actions_fields_are_goals_and_actions(tmp_path):
    # Read as nothing: "geen doelstellingen of acties herkend", the plan lost.
    preview = _word_headings(
        tmp_path,
        [
            (1, "Inleiding"),
            (0, "Dit plan bevat onze doelstellingen."),
            (1, "Toegang tot zorg"),
            (2, "Inwoners vinden hun weg"),
            (3, "Sociale kaart"),
            (0, "Trekker: Stad Dendermonde"),
            (3, "Wegwijzers"),
            (0, "Trekker: Gemeente Lebbeke"),
            (2, "Kwetsbare inwoners worden bereikt"),
            (3, "Outreach"),
            (0, "Partners: OCMW Berlare"),
            (1, "Opvolging en evaluatie"),
            (0, "De zorgraad volgt het plan op."),
        ],
    )
    assert [g.title for g in preview.strategic_goals] == ["Toegang tot zorg"]
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Inwoners vinden hun weg"),
        ("1.2", "Kwetsbare inwoners worden bereikt"),
    ]
    assert [(a.operational_goal, a.title, a.lead) for a in preview.actions] == [
        ("1.1", "Sociale kaart", "Stad Dendermonde"),
        ("1.1", "Wegwijzers", "Gemeente Lebbeke"),
        ("1.2", "Outreach", None),
    ]


def test_two_levels_of_unnumbered_word_headings_are_goals_over_actions(tmp_path):
    preview = _word_headings(
        tmp_path,
        [
            (1, "Toegang tot zorg"),
            (2, "Sociale kaart"),
            (0, "Trekker: Stad Dendermonde"),
            (1, "Samenwerking"),
            (2, "Casusoverleg"),
            (0, "Trekker: Huisartsenkring Dender"),
        ],
    )
    assert [g.title for g in preview.strategic_goals] == ["Toegang tot zorg", "Samenwerking"]
    assert [(a.title, a.lead) for a in preview.actions] == [
        ("Sociale kaart", "Stad Dendermonde"),
        ("Casusoverleg", "Huisartsenkring Dender"),
    ]


def test_one_heading_over_fields_makes_no_goals_of_a_documents_chapters(tmp_path):
    # A form's heading over its fields once: the document's chapters are no goals.
    preview = _word_headings(
        tmp_path,
        [(1, "Inleiding"), (0, "Tekst."), (1, "Contact"), (2, "Secretariaat"), (0, "Trekker: X")],
    )
    assert not preview.strategic_goals and not preview.operational_goals


CONTACTS = """Strategische doelstelling 1: Zorg dicht bij huis
Operationele doelstelling 1.1: Dementie
Actie 1.1.1: Vorming dementie
Trekker: Wit-Gele Kruis Vlaams-Brabant, contactpersoon Jan Claes (0477 12 34 56)
Partners: i-mens (info@i-mens.be), Samana Aarschot – tel. 016 56 78 90, OKRA Rotselaar
Actie 1.1.2: Dementiecafé
Trekker: Huisartsenkring Demerland – secretariaat@hkdemerland.be, www.hkdemerland.be
Partners: Contactpunt Mantelzorg Aarschot, Familiehulp (016/12.34.56), Vief (+32 16 22 33 44)
Timing: 01/02/2026
"""


def test_contact_details_beside_a_lead_or_partner_name_no_one(tmp_path):
    # "contactpersoon Jan Claes" was a co-lead and a new organisation (a person written into
    # the register and its audit); "tel. 016 56 78 90" a partner group written on the action.
    actions = by_code(read_plain(tmp_path, CONTACTS))
    vorming, cafe = actions["1.1.1"], actions["1.1.2"]
    assert (vorming.lead, vorming.co_leads) == ("Wit-Gele Kruis Vlaams-Brabant", [])
    assert vorming.partners == ["i-mens", "Samana Aarschot", "OKRA Rotselaar"]
    assert vorming.partner_groups == []
    assert (cafe.lead, cafe.co_leads) == ("Huisartsenkring Demerland", [])
    assert cafe.partners == ["Contactpunt Mantelzorg Aarschot", "Familiehulp", "Vief"]
    assert cafe.timing == "01/02/2026"  # a date is no phone number


def test_a_name_with_a_number_keeps_it(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1: Overleg\nTrekker: Samana\n"
    text += "Partners: Huis 2030, WZC De Linde, OCMW Geel (vanaf 2026)\n"
    action = by_code(read_plain(tmp_path, text))["1.1"]
    assert "Huis 2030" in action.partners + action.partner_groups
    assert "OCMW Geel" in action.partners


def test_contact_as_a_names_word_stays(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1: Overleg\nTrekker: Expertisecentrum Dementie Contact\n"
    assert by_code(read_plain(tmp_path, text))["1.1"].lead == "Expertisecentrum Dementie Contact"


def test_a_one_page_plans_footer_with_its_page_is_no_value(tmp_path):
    # The footer "ELZ X - Zorgraadplan 2026-2031   pagina 1" under a one-page table (no
    # other page to see it repeat) went into the last action's timing.
    text = "SD 2: Ouderen\n\nOD 2.2: Mantelzorg\n\nActie 2.2.2 Respijtzorg in kaart brengen\n"
    text += "Trekker: Gemeente Brakel\nTiming: 2027\n\n"
    text += "ELZ Vlaamse Ardennen - Zorgraadplan 2026-2031      pagina 1\n"
    assert by_code(read_plain(tmp_path, text))["2.2.2"].timing == "2027"


def test_an_annex_table_of_partners_per_action_adds_them_to_each_action(tmp_path):
    # "Actie | Partners" with "1.a" alone in the first cell: rows written as actions titled
    # "1.a" under no goal's list; their partners reached no action.
    document = docx.Document()
    for line in ANNEX.split("{heading}")[0].splitlines():
        document.add_paragraph(line)
    document.add_paragraph("Bijlage 2: partners per actie")
    table = document.add_table(rows=0, cols=2)
    for row in [
        ("Actie", "Partners"),
        ("1.a", "Sociaal Huis Edegem, Sociaal Huis Kontich"),
        ("Actie 2.a", "Katholiek Onderwijs Vlaanderen"),
        ("3.a", "Vief"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row
    document.save(str(tmp_path / "plan.docx"))
    preview = plan.read_plan(tmp_path / "plan.docx", "testzone")
    assert {c: a.partners for c, a in by_code(preview).items()} == {
        "1.1": ["Samana", "Sociaal Huis Edegem", "Sociaal Huis Kontich"],
        "2.1": ["Katholiek Onderwijs Vlaanderen"],
    }


PROSE_LIST = """Doelstelling 1: Ouderen blijven thuis wonen
Acties
- Logo Gezond+ coördineert de valpreventieweek, in samenwerking met Wit-Gele Kruis Oost-Vlaanderen.
- We bekijken of een gedeelde zorgcoördinatie in de regio haalbaar is.
- Meer info: Jan Claes, jan.claes@zorgraadmeetjesland.be, 09 123 45 67.
"""


def test_a_contact_line_under_a_list_of_actions_is_no_action(tmp_path):
    # It was action 1-c, titled with a person's name, e-mail address and phone number.
    titles = [a.title for a in read_plain(tmp_path, PROSE_LIST).actions]
    assert len(titles) == 2
    assert not any("Claes" in t or "@" in t for t in titles)


def test_an_action_written_as_a_sentence_names_its_partners(tmp_path):
    # "…, in samenwerking met Wit-Gele Kruis Oost-Vlaanderen." named no partner: the
    # sentences of a narrative were read for who takes part only under an action's heading.
    actions = read_plain(tmp_path, PROSE_LIST).actions
    assert actions[0].partners == ["Wit-Gele Kruis Oost-Vlaanderen"]
    assert (actions[1].lead, actions[1].partners) == (None, [])


def test_patterns_that_open_on_spaces_start_only_where_a_run_starts():
    # Searched from each place inside a run of spaces, each read the run to its end and
    # back: with runs held to 200 spaces (a landscape page), a 1,000-deep indent read 30%
    # slower. A match starting inside a run is what that search tried.
    from graphmap.ingest.documents import text_tables
    from graphmap.ingest.plan import naming, reading, timing

    cases = [
        (naming._WITH, "Samana" + " " * 40 + "samen met OKRA"),
        (timing._TIMING_AFTER, "Samana" + " " * 40 + "2026"),
        (reading._PAGE_AFTER, "Actieplan" + " " * 40 + "3"),
        (text_tables._BREAK, "Samana" + " " * 40 + "<br> OKRA"),
    ]
    for pattern, line in cases:
        assert pattern.search(line).start() == line.index(" ")
        assert pattern.match(line, line.index(" ") + 5) is None, pattern.pattern
