"""The structure of a plan as the importer reads and writes it: actions numbered again under
each goal, leads and partners as the preview shows them and as they are written, lead fields
that name no organisation, names with " en ", field lengths, a plan of another zone, a new
version of a zone's plan, and a text in which no plan is recognised. Small plans written
here, in the styles other zones use."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap import audit, limits, register
from graphmap.cli import cli
from graphmap.errors import ValidationError
from graphmap.ingest import plan, zones
from graphmap.ingest.organisations import is_organisation
from graphmap.names import organisations as every_organisation

# -- helpers ---------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _preview(text: str, zone: str = "testzone", existing=None) -> plan.PlanPreview:
    return plan.parse_lines(text.splitlines(), zone, "plan.txt", existing)


def _actions(preview: plan.PlanPreview) -> dict[str, plan.ActionOut]:
    return {a.id_code: a for a in preview.actions}


def _graph_links(store, zone: str) -> dict[str, dict[str, set[str]]]:
    """Per action code: the names of its leads and partners as the graph holds them."""
    out: dict[str, dict[str, set[str]]] = {}
    for row in store.read("plan_tree", zone=zone):
        if row["action"]:
            out[row["code"]] = {
                "leads": {o["name"] for o in row["leads"]},
                "partners": {o["name"] for o in row["partners"]},
            }
    return out


def _counts(store) -> dict:
    nodes = {r["label"]: r["count"] for r in store.read("stats_nodes")}
    return {**nodes, **{r["type"]: r["count"] for r in store.read("stats_relationships")}}


# -- 1. actions numbered again under each goal ----------------------------------------------
PER_GOAL = """Jaaractieplan 2026 ELZ Testzone

Strategische doelstelling 1: Netwerk versterken

Operationele doelstelling 1.1: Partners leren elkaar kennen

Actie 1: Netwerkevent
Trekker: de zorgraad
Met wie: Huisartsenkring Zennevallei, CAW Halle-Vilvoorde

Actie 2: Nieuwsbrief
Trekker: LOGO Pajottenland
Met wie: Alzheimerliga

Operationele doelstelling 1.2: Lokale besturen zijn betrokken

Actie 1: Clusteroverleg lokale besturen
Trekker: OCMW Halle
Met wie: OCMW Beersel, OCMW Sint-Pieters-Leeuw

Actie 2: Gezondheidsbeleid afstemmen
Trekker: OCMW Linkebeek
Met wie: Samana
"""


def test_actions_numbered_again_under_each_goal_are_each_their_own(store, tmp_path):
    preview = _preview(PER_GOAL)
    actions = _actions(preview)
    assert list(actions) == ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]
    assert [a.code for a in preview.actions] == ["1", "2", "1", "2"]  # as the plan prints them
    assert actions["1.1.1"].lead_self
    assert actions["1.1.1"].partners == ["Huisartsenkring Zennevallei", "CAW Halle-Vilvoorde"]
    assert actions["1.2.1"].lead == "OCMW Halle"
    assert actions["1.2.1"].partners == ["OCMW Beersel", "OCMW Sint-Pieters-Leeuw"]
    assert actions["1.2.2"].lead == "OCMW Linkebeek" and actions["1.2.2"].partners == ["Samana"]

    written = plan.apply_plan(store, preview, "testzone")
    assert written["actions"] == 4 and written["leads"] == 4 and written["partners"] == 6
    links = _graph_links(store, "testzone")
    assert links["1.1.2"] == {"leads": {"LOGO Pajottenland"}, "partners": {"Alzheimerliga"}}
    assert links["1.2.1"] == {
        "leads": {"OCMW Halle"},
        "partners": {"OCMW Beersel", "OCMW Sint-Pieters-Leeuw"},
    }


def test_actions_numbered_through_the_plan_keep_their_codes():
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1: Netwerkavond\nTrekker: Samana\n"
        "OD 1.2: Besturen\nActie 2: Overleg\nTrekker: OCMW Halle\n"
        "Actie 2: Overleg\nMet wie: OCMW Beersel\n"  # printed again: the same action
    )
    actions = _actions(preview)
    assert list(actions) == ["1", "2"]
    assert actions["2"].lead == "OCMW Halle" and actions["2"].partners == ["OCMW Beersel"]


# -- 2. what the preview shows is what is written --------------------------------------------
SIMILAR_NAMES = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Netwerk

Operationele doelstelling 1.1: Elkaar kennen

Actie 1.1.1: Infosessie dementie
Trekker: LDC De Kim (Genk)
Partners: CAW Limburg (Hasselt), Alzheimerliga Vlaanderen

Actie 1.1.2: Clusteroverleg lokale besturen
Trekker: OCMW Genk
Partners: Ziekenhuis Oost-Limburg

Actie 1.1.3: Vorming voor onthaalmedewerkers
Trekker: OCMW Genk Zorgbedrijf
Partners: Ziekenhuis Oost-Limburg Genk, OCMW As, CAW Limburg vzw
"""


