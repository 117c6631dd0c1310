"""Plans of zones the reader had not seen, thirteenth round: one level of goals lettered or
in Roman numerals, year plans that name the multi-year plan's goals by number, tables of a
PDF's text whose cells wrap, leads given as a function, page headers between the lines."""

from __future__ import annotations

import openpyxl
import pytest
from extracted import by_code, read_plain

from graphmap.ingest import plan


@pytest.mark.parametrize("goal", ["Doelstelling 1", "Doelstelling A"])
@pytest.mark.parametrize("gap", [": ", "            "])
def test_numbered_items_with_their_own_fields_under_one_level_of_goals_are_actions(
    tmp_path, goal, gap
):
    # "1.1 Title" / "Trekker: X" under "Doelstelling 1" was an operational goal without
    # actions: every action of the plan was lost, its fields with it.
    item = "1" if goal.endswith("1") else "A"
    text = f"{goal} – Iedereen vindt zijn weg\n\n{item}.1 Sociale kaart\n"
    text += f"Trekker{gap}OCMW Beerse\nPartners{gap}Samana\n\n{item}.2 Vervoer\nTrekker{gap}OKRA\n"
    preview = read_plain(tmp_path, text)
    assert not preview.operational_goals
    assert {c: (a.operational_goal, a.title, a.lead) for c, a in by_code(preview).items()} == {
        "1.1": ("1", "Sociale kaart", "OCMW Beerse"),
        "1.2": ("1", "Vervoer", "OKRA"),
    }


def test_an_operational_goal_with_fields_of_its_own_and_actions_under_it_stays_one(tmp_path):
    # Its fields first, then its actions: "1.1" is a goal, as before.
    text = "Doelstelling 1 – Zorg\n\n1.1 Sociale kaart\nTrekker: OCMW Beerse\n\n"
    text += "1.1.1 Inventaris\nTrekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    assert [(a.code, a.operational_goal, a.lead) for a in preview.actions] == [
        ("1.1.1", "1.1", "Samana")
    ]


def test_sections_alike_but_for_their_numbers_at_the_top_of_pages_are_no_running_header(
    tmp_path,
):
    # "B.1 Vormingsreeks mantelzorg 2025" and "B.2 … 2026" at the top of two pages (under
    # the running header) were taken for a header whose page number changes: both lost.
    header = "ELZ Noorderkempen – Meerjarenplan 2025-2030                          {}\n\n"
    pages = [
        "Doelstelling A – Mantelzorg\n\nA.1 Mantelzorgcafé\nTrekker: Samana\nTiming: 2025\n"
        "\nDoelstelling B – Vorming\n",
        "B.1 Vormingsreeks mantelzorg 2025\nTrekker: Liga van Mantelzorgers\nTiming: 2025\n",
        "B.2 Vormingsreeks mantelzorg 2026\nTrekker: Familiehulp\nTiming: 2026\n",
        "Doelstelling C – Netwerk\n\nC.1 Netwerkdag\nTrekker: OKRA\n",
    ]
    text = "\f".join(header.format(n + 1) + page for n, page in enumerate(pages))
    actions = by_code(read_plain(tmp_path, text))
    assert {c: (a.title, a.lead) for c, a in actions.items()} == {
        "1.1": ("Mantelzorgcafé", "Samana"),
        "2.1": ("Vormingsreeks mantelzorg 2025", "Liga van Mantelzorgers"),
        "2.2": ("Vormingsreeks mantelzorg 2026", "Familiehulp"),
        "3.1": ("Netwerkdag", "OKRA"),
    }


def test_goals_in_roman_numerals_over_actions_that_name_them_are_goals(tmp_path):
    # "II. Zorg op maat" over "Actie II.1" (no operational goal between): the goals were
    # not read, and the next goal's heading went into the timing of the action above it.
    text = "I. Toegankelijke eerste lijn\n\nActie I.1 Aanspreekpunt\nTrekker: OCMW Gistel\n"
    text += "Timing: 2025\n\nII. Zorg op maat\n\nActie II.1 Overleg\nTrekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "Toegankelijke eerste lijn"),
        ("2", "Zorg op maat"),
    ]
    assert [(a.code, a.operational_goal, a.timing) for a in preview.actions] == [
        ("1.1", "1", "2025"),
        ("2.1", "2", None),
    ]


