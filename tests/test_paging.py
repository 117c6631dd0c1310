"""Long grids paged on the server: a getRowsRequest applied to rows (pure), and the
register's pages and search on the seeded store."""

from __future__ import annotations

import threading
import time

from conftest import wait_until

from dashboard import paging
from graphmap import access, engagement, register
from graphmap.analysis import directory
from graphmap.names import folded

ROWS = [
    {"id": "1", "name": "CAW Limburg", "zone": "maasland", "status": "ontbreekt"},
    {"id": "2", "name": "Pallion", "zone": "maasland", "status": "in behandeling"},
    {"id": "3", "name": "Wit-Gele Kruis", "zone": "kempenland", "status": "ontbreekt"},
    {"id": "4", "name": "Opgroeien", "zone": "kempenland", "status": None},
]


def _request(start=0, end=100, sort=None, filters=None):
    return {"startRow": start, "endRow": end, "sortModel": sort or [], "filterModel": filters}


def test_a_block_after_the_grids_filters_and_sort():
    block, found = paging.select(ROWS, _request(1, 3, [{"colId": "name", "sort": "desc"}]))
    assert [r["id"] for r in block] == ["2", "4"] and found == 4
    contains = {"name": {"filterType": "text", "type": "contains", "filter": "LI"}}
    assert [r["id"] for r in paging.select(ROWS, _request(filters=contains))[0]] == ["1", "2"]
    either = {
        "zone": {
            "filterType": "text",
            "operator": "OR",
            "conditions": [
                {"type": "equals", "filter": "kempenland"},
                {"type": "startsWith", "filter": "maa"},
            ],
        },
        "status": {"filterType": "text", "type": "notBlank"},
    }
    block, found = paging.select(ROWS, _request(filters=either))
    assert [r["id"] for r in block] == ["1", "2", "3"] and found == 3


def test_the_pages_view_is_not_a_filter_on_the_rows():
    model = paging.view_model({"name": {"type": "contains", "filter": "pal"}}, "maasland|0")
    assert model[paging.VIEW]["filter"] == "maasland|0" and "name" in model
    block, found = paging.select(ROWS, _request(filters=model))
    assert [r["id"] for r in block] == ["2"] and found == 1


def test_search_words():
    assert directory.words("  Pallion  0403.170 ") == [
        {"text": "pallion", "digits": ""},
        {"text": "0403.170", "digits": "0403170"},
    ]


def test_register_pages_in_name_order_and_search(seeded):
    register.save_organisation(
        seeded, {"name": "de Vonk", "category": "huisartsenkring", "municipality": "Maaseik"}, None
    )
    # Case aside: "de Vonk" is among the D's, not after the Z's.
    everyone = sorted(register.organisations(seeded), key=lambda o: (folded(o["name"]), o["id"]))
    assert everyone[-1]["name"] != "de Vonk"
    whole = directory.page(seeded, "", 0, len(everyone))
    assert [o["id"] for o in whole.rows] == [o["id"] for o in everyone]
    for zone, text in (("maasland", ""), ("maasland", "e"), (None, "e")):
        names = [folded(o["name"]) for o in directory.page(seeded, text, 0, 500, zone=zone).rows]
        assert "de vonk" in names and names == sorted(names), (zone, text)
    first = directory.page(seeded, "", 0, 10)
    assert first.total == len(everyone) > 20
    second = directory.page(seeded, "", 10, 10)
    assert [o["name"] for o in first.rows + second.rows] == [o["name"] for o in everyone[:20]]
    assert first.rows[0].keys() >= {"category_name", "municipality", "clusters", "actions"}
    found = directory.page(seeded, "PALLION", 0, 10)
    assert [o["id"] for o in found.rows] == ["pallion"] and found.total == 1
    saved = register.save_organisation(
        seeded,
        {
            "name": "Huisartsenkring De Brug",
            "category": "huisartsenkring",
            "municipality": "Borgloon",
            "kbo": "0403.170.701",
            "website": "",
        },
        None,
    )
    assert [o["id"] for o in directory.page(seeded, "0403.170", 0, 10).rows] == [saved]
    assert directory.page(seeded, "pallion niets-dat-bestaat", 0, 10).total == 0