def test_every_lead_and_partner_the_preview_shows_is_written(store):
    preview = _preview(SIMILAR_NAMES, existing=every_organisation(store))
    shown = {
        a.id_code: {"leads": {a.lead, *a.co_leads}, "partners": set(a.partners)}
        for a in preview.actions
    }
    assert shown == {
        "1.1.1": {"leads": {"LDC De Kim"}, "partners": {"CAW Limburg", "Alzheimerliga Vlaanderen"}},
        "1.1.2": {"leads": {"OCMW Genk"}, "partners": {"Ziekenhuis Oost-Limburg"}},
        "1.1.3": {
            "leads": {"OCMW Genk Zorgbedrijf"},
            "partners": {"Ziekenhuis Oost-Limburg Genk", "OCMW As", "CAW Limburg vzw"},
        },
    }
    assert preview.warnings == []
    plan.apply_plan(store, preview, "testzone")
    # Every new organisation keeps its name; "CAW Limburg vzw" is the CAW Limburg of 1.1.1.
    shown["1.1.3"]["partners"] = {"Ziekenhuis Oost-Limburg Genk", "OCMW As", "CAW Limburg"}
    assert _graph_links(store, "testzone") == shown


def test_a_link_that_cannot_be_written_is_refused_by_action_and_name(store):
    preview = _preview(SIMILAR_NAMES)
    # A preview whose organisations no longer hold a name an action refers to (built by
    # hand, or by an older client): never written without that link unseen.
    preview.organisation_matches = [
        m for m in preview.organisation_matches if m.name != "OCMW Genk"
    ]
    with pytest.raises(ValidationError, match="actie 1.1.2: trekker «OCMW Genk»"):
        plan.apply_plan(store, preview, "testzone")
    assert _counts(store) == {}


def test_an_unticked_organisation_is_named_with_its_action_and_not_linked(store):
    preview = _preview(SIMILAR_NAMES)
    chosen = plan.without(preview, organisations=["OCMW Genk", "OCMW As"])
    actions = _actions(chosen)
    assert actions["1.1.2"].lead is None
    assert actions["1.1.3"].partners == ["Ziekenhuis Oost-Limburg Genk", "CAW Limburg vzw"]
    assert "OCMW As" in actions["1.1.3"].partner_groups  # stays text on the action
    assert "actie 1.1.2: trekker «OCMW Genk» niet aangevinkt: niet gekoppeld" in chosen.warnings
    assert any("actie 1.1.3: partner «OCMW As»" in w for w in chosen.warnings)
    assert "trekker: OCMW Genk\n" not in chosen.to_table()
    plan.apply_plan(store, chosen, "testzone")
    links = _graph_links(store, "testzone")
    assert links["1.1.2"]["leads"] == set()
    assert links["1.1.3"]["partners"] == {"Ziekenhuis Oost-Limburg Genk", "CAW Limburg"}


# -- 3. lead and partner fields that name no organisation ------------------------------------
def _plan_with_leads(*leads: str) -> str:
    text = "SD 1: Netwerk\nOD 1.1: Kennen\n"
    for n, lead in enumerate(leads, 1):
        text += f"Actie 1.1.{n}: Actie {n}\nTrekker: {lead}\n"
    return text


@pytest.mark.parametrize("said", ["Nog te bepalen", "N.v.t", "nvt", "tbd", "n.t.b.", "?"])
def test_a_placeholder_lead_is_no_organisation(said):
    preview = _preview(_plan_with_leads(said, "Samana") + f"Met wie: {said}, OKRA\n")
    first = preview.actions[0]
    assert preview.actions[1].partners == ["OKRA"] and preview.actions[1].partner_groups == []
    assert first.lead is None and not first.lead_self and first.lead_text == said.rstrip(".")
    assert preview.organisations == ["Samana", "OKRA"]
    assert "trekker: nog geen (het plan zegt" in preview.to_table()


