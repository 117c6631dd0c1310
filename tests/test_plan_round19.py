"""Plans of zones the reader had not seen, nineteenth round: partners said with "i.s.m." in
an action's sentence, a word broken over lines in a fiche's answer, goals in Roman numerals
without a separator, items lettered a), b) each with their own fields and targets, and the
plans of round 19."""

from __future__ import annotations

from extracted import read_plain

# Seed 001's list of actions, each a sentence that names who works along, its lead below.
SENTENCES = """ELZ Oostkust
SD I Ouderen blijven langer veilig thuis wonen
OD I.1 Valpreventie wordt een vast aanbod in elke gemeente
Acties
- Jaarlijkse valpreventieweek i.s.m. Logo Brugge-Oostende en de dienstencentra.
Trekker: Stad Blankenberge
- Opstart van een multidisciplinair overleg i.s.m. Huisartsenkring Oostkust, Wit-Gele Kruis
West-Vlaanderen en i-mens.
Trekker: OCMW Bredene
SD II Zorgverleners werken samen
OD II.1 Casusoverleg in de thuiszorg
Acties
- Vorming voor leerkrachten, georganiseerd door CLB Kempen samen met Logo Kempen.
"""


def test_partners_after_isms_dotted_letters_and_goals_in_roman_numerals(tmp_path):
    # "i.s.m." ended a sentence at its last dot: the names after it were read as a sentence
    # of their own, which said nothing of working along.
    preview = read_plain(tmp_path, SENTENCES)
    first, second, third = preview.actions
    assert (first.lead, first.partners) == ("Stad Blankenberge", ["Logo Brugge-Oostende"])
    # "i-mens" is a name in lower case, in running text too.
    assert second.partners == [
        "Huisartsenkring Oostkust",
        "Wit-Gele Kruis West-Vlaanderen",
        "i-mens",
    ]
    # Who organises an action leads it.
    assert (third.lead, third.partners) == ("CLB Kempen", ["Logo Kempen"])
    # "SD I Title" without a separator is strategic goal 1, as "SD 1 Title" is.
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Ouderen blijven langer veilig thuis wonen"),
        ("2", "Zorgverleners werken samen"),
    ]
    assert [a.operational_goal for a in preview.actions] == ["1.1", "1.1", "2.1"]
    # A word of a heading in capitals that only ends in a numeral's letter stays text.
    assert read_plain(tmp_path, "ELZ X\nBijlage I Overzicht\n").strategic_goals == []


def test_a_word_broken_over_lines_in_an_answer_and_a_title_wrapped_after_a_comma(tmp_path):
    from extracted import fiche, read

    # "Huisartsen-" / "kring Zennevallei en het Agentschap …." was a sentence after the
    # partners (eight words and a full stop): its names were lost, "Huisartsen" a group.
    text = (
        "ELZ Zennevallei\n"
        "Strategische doelstelling 1 – Toegankelijke zorg voor alle inwoners van Halle, Beersel,\n"
        "Sint-Genesius-Rode, Drogenbos en Linkebeek.\n"
        "Operationele doelstelling 1.1 – Anderstalige inwoners vinden de weg naar zorg.\n"
        + fiche(
            "1.1.1",
            "Sociaal tolken",
            "Els Peeters (CAW Brussel)",
            "Wit-Gele Kruis Vlaams-Brabant, Huisartsen-\n"
            "kring Zennevallei en het Agentschap Integratie en Inburgering.",
        )
    )
    preview = read(tmp_path, text)
    (action,) = preview.actions
    assert action.lead == "CAW Brussel"
    assert action.partners == [
        "Wit-Gele Kruis Vlaams-Brabant",
        "Huisartsenkring Zennevallei",
        "Agentschap Integratie en Inburgering",
    ]
    assert action.partner_groups == []
    assert preview.strategic_goals[0].title == (
        "Toegankelijke zorg voor alle inwoners van Halle, Beersel, Sint-Genesius-Rode, "
        "Drogenbos en Linkebeek."
    )


