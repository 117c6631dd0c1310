"""Plans of zones the reader had not seen, sixteenth round: goals named only in the
actions' codes, a kind of work and its place as one organisation, and the plans of
round 16."""

from __future__ import annotations

from extracted import by_code, read_plain

from graphmap.ingest import plan

CODES_ONLY = """ELZ Rivierenland – Jaaractieplan 2026

Acties

SD1-OD1-A1 Dorpsrestaurants
Trekker: LDC De Schakel
Partners: OCMW Bornem, Samana

SD1-OD2-A1 Mantelzorgcafé
Trekker: Sociaal Huis Willebroek
Partners: Buurtwerk Hoboken, CM Rivierenland

SD2-OD1-A2 Lokale netwerkdag
Trekker: LDC De Schakel
"""


def test_goals_named_only_in_the_actions_codes_are_goals_without_a_title(tmp_path):
    # The actions stood under no goal: "SD1-OD2-A1" says it serves OD 1.2 of SD 1.
    preview = read_plain(tmp_path, CODES_ONLY)
    actions = by_code(preview)
    assert {code: a.operational_goal for code, a in actions.items()} == {
        "1.1.1": "1.1",
        "1.2.1": "1.2",
        "2.1.2": "2.1",
    }
    assert [(g.number, g.title) for g in preview.strategic_goals] == [("1", ""), ("2", "")]
    assert [(g.number, g.parent) for g in preview.operational_goals] == [
        ("1.1", "1"),
        ("1.2", "1"),
        ("2.1", "2"),
    ]
    # Said as for a goal a year plan names by number: its title is not in the plan.
    assert any("enkel bij nummer genoemd (SD 1, OD 1.1" in w for w in preview.warnings)
    # "Actie 1.2.1" written so in such a plan is the same.
    plain = CODES_ONLY.replace("SD1-OD2-A1", "Actie 1.2.1")
    assert by_code(read_plain(tmp_path, plain))["1.2.1"].operational_goal == "1.2"


def test_a_code_under_a_goal_the_plan_gives_stays_under_it(tmp_path):
    text = "ELZ Rivierenland\n\nOD 1.2 Mantelzorg\n\n" + CODES_ONLY.split("Acties\n\n")[1]
    preview = read_plain(tmp_path, text)
    assert [(g.number, g.title) for g in preview.operational_goals][0] == ("1.2", "Mantelzorg")
    assert by_code(preview)["1.2.1"].operational_goal == "1.2"
    # A number of two parts says no goal: "Actie 3.1" may be action 1 of SD 3 or of OD 3.
    two = "ELZ Rivierenland\n\nActie 3.1 Dorpsrestaurants\nTrekker: Samana\n"
    preview = read_plain(tmp_path, two)
    assert preview.operational_goals == [] and preview.actions[0].operational_goal is None


def test_a_kind_of_work_and_its_place_is_one_organisation(tmp_path):
    # "Buurtwerk Hoboken" was a group (a kind of organisation in general), left as text.
    actions = by_code(read_plain(tmp_path, CODES_ONLY))
    assert actions["1.2.1"].partners == ["Buurtwerk Hoboken", "CM Rivierenland"]
    assert actions["1.2.1"].partner_groups == []
    text = CODES_ONLY.replace(
        "Buurtwerk Hoboken, CM Rivierenland",
        "Jeugdwerk Boom, Straathoekwerk Mechelen, buurtwerk, Buurtwerkers Hoboken",
    )
    action = by_code(read_plain(tmp_path, text))["1.2.1"]
    assert action.partners == ["Jeugdwerk Boom", "Straathoekwerk Mechelen"]
    # The kind alone and its workers are groups, as before.
    assert action.partner_groups == ["buurtwerk", "Buurtwerkers Hoboken"]


ONE_ACTION = """ELZ Herkenrode – Beleidsplan 2026-2031

Strategische doelstelling 1: Zorg dichtbij

Operationele doelstelling 1.1: Iedereen vindt de weg

Actie 1.1.1: Infomomenten in de wijk
Trekker: {lead}
Partners: {partners}
"""