def test_lead_fields_with_roles_partners_and_several_organisations():
    preview = _preview(
        _plan_with_leads(
            "Stafmedewerker zorgraad",
            "Zorgraad en OCMW Genk",
            "LDC De Kim i.s.m. CAW Limburg en Alzheimerliga Vlaanderen",
            "CAW Limburg | Partners: Huisartsenkring Haspengouw, OCMW Sint-Truiden | Timing: 2026",
            "huisartsen",
        )
    )
    actions = _actions(preview)
    assert actions["1.1.1"].lead_self and not actions["1.1.1"].co_leads
    assert actions["1.1.2"].lead_self and actions["1.1.2"].co_leads == ["OCMW Genk"]
    assert actions["1.1.3"].lead == "LDC De Kim"
    assert actions["1.1.3"].partners == ["CAW Limburg", "Alzheimerliga Vlaanderen"]
    assert actions["1.1.4"].lead == "CAW Limburg"
    assert actions["1.1.4"].partners == ["Huisartsenkring Haspengouw", "OCMW Sint-Truiden"]
    assert actions["1.1.4"].timing == "2026"
    assert actions["1.1.5"].lead is None and actions["1.1.5"].lead_text == "huisartsen"
    assert set(preview.organisations) == {
        "OCMW Genk",
        "LDC De Kim",
        "CAW Limburg",
        "Huisartsenkring Haspengouw",
        "OCMW Sint-Truiden",
        "Alzheimerliga Vlaanderen",
    }


def test_a_lead_written_with_both_its_partners_and_the_zorgraad_as_co_lead(store):
    preview = _preview(_plan_with_leads("de zorgraad en OCMW Genk i.s.m. CAW Limburg"))
    plan.apply_plan(store, preview, "testzone")
    assert _graph_links(store, "testzone")["1.1.1"] == {
        "leads": {"ELZ Testzone", "OCMW Genk"},
        "partners": {"CAW Limburg"},
    }


def test_en_splits_two_organisations_never_one_name():
    existing = [{"id": "wonen-en-zorg-noord", "name": "Wonen en Zorg Noord"}]
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\nTrekker: de zorgraad\n"
        "Met wie: CGG Waas en Dender, Vlaams Agentschap Zorg en Gezondheid, Kind en Gezin, "
        "CAW Limburg en Alzheimerliga Vlaanderen, huisartsen en apothekers, "
        "Wonen en Zorg Noord, Samana en OKRA\n",
        existing=existing,
    )
    action = preview.actions[0]
    assert action.partners == [
        "CGG Waas en Dender",
        "Vlaams Agentschap Zorg en Gezondheid",
        "Kind en Gezin",
        "CAW Limburg",
        "Alzheimerliga Vlaanderen",
        "Wonen en Zorg Noord",  # the register knows it as one
        "Samana",
        "OKRA",
    ]
    assert action.partner_groups == ["huisartsen", "apothekers"]
    # "Kind en Gezin" stays one name: capitalised, it is the agency (see the next test).


def test_well_known_flemish_organisations_are_organisations_not_groups():
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\nTrekker: Landelijke Thuiszorg\n"
        "Met wie: Kind en Gezin, i-mens, Christelijke Mutualiteit Waas en Dender, "
        "Ergotherapie Vlaanderen, Familiehulp, Solidaris, Wit-Gele Kruis Limburg, "
        "Vlaams Patiëntenplatform, Similes, Zorgband Leie en Schelde, "
        "Huisartsen Meetjesland, Lokale Besturen, kind en gezin, thuiszorgdiensten\n"
    )
    [action] = preview.actions
    assert action.lead == "Landelijke Thuiszorg"
    assert action.partners == [
        "Kind en Gezin",
        "i-mens",
        "Christelijke Mutualiteit Waas en Dender",
        "Ergotherapie Vlaanderen",
        "Familiehulp",
        "Solidaris",
        "Wit-Gele Kruis Limburg",
        "Vlaams Patiëntenplatform",
        "Similes",
        "Zorgband Leie en Schelde",
    ]
    # Plural, or in lower case in running text: people or services of a kind, a group.
    assert "Huisartsen Meetjesland" in action.partner_groups
    assert "Lokale Besturen" in action.partner_groups
    assert "thuiszorgdiensten" in action.partner_groups
    assert "kind en gezin" in action.partner_groups  # one group, not "kind" and "gezin"
    assert "i-mens" in preview.organisations and "Lokale Besturen" not in preview.organisations
    # A new one gets the category its name says, these names too.
    categories = {m.name: m.category for m in preview.organisation_matches}
    assert categories["Landelijke Thuiszorg"] == "gezinszorg"
    assert categories["Kind en Gezin"] == "agentschap"
    assert categories["Vlaams Patiëntenplatform"] == categories["Similes"] == "patientenvereniging"
    assert categories["Ergotherapie Vlaanderen"] == "ergotherapeuten"


