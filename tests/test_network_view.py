"""The Netwerk page's logic without a browser: records → elements, positions, view changes,
brokers."""

from __future__ import annotations

import itertools
import json
import re

import networkx as nx
from dash import html
from work import python_lines

from dashboard.elements import (
    AUTO_EXPAND,
    OUTSIDE,
    Filters,
    View,
    agencies_node_id,
    category_node_id,
    detail_zones,
    ghost_node_id,
    network_elements,
    org_node_id,
    outside_node_id,
    summary,
)
from dashboard.pages import netwerk
from dashboard.pages.netwerk import action_options, after_tap, next_view
from dashboard.placement import SHELF, STACK, TABLE, Box
from graphmap.analysis import brokers
from graphmap.analysis.gaps import Gap
from graphmap.analysis.network import ZoneNetwork, counted, in_clusters

CLUSTERS = {"zorg": "Zorg", "welzijn": "Welzijn", "pzon": "PZON", "lokale_besturen": "LB"}


def _clusters(zone: str, name: str, counts: dict[str, int] | None = None) -> list[dict]:
    counts = counts or {}
    return [
        {
            "zone": zone,
            "zone_name": name,
            "cluster": key,
            "cluster_name": label,
            "organisations": counts.get(key, 0),
        }
        for key, label in CLUSTERS.items()
    ]


def _member(zone, cluster, org, category, status="member", name=None) -> dict:
    return {
        "zone": zone,
        "cluster": cluster,
        "organisation": org,
        "name": name or org.upper(),
        "category": category,
        "status": status,
    }


def _gap(zone, cluster, category, kind="category", status="missing") -> Gap:
    return Gap(zone, zone.upper(), cluster, cluster, kind, category.title(), status, "waarom",
               "bron", category)  # fmt: skip


def _link(org, role="PARTNER_IN", own=False, category="x") -> dict:
    return {"organisation": org, "name": org.upper(), "role": role, "own": own,
            "category": category}  # fmt: skip


def big_zone(woonzorg: int = AUTO_EXPAND + 10) -> ZoneNetwork:
    """One zone larger than AUTO_EXPAND: a big category, a small one, a contacted-only one,
    two gaps (one a target), an organisation outside the clusters, two actions."""
    members = [_member("z", "welzijn", f"wzc{i:02d}", "wzc") for i in range(woonzorg)]
    members += [
        _member("z", "zorg", "hak", "huisartsenkring"),
        _member("z", "zorg", "kine", "kine", status="involved"),
        _member("z", "zorg", "apo", "apotheek", status="contacted"),
    ]
    actions = [
        {
            "zone": "z",
            "action": "z/1.1.1",
            "code": "1.1.1",
            "title": "Samen sterk",
            "goal": "z/1.1",
            "links": [
                _link("hak", "LEADS"),
                _link("ext"),
                _link("apo"),
                _link("agency", category="agentschap"),
                _link("elz-z", "LEADS", own=True),
            ],
        },
        {
            "zone": "z",
            "action": "z/2.1.1",
            "code": "2.1.1",
            "title": "Alleen",
            "goal": "z/2.1",
            "links": [_link("wzc00", "LEADS"), _link("kine")],
        },
        {
            "zone": "z",
            "action": "z/2.1.2",
            "code": "2.1.2",
            "title": "Leeg",
            "goal": "z/2.1",
            "links": [],
        },  # fmt: skip
    ]
    goals = [
        {"zone": "z", "id": "z/1", "level": "strategic", "number": "1", "title": "Een",
         "parent": None},
        {"zone": "z", "id": "z/1.1", "level": "operational", "number": "1.1", "title": "Een.een",
         "parent": "z/1"},
        {"zone": "z", "id": "z/2", "level": "strategic", "number": "2", "title": "Twee",
         "parent": None},
        {"zone": "z", "id": "z/2.1", "level": "operational", "number": "2.1", "title": "Twee.een",
         "parent": "z/2"},
    ]  # fmt: skip
    return ZoneNetwork(
        clusters=_clusters("z", "Zone Z", {"welzijn": woonzorg, "zorg": 3}),
        gaps=[
            _gap("z", "zorg", "apotheek", status="in progress"),
            _gap("z", "welzijn", "vaph", kind="target"),
            _gap("z", "pzon", "mantelzorg"),
        ],
        members=members,
        actions=actions,
        goals=goals,
        categories={"wzc": "Woonzorgcentrum", "huisartsenkring": "Huisartsenkring"},
        detail=("z",),
    )