def test_register_search_finds_by_category_and_municipality(seeded):
    """As the register's quick filter did before it was paged: every word is found in the
    name, the category or the municipality of an organisation (or its KBO number)."""
    for name, category, place in (
        ("Zorgpunt De Linde", "thuisverpleging", "Borgloon"),
        ("De Linde", "huisartsenkring", "Borgloon"),
        ("Zorgpunt Noord", "thuisverpleging", "Tongeren-Borgloon"),
    ):
        register.save_organisation(
            seeded,
            {"name": name, "category": category, "municipality": place, "kbo": "", "website": ""},
            None,
        )
    everyone = register.organisations(seeded)

    def expected(text):
        def holds(o, word):
            values = (o["name"], o["category_name"] or "", o["municipality"] or "")
            return any(word in v.casefold() for v in values)

        found = [o for o in everyone if all(holds(o, w) for w in text.casefold().split())]
        return sorted(o["id"] for o in found)

    for text in ("ziekenhuis", "borgloon", "thuisverpleging borgloon", "steunpunt limburg"):
        found = directory.page(seeded, text, 0, 100)
        assert sorted(o["id"] for o in found.rows) == expected(text) != []
        assert found.total == len(expected(text))
    # A name the category does not repeat is found by its category.
    assert "OPZC Rekem" in {o["name"] for o in directory.page(seeded, "ziekenhuis", 0, 100).rows}
    # Paged like any search: two halves make the whole, in name order.
    whole = directory.page(seeded, "ziekenhuis", 0, 100).rows
    halves = (
        directory.page(seeded, "ziekenhuis", 0, 3).rows
        + directory.page(seeded, "ziekenhuis", 3, 100).rows
    )
    assert [o["id"] for o in halves] == [o["id"] for o in whole]
    assert [o["name"] for o in whole] == sorted(o["name"] for o in whole)


def test_a_zones_register_holds_its_clusters_actions_and_municipalities(seeded):
    """A zone's register: the organisations in its clusters, on its actions or seated in its
    municipalities, in name order, searchable as the whole register is."""
    engagement.set_status(seeded, "caw-limburg", "maasland", "welzijn", "contacted", actor="t")
    everyone = register.organisations(seeded)
    belongs = access.organisation_zones(seeded, [o["id"] for o in everyone])
    places = {m["name"] for m in seeded.read("bench_zone_municipalities", zone="maasland")}
    expected = sorted(
        (o for o in everyone if "maasland" in belongs[o["id"]] or o["municipality"] in places),
        key=lambda o: (o["name"], o["id"]),
    )
    assert "caw-limburg" in {o["id"] for o in expected}
    assert 0 < len(expected) < len(everyone)
    first = directory.page(seeded, "", 0, 5, zone="maasland")
    rest = directory.page(seeded, "", 5, 100, zone="maasland")
    assert first.total == len(expected)
    assert [o["id"] for o in first.rows + rest.rows] == [o["id"] for o in expected]
    # A search within the zone finds what the whole register's search finds there.
    for text in ("pallion", "ziekenhuis", "tongeren"):
        whole = {o["id"] for o in directory.page(seeded, text, 0, 100).rows}
        found = directory.page(seeded, text, 0, 100, zone="maasland")
        assert {o["id"] for o in found.rows} == whole & {o["id"] for o in expected}
        assert found.total == len(found.rows)
    assert directory.page(seeded, "", 0, 10, zone="geen-zone") == directory.Page([], 0)


def test_a_view_asked_for_twice_at_once_is_computed_once(seeded):
    """A grid asks for its first block twice as it opens: the second request waits for the
    first's rows instead of computing them beside it (the gaps of all zones, after a write)."""
    kept = paging.Kept()
    computed, asked = [], threading.Event()
    release = threading.Event()

    def compute():
        computed.append(threading.current_thread().name)
        release.wait(5)
        return ["rij"]

    found = []

    def ask():
        asked.set()
        found.append(kept.get(seeded, ("maasland", None), compute))

    first = threading.Thread(target=ask, name="first")
    first.start()
    wait_until(lambda: computed)
    asked.clear()
    second = threading.Thread(target=ask, name="second")
    second.start()
    asked.wait(5)
    time.sleep(0.3)  # the second request is under way before the first one's rows are in
    release.set()
    first.join(5)
    second.join(5)
    assert computed == ["first"]
    assert found == [["rij"], ["rij"]]
    # A write makes the view stale: the next request computes it again.
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="an")
    assert kept.get(seeded, ("maasland", None), compute) == ["rij"]
    assert computed == ["first", "MainThread"]
    assert kept._computing == {}  # no lock left behind per view a long-running server saw