def test_a_new_organisations_category_is_read_as_a_lists_import_reads_it():
    # One rule for both (graphmap.ingest.kinds.category_from_name): a kind further on in the
    # name is what the organisation works with, not what it is.
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\nTrekker: Gemeente Zulte\n"
        "Partners: Vrienden van het woonzorgcentrum De Linde, Huisartsenkring Leieland\n"
    )
    categories = {m.name: m.category for m in preview.organisation_matches}
    assert categories == {
        "Gemeente Zulte": "gemeente",
        "Vrienden van het woonzorgcentrum De Linde": None,
        "Huisartsenkring Leieland": "huisartsenkring",
    }


def test_a_well_known_name_after_en_and_examples_before_an_item():
    preview = _preview(
        "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\nTrekker: de zorgraad\n"
        "Met wie: o.a. Samana, OKRA en Vief, Integra en Familiehulp, alle lokale besturen, "
        "m.n. OCMW Diest, CM Waas en Dender, de huisartsen via Huisartsenkring Demer\n"
    )
    [action] = preview.actions
    assert action.partners == [
        "Samana",
        "OKRA",
        "Vief",
        "Integra",
        "Familiehulp",
        "OCMW Diest",
        "CM Waas en Dender",
        "Huisartsenkring Demer",
    ]
    assert action.partner_groups == ["alle lokale besturen", "de huisartsen"]


def test_the_sentence_that_names_an_organisation_is_one_that_writes_its_name():
    preview = _preview(
        "SD 1: Gezond leven aan de kust\nOD 1.1: Bewegen\nActie 1.1.1: Bewegen op verwijzing\n"
        "Trekker: Gemeente Nieuwpoort\nPartners: Gezond Leven, kinesitherapeuten\n"
    )
    [found] = [m for m in preview.organisation_matches if m.name == "Gezond Leven"]
    assert found.evidence == "Partners: Gezond Leven, kinesitherapeuten"


def test_well_known_organisations_are_found_in_running_text():
    """ "Kind en Gezin" in a sentence has no word of organisations; it is one by its name, as
    "Wit-Gele Kruis" with the place after it."""
    preview = _preview(
        "Inleiding\n\nWe werken samen met Kind en Gezin, i-mens en het Wit-Gele Kruis Limburg "
        "aan dit plan.\n\nSD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\n"
    )
    assert {"Kind en Gezin", "i-mens", "Wit-Gele Kruis Limburg"} <= set(preview.organisations)


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        # Title case, the word of a sector singular, beside a proper word: a name.
        ("Socialistische Mutualiteit", True),
        ("Kinesitherapie Vlaanderen", True),
        ("Kinderopvang Het Nest", True),
        ("Vlaamse Ouderenraad", True),
        # A known name with its region, in the case it is written in.
        ("i-mens regio Gent", True),
        ("Familiehulp Regio Gent", True),
        ("familiehulp", False),
        # Plural, or only words of a region or of the first line beside it: a sector.
        ("Woonzorgcentra Regio", False),
        ("Mantelzorg Regio", False),
        ("Eerste Lijn Thuiszorg", False),
        ("Apothekers Regio Gent", False),
        ("Alle Huisartsen", False),
    ],
)
def test_a_name_in_title_case_with_a_word_of_a_sector(name, organisation):
    assert is_organisation(name) is organisation


