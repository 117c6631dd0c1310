"""A name as the register orders and searches it (`Organisation.folded`): case, accents and
the kind of apostrophe aside, in every writer and after a restore of an older graph."""

from __future__ import annotations

import json

from graphmap import backup, engagement, register
from graphmap.analysis import directory, network
from graphmap.ingest import spreadsheet
from graphmap.ingest.columns import ORGANISATIONS
from graphmap.names import folded

NAMES = ("Zorgpunt Maaseik", "Éclat", "’t Kapelleke", "de Linde", "Crèche Zonneschijn", "Apotheek")


def test_folded_names():
    assert folded("Éclat") == "eclat"
    assert folded("’t Kapelleke") == "t kapelleke"
    assert folded("Dienstencentrum ‘t Kapelleke") == "dienstencentrum 't kapelleke"
    assert folded("  (Thuis)zorg") == "thuis)zorg"
    assert folded("Straße") == "strasse"
    assert folded("Центр") == "центр"  # a script ASCII cannot spell keeps its letters


def _add(store, names=NAMES, municipality="Maaseik"):
    for name in names:
        register.save_organisation(
            store, {"name": name, "category": "huisartsenkring", "municipality": municipality}, None
        )


def _names(page):
    return [row["name"] for row in page.rows]


def test_the_register_orders_accents_and_apostrophes_among_their_letters(seeded):
    _add(seeded)
    everyone = _names(directory.page(seeded, "", 0, 1000))
    assert [name for name in everyone if name in NAMES] == [
        "Apotheek",
        "Crèche Zonneschijn",
        "de Linde",
        "Éclat",
        "’t Kapelleke",
        "Zorgpunt Maaseik",
    ]


def test_a_search_finds_a_name_without_its_accents_or_apostrophe(seeded):
    _add(seeded)
    for text, found in (
        ("eclat", "Éclat"),
        ("ÉCLAT", "Éclat"),
        ("creche", "Crèche Zonneschijn"),
        ("crèche", "Crèche Zonneschijn"),
        ("'t kapelleke", "’t Kapelleke"),
        ("’t kapelleke", "’t Kapelleke"),
    ):
        for zone in (None, "maasland"):
            assert _names(directory.page(seeded, text, 0, 10, zone=zone)) == [found], (text, zone)


def test_the_network_search_finds_a_name_without_its_accents(seeded):
    _add(seeded, ["Crèche Zonneschijn"])
    [made] = directory.page(seeded, "zonneschijn", 0, 10).rows
    engagement.set_status(seeded, made["id"], "maasland", "zorg", "involved", actor="test")
    found = network.search(seeded, ["maasland"], "Creche")
    assert [row["organisation"] for row in found] == [made["id"]]


def test_an_import_writes_the_folded_name(seeded, tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text("naam;gemeente;categorie\nÉénhuis Maaseik;Maaseik;huisartsenkring\n")
    report = spreadsheet.plan_import(seeded, path, ORGANISATIONS, zone="maasland")
    spreadsheet.apply_import(seeded, report, actor="test")
    assert _names(directory.page(seeded, "eenhuis", 0, 10)) == ["Éénhuis Maaseik"]


def test_a_graph_without_folded_names_gets_them(seeded):
    store = seeded
    _add(store, ["Éclat", "Apotheek"])
    # A backup of a graphmap before `folded`: today's without it.
    lines = [json.loads(line) for line in backup.dump(store)]
    for line in lines:
        line.get("properties", {}).pop("folded", None)
    older = [json.dumps(line) for line in lines]
    store.reset()
    backup.restore(store, older)
    assert _names(directory.page(store, "eclat", 0, 10)) == ["Éclat"]
    # And a graph written without them (by hand, or by an older graphmap) gets them at start.
    everyone = directory.page(store, "", 0, 1000).rows
    store.write("organisations_fold", rows=[{"id": o["id"], "folded": None} for o in everyone])
    assert directory.page(store, "eclat", 0, 10).rows == []
    store.fold_names()
    assert directory.page(store, "", 0, 1000).rows == everyone


def test_the_search_over_zones_drawn_as_boxes_finds_what_an_open_zone_finds(seeded):
    """Netwerk among several zones searches them before opening one: an organisation on the
    zone's actions outside its clusters (the partner to invite) is found there as it is in
    the open zone, not "niets gevonden"; an agency on its actions is found in neither."""
    from dashboard.elements import View, network_elements

    net = network.load(seeded, ["maasland"], ["maasland"], total_zones=4)
    drawn = network_elements(net, View())
    outside = [e["data"] for e in drawn.elements if e["data"].get("kind") == "outside"]
    agencies = [e["data"] for e in drawn.elements if e["data"].get("kind") == "agency"]
    if not outside or not agencies:  # the groups start closed: open them
        groups = frozenset(
            e["data"]["id"]
            for e in drawn.elements
            if e["data"].get("kind") in ("outside-group", "agency-group")
        )
        drawn = network_elements(net, View(toggled=groups))
        outside = [e["data"] for e in drawn.elements if e["data"].get("kind") == "outside"]
        agencies = [e["data"] for e in drawn.elements if e["data"].get("kind") == "agency"]
    assert outside and agencies
    for org in outside:
        opened = network_elements(net, View(search=org["label"]))
        assert opened.found, org["label"]
        found = network.search(seeded, ["maasland", "kempenland"], org["label"])
        assert {"zone": "maasland", "organisation": org["organisation"]} in found, org["label"]
    for org in agencies:
        found = network.search(seeded, ["maasland"], org["label"])
        assert org["organisation"] not in {row["organisation"] for row in found}, org["label"]
