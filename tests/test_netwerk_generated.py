"""Netwerk on a generated zone of realistic size (≈ 500 organisations, 50 actions), in a real
browser: the overview is small and shows every gap, a category opens, an action shows its
working group, the broker panel agrees with networkx, and every page passes axe-core.

The zone is generated and loaded once for the module (about ten seconds). The time a
category and an action take to answer is measured and written to
bench/results/netwerk_latency.json; the tests assert only what is drawn."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import networkx as nx
import pytest
import yaml
from accessibility import report, violations, wait_settled
from conftest import ROOT, dashboard_in_browser, screenshot, wait_until
from labels import BOXES, LABELS, illegible, overlapping
from selenium.webdriver.common.by import By

from dashboard.app import PAGES
from dashboard.elements import category_node_id, ghost_node_id
from dashboard.pages.netwerk import action_options
from graphmap.analysis import brokers, gaps, network
from graphmap.generate import Shape, generate
from graphmap.ingest import seed

ZONE = "synth-01"
LATENCY = ROOT / "bench" / "results" / "netwerk_latency.json"
CY = "document.querySelector('#netwerk-graph')._cyreg.cy"
CY_JS = f"const cy = {CY};"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "zone"
    generate(path, Shape(zones=1))
    return path


@pytest.fixture(scope="module")
def zone(session_store, folder):
    """The generated zone in the session's store (this module's tests only read it)."""
    session_store.reset()
    seed.load(session_store, folder)
    return session_store


@pytest.fixture(scope="module")
def browser(zone, tmp_path_factory):
    with dashboard_in_browser(zone, tmp_path_factory.mktemp("downloads")) as duo:
        yield duo


@pytest.fixture(scope="module")
def latency():
    figures: dict[str, list[float]] = {}
    yield figures
    LATENCY.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        name: {"median_ms": round(statistics.median(xs) * 1000), "runs_ms": [
            round(x * 1000) for x in xs]}
        for name, xs in figures.items()
    }  # fmt: skip
    LATENCY.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\nNetwerk latency on a generated zone: {summary}")


def _cy(duo, expression: str):
    return duo.driver.execute_script(f"const cy = {CY}; return {expression};")


def _overview(duo) -> None:
    duo.driver.get(f"{duo.server_url}/?zone={ZONE}")
    wait_until(lambda: _cy(duo, "cy.nodes('.category').length") > 20, timeout=30)
    wait_until(lambda: duo.driver.execute_script(
        "return document.querySelector('#netwerk-graph').hasAttribute('data-drawn')"))  # fmt: skip
    wait_settled(duo.driver)


# Measured in the page, so that selenium's own round trips do not count: from the event to
# the first frame in which Cytoscape holds the answer.
TIMED = (
    CY_JS
    + """
const target = arguments[0];
const act = function(cy, target) { __ACT__ };
const done = function(cy) { return __DONE__; };
window.netwerkTimed = null;
const started = performance.now();
const check = function() {
    if (done(cy)) {
        window.netwerkTimed = performance.now() - started;
    } else if (performance.now() - started < 15000) {
        requestAnimationFrame(check);
    }
};
act(cy, target);
requestAnimationFrame(check);
"""
)


def _timed(duo, act: str, done: str, target=None) -> float:
    """Seconds from running `act` in the page until `done` holds there. Both become part of
    the script selenium runs: the page's Content-Security-Policy allows no `new Function`."""
    script = TIMED.replace("__ACT__", act).replace("__DONE__", done)
    duo.driver.execute_script(script, target)
    wait_until(lambda: duo.driver.execute_script("return window.netwerkTimed") is not None)
    return duo.driver.execute_script("return window.netwerkTimed") / 1000


# The label of a node is drawn when its font, at the current zoom, is at least Cytoscape's
# min-zoomed-font-size; the node with its label lies inside the canvas.
SHOWN = (
    CY_JS
    + """
const box = cy.container().getBoundingClientRect();
return cy.nodes(arguments[0]).map(n => {
    const bb = n.renderedBoundingBox({includeLabels: true});
    return {
        id: n.id(),
        label: n.style('label'),
        font: parseFloat(n.style('font-size')) * cy.zoom(),
        least: parseFloat(n.style('min-zoomed-font-size')),
        inside: bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= cy.width() && bb.y2 <= cy.height(),
        opaque: n.visible() && n.effectiveOpacity() > 0.9,
        canvas_in_window: box.bottom <= window.innerHeight && box.right <= window.innerWidth,
    };
});
"""
)