# -- 4. field lengths --------------------------------------------------------------------------
def test_a_title_without_a_sentence_end_is_cut_at_a_word_with_a_note(store):
    words = "lange titel zonder punt " * 2000
    preview = _preview(
        f"SD 1: Doel\nOD 1.1: Sub\nActie 1.1.1: {words}\n"
        f"Trekker: {'Organisatie ' * 2000}\nMet wie: Samana\n"
    )
    [action] = preview.actions
    assert len(action.title) <= limits.TITLE and action.title.endswith("…")
    assert words.startswith(action.title[:-1] + " ")  # cut where a word ends
    assert f"actie 1.1.1: titel ingekort tot 500 tekens (in het plan {limits.number(47999)})" in (
        preview.warnings
    )
    assert action.lead is None  # thousands of words are no organisation's name
    assert preview.organisations == ["Samana"]
    plan.apply_plan(store, preview, "testzone")
    [row] = [r for r in store.read("plan_tree", zone="testzone") if r["action"]]
    assert row["title"] == action.title
    assert all(len(r["name"]) <= limits.NAME for r in every_organisation(store))


def test_a_goal_title_and_an_indicator_are_cut_too():
    long = "x" * 600
    preview = _preview(
        f"SD 1: {long}\nOD 1.1: Sub\nActie 1.1.1: Kort\nIndicatoren: {'y ' * 1500}\n"
    )
    assert len(preview.strategic_goals[0].title) <= limits.TITLE
    assert len(preview.actions[0].indicators[0]) <= limits.TEXT
    assert any(w.startswith("SD 1: titel ingekort") for w in preview.warnings)
    assert any("indicator ingekort" in w for w in preview.warnings)


# -- 5. the zone of the plan, and a new version of it -----------------------------------------
BRUGGE = """ELZ Brugge – Meerjarenplan 2026-2031

De eerstelijnszone Brugge omvat de stad Brugge en de gemeenten Damme en Oostkamp.

Strategische doelstelling 1: Netwerk
Operationele doelstelling 1.1: Kennen
Actie 1.1.1: Netwerkavond
Trekker: CAW Noord-West-Vlaanderen
"""


def test_a_plan_of_another_zone_is_refused_naming_both(store, tmp_path):
    zones.add_zone(store, "maasland", "ELZ Maasland", ["Maaseik"])
    before = _counts(store)
    path = _write(tmp_path, BRUGGE)
    with pytest.raises(ValidationError) as refused:
        plan.preview_plan(store, path, "maasland", refuse_other_zone=True)
    message = str(refused.value)
    assert "«ELZ Brugge»" in message and "'maasland' (ELZ Maasland)" in message
    assert "--zone brugge" in message and "--ignore-plan-zone" in message
    assert _counts(store) == before
    # Where staff chose the zone beside the preview (the dashboard), it is a warning.
    warned = plan.preview_plan(store, path, "maasland")
    assert warned.warnings[0] == (
        "het plan noemt zich «ELZ Brugge», niet zone 'maasland' (ELZ Maasland)"
    )
    assert plan.preview_plan(store, path, "brugge", refuse_other_zone=True).new_zone


def test_the_command_line_refuses_a_plan_of_another_zone_unless_told(store, embedded_env, tmp_path):
    zones.add_zone(store, "gent", "ELZ Gent", ["Gent"])
    before = _counts(store)
    path = _write(tmp_path, BRUGGE)
    refused = CliRunner().invoke(cli, ["import", "plan", str(path), "--zone", "gent", "--yes"])
    assert refused.exit_code == 1 and "«ELZ Brugge»" in refused.output
    assert _counts(store) == before
    told = CliRunner().invoke(
        cli, ["import", "plan", str(path), "--zone", "gent", "--ignore-plan-zone", "--yes"]
    )
    assert told.exit_code == 0, told.output
    assert {r["code"] for r in store.read("plan_tree", zone="gent")} == {"1.1.1", None}


def test_a_plan_of_a_known_zone_makes_no_second_zone_under_a_mistyped_id(
    store, embedded_env, tmp_path
):
    zones.add_zone(store, "brugge", "ELZ Brugge", ["Brugge"])
    before = _counts(store)
    path = _write(tmp_path, BRUGGE)
    refused = CliRunner().invoke(cli, ["import", "plan", str(path), "--zone", "bruges", "--yes"])
    assert refused.exit_code == 1
    assert "'brugge' (ELZ Brugge) die al bestaat" in refused.output
    assert "--zone brugge" in refused.output
    assert _counts(store) == before
    # Where staff chose the zone beside the preview (the dashboard), it is a warning.
    warned = plan.preview_plan(store, path, "bruges")
    assert warned.warnings[0].startswith("het plan noemt zich «ELZ Brugge», de zone 'brugge'")
    told = CliRunner().invoke(
        cli, ["import", "plan", str(path), "--zone", "bruges", "--ignore-plan-zone", "--yes"]
    )
    assert told.exit_code == 0, told.output
    assert {r["id"] for r in store.read("zones")} >= {"brugge", "bruges"}


