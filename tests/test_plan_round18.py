"""Plans of zones the reader had not seen, eighteenth round: a seed's table taken to another
zone (a goal's lead and partners over its list of actions, labels without a colon), items of
a list each followed by their own fields, and the plans of round 18."""

from __future__ import annotations

from extracted import read_plain

# Seed 000's table ("Operationele / doelstelling 1.1", its title, "Acties:" over dashes) with
# the goal's lead and partners as rows of their own, label and value apart by a space.
GOAL_FIELDS = """ELZ Panta Rhei
Strategische doelstelling 1: Zorgraad Panta Rhei bouwt een netwerk uit.
Operationele
doelstelling 1.1

Zorgraad Panta Rhei versterkt de werking van de vier clusters en betrekt
nieuwe partners.

Trekker Samana Lokeren

Partners OKRA Zele, Familiehulp

Acties:

- Organiseren van vier clusteroverleggen per jaar.
- Opmaak van een onthaalmap.

Indicatoren - Er vonden vier overleggen plaats.

Operationele
doelstelling 1.2

Gezinnen vinden de weg naar hun rechten.

Acties:

- Rechtenverkenning bij de huisarts.
Trekker: CAW Oost-Vlaanderen
"""


def test_a_goals_lead_and_partners_are_those_of_each_action_of_its_list(tmp_path):
    preview = read_plain(tmp_path, GOAL_FIELDS)
    first, second, third = preview.actions
    for action in (first, second):
        assert action.operational_goal == "1.1"
        assert action.lead == "Samana Lokeren"
        assert action.partners == ["OKRA Zele", "Familiehulp"]
    # An action's own field stays its own; the goal above gave none to the next goal's.
    assert (third.operational_goal, third.lead, third.partners) == (
        "1.2",
        "CAW Oost-Vlaanderen",
        [],
    )


def test_a_goals_title_wrapped_over_its_lead_is_no_action(tmp_path):
    # "nieuwe partners." above "Trekker X" looked like an action's title with its lead.
    preview = read_plain(tmp_path, GOAL_FIELDS)
    assert preview.operational_goals[0].title == (
        "Zorgraad Panta Rhei versterkt de werking van de vier clusters en betrekt nieuwe partners."
    )
    assert [a.title for a in preview.actions][:2] == [
        "Organiseren van vier clusteroverleggen per jaar.",
        "Opmaak van een onthaalmap.",
    ]
    # A title broken after "en" goes on in capitals too; one that ended is followed by an
    # action's title with its own lead ("Casusoverleg thuiszorg" / "Trekker: X").
    dangling = GOAL_FIELDS.replace("en betrekt\nnieuwe partners.", "en\nNieuwe Partners.")
    assert (
        read_plain(tmp_path, dangling)
        .operational_goals[0]
        .title.endswith("clusters en Nieuwe Partners.")
    )
    sheet = (
        "ELZ X\nOperationele doelstelling 1.1: Thuiszorg\nCasusoverleg thuiszorg\nTrekker: Samana\n"
    )
    preview = read_plain(tmp_path, sheet)
    assert [(a.title, a.lead) for a in preview.actions] == [("Casusoverleg thuiszorg", "Samana")]


def test_a_label_without_colon_before_a_lead_yet_to_be_named(tmp_path):
    # "Trekker nog te bepalen" was no field: its line went on the timing above, or stood
    # as an action's title.
    text = """ELZ Neteland
Operationele doelstelling 1.1: Jongeren
Actie 4 Vorming suïcidepreventie
Timing Opstarten in 2024 Einde 31/12/2024
Trekker nog te bepalen
Met wie? Vlaams Expertisecentrum Suïcidepreventie
"""
    (action,) = read_plain(tmp_path, text).actions
    assert action.timing == "Opstarten in 2024 Einde 31/12/2024"
    assert (action.lead, action.lead_text) == (None, "nog te bepalen")
    assert action.partners == ["Vlaams Expertisecentrum Suïcidepreventie"]
    # A sentence after "Trekker" in lower case stays no label.
    prose = text.replace("Trekker nog te bepalen", "Trekker is nog niet gevonden, we zoeken.")
    (action,) = read_plain(tmp_path, prose).actions
    assert action.lead is None and action.lead_text is None


