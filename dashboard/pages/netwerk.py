"""Netwerk: a zone's clusters and the organisations in them, as a graph."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import Dash, Input, Output, dcc, html

from dashboard.elements import CLUSTER_COLOURS, LAYOUT, STYLESHEET, network_elements
from graphmap.analysis import network
from graphmap.store import Store

PATH = "/"
TITLE = "Netwerk"
ORDER = 1
HINT = "Klik op een zone, cluster of organisatie voor details."


def _legend() -> html.Div:
    names = {
        "zorg": "Zorg",
        "welzijn": "Welzijn",
        "pzon": "PZON",
        "lokale_besturen": "Lokale besturen",
    }
    items = [
        html.Span(
            [html.Span(className="legend-dot", style={"background": CLUSTER_COLOURS[k]}), name],
            className="me-3",
        )
        for k, name in names.items()
    ]
    items.append(
        html.Span(
            [
                html.Span(className="legend-dot legend-outside"),
                "werkt mee aan acties, maar zit in geen cluster",
            ]
        )
    )
    return html.Div(items, id="netwerk-legend", className="small mb-2")


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    known = {z["id"] for z in zones}
    wanted = [z for z in parse_qs(search.lstrip("?")).get("zone", []) if z in known]
    selected = (wanted or [zones[0]["id"]]) if zones else []
    return html.Div(
        [
            dbc.Row(
                dbc.Col(
                    [
                        dbc.Label("Zone(s)", html_for="netwerk-zone", className="fw-semibold"),
                        dcc.Dropdown(
                            id="netwerk-zone",
                            multi=True,
                            value=selected,
                            options=[{"label": z["name"], "value": z["id"]} for z in zones],
                            placeholder="Kies een of meer zones",
                        ),
                    ],
                    md=6,
                ),
                className="mb-2",
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
                            layout=LAYOUT,
                            minZoom=0.2,
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
    @app.callback(
        Output("netwerk-graph", "elements"),
        Output("netwerk-summary", "children"),
        Input("netwerk-zone", "value"),
    )
    def show_zones(zone_ids):
        zone_ids = zone_ids or []
        members = network.zone_network(store, zone_ids)
        actors = network.zone_actors(store, zone_ids)
        return network_elements(members, actors), summary(members, actors)

    @app.callback(
        Output("netwerk-details", "children"),
        Input("netwerk-graph", "tapNodeData"),
        prevent_initial_call=True,
    )
    def show_details(data):
        return details(data)


def summary(members: list[dict], actors: list[dict]) -> str:
    clusters = {row["cluster"] for row in members}
    in_clusters = {row["organisation"] for row in members if row["organisation"]}
    outside = {row["organisation"] for row in actors if not row["in_network"]}
    return (
        f"{len(clusters)} clusters · {len(in_clusters)} organisaties in een cluster · "
        f"{len(outside)} organisaties buiten het netwerk die meewerken aan acties"
    )


def details(data: dict | None) -> list:
    if not data:
        return [html.P(HINT, className="text-muted")]
    kinds = {
        "zone": "Eerstelijnszone",
        "cluster": "Cluster",
        "organisation": "Organisatie in de cluster",
        "outside": "Organisatie buiten het netwerk",
    }
    rows = [
        html.H5(data["label"], id="netwerk-details-title"),
        html.P(kinds.get(data["kind"], data["kind"]), className="text-muted"),
    ]
    if data.get("category"):
        rows.append(html.P(["Categorie: ", html.Strong(data["category"])]))
    if data.get("status_label"):
        rows.append(html.P(["Status: ", html.Strong(data["status_label"])]))
    if data.get("members") is not None:
        rows.append(html.P(f"{data['members']} organisatie(s) in deze cluster."))
    if data.get("actions"):
        roles = {"LEADS": "trekker", "PARTNER_IN": "partner"}
        rows.append(
            html.P(
                f"Werkt mee aan {data['actions']} actie(s) als "
                + " en ".join(roles[r] for r in data["roles"])
                + "."
            )
        )
    if data["kind"] == "outside":
        rows.append(
            html.P(
                "Zit in geen enkele cluster van de zone: een kandidaat om uit te "
                "nodigen in de algemene vergadering.",
                className="small",
            )
        )
    return rows