def test_a_plan_naming_its_known_zone_only_by_initials_makes_no_second_zone(
    store, embedded_env, tmp_path
):
    # Plan 003 names itself "ELZ NL" all through, never in its title or territory sentence:
    # imported under a new id it became a second "ELZ Noord-Limburg".
    zones.add_zone(store, "noord-limburg", "ELZ Noord-Limburg", ["Pelt"])
    before = _counts(store)
    intro = "".join(f"Dit plan volgt het vorige op, in stap {n}.\n" for n in range(1, 16))
    text = f"Actieplan 2026\n\n{intro}\nDe eerstelijnszone Noord-Limburg werkt samen.\n"
    text += "ELZ NL organiseert dit.\n" * 5
    path = _write(tmp_path, text + "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\n")
    assert plan.read_plan(path, "proef").named_zones == []
    refused = CliRunner().invoke(cli, ["import", "plan", str(path), "--zone", "proef", "--yes"])
    assert refused.exit_code == 1, refused.output
    assert "«ELZ Noord-Limburg», de zone 'noord-limburg'" in refused.output
    assert _counts(store) == before


def test_a_new_zone_takes_the_plan_whatever_id_it_is_given(store, embedded_env, tmp_path):
    path = _write(tmp_path, BRUGGE)
    made = CliRunner().invoke(cli, ["import", "plan", str(path), "--zone", "bru", "--yes"])
    assert made.exit_code == 0, made.output
    # What was written, in Dutch and in the singular where there is one (it said
    # "sources: 5, municipalities: 3, …").
    assert "geschreven: 3 gemeenten, 4 clusters, " in made.output
    assert ", 2 doelstellingen, 1 actie, 1 trekker, 0 partners, " in made.output
    assert {r["code"] for r in store.read("plan_tree", zone="bru")} == {"1.1.1", None}


@pytest.mark.parametrize(
    "title",
    [
        "ELZ MEETJESLAND – JAARPLAN 2026",
        "Zorgraad Meetjesland\nJaarplan 2026",
        "ELZ Meetjesland Jaarplan 2026",
        "ZORGRAAD MEETJESLAND VZW\nJAARPLAN 2026",
        "Jaarplan van de Eerstelijnszone (ELZ) Meetjesland",
    ],
)
def test_the_zone_name_is_read_from_a_zorgraad_or_an_all_caps_title(title):
    preview = _preview(f"{title}\n\nSD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\n")
    assert preview.zone_name == "ELZ Meetjesland"
    assert preview.named_zones == ["ELZ Meetjesland"]


def test_a_zone_named_mostly_by_its_initials_is_named_in_full():
    text = "Actieplan\n\nDe eerstelijnszone Noord-Limburg werkt samen.\n" + (
        "ELZ NL organiseert dit.\n" * 5
    )
    preview = _preview(text + "SD 1: Netwerk\nOD 1.1: Kennen\nActie 1.1.1: Overleg\n")
    assert preview.zone_name == "ELZ Noord-Limburg"


def test_a_new_zone_takes_its_name_from_an_all_caps_title(store, embedded_env, tmp_path):
    text = (
        "EERSTELIJNSZONE KEMP EN DUIN – JAARPLAN 2026\n\nStrategische doelstelling 1: Netwerk\n"
        "Operationele doelstelling 1.1: Kennen\nActie 1.1.1: Netwerkavond\nTrekker: CAW Kempen\n"
    )
    made = CliRunner().invoke(
        cli, ["import", "plan", str(_write(tmp_path, text)), "--zone", "kd", "--yes"]
    )
    assert made.exit_code == 0, made.output
    [row] = [z for z in store.read("zones") if z["id"] == "kd"]
    assert row["name"] == "ELZ Kemp en Duin"


V1 = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Samenwerking

Operationele doelstelling 1.1: Partners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: Huisartsenkring Hasselt
Met wie: Apothekersvereniging Hasselt, CAW Limburg