def _by_id(drawing) -> dict[str, dict]:
    return {e["data"]["id"]: e for e in drawing.elements}


def _nodes(drawing, kind: str) -> list[dict]:
    return [e["data"] for e in drawing.elements if e["data"].get("kind") == kind]


def test_overview_draws_categories_and_every_gap_not_organisations():
    drawing = network_elements(big_zone())
    by_id = _by_id(drawing)
    wzc = by_id[category_node_id("z", "welzijn", "wzc")]["data"]
    assert wzc["count"] == AUTO_EXPAND + 10 and wzc["pie_member"] == 100.0
    assert wzc["parent"] == "cluster:z/welzijn" and not wzc["expanded"]
    assert _nodes(drawing, "organisation") == []  # a big zone opens nothing by itself
    ghosts = {g["id"]: g for g in _nodes(drawing, "ghost")}
    assert set(ghosts) == {
        ghost_node_id("z", "zorg", "apotheek"),
        ghost_node_id("z", "welzijn", "vaph"),
        ghost_node_id("z", "pzon", "mantelzorg"),
    }
    # A contacted-only category is its gap "in progress", drawn once, with its organisation.
    assert category_node_id("z", "zorg", "apotheek") not in by_id
    apotheek = ghosts[ghost_node_id("z", "zorg", "apotheek")]
    assert (
        apotheek["count"] == 1
        and apotheek["contacted"] == 1
        and "in behandeling" in (apotheek["label"])
    )
    assert "ghost-target" in by_id[ghost_node_id("z", "welzijn", "vaph")]["classes"]
    # cytoscape takes any element whose data has `source` and `target` keys for an edge
    assert not any({"source", "target"} & set(g) for g in ghosts.values())
    # To invite: ext (in no cluster) and apo (only contacted); not the zorgraad, and the
    # agency apart, never counted as outside the network.
    assert by_id[outside_node_id("z")]["data"]["count"] == 2
    assert by_id[agencies_node_id("z")]["data"]["count"] == 1
    assert len(drawing.elements) < 20
    assert summary(drawing).startswith(
        f"4 clusters · {AUTO_EXPAND + 12} organisaties in een cluster · 1 gecontacteerd · "
        "2 buiten het netwerk · "
        "3 ontbrekende verwachte partners"
    )


def test_every_leaf_has_a_position_and_no_two_footprints_overlap():
    drawing = network_elements(big_zone(), View(toggled=frozenset({"category:z/welzijn:wzc"})))
    leaves = [e for e in drawing.elements if "position" in e]
    parents = {e["data"].get("parent") for e in drawing.elements}
    assert all(e["data"]["id"] not in parents for e in leaves)
    assert {e["data"]["id"] for e in drawing.elements if "source" not in e["data"]} - parents == {
        e["data"]["id"] for e in leaves
    }
    points = [(e["position"]["x"], e["position"]["y"]) for e in leaves]
    for (x1, y1), (x2, y2) in itertools.combinations(points, 2):
        assert abs(x1 - x2) >= 60 or abs(y1 - y2) >= 50


def test_a_tap_opens_a_category_into_its_organisations_and_a_second_closes_it():
    net = big_zone()
    node = category_node_id("z", "welzijn", "wzc")
    data = _by_id(network_elements(net))[node]["data"]
    view = after_tap(View(), data, ["z"])
    assert view.toggled == {node} and view.last == node
    opened = network_elements(net, view)
    children = [e for e in _nodes(opened, "organisation") if e["parent"] == node]
    assert len(children) == AUTO_EXPAND + 10
    assert children[0]["id"] == org_node_id("z", "wzc00", "z/welzijn")
    assert opened.fit == [node]
    again = after_tap(view, _by_id(opened)[node]["data"], ["z"])
    assert again.toggled == frozenset() and again.last is None
    assert _nodes(network_elements(net, again), "organisation") == []


