"""Logboek: the audit trail for admins — who changed what, when, from what to what, and who
exported which list. Filter by zone, day and kind of change; export what is shown.

The audit only grows (a year of Flanders is 100,000 entries and more): the grid is paged on
the server, newest first, one block at a time (see dashboard.paging)."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import guard, paging, session, words
from dashboard.choices import (
    ALL,
    chosen,
    remembered,
    unknown_zone,
    zone_filter,
    zone_options,
    zones_named,
)
from graphmap import audit, export
from graphmap.analysis import network
from graphmap.errors import ValidationError
from graphmap.store import Store

PATH = "/logboek"
TITLE = "Logboek"
ORDER = 7
NEED = "admin"  # see graphmap.access
P = "logboek"
KINDS = {
    "engagement": "betrokkenheid",
    "organisation": "organisaties",
    "contact": "contactpersonen",
    "action": "acties",
    "moment": "contactmomenten",
    "step": "volgende stappen",
    "import": "imports",
    "plan": "plannen",
    "zone": "zones",
    "user": "gebruikers",
    "export": "exports",
    "seed": "seed",
    "restore": "teruggezette back-ups",
}
COLUMNS = [
    {"field": "when", "headerName": "Wanneer", "width": 170, "tooltipField": "at"},
    {"field": "by", "headerName": "Door", "width": 130},
    {"field": "label", "headerName": "Wat", "width": 190},
    {"field": "key", "headerName": "Sleutel", "flex": 1, "minWidth": 140, "tooltipField": "key"},
    {"field": "zones", "headerName": "Zones", "width": 140},
    {"field": "before", "headerName": "Voor", "flex": 2, "tooltipField": "before"},
    {"field": "after", "headerName": "Na", "flex": 2, "tooltipField": "after"},
    paging.VIEW_COLUMN,
]
_counts = paging.Kept()  # entries of a view, counted once while the graph stays the same


def view(zone: str | None, since: str | None, kind: str | None) -> str:
    """The page's filters as the grid's view: changing them makes it ask again."""
    return f"{zone}|{since or ''}|{kind}"


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    zone = next(iter(zones_named(search, zones)), ALL)
    return html.Div(
        [
            dcc.Download(id=f"{P}-download"),
            dbc.Row(
                [
                    zone_filter(f"{P}-zone", search, zone, zone_options(zones)),
                    dbc.Col(
                        [
                            dbc.Label("Sinds", html_for=f"{P}-since"),
                            dbc.Input(id=f"{P}-since", type="date", **remembered(search)),
                        ],
                        md=2,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Soort", html_for=f"{P}-kind"),
                            dbc.Select(
                                id=f"{P}-kind",
                                **remembered(search),
                                value=ALL,
                                options=[
                                    {"label": "Alles", "value": ALL},
                                    *({"label": v, "value": k} for k, v in KINDS.items()),
                                ],
                            ),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        dbc.ButtonGroup(
                            [
                                dbc.Button("Exporteer CSV", id=f"{P}-csv", size="sm"),
                                dbc.Button("XLSX", id=f"{P}-xlsx", size="sm", outline=True),
                            ]
                        ),
                        md=4,
                        className="align-self-end text-end",
                    ),
                ],
                className="mb-2 g-2",
            ),
            html.Div(id=f"{P}-count", className="small text-muted mb-1"),
            dag.AgGrid(
                id=f"{P}-grid",
                columnDefs=COLUMNS,
                rowModelType="infinite",
                filterModel=paging.view_model({}, view(zone, None, ALL)),
                getRowId="params.data.id",
                defaultColDef={"sortable": False, "resizable": True},
                dashGridOptions={
                    "localeText": words.GRID,
                    "tooltipShowDelay": 300,
                    "animateRows": False,
                    **paging.INFINITE_OPTIONS,
                },
                style={"height": "72vh"},
                className="ag-theme-alpine",
            ),
        ]
    )


def _filters(zone: str, since: str | None, kind: str) -> dict:
    return {"zone": chosen(zone), "since": since or None, "action": chosen(kind)}


def register(app: Dash, store: Store) -> None:
    @guard.callback(
        app,
        guard.admin(),
        Output(f"{P}-grid", "filterModel"),
        Input(f"{P}-zone", "value"),
        Input(f"{P}-since", "value"),
        Input(f"{P}-kind", "value"),
        State(f"{P}-grid", "filterModel"),
        prevent_initial_call=True,
    )
    def filter_view(zone, since, kind, current):
        return paging.view_model(current, view(zone, since, kind))

    @guard.callback(
        app,
        guard.admin(),
        Output(f"{P}-grid", "getRowsResponse"),
        Output(f"{P}-count", "children"),
        Input(f"{P}-grid", "getRowsRequest"),
        State(f"{P}-zone", "value"),
        State(f"{P}-since", "value"),
        State(f"{P}-kind", "value"),
    )
    def show(request, zone, since, kind):
        if not request:
            return no_update, no_update
        filters = _filters(zone, since, kind)
        start, end = paging.rows_asked(request)
        rows = audit.entries(
            store, **filters, skip=start, limit=end - start, zone_names=network.zone_names(store)
        )
        total = _counts.get(store, view(zone, since, kind), lambda: audit.count(store, **filters))
        count = f"{total} {'regel' if total == 1 else 'regels'}"
        return {"rowData": rows, "rowCount": total}, count

    @guard.callback(
        app,
        guard.admin(),
        Output(f"{P}-download", "data"),
        Input(f"{P}-csv", "n_clicks"),
        Input(f"{P}-xlsx", "n_clicks"),
        State(f"{P}-zone", "value"),
        State(f"{P}-since", "value"),
        State(f"{P}-kind", "value"),
        prevent_initial_call=True,
    )
    def download(_csv, _xlsx, zone, since, kind):
        if zone is None or unknown_zone(zone, network.zones(store)) is not None:
            raise PreventUpdate  # a hand-made request: the page offers known zones only
        names = network.zone_names(store)
        try:
            rows = audit.entries(store, **_filters(zone, since, kind), zone_names=names)
        except ValidationError:
            raise PreventUpdate from None  # a hand-made day: the page's date field sends one
        fmt = "csv" if ctx.triggered_id == f"{P}-csv" else "xlsx"
        session.exported(store, "logboek", fmt, len(rows), [] if zone == ALL else [zone])
        if fmt == "csv":
            return dcc.send_bytes(export.csv_bytes(rows, audit.PAGE_COLUMNS), "logboek.csv")
        sheets = {"Logboek": (rows, audit.PAGE_COLUMNS)}
        return dcc.send_bytes(export.xlsx_bytes(sheets), "logboek.xlsx")