def test_a_known_name_with_an_ampersand_is_one_partner(tmp_path):
    text = """ELZ Brugge
Operationele doelstelling 1.1: Zorgkosten
Actie 1.1.1: Barometer zorgkosten
Trekker: Sociaal Huis Brugge
Partners: CM Midden-Vlaanderen, Vlaams & Neutraal Ziekenfonds, Samana & OKRA
"""
    (action,) = read_plain(tmp_path, text).actions
    assert action.partners == [
        "CM Midden-Vlaanderen",
        "Vlaams & Neutraal Ziekenfonds",
        "Samana",
        "OKRA",
    ]


# Items lettered under a lettered goal, each with its lead, partners, indicator and target.
LETTERED = """Zorgraad Meetjesland
Strategisch doel A: Gezinnen in armoede krijgen betere toegang tot zorg
Operationeel doel A.1: Rechten worden automatisch toegekend
a) Rechtenverkenning bij elke opname in het woonzorgcentrum
Trekker: OCMW Eeklo
Partners: CM Midden-Vlaanderen, Helan
Indicator: aantal rechtenverkenningen
Streefwaarde: 150 per jaar
b) Vorming armoedebewust werken voor apothekers
Trekker: Welzijnsschakels Meetjesland
Partners: Apothekersvereniging Meetjesland
Indicator: aantal deelnemers
Streefwaarde: 40
Operationeel doel A.2: Gezinnen vinden een huisarts
a) Aanmeldpunt voor inwoners zonder huisarts
Trekker: Huisartsenkring Meetjesland
Partners: Lokaal bestuur Zelzate
Streefwaarde: 90% van de aanmelders heeft binnen de maand een huisarts
"""


def test_lettered_items_each_with_their_own_indicator_and_target(tmp_path):
    # "b)" after the first item's indicator was an indicator of it, its lead and partners
    # the first's; "Streefwaarde: …" after partners was a partner "Streefwaarde".
    preview = read_plain(tmp_path, LETTERED)
    assert [
        (a.operational_goal, a.title, a.lead, a.partners, a.indicators) for a in preview.actions
    ] == [
        (
            "1.1",
            "Rechtenverkenning bij elke opname in het woonzorgcentrum",
            "OCMW Eeklo",
            ["CM Midden-Vlaanderen", "Helan"],
            ["aantal rechtenverkenningen (streefwaarde: 150 per jaar)"],
        ),
        (
            "1.1",
            "Vorming armoedebewust werken voor apothekers",
            "Welzijnsschakels Meetjesland",
            ["Apothekersvereniging Meetjesland"],
            ["aantal deelnemers (streefwaarde: 40)"],
        ),
        (
            "1.2",
            "Aanmeldpunt voor inwoners zonder huisarts",
            "Huisartsenkring Meetjesland",
            ["Lokaal bestuur Zelzate"],
            ["Streefwaarde: 90% van de aanmelders heeft binnen de maand een huisarts"],
        ),
    ]
    assert "Streefwaarde" not in read_plain(tmp_path, LETTERED).organisations


# A table one cell a line, as the seeds' extractor gives it, its columns in another order:
# partners before the lead, a budget between.
TABLE = """ELZ Pajottenland
Operationele doelstelling 1.2: Kwetsbare inwoners worden sneller bereikt
Nr.
Actie
Budget
Partners
Trekker
1.2.1
Zitdagen van het Sociaal Huis in de deelgemeenten
€ 2.500
OCMW Gooik, CAW Brussel
Sociaal Huis Sint-Pieters-Leeuw
1.2.2
Opleiding vroegdetectie voor thuisverpleegkundigen
€ 1.200
Wit-Gele Kruis Vlaams-Brabant
Huisartsenkring Pajottenland
"""