def test_overview_is_small_and_shows_every_missing_partner(browser, zone):
    _overview(browser)
    count, size = _cy(browser, "[cy.elements().length, JSON.stringify(cy.json().elements).length]")
    assert count < 300
    missing = gaps.gaps(zone, zone=ZONE, kinds=("category", "target"))
    assert missing, "the generated zone lacks expected categories"
    shown = {n["id"]: n for n in browser.driver.execute_script(SHOWN, ".ghost")}
    assert set(shown) == {ghost_node_id(g.zone, g.cluster, g.subject) for g in missing}
    for node in shown.values():
        assert node["label"].strip() and node["font"] >= node["least"], node
        assert node["inside"] and node["opaque"] and node["canvas_in_window"], node
    screenshot(browser, "netwerk-generated-overview")
    print(f"\noverview: {count} elements, {size} bytes of element JSON")
    assert browser.get_logs() == []


def _biggest_category(zone) -> tuple[str, int]:
    rows = network.zone_network(zone, [ZONE])
    missing = {(g.cluster, g.subject) for g in gaps.gaps(zone, zone=ZONE, kinds=("category",
               "target"))}  # fmt: skip
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        if (row["cluster"], row["category"]) not in missing:
            key = (row["cluster"], row["category"])
            counts[key] = counts.get(key, 0) + 1
    (cluster, category), count = max(counts.items(), key=lambda kv: kv[1])
    return category_node_id(ZONE, cluster, category), count


def test_a_category_opens_into_its_organisations_and_closes(browser, zone, latency):
    node, count = _biggest_category(zone)
    _overview(browser)
    for run in range(3):
        if run:  # close it again (a second tap) to time the next opening
            _cy(browser, f"cy.$id('{node}').emit('tap') && null")
            wait_until(lambda: _cy(browser, f"cy.$id('{node}').children().length") == 0)
            wait_settled(browser.driver)
        latency.setdefault("open_category", []).append(
            _timed(
                browser,
                f"cy.$id('{node}').emit('tap');",
                f"cy.$id('{node}').children().length === {count}",
            )
        )
    browser.wait_for_contains_text("#netwerk-details", "Klik nog eens")
    wait_settled(browser.driver)
    screenshot(browser, "netwerk-generated-category")
    assert browser.get_logs() == []


def _action_with_outsiders(zone) -> dict:
    members = {r["organisation"] for r in network.zone_network(zone, [ZONE])}
    for row in network.action_links(zone, [ZONE]):
        outside = [
            link
            for link in row["links"]
            if not link["own"]
            and link["organisation"] not in members
            and link["category"] not in ("agentschap", "eerstelijnszone")
        ]
        if outside and len(row["links"]) >= 4:
            return {**row, "outside": outside}
    raise AssertionError("no action with an organisation outside the clusters")


def test_an_action_shows_its_working_group_with_outsiders_to_invite(browser, zone, latency):
    action = _action_with_outsiders(zone)
    net = network.load(zone, [ZONE], [ZONE], total_zones=1)
    [label] = [o["label"] for o in action_options(net) if o["value"] == action["action"]]
    node = f"action:{action['action']}"
    _overview(browser)
    for run in range(3):
        if run:  # back to the overview to time the next choice
            browser.find_element("#netwerk-back").click()
            wait_until(lambda: _cy(browser, f"cy.$id('{node}').length") == 0)
            wait_settled(browser.driver)
        browser.find_element("#netwerk-action").click()
        [option] = [
            o
            for o in browser.driver.find_elements(
                By.CSS_SELECTOR, ".dash-dropdown-options .dash-dropdown-option"
            )
            if o.text == label
        ]
        latency.setdefault("select_action", []).append(
            _timed(browser, "target.click();", f"cy.$id('{node}').length === 1", option)
        )
    working = {link["organisation"] for link in action["links"] if not link["own"]}
    edges = _cy(browser, f"cy.$id('{node}').connectedEdges().map(e => e.source().data())")
    assert {e["organisation"] for e in edges} == working
    for link in action["outside"]:
        assert _cy(browser, f"cy.$id('actor:{ZONE}:{link['organisation']}').hasClass('invite')")
    assert _cy(browser, "cy.nodes('.category.faded').length") > 10
    wait_settled(browser.driver)
    screenshot(browser, "netwerk-generated-action")
    assert browser.get_logs() == []


