"""Plans of zones the reader had not seen, fifteenth round: a lead said in a sentence, a
person with the place they work, contact details in what a preview shows, an annex of
partners per action without a chapter that closes the goals, a kind's acronym in a title,
and the plans of round 15."""

from __future__ import annotations

import docx
from extracted import by_code, read_plain

from graphmap.ingest import plan

PROSE = """ELZ Waasland – Actieplan 2026

Strategische doelstelling 1: Zorg dichtbij

Operationele doelstelling 1.1: Valpreventie

Actie 1.1.1: Vorming valpreventie
{sentence}
"""


def _prose(tmp_path, sentence: str) -> plan.ActionOut:
    return read_plain(tmp_path, PROSE.format(sentence=sentence)).actions[0]


def test_a_lead_said_after_its_verb_or_with_coordinates_is_read(tmp_path):
    # Each left the action without a lead, where partners in a sentence were read.
    for sentence, lead in [
        ("Logo Waasland coördineert deze actie.", "Logo Waasland"),
        ("Trekker is het Sociaal Huis Temse.", "Sociaal Huis Temse"),
        ("De trekker van deze actie is Samana, met steun van OKRA.", "Samana"),
        ("Deze actie wordt getrokken door CAW Oost-Vlaanderen.", "CAW Oost-Vlaanderen"),
        ("Het OCMW Temse is verantwoordelijk voor deze actie.", "OCMW Temse"),
    ]:
        assert _prose(tmp_path, sentence).lead == lead, sentence


def test_a_lead_in_a_sentence_is_one_not_every_name_it_gives(tmp_path):
    action = _prose(
        tmp_path,
        "Trekker is Logo Waasland. Het project loopt in Temse, met Samana en OKRA als partners.",
    )
    assert (action.lead, action.co_leads) == ("Logo Waasland", [])
    action = _prose(tmp_path, "Trekkers zijn Samana en OKRA.")
    assert [action.lead, *action.co_leads] == ["Samana", "OKRA"]
    # Said of no one by name: none.
    assert _prose(tmp_path, "De trekker is nog niet gekend.").lead is None
    assert _prose(tmp_path, "Het ziekenhuis coördineert deze actie.").lead is None


def test_partners_said_in_a_sentence_of_their_own_are_read(tmp_path):
    action = _prose(
        tmp_path,
        "Logo Waasland coördineert deze actie. Partners zijn Samana, OKRA en het "
        "Wit-Gele Kruis Oost-Vlaanderen.",
    )
    assert action.partners == ["Samana", "OKRA", "Wit-Gele Kruis Oost-Vlaanderen"]


def test_a_person_before_a_municipality_is_a_person_not_its_local_government(tmp_path):
    text = PROSE.format(
        sentence="Trekker: Samana\nPartners: Jeroen Wouters, Begijnendijk; Familiehulp"
    )
    preview = read_plain(tmp_path, text)
    action = preview.actions[0]
    assert action.partners == ["Familiehulp"]
    assert not any("Begijnendijk" in o for o in preview.organisations)
    assert any("Jeroen Wouters" in w for w in preview.warnings)  # counted, named once


def test_a_body_or_a_municipality_beside_a_person_or_a_kind_stays(tmp_path):
    for partners, expected in [
        ("Els Peeters, OCMW Lede; Familiehulp", ["OCMW Lede", "Familiehulp"]),
        ("Sociaal Huis, Aalst", ["Lokaal bestuur Aalst"]),
        ("Jan De Smet, OCMW Aalst", ["OCMW Aalst"]),
        ("Lede, Samana", ["Lokaal bestuur Lede", "Samana"]),
    ]:
        text = PROSE.format(sentence=f"Trekker: Samana\nPartners: {partners}")
        assert read_plain(tmp_path, text).actions[0].partners == expected, partners


CONTACTS = """ELZ Waasland – Actieplan 2026

Strategische doelstelling 1: Zorg dichtbij

Operationele doelstelling 1.1: Valpreventie

Actie 1.1.1: Vorming valpreventie
Trekker: Samana (Jan Claes, jan.claes@samana.be, 0470 12 34 56)
Partners: OKRA – tel. 03 776 12 34
"""