def test_a_small_network_opens_everything_and_a_tap_closes_a_category():
    net = big_zone(woonzorg=5)
    node = category_node_id("z", "welzijn", "wzc")
    drawing = network_elements(net)
    assert len(_nodes(drawing, "organisation")) == 5 + 3  # the contacted one in its ghost
    assert {o["id"] for o in _nodes(drawing, "outside")} == {"actor:z:ext", "actor:z:apo"}
    assert {o["id"] for o in _nodes(drawing, "agency")} == {"actor:z:agency"}
    closed = network_elements(net, after_tap(View(), _by_id(drawing)[node]["data"], ["z"]))
    assert len(_nodes(closed, "organisation")) == 3


def test_an_action_draws_its_working_group_and_fades_the_rest():
    net = big_zone()
    drawing = network_elements(net, View(selection="z/1.1.1"))
    by_id = _by_id(drawing)
    assert [a["id"] for a in _nodes(drawing, "action")] == ["action:z/1.1.1"]
    edges = [e for e in drawing.elements if "source" in e["data"]]
    # the zone's own zorgraad is not drawn; every other lead and partner is
    assert sorted(e["data"]["source"] for e in edges) == sorted(
        [
            org_node_id("z", "hak", "z/zorg"),
            org_node_id("z", "apo", "z/zorg"),
            org_node_id("z", "ext"),
            org_node_id("z", "agency"),
        ]
    )
    assert {e["classes"] for e in edges} == {"lead", "partner"}
    # outside the clusters, or only contacted: to invite; an agency is never invited
    assert "invite" in by_id[org_node_id("z", "ext")]["classes"]
    assert "invite" in by_id[org_node_id("z", "apo", "z/zorg")]["classes"]
    assert "invite" not in by_id[org_node_id("z", "agency")]["classes"]
    assert "invite" not in by_id[org_node_id("z", "hak", "z/zorg")]["classes"]
    assert "faded" in by_id[category_node_id("z", "welzijn", "wzc")]["classes"]
    assert "faded" not in by_id[category_node_id("z", "zorg", "huisartsenkring")]["classes"]
    assert set(drawing.fit) >= {"action:z/1.1.1", org_node_id("z", "ext")}


def test_a_goal_draws_the_working_groups_of_all_its_actions():
    net = big_zone()
    drawing = network_elements(net, View(selection="goal:z/2"))
    assert [a["id"] for a in _nodes(drawing, "action")] == ["action:z/2.1.1", "action:z/2.1.2"]
    options = [o["value"] for o in action_options(net)]
    assert options == ["goal:z/1", "goal:z/1.1", "z/1.1.1", "goal:z/2", "goal:z/2.1", "z/2.1.1",
                       "z/2.1.2"]  # fmt: skip


def test_focus_on_an_organisation_one_or_two_steps_and_back():
    net = big_zone()
    one = network_elements(net, View(focus=("z", "hak"), steps=1))
    by_id = _by_id(one)
    assert "focus" in by_id[org_node_id("z", "hak", "z/zorg")]["classes"]
    assert [a["id"] for a in _nodes(one, "action")] == ["action:z/1.1.1"]
    assert [e["data"]["source"] for e in one.elements if "source" in e["data"]] == [
        org_node_id("z", "hak", "z/zorg")
    ]
    two = network_elements(net, View(focus=("z", "hak"), steps=2))
    assert org_node_id("z", "ext") in _by_id(two)
    back = next_view(View(focus=("z", "hak")), "netwerk-back", zone_ids=["z"])
    assert back == View()


def test_search_shows_matching_organisations_inside_their_categories():
    drawing = network_elements(big_zone(), View(search="WZC07"))
    assert [o["id"] for o in _nodes(drawing, "organisation")] == [
        org_node_id("z", "wzc07", "z/welzijn")
    ]
    assert drawing.found == 1 and "highlight" in _by_id(drawing)[drawing.fit[0]]["classes"]
    assert network_elements(big_zone(), View(search="nergens")).found == 0


def test_a_link_reveals_the_organisation_it_points_at():
    node = org_node_id("z", "wzc03", "z/welzijn")
    drawing = network_elements(big_zone(), View(reveal=node))
    assert drawing.selected == node and node in _by_id(drawing)
    outside = network_elements(big_zone(), View(reveal="actor:z:ext"))
    assert outside.selected == "actor:z:ext"