def _one(tmp_path, lead: str = "Samana", partners: str = "OKRA") -> plan.ActionOut:
    text = ONE_ACTION.format(lead=lead, partners=partners)
    return read_plain(tmp_path, text).actions[0]


def test_via_before_a_partner_is_no_part_of_its_name(tmp_path):
    # "via CAW Limburg" was a new organisation of that name, "via" and all.
    action = _one(tmp_path, partners="via CAW Limburg en Samana, via de huisartsen")
    assert (action.partners, action.partner_groups) == (
        ["CAW Limburg", "Samana"],
        ["de huisartsen"],
    )
    # Between a group and its body, as before.
    action = _one(tmp_path, partners="de huisartsen via Huisartsenkring Demer")
    assert (action.partners, action.partner_groups) == (
        ["Huisartsenkring Demer"],
        ["de huisartsen"],
    )


def test_the_houses_of_the_child_are_a_kind_not_a_group_of_a_body_kind(tmp_path):
    # "de Huizen van het Kind" read as a group of people "van" a body: a new organisation
    # "Kind".
    action = _one(tmp_path, partners="de Huizen van het Kind, Buurtwerk Runkst")
    assert (action.partners, action.partner_groups) == (
        ["Buurtwerk Runkst"],
        ["de Huizen van het Kind"],
    )
    action = _one(tmp_path, partners="via het Huis van het Kind Hasselt")
    assert action.partners == ["Huis van het Kind Hasselt"]
    # A group in lower case of a body keeps its body, as before.
    action = _one(tmp_path, partners="de vrijwilligers van Samana")
    assert action.partners == ["Samana"]


def test_the_zorgraads_office_leads_as_the_zorgraad(tmp_path):
    # "het zorgraadbureau" was a new organisation "Zorgraadbureau".
    for lead in ("het zorgraadbureau", "Zorgraadbureau", "het ELZ-bureau", "het bureau"):
        preview = read_plain(tmp_path, ONE_ACTION.format(lead=lead, partners="OKRA"))
        assert [o.name for o in preview.organisation_matches] == ["OKRA"], lead
        assert preview.actions[0].lead_self, lead


def test_a_soft_hyphen_where_a_line_breaks_joins_the_word(tmp_path):
    # "Valpreventieweek in elke ge\xad" / "meente" was "… ge meente".
    text = ONE_ACTION.replace(
        "Infomomenten in de wijk", "Valpreventieweek in elke ge\u00ad\nmeente"
    )
    text = text.replace("Iedereen vindt de weg", "Valpreventie bij thuis\u00ad \nwonende ouderen")
    preview = read_plain(tmp_path, text)
    assert preview.actions[0].title == "Valpreventieweek in elke gemeente"
    assert preview.operational_goals[0].title == "Valpreventie bij thuiswonende ouderen"
    # Inside a line it is nothing, as before.
    action = _one(tmp_path, partners="de Apothekers\u00advereniging Zuid-West-Vlaanderen")
    assert action.partners == ["Apothekersvereniging Zuid-West-Vlaanderen"]


def test_a_list_of_partners_joined_by_en_runs_on_on_its_next_line(tmp_path):
    # "… Zuid-West-Vlaanderen en Wit-Gele" / "Kruis West-Vlaanderen" were two names, neither
    # the second partner's.
    partners = (
        "i.s.m. de Apothekersvereniging Zuid-West-Vlaanderen en Wit-Gele\nKruis West-Vlaanderen"
    )
    action = _one(tmp_path, partners=partners)
    assert action.partners == [
        "Apothekersvereniging Zuid-West-Vlaanderen",
        "Wit-Gele Kruis West-Vlaanderen",
    ]
    # A short line with "en" is no wrapped line: the next line is a partner of its own.
    action = _one(tmp_path, partners="Samana en OKRA\nFamiliehulp")
    assert action.partners == ["Samana", "OKRA", "Familiehulp"]


