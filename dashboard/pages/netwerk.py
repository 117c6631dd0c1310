"""Netwerk: a zone's clusters, the organisations in them, the actions that link them and
the expected partners that are missing (ghost nodes)."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import Dash, Input, Output, State, dcc, html

from dashboard import followup as followup_form
from dashboard.elements import (
    CLUSTER_COLOURS,
    CLUSTER_NAMES,
    LAYOUT_LABELS,
    LAYOUTS,
    OUTSIDE,
    ROLE_LABELS,
    STATUS_LABELS,
    STYLESHEET,
    Filters,
    network_elements,
)
from graphmap.analysis import gaps, network
from graphmap.store import Store

PATH = "/"
TITLE = "Netwerk"
ORDER = 1
PREFIX = "netwerk"
GHOST_KINDS = ("category", "target")
HINT = "Klik op een zone, cluster, organisatie, actie of ontbrekende partner voor details."
STATUS_OPTIONS = [
    {"label": STATUS_LABELS[s], "value": s} for s in ("member", "involved", "contacted", "missing")
]
STATUS_OPTIONS.append({"label": "buiten het netwerk", "value": OUTSIDE})

# Runs in the browser: highlight the nodes whose label holds the text, and centre on them.
SEARCH_JS = """
function(text, elements) {
    const box = document.getElementById('netwerk-graph');
    const cy = box && box._cyreg && box._cyreg.cy;
    if (!cy) { return ''; }
    cy.nodes().removeClass('highlight');
    const wanted = (text || '').trim().toLowerCase();
    if (!wanted) { return ''; }
    const found = cy.nodes().filter(n => (n.data('label') || '').toLowerCase().includes(wanted));
    found.addClass('highlight');
    if (found.length) { cy.animate({fit: {eles: found, padding: 120}, duration: 300}); }
    return found.length ? found.length + ' gevonden' : 'niets gevonden';
}
"""
# Runs in the browser: a ?focus=<node id> link selects and centres that node once drawn.
FOCUS_JS = """
function(elements, focus) {
    if (!focus) { return ''; }
    setTimeout(function() {
        const box = document.getElementById('netwerk-graph');
        const cy = box && box._cyreg && box._cyreg.cy;
        if (!cy) { return; }
        const node = cy.getElementById(focus);
        if (node.length) {
            cy.elements().unselect(); node.select(); node.addClass('highlight');
            cy.animate({center: {eles: node}, zoom: 1.4, duration: 300});
        }
    }, 400);
    return focus;
}
"""


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
            [html.Span(className=f"{dot} legend-outside"), "buiten het netwerk"], className="me-3"
        ),
        html.Span(
            [html.Span(className=f"{dot} legend-ghost"), "verwachte partner ontbreekt"],
            className="me-3",
        ),
        html.Span(
            [
                html.Span(className=f"{dot} legend-ghost legend-target"),
                "doel van de zone ontbreekt",
            ],
            className="me-3",
        ),
        html.Span([html.Span(className=f"{dot} legend-action"), "actie"], className="me-3"),
        html.Span([html.Span(className="legend-line"), "trekker"], className="me-3"),
        html.Span([html.Span(className="legend-line legend-dashed"), "partner"], className="me-3"),
        html.Span("gestreepte rand: gecontacteerd", className="me-3"),
    ]
    return html.Div(items, id="netwerk-legend", className="small mb-2")


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    query = parse_qs(search.lstrip("?"))
    known = {z["id"] for z in zones}
    wanted = [z for z in query.get("zone", []) if z in known]
    selected = (wanted or [zones[0]["id"]]) if zones else []
    categories = network.categories(store)
    return html.Div(
        [
            dcc.Store(id="netwerk-focus", data=(query.get("focus") or [None])[0]),
            html.Div(id="netwerk-focused", hidden=True),
            dcc.Download(id="netwerk-download-dummy"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Zone(s)", html_for="netwerk-zone"),
                            dcc.Dropdown(
                                id="netwerk-zone",
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
                            dbc.Label("Actie", html_for="netwerk-action"),
                            dcc.Dropdown(id="netwerk-action", placeholder="Alle acties"),
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
                                        placeholder="naam van een organisatie, cluster, actie…",
                                    ),
                                    dbc.InputGroupText(
                                        id="netwerk-search-result", className="small"
                                    ),
                                ]
                            ),
                        ],
                        md=4,
                    ),
                ],
                className="mb-2 g-2",
            ),
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
                className="mb-2 g-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dbc.Switch(
                            id="netwerk-ghosts",
                            value=True,
                            label="Toon ontbrekende verwachte partners",
                        ),
                        md="auto",
                    ),
                    dbc.Col(
                        dbc.Select(
                            id="netwerk-layout",
                            value="fcose",
                            size="sm",
                            options=[
                                {"label": label, "value": key}
                                for key, label in LAYOUT_LABELS.items()
                            ],
                        ),
                        md=2,
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
                        md="auto",
                    ),
                ],
                className="mb-2 g-2 align-items-center",
            ),
            _legend(),
            html.Div(id="netwerk-summary", className="small text-muted mb-1"),
            dbc.Row(
                [
                    dbc.Col(
                        cyto.Cytoscape(
                            id="netwerk-graph",
                            elements=[],
                            stylesheet=STYLESHEET,
                            layout=LAYOUTS["fcose"],
                            minZoom=0.15,
                            maxZoom=3,
                            style={"width": "100%", "height": "72vh"},
                            className="border rounded bg-white",
                        ),
                        lg=9,
                    ),
                    dbc.Col(
                        dbc.Card(
                            dbc.CardBody(
                                html.Div(
                                    id="netwerk-details",
                                    children=html.P(HINT, className="text-muted"),
                                )
                            )
                        ),
                        lg=3,
                    ),
                ]
            ),
        ]
    )


def register(app: Dash, store: Store) -> None:
    followup_form.register(app, store, PREFIX)

    @app.callback(
        Output("netwerk-action", "options"),
        Output("netwerk-action", "value"),
        Input("netwerk-zone", "value"),
        State("netwerk-action", "value"),
    )
    def action_options(zone_ids, current):
        options = [
            {"label": f"{a['id']} · {_short(a['title'], 60)}", "value": a["id"]}
            for zone in zone_ids or []
            for a in network.actions(store, zone)
        ]
        return options, current if current in {o["value"] for o in options} else None

    @app.callback(
        Output("netwerk-graph", "elements"),
        Output("netwerk-summary", "children"),
        Input("netwerk-zone", "value"),
        Input("netwerk-cluster", "value"),
        Input("netwerk-category", "value"),
        Input("netwerk-status", "value"),
        Input("netwerk-action", "value"),
        Input("netwerk-ghosts", "value"),
    )
    def draw(zone_ids, clusters, categories, statuses, action, ghosts):
        zone_ids = zone_ids or []
        filters = Filters(
            clusters=frozenset(clusters or ["-"]),
            categories=frozenset(categories or []),
            statuses=frozenset(statuses or ["-"]),
            action=action,
            ghosts=bool(ghosts),
        )
        # Ghost nodes need the category gaps only; one query for one zone or for all.
        zone = zone_ids[0] if len(zone_ids) == 1 else None
        found = [g for g in gaps.gaps(store, zone=zone, kinds=GHOST_KINDS) if g.zone in zone_ids]
        elements = network_elements(
            network.zone_network(store, zone_ids),
            network.zone_actors(store, zone_ids),
            found,
            network.action_links(store, zone_ids),
            filters,
        )
        return elements, summary(elements)

    @app.callback(Output("netwerk-graph", "layout"), Input("netwerk-layout", "value"))
    def choose_layout(name):
        return LAYOUTS.get(name, LAYOUTS["fcose"])

    @app.callback(
        Output("netwerk-graph", "generateImage"),
        Input("netwerk-png", "n_clicks"),
        Input("netwerk-svg", "n_clicks"),
        prevent_initial_call=True,
    )
    def download_image(_png, _svg):
        from dash import ctx

        kind = "svg" if ctx.triggered_id == "netwerk-svg" else "png"
        return {"type": kind, "action": "download", "filename": "graphmap-netwerk"}

    app.clientside_callback(
        SEARCH_JS,
        Output("netwerk-search-result", "children"),
        Input("netwerk-search", "value"),
        Input("netwerk-graph", "elements"),
    )
    app.clientside_callback(
        FOCUS_JS,
        Output("netwerk-focused", "children"),
        Input("netwerk-graph", "elements"),
        State("netwerk-focus", "data"),
    )

    @app.callback(
        Output("netwerk-details", "children"),
        Input("netwerk-graph", "tapNodeData"),
        prevent_initial_call=True,
    )
    def show_details(data):
        summary_row = None
        if data and data.get("organisation"):
            summary_row = network.organisation_summary(store, data["organisation"])
        found = details(data, summary_row)
        if summary_row:
            zones = network.zones(store)
            found.append(followup_form.form(PREFIX, zones, data["organisation"], data.get("zone")))
        return found


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(elements: list[dict]) -> str:
    kinds = [e["data"].get("kind") for e in elements if "source" not in e["data"]]
    orgs = {e["data"]["organisation"] for e in elements if e["data"].get("kind") == "organisation"}
    outside = {e["data"]["organisation"] for e in elements if e["data"].get("kind") == OUTSIDE}
    return (
        f"{kinds.count('cluster')} clusters · {len(orgs)} organisaties in een cluster · "
        f"{len(outside)} buiten het netwerk · {kinds.count('ghost')} ontbrekende verwachte "
        f"partners · {kinds.count('action')} verbindende acties"
    )


def details(data: dict | None, organisation: dict | None = None) -> list:
    if not data:
        return [html.P(HINT, className="text-muted")]
    kinds = {
        "zone": "Eerstelijnszone",
        "cluster": "Cluster",
        "organisation": "Organisatie in de cluster",
        OUTSIDE: "Organisatie buiten het netwerk",
        "ghost": "Ontbrekende verwachte partner",
        "action": "Actie",
    }
    rows = [
        html.H5(data["label"], id="netwerk-details-title"),
        html.P(kinds.get(data["kind"], data["kind"]), className="text-muted mb-2"),
    ]
    kind = data["kind"]
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
    elif kind == "cluster":
        rows.append(
            html.P(
                f"{data['members']} organisatie(s) in deze cluster; "
                f"{data['ghosts']} verwachte categorie(ën) ontbreken."
            )
        )
        rows.append(
            html.A(
                "Alle hiaten van deze cluster",
                href=f"/hiaten?zone={data['zone']}&cluster={data['cluster']}",
            )
        )
    elif kind == "ghost":
        status = "in behandeling" if data["gap_status"] == "in progress" else "ontbreekt"
        rows += [
            html.P(["Status: ", html.Strong(status)]),
            html.P(data["reason"]),
            html.P(["Bron: ", html.Em(data["gap_source"])], className="small"),
        ]
    elif kind == "action":
        rows += [
            html.P(data["title"]),
            html.A("Naar de actie", href=f"/acties?zone={data['zone']}"),
        ]
    if organisation:
        rows += _organisation(organisation, kind)
    return rows


def _organisation(org: dict, kind: str) -> list:
    rows = [html.P(["Categorie: ", html.Strong(org["category"] or "onbekend")])]
    if org["municipality"]:
        rows.append(html.P(f"Zetel: {org['municipality']}"))
    memberships = [
        html.Li(
            f"{m['cluster'].split('/')[0]} · {m['name']}: "
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
        html.Li(f"{a['action']} ({ROLE_LABELS[a['role']]}): {_short(a['title'], 80)}")
        for a in sorted(org["actions"], key=lambda a: a["action"])
    ]
    rows.append(
        html.Div(
            [
                html.Strong("Acties"),
                html.Ul(actions) if actions else html.P("geen", className="small"),
            ]
        )
    )
    rows.append(
        html.P(
            [
                f"{org['contacts']} contactperso(o)n(en) in het register. ",
                dcc.Link("Bewerk in het register →", href=f"/organisaties?org={org['id']}"),
            ],
            className="small",
        )
    )
    if kind == OUTSIDE:
        rows.append(
            html.P(
                "Zit in geen enkele cluster van de zone: een kandidaat om uit te "
                "nodigen in de algemene vergadering.",
                className="small",
            )
        )
    return rows