def test_items_of_a_list_each_followed_by_their_own_lead_and_partners(tmp_path):
    # The second dash after the first's "Partners:" was taken for a partner: its action and
    # lead were lost, its partners given to the first.
    text = """ELZ Antwerpen Oost
Strategische doelstelling 1: Een sterk netwerk in elke wijk.
Operationele doelstelling 1.1: Wijkgerichte samenwerking.
Acties - Wijkoverleg eerste lijn in Deurne.
Trekker: Huisartsenkring Antwerpen Oost
Partners: Buurtwerk Deurne, Apothekersvereniging Antwerpen
- Gezamenlijke netwerkavond.
Trekker: Wijkgezondheidscentrum De Central
Partners: Samana Antwerpen

Indicatoren - Aantal wijkoverleggen per jaar.
- Aantal deelnemers.
"""
    preview = read_plain(tmp_path, text)
    assert [(a.title, a.lead, a.partners) for a in preview.actions] == [
        (
            "Wijkoverleg eerste lijn in Deurne.",
            "Huisartsenkring Antwerpen Oost",
            ["Buurtwerk Deurne", "Apothekersvereniging Antwerpen"],
        ),
        ("Gezamenlijke netwerkavond.", "Wijkgezondheidscentrum De Central", ["Samana Antwerpen"]),
    ]
    # The indicators' dashes stay indicators (no action); partners under their label alone
    # stay partners.
    assert sorted(i for a in preview.actions for i in a.indicators) == [
        "Aantal deelnemers.",
        "Aantal wijkoverleggen per jaar.",
    ]
    listed = text.replace("Partners: Samana Antwerpen", "Partners:\n- Samana Antwerpen\n- OKRA")
    assert [a.title for a in read_plain(tmp_path, listed).actions] == [
        "Wijkoverleg eerste lijn in Deurne.",
        "Gezamenlijke netwerkavond.",
    ]
    assert read_plain(tmp_path, listed).actions[1].partners == ["Samana Antwerpen", "OKRA"]


# Seed 001's extraction: numbered themes, each numbering its goals again from 1.
THEMES = """ELZ Mandel en Leie
Thema 1: Toegankelijke eerstelijnszorg

Strategische doelstelling 1: Iedere inwoner vindt vlot een huisarts
Operationele
doelstelling 1.1

Nieuwe huisartsen vestigen zich in de zone
Acties
- Onthaalpakket voor huisartsen in opleiding (trekker: Huisartsenkring Mandel en Leie)

Thema 2: Zorg voor kwetsbare gezinnen

Strategische doelstelling 1: Kwetsbare gezinnen worden vroeg bereikt
Operationele
doelstelling 1.1

Eerstelijnsactoren signaleren kansarmoede sneller
Acties
- Vorming armoedebewust werken (trekker: CAW Centraal West-Vlaanderen)
Operationele
doelstelling 1.2

Gezinnen vinden de weg naar hun rechten
Actie 1.2.1 Rechtenverkenning bij de huisarts
Trekker: Helan
"""


