"""Netwerk: a zone's clusters and their categories with the missing ones first; open a
category, choose an action or goal, focus on an organisation, see who holds it together."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import replace
from urllib.parse import parse_qs

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import followup as followup_form
from dashboard import guard, session, words
from dashboard.choices import own_zone, remembered, zones_named
from dashboard.elements import (
    CLUSTER_COLOURS,
    CLUSTER_NAMES,
    ENGAGEMENT_COLOURS,
    OUTSIDE,
    ROLE_LABELS,
    STATUS_LABELS,
    STATUS_ORDER,
    TARGET_LABEL,
    Filters,
    View,
    detail_zones,
    network_elements,
    summary,
)
from dashboard.guard import TEXT
from dashboard.stylesheet import LAYOUT_LABELS, LAYOUTS, STYLESHEET
from dashboard.words import counted
from graphmap.analysis import brokers, network
from graphmap.analysis.network import ZoneNetwork
from graphmap.store import Store

PATH = "/"
TITLE = "Netwerk"
ORDER = 1
NEED = "view"  # see graphmap.access
PREFIX = "netwerk"
HINT = (
    "Klik op een categorie om haar organisaties te zien (nog eens klikken klapt ze dicht), "
    "op een organisatie, ontbrekende partner of zone voor details."
)
STATUS_OPTIONS = [
    {"label": STATUS_LABELS[s], "value": s} for s in ("member", "involved", "contacted")
]
# One control for what is missing: the expected partners no one brings in (the dashed
# ghosts) and the organisations recorded as missing.
STATUS_OPTIONS.append(
    {
        "label": html.Span(
            STATUS_LABELS["missing"],
            title="Ontbrekende verwachte partners (gestippeld) en organisaties die als "
            "ontbrekend genoteerd zijn",
        ),
        "value": "missing",
    }
)
STATUS_OPTIONS.append({"label": "buiten het netwerk", "value": OUTSIDE})
SEARCH_OPEN_ZONES = 3  # a search over zones drawn as boxes opens at most this many
ACTION_PLACEHOLDER = "Kies een actie of doel: toon de werkgroep"
# Among zones drawn as boxes the choice holds nothing until one opens (their plans are not
# read: a province holds thousands of actions): the empty list says why.
ACTION_PLACEHOLDER_CLOSED = "Klik op een zone om haar acties en doelen te kiezen"
BROKERS_SHOWN = 10
# Named under "in een cluster maar op geen enkele actie": a zone of 1,800 organisations has
# a thousand, sent whole to the browser with every drawing; Organisaties lists them all.
ISOLATED_SHOWN = 100
MAX_ZOOM = {"overview": 1.25, "detail": 1.3}
# A picture for a report: the whole graph whatever is in view, on white, its labels sharp
# (Cytoscape draws it at zoom `scale`, at most maxWidth × maxHeight pixels).
IMAGE_OPTIONS = {
    "png": {"full": True, "scale": 2, "bg": "#ffffff", "maxWidth": 8000, "maxHeight": 8000},
    "svg": {"full": True, "scale": 1, "bg": "#ffffff"},
}
# The canvas takes the window's height below the controls (about 290 px at 1600 × 1100).
CANVAS_HEIGHT = "calc(100vh - 290px)"

# Runs in the browser after each drawing: select what a link points at, and fit the view on
# what the drawing is about (all of it on a fresh overview). It waits until Cytoscape holds
# the new elements, which React applies after the callback's output lands.
FIT_JS = """
function(fit) {
    // The canvas and the side panel take the window's height below the controls.
    const fill = function(box) {
        const top = box.getBoundingClientRect().top + window.scrollY;
        const height = Math.max(280, window.innerHeight - top - 12) + 'px';
        box.style.height = height;
        const side = document.querySelector('.netwerk-side');
        if (side) { side.style.maxHeight = height; }
    };
    if (!window.netwerkFill) {
        window.netwerkFill = true;
        window.addEventListener('resize', function() {
            const box = document.getElementById('netwerk-graph');
            if (box && box._cyreg) { fill(box); box._cyreg.cy.resize(); }
        });
    }
    if (!fit) { return ''; }
    let tries = 0;
    const run = function() {
        const box = document.getElementById('netwerk-graph');
        const cy = box && box._cyreg && box._cyreg.cy;
        if (!cy || cy.elements().length !== fit.count) {
            if (tries++ < 100) { setTimeout(run, 20); }
            return;
        }
        fill(box);
        cy.resize();
        if (fit.layout !== 'preset') {
            cy.layout(Object.assign({}, fit.layoutOptions, {fit: false})).run();
        }
        let eles = cy.collection();
        (fit.ids || []).forEach(function(id) { eles = eles.union(cy.getElementById(id)); });
        cy.elements().unselect();
        if (fit.selected) { cy.getElementById(fit.selected).select(); }
        cy.stop();
        if (eles.empty()) { cy.fit(undefined, 24); } else { cy.fit(eles, 70); }
        if (cy.zoom() > fit.maxZoom) {
            const box = (eles.empty() ? cy.elements() : eles).boundingBox();
            cy.zoom({level: fit.maxZoom,
                     position: {x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2}});
            cy.center(eles.empty() ? undefined : eles);
        }
        box.setAttribute('data-drawn', fit.token);
    };
    setTimeout(run, 0);
    return fit.token;
}
"""

FILTERS_JS = """
function(_clicks, open) {
    setTimeout(function() { window.dispatchEvent(new Event('resize')); }, 400);
    return [!open, String(!open)];
}
"""

# A tap opens or closes a category or group, or opens a zone drawn as a box (see after_tap,
# which decides again on the server); the time makes a second tap on the same node news.
TAP_JS = """
function(data) {
    const box = data && ['zone', 'cluster'].includes(data.level);
    if (!data || !(data.expandable || (box && ['zone', 'cluster'].includes(data.kind)))) {
        return window.dash_clientside.no_update;
    }
    return Object.assign({}, data, {tapped: Date.now()});
}
"""

PICK_JS = """
function(_actions, _focuses) {
    const hit = window.dash_clientside.callback_context.triggered.find(t => t.value);
    if (!hit) { return window.dash_clientside.no_update; }
    const id = JSON.parse(hit.prop_id.slice(0, hit.prop_id.lastIndexOf('.')));
    return {type: id.type, index: id.index, picked: Date.now()};
}
"""


class _Snapshots:
    """The data of the last few drawings, so that opening a category, choosing an action or
    searching redraws without asking the database again. A new zone selection (or a page
    load) always reads afresh; another server process simply reads again."""

    def __init__(self, size: int = 16):
        self._items: OrderedDict[str, tuple[ZoneNetwork, dict]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, token: str | None):
        with self._lock:
            return self._items.get(token) if token else None

    def put(self, net: ZoneNetwork, extra: dict) -> str:
        token = uuid.uuid4().hex
        with self._lock:
            self._items[token] = (net, extra)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return token


def _legend() -> html.Div:
    dot = "legend-dot"
    items = [
        html.Span(
            [html.Span(className=dot, style={"background": CLUSTER_COLOURS[k]}), name],
            className="me-3",
        )
        for k, name in CLUSTER_NAMES.items()
    ]
    items += [
        html.Span(
            [html.Span(className=dot, style={"background": ENGAGEMENT_COLOURS[s]}), label],
            className="me-2",
        )
        for s, label in (
            ("member", "lid"),
            ("involved", "betrokken"),
            ("contacted", "gecontacteerd"),
        )
    ]
    items += [
        html.Span(
            [html.Span(className=f"{dot} legend-ghost"), "ontbrekende partner"],
            className="ms-2 me-3",
        ),
        html.Span(
            [html.Span(className=f"{dot} legend-ghost legend-target"), TARGET_LABEL],
            className="me-3",
        ),
        html.Span(
            [html.Span(className=f"{dot} legend-outside"), "buiten het netwerk"], className="me-3"
        ),
        html.Span([html.Span(className=f"{dot} legend-action"), "actie"], className="me-3"),
        html.Span([html.Span(className="legend-line"), "trekker"], className="me-3"),
        html.Span([html.Span(className="legend-line legend-dashed"), "partner"], className="me-3"),
        html.Span(
            [html.Span(className=f"{dot} legend-invite"), "uit te nodigen"], className="me-3"
        ),
        html.Span([html.Span(className=f"{dot} legend-chosen"), "gekozen"], className="me-3"),
    ]
    return html.Div(items, id="netwerk-legend", className="small", title="Legenda")


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    query = parse_qs(search.lstrip("?"))
    wanted = zones_named(search, zones)
    selected = (wanted or [own_zone(zones, session.user())]) if zones else []
    categories = network.categories(store)
    view = View(reveal=(query.get("focus") or [None])[0])
    return html.Div(
        [
            dcc.Store(id="netwerk-view", data=view.to_data()),
            dcc.Store(id="netwerk-snapshot"),
            dcc.Store(id="netwerk-fit"),
            dcc.Store(id="netwerk-tap"),
            dcc.Store(id="netwerk-pick"),
            html.Div(id="netwerk-fitted", hidden=True),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Zone(s)", html_for="netwerk-zone"),
                            dcc.Dropdown(
                                labels=words.DROPDOWN,
                                id="netwerk-zone",
                                **remembered(search),
                                multi=True,
                                value=selected,
                                options=[{"label": z["name"], "value": z["id"]} for z in zones],
                                placeholder="Kies een of meer zones",
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Actie of doel", html_for="netwerk-action"),
                            dcc.Dropdown(
                                labels=words.DROPDOWN,
                                id="netwerk-action",
                                placeholder=ACTION_PLACEHOLDER,
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Zoeken", html_for="netwerk-search"),
                            dbc.InputGroup(
                                [
                                    dbc.Input(
                                        id="netwerk-search",
                                        type="search",
                                        debounce=True,
                                        placeholder="organisatie, categorie, cluster…",
                                    ),
                                    dbc.InputGroupText(
                                        id="netwerk-search-result", className="small"
                                    ),
                                ]
                            ),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        dbc.Button(
                            "← Overzicht",
                            id="netwerk-back",
                            color="secondary",
                            outline=True,
                            title="Terug naar het overzicht: alles dicht, geen keuze of focus",
                            className="w-100",
                        ),
                        md=1,
                        className="align-self-end",
                    ),
                ],
                className="mb-2 g-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        html.Button(
                            "Filters ▾",
                            id="netwerk-filters-toggle",
                            className="btn btn-outline-secondary btn-sm",
                            title="Clusters, status en categorie tonen of verbergen",
                            **{"aria-controls": "netwerk-filters", "aria-expanded": "false"},
                        ),
                        width="auto",
                    ),
                    dbc.Col(
                        html.Div(id="netwerk-summary", className="small text-muted"),
                        className="align-self-center",
                    ),
                    dbc.Col(
                        dbc.RadioItems(
                            id="netwerk-steps",
                            inline=True,
                            value=2,
                            options=[
                                {"label": "focus: 1 stap", "value": 1},
                                {"label": "2 stappen", "value": 2},
                            ],
                            className="small",
                        ),
                        width="auto",
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                "Schikking", html_for="netwerk-layout", className="visually-hidden"
                            ),
                            dbc.Select(
                                id="netwerk-layout",
                                value="preset",
                                size="sm",
                                options=[
                                    {"label": label, "value": key}
                                    for key, label in LAYOUT_LABELS.items()
                                ],
                            ),
                        ],
                        width="auto",
                    ),
                    dbc.Col(
                        dbc.ButtonGroup(
                            [
                                dbc.Button(
                                    "PNG",
                                    id="netwerk-png",
                                    size="sm",
                                    outline=True,
                                    color="secondary",
                                ),
                                dbc.Button(
                                    "SVG",
                                    id="netwerk-svg",
                                    size="sm",
                                    outline=True,
                                    color="secondary",
                                ),
                            ]
                        ),
                        width="auto",
                    ),
                ],
                className="mb-1 g-2 align-items-center",
            ),
            # Folded: on a laptop's screen the graph takes the room (the summary line above
            # says what the filters leave out).
            dbc.Collapse(
                dbc.Row(
                    [
                        dbc.Col(
                            [
                                dbc.Label("Clusters", html_for="netwerk-cluster"),
                                dbc.Checklist(
                                    id="netwerk-cluster",
                                    inline=True,
                                    value=list(CLUSTER_NAMES),
                                    options=[
                                        {"label": n, "value": k} for k, n in CLUSTER_NAMES.items()
                                    ],
                                ),
                            ],
                            md=4,
                        ),
                        dbc.Col(
                            [
                                dbc.Label("Status", html_for="netwerk-status"),
                                dbc.Checklist(
                                    id="netwerk-status",
                                    inline=True,
                                    options=STATUS_OPTIONS,
                                    value=[o["value"] for o in STATUS_OPTIONS],
                                ),
                            ],
                            md=4,
                        ),
                        dbc.Col(
                            [
                                dbc.Label("Categorie", html_for="netwerk-category"),
                                dcc.Dropdown(
                                    labels=words.DROPDOWN,
                                    id="netwerk-category",
                                    multi=True,
                                    placeholder="Alle categorieën",
                                    options=[
                                        {"label": c["name"], "value": c["key"]} for c in categories
                                    ],
                                ),
                            ],
                            md=4,
                        ),
                    ],
                    className="mb-1 g-2",
                ),
                id="netwerk-filters",
                is_open=False,
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            cyto.Cytoscape(
                                id="netwerk-graph",
                                elements=[],
                                stylesheet=STYLESHEET,
                                layout=LAYOUTS["preset"],
                                minZoom=0.08,
                                maxZoom=3,
                                style={
                                    "width": "100%",
                                    "height": CANVAS_HEIGHT,
                                    "minHeight": "280px",
                                },
                                className="border rounded bg-white",
                            ),
                            # Over the empty canvas: what to do to see a network.
                            html.P(
                                id="netwerk-empty",
                                className="netwerk-empty text-muted",
                                role="status",
                            ),
                        ],
                        lg=9,
                        className="position-relative",
                    ),
                    dbc.Col(
                        html.Div(
                            [
                                dbc.Card(
                                    dbc.CardBody(
                                        html.Div(
                                            id="netwerk-details",
                                            children=html.P(HINT, className="text-muted small"),
                                        )
                                    ),
                                    className="mb-2",
                                ),
                                dbc.Card(
                                    dbc.CardBody(_legend(), className="py-2"),
                                    className="mb-2",
                                ),
                                dbc.Card(
                                    dbc.CardBody(html.Div(id="netwerk-brokers")),
                                ),
                            ],
                            className="netwerk-side",
                        ),
                        lg=3,
                    ),
                ],
                className="g-2",
            ),
        ]
    )


# What the page keeps in the browser, as it put it there: a hand-made other shape is refused
# by the gate (dashboard.guard.holds) before `draw` or the details could fail on it.
_COUNT = (int, None)
_NODE = {"id": str, "kind": str, "label": str, "zone": str, "name": TEXT, "level": TEXT}
NODE = (
    _NODE | {"kind": frozenset({"zone", "organisation", OUTSIDE, "agency"})},
    _NODE | {"kind": frozenset({"cluster"}), "ghosts": int, "members": int, "cluster": str},
    _NODE | {"kind": frozenset({"category"}), "count": _COUNT,
             **dict.fromkeys(STATUS_LABELS, _COUNT)},
    _NODE | {"kind": frozenset({"ghost"}), "gap_status": str, "gap_source": TEXT,
             "reason": str, "sources": ([TEXT], None), "count": _COUNT,
             **dict.fromkeys(STATUS_LABELS, _COUNT)},
    _NODE | {"kind": frozenset({"outside-group", "agency-group"}), "count": int},
    _NODE | {"kind": frozenset({"action"}), "title": str, "action": str},
)  # fmt: skip
for ident, prop, shape in (
    ("netwerk-graph", "tapNodeData", NODE),
    ("netwerk-tap", "data", (NODE, None)),
    ("netwerk-pick", "data", ({"type": frozenset({"netwerk-pick-action", "netwerk-pick-focus"}),
                               "index": str}, None)),
    ("netwerk-snapshot", "data", TEXT),
    ("netwerk-view", "data", ({"toggled": ([str], None), "opened": ([str], None),
                               "selection": TEXT, "focus": ([str], None), "steps": _COUNT,
                               "search": TEXT, "reveal": TEXT, "last": TEXT}, None)),
):  # fmt: skip
    guard.holds(ident, prop, shape)


def register(app: Dash, store: Store) -> None:
    followup_form.register(app, store, PREFIX)
    snapshots = _Snapshots()

    @guard.callback(
        app,
        guard.view(),
        Output("netwerk-graph", "elements"),
        Output("netwerk-summary", "children"),
        Output("netwerk-view", "data"),
        Output("netwerk-fit", "data"),
        Output("netwerk-snapshot", "data"),
        Output("netwerk-action", "options"),
        Output("netwerk-action", "placeholder"),
        Output("netwerk-action", "value"),
        Output("netwerk-search", "value"),
        Output("netwerk-search-result", "children"),
        Output("netwerk-empty", "children"),
        Output("netwerk-details", "children", allow_duplicate=True),
        Input("netwerk-zone", "value"),
        Input("netwerk-cluster", "value"),
        Input("netwerk-category", "value"),
        Input("netwerk-status", "value"),
        Input("netwerk-action", "value"),
        Input("netwerk-search", "value"),
        Input("netwerk-steps", "value"),
        Input("netwerk-tap", "data"),
        Input("netwerk-back", "n_clicks"),
        Input("netwerk-pick", "data"),
        State("netwerk-view", "data"),
        State("netwerk-snapshot", "data"),
        State("netwerk-layout", "value"),
        prevent_initial_call="initial_duplicate",  # the first drawing is the page's
    )
    def draw(
        zone_ids, clusters, categories, statuses, action, search, steps, tapped, _back, picked,
        view_data, token, layout_name,
    ):  # fmt: skip
        zone_ids = zone_ids or []
        trigger = ctx.triggered_id
        view = next_view(
            View.from_data(view_data),
            trigger,
            tapped=tapped,
            picked=picked,
            action=action,
            search=search,
            steps=steps,
            zone_ids=zone_ids,
        )
        if view is None:
            raise PreventUpdate
        cached = snapshots.get(token)
        detail = detail_zones(zone_ids, view)
        if view.search and len(detail) < len(zone_ids) and trigger == "netwerk-search":
            hits = network.search(store, [z for z in zone_ids if z not in detail], view.search)
            hit_zones = sorted({row["zone"] for row in hits}, key=zone_ids.index)
            room = max(0, SEARCH_OPEN_ZONES - len(detail))
            view = replace(view, opened=view.opened | set(hit_zones[:room]))
            detail = detail_zones(zone_ids, view)
        # A new zone selection (or a page load) reads afresh; opening a zone reads that zone.
        reload = cached is None or trigger in (None, "netwerk-zone")
        fresh = reload or cached[0].detail != tuple(detail)
        if fresh:
            total = len(network.zones(store))
            known = None if reload else cached[0]
            net = network.load(store, zone_ids, detail, total_zones=total, known=known)
            token = snapshots.put(net, {})
            cached = snapshots.get(token)
        net = cached[0]
        options = action_options(net)
        if view.selection and view.selection not in {o["value"] for o in options}:
            view = replace(view, selection=None)
        filters = Filters(
            clusters=frozenset(clusters or ["-"]),
            categories=frozenset(categories or []),
            statuses=frozenset(statuses or ["-"]),
        )
        drawing = network_elements(net, view, filters)
        fit = {
            "ids": drawing.fit,
            "selected": drawing.selected,
            "count": len(drawing.elements),
            "token": uuid.uuid4().hex[:8],
            "layout": layout_name or "preset",
            "layoutOptions": LAYOUTS.get(layout_name or "preset", LAYOUTS["preset"]),
            "maxZoom": MAX_ZOOM["detail" if drawing.fit else "overview"],
        }
        # A link's node (a gap chosen in Hiaten) is told about in the panel on arrival, as a
        # tap would; later drawings leave the panel to the user's taps.
        shown = None
        if trigger is None and drawing.selected:
            [data] = [e["data"] for e in drawing.elements if e["data"]["id"] == drawing.selected]
            shown = node_details(data)
        found = None
        if drawing.found is not None:
            found = f"{drawing.found} gevonden" if drawing.found else "niets gevonden"
        return (
            drawing.elements,
            summary(drawing),
            view.to_data(),
            fit,
            token if fresh else no_update,
            options if fresh else no_update,
            (ACTION_PLACEHOLDER if net.detail else ACTION_PLACEHOLDER_CLOSED)
            if fresh
            else no_update,
            view.selection if trigger != "netwerk-action" else no_update,
            view.search if trigger == "netwerk-back" else no_update,
            found,
            None if drawing.elements else summary(drawing),
            shown if shown is not None else no_update,
        )

    @guard.callback(
        app, guard.view(), Output("netwerk-brokers", "children"), Input("netwerk-snapshot", "data")
    )
    def show_brokers(token):
        # Apart from the drawing, so that the graph does not wait for networkx.
        cached = snapshots.get(token)
        if cached is None:
            raise PreventUpdate
        net, extra = cached
        if "brokers" not in extra:
            extra["brokers"] = broker_panel(net)
        return extra["brokers"]

    @guard.callback(
        app, guard.view(), Output("netwerk-graph", "layout"), Input("netwerk-layout", "value")
    )
    def choose_layout(name):
        return LAYOUTS.get(name, LAYOUTS["preset"])

    @guard.callback(
        app,
        guard.view(),
        Output("netwerk-graph", "generateImage"),
        Input("netwerk-png", "n_clicks"),
        Input("netwerk-svg", "n_clicks"),
        prevent_initial_call=True,
    )
    def download_image(_png, _svg):
        kind = "svg" if ctx.triggered_id == "netwerk-svg" else "png"
        return {
            "type": kind,
            "options": IMAGE_OPTIONS[kind],
            "action": "download",
            "filename": "graphmap-netwerk",
        }

    app.clientside_callback(
        FIT_JS, Output("netwerk-fitted", "children"), Input("netwerk-fit", "data")
    )
    # In the browser alone: the canvas takes the room the filters leave once they moved.
    app.clientside_callback(
        FILTERS_JS,
        Output("netwerk-filters", "is_open"),
        Output("netwerk-filters-toggle", "aria-expanded"),
        Input("netwerk-filters-toggle", "n_clicks"),
        State("netwerk-filters", "is_open"),
        prevent_initial_call=True,
    )
    # Only a tap that changes the drawing goes to `draw`; any other tap shows details alone.
    app.clientside_callback(
        TAP_JS,
        Output("netwerk-tap", "data"),
        Input("netwerk-graph", "tapNodeData"),
        prevent_initial_call=True,
    )
    # A button of the details or broker panel that picks an action or an organisation; the
    # panels' buttons appearing (each drawing of a panel) are no click and draw nothing.
    app.clientside_callback(
        PICK_JS,
        Output("netwerk-pick", "data"),
        Input({"type": "netwerk-pick-action", "index": ALL}, "n_clicks"),
        Input({"type": "netwerk-pick-focus", "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )

    @guard.callback(
        app,
        guard.view(),
        Output("netwerk-details", "children"),
        Input("netwerk-graph", "tapNodeData"),
        prevent_initial_call=True,
    )
    def show_details(data):
        return node_details(data)

    def node_details(data):
        summary_row = None
        if data and data.get("organisation"):
            summary_row = network.organisation_summary(store, data["organisation"])
        zones = network.zones(store) if summary_row else []
        if summary_row:  # staff read a zone's name, not its id
            names = {z["id"]: z["name"] for z in zones}
            for m in summary_row["memberships"]:
                zone = m["cluster"].split("/")[0]
                m["zone_name"] = names.get(zone, zone)
        found = details(data, summary_row)
        if summary_row:
            found.append(followup_form.form(PREFIX, zones, data["organisation"], data.get("zone")))
        return found


def next_view(
    view: View,
    trigger,
    *,
    tapped: dict | None = None,
    picked: dict | None = None,
    action: str | None = None,
    search: str | None = None,
    steps: int | None = None,
    zone_ids: list[str] = (),
) -> View | None:
    """The view after an event; None when the event changes nothing that is drawn."""
    if trigger == "netwerk-pick":
        if not picked:
            return None
        if picked["type"] == "netwerk-pick-action":
            return replace(view, selection=picked["index"], focus=None, last=None)
        zone, _, org = picked["index"].partition("|")
        return replace(view, focus=(zone, org), selection=None, last=None)
    if trigger == "netwerk-tap":
        return after_tap(view, tapped, zone_ids)
    if trigger == "netwerk-back":
        return View(opened=view.opened if len(zone_ids) > 1 else frozenset())
    if trigger == "netwerk-action":
        return replace(view, selection=action or None, focus=None if action else view.focus)
    if trigger == "netwerk-search":
        return replace(view, search=(search or "").strip(), last=None)
    if trigger == "netwerk-steps":
        return replace(view, steps=steps or 2)
    if trigger == "netwerk-zone":
        wanted = set(zone_ids)
        focus = view.focus if view.focus and view.focus[0] in wanted else None
        return replace(view, opened=view.opened & wanted, focus=focus, last=None)
    return view  # first drawing or a filter


def after_tap(view: View, data: dict | None, zone_ids: list[str]) -> View | None:
    """A tap opens or closes a category (or the outside group), opens a zone drawn as a box;
    other taps only show details."""
    if not data:
        return None
    node = data["id"]
    if data.get("expandable"):
        toggled = view.toggled ^ {node}
        return replace(view, toggled=toggled, last=None if data.get("expanded") else node)
    summary_box = data.get("level") in ("zone", "cluster")
    if data.get("kind") in ("zone", "cluster") and summary_box and data["zone"] in zone_ids:
        return replace(view, opened=view.opened | {data["zone"]}, last=f"zone:{data['zone']}")
    return None


def action_options(net: ZoneNetwork) -> list[dict]:
    """Goals and actions of the zones drawn in detail, in plan order."""
    several = len(net.detail) > 1
    names = {r["zone"]: r["zone_name"] for r in net.clusters}
    options = []
    entries = [
        (g["zone"], g["number"] or "", 0, f"goal:{g['id']}", f"Doel {g['number']} · {g['title']}")
        for g in net.goals
    ] + [
        (a["zone"], a["code"] or "", 1, a["action"], f"Actie {a['code']} · {a['title']}")
        for a in net.actions
    ]
    for zone, _, _, value, label in sorted(entries, key=_plan_order):
        prefix = f"{names.get(zone, zone)} · " if several else ""
        options.append({"label": _short(prefix + label, 90), "value": value})
    return options


def _plan_order(entry: tuple) -> tuple:
    zone, number, kind, _, _ = entry
    parts = tuple(int(p) if p.isdigit() else 0 for p in str(number).split("."))
    return (zone, parts, kind)


def broker_panel(net: ZoneNetwork) -> list:
    """Who holds the zone together and who takes no part yet, for one zone in detail."""
    if len(net.detail) != 1:
        return [
            html.H2("Verbinders", className="h6"),
            html.P(
                "Kies of open één zone om te zien wie haar netwerk samenhoudt.",
                className="small text-muted",
            ),
        ]
    zone = net.detail[0]
    top = brokers.brokers(net.actions, net.members, zone, top=BROKERS_SHOWN)
    alone = brokers.isolated(net.actions, net.members, zone)
    rows = [
        html.H2("Verbinders", className="h6"),
        html.P(
            "Wie de clusters en werkgroepen verbindt: tussenligging (betweenness) en aantal "
            "acties in het netwerk van organisaties en acties (zonder de zorgraad zelf).",
            className="small text-muted",
        ),
    ]
    if top:
        rows.append(
            html.Ol(
                [
                    html.Li(
                        html.Button(
                            [
                                html.Span(b.name, className="netwerk-broker-name"),
                                html.Span(
                                    f" · {counted(b.actions, 'actie', 'acties')} · "
                                    f"{counted(b.clusters, 'cluster', 'clusters')} · "
                                    # A Flemish decimal comma, as the page writes numbers.
                                    f"{b.betweenness:.3f}".replace(".", ","),
                                    className="text-muted",
                                ),
                            ],
                            id={"type": "netwerk-pick-focus", "index": f"{zone}|{b.organisation}"},
                            className="btn btn-link btn-sm p-0 text-start",
                            title="Focus op deze organisatie",
                        )
                    )
                    for b in top
                ],
                id="netwerk-broker-list",
                className="small ps-3",
            )
        )
    else:
        rows.append(html.P("Geen acties met partners.", className="small"))
    rows.append(
        html.Details(
            [
                html.Summary(
                    counted(len(alone), "organisatie", "organisaties")
                    + " in een cluster maar op geen enkele actie",
                    id="netwerk-isolated-count",
                ),
                html.Ul(
                    [html.Li(r["name"]) for r in alone[:ISOLATED_SHOWN]],
                    className="small ps-3 netwerk-isolated",
                ),
                *(
                    [html.P(f"… en {len(alone) - ISOLATED_SHOWN} meer.", className="ps-3")]
                    if len(alone) > ISOLATED_SHOWN
                    else []
                ),
            ],
            className="small",
        )
    )
    return rows


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


ORGANISATION_LABELS = {
    "contacted": "Gecontacteerd door de cluster: in behandeling, nog niet betrokken",
    "missing": "Als ontbrekend genoteerd in de cluster",
}
KIND_LABELS = {
    "zone": "Eerstelijnszone",
    "cluster": "Cluster",
    "category": "Categorie in de cluster",
    "organisation": "Organisatie in de cluster",
    OUTSIDE: "Organisatie buiten het netwerk",
    "outside-group": "Buiten het netwerk",
    "agency": "Overheid of zorgraad, in geen cluster",
    "agency-group": "Overheid en zorgraden",
    "ghost": "Ontbrekende verwachte partner",
    "action": "Actie",
}


def details(data: dict | None, organisation: dict | None = None) -> list:
    if not data:
        return [html.P(HINT, className="text-muted small")]
    kind = data["kind"]
    label = KIND_LABELS.get(kind, kind)
    if kind == "organisation":  # contacted or noted missing is not in the cluster (design)
        label = ORGANISATION_LABELS.get(data.get("status"), label)
    rows = [
        html.H2(data.get("name") or data["label"], id="netwerk-details-title", className="h5"),
        html.P(label, className="text-muted mb-2"),
    ]
    if kind == "zone":
        rows.append(
            html.P(
                [
                    html.A("Hiaten van deze zone", href=f"/hiaten?zone={data['zone']}"),
                    " · ",
                    html.A("Plan en acties", href=f"/acties?zone={data['zone']}"),
                ]
            )
        )
        if data.get("level") in ("zone", "cluster"):
            rows.append(html.P("Klik op de zone om ze te openen.", className="small"))
    elif kind == "cluster":
        ghosts = data["ghosts"]
        text = (
            f"{counted(data['members'], 'organisatie', 'organisaties')} in deze cluster"
            + (f" en {data['contacted']} gecontacteerd" if data.get("contacted") else "")
            + "; "
            + counted(ghosts, "verwachte categorie ontbreekt", "verwachte categorieën ontbreken")
            + "."
        )
        rows.append(html.P(text))
        rows.append(
            html.A(
                "Alle hiaten van deze cluster",
                href=f"/hiaten?zone={data['zone']}&cluster={data['cluster']}",
            )
        )
    elif kind in ("category", "ghost"):
        if kind == "ghost":
            status = "in behandeling" if data["gap_status"] == "in progress" else "ontbreekt"
            if data.get("gap_kind") == "target":
                status += " · doel van de zone"
            sources = data.get("sources") or [data["gap_source"]]
            rows += [
                html.P(["Status: ", html.Strong(status)]),
                html.P(data["reason"]),
                html.P(
                    ["Bron: ", *_joined([html.Em(source) for source in sources])],
                    className="small",
                ),
            ]
        if data.get("count"):
            rows.append(
                html.Ul(
                    [
                        html.Li(f"{STATUS_LABELS[s]}: {data[s]}")
                        for s in STATUS_ORDER
                        if data.get(s)
                    ],
                    className="small",
                )
            )
            rows.append(
                html.P(
                    "Klik nog eens op het kader om dicht te klappen."
                    if not data.get("expanded")
                    else "Klik om haar organisaties te tonen.",
                    className="small text-muted",
                )
            )
    elif kind == "outside-group":
        rows.append(
            html.P(
                (
                    "1 organisatie werkt mee aan acties van de zone maar is"
                    if data["count"] == 1
                    else f"{data['count']} organisaties werken mee aan acties van de zone maar zijn"
                )
                + " in geen enkele cluster lid of betrokken: kandidaten voor de algemene "
                "vergadering.",
                className="small",
            )
        )
    elif kind == "agency-group":
        one = data["count"] == 1
        who = counted(
            data["count"], "overheidsdienst of zorgraad", "overheidsdiensten of zorgraden"
        )
        rows.append(
            html.P(
                f"{who} {'werkt' if one else 'werken'} mee aan acties van de zone. "
                f"{'Die zit' if one else 'Ze zitten'} in geen cluster en "
                f"{'wordt' if one else 'worden'} niet uitgenodigd in de algemene vergadering.",
                className="small",
            )
        )
    elif kind == "action":
        rows.append(html.P(data["title"]))
        if data.get("own"):
            rows.append(html.P("Trekker: de zorgraad zelf.", className="small"))
        rows += [
            html.Button(
                "Toon de werkgroep",
                id={"type": "netwerk-pick-action", "index": data["action"]},
                className="btn btn-outline-primary btn-sm me-2",
            ),
            html.A("Naar de actie", href=f"/acties?zone={data['zone']}", className="small"),
        ]
    if organisation:
        rows += _organisation(organisation, data)
    return rows


def _organisation(org: dict, data: dict) -> list:
    rows = [
        html.Button(
            "Focus op deze organisatie",
            id={"type": "netwerk-pick-focus", "index": f"{data['zone']}|{org['id']}"},
            className="btn btn-outline-primary btn-sm mb-2",
        ),
        html.P(["Categorie: ", html.Strong(org["category"] or "onbekend")]),
    ]
    if org["municipality"]:
        rows.append(html.P(f"Zetel: {org['municipality']}"))
    memberships = [
        html.Li(
            f"{m.get('zone_name') or m['cluster'].split('/')[0]} · {m['name']}: "
            f"{STATUS_LABELS.get(m['status'], m['status'])}"
        )
        for m in org["memberships"]
    ]
    rows.append(
        html.Div(
            [
                html.Strong("Clusters"),
                html.Ul(memberships) if memberships else html.P("geen", className="small"),
            ]
        )
    )
    actions = [
        html.Li(
            html.Button(
                f"{a['action']} ({ROLE_LABELS[a['role']]}): {_short(a['title'], 80)}",
                id={"type": "netwerk-pick-action", "index": a["action"]},
                className="btn btn-link btn-sm p-0 text-start",
                title="Toon de werkgroep van deze actie",
            )
        )
        for a in sorted(org["actions"], key=lambda a: a["action"])
    ]
    rows.append(
        html.Div(
            [
                html.Strong("Acties"),
                html.Ul(actions, className="small")
                if actions
                else html.P("geen", className="small"),
            ]
        )
    )
    rows.append(
        html.P(
            [
                counted(org["contacts"], "contactpersoon", "contactpersonen"),
                " in het register. ",
                dcc.Link("Bewerk in het register →", href=f"/organisaties?org={org['id']}"),
            ],
            className="small",
        )
    )
    if data["kind"] == OUTSIDE:
        rows.append(
            html.P(
                "Is in geen enkele cluster van de zone lid of betrokken: een kandidaat om uit "
                "te nodigen in de algemene vergadering.",
                className="small",
            )
        )
    elif data["kind"] == "agency":
        rows.append(
            html.P(
                "Een overheidsdienst of zorgraad: werkt mee aan acties van de zone, maar is "
                "geen kandidaat voor de algemene vergadering.",
                className="small",
            )
        )
    return rows


def _joined(parts: list) -> list:
    """Components with "; " between them."""
    out: list = []
    for part in parts:
        if out:
            out.append("; ")
        out.append(part)
    return out