def test_a_link_whose_node_is_cut_short_reveals_nothing_and_draws_the_zone():
    """`/?zone=maasland&focus=org:pallion` (a node id without its cluster, typed or cut
    short) failed the whole drawing (IndexError) and left the Netwerk page empty (qa17)."""
    plain = network_elements(big_zone(), View())
    for node in ("org:m000", "actor:", "org::", "org:z/zorg:", "actor:z"):
        drawing = network_elements(big_zone(), View(reveal=node))
        assert drawing.elements == plain.elements, node


def test_filters_narrow_clusters_statuses_categories_and_ghosts():
    net = big_zone()
    only_zorg = network_elements(net, filters=Filters(clusters=frozenset({"zorg"})))
    assert {c["id"] for c in _nodes(only_zorg, "cluster")} == {"cluster:z/zorg"}
    involved = network_elements(net, filters=Filters(statuses=frozenset({"involved"})))
    assert {c["category"] for c in _nodes(involved, "category")} == {"kine"}
    assert outside_node_id("z") not in _by_id(involved)
    # "ontbreekt" unticked: the missing partners go, with organisations recorded as missing.
    shown = frozenset({"member", "involved", "contacted", OUTSIDE})
    no_ghosts = network_elements(net, filters=Filters(statuses=shown))
    assert _nodes(no_ghosts, "ghost") == []
    assert "ontbrekende partners verborgen" in summary(no_ghosts)
    assert _nodes(network_elements(net, filters=Filters(statuses=shown | {"missing"})), "ghost")


def test_several_zones_are_boxes_of_clusters_or_single_nodes_to_open():
    zones = [f"z{i:02d}" for i in range(20)]
    clusters = [row for z in zones for row in _clusters(z, f"Zone {z}", {"zorg": 10})]
    gaps = [_gap("z03", "zorg", "hak", kind="target")]
    province = ZoneNetwork(clusters=[r for r in clusters if r["zone"] in zones[:8]], gaps=gaps)
    drawing = network_elements(province)
    assert len(_nodes(drawing, "cluster")) == 32 and len(drawing.elements) == 40
    assert "has-target-gap" in _by_id(drawing)["cluster:z03/zorg"]["classes"]
    flanders = network_elements(ZoneNetwork(clusters=clusters, gaps=gaps))
    assert len(flanders.elements) == 20
    tapped = _by_id(flanders)["zone:z05"]["data"]
    view = after_tap(View(), tapped, zones)
    assert view.opened == {"z05"} and detail_zones(zones, view) == ["z05"]
    assert detail_zones(zones[:3], View()) == zones[:3]


def test_elements_grow_linearly_with_the_zones_drawn():
    def elements(count: int) -> int:
        zones = [f"z{i:02d}" for i in range(count)]
        net = ZoneNetwork(clusters=[r for z in zones for r in _clusters(z, z)], gaps=[])
        return len(network_elements(net).elements)

    assert elements(60) == 60 and elements(12) == 12 * 5 and elements(6) == 6 * 5


def test_boxes_place_children_inside_their_parent_without_overlap():
    cells = [Box(f"n{i}", width=100, height=50, anchor=25) for i in range(7)]
    inner = Box("group", arrange=SHELF, children=cells, max_width=300, pad=10, header=20)
    table = Box(arrange=TABLE, columns=2, children=[inner, Box("x", width=80, height=40)], gap=5)
    root = Box("root", arrange=STACK, children=[table], pad=4)
    positions = root.place()
    assert inner.measure() == (320, 3 * 50 + 20 + 20)
    assert positions["n0"] == {"x": 4 + 10 + 50, "y": 4 + 20 + 10 + 25}
    assert positions["n3"]["y"] == positions["n0"]["y"] + 50  # fourth cell wraps
    assert positions["x"]["x"] == 4 + 320 + 5 + 40


def _zone_with_brokers() -> tuple[list[dict], list[dict]]:
    # a–(1)–b–(2)–c: b bridges two actions; d is in a cluster but on no action
    actions = [
        {"zone": "z", "action": "1", "links": [_link("a"), _link("b"), _link("own", own=True)]},
        {"zone": "z", "action": "2", "links": [_link("b"), _link("c")]},
    ]
    members = [
        _member("z", "zorg", "a", "k"),
        _member("z", "welzijn", "c", "k"),
        _member("z", "pzon", "d", "k", status="involved"),
        _member("z", "pzon", "e", "k", status="contacted"),
    ]
    return actions, members


