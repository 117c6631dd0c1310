"""The dashboard in a real browser (Debian chromium driven by dash[testing])."""

from __future__ import annotations

import shutil
import time

import pytest
import yaml
from conftest import ROOT, _free_port, screenshot, wait_until
from labels import BOXES, LABELS, illegible, overlapping

from dashboard.pages.netwerk import action_options
from graphmap.ingest import seed


def _cy(dash_duo, expression: str):
    # cytoscape.js registers its instance on the container element it renders into.
    script = f"const cy = document.querySelector('#netwerk-graph')._cyreg.cy; return {expression};"
    return dash_duo.driver.execute_script(script)


def _wait_cy(dash_duo, expression: str, expected, timeout: float = 15):
    deadline, value = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            value = _cy(dash_duo, expression)
        except Exception:  # not rendered yet
            value = None
        if value == expected:
            return
        time.sleep(0.2)
    raise AssertionError(f"{expression} is {value!r}, expected {expected!r}")


@pytest.fixture
def duo(dashboard):
    dashboard.wait_for_element("#netwerk-graph")
    return dashboard


MAASLAND_CLUSTERS = "cy.nodes('.cluster').filter(n => n.data('parent') === 'zone:maasland')"


def test_pick_maasland_and_see_its_four_clusters(duo):
    duo.wait_for_text_to_equal("#netwerk-zone-value", "ELZ Kemp en Duin")
    duo.select_dcc_dropdown("#netwerk-zone", value="ELZ Maasland")
    _wait_cy(
        duo,
        f"{MAASLAND_CLUSTERS}.map(n => n.data('cluster')).sort()",
        ["lokale_besturen", "pzon", "welzijn", "zorg"],
    )
    duo.find_element("body").click()  # close the dropdown
    screenshot(duo, "netwerk-two-zones")
    assert duo.get_logs() == []


def test_zone_from_link_and_click_on_an_organisation(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, f"{MAASLAND_CLUSTERS}.length", 4)
    _wait_cy(duo, "cy.$id('actor:maasland:pallion').length", 1)
    duo.wait_for_contains_text("#netwerk-summary", "4 clusters")
    _cy(duo, "cy.$id('actor:maasland:pallion').emit('tap') && null")
    duo.wait_for_text_to_equal("#netwerk-details-title", "Pallion (palliatief netwerk Limburg)")
    assert "buiten het netwerk" in duo.find_element("#netwerk-details").text
    screenshot(duo, "netwerk-maasland")
    link = duo.find_element("#netwerk-details a[href='/organisaties?org=pallion']")
    duo.driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", link)
    duo.wait_for_text_to_equal("#organisaties-title", "Pallion (palliatief netwerk Limburg)")
    assert duo.find_element("#organisaties-name").get_attribute("value").startswith("Pallion")
    assert duo.get_logs() == []