LAYOUT_ROWS = """ELZ Antwerpen Noord – Jaaractieplan 2026

Operationele doelstelling 2.1: Eerstelijnspsychologische zorg dichtbij

  Code   Actie                          Trekker                Partners                   Status
  2.1.1  Outreach eerstelijnspsycholoog Netwerk GGZ Antwerpen  CGG Andante, CAW Antwerpen lopend
  2.1.2  Lotgenotengroep                Similes                Huisartsenkring Antwerpen  afgerond
         jongeren                                              Noord
"""


def test_a_cell_that_fills_its_column_in_pdftotext_layout_is_a_cell_of_its_own(tmp_path):
    # One space between the title that fills its column and the lead: "Outreach
    # eerstelijnspsycholoog Netwerk GGZ Antwerpen" was the title, and the action had no lead.
    actions = by_code(read_plain(tmp_path, LAYOUT_ROWS))
    assert actions["2.1.1"].title == "Outreach eerstelijnspsycholoog"
    assert actions["2.1.1"].lead == "Netwerk GGZ Antwerpen"
    assert actions["2.1.1"].partners == ["CGG Andante", "CAW Antwerpen"]
    # A status is no partner or title.
    assert actions["2.1.2"].title == "Lotgenotengroep jongeren"
    assert (actions["2.1.2"].lead, actions["2.1.2"].partners) == (
        "Similes",
        ["Huisartsenkring Antwerpen Noord"],
    )


TWO_ZONES = """Regio Hageland
Gezamenlijk jaaractieplan 2026 van ELZ Noord-Hageland en ELZ Zuid-Hageland

ELZ Noord-Hageland omvat Aarschot, Begijnendijk, Bekkevoort, Diest, Scherpenheuvel-Zichem en
Tielt-Winge.
ELZ Zuid-Hageland omvat Tienen, Hoegaarden, Glabbeek, Kortenaken, Linter en Boutersem.

Strategische doelstelling 1: Samen sterk voor mantelzorgers

Operationele doelstelling 1.1: Mantelzorgers vinden ondersteuning dichtbij

Actie 1.1.1: Regionale mantelzorgdag Hageland
Trekker: ELZ Noord-Hageland en ELZ Zuid-Hageland
Partners: Samana, OKRA

Actie 1.1.2: Vorming suïcidepreventie voor huisartsen
Trekker: de zorgraad van ELZ Noord-Hageland
Partners: Huisartsenkring Tienen
"""

NORTH = ["Aarschot", "Begijnendijk", "Bekkevoort", "Diest", "Scherpenheuvel-Zichem", "Tielt-Winge"]
SOUTH = ["Tienen", "Hoegaarden", "Glabbeek", "Kortenaken", "Linter", "Boutersem"]


def test_a_plan_of_two_zones_is_read_for_the_zone_it_is_imported_into(tmp_path):
    # Each zone got the twelve municipalities of both, and the other zone's zorgraad was
    # the zone's own where --zone named the second, an organisation where it named the first.
    path = tmp_path / "hageland.txt"
    path.write_text(TWO_ZONES, encoding="utf-8")
    north = plan.read_plan(path, "noord-hageland")
    south = plan.read_plan(path, "zuid-hageland")
    assert (north.zone_name, north.municipalities) == ("ELZ Noord-Hageland", NORTH)
    assert (south.zone_name, south.municipalities) == ("ELZ Zuid-Hageland", SOUTH)
    # Both read every action: the plan's actions are both zones'.
    assert [a.code for a in north.actions] == [a.code for a in south.actions] == ["1.1.1", "1.1.2"]
    # The other zone's zorgraad leads with it, an organisation by the other zone's name.
    assert (north.actions[0].lead_self, north.actions[0].co_leads) == (True, ["ELZ Zuid-Hageland"])
    assert (south.actions[0].lead_self, south.actions[0].co_leads) == (True, ["ELZ Noord-Hageland"])
    assert north.actions[1].lead_self
    assert (south.actions[1].lead_self, south.actions[1].lead) == (False, "ELZ Noord-Hageland")
    assert [o.name for o in south.organisation_matches if "Hageland" in o.name] == [
        "ELZ Noord-Hageland"
    ]
    # Said so.
    assert any("plan van meer dan één zone (ELZ Zuid-Hageland" in w for w in north.warnings)
    assert any("plan van meer dan één zone (ELZ Noord-Hageland" in w for w in south.warnings)