def test_a_previews_evidence_shows_no_e_mail_address_or_phone_number(tmp_path):
    # The sentence that names Samana showed the person's e-mail address and phone number,
    # in the text and in the JSON, though nothing of them was written.
    preview = read_plain(tmp_path, CONTACTS)
    assert preview.actions[0].lead == "Samana"
    evidence = {o.name: o.evidence for o in preview.organisation_matches}
    assert "Samana" in evidence["Samana"] and "OKRA" in evidence["OKRA"]
    shown = preview.to_table() + preview.to_json()
    for detail in ("jan.claes@samana.be", "0470 12 34 56", "03 776 12 34"):
        assert detail not in shown, detail


ANNEX = """ELZ Rivierenland – Jaarplan 2026

Strategische doelstelling 1: Samen zorgen

Actie 1.a: Netwerkdag eerstelijn
Trekker: zorgraad
Partners: Samana

Strategische doelstelling 2: Jongeren

Actie 2.a: Week van de mentale gezondheid
Trekker: CGG Rivierenland

{heading}

Actie 1.a: Sociaal Huis Edegem, Sociaal Huis Kontich
Actie 2.a: GO! Scholengroep Rivierenland
"""


def test_an_annex_of_partners_per_action_without_a_closing_chapter_is_read(tmp_path):
    # Under no heading that closes the goals, "Actie 1.a: …" was action 1.a printed again:
    # its names reached no action.
    for heading in ("Partners per actie", "Overzicht van de partners per actie"):
        preview = read_plain(tmp_path, ANNEX.format(heading=heading))
        assert {c: a.partners for c, a in by_code(preview).items()} == {
            "1.1": ["Samana", "Sociaal Huis Edegem", "Sociaal Huis Kontich"],
            "2.1": ["GO! Scholengroep Rivierenland"],
        }, heading