Operationele doelstelling 1.2: Kwetsbare ouderen
Actie 1.2.1: Screening
Trekker: OCMW Zonhoven
"""
V2 = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Samenwerking

Operationele doelstelling 1.1: Partners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: de zorgraad
Met wie: Apothekersvereniging Hasselt
"""


def test_a_new_version_lists_what_it_dropped_and_unlinks_what_a_plan_linked(store, tmp_path):
    plan.apply_plan(
        store, plan.preview_plan(store, _write(tmp_path, V1, "v1.txt"), None), "testzone"
    )
    # Staff link a partner in the register: that link is theirs, not the plan's.
    register.link_action(store, "testzone-ocmw-zonhoven", "testzone/1.1.1", "partner")
    preview = plan.preview_plan(store, _write(tmp_path, V2, "v2.txt"), "testzone")
    listed = {(d.kind, d.code, d.name, d.unlink) for d in preview.dropped}
    assert listed == {
        ("goal", "1.2", "Kwetsbare ouderen", False),
        ("action", "1.2.1", "Screening", False),
        ("lead", "1.1.1", "Huisartsenkring Hasselt", True),
        ("partner", "1.1.1", "CAW Limburg", True),
        ("partner", "1.1.1", "OCMW Zonhoven", False),
    }
    table = preview.to_table()
    assert "actie 1.1.1  trekker Huisartsenkring Hasselt  wordt ontkoppeld" in table
    assert "actie 1.2.1  Screening  (blijft staan)" in table
    assert any("niet (meer) noemt" in w for w in preview.warnings)

    written = plan.apply_plan(store, preview, "testzone")
    assert written["unlinked"] == 2
    links = _graph_links(store, "testzone")
    assert links["1.1.1"] == {
        "leads": {"ELZ Testzone"},
        "partners": {"Apothekersvereniging Hasselt", "OCMW Zonhoven"},
    }
    assert links["1.2.1"]["leads"] == {"OCMW Zonhoven"}  # the action stays, with its lead
    unlinked = audit.entries(store, zone="testzone", action="action.unlink")
    assert sorted(e["before_data"]["organisatie"] for e in unlinked) == [
        "testzone-caw-limburg",
        "testzone-huisartsenkring-hasselt",
    ]
    # Applying it again changes no link: the graph is in line with the text.
    again = plan.preview_plan(store, _write(tmp_path, V2, "v2.txt"), "testzone")
    assert not [d for d in again.dropped if d.unlink]
    assert plan.apply_plan(store, again, "testzone")["unlinked"] == 0


def test_unticking_on_a_new_version_lists_the_link_it_takes_away(store, tmp_path):
    plan.apply_plan(
        store, plan.preview_plan(store, _write(tmp_path, V1, "v1.txt"), None), "testzone"
    )
    preview = plan.preview_plan(store, _write(tmp_path, V1, "v1.txt"), "testzone")
    assert preview.dropped == []
    chosen = plan.without(preview, organisations=["CAW Limburg"])
    assert [(d.kind, d.name, d.unlink) for d in chosen.dropped] == [
        ("partner", "CAW Limburg", True)
    ]
    assert preview.dropped == []  # the preview as it was is untouched


NEXT_YEAR = """Jaaractieplan 2027 – ELZ Testzone

Strategische doelstelling 1: Samenwerking

Operationele doelstelling 1.1: Partners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: Huisartsenkring Hasselt
Met wie: Apothekersvereniging Hasselt, CAW Limburg

Operationele doelstelling 1.2: Kwetsbare ouderen
Actie 1.2.1: Valpreventie aan huis
Trekker: OCMW Zonhoven
"""


def test_an_action_of_a_known_code_under_another_title_is_said_to_take_the_plans(store, tmp_path):
    """The next year's plan numbers a new action as last year's was: applying gives action
    1.2.1 its title, which the preview says (the same title, worded alike, is no change)."""
    plan.apply_plan(
        store, plan.preview_plan(store, _write(tmp_path, V1, "v1.txt"), None), "testzone"
    )
    same = V1.replace("Actie 1.1.1: Netwerkavond", "Actie 1.1.1: netwerkavond.")
    assert plan.preview_plan(store, _write(tmp_path, same, "same.txt"), "testzone").dropped == []
    preview = plan.preview_plan(store, _write(tmp_path, NEXT_YEAR, "2027.txt"), "testzone")
    assert [(d.kind, d.code, d.name) for d in preview.dropped] == [("title", "1.2.1", "Screening")]
    assert "actie 1.2.1  titel «Screening»  (krijgt die van dit plan)" in preview.to_table()
    assert any("een andere actie die dezelfde code kreeg?" in w for w in preview.warnings)
    plan.apply_plan(store, preview, "testzone")
    titles = {r["code"]: r["title"] for r in store.read("plan_tree", zone="testzone")}
    assert titles["1.2.1"] == "Valpreventie aan huis"


