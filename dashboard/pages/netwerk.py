"""Netwerk: a zone's clusters and the organisations in them, as a graph."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import Dash, Input, Output, dcc, html

from dashboard.elements import CLUSTER_COLOURS, STYLESHEET, network_elements
from graphmap.analysis import network
from graphmap.store import Store

PATH = "/"
TITLE = "Netwerk"


def _legend() -> html.Div:
    items = [
        html.Span(
            [html.Span(className="legend-dot", style={"background": colour}), name],
            className="me-3",
        )
        for name, colour in (
            ("Zorg", CLUSTER_COLOURS["zorg"]),
            ("Welzijn", CLUSTER_COLOURS["welzijn"]),
            ("PZON", CLUSTER_COLOURS["pzon"]),
            ("Lokale besturen", CLUSTER_COLOURS["lokale_besturen"]),
        )
    ]
    items.append(
        html.Span(
            [
                html.Span(className="legend-dot legend-outside"),
                "Werkt mee aan acties, maar zit in geen cluster",
            ]
        )
    )
    return html.Div(items, id="netwerk-legend", className="small text-muted mb-2")


def layout(store: Store) -> html.Div:
    zones = network.zones(store)
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Zone", html_for="netwerk-zone"),
                            dcc.Dropdown(
                                id="netwerk-zone",
                                options=[{"label": z["name"], "value": z["id"]} for z in zones],
                                value=[zones[0]["id"]] if zones else [],
                                multi=True,
                                placeholder="Kies een of meer zones",
                            ),
                        ],
                        md=6,
                    ),
                ],
                className="mb-2",
            ),
            _legend(),
            dbc.Row(
                [
                    dbc.Col(
                        cyto.Cytoscape(
                            id="netwerk-graph",
                            elements=[],
                            stylesheet=STYLESHEET,
                            layout={
                                "name": "cose",
                                "animate": False,
                                "nodeDimensionsIncludeLabels": True,
                            },
                            style={"width": "100%", "height": "70vh"},
                            className="border rounded",
                        ),
                        md=9,
                    ),
                    dbc.Col(
                        html.Div(
                            id="netwerk-details",
                            children=html.P(
                                "Klik op een knoop voor details.", className="text-muted"
                            ),
                        ),
                        md=3,
                    ),
                ]
            ),
        ]
    )


def register(app: Dash, store: Store) -> None:
    @app.callback(Output("netwerk-graph", "elements"), Input("netwerk-zone", "value"))
    def show_zones(zone_ids):
        zone_ids = zone_ids or []
        return network_elements(
            network.zone_network(store, zone_ids), network.zone_actors(store, zone_ids)
        )

    @app.callback(
        Output("netwerk-details", "children"),
        Input("netwerk-graph", "tapNodeData"),
        prevent_initial_call=True,
    )
    def show_details(data):
        return details(data)


def details(data: dict | None) -> list:
    if not data:
        return [html.P("Klik op een knoop voor details.", className="text-muted")]
    kind_labels = {
        "zone": "Eerstelijnszone",
        "cluster": "Cluster",
        "organisation": "Organisatie (lid van de cluster)",
        "outside": "Organisatie buiten het netwerk",
    }
    rows = [
        html.H5(data["label"], id="netwerk-details-title"),
        html.P(kind_labels.get(data["kind"], data["kind"]), className="text-muted"),
    ]
    if data.get("category"):
        rows.append(html.P(["Categorie: ", html.Strong(data["category"])]))
    if data.get("status_label"):
        rows.append(html.P(["Status: ", html.Strong(data["status_label"])]))
    if data.get("actions"):
        roles = {"LEADS": "trekker", "PARTNER_IN": "partner"}
        rows.append(
            html.P(
                f"Werkt mee aan {data['actions']} actie(s) als "
                + " en ".join(roles[r] for r in data["roles"])
                + "."
            )
        )
    return rows