def test_an_annex_table_of_partners_per_action_without_a_closing_chapter_is_read(tmp_path):
    document = docx.Document()
    for line in ANNEX.split("{heading}")[0].splitlines():
        document.add_paragraph(line)
    document.add_paragraph("Partners per actie")
    table = document.add_table(rows=0, cols=2)
    for row in [("Actie", "Partners"), ("1.a", "Vief"), ("2.a", "Katholiek Onderwijs Vlaanderen")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row
    document.save(str(tmp_path / "plan.docx"))
    preview = plan.read_plan(tmp_path / "plan.docx", "testzone")
    assert {c: a.partners for c, a in by_code(preview).items()} == {
        "1.1": ["Samana", "Vief"],
        "2.1": ["Katholiek Onderwijs Vlaanderen"],
    }


def test_partners_per_action_before_any_action_is_no_annex(tmp_path):
    text = ANNEX.format(heading="").replace(
        "Strategische doelstelling 1", "Partners per actie\n\nStrategische doelstelling 1", 1
    )
    # Over the goals it ends nothing: both goals and their actions are read.
    preview = read_plain(tmp_path, text)
    assert [g.number for g in preview.strategic_goals] == ["1", "2"]
    assert [(a.id_code, a.lead) for a in preview.actions] == [
        ("1.1", "zorgraad"),
        ("2.1", "CGG Rivierenland"),
    ]


REGISTER = [
    {"id": "kemp-en-duin-gbo", "name": "Geïntegreerd Breed Onthaal (GBO)"},
    {"id": "pallion", "name": "Pallion"},
    {"id": "kind-en-gezin", "name": "Kind en Gezin"},
    {"id": "noord-limburg-pzon", "name": "Platform Zorg en Ondersteuning Noord (PZON)"},
]

KIND_IN_TITLE = """ELZ West-Limburg – Actieplan 2026

Strategische doelstelling 1: Iedereen vindt de weg

Operationele doelstelling 1.1: {goal}

Actie 1.1.1: {title}
Trekker: CAW Limburg
Partners: OCMW Beringen
"""


def test_a_kinds_acronym_or_words_in_lower_case_name_no_organisation_of_the_register(tmp_path):
    # Read on a graph of 19 zones, "Uitbouw van het GBO" under "Een geïntegreerd breed
    # onthaal in elke gemeente" proposed Kemp en Duin's "Geïntegreerd Breed Onthaal (GBO)"
    # as an organisation this plan names: every zone has its GBO.
    for goal, title in [
        ("Een geïntegreerd breed onthaal in elke gemeente", "Uitbouw van het GBO in Beringen"),
        ("Een geïntegreerd breed onthaal in elke gemeente", "Uitbouw van het onthaal"),
        ("Geïntegreerd breed onthaal in elke gemeente", "Uitbouw van het onthaal"),
        ("Een sterk onthaal", "Opstart GBO in de regio"),
        ("Persoonsgerichte zorg", "Opstart PZON in de regio"),
    ]:
        path = tmp_path / "plan.txt"
        path.write_text(KIND_IN_TITLE.format(goal=goal, title=title), encoding="utf-8")
        preview = plan.read_plan(path, "west-limburg", REGISTER)
        assert preview.organisations == ["CAW Limburg", "OCMW Beringen"], title


def test_a_register_name_written_as_a_name_in_a_title_or_text_is_still_found(tmp_path):
    for goal, title, found in [
        ("Palliatieve zorg", "Samenwerking met Pallion rond vroegtijdige zorgplanning", "Pallion"),
        ("Het Geïntegreerd Breed Onthaal versterken", "Opstart in de regio", "GBO"),
        ("Gezinnen", "Infosessies samen met Kind en Gezin", "Kind en Gezin"),
    ]:
        path = tmp_path / "plan.txt"
        path.write_text(KIND_IN_TITLE.format(goal=goal, title=title), encoding="utf-8")
        preview = plan.read_plan(path, "west-limburg", REGISTER)
        assert any(found in o for o in preview.organisations), title


def test_a_file_of_a_kind_not_read_says_what_to_save_it_as(tmp_path):
    # "bestandstype '.doc' wordt niet gelezen; gebruik .txt, .md, …" named no way to get
    # there, and a scan's PDF none at all ("de PDF bevat geen tekst (een scan?)").
    from graphmap.errors import ValidationError

    for name, content, advice in [
        ("plan.doc", b"\xd0\xcf\x11\xe0", "open het en bewaar het als .docx of .pdf"),
        ("plan.odt", b"PK\x03\x04", "open het en bewaar het als .docx of .pdf"),
        ("plan.rtf", b"{\\rtf1 Actie 1.1.1}", "open het en bewaar het als .docx of .pdf"),
        ("plan.pages", b"PK\x03\x04", "open het en bewaar het als .docx of .pdf"),
        ("plan.pptx", b"PK\x03\x04", "exporteer de presentatie als .pdf"),
        ("plan.html", b"<html><h1>Actie 1.1.1</h1>", "druk de pagina af als .pdf"),
        ("plan", b"Actie 1.1.1: X", "bewaar het als .docx, .pdf of .txt"),
    ]:
        (tmp_path / name).write_bytes(content)
        try:
            plan.read_plan(tmp_path / name, "testzone")
        except ValidationError as error:
            assert str(error).startswith(f"{name}: bestandstype"), name
            assert advice in str(error), name
        else:
            raise AssertionError(f"{name} was read")
    from reportlab.pdfgen import canvas

    scan = canvas.Canvas(str(tmp_path / "scan.pdf"))
    scan.rect(50, 50, 400, 600, fill=1)  # a page of a scan: a picture, no text
    scan.save()
    try:
        plan.read_plan(tmp_path / "scan.pdf", "testzone")
    except ValidationError as error:
        assert str(error).startswith("scan.pdf: de PDF bevat geen tekst"), str(error)
        assert "tekstherkenning (OCR)" in str(error)
    else:
        raise AssertionError("scan.pdf was read")


INDICATORS = """Strategische doelstelling 1: Toegankelijke zorg

Operationele doelstelling 1.1: Iedere inwoner vindt een huisarts

Actie 1.1.1 – Aanmeldpunt voor inwoners zonder huisarts
Trekker: Huisartsenkring Waasland
Indicator
{header}
Aantal aanmeldingen per jaar
{first}
Aandeel toegeleid binnen 3 maanden
80%

Actie 1.1.2 – Wachtzaalcampagne
Trekker: Logo Waasland
Budget
Bron
€ 4.500
Provincie Oost-Vlaanderen
"""


def test_a_table_of_indicators_one_cell_a_line_gives_each_indicator_its_target(tmp_path):
    # The header "Streefwaarde 2027" was an indicator, "80%" another, and "250" was taken
    # out as a page's number.
    text = INDICATORS.format(header="Streefwaarde 2027", first="250")
    actions = by_code(read_plain(tmp_path, text))
    assert actions["1.1.1"].indicators == [
        "Aantal aanmeldingen per jaar (streefwaarde 2027: 250)",
        "Aandeel toegeleid binnen 3 maanden (streefwaarde 2027: 80%)",
    ]
    # A budget's table beside an action is none of its fields, partners or indicators.
    action = actions["1.1.2"]
    assert (action.lead, action.partners, action.indicators) == ("Logo Waasland", [], [])


def test_indicators_that_are_no_table_of_targets_stay_as_written(tmp_path):
    text = INDICATORS.format(header="Aantal infosessies", first="Tevredenheid deelnemers")
    assert by_code(read_plain(tmp_path, text))["1.1.1"].indicators == [
        "Aantal infosessies",
        "Aantal aanmeldingen per jaar",
        "Tevredenheid deelnemers",
        "Aandeel toegeleid binnen 3 maanden",
        "80%",
    ]


def test_a_page_number_outside_a_table_of_targets_is_still_no_line(tmp_path):
    text = INDICATORS.format(header="Aantal infosessies", first="Tevredenheid")
    text = text.replace("Trekker: Logo Waasland", "Trekker: Logo Waasland\n\n12\n")
    action = by_code(read_plain(tmp_path, text))["1.1.2"]
    assert (action.lead, action.title) == ("Logo Waasland", "Wachtzaalcampagne")
    assert not any("12" in i for a in read_plain(tmp_path, text).actions for i in a.indicators)


LETTERED = """ELZ Westkust – Jaarplan 2026

Doel A: Iedereen vindt de weg naar hulp

A.1 Sociale kaart Westkust actualiseren
{bullet}Trekker: OCMW Koksijde
{bullet}Partners: OCMW De Panne, OCMW Veurne
{bullet}Timing: Q2 2026

A.2 Vindplaatsgericht werken in de woonwijken
{bullet}Trekker: CAW Noord-West-Vlaanderen

Doel B: Zorg voor wie kwetsbaar is

B.1 Valpreventie bij thuiswonende ouderen
{bullet}Trekker: Logo Oostende-Westhoek
{bullet}Partners: OKRA
"""


def test_actions_under_lettered_goals_with_their_fields_as_bullets_are_read(tmp_path):
    # With "• Trekker: …" under "A.1 Title" the plan lost its actions: A.1 was no action
    # (its fields, bullets, counted as none) and each bullet became an action "1-a", "1-b" …
    for bullet in ("• ", "- ", ""):
        preview = read_plain(tmp_path, LETTERED.format(bullet=bullet))
        assert [(a.id_code, a.title, a.lead, a.partners) for a in preview.actions] == [
            (
                "1.1",
                "Sociale kaart Westkust actualiseren",
                "OCMW Koksijde",
                ["OCMW De Panne", "OCMW Veurne"],
            ),
            ("1.2", "Vindplaatsgericht werken in de woonwijken", "CAW Noord-West-Vlaanderen", []),
            ("2.1", "Valpreventie bij thuiswonende ouderen", "Logo Oostende-Westhoek", ["OKRA"]),
        ], repr(bullet)


def test_a_bulleted_list_under_a_numbered_item_without_fields_stays_a_list(tmp_path):
    # The rule reads bulleted fields, not any bullets: "1.1" with a list under it is no
    # action of its own; the list's items are the actions, as they were.
    text = """Strategische doelstelling 1: Iedereen vindt de weg

1.1 Een sociale kaart voor de regio
• Sociale kaart actualiseren
• Infomarkt organiseren
"""
    preview = read_plain(tmp_path, text)
    assert [a.title for a in preview.actions] == [
        "Sociale kaart actualiseren",
        "Infomarkt organiseren",
    ]


def _slides(path, slides, bullet="•"):
    """A deck as PowerPoint exports it to PDF: a slide a landscape page, its title larger,
    a footer and the slide's number."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    width, height = landscape(A4)
    deck = canvas.Canvas(str(path), pagesize=(width, height))
    for number, (title, lines) in enumerate(slides, 1):
        deck.setFont("Helvetica-Bold", 26)
        deck.drawString(50, height - 70, title)
        deck.setFont("Helvetica", 17)
        for at, line in enumerate(lines):
            text = f"{bullet} {line.strip()}" if line.startswith("  ") else line
            deck.drawString(85 if line.startswith("  ") else 60, height - 130 - 30 * at, text)
        deck.setFont("Helvetica", 10)
        deck.drawString(50, 30, "Zorgraad ELZ Westkust — vergadering 12/03/2026")
        deck.drawRightString(width - 50, 30, str(number))
        deck.showPage()
    deck.save()


SLIDES = [
    ("Jaarplan 2026", ["ELZ Westkust", "Alveringem • De Panne • Koksijde • Nieuwpoort • Veurne"]),
    (
        "Jaarplan 2026 – Doel A",
        [
            "Doel A: Iedereen vindt de weg naar hulp",
            "A.1 Sociale kaart Westkust actualiseren",
            "  Trekker: OCMW Koksijde",
            "  Timing: Q2 2026",
        ],
    ),
    (
        "Jaarplan 2026 – Doel A",
        ["A.2 Infomarkt mantelzorg", "  Trekker: zorgraad", "  Timing: oktober 2026"],
    ),
    ("Vragen?", ["Contact: Lies Vandamme, lies.vandamme@elzwestkust.be"]),
]


def test_a_slide_deck_in_pdf_gives_its_goals_and_actions_and_none_of_its_furniture(tmp_path):
    # Helvetica's "•" as reportlab writes it has no Unicode: pdfminer gives "(cid:127)",
    # and the fields were no fields; the next slide's title went on the timing's value
    # ("oktober 2026 Vragen?"), and the title slide's municipalities were none.
    _slides(tmp_path / "deck.pdf", SLIDES)
    preview = plan.read_plan(tmp_path / "deck.pdf", "westkust")
    assert [(a.id_code, a.title, a.lead, a.timing) for a in preview.actions] == [
        ("1.1", "Sociale kaart Westkust actualiseren", "OCMW Koksijde", "Q2 2026"),
        ("1.2", "Infomarkt mantelzorg", "zorgraad", "oktober 2026"),
    ]
    assert [g.title for g in preview.strategic_goals] == ["Iedereen vindt de weg naar hulp"]
    assert preview.municipalities == ["Alveringem", "De Panne", "Koksijde", "Nieuwpoort", "Veurne"]
    assert "Vandamme" not in preview.to_json()


def test_an_unmapped_glyph_inside_a_word_is_dropped_and_between_words_is_a_bullet(tmp_path):
    from graphmap.ingest.documents import read_lines

    path = tmp_path / "plan.txt"
    path.write_text("(cid:127) Trekker: Samana\nZorg(cid:3)raad\nA (cid:127) B\n", encoding="utf-8")
    assert list(read_lines(path)) == ["• Trekker: Samana", "Zorgraad", "A • B"]


def test_kinds_by_their_abbreviation_are_groups_and_named_ones_organisations(tmp_path):
    text = LETTERED.format(bullet="").replace(
        "Partners: OKRA",
        "Partners: DVT, PVT, MUT, DVT's, CAW’s, WZC's, PVT De Zonnebloem, HAK Waasland, CGG Eclips",
    )
    action = by_code(read_plain(tmp_path, text))["2.1"]
    assert action.partners == ["PVT De Zonnebloem", "HAK Waasland", "CGG Eclips"]
    assert action.partner_groups == ["DVT", "PVT", "MUT", "DVT's", "CAW’s", "WZC's"]


def _goal_tables(tmp_path, numbers: list[str | None]) -> plan.PlanPreview:
    """Operational goals without a number, each with its actions in a Word table under a
    caption that gives the goal's number (or none)."""
    document = docx.Document()
    document.add_paragraph("ELZ Midwest – Zorgraadplan 2026-2028")
    document.add_paragraph("Strategische doelstelling 1: Een toegankelijke eerste lijn")
    titles = ["Wegwijs in de hulp", "Kwetsbare gezinnen bereiken", "Thuiszorg afstemmen"]
    for at, number in enumerate(numbers):
        document.add_paragraph(f"Operationele doelstelling: {titles[at]}")
        if number:
            document.add_paragraph(f"Tabel {at + 1}: acties bij OD {number}")
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Actie", "Trekker"
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"Actie van doel {at + 1}", "OCMW Izegem"
    document.save(str(tmp_path / "plan.docx"))
    return plan.read_plan(tmp_path / "plan.docx", "midwest")


def test_a_goals_number_in_its_tables_caption_is_its_number(tmp_path):
    # "Tabel 2: acties bij OD 1.3" under the second goal without a number: it was goal 1.2.
    preview = _goal_tables(tmp_path, ["1.1", "1.3", None])
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Wegwijs in de hulp"),
        ("1.3", "Kwetsbare gezinnen bereiken"),
        ("1.4", "Thuiszorg afstemmen"),  # the next after it, not 1.3 again (one goal of two)
    ]
    assert [(a.operational_goal, a.title) for a in preview.actions] == [
        ("1.1", "Actie van doel 1"),
        ("1.3", "Actie van doel 2"),
        ("1.4", "Actie van doel 3"),
    ]