def test_ghost_node_for_a_missing_category_and_its_reason(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland")
    ghost = "ghost:maasland/welzijn:palliatief-netwerk"
    _wait_cy(duo, f"cy.$id('{ghost}').length", 1)
    assert _cy(duo, f"cy.$id('{ghost}').data('parent')") == "cluster:maasland/welzijn"
    assert _cy(duo, f"cy.$id('{ghost}').hasClass('ghost-target')")
    _cy(duo, f"cy.$id('{ghost}').emit('tap') && null")
    duo.wait_for_contains_text("#netwerk-details", "OD 1.2")
    duo.wait_for_contains_text("#netwerk-summary", "ontbrekende verwachte partners")
    assert " 0 ontbrekende" not in duo.find_element("#netwerk-summary").text
    screenshot(duo, "netwerk-ghost")
    assert duo.get_logs() == []


def test_an_action_shows_its_working_group_and_search_finds(duo, seeded):
    from graphmap.analysis import network

    net = network.load(seeded, ["maasland"], ["maasland"], total_zones=4)
    action = next(a for a in net.actions if sum(not link["own"] for link in a["links"]) >= 2)
    [label] = [o["label"] for o in action_options(net) if o["value"] == action["action"]]
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.nodes('.ghost').length > 0", True)
    assert _cy(duo, "cy.nodes('.action').length") == 0  # actions on demand only
    duo.select_dcc_dropdown("#netwerk-action", value=label)
    node = f"action:{action['action']}"
    _wait_cy(duo, f"cy.$id('{node}').length", 1)
    working = sorted(link["organisation"] for link in action["links"] if not link["own"])
    assert sorted(_cy(duo, f"cy.$id('{node}').connectedEdges().sources().map(n => "
                           "n.data('organisation'))")) == working  # fmt: skip
    assert _cy(duo, "cy.nodes('.faded').length") > 0
    screenshot(duo, "netwerk-maasland-action")
    duo.find_element("#netwerk-back").click()
    _wait_cy(duo, "cy.nodes('.action').length", 0)
    duo.find_element("#netwerk-search").send_keys("noolim\n")
    duo.wait_for_text_to_equal("#netwerk-search-result", "1 gevonden")
    _wait_cy(duo, "cy.$id('actor:maasland:noolim').hasClass('highlight')", True)
    duo.find_element("#netwerk-search").send_keys("x\n")
    duo.wait_for_text_to_equal("#netwerk-search-result", "niets gevonden")
    assert duo.get_logs() == []


def test_focus_link_selects_a_node(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland&focus=actor:maasland:pallion")
    _wait_cy(duo, "cy.$id('actor:maasland:pallion').selected()", True)


def test_the_png_export_is_the_whole_graph_sharp_on_white(duo):
    """A picture for a report: every node, larger than the canvas shows it, no transparency."""
    from pathlib import Path

    from PIL import Image

    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.nodes('.cluster').length > 0", True)
    # Zoomed in on a corner: the export is still the whole graph.
    duo.driver.execute_script(
        "const cy = document.querySelector('#netwerk-graph')._cyreg.cy; cy.zoom(2.5);"
    )
    width, height = _cy(duo, "[cy.width(), cy.height()]")
    model = _cy(duo, "[cy.elements().boundingBox().w, cy.elements().boundingBox().h]")
    duo.find_element("#netwerk-png").click()
    path = Path(duo.download_path) / "graphmap-netwerk.png"
    deadline = time.monotonic() + 15
    while not (path.exists() and path.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.2)
    with Image.open(path) as image:
        size, corner = image.size, image.convert("RGBA").getpixel((0, 0))
    assert size[0] >= 1.9 * model[0] and size[1] >= 1.9 * model[1]  # all of it, at scale 2
    assert size[0] > width or size[1] > height
    assert corner == (255, 255, 255, 255)


def test_clearing_the_zones_leaves_an_empty_canvas_that_says_what_to_do(duo):
    _wait_cy(duo, "cy.nodes('.cluster').length", 4)
    duo.find_element("#netwerk-zone .dash-dropdown-clear").click()
    duo.wait_for_text_to_equal("#netwerk-empty", "Kies een zone om het netwerk te zien.")
    _wait_cy(duo, "cy.elements().length", 0)
    assert duo.find_element("#netwerk-summary").text == "Kies een zone om het netwerk te zien."
    screenshot(duo, "netwerk-no-zone")
    assert duo.get_logs() == []


def test_one_ghost_per_missing_category_the_plans_target_first(duo):
    # Kemp en Duin OD 2.1 and the reference frame both expect a Gemeentebestuur.
    duo.driver.get(duo.server_url + "/?zone=kemp-en-duin")
    ghost = "ghost:kemp-en-duin/lokale_besturen:gemeente"
    _wait_cy(duo, f"cy.$id('{ghost}').length", 1)
    assert _cy(duo, f"cy.$id('{ghost}').hasClass('ghost-target')")
    cluster = "cy.$id('cluster:kemp-en-duin/lokale_besturen')"
    drawn = _cy(duo, f"{cluster}.children('.ghost').length")
    assert _cy(duo, f"{cluster}.data('label')").endswith(f"· {drawn} ontbreken")
    ghosts = _cy(duo, "cy.nodes('.ghost').length")
    assert f"{ghosts} ontbrekende verwachte partners" in duo.find_element("#netwerk-summary").text
    _cy(duo, f"cy.$id('{ghost}').emit('tap') && null")
    duo.wait_for_contains_text("#netwerk-details", "OD 2.1")
    assert "Ook in het referentiekader" in duo.find_element("#netwerk-details").text
    assert duo.get_logs() == []


def test_unticking_ontbreekt_hides_the_missing_partners(duo):
    _wait_cy(duo, "cy.nodes('.ghost').length > 0", True)
    duo.find_element("#netwerk-filters-toggle").click()  # folded, to leave the graph room
    box = duo.wait_for_element("#netwerk-status input[value='missing']")
    duo.driver.execute_script("arguments[0].click();", box)
    _wait_cy(duo, "cy.nodes('.ghost').length", 0)
    duo.wait_for_contains_text("#netwerk-summary", "ontbrekende partners verborgen")
    assert duo.get_logs() == []


def test_a_tap_that_only_shows_details_does_not_ask_for_a_drawing(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.$id('actor:maasland:pallion').length", 1)
    duo.driver.execute_script(
        "window.posted = []; const f = window.fetch;"
        "window.fetch = function(url, options) {"
        "  if (String(url).includes('_dash-update-component')) {"
        "    window.posted.push(JSON.parse(options.body).output); }"
        "  return f.apply(this, arguments); };"
    )
    _cy(duo, "cy.$id('actor:maasland:pallion').emit('tap') && null")
    duo.wait_for_text_to_equal("#netwerk-details-title", "Pallion (palliatief netwerk Limburg)")
    time.sleep(1)  # what the details panel sets off has been posted by now
    posted = duo.driver.execute_script("return window.posted")
    assert "netwerk-details.children" in posted
    assert not [p for p in posted if "netwerk-graph.elements" in p]
    # A button of the panel still draws: the organisation's working groups.
    button = duo.find_element("#netwerk-details button.btn-outline-primary")
    duo.driver.execute_script("arguments[0].click();", button)
    _wait_cy(duo, "cy.nodes('.focus').map(n => n.data('organisation'))", ["pallion"])
    assert duo.get_logs() == []


def test_an_agency_on_an_action_is_not_outside_the_network(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.$id('outside:maasland').length", 1)
    assert _cy(duo, "cy.$id('outside:maasland').data('count')") == 5  # as Hiaten says
    _wait_cy(duo, "cy.$id('actor:maasland:opgroeien').data('kind')", "agency")
    _cy(duo, "cy.$id('actor:maasland:opgroeien').emit('tap') && null")
    duo.wait_for_text_to_equal("#netwerk-details-title", "Opgroeien")
    text = duo.find_element("#netwerk-details").text
    assert "geen kandidaat" in text and "een kandidaat om uit te nodigen" not in text
    duo.wait_for_contains_text("#netwerk-summary", "5 buiten het netwerk")
    assert duo.get_logs() == []


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_labels_of_every_seeded_zone_are_legible_when_it_fits_the_window(duo, size):
    width, height = size
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    for zone in ("kemp-en-duin", "maasland", "noord-limburg", "kempenland"):
        duo.driver.get(f"{duo.server_url}/?zone={zone}")
        _wait_cy(duo, "document.querySelector('#netwerk-graph').hasAttribute('data-drawn')", True)
        labels = duo.driver.execute_script(LABELS)
        assert len(labels) > 20 and illegible(labels) == [], zone
        assert overlapping(duo.driver.execute_script(BOXES)) == [], zone
    screenshot(duo, f"netwerk-labels-{width}")


# A new zone as a coordinator sets one up: one partner in each of many categories, whose
# Dutch names are long (two in one), and two expected partners missing (the plan's targets).
NEW_ZONE_MEMBERS = {
    "zorg": {"huisartsenkring": "member", "thuisverpleging": "involved",
             "kinesitherapeutenkring": "contacted"},
    "welzijn": {"caw": "member", "gezinszorg": "involved", "lokaal-dienstencentrum": "member",
                "woonzorgcentrum": "member", "ziekenfonds": "contacted"},
    "pzon": {"mantelzorgvereniging": "involved", "ouderenvereniging": "contacted",
             "patientenvereniging": "involved"},
    "lokale_besturen": {"gemeente": "member", "gemeente-2": "member", "ocmw": "member"},
}  # fmt: skip


def _new_zone() -> dict:
    organisations, memberships = [], []
    for cluster, members in NEW_ZONE_MEMBERS.items():
        for key, status in members.items():
            category = key.removesuffix("-2")
            name = f"{key.replace('-', ' ').title()} Leie en Schelde"
            organisations.append(
                {"id": f"nieuw-{key}", "name": name, "category": category, "source": "1"}
            )
            memberships.append({"organisation": f"nieuw-{key}", "cluster": cluster,
                                "status": status, "source": "1"})  # fmt: skip
    outsiders = [{"id": f"nieuw-partner-{i}", "name": f"Partner {i}", "category": "overig",
                  "source": "1"} for i in range(3)]  # fmt: skip
    return {
        "zone": {"id": "nieuw", "name": "ELZ Leie en Schelde",
                 "plan": {"document": "plan.txt", "title": "Zorgplan"}},
        "municipalities": [{"name": "Deinze", "source": "1"}, {"name": "Zulte", "source": "1"}],
        "organisations": organisations + outsiders,
        "memberships": memberships,
        "targets": [{"cluster": "welzijn", "category": category, "reason": "OD 1.1", "source": "1"}
                    for category in ("jeugdhulp", "vaph-voorziening")],
        "goals": [{"number": "1", "level": "strategic", "title": "Samen", "source": "1"},
                  {"number": "1.1", "level": "operational", "parent": "1", "title": "Samen",
                   "source": "1"}],
        "actions": [{"code": "1", "goal": "1.1", "title": "Overleg", "lead": "nieuw-caw",
                     "partners": [{"organisation": o["id"]} for o in outsiders], "source": "1"}],
    }  # fmt: skip


@pytest.fixture
def new_zone(dash_duo, store, tmp_path):
    from dashboard.app import create_app

    folder = tmp_path / "seed"
    shutil.copytree(ROOT / "seed" / "reference", folder / "reference")
    (folder / "zones").mkdir()
    (folder / "zones" / "nieuw.yaml").write_text(yaml.safe_dump(_new_zone()))
    seed.load(store, folder, demo=False)
    dash_duo.start_server(create_app(store, demo=True), port=_free_port())
    return dash_duo


def test_labels_of_a_new_zone_with_one_partner_per_category_keep_apart(new_zone):
    duo = new_zone
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )
    duo.driver.get(f"{duo.server_url}/?zone=nieuw")
    _wait_cy(duo, "document.querySelector('#netwerk-graph').hasAttribute('data-drawn')", True)
    boxes = duo.driver.execute_script(BOXES)
    # A small zone: each category is a box around its organisations, as is the contacted
    # category still missing and the group outside the network.
    opened = [b for b in boxes if b["open"] and not b["id"].startswith("cluster:")]
    assert len(boxes) > 30 and len(opened) == 14
    screenshot(duo, "netwerk-new-zone-1400")
    assert overlapping(boxes) == []
    assert [b["label"] for b in boxes if not b["inside"]] == []
    assert illegible(duo.driver.execute_script(LABELS)) == []
    assert duo.get_logs() == []


def _laptop(duo):
    """The window of a 1366 × 768 laptop: 1366 × 625 CSS pixels below the browser's bars."""
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1366, "height": 625, "deviceScaleFactor": 1, "mobile": False},
    )


CANVAS = (
    "const g = document.getElementById('netwerk-graph').getBoundingClientRect();"
    "return [g.top, g.bottom, window.innerHeight];"
)


def test_on_a_laptop_the_graph_takes_the_room_and_the_legend_keeps_its_labels_whole(duo):
    _laptop(duo)
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.nodes('.cluster').length > 0", True)
    wait_until(lambda: duo.find_element("#netwerk-graph").get_attribute("data-drawn"))
    top, bottom, height = duo.driver.execute_script(CANVAS)
    assert bottom <= height + 1 and bottom - top >= 0.55 * height, (top, bottom, height)
    # Every legend entry on one line ("ontbrekende partner" is not cut in two).
    lines = duo.driver.execute_script(
        "return [...document.querySelectorAll('#netwerk-legend > span')]"
        ".map(e => [e.textContent, e.getClientRects().length, e.getBoundingClientRect().height]);"
    )
    assert all(rects == 1 and high < 26 for _, rects, high in lines), lines
    # The filters unfold above the graph, which then still ends in the window.
    duo.find_element("#netwerk-filters-toggle").click()
    duo.wait_for_element("#netwerk-status input[value='missing']")
    wait_until(lambda: duo.driver.execute_script(CANVAS)[0] > top + 40)
    wait_until(lambda: duo.driver.execute_script(CANVAS)[1] <= height + 1)
    screenshot(duo, "netwerk-laptop")
    assert duo.get_logs() == []