def test_a_table_a_cell_a_line_with_a_column_of_no_field_between(tmp_path):
    # "Budget" ended the header: no table, the rows' cells each an action's title.
    from extracted import read

    preview = read(tmp_path, TABLE)
    assert [(a.id_code, a.title, a.lead, a.partners) for a in preview.actions] == [
        (
            "1.2.1",
            "Zitdagen van het Sociaal Huis in de deelgemeenten",
            "Sociaal Huis Sint-Pieters-Leeuw",
            ["OCMW Gooik", "CAW Brussel"],
        ),
        (
            "1.2.2",
            "Opleiding vroegdetectie voor thuisverpleegkundigen",
            "Huisartsenkring Pajottenland",
            ["Wit-Gele Kruis Vlaams-Brabant"],
        ),
    ]
    # "Zitdagen van het Sociaal Huis" was an organisation found in the title: words of a
    # kind every municipality has name no one.
    assert "Zitdagen van het Sociaal Huis" not in preview.organisations


def test_who_takes_the_lead_and_who_joins_asked_in_other_words(tmp_path):
    # "Wie neemt het voortouw?" was "Wie" as the lead, "Wie werkt mee?" no field.
    text = """Zorgraad RIZ
Operationele doelstelling 1.1: Mantelzorgers van personen met dementie worden ontlast
Actie 1.1.1: Dementievriendelijke gemeente Roeselare
Wie neemt het voortouw? Expertisecentrum Dementie Contact
Wie werkt mee? Stad Roeselare, Alzheimerliga Vlaanderen
Wanneer? Heel 2026
Actie 1.1.2: Praatcafé dementie
Wie neemt het voortouw? OCMW Izegem
Wie doet mee? Samana Roeselare
"""
    first, second = read_plain(tmp_path, text).actions
    assert (first.title, first.lead, first.partners, first.timing) == (
        "Dementievriendelijke gemeente Roeselare",
        "Expertisecentrum Dementie Contact",
        ["Stad Roeselare", "Alzheimerliga Vlaanderen"],
        "Heel 2026",
    )
    assert (second.title, second.lead, second.partners) == (
        "Praatcafé dementie",
        "OCMW Izegem",
        ["Samana Roeselare"],
    )
    # Who starts and carries it, and partners by another word.
    for lead, partners in (
        ("Initiatiefnemer:", "Copartners:"),
        ("Promotor:", "Co-partners:"),
        ("Hoofdverantwoordelijke:", "Wie werkt mee?"),
        ("Trekkende partij:", "Wie doet mee?"),
    ):
        other = text.replace("Wie neemt het voortouw?", lead).replace("Wie werkt mee?", partners)
        first = read_plain(tmp_path, other).actions[0]
        assert (first.lead, first.partners) == (
            "Expertisecentrum Dementie Contact",
            ["Stad Roeselare", "Alzheimerliga Vlaanderen"],
        ), (lead, partners)


def test_examples_after_samen_met_and_a_known_name_with_its_region(tmp_path):
    # "samen met o.a. Samana Demerland, …" named none ("o.a." opened no name), and without
    # it "Samana Demerland" and "OKRA Begijnendijk" lost their region.
    from extracted import fiche, read

    answer = (
        "Het café wordt opgezet samen met o.a. Samana Demerland, OKRA Begijnendijk en het\n"
        "Lokaal Dienstencentrum De Wissel."
    )
    text = "ELZ Demerland\nOperationele doelstelling 2.1 – X\n" + fiche(
        "2.1.1", "Mantelzorgcafé", "Stad Aarschot", answer
    )
    for plan in (text, text.replace("o.a. ", "")):
        (action,) = read(tmp_path, plan).actions
        assert action.partners == [
            "Samana Demerland",
            "OKRA Begijnendijk",
            "Lokaal Dienstencentrum De Wissel",
        ], plan
    # The same in an action's own sentence.
    items = (
        "ELZ X\nOD 1.1 Y\nActies\n- Een mantelzorgcafé samen met o.a. Samana Demerland en Vief.\n"
    )
    assert read_plain(tmp_path, items).actions[0].partners == ["Samana Demerland", "Vief"]