def test_goals_without_captions_are_numbered_in_order_as_before(tmp_path):
    preview = _goal_tables(tmp_path, [None, None, None])
    assert [g.number for g in preview.operational_goals] == ["1.1", "1.2", "1.3"]
    # A caption's number another goal has already is no goal's renumbering.
    preview = _goal_tables(tmp_path, [None, "1.1", None])
    assert [g.number for g in preview.operational_goals] == ["1.1", "1.2", "1.3"]


LAYOUT = """ELZ Rivierenland – Jaaractieplan 2026

  Code         Actie                Trekker                  Partners                 Timing
  SD1-OD1-A1   Dorpsrestaurants     LDC De Schakel           OCMW Bornem, Samana      Q1-Q4 2026
  SD1-OD2-A1   Mantelzorgcafé       Sociaal Huis Willebroek  CM Rivierenland          maandelijks
  SD2-OD1-A2   Lokale netwerkdag    Zorgraad                 Netwerk GGZ Kempen       oktober 2026


Toelichting per actie

SD1-OD1-A1 Dorpsrestaurants
Het LDC De Schakel coördineert deze actie.

Partners per actie

  Actie          Partners
  SD1-OD2-A1     Vief, Familiehulp
  SD2-OD1-A2     CAW De Kempen

Indicatoren

  Indicator                                Streefwaarde 2026
  Aantal dorpsrestaurants                  6
"""