def test_brokers_rank_by_betweenness_then_actions_then_name():
    actions, members = _zone_with_brokers()
    found = brokers.brokers(actions, members, "z")
    assert [b.organisation for b in found] == ["b", "a", "c"]
    assert found[0].actions == 2 and found[0].clusters == 2
    expected = nx.betweenness_centrality(nx.path_graph(["a", "1", "b", "2", "c"]))
    assert found[0].betweenness == round(expected["b"], 9)
    assert [r["organisation"] for r in brokers.isolated(actions, members, "z")] == ["d"]


def _large_plan(actions: int = 200, partners: int = 5) -> list[dict]:
    # A plan of 200 actions, each with partners of its own, and "hub" on every tenth action:
    # 1,200 nodes, more than an exact betweenness computes in good time.
    rows = []
    for a in range(actions):
        links = [_link(f"o{a:03d}-{p}") for p in range(partners)]
        if a % 10 == 0:
            links.append(_link("hub"))
        if a:
            links.append(_link(f"o{a - 1:03d}-0"))  # a chain through the plan
        rows.append({"zone": "z", "action": f"a{a:03d}", "links": links})
    return rows


def test_brokers_of_a_large_plan_are_networkx_betweenness():
    actions = _large_plan(80)  # networkx takes 5 s over the 1,200 nodes of 200 actions
    graph = brokers.organisation_action_graph(actions, "z")
    exact = nx.betweenness_centrality(graph)
    found = brokers.betweenness(graph)
    assert max(abs(found[n] - exact[n]) for n in graph) < 1e-12
    ranked = sorted(exact, key=lambda n: (-round(exact[n], 9), n))
    assert [b.organisation for b in brokers.brokers(actions, [], "z", top=5)] == [
        n[1] for n in ranked if n[0] == "organisation"
    ][:5]
    # Stars, pairs alone, a path, a cycle: whatever the shape, as networkx has it.
    for shape in (
        nx.star_graph(6),
        nx.path_graph(7),
        nx.cycle_graph(5),
        nx.disjoint_union(nx.star_graph(3), nx.path_graph(2)),
        nx.path_graph(2),
        nx.lollipop_graph(4, 3),
    ):
        exact = nx.betweenness_centrality(shape)
        found = brokers.betweenness(shape)
        assert max(abs(found[n] - exact[n]) for n in shape) < 1e-12, shape


def test_betweenness_of_a_plan_twice_as_big_is_not_four_times_the_python():
    # The searches ran in Python, one from every node that is no leaf over the whole graph:
    # the square of the plan (the biggest zone's 300 actions: 0.8 s of the Netwerk page).
    # In C, what Python does is build the graph: twice the plan, about twice the lines.
    small = brokers.organisation_action_graph(_large_plan(100), "z")
    large = brokers.organisation_action_graph(_large_plan(200), "z")
    ratio = python_lines(brokers, lambda: brokers.betweenness(large)) / python_lines(
        brokers, lambda: brokers.betweenness(small)
    )
    assert ratio < 2.5


def test_the_broker_panel_names_the_first_organisations_on_no_action_and_counts_the_rest():
    actions, members = _zone_with_brokers()
    alone = netwerk.ISOLATED_SHOWN + 25
    members += [_member("z", "welzijn", f"w{i:04d}", "k") for i in range(alone)]
    net = ZoneNetwork(clusters=[], gaps=[], members=members, actions=actions, detail=("z",))
    panel = html.Div(netwerk.broker_panel(net)).to_plotly_json()
    text = json.dumps(panel, default=lambda c: c.to_plotly_json(), ensure_ascii=False)
    assert f"{alone + 1} organisaties in een cluster maar op geen enkele actie" in text
    # A zone of 1,800 organisations has a thousand: sent whole with every drawing.
    assert text.count('"type": "Li"') == netwerk.ISOLATED_SHOWN + 3  # and the 3 brokers
    assert "… en 26 meer." in text


