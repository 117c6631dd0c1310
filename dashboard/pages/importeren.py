"""Importeren: upload a partner list, a contact list or a plan; preview; then apply."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from graphmap import limits
from graphmap.analysis import network
from graphmap.errors import GraphmapError
from graphmap.ingest import plan as plan_import
from graphmap.ingest import spreadsheet
from graphmap.ingest.upload import with_upload
from graphmap.store import Store

PATH = "/importeren"
TITLE = "Importeren"
ORDER = 6
KINDS = {
    spreadsheet.ORGANISATIONS: "Partnerlijst (organisaties, CSV of XLSX)",
    spreadsheet.CONTACTS: "Contactpersonen (CSV of XLSX)",
    "plan": "Plan van de zone (.txt, .docx, .pdf)",
}
OUTCOMES = {
    "new": "nieuw",
    "updated": "bijgewerkt",
    "unchanged": "ongewijzigd",
    "rejected": "geweigerd",
}
ROW_COLUMNS = [
    {"field": "row", "headerName": "Rij", "width": 80},
    {
        "field": "outcome",
        "headerName": "Uitkomst",
        "width": 130,
        "cellClassRules": {"import-rejected": "params.value == 'geweigerd'"},
    },
    {"field": "name", "headerName": "Naam", "flex": 1},
    {"field": "organisation", "headerName": "Organisatie (id)", "flex": 1},
    {"field": "message", "headerName": "Melding", "flex": 3, "tooltipField": "message"},
]
PLAN_COLUMNS = [
    {"field": "operational_goal", "headerName": "Doelstelling", "width": 120},
    {"field": "id_code", "headerName": "Actie", "width": 100},
    {"field": "title", "headerName": "Titel", "flex": 3, "tooltipField": "title"},
    {"field": "lead", "headerName": "Trekker", "flex": 1},
    {"field": "partners", "headerName": "Partners", "flex": 2},
]


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Wat importeert u?", html_for="importeren-kind"),
                            dbc.Select(
                                id="importeren-kind",
                                value=spreadsheet.ORGANISATIONS,
                                options=[{"label": v, "value": k} for k, v in KINDS.items()],
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Zone", html_for="importeren-zone"),
                            dbc.Select(
                                id="importeren-zone",
                                value=zones[0]["id"] if zones else None,
                                options=[{"label": z["name"], "value": z["id"]} for z in zones],
                            ),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        dcc.Upload(
                            id="importeren-upload",
                            multiple=False,
                            # The browser refuses a larger file before sending it.
                            max_size=limits.FILE_BYTES,
                            children=html.Div(
                                [
                                    "Sleep een bestand hierheen of ",
                                    html.A("kies een bestand"),
                                    f" (hoogstens {limits.FILE_BYTES // 1024 // 1024} MB)",
                                ]
                            ),
                            className="importeren-drop",
                        ),
                        md=5,
                    ),
                ],
                className="mb-2 g-2 align-items-end",
            ),
            html.Div(id="importeren-file", className="small text-muted mb-2"),
            html.Div(id="importeren-summary", className="mb-2"),
            dbc.Button(
                "Toepassen: schrijf de aanvaarde rijen in één keer weg",
                id="importeren-apply",
                color="success",
                disabled=True,
                className="mb-2",
            ),
            html.Div(id="importeren-result"),
            dag.AgGrid(
                id="importeren-grid",
                columnDefs=ROW_COLUMNS,
                rowData=[],
                defaultColDef={"sortable": True, "filter": True, "resizable": True},
                dashGridOptions={"tooltipShowDelay": 300},
                style={"height": "60vh"},
                className="ag-theme-alpine",
            ),
        ]
    )


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output("importeren-grid", "rowData"),
        Output("importeren-grid", "columnDefs"),
        Output("importeren-summary", "children"),
        Output("importeren-apply", "disabled"),
        Output("importeren-result", "children"),
        Output("importeren-file", "children"),
        Input("importeren-upload", "contents"),
        Input("importeren-kind", "value"),
        Input("importeren-zone", "value"),
        Input("importeren-apply", "n_clicks"),
        State("importeren-upload", "filename"),
        prevent_initial_call=True,
    )
    def run(contents, kind, zone, _apply, filename):
        if not contents:
            return no_update, no_update, no_update, True, None, no_update
        apply = ctx.triggered_id == "importeren-apply"
        try:
            if kind == "plan":
                grid, summary, ready, result = _plan(store, contents, filename, zone, apply)
                columns = PLAN_COLUMNS
            else:
                grid, summary, ready, result = _sheet(store, contents, filename, kind, zone, apply)
                columns = ROW_COLUMNS
        except GraphmapError as error:
            return [], no_update, dbc.Alert(str(error), color="danger"), True, None, filename
        return grid, columns, summary, not ready or apply, result, f"Bestand: {filename}"


def _sheet(store, contents, filename, kind, zone, apply):
    report = with_upload(
        contents, filename, lambda path: spreadsheet.plan_import(store, path, kind, zone=zone)
    )
    result = None
    if apply:
        spreadsheet.apply_import(store, report)
        result = dbc.Alert("Geïmporteerd in één transactie.", color="success", id="importeren-done")
    counts = report.counts
    summary = html.P(
        f"{counts['new']} nieuw · {counts['updated']} bijgewerkt · "
        f"{counts['unchanged']} ongewijzigd · {counts['rejected']} geweigerd",
        id="importeren-counts",
    )
    rows = [
        {
            "row": r.row,
            "outcome": OUTCOMES.get(r.outcome, r.outcome),
            "name": r.name,
            "organisation": r.organisation or "",
            "message": r.message,
        }
        for r in report.rows
    ]
    ready = counts["new"] + counts["updated"] > 0
    return rows, summary, ready, result


def _plan(store, contents, filename, zone, apply):
    existing = plan_import.existing_organisations(store)
    preview = with_upload(
        contents, filename, lambda path: plan_import.read_plan(path, zone, existing)
    )
    result = None
    if apply:
        written = plan_import.apply_plan(store, preview, zone)
        result = dbc.Alert(
            f"Geschreven: {plan_import.summary(written)}", color="success", id="importeren-done"
        )
    new = sum(1 for m in preview.organisation_matches if m.match == "new")
    summary = html.P(
        f"{len(preview.strategic_goals)} strategische en "
        f"{len(preview.operational_goals)} operationele doelstellingen · "
        f"{len(preview.actions)} acties · {len(preview.organisations)} organisaties "
        f"genoemd, waarvan {new} nieuw",
        id="importeren-counts",
    )
    rows = [{**a.model_dump(), "partners": ", ".join(a.partners)} for a in preview.actions]
    return rows, summary, bool(preview.actions), result