def test_a_chapters_heading_after_a_table_of_actions_is_no_timing(tmp_path):
    # "Toelichting per actie" over the actions' text again was the last row's timing:
    # "oktober 2026 Toelichting per actie".
    actions = by_code(read_plain(tmp_path, LAYOUT))
    assert actions["2.1.2"].timing == "oktober 2026"


def test_an_annex_table_of_partners_per_action_with_path_codes_adds_them(tmp_path):
    # "SD1-OD2-A1 | Vief, Familiehulp", read as a list of actions, ended the annex at its
    # first row; then its last action took the plan's indicators as its own.
    actions = by_code(read_plain(tmp_path, LAYOUT))
    assert actions["1.2.1"].partners == ["CM Rivierenland", "Vief", "Familiehulp"]
    assert actions["2.1.2"].partners == ["Netwerk GGZ Kempen", "CAW De Kempen"]
    assert actions["2.1.2"].indicators == []


def test_indicators_with_their_target_on_one_line_are_read_as_a_table(tmp_path):
    text = INDICATORS.format(header="Streefwaarde 2027", first="250").replace(
        "Aantal aanmeldingen per jaar\n250\nAandeel toegeleid binnen 3 maanden\n80%",
        "Aantal aanmeldingen per jaar 250\nAandeel toegeleid binnen 3 maanden 80%",
    )
    assert by_code(read_plain(tmp_path, text))["1.1.1"].indicators == [
        "Aantal aanmeldingen per jaar (streefwaarde 2027: 250)",
        "Aandeel toegeleid binnen 3 maanden (streefwaarde 2027: 80%)",
    ]