def test_opening_one_more_zone_reads_that_zone_only(seeded):
    from graphmap.analysis import network

    zones = ["kemp-en-duin", "maasland", "noord-limburg", "kempenland"]
    first = network.load(seeded, zones, ["maasland"], total_zones=4)
    with seeded.traced() as trace:
        more = network.load(seeded, zones, ["maasland", "kempenland"], 4, known=first)
    assert sorted(name for name, _ in trace) == [
        "zone_action_links",
        "zone_goals",
        "zone_network",
    ]
    full = network.load(seeded, zones, ["maasland", "kempenland"], total_zones=4)
    for part in ("members", "actions", "goals"):
        assert sorted(map(repr, getattr(more, part))) == sorted(map(repr, getattr(full, part)))
    assert more.detail == full.detail and more.gaps == full.gaps


def test_no_zone_chosen_is_an_empty_drawing_that_says_what_to_do():
    drawing = network_elements(ZoneNetwork(clusters=[], gaps=[]))
    assert drawing.elements == []
    assert summary(drawing) == "Kies een zone om het netwerk te zien."
    # Every cluster unticked: nothing to draw either, and it says why.
    net = ZoneNetwork(clusters=_clusters("z", "Zone Z"), gaps=[], detail=("z",), zones=("z",))
    none = network_elements(net, filters=Filters(clusters=frozenset({"-"})))
    assert none.elements == [] and "kies minstens één cluster" in summary(none)


def test_a_target_and_the_frame_asking_for_one_category_draw_one_red_ghost():
    # As a store older than the merged gap would give them: one gap per expectation.
    gaps = [
        _gap("z", "lokale_besturen", "gemeente"),
        _gap("z", "lokale_besturen", "gemeente", kind="target"),
        _gap("z", "lokale_besturen", "ocmw"),
    ]
    net = ZoneNetwork(clusters=_clusters("z", "Zone Z"), gaps=gaps, detail=("z",), zones=("z",))
    drawing = network_elements(net)
    ghosts = [g for g in _nodes(drawing, "ghost") if g["cluster"] == "lokale_besturen"]
    assert sorted(g["category"] for g in ghosts) == ["gemeente", "ocmw"]
    node = _by_id(drawing)[ghost_node_id("z", "lokale_besturen", "gemeente")]
    assert "ghost-target" in node["classes"] and node["data"]["gap_kind"] == "target"
    assert _by_id(drawing)["cluster:z/lokale_besturen"]["data"]["label"].endswith("2 ontbreken")
    assert drawing.counts["ghosts"] == 2


def test_one_zone_open_among_eight_the_summary_counts_that_zone_alone():
    zones = [f"z{i:02d}" for i in range(8)]
    clusters = [row for z in zones for row in _clusters(z, f"Zone {z}", {"zorg": 10})]
    gaps = [_gap(z, "zorg", category) for z in zones for category in ("hak", "apo")]
    gaps.append(_gap("z03", "pzon", "mantelzorg"))
    members = [_member("z03", "zorg", f"o{i}", "kine") for i in range(10)]
    net = ZoneNetwork(clusters=clusters, gaps=gaps, members=members, detail=("z03",),
                      zones=tuple(zones))  # fmt: skip
    text = summary(network_elements(net, View(opened=frozenset({"z03"}))))
    assert text == (
        "1 van 8 zones open · in Zone z03: 4 clusters · 10 organisaties in een cluster · "
        "0 buiten het netwerk · 3 ontbrekende verwachte partners · 0 acties"
    )


def test_outside_the_network_is_what_the_gap_report_says_in_every_seeded_zone(seeded):
    from graphmap.analysis import gaps, network

    for zone in ("maasland", "kemp-en-duin", "noord-limburg", "kempenland"):
        outside = {g.subject for g in gaps.gaps(seeded, zone=zone, kinds=["outside"])}
        net = network.load(seeded, [zone], [zone], total_zones=4)
        group = outside_node_id(zone)
        drawings = [network_elements(net, View(toggled=t)) for t in ({group}, set())]
        [opened] = [d for d in drawings if _by_id(d).get(group, {}).get("data", {}).get("expanded")]
        assert {n["organisation"] for n in _nodes(opened, "outside")} == outside, zone
        assert _by_id(opened)[group]["data"]["count"] == len(outside), zone
        assert opened.counts["outside"] == len(outside), zone
    # Maasland's plan names VAPH, Opgroeien and ELZ Kemp en Duin on actions: agencies and a
    # zorgraad, drawn apart and never counted as outside.
    net = network.load(seeded, ["maasland"], ["maasland"], total_zones=4)
    drawing = network_elements(net, View(toggled=frozenset({agencies_node_id("maasland")})))
    drawing = drawing if _nodes(drawing, "agency") else network_elements(net)
    assert {n["label"] for n in _nodes(drawing, "agency")} >= {"Opgroeien", "ELZ Kemp en Duin"}