# Themes lettered over goals lettered under them, action sheets with their fields in
# another order, partners said in the lead's field.
THEMES = """Zorgraad Leuven
Thema A: Mentaal welzijn
A.1 Jongeren vinden sneller hulp
Actiefiche A.1.1 – Outreachend werken in scholen
Timing: schooljaar 2025-2026
Partners: CLB Leuven
Trekker: CGG Vlaams-Brabant Oost
Actiefiche A.1.2 – Vorming voor jeugdwerkers
Trekker: Logo Oost-Brabant in samenwerking met de jeugddienst van Leuven en Chiro Leuven
Thema B: Zorg voor ouderen
B.1 Ouderen blijven langer thuis
Actiefiche B.1.1 – Valpreventie in woonzorgcentra
Trekker: Woonzorgnetwerk Leuven
"""


def test_a_theme_over_goals_of_its_number_is_their_strategic_goal(tmp_path):
    # The themes were no goals: goals 1.1 and 2.1 stood under no strategic goal.
    preview = read_plain(tmp_path, THEMES)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Mentaal welzijn"),
        ("2", "Zorg voor ouderen"),
    ]
    assert [(g.number, g.parent) for g in preview.operational_goals] == [("1.1", "1"), ("2.1", "2")]
    first, second, third = preview.actions
    assert (first.id_code, first.lead, first.partners, first.timing) == (
        "1.1.1",
        "CGG Vlaams-Brabant Oost",
        ["CLB Leuven"],
        "schooljaar 2025-2026",
    )
    # "i.s.m. de jeugddienst van Leuven" in the lead's field is Leuven's council, as it is
    # as a partner.
    assert (second.lead, second.partners) == (
        "Logo Oost-Brabant",
        ["Lokaal bestuur Leuven", "Chiro Leuven"],
    )
    assert third.id_code == "2.1.1"
    # A priority lettered so is a strategic goal alike.
    priorities = THEMES.replace("Thema ", "Prioriteit ")
    assert [g.title for g in read_plain(tmp_path, priorities).strategic_goals] == [
        "Mentaal welzijn",
        "Zorg voor ouderen",
    ]
    # A theme over goals numbered otherwise stays a theme.
    other = THEMES.replace("A.1 ", "C.1 ").replace("A.1.", "C.1.")
    assert "Mentaal welzijn" not in [g.title for g in read_plain(tmp_path, other).strategic_goals]


def test_the_zorgraad_says_where_it_works(tmp_path):
    # "De zorgraad werkt in …" named the municipalities but stated no territory.
    text = """Zorgraad Meetjesland
Onze zone
De zorgraad werkt in Aalter, Assenede, Eeklo, Maldegem en Zelzate. In Eeklo en Zelzate wonen
relatief veel gezinnen in armoede.
Strategisch doel A: Gezinnen in armoede krijgen betere toegang tot zorg
Operationeel doel A.1: Rechten worden automatisch toegekend
a) Rechtenverkenning
Trekker: OCMW Eeklo
"""
    preview = read_plain(tmp_path, text)
    assert [m.name for m in preview.municipality_matches if m.territory] == [
        "Aalter",
        "Assenede",
        "Eeklo",
        "Maldegem",
        "Zelzate",
    ]
    # Whom it works with there is no territory.
    other = text.replace("werkt in", "werkt samen met de OCMW's van")
    assert not any(m.territory for m in read_plain(tmp_path, other).municipality_matches)