def test_themes_that_number_their_goals_again_from_one_keep_each_goal(tmp_path):
    # The second theme's "Strategische doelstelling 1" was taken for the first's: its
    # goals' titles were lost and their actions put under the first theme's goals.
    preview = read_plain(tmp_path, THEMES)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Iedere inwoner vindt vlot een huisarts"),
        ("2", "Kwetsbare gezinnen worden vroeg bereikt"),
    ]
    assert preview.strategic_goals[1].printed == "1"
    assert [(g.number, g.parent, g.title) for g in preview.operational_goals] == [
        ("1.1", "1", "Nieuwe huisartsen vestigen zich in de zone"),
        ("2.1", "2", "Eerstelijnsactoren signaleren kansarmoede sneller"),
        ("2.2", "2", "Gezinnen vinden de weg naar hun rechten"),
    ]
    assert [(a.operational_goal, a.id_code, a.lead) for a in preview.actions] == [
        ("1.1", "1.1-a", "Huisartsenkring Mandel en Leie"),
        ("2.1", "2.1-a", "CAW Centraal West-Vlaanderen"),
        ("2.2", "2.2.1", "Helan"),
    ]
    # A goal printed again under the same theme, or with the same title, is the same goal.
    again = (
        THEMES
        + "\nThema 2: Zorg voor kwetsbare gezinnen\n"
        + ("Strategische doelstelling 1: Kwetsbare gezinnen worden vroeg bereikt\n")
    )
    assert len(read_plain(tmp_path, again).strategic_goals) == 2


def test_fields_in_brackets_whose_value_has_brackets_of_its_own(tmp_path):
    # "(trekker: Jan (stafmedewerker ELZ); partners: …)" stayed in the title, and "Helan)"
    # became an organisation.
    text = """ELZ Mandel en Leie
Operationele doelstelling 1.2: Gezinnen vinden de weg naar hun rechten
Acties
- Rechtenverkenning bij de huisarts (trekker: Jonas Vandecasteele (stafmedewerker
ELZ); partners: CM Midden-Vlaanderen, Helan)
- Vorming rechtenverkenning (trekker: OCMW Izegem (sociale dienst); partners: Samana)
"""
    preview = read_plain(tmp_path, text)
    first, second = preview.actions
    assert (first.title, first.lead_self, first.partners) == (
        "Rechtenverkenning bij de huisarts",
        True,
        ["CM Midden-Vlaanderen", "Helan"],
    )
    assert (second.title, second.lead, second.partners) == (
        "Vorming rechtenverkenning",
        "OCMW Izegem",
        ["Samana"],
    )
    assert not any(")" in o for o in preview.organisations)


def test_a_theme_or_a_rows_label_before_a_word_is_no_organisation(tmp_path):
    text = """ELZ Panta Rhei
Thema Netwerk en samenwerking
Strategische doelstelling 1: Een sterk netwerk.
Operationele doelstelling 1.1: Bekendheid.
Acties:
- Een nieuwe website.
Doelgroep Zorg- en welzijnsprofessionals en burgers.
Trekker Samana Lokeren
"""
    preview = read_plain(tmp_path, text)
    assert preview.organisations == ["Samana Lokeren"]
    assert preview.actions[0].target_groups == ["Zorg- en welzijnsprofessionals", "burgers"]


def test_an_overviews_row_of_title_and_lead_names_no_organisation_of_both(tmp_path):
    # "… in elk dienstencentrum OCMW Beringen ✓ ✓" became an organisation "dienstencentrum
    # OCMW Beringen" beside the action's lead OCMW Beringen.
    text = """ELZ Midden-Limburg
Actie Trekker 2024 2025 2026
2.1.1 Mantelzorgpunt in elk dienstencentrum OCMW Beringen ✓ ✓

Operationele doelstelling 2.1: Mantelzorgers vinden sneller ondersteuning
Actie 2.1.1 Mantelzorgpunt in elk dienstencentrum
trekker: OCMW Beringen
partners: LDC Sint-Jozef
"""
    preview = read_plain(tmp_path, text)
    assert [(a.id_code, a.lead) for a in preview.actions] == [("2.1.1", "OCMW Beringen")]
    assert preview.organisations == ["OCMW Beringen", "LDC Sint-Jozef"]
    # A name the text gives whole stays: "dienstencentrum De Schakel" names no action's.
    other = text.replace(
        "ELZ Midden-Limburg\n",
        "ELZ Midden-Limburg\n\nIn Beringen werkt het dienstencentrum De Schakel al mee aan de "
        "sociale kaart.\n\n",
    )
    assert "dienstencentrum De Schakel" in read_plain(tmp_path, other).organisations