def test_a_contacted_organisation_is_in_progress_not_in_the_cluster():
    """The design: contacted is in progress, not present. The counts and the panel say so;
    the organisation is still drawn."""
    net = big_zone(woonzorg=1)
    drawing = network_elements(net, View())
    # wzc00, hak and kine are in a cluster; apo is only contacted.
    assert drawing.counts["organisations"] == 3 and drawing.counts["contacted"] == 1
    line = summary(drawing)
    assert "3 organisaties in een cluster · 1 gecontacteerd" in line
    assert "4 clusters" in line and "3 acties" in line
    by_id = _by_id(drawing)
    zorg = by_id["cluster:z/zorg"]["data"]
    assert zorg["members"] == 2 and zorg["contacted"] == 1
    assert zorg["label"].startswith("Zorg · 2 organisaties")
    welzijn = by_id["cluster:z/welzijn"]["data"]
    assert (
        welzijn["label"].startswith("Welzijn · 1 organisatie")
        and "organisaties" not in (welzijn["label"])
    )
    [apo] = [
        e["data"]
        for e in drawing.elements
        if e["data"].get("organisation") == "apo" and e["data"]["kind"] == "organisation"
    ]
    text = json.dumps(netwerk.details(apo), default=lambda c: c.to_plotly_json())
    assert "Organisatie in de cluster" not in text and "nog niet betrokken" in text
    panel = json.dumps(netwerk.details(zorg), default=lambda c: c.to_plotly_json())
    assert "2 organisaties in deze cluster en 1 gecontacteerd" in panel


def _presence(zone: str, rows: list[tuple[list[str], list[str], int]]) -> list[dict]:
    """zone_presence rows: (clusters present in, clusters contacted in, how many)."""
    return [
        {"zone": zone, "present": present, "contacted": contacted, "organisations": count}
        for present, contacted, count in rows
    ]


def test_the_overview_counts_the_clusters_present_and_contacted_apart():
    presence = _presence("z", [([key], [], 1) for key in CLUSTERS])
    presence += _presence("z", [([], [key], 2) for key in CLUSTERS])
    clusters = counted(_clusters("z", "Zone Z"), presence)
    assert {(r["organisations"], r["contacted"]) for r in clusters} == {(1, 2)}
    net = ZoneNetwork(clusters=clusters, gaps=[], zones=("z", "y"), presence=presence)
    line = summary(network_elements(net, View()))
    assert line.startswith("1 zone · 4 organisaties in een cluster · 8 gecontacteerd")


def test_a_zone_box_counts_an_organisation_in_two_clusters_once():
    """Zones drawn as boxes added up their clusters' members: an organisation in zorg and
    welzijn counted twice (377 organisations on the box of a zone that says 338 opened).
    One contacted in lokale besturen while present in zorg is present, not contacted."""
    presence = _presence(
        "z",
        [
            (["zorg", "welzijn"], [], 3),
            (["zorg"], ["lokale_besturen"], 2),
            (["pzon"], [], 1),
            ([], ["welzijn"], 4),
        ],
    )
    clusters = counted(_clusters("z", "Zone Z"), presence)
    by_key = {r["cluster"]: (r["organisations"], r["contacted"]) for r in clusters}
    assert by_key == {"zorg": (5, 0), "welzijn": (3, 4), "pzon": (1, 0), "lokale_besturen": (0, 2)}
    assert in_clusters(presence) == (6, 4)
    net = ZoneNetwork(clusters=clusters, gaps=[], zones=("z", "y"), presence=presence)
    assert _by_id(network_elements(net, View()))["zone:z"]["data"]["organisations"] == 6
    # Beyond a province's zones, each is one node that says how many it holds.
    others = [row for n in range(12) for row in _clusters(f"y{n}", f"Zone Y{n}")]
    many = ZoneNetwork(clusters=clusters + others, gaps=[], presence=presence)
    assert _by_id(network_elements(many, View()))["zone:z"]["data"]["label"].startswith(
        "Zone Z\n6 org."
    )
    line = summary(network_elements(net, View()))
    assert line.startswith("1 zone · 6 organisaties in een cluster · 4 gecontacteerd")
    # Only lokale besturen shown: the two present in zorg are not contacted there only.
    only = Filters(clusters=frozenset({"lokale_besturen"}))
    assert in_clusters(presence, only.clusters) == (0, 2)
    assert summary(network_elements(net, View(), filters=only)).startswith(
        "1 zone · 0 organisaties in een cluster · 2 gecontacteerd"
    )
    assert in_clusters(presence, {"welzijn", "pzon"}) == (4, 4)