def test_a_person_and_the_municipality_they_work_in_lead_no_action(tmp_path):
    # "Trekker: Sofie De Smet, Zulte" was led by "Lokaal bestuur Zulte".
    action = _prose(tmp_path, "Trekker: Sofie De Smet, Zulte\nPartners: OCMW Zulte")
    assert (action.lead, action.partners) == (None, ["OCMW Zulte"])
    assert _prose(tmp_path, "Trekker: Jan De Smet, OCMW Aalst").lead == "OCMW Aalst"


def test_a_spreadsheets_columns_of_targets_and_budget_beside_the_actions(tmp_path):
    # The target was an indicator of its own ("Streefwaarde 2027: 3"); the budget and its
    # source are none of the action's fields.
    import openpyxl

    book = openpyxl.Workbook()
    for row in [
        ["ELZ Antwerpen Zuid – Actieplan 2026"],
        [
            "Code",
            "Actie",
            "Trekker",
            "Partners",
            "Indicator",
            "Streefwaarde 2027",
            "Budget",
            "Bron",
        ],
        ["SD 1: Iedereen vindt de weg"],
        [
            "A1.1.1",
            "Buurtgerichte zorg",
            "OCMW Antwerpen",
            "CAW Antwerpen, DVT",
            "Buurtnetwerken",
            "3",
            "€ 12.000",
            "Provincie Antwerpen",
        ],
    ]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    action = plan.read_plan(tmp_path / "plan.xlsx", "antwerpen-zuid").actions[0]
    assert (action.code, action.lead, action.partners, action.partner_groups) == (
        "1.1.1",
        "OCMW Antwerpen",
        ["CAW Antwerpen"],
        ["DVT"],
    )
    assert action.indicators == ["Buurtnetwerken (streefwaarde 2027: 3)"]


