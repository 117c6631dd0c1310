"""The dashboard in a real browser (Debian chromium driven by dash[testing])."""

from __future__ import annotations

import time

import pytest
from conftest import screenshot

from dashboard.elements import network_elements


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


def test_action_filter_and_search(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.nodes('.action').length", 5)  # the actions that link organisations
    assert _cy(duo, "cy.edges('.partner').length") >= 9
    duo.select_dcc_dropdown("#netwerk-action", index=0)  # 1.1-a: no partner organisations
    _wait_cy(duo, "cy.nodes('.action').length", 0)
    search = duo.find_element("#netwerk-search")
    search.send_keys("noolim\n")
    duo.wait_for_text_to_equal("#netwerk-search-result", "niets gevonden")
    duo.driver.get(duo.server_url + "/?zone=maasland")
    _wait_cy(duo, "cy.nodes('.action').length", 5)
    duo.find_element("#netwerk-search").send_keys("noolim\n")
    duo.wait_for_text_to_equal("#netwerk-search-result", "1 gevonden")
    assert _cy(duo, "cy.$id('actor:maasland:noolim').hasClass('highlight')")
    assert duo.get_logs() == []


def test_focus_link_selects_a_node(duo):
    duo.driver.get(duo.server_url + "/?zone=maasland&focus=actor:maasland:pallion")
    _wait_cy(duo, "cy.$id('actor:maasland:pallion').selected()", True)


def test_network_elements_place_members_inside_their_cluster():
    members = [
        {
            "zone": "z",
            "zone_name": "Z",
            "cluster": "z/zorg",
            "cluster_key": "zorg",
            "cluster_name": "Zorg",
            "organisation": "hak",
            "organisation_name": "HAK",
            "category": "huisartsenkring",
            "status": "member",
        },
        {
            "zone": "z",
            "zone_name": "Z",
            "cluster": "z/pzon",
            "cluster_key": "pzon",
            "cluster_name": "PZON",
            "organisation": None,
            "organisation_name": None,
            "category": None,
            "status": None,
        },
    ]
    actors = [
        {
            "zone": "z",
            "organisation": "hak",
            "organisation_name": "HAK",
            "category": "x",
            "actions": 1,
            "roles": ["LEADS"],
            "in_network": True,
        },
        {
            "zone": "z",
            "organisation": "ext",
            "organisation_name": "Ext",
            "category": "x",
            "actions": 2,
            "roles": ["PARTNER_IN"],
            "in_network": False,
        },
    ]
    by_id = {e["data"]["id"]: e["data"] for e in network_elements(members, actors)}
    assert by_id["org:z/zorg:hak"]["parent"] == "cluster:z/zorg"
    assert by_id["cluster:z/zorg"]["label"] == "Zorg (1)"
    assert by_id["cluster:z/pzon"]["members"] == 0
    assert by_id["actor:z:ext"]["parent"] == "zone:z"
    assert "actor:z:hak" not in by_id  # a member is not drawn twice


def test_ghost_nodes_are_nodes_not_edges():
    from graphmap.analysis.gaps import Gap

    members = [
        {
            "zone": "z",
            "zone_name": "Z",
            "cluster": "z/zorg",
            "cluster_key": "zorg",
            "cluster_name": "Zorg",
            "organisation": None,
            "organisation_name": None,
            "category": None,
            "status": None,
        }
    ]
    gap = Gap(
        "z",
        "Z",
        "zorg",
        "Zorg",
        "category",
        "Huisartsenkring",
        "missing",
        "waarom",
        "bron",
        "huisartsenkring",
    )
    [ghost] = [e for e in network_elements(members, [], [gap]) if e["data"]["kind"] == "ghost"]
    # cytoscape takes any element whose data has `source` and `target` keys for an edge
    assert not {"source", "target"} & set(ghost["data"])
    assert ghost["data"]["parent"] == "cluster:z/zorg"