def test_the_summary_counts_what_the_filters_leave_drawn():
    """A cluster, category or status left out is left out of every figure of the line, not
    only of the clusters and the missing partners: hiding Welzijn leaves the woonzorgcentra
    out of "in een cluster"; hiding *buiten het netwerk* says so instead of counting them."""
    net = big_zone(woonzorg=3)  # welzijn: 3 wzc; zorg: hak, kine, apo (contacted)
    everything = network_elements(net, View())
    assert (everything.counts["organisations"], everything.counts["contacted"]) == (5, 1)
    assert "2 buiten het netwerk" in summary(everything)  # ext and apo, on an action

    zorg_only = network_elements(net, View(), Filters(clusters=frozenset({"zorg"})))
    assert (zorg_only.counts["organisations"], zorg_only.counts["contacted"]) == (2, 1)
    assert "1 cluster · 2 organisaties in een cluster · 1 gecontacteerd" in summary(zorg_only)

    kinds = frozenset({"huisartsenkring", "apotheek"})
    two_kinds = network_elements(net, View(), Filters(categories=kinds))
    assert (two_kinds.counts["organisations"], two_kinds.counts["contacted"]) == (1, 1)
    assert "0 buiten het netwerk" in summary(two_kinds)  # their links are of another kind

    statuses = frozenset({"member", "involved", "missing"})  # no contacted, no outside
    no_contacted = network_elements(net, View(), Filters(statuses=statuses))
    assert (no_contacted.counts["organisations"], no_contacted.counts["contacted"]) == (5, 0)
    line = summary(no_contacted)
    assert "gecontacteerd" not in line and "buiten het netwerk verborgen" in line
    members_only = network_elements(net, View(), Filters(statuses=frozenset({"member", OUTSIDE})))
    assert members_only.counts["organisations"] == 4  # kine is involved, not a member


def test_the_action_choice_says_to_open_a_zone_when_every_zone_is_a_box(seeded):
    """Among zones drawn as boxes the choice of actions is empty (their plans are read when a
    zone opens): its placeholder says so, not "Kies een actie of doel" over nothing to pick."""
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.elements import CLUSTER_NAMES, DETAIL_ZONES, STATUS_LABELS
    from graphmap.analysis import network

    app = create_app(seeded, demo=True)
    zones = [z["id"] for z in network.zones(seeded)]
    assert len(zones) > DETAIL_ZONES
    values = {
        "netwerk-zone.value": zones,
        "netwerk-cluster.value": list(CLUSTER_NAMES),
        "netwerk-status.value": [*STATUS_LABELS, OUTSIDE],
        "netwerk-view.data": View().to_data(),
        "netwerk-steps.value": 2,
        "netwerk-layout.value": "preset",
    }
    answer = post_callback(app, "netwerk-zone.value", values, "netwerk-graph")["response"]
    assert answer["netwerk-action"]["options"] == []
    assert answer["netwerk-action"]["placeholder"] == netwerk.ACTION_PLACEHOLDER_CLOSED
    values["netwerk-zone.value"] = zones[:1]
    answer = post_callback(app, "netwerk-zone.value", values, "netwerk-graph")["response"]
    assert answer["netwerk-action"]["options"]
    assert answer["netwerk-action"]["placeholder"] == netwerk.ACTION_PLACEHOLDER


def test_the_brokers_tussenligging_is_written_with_a_decimal_comma():
    """The score as Flemish staff write a decimal, "0,045", not "0.045"."""
    panel = json.dumps(
        netwerk.broker_panel(big_zone(woonzorg=3)),
        default=lambda c: c.to_plotly_json(),
        ensure_ascii=False,
    )
    scores = re.findall(r" · (\d+[.,]\d{3})\"", panel)
    assert scores and all("," in s for s in scores), scores