def test_a_person_of_a_body_is_that_body_and_never_an_organisation(tmp_path):
    # "Sofie De Smet van Vief Dender" was a new organisation of that name (a person's name
    # written into the register), "mevrouw Els Peeters van CAW …" no lead at all.
    text = """ELZ Dender
Operationele doelstelling 1.1: Mantelzorg
Actie 1.1.1: Praatgroep
Trekker: mevrouw Els Peeters van CAW Oost-Vlaanderen
Partners: Sofie De Smet van Vief Dender, Jan Claes bij Samana, Tom Wouters van Aalst, OKRA
"""
    preview = read_plain(tmp_path, text)
    (action,) = preview.actions
    assert (action.lead, action.partners) == (
        "CAW Oost-Vlaanderen",
        ["Vief Dender", "Samana", "OKRA"],
    )
    assert preview.organisations == ["CAW Oost-Vlaanderen", "Vief Dender", "Samana", "OKRA"]
    assert any("«Sofie De Smet», «Jan Claes», «Tom Wouters»" in w for w in preview.warnings)
    # A surname's particle in capitals ("Van") is no "van" of a body.
    particle = text.replace("Sofie De Smet van Vief Dender", "Tom Van den Broeck van Vief Dender")
    assert read_plain(tmp_path, particle).actions[0].partners[0] == "Vief Dender"
    # A short stay's house by its name is an organisation, as "Dagopvang X" is.
    stay = text.replace("Tom Wouters van Aalst", "Kortverblijf Sint-Jozef")
    assert "Kortverblijf Sint-Jozef" in read_plain(tmp_path, stay).actions[0].partners
    # A body "van" a body stays whole.
    kept = text.replace("Sofie De Smet van Vief Dender", "Huis van het Kind Ninove")
    assert "Huis van het Kind Ninove" in read_plain(tmp_path, kept).actions[0].partners


def test_an_action_sheets_table_of_label_and_value_with_its_title_first(tmp_path):
    # "Actie" / "Netwerkavond" / "Partners" / … was no sheet: the lead's name became the
    # title, the second sheet's title the first's timing, and both sheets' fields one's.
    text = """ELZ Druivenstreek
Operationele doelstelling 1.1: Netwerk
Actie
Netwerkavond voor zorgverleners
Partners
Samana, OKRA
Trekker
CAW Oost-Brabant
Timing
najaar 2026
Actie
Vorming dementie
Trekker
Expertisecentrum Dementie Vlaanderen
"""
    expected = [
        ("Netwerkavond voor zorgverleners", "CAW Oost-Brabant", ["Samana", "OKRA"], "najaar 2026"),
        ("Vorming dementie", "Expertisecentrum Dementie Vlaanderen", [], None),
    ]
    from extracted import read

    for preview in (read_plain(tmp_path, text), read(tmp_path, text)):
        assert [(a.title, a.lead, a.partners, a.timing) for a in preview.actions] == expected
    # A table's header, "Actie" over another label, stays a header.
    header = (
        "ELZ X\nOperationele doelstelling 1.1: Y\nActie\nTrekker\nTiming\nVorming\nCAW X\n2026\n"
    )
    assert [(a.title, a.lead) for a in read_plain(tmp_path, header).actions] == [
        ("Vorming", "CAW X")
    ]


def test_footers_with_the_page_number_first_between_dashes_or_out_of_all(tmp_path):
    # "5 | Meerjarenplan ELZ Oostkust", "… - 5 -" and "ELZ Oostkust 5/12" between the lines
    # of an action's title and partners were read as part of them.
    from extracted import read

    body = """ELZ Oostkust
Meerjarenplan 2026-2031
Operationele doelstelling 1.1: Valpreventie
Acties
- Opstart van een multidisciplinair overleg i.s.m. Huisartsenkring Oostkust,
FOOTER5
Wit-Gele Kruis West-Vlaanderen en i-mens.
Trekker: OCMW Bredene
- Beweegaanbod voor 65-plussers
Trekker: Gemeente De Haan
Partners: Samana De Haan,
FOOTER6
OKRA De Haan
Operationele doelstelling 1.2: Eenzaamheid
Acties
- Huisbezoeken aan 80-plussers
Trekker: OCMW Bredene
FOOTER7
"""
    for footer in (
        "{} | Meerjarenplan ELZ Oostkust",
        "Meerjarenplan 2026-2031 - {} -",
        "ELZ Oostkust  {}/12",
    ):
        text = body
        for page in (5, 6, 7):
            text = text.replace(f"FOOTER{page}", footer.format(page))
        first, second, third = read(tmp_path, text).actions
        assert first.title == (
            "Opstart van een multidisciplinair overleg i.s.m. Huisartsenkring Oostkust, "
            "Wit-Gele Kruis West-Vlaanderen en i-mens."
        ), footer
        assert first.partners == [
            "Huisartsenkring Oostkust",
            "Wit-Gele Kruis West-Vlaanderen",
            "i-mens",
        ], footer
        assert second.partners == ["Samana De Haan", "OKRA De Haan"], footer