def test_the_state_of_a_year_is_no_indicator(tmp_path):
    # "Stand van zaken 2025 In 2024 startte Els Verstraete …" after the indicators was read
    # as one: a person's name would have been written with it.
    text = """ELZ Panta Rhei
Operationele doelstelling 2.1: Mantelzorgers worden beter ondersteund.
Acties - Opstarten van een praatgroep.
Indicatoren - Aantal praatgroepen.

Stand van zaken 2025 In 2024 startte Els Verstraete van het OCMW Wachtebeke een eerste
praatgroep op.
"""
    (action,) = read_plain(tmp_path, text).actions
    assert action.indicators == ["Aantal praatgroepen."]
    for label in ("Stand van zaken 2025:", "Stand van zaken eind 2024:", "Stand van zaken:"):
        (action,) = read_plain(tmp_path, text.replace("Stand van zaken 2025", label)).actions
        assert action.indicators == ["Aantal praatgroepen."], label


def test_a_rows_label_in_capitals_is_no_part_of_the_name_after_it(tmp_path):
    text = """ELZ Panta Rhei
Operationele doelstelling 3.1: De eerste lijn verwijst warm door.
TREKKER CGG Waas en Dender
PARTNERS Vlaamse Vereniging voor Geestelijke Gezondheid
Acties - Vorming voor eerstelijnsactoren.
"""
    preview = read_plain(tmp_path, text)
    assert (preview.actions[0].lead, preview.actions[0].partners) == (
        "CGG Waas en Dender",
        ["Vlaamse Vereniging voor Geestelijke Gezondheid"],
    )
    assert preview.organisations == [
        "CGG Waas en Dender",
        "Vlaamse Vereniging voor Geestelijke Gezondheid",
    ]


def test_the_note_of_an_action_continued_follows_its_wrapped_title(tmp_path):
    # "(verderzetting actie 2024)" before the separator stood in the middle of a title that
    # wrapped onto the next line.
    text = """ELZ Groot-Kortrijk
Operationele doelstelling 1.1 – Outreachend werken naar kwetsbare inwoners.

Actie 1.1.1 (verderzetting actie 2024) – Buurtgerichte zorg in Kortrijk-Overleie en
Harelbeke-Centrum.

Wie is de trekker van de actie?
Stad Kortrijk
"""
    (action,) = read_plain(tmp_path, text).actions
    assert action.title == (
        "Buurtgerichte zorg in Kortrijk-Overleie en Harelbeke-Centrum. (verderzetting actie 2024)"
    )


def test_a_sentence_of_who_takes_part_with_a_verb_of_what_partners_do(tmp_path):
    # "… engageren zich", "… organiseren …" were no verbs the reader knew: the sentence's
    # subject, a group of a body, named no one.
    from extracted import fiche

    answers = {
        "De huisartsen van Huisartsenkring Groot-Kortrijk engageren zich voor één namiddag.": [
            "Huisartsenkring Groot-Kortrijk"
        ],
        "Samana en OKRA organiseren de praatgroepen.": ["Samana", "OKRA"],
        "Het OCMW Harelbeke levert een medewerker; Wit-Gele Kruis West-Vlaanderen verzorgt "
        "de vorming.": ["OCMW Harelbeke", "Wit-Gele Kruis West-Vlaanderen"],
    }
    for answer, partners in answers.items():
        text = "ELZ Groot-Kortrijk\nOperationele doelstelling 1.1 – X\n" + fiche(
            "1.1.1", "Buurtzorg", "De zorgraad", answer
        )
        (action,) = read_plain(tmp_path, text).actions
        assert action.partners == partners, answer
    # A pronoun before such a verb says more of the sentence above: no group of it.
    text = "ELZ X\nOperationele doelstelling 1.1 – X\n" + fiche(
        "1.1.1",
        "Buurtzorg",
        "De zorgraad",
        "Alle stakeholders die dicht bij kinderen en gezinnen staan. Zij bevinden zich dus\n"
        "in een positie waarin ze een verschil kunnen maken.",
    )
    (action,) = read_plain(tmp_path, text).actions
    assert "gezinnen staan" not in action.partner_groups