def test_a_kinds_acronym_alone_is_the_one_organisation_of_it_the_plan_names_in_full(tmp_path):
    # round15 left it: "CAW" among an action's partners beside the plan's own lead "CAW
    # Noord-West-Vlaanderen" was a second, new organisation "CAW". Two in full stay apart.
    path = tmp_path / "plan.txt"
    path.write_text(
        "ELZ Westkust\n\nSD 1: Hulp\nOD 1.1: Sociale kaart\n"
        "Actie 1.1.1: Sociale kaart actualiseren\nTrekker: CAW Noord-West-Vlaanderen\n"
        "Partners: OCMW De Panne\n"
        "Actie 1.1.2: Vindplaatsgericht werken\nTrekker: OCMW Veurne\nPartners: CAW, Samana\n"
        "Actie 1.1.3: Ontslagmanagement\nTrekker: AZ West\nPartners: AZ Delta, AZ\n",
        encoding="utf-8",
    )
    preview = plan.read_plan(path, "westkust")
    by_code = {a.code: a for a in preview.actions}
    assert by_code["1.1.2"].partners == ["CAW Noord-West-Vlaanderen", "Samana"]
    assert "CAW" not in preview.organisations
    assert "AZ" in by_code["1.1.3"].partners  # two hospitals in full: which one is not said