def test_the_zones_a_zone_was_merged_from_are_no_other_zone_of_its_plan(tmp_path):
    # They state no territory of their own: the plan is one zone's, named as before.
    text = (
        "ELZ Haspengouw\n\nELZ Tongeren-Borgloon en ELZ Sint-Truiden vormen vanaf 2026 samen "
        "ELZ Haspengouw. De zone omvat Sint-Truiden, Gingelom, Heers en Wellen.\n\n"
        + TWO_ZONES.split("Strategische doelstelling 1", 1)[1].join(
            ["Strategische doelstelling 1", ""]
        )
    )
    preview = read_plain(tmp_path, text)
    assert preview.municipalities == ["Sint-Truiden", "Gingelom", "Heers", "Wellen"]
    assert not any("meer dan één zone" in w for w in preview.warnings)


def test_a_clusters_label_in_a_table_of_the_zorgraads_members_is_no_part_of_a_name(tmp_path):
    # "Kinekring Herentals" at the end of one row's cell and "Welzijn" in the next row's
    # first cell were one organisation "Kinekring Herentals Welzijn".
    import docx

    document = docx.Document()
    document.add_paragraph("Eerstelijnszone Baldemore – Meerjarenplan 2026")
    document.add_paragraph("Samenstelling van de zorgraad")
    table = document.add_table(rows=0, cols=2)
    for row in [
        ("Zorg", "Huisartsenkring Baldemore, Apothekersvereniging Kempen, Kinekring Herentals"),
        ("Welzijn", "CAW De Kempen, Familiehulp, Zorgbedrijf Herentals, i-mens"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row
    document.add_paragraph("Operationele doelstelling 1.1: Elke inwoner vindt zijn huisarts")
    document.add_paragraph("Actie 1.1.1: Wegwijzer huisartsenzorg")
    document.add_paragraph("Trekker: Huisartsenkring Baldemore")
    path = tmp_path / "baldemore.docx"
    document.save(path)
    names = [o.name for o in plan.read_plan(path, "baldemore").organisation_matches]
    assert "Kinekring Herentals" in names
    assert not [n for n in names if "Welzijn" in n]


FICHE = """Zorgraad ELZ Leuven Noord – Actieplan 2026

  Actie 4        Valpreventie thuis
                                                   Draagt bij aan: SD 2 – OD 2.1
  Wie is de      Logo Oost-Brabant
  trekker?
  Met wie?       samen met Samana Haacht, OKRA Keerbergen
  Timing         april 2026
  Status         uitgesteld
"""


def test_a_label_that_wraps_in_its_column_of_a_layout_fiche_is_read(tmp_path):
    # "Wie is de      Logo Oost-Brabant" / "trekker?": the action had no lead, and its
    # title ran on with "Wie is de Logo Oost-Brabant".
    action = read_plain(tmp_path, FICHE).actions[0]
    assert (action.title, action.lead) == ("Valpreventie thuis", "Logo Oost-Brabant")
    assert action.partners == ["Samana Haacht", "OKRA Keerbergen"]
    # A state without its colon is no part of the timing ("april 2026 Status uitgesteld").
    assert action.timing == "april 2026"
    # The template's longer label wraps so too: "Wie is de" / "trekker van de actie?".
    three = FICHE.replace("  trekker?\n", "  trekker van de actie?\n")
    assert read_plain(tmp_path, three).actions[0].lead == "Logo Oost-Brabant"


def test_a_values_own_next_line_under_a_label_is_no_label(tmp_path):
    # "Met wie?   Samana," / "           OKRA" at the value's indent: a second partner, as
    # before; and a word at the label's indent that makes no label with the one above stays.
    text = FICHE.replace(
        "  Met wie?       samen met Samana Haacht, OKRA Keerbergen\n",
        "  Met wie?       Samana Haacht,\n                 OKRA Keerbergen\n",
    )
    assert read_plain(tmp_path, text).actions[0].partners == ["Samana Haacht", "OKRA Keerbergen"]


def test_a_place_in_a_zones_name_is_no_place_of_its_territory(tmp_path):
    # "ELZ Leuven Noord omvat Herent, …" put Leuven in the zone.
    text = FICHE.replace(
        "Zorgraad ELZ Leuven Noord – Actieplan 2026\n",
        "Zorgraad ELZ Leuven Noord – Actieplan 2026\n\n"
        "ELZ Leuven Noord omvat Herent, Kortenberg, Kampenhout, Boortmeerbeek, Haacht en "
        "Keerbergen.\n",
    )
    preview = read_plain(tmp_path, text)
    assert preview.municipalities == [
        "Herent",
        "Kortenberg",
        "Kampenhout",
        "Boortmeerbeek",
        "Haacht",
        "Keerbergen",
    ]
    assert "Leuven" not in preview.municipalities_mentioned
    # A zone named after its city that names the city too keeps it.
    text = text.replace("omvat Herent,", "omvat Leuven, Herent,")
    assert read_plain(tmp_path, text).municipalities[:2] == ["Leuven", "Herent"]


def test_antwerps_districts_are_places_of_antwerpen(tmp_path):
    # "de districten Merksem, Ekeren en Berendrecht-Zandvliet-Lillo" named no place: the
    # zone's territory lacked Antwerpen.
    text = FICHE.replace(
        "Zorgraad ELZ Leuven Noord – Actieplan 2026\n",
        "ELZ Antwerpen Noord – Actieplan 2026\n\nDe eerstelijnszone omvat Stabroek, Kapellen en "
        "de districten Merksem, Ekeren en Berendrecht-Zandvliet-Lillo.\n",
    )
    preview = read_plain(tmp_path, text)
    assert preview.municipalities == ["Stabroek", "Kapellen", "Antwerpen"]
    antwerpen = next(m for m in preview.municipality_matches if m.name == "Antwerpen")
    assert antwerpen.written == ["Merksem", "Ekeren", "Berendrecht-Zandvliet-Lillo"]
    # Berchem is also a part of Kluisbergen: no place of Antwerpen.
    text = FICHE.replace(
        "Zorgraad ELZ Leuven Noord – Actieplan 2026\n",
        "ELZ Vlaamse Ardennen – Actieplan 2026\n\nDe eerstelijnszone omvat Ronse, Maarkedal en "
        "Kluisbergen (Berchem, Kwaremont, Ruien).\n",
    )
    assert read_plain(tmp_path, text).municipalities == ["Ronse", "Maarkedal", "Kluisbergen"]


def test_partners_by_cluster_with_a_dash_after_the_cluster(tmp_path):
    # "zorg – Huisartsenkring Demer" and "welzijn – CAW Limburg" were two new organisations
    # of those names, the cluster's word and all.
    partners = (
        "zorg – Huisartsenkring Demer, apothekers; welzijn – CAW Limburg; Cluster PZON - OKRA"
    )
    action = _one(tmp_path, partners=partners)
    assert action.partners == ["Huisartsenkring Demer", "CAW Limburg", "OKRA"]
    assert action.partner_groups == ["apothekers"]
    # With a colon, as before; a name that starts with a cluster's word keeps it.
    action = _one(tmp_path, partners="zorg: Wit-Gele Kruis Limburg; Zorg Leuven - Hasselt")
    assert action.partners == ["Wit-Gele Kruis Limburg", "Zorg Leuven - Hasselt"]


def test_the_templates_long_labels_wrapped_in_plain_text_are_read(tmp_path):
    # "Wie is de trekker van de" / "actie?" left the action without a lead; "Met welke
    # stakeholders wordt er" / "samengewerkt?" made a group "samengewerkt?".
    text = (
        "ELZ Herkenrode \n\nActie 1.1.1 – Vorming \n\nWie is de trekker van de \n\nactie? \n\n"
        "OKRA Regio Hasselt \n\nMet welke stakeholders wordt er \n\nsamengewerkt? \n\n"
        "Vief, Similes en CAW Limburg \n\nTiming \n\nQ2 2026 \n"
    )
    action = read_plain(tmp_path, text).actions[0]
    assert (action.title, action.lead) == ("Vorming", "OKRA Regio Hasselt")
    assert (action.partners, action.partner_groups) == (["Vief", "Similes", "CAW Limburg"], [])
    # In columns, the label's rest under the line of label and value.
    text = (
        "ELZ Herkenrode\n\nActie 1.1.1 – Vorming\n"
        "  Wie is de trekker        OKRA Regio Hasselt\n  van de actie?\n"
        "  Met welke partners       Vief, Similes en CAW Limburg\n  wordt er samengewerkt?\n"
    )
    action = read_plain(tmp_path, text).actions[0]
    assert (action.lead, action.partners) == (
        "OKRA Regio Hasselt",
        ["Vief", "Similes", "CAW Limburg"],
    )
    assert action.partner_groups == []


def test_an_actions_heading_after_its_goals_path_is_an_action(tmp_path):
    # "SD 1 – OD 1.2 – Actie 1.2.3: Buurtzorg" was lost: no action at all.
    for heading in (
        "SD 1 – OD 1.2 – Actie 1.2.3: Buurtzorg",
        "SD 1 | OD 1.2 | Actie 1.2.3 Buurtzorg",
        "SD 1 – OD 1.2 – Actie 3: Buurtzorg",
    ):
        text = ONE_ACTION.replace(
            "Operationele doelstelling 1.1: Iedereen vindt de weg", "OD 1.2 Buurten"
        )
        text = text.replace("Actie 1.1.1: Infomomenten in de wijk", heading)
        action = read_plain(tmp_path, text.format(lead="Samana", partners="OKRA")).actions
        assert [(a.code, a.operational_goal, a.title) for a in action] == [
            ("1.2.3", "1.2", "Buurtzorg")
        ]


def test_the_goal_in_brackets_after_an_actions_title_is_its_goal_not_its_title(tmp_path):
    # "Buurtzorg (OD 1.2)" was the title, under no goal.
    text = (
        "ELZ Herkenrode\n\nActie 3: Buurtzorg (OD 1.2)\nTrekker: Samana\n\n"
        "Actie 4: Valpreventie (SD 2 – OD 2.1)\nTrekker: OKRA\n"
    )
    actions = read_plain(tmp_path, text).actions
    assert [(a.title, a.operational_goal) for a in actions] == [
        ("Buurtzorg", "1.2"),
        ("Valpreventie", "2.1"),
    ]
    # Under that goal's heading it is said twice: the title is the words before it.
    text = "ELZ Herkenrode\n\nOperationele doelstelling 1.2: Buurten\n\n" + text
    assert read_plain(tmp_path, text).actions[0].title == "Buurtzorg"


def test_a_kind_and_a_name_with_t_is_one_organisation_and_centra_of_a_kind_a_group(tmp_path):
    # "De Kinderopvang ’t Kabouterhuis" and "Dagopvang ’t Hoveke" were groups: "’t" was no
    # small word of a name; "Centra voor Mantelzorg" was one organisation.
    action = _one(
        tmp_path,
        partners="Kinderopvang ’t Kabouterhuis, Dagopvang ’t Hoveke, Centra voor Mantelzorg, "
        "Centra voor Buurtwerk",
    )
    assert action.partners == ["Kinderopvang ’t Kabouterhuis", "Dagopvang ’t Hoveke"]
    assert action.partner_groups == ["Centra voor Mantelzorg", "Centra voor Buurtwerk"]