def test_a_flattened_table_numbered_through_with_a_list_in_a_cell(tmp_path):
    # The column "Nr." with "1", "2" was read as page numbers (the plan had no action at
    # all); a list in the partners' cell pushed the lead of the last row out of the table.
    from extracted import read

    text = """ELZ Rivierenland
Strategische doelstelling 1: Zorg dicht bij huis
Operationele doelstelling 1.1: Buurtzorg
Nr.
Actie
Partners
Trekker
1
Buurtzorgpunt in Willebroek
• Familiehulp
• Buurtwerk Willebroek
OCMW Willebroek
2
Zorgzame buurt in Puurs-Sint-Amands
• Samana
• Ferm Puurs
Gemeente Puurs-Sint-Amands
"""
    expected = [
        ("Buurtzorgpunt in Willebroek", "OCMW Willebroek", ["Familiehulp", "Buurtwerk Willebroek"]),
        (
            "Zorgzame buurt in Puurs-Sint-Amands",
            "Gemeente Puurs-Sint-Amands",
            ["Samana", "Ferm Puurs"],
        ),
    ]
    for plan in (text, text.replace("\n1\n", "\n1.1.1\n").replace("\n2\n", "\n1.1.2\n")):
        preview = read(tmp_path, plan)
        assert [(a.title, a.lead, a.partners) for a in preview.actions] == expected


def test_an_action_sheets_goal_field_lettered_under_its_number(tmp_path):
    # "Operationele doelstelling: 1.a – X" was goal 1 with the title "a – X".
    text = """ELZ Dender
Actiefiche 1
Titel: Praktijkassistent voor kleine praktijken
Strategische doelstelling: 1 – Een sterke eerste lijn
Operationele doelstelling: 1.a – Huisartsen worden ontlast
Trekker: Huisartsenkring Dender
Actiefiche 2
Titel: Vorming EHBO-PP
Strategische doelstelling: 1 – Een sterke eerste lijn
Operationele doelstelling: 1.b – Psychische kwetsbaarheid
Trekker: CGG Waas en Dender
"""
    preview = read_plain(tmp_path, text)
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Huisartsen worden ontlast"),
        ("1.2", "Psychische kwetsbaarheid"),
    ]
    assert [(a.operational_goal, a.lead) for a in preview.actions] == [
        ("1.1", "Huisartsenkring Dender"),
        ("1.2", "CGG Waas en Dender"),
    ]


def test_an_answer_on_what_the_working_group_is_made_of(tmp_path):
    # "De werkgroep bestaat uit vertegenwoordigers van Samana, …" was a group of that
    # sentence, "OCMW van Zulte" an organisation beside OCMW Zulte, "Onder meer de apothekers"
    # a group and "ziekenhuis AZ Jan Palfijn" an organisation of that name.
    from extracted import fiche, read

    answers = {
        "De werkgroep bestaat uit vertegenwoordigers van Samana, OKRA en het OCMW van Zulte.": (
            ["Samana", "OKRA", "OCMW Zulte"],
            [],
        ),
        "Onder meer de apothekers, de thuisverpleging (Wit-Gele Kruis, i-mens) en het\n"
        "ziekenhuis AZ Jan Palfijn.": (
            ["AZ Jan Palfijn", "Wit-Gele Kruis", "i-mens"],
            ["de apothekers", "de thuisverpleging"],
        ),
    }
    for answer, (partners, groups) in answers.items():
        text = "ELZ Leieland\nOperationele doelstelling 1.1 – X\n" + fiche(
            "1.1.1", "Buurtzorg", "het ocmw van Deinze", answer
        )
        (action,) = read(tmp_path, text).actions
        assert action.lead == "OCMW Deinze"
        assert (action.partners, action.partner_groups) == (partners, groups), answer