def test_a_numbered_chapter_over_actions_of_another_number_stays_text(tmp_path):
    # "1. Inleiding" is no goal: the action under it names goal 2, not 1.
    text = "1. Inleiding\n\nDit plan beschrijft onze acties.\n\n"
    text += "Actie 2.1 Aanspreekpunt\nTrekker: OCMW Gistel\n"
    preview = read_plain(tmp_path, text)
    assert not preview.strategic_goals
    assert [(a.code, a.title) for a in preview.actions] == [("2.1", "Aanspreekpunt")]


@pytest.mark.parametrize(
    "role", ["de communicatiemedewerker", "Datamedewerker", "het stafteam", "Het secretariaat"]
)
def test_the_zones_staff_named_by_role_alone_is_the_zorgraad(tmp_path, role):
    # "de communicatiemedewerker" was proposed as a new organisation, "Communicatiemedewerker".
    text = f"SD 1: Netwerk\n\nActie 1.1 Nieuwsbrief\nTrekker: {role}\nPartners: Samana\n"
    preview = read_plain(tmp_path, text)
    (action,) = preview.actions
    assert action.lead_self
    assert [m.name for m in preview.organisation_matches] == ["Samana"]


def test_a_care_role_alone_is_no_staff_of_the_zorgraad(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1 Ontslag\nTrekker: zorgcoördinator\n"
    (action,) = read_plain(tmp_path, text).actions
    assert not action.lead_self
    assert action.lead is None


def test_a_group_reached_via_a_body_in_brackets_keeps_the_body_as_partner(tmp_path):
    # "Apothekers (via APB)" lost APB: the brackets were no item of their own.
    text = "SD 1: Zorg\n\nActie 1.1 Medicatieschema\nTrekker: Huisartsenkring Houtland\n"
    text += "Partners: Apothekers (via APB), thuisverpleging (via Wit-Gele Kruis Limburg),"
    text += " vrijwilligers (via de gemeente)\n"
    (action,) = read_plain(tmp_path, text).actions
    assert action.partners == ["APB", "Wit-Gele Kruis Limburg"]
    assert action.partner_groups[:3] == ["Apothekers", "thuisverpleging", "vrijwilligers"]


def test_the_way_to_a_target_group_in_brackets_is_no_target_group(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1 Positieve gezondheid\nTrekker: Samana\n"
    text += "Doelgroep: burgers (via buurtregisseurs)\n"
    (action,) = read_plain(tmp_path, text).actions
    assert action.target_groups == ["burgers"]


def test_a_year_plan_puts_each_action_under_the_goal_it_contributes_to(tmp_path):
    # "bijdrage aan SD 2 / OD 2.3" at the end of the heading's line was part of the title,
    # and the actions stood under no goal.
    text = "Actie 1 – Sociale kaart actualiseren          bijdrage aan SD 1 / OD 1.1\n"
    text += "Trekker: Gemeente Riemst\n\nActie 2 – Valpreventieweek (bijdrage aan OD 2.3)\n"
    text += "Trekker: Logo Limburg\n\nActie 3: Netwerkdag\nTrekker: Samana\n"
    text += "Bijdrage aan: SD 3\n"
    preview = read_plain(tmp_path, text)
    assert [(a.code, a.title, a.operational_goal) for a in preview.actions] == [
        ("1", "Sociale kaart actualiseren", "1.1"),
        ("2", "Valpreventieweek", "2.3"),
        ("3", "Netwerkdag", "3"),
    ]
    assert {(g.number, g.title) for g in preview.operational_goals} == {("1.1", ""), ("2.3", "")}
    assert any("enkel bij nummer" in w for w in preview.warnings)


def test_a_contribution_in_a_plan_with_its_goals_leaves_the_goal_read(tmp_path):
    # Under a goal of the plan's own, the action stays where it is printed.
    text = "SD 1: Zorg\n\nOD 1.2: Huisarts\n\nActie 1.2.1 Wachtpost (bijdrage aan OD 1.1)\n"
    text += "Trekker: Samana\n"
    preview = read_plain(tmp_path, text)
    assert [(a.code, a.operational_goal) for a in preview.actions] == [("1.2.1", "1.2")]


def test_a_spreadsheet_year_plan_numbered_through_with_a_column_of_goals(tmp_path):
    # "Nr. | Wat | Wie | … | Bijdrage aan": nothing was read ("geen doelstellingen of
    # acties herkend"): the numbers "1", "2" were no codes, and a list of actions wants a goal.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ELZ Pallieterland – jaaractieplan 2026"])
    sheet.append(["Nr.", "Wat", "Wie", "Met wie", "Wanneer", "Bijdrage aan"])
    sheet.append(["1", "Wegwijzer", "Stad Lier", "Gemeente Nijlen", "Q1 2026", "SD 1 / OD 1.1"])
    sheet.append([2, "Mantelzorgcafé", "Samana", "Okra", "maandelijks", "SD 2 / OD 2.3"])
    path = tmp_path / "jaarplan.xlsx"
    book.save(path)
    preview = plan.read_plan(path, "testzone")
    assert [(a.code, a.title, a.lead, a.operational_goal) for a in preview.actions] == [
        ("1", "Wegwijzer", "Stad Lier", "1.1"),
        ("2", "Mantelzorgcafé", "Samana", "2.3"),
    ]


def test_a_goal_named_by_number_only_keeps_the_title_the_graph_holds(store, tmp_path):
    multi = tmp_path / "meerjarenplan.txt"
    multi.write_text(
        "Meerjarenplan – ELZ Testzone\n\nSD 2: Preventie\n\nOD 2.3: Valpreventie\n\n"
        "Actie 2.3.1: Beweegparcours\nTrekker: Samana\n",
        encoding="utf-8",
    )
    plan.apply_plan(store, plan.preview_plan(store, multi, "testzone"), "testzone")
    year = tmp_path / "jaarplan.txt"
    year.write_text(
        "Jaarplan 2026 – ELZ Testzone\n\nActie 1 – Valpreventieweek   bijdrage aan SD 2 / OD 2.3\n"
        "Trekker: Logo Limburg\n",
        encoding="utf-8",
    )
    plan.apply_plan(store, plan.preview_plan(store, year, "testzone"), "testzone")
    goals = {g["number"]: g["title"] for g in store.read("zone_goals", zones=["testzone"])}
    assert goals == {"2": "Preventie", "2.3": "Valpreventie"}


def test_an_actions_heading_right_under_a_table_in_columns_ends_the_table(tmp_path):
    # pdftotext -layout: no blank line between a table and the next action's heading, whose
    # "bijdrage aan …" on the right went into the table's column "Wanneer".
    table = "  Wat                    Wie                Met wie            Wanneer\n"
    text = "Actie 5 – Mantelzorgcafé                                 bijdrage aan SD 3 / OD 3.2\n"
    text += table + "  Vier cafés per jaar    Samana             Vief               maart\n"
    text += "Actie 6 – Vorming armoede voor zorgverleners             bijdrage aan SD 3 / OD 3.1\n"
    text += table + "  Twee vormingen         CAW Limburg        Welzijnsschakels   voorjaar 2026\n"
    preview = read_plain(tmp_path, text)
    assert [(a.code, a.title, a.operational_goal, a.timing) for a in preview.actions] == [
        ("5", "Mantelzorgcafé", "3.2", "maart"),
        ("6", "Vorming armoede voor zorgverleners", "3.1", "voorjaar 2026"),
    ]


def test_a_row_of_a_table_in_columns_whose_title_wraps_is_one_row(tmp_path):
    # pdftotext -layout of a table without a column of codes: each line was a row of its
    # own ("Huisartsenkring Zuid-" / "Limburg" two partners, "Stafmedewerker" / "zorgraad"
    # a lead without its body, "Liga van" / "Mantelzorgers" / "Limburg" three names).
    text = "Actie 1 – Sociale kaart\n\n"
    text += "  Wat                        Wie                Met wie                   Wanneer\n"
    text += "  De sociale kaart van de    Stafmedewerker     OCMW Tongeren-Borgloon,   januari –\n"
    text += "  vijf gemeenten nakijken    zorgraad           Huisartsenkring Zuid-     juni 2026\n"
    text += "  en online zetten                              Limburg\n\n"
    text += "Actie 2 – Mantelzorgcafé\n\n"
    text += "  Wat                        Wie                Met wie                   Wanneer\n"
    text += "  Vier cafés per jaar, in    Liga van           Vief, Samana, Ziekenzorg  maart,\n"
    text += "  een andere gemeente        Mantelzorgers      Voeren                    juni\n"
    text += "                             Limburg\n"
    first, second = read_plain(tmp_path, text).actions
    assert (first.lead_self, first.partners, first.timing) == (
        True,
        ["OCMW Tongeren-Borgloon", "Huisartsenkring Zuid-Limburg"],
        "januari – juni 2026",
    )
    assert (second.lead, second.partners) == (
        "Liga van Mantelzorgers Limburg",
        ["Vief", "Samana", "Ziekenzorg Voeren"],
    )


def test_rows_of_a_table_in_columns_with_titles_in_capitals_stay_apart(tmp_path):
    text = "SD 1: Zorg\n\n"
    text += "  Wat                        Wie                Met wie                   Wanneer\n"
    text += "  Sociale kaart              OCMW Beerse        Samana                    2025\n"
    text += "  Vervoer naar zorg          Gemeente Lille     OKRA                      2026\n"
    preview = read_plain(tmp_path, text)
    assert [(a.title, a.lead, a.partners) for a in preview.actions] == [
        ("Sociale kaart", "OCMW Beerse", ["Samana"]),
        ("Vervoer naar zorg", "Gemeente Lille", ["OKRA"]),
    ]


def test_items_lettered_under_their_goals_number_are_its_actions(tmp_path):
    # "1.a Aanmeldpunt" under "Doelstelling 1": titled "1.a Aanmeldpunt", without its code;
    # an annex that lists partners per action ("Actie 1.a: …") made the last item a goal.
    text = "Doelstelling 1: Iedereen heeft een huisarts\n\n1.a Aanmeldpunt\nTrekker: Samana\n\n"
    text += "1.b Onthaal\nTrekker: Vief\n\nDoelstelling 2: Netwerk\n\n2.a Nieuwsbrief\n"
    text += "Trekker: OKRA\n\nBijlage 2: partners per actie\n\nActie 1.a: CAW Antwerpen, Samana\n"
    preview = read_plain(tmp_path, text)
    assert not preview.operational_goals
    assert {c: (a.operational_goal, a.title, a.lead) for c, a in by_code(preview).items()} == {
        "1.1": ("1", "Aanmeldpunt", "Samana"),
        "1.2": ("1", "Onthaal", "Vief"),
        "2.1": ("2", "Nieuwsbrief", "OKRA"),
    }


@pytest.mark.parametrize(
    "partners", ["in overleg te bepalen", "diverse partners", "Verschillende organisaties."]
)
def test_partners_not_named_yet_are_no_group(tmp_path, partners):
    # "in overleg te bepalen" and "diverse partners" were kept as partner groups.
    text = f"SD 1: Zorg\n\nActie 1.1 Dementiecafé\nTrekker: Samana\nPartners: {partners}\n"
    (action,) = read_plain(tmp_path, text).actions
    assert (action.partners, action.partner_groups) == ([], [])


def test_a_group_of_partners_of_a_kind_stays_a_group(tmp_path):
    text = "SD 1: Zorg\n\nActie 1.1 Dementiecafé\nTrekker: Samana\n"
    text += "Partners: diverse woonzorgcentra, 12 woonzorgcentra\n"
    (action,) = read_plain(tmp_path, text).actions
    assert action.partner_groups == ["diverse woonzorgcentra", "12 woonzorgcentra"]


def test_the_zorgraads_members_per_cluster_are_read_one_line_a_cluster(tmp_path):
    # An annex "samenstelling van de zorgraad": its lines were read as one sentence, so a
    # cluster's label went into the name before it ("Kinesitherapeutenkring Houtland
    # Cluster", "Liga van Mantelzorgers West-Vlaanderen Lokale") and "PZON" was a name.
    text = "SD 1: Zorg\n\nActie 1.1 Netwerkdag\nTrekker: Samana\n\n"
    text += "Bijlage: samenstelling van de zorgraad\n"
    text += "Cluster zorg: Huisartsenkring Houtland, Kinesitherapeutenkring Houtland\n"
    text += "Cluster welzijn: CAW Noord-West-Vlaanderen, Familiehulp\n"
    text += "PZON: Okra, Liga van Mantelzorgers West-Vlaanderen\n"
    text += "Lokale besturen: Gemeente Gistel, Stad Torhout\n"
    names = {m.name for m in read_plain(tmp_path, text).organisation_matches}
    assert {"Kinesitherapeutenkring Houtland", "Liga van Mantelzorgers West-Vlaanderen"} <= names
    assert not {n for n in names if n.endswith((" Cluster", " Lokale")) or n == "PZON"}


def test_a_sentence_that_wraps_before_a_name_runs_on(tmp_path):
    text = "SD 1: Zorg\n\n"
    text += "We werken hiervoor nauw samen met de andere partners uit de regio, zoals\n"
    text += "Huisartsenkring Houtland en het Wit-Gele Kruis.\n\n"
    text += "Actie 1.1 Netwerkdag\nTrekker: Samana\n"
    matches = read_plain(tmp_path, text).organisation_matches
    evidence = {m.name: m.evidence for m in matches}
    assert evidence["Huisartsenkring Houtland"].startswith("We werken hiervoor")


def test_a_title_pages_line_of_municipalities_before_the_table_of_contents(tmp_path):
    # pdftotext -layout: the title page's line of places ran on into the next page's first
    # chapter, "1 Inleiding" (header and contents between them left out): no territory.
    header = "ELZ Noorderkempen – Meerjarenplan 2025-2030                          {}\n\n"
    title = "                 ELZ Noorderkempen\n\n             Meerjarenplan 2025-2030\n\n"
    title += "   Baarle-Hertog • Beerse • Hoogstraten • Merksplas • Rijkevorsel • Vosselaar\n\n"
    contents = "Inhoudsopgave\n\n1   Inleiding                                   2\n"
    contents += "2   Doelstellingen en acties                    2\n\n"
    contents += "1   Inleiding\n\nDe zorgraad brengt zorg en welzijn samen.\n\n"
    goals = "Doelstelling A – Zorg\n\nA.1 Sociale kaart\n    Trekker        OCMW Beerse\n\n"
    more = "A.2 Vervoer\n    Trekker        OKRA\n"
    pages = [title, header.format(2) + contents + goals, header.format(3) + more]
    preview = read_plain(tmp_path, "\f".join(pages))
    assert preview.municipalities == [
        "Baarle-Hertog",
        "Beerse",
        "Hoogstraten",
        "Merksplas",
        "Rijkevorsel",
        "Vosselaar",
    ]


def test_a_running_header_of_two_lines_that_name_zone_and_plan_is_the_title(tmp_path):
    # "ELZ Houtland en Polder" / "Zorgraadplan 2025-2030" on every page, the cover too: both
    # were left out as the header, and the plan was titled by its first sentence.
    header = "ELZ Houtland en Polder\nZorgraadplan 2025-2030\n"
    pages = [
        header + "Goedgekeurd door de algemene vergadering\n",
        header + "Woord vooraf\nMet dit plan zet de zorgraad de lijnen uit voor zes jaar.\n",
        header + "SD 1: Zorg\nActie 1.1 Netwerkdag\nTrekker: Samana\n",
        header + "Actie 1.2 Infoavond\nTrekker: OKRA\n",
    ]
    preview = read_plain(
        tmp_path, "\f".join(f"{p}\npagina {n + 1} van 4\n" for n, p in enumerate(pages))
    )
    assert preview.title == "Zorgraadplan 2025-2030 – ELZ Houtland en Polder"
    assert [a.code for a in preview.actions] == ["1.1", "1.2"]


def test_a_sentence_under_a_short_goal_heading_is_its_description(tmp_path):
    # "I. Toegankelijke eerste lijn" / "Elke inwoner vindt …": the heading was measured as
    # the reader writes it ("Strategische doelstelling 1: …"), long enough for the sentence
    # to pass for the title's wrapped rest.
    text = "I. Toegankelijke eerste lijn\nElke inwoner vindt de juiste hulp, ook wie zoekt.\n"
    text += "Actie I.1 Aanspreekpunt\nTrekker: OCMW Gistel\n"
    (goal,) = read_plain(tmp_path, text).strategic_goals
    assert goal.title == "Toegankelijke eerste lijn"


def test_a_goals_title_wrapped_after_a_full_line_goes_on(tmp_path):
    text = "SD 2: Elke inwoner vindt de weg naar zorg en welzijn in de eigen gemeente, ook\n"
    text += "Wie de weg niet vanzelf vindt\nActie 2.1 Vervoer\nTrekker: OKRA\n"
    (goal,) = read_plain(tmp_path, text).strategic_goals
    assert goal.title == (
        "Elke inwoner vindt de weg naar zorg en welzijn in de eigen gemeente, ook Wie de weg "
        "niet vanzelf vindt"
    )


def _flattened(rows: list[str]) -> str:
    """A Word table "Wat | Wie | Met wie | Wanneer" as pdftotext gives it: one cell a line."""
    return "Doelstelling 1 Vlotte toegang\nWat\nWie\nMet wie\nWanneer\n" + "\n".join(rows) + "\n"


def test_a_flattened_table_headed_wat_wie_with_the_codes_opening_the_title_cells(tmp_path):
    # "Wat" / "Wie" / "Met wie" / "Wanneer" was no table's header ("Actie" wanted): the
    # cells were read as one action's fields, "1.1 …" and all in its timing.
    text = _flattened(
        ["1.a Telefonisch onthaal", "Huisartsenkring Brugge", "OCMW Brugge", "2026"]
        + ["1.b Zorgbus", "Gemeente Damme", "Okra", "2025"]
    )
    actions = by_code(read_plain(tmp_path, text))
    assert {c: (a.title, a.lead, a.partners, a.timing) for c, a in actions.items()} == {
        "1.1": ("Telefonisch onthaal", "Huisartsenkring Brugge", ["OCMW Brugge"], "2026"),
        "1.2": ("Zorgbus", "Gemeente Damme", ["Okra"], "2025"),
    }


def test_a_timing_in_lower_case_after_partners_broken_over_lines_stays_the_timing(tmp_path):
    # "Minder Mobielen" / "Centrale Damme, Okra" / "heel 2026": once the title's lines were
    # joined, the timing's place was counted from the row before, and "heel 2026" was
    # joined to the partners as a line in lower case: the timing read "Centrale Damme …".
    text = _flattened(
        ["1.1 Zorgbus voor ouderen in", "de deelgemeenten", "Gemeente Damme", "Minder Mobielen"]
        + ["Centrale Damme, Okra", "heel 2026", "1.2 Infoavond", "Samana", "Vief", "2027"]
    )
    action = by_code(read_plain(tmp_path, text))["1.1"]
    assert (action.partners, action.timing) == (
        ["Minder Mobielen Centrale Damme", "Okra"],
        "heel 2026",
    )


def test_cells_broken_over_lines_in_a_flattened_table_are_joined(tmp_path):
    # "vanaf januari" / "2026" is one timing, "OCMW Brugge, Sociaal" / "Huis Oostkamp" one
    # list, and the last row's title goes on in lower case ("Wegwijzer sociale" /
    # "voordelen" led as "Voordelen").
    text = _flattened(
        ["1.1 Telefonisch onthaal", "Huisartsenkring Brugge", "OCMW Brugge, Sociaal"]
        + ["Huis Oostkamp", "vanaf januari", "2026"]
        + ["1.2 Wegwijzer sociale", "voordelen", "Samana", "CM West-Vlaanderen,", "Helan"]
        + ["najaar 2026"]
    )
    actions = by_code(read_plain(tmp_path, text))
    assert {c: (a.title, a.lead, a.partners, a.timing) for c, a in actions.items()} == {
        "1.1": (
            "Telefonisch onthaal",
            "Huisartsenkring Brugge",
            ["OCMW Brugge", "Sociaal Huis Oostkamp"],
            "vanaf januari 2026",
        ),
        "1.2": (
            "Wegwijzer sociale voordelen",
            "Samana",
            ["CM West-Vlaanderen", "Helan"],
            "najaar 2026",
        ),
    }


def test_a_running_header_with_its_page_number_names_the_plan_on_the_first_page(tmp_path):
    # "ELZ Waasland – Jaaractieplan 2026    1" on every page: a sentence at the first page's
    # top that says "plan" made it one of two lines naming the plan, so it was left out,
    # and the zone had no name.
    bodies = [
        "Inleiding\nDit plan beschrijft de acties.\n\nSD 1: Zorg\nActie 1.1 Netwerkdag\n",
        "Actie 1.2 Infoavond\nTrekker: OKRA\n",
        "Actie 1.3 Vorming\nTrekker: Vief\n",
    ]
    header = "ELZ Waasland – Jaaractieplan 2026                                   {}\n\n"
    text = "\f".join(header.format(n + 1) + body for n, body in enumerate(bodies))
    preview = read_plain(tmp_path, text)
    assert (preview.zone_name, preview.title) == (
        "ELZ Waasland",
        "ELZ Waasland – Jaaractieplan 2026",
    )


def test_a_lead_of_one_word_and_its_legal_form_keeps_its_article(tmp_path):
    # "Trekker: De Lovie vzw" led as "Lovie vzw", a second name beside the partner's.
    text = "SD 1: Zorg\n\nActie 1.1 Dagcentrum\nTrekker: De Lovie vzw\nPartners: Het Anker\n"
    text += "\nActie 1.2 Vorming\nTrekker: Het Wit-Gele Kruis West-Vlaanderen\n"
    first, second = read_plain(tmp_path, text).actions
    assert (first.lead, second.lead) == ("De Lovie vzw", "Wit-Gele Kruis West-Vlaanderen")