def _brokers_from_the_plan(folder: Path) -> list[str]:
    """The zone's organisation–action graph read from the generated files, ranked with
    networkx: most between, then most actions, then by name."""
    plan = yaml.safe_load((folder / "zones" / f"{ZONE}.yaml").read_text())
    reference = yaml.safe_load((folder / "reference" / "organisations.yaml").read_text())
    names = {o["id"]: o["name"] for o in plan["organisations"] + reference["organisations"]}
    graph = nx.Graph()
    for action in plan["actions"]:
        organisations = [p["organisation"] for p in action.get("partners") or []]
        if action.get("lead") not in (None, "self"):
            organisations.append(action["lead"])
        for org in organisations:
            graph.add_edge(("organisation", org), ("action", action["code"]))
    between = nx.betweenness_centrality(graph)
    ranked = sorted(
        (n for n in graph if n[0] == "organisation"),
        key=lambda n: brokers.ranking_key(names[n[1]], graph.degree(n), between[n]),
    )
    return [n[1] for n in ranked]


def test_the_broker_panel_ranks_as_networkx_does(browser, folder):
    _overview(browser)
    ids = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('#netwerk-broker-list button'))"
        ".map(b => JSON.parse(b.id).index)"
    )
    expected = _brokers_from_the_plan(folder)
    assert ids == [f"{ZONE}|{org}" for org in expected[: len(ids)]] and len(ids) == 10
    assert "op geen enkele actie" in browser.find_element("#netwerk-isolated-count").text


def test_focus_on_a_broker_then_back_to_the_overview(browser):
    _overview(browser)
    overview = _cy(browser, "cy.elements().length")
    first = browser.driver.execute_script(
        "return JSON.parse(document.querySelector('#netwerk-broker-list button').id).index"
    )
    organisation = first.split("|")[1]
    browser.driver.execute_script("document.querySelector('#netwerk-broker-list button').click()")
    wait_until(lambda: _cy(browser, "cy.nodes('.focus').length") >= 1)
    focused = _cy(browser, "cy.nodes('.focus').map(n => n.data('organisation'))")
    assert set(focused) == {organisation}
    assert _cy(browser, "cy.nodes('.action').length") >= 1
    wait_settled(browser.driver)
    screenshot(browser, "netwerk-generated-focus")
    browser.find_element("#netwerk-back").click()
    wait_until(lambda: _cy(browser, "cy.elements().length") == overview)
    assert _cy(browser, "cy.nodes('.focus, .action, .faded').length") == 0
    assert browser.get_logs() == []


def test_search_expands_the_way_to_an_organisation(browser, zone):
    row = sorted(network.zone_network(zone, [ZONE]), key=lambda r: r["organisation"])[7]
    _overview(browser)
    browser.find_element("#netwerk-search").send_keys(row["name"] + "\n")
    browser.wait_for_contains_text("#netwerk-search-result", "gevonden")
    node = f"org:{ZONE}/{row['cluster']}:{row['organisation']}"
    wait_until(lambda: _cy(browser, f"cy.$id('{node}').hasClass('highlight')"))
    [shown] = browser.driver.execute_script(SHOWN, f"[id = '{node}']")
    assert shown["inside"] and shown["font"] >= shown["least"], shown


def test_labels_are_legible_when_the_zone_fits_a_1400_by_900_window(browser):
    def window(width: int, height: int) -> None:
        browser.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    window(1400, 900)
    try:
        _overview(browser)
        labels = browser.driver.execute_script(LABELS)
        assert len(labels) > 30 and illegible(labels) == []
        screenshot(browser, "netwerk-generated-1400")
        assert overlapping(browser.driver.execute_script(BOXES)) == []
    finally:
        window(1600, 1100)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.TITLE)
def test_page_passes_axe_on_the_generated_zone(browser, page):
    browser.driver.get(f"{browser.server_url}{page.PATH}?zone={ZONE}")
    wait_settled(browser.driver)
    found = violations(browser.driver)
    assert found == [], report(found)