def test_an_item_of_a_goals_list_that_opens_with_its_code(tmp_path):
    # "- 1.1.1 Het herbekijken …" kept "1.1.1" in its title, without a code.
    text = """ELZ West-Limburg
Strategische doelstelling 1: De ELZ handelt naar de principes van goed bestuur
Operationele
doelstelling 1.1

De ELZ reorganiseert de AV en het BO
Acties

- 1.1.1 Het herbekijken van de mandaten in het BO en de AV
- 1.1.2. Het samenstellen van functieprofielen
- 2.4.1 Iets onder een ander doel
- 1.5 miljoen euro voor de werking
Indicatoren
- De AV is uitgebreid
"""
    preview = read_plain(tmp_path, text)
    assert [(a.id_code, a.title) for a in preview.actions] == [
        ("1.1.1", "Het herbekijken van de mandaten in het BO en de AV"),
        ("1.1.2", "Het samenstellen van functieprofielen"),
        # Another goal's code, or no code, stays the item's text.
        ("1.1-a", "2.4.1 Iets onder een ander doel"),
        ("1.1-b", "1.5 miljoen euro voor de werking"),
    ]


def test_a_table_of_partners_whose_rows_the_extraction_joined_on_one_line(tmp_path):
    # "CAW De Kempen Els Peeters Inhoud" was one organisation, a person's name in it.
    from extracted import fiche

    answer = """Organisatie Contactpersoon Rol
CAW De Kempen Els Peeters Inhoud
Sociaal Huis Geel Tom Van den Broeck Verspreiding van de folders
Samana"""
    text = "ELZ Zuiderkempen\nOperationele doelstelling 1.1 – X\n" + fiche(
        "1.1.1", "Wegwijzer", "De zorgraad", answer
    )
    preview = read_plain(tmp_path, text)
    (action,) = preview.actions
    assert action.partners == ["CAW De Kempen", "Sociaal Huis Geel", "Samana"]
    assert preview.organisations == ["CAW De Kempen", "Sociaal Huis Geel", "Samana"]
    # The persons are named in the preview, as any person among the partners.
    assert any("«Els Peeters», «Tom Van den Broeck»" in w for w in preview.warnings)


def test_a_department_of_a_local_government_in_lower_case_is_its_council(tmp_path):
    # "dienst welzijn Duffel" was a new organisation of that name; it is Duffel's.
    text = """ELZ BoDuKaP
Operationele doelstelling 1.1: Vorming
Actie 1.1.1: Vorming
Trekker: dienst welzijn Duffel
Partners: sociale dienst Putte, welzijnsdienst Bonheiden, de dienst welzijn van
Sint-Katelijne-Waver, Jeugddienst Herentals, diensten gezinszorg
Actie 1.1.2: Infoavond
Trekker: Logo Mechelen
Met wie? Katrien Wouters (dienst welzijn Duffel)
"""
    first, second = read_plain(tmp_path, text).actions
    assert first.lead == "Lokaal bestuur Duffel"
    # A name of its own in capitals stays that name; a kind without a place, a group.
    assert first.partners == [
        "Lokaal bestuur Putte",
        "Lokaal bestuur Bonheiden",
        "Lokaal bestuur Sint-Katelijne-Waver",
        "Jeugddienst Herentals",
    ]
    assert first.partner_groups == ["diensten gezinszorg"]
    assert second.partners == ["Lokaal bestuur Duffel"]