LIST_V1 = """Jaaractieplan 2026 – ELZ Testzone
Strategische doelstelling 1: Samenwerking
Operationele doelstelling 1.1: Partners kennen elkaar
Acties
- Netwerkavond voor huisartsen
- Vorming rond dementie
"""


def test_actions_without_a_code_keep_theirs_when_one_is_added_above(store, tmp_path):
    plan.apply_plan(store, plan.preview_plan(store, _write(tmp_path, LIST_V1), None), "testzone")
    v2 = LIST_V1.replace("Acties\n", "Acties\n- Kick-off in het stadhuis\n")
    preview = plan.preview_plan(store, _write(tmp_path, v2), "testzone")
    assert {a.id_code: a.title for a in preview.actions} == {
        "1.1-c": "Kick-off in het stadhuis",
        "1.1-a": "Netwerkavond voor huisartsen",
        "1.1-b": "Vorming rond dementie",
    }
    assert preview.dropped == []
    plan.apply_plan(store, preview, "testzone")
    titles = {r["code"]: r["title"] for r in store.read("plan_tree", zone="testzone")}
    assert titles == {
        None: None,
        "1.1-a": "Netwerkavond voor huisartsen",
        "1.1-b": "Vorming rond dementie",
        "1.1-c": "Kick-off in het stadhuis",
    }


# -- 6. a text in which no plan is recognised -------------------------------------------------
NO_PLAN = """Verslag van de algemene vergadering van ELZ Testzone

Aanwezig: CAW Limburg, Samana, OCMW Hasselt.
De vergadering keurt de rekeningen goed.
"""


def test_nothing_is_written_when_no_goal_or_action_is_recognised(store, tmp_path):
    preview = plan.preview_plan(store, _write(tmp_path, NO_PLAN), "testzone")
    assert preview.warnings[0].startswith("geen doelstellingen of acties herkend; verwacht")
    with pytest.raises(ValidationError, match="'SD 1'.*'OD 1.1'.*'Actie 1.1.1'.*niets geschreven"):
        plan.apply_plan(store, preview, "testzone")
    assert _counts(store) == {}


def test_the_command_line_refuses_it_too_in_dutch(store, embedded_env, tmp_path):
    path = _write(tmp_path, NO_PLAN)
    result = CliRunner().invoke(cli, ["import", "plan", str(path), "--zone", "testzone", "--yes"])
    assert result.exit_code == 1
    assert "geen doelstellingen of acties herkend" in result.output
    assert "recognised" not in result.output
    assert store.read("stats_nodes") == []


def test_the_importers_messages_are_dutch(store, tmp_path):
    preview = _preview(SIMILAR_NAMES)
    with pytest.raises(ValidationError, match="geen organisatie, gemeente, doel of actiecode"):
        plan.skip(preview, ["Nergenshuis"])
    with pytest.raises(ValidationError, match="de preview is voor zone 'testzone', niet"):
        plan.apply_plan(store, preview, "maasland")
    with pytest.raises(ValidationError, match="geef de id van de zone"):
        plan.read_plan(_write(tmp_path, SIMILAR_NAMES), "Test Zone")
    untitled = _preview("SD 1: Doel\nOD 1.1: Sub\nActie 1.1.1:\nTrekker: Samana\n")
    assert "Actie 1.1.1: een actie zonder titel is weggelaten" in untitled.warnings


def test_importeren_shows_the_leads_that_are_written():
    from dashboard.pages import importeren

    preview = _preview(_plan_with_leads("zorgraad en OCMW Genk", "nog te bepalen"))
    page = importeren.plan_preview(preview)
    [grid] = [c for c in page.children if getattr(c, "id", None) == "importeren-plan-actions"]
    assert [r["lead"] for r in grid.rowData] == [
        "zorgraad, OCMW Genk",
        "nog geen («nog te bepalen»)",
    ]