def test_a_flattened_table_with_a_column_of_targets(tmp_path):
    # "Streefwaarde" ended the header (no table: the cells were titles), and a target alone
    # on its line, "80", started a row of its own.
    from extracted import read

    text = """ELZ Zuid-Limburg
Operationele doelstelling 2.1: Bewegen
Nr.
Actie
Trekker
Indicator
Streefwaarde
2.1.1
Wandelclubs in Tongeren en Riemst
Sportdienst Tongeren
Aantal deelnemers
120
2.1.2
Bewegen op verwijzing
Logo Limburg
Aantal verwijzingen
80
Operationele doelstelling 2.2: Gezonde voeding
Actie 2.2.1: Kookworkshops
Trekker: Samana Tongeren
"""
    preview = read(tmp_path, text)
    assert [(a.id_code, a.lead, a.indicators) for a in preview.actions] == [
        ("2.1.1", "Sportdienst Tongeren", ["Aantal deelnemers (streefwaarde: 120)"]),
        ("2.1.2", "Logo Limburg", ["Aantal verwijzingen (streefwaarde: 80)"]),
        ("2.2.1", "Samana Tongeren", []),
    ]


def test_a_fiches_title_without_its_code(tmp_path):
    # "Actie – Inzet van sociaal tolken" (no code) and a title line right over "Wat?" were
    # no titles: each action was titled by its answer to "Wat?".
    from extracted import fiche, read

    sheets = fiche("1.1.1", "X", "Stad Halle", "Samana") + fiche(
        "1.1.2", "Y", "Huisartsenkring Zennevallei", "OKRA"
    )
    head = "ELZ Zennevallei\nOperationele doelstelling 1.1 – Anderstaligen\n"
    dashed = sheets.replace("Actie 1.1.1 – X", "Actie – Inzet van sociaal tolken").replace(
        "Actie 1.1.2 – Y", "Actie – Vertaalde folders"
    )
    for text in (dashed, dashed.replace("Actie – ", "")):
        preview = read(tmp_path, head + text)
        assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
            ("1.1-a", "Inzet van sociaal tolken", "Stad Halle"),
            ("1.1-b", "Vertaalde folders", "Huisartsenkring Zennevallei"),
        ]
    # "Actieplan – 2026" is no action.
    assert read(tmp_path, "ELZ X\nActieplan – 2026\n" + head + sheets).actions[0].code == "1.1.1"


def test_actions_lettered_after_their_goals_number(tmp_path):
    # "Actie 1.1 a) X" / "Actie 1.1 b) Y" were one action "1.1" (the second printing of the
    # first), titled "a) X" and led by the second's lead.
    text = """ELZ X
Operationele doelstelling 1.1: Netwerk
Actie 1.1 a) Netwerkavond
Trekker: Samana
Actie 1.1 b) Vorming
Trekker: OKRA
"""
    preview = read_plain(tmp_path, text)
    assert [(a.id_code, a.title, a.lead) for a in preview.actions] == [
        ("1.1.1", "Netwerkavond", "Samana"),
        ("1.1.2", "Vorming", "OKRA"),
    ]


def test_a_municipalitys_body_by_its_french_name_around_brussels(tmp_path):
    # "OCMW Drogenbos/CPAS Drogenbos" was two co-leads, "CPAS Drogenbos" a second body.
    text = """ELZ Zennevallei
ELZ Zennevallei omvat Halle, Beersel, Sint-Genesius-Rode (Rhode-Saint-Genèse), Drogenbos en
Linkebeek.
Operationele doelstelling 1.1: Anderstaligen
Actie 1.1.1: Tolken
Trekker: OCMW Drogenbos/CPAS Drogenbos
Partners: Commune de Linkebeek, CAW Brussel
"""
    preview = read_plain(tmp_path, text)
    (action,) = preview.actions
    assert (action.lead, action.co_leads, action.partners) == (
        "OCMW Drogenbos",
        [],
        ["Gemeente Linkebeek", "CAW Brussel"],
    )
    assert [m.name for m in preview.municipality_matches if m.territory] == [
        "Halle",
        "Beersel",
        "Sint-Genesius-Rode",
        "Drogenbos",
        "Linkebeek",
    ]
