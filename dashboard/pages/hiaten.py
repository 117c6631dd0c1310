"""Hiaten: the gap report as a grid; record an engagement; see a gap in the network; export.

The engagement form is for the editors of the zone it records in: for anyone else its
button is disabled, with the gate's reason beside it.

The grid is paged on the server (dashboard.paging): all of Flanders holds thousands of
gaps, of which the browser only gets the blocks it shows. The export holds every row.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import followup as followup_form
from dashboard import guard, paging, session, words
from dashboard.choices import (
    ALL,
    chosen,
    editable,
    own_zone,
    remembered,
    start_zone,
    unknown_zone,
    zone_filter,
    zone_options,
)
from dashboard.elements import CLUSTER_NAMES, STATUS_LABELS, ghost_node_id, org_node_id
from graphmap import access, engagement, export
from graphmap.analysis import directory, gaps, network
from graphmap.errors import GraphmapError
from graphmap.store import Store

PATH = "/hiaten"
TITLE = "Hiaten"
ORDER = 2
NEED = "view"  # see graphmap.access
P = "hiaten"

COLUMNS = [
    {"field": "zone_name", "headerName": "Zone", "width": 130},
    {"field": "cluster_label", "headerName": "Cluster", "width": 120},
    {"field": "kind_label", "headerName": "Soort", "width": 170},
    {"field": "missing", "headerName": "Wat ontbreekt", "flex": 2, "minWidth": 220},
    {
        "field": "status_label",
        "headerName": "Status",
        "width": 130,
        "cellClassRules": {"gap-in-progress": "params.value == 'in behandeling'"},
    },
    {
        "field": "reason",
        "headerName": "Waarom verwacht",
        "flex": 3,
        "minWidth": 260,
        "tooltipField": "reason",
    },
    {"field": "source", "headerName": "Bron", "flex": 1, "minWidth": 160, "tooltipField": "source"},
    paging.VIEW_COLUMN,
]
CHOICES = 50  # organisations offered by a search in the engagement form
VIEWER = "Als kijker legt u geen betrokkenheid vast."
UNSELECTED = html.P("Klik op een rij om het hiaat te bekijken.", className="text-muted")
_reports = paging.Kept()


def gap_id(gap: gaps.Gap) -> str:
    return f"{gap.zone}|{gap.cluster or '-'}|{gap.kind}|{gap.subject}"


def focus_node(gap: dict) -> str:
    """The Netwerk node that shows this gap best."""
    if gap["kind"] in ("category", "target"):
        return ghost_node_id(gap["zone"], gap["cluster"], gap["subject"])
    if gap["kind"] == "outside":
        return org_node_id(gap["zone"], gap["subject"])
    if gap["kind"] in ("municipality", "peer"):
        return f"cluster:{gap['zone']}/{gap['cluster']}"
    return f"zone:{gap['zone']}"


def view(zone: str, cluster: str, version) -> str:
    return f"{zone}|{cluster}|{version or 0}"


def report(store: Store, zone: str | None, cluster: str | None) -> list[dict]:
    """The gap rows of a view, kept while the grid asks for its blocks."""
    if cluster is not None and cluster not in CLUSTER_NAMES:
        return []  # a hand-made request: the page offers the four clusters only
    return _reports.get(store, (zone, cluster), lambda: rows(store, zone, cluster))


def rows(store: Store, zone: str | None, cluster: str | None) -> list[dict]:
    return [
        {
            **gap.as_dict(),
            "id": gap_id(gap),
            "cluster_label": CLUSTER_NAMES.get(gap.cluster or "", "—"),
            "kind_label": gaps.KIND_LABELS[gap.kind],
            "status_label": gaps.STATUS_LABELS[gap.status],
        }
        for gap in gaps.gaps(store, zone=zone, cluster=cluster)
    ]


def layout(store: Store, search: str = "") -> html.Div:
    query = parse_qs(search.lstrip("?"))
    zones = network.zones(store)
    user = session.user()
    # What the address names, where the page offers it: a cluster or zone it does not know
    # (typed, or from an old link) made the grid's report fail and the grid stay empty.
    zone = next(
        (z for z in query.get("zone", []) if z == ALL or z in {o["id"] for o in zones}),
        start_zone(zones, user),
    )
    cluster = next((c for c in query.get("cluster", []) if c in CLUSTER_NAMES), ALL)
    viewer = not user.edits
    # The form records in the user's own zone until a gap says which.
    recording = own_zone(editable(zones, user) or zones, user)
    return html.Div(
        [
            dcc.Store(id="hiaten-version", data=0),
            # The membership's status as the form shows it, which a new one is chosen over.
            dcc.Store(id="hiaten-shown"),
            dcc.Download(id="hiaten-download"),
            dbc.Row(
                [
                    zone_filter("hiaten-zone", search, zone, zone_options(zones)),
                    dbc.Col(
                        [
                            dbc.Label("Cluster", html_for="hiaten-cluster"),
                            dbc.Select(
                                id="hiaten-cluster",
                                **remembered(search),
                                value=cluster,
                                options=[
                                    {"label": "Alle clusters", "value": ALL},
                                    *({"label": n, "value": k} for k, n in CLUSTER_NAMES.items()),
                                ],
                            ),
                        ],
                        md=3,
                    ),
                    dbc.Col(
                        html.Div(id="hiaten-count", className="text-muted small"),
                        md=3,
                        className="align-self-end",
                    ),
                    dbc.Col(
                        dbc.ButtonGroup(
                            [
                                dbc.Button(
                                    "Exporteer XLSX", id="hiaten-xlsx", color="primary", size="sm"
                                ),
                                dbc.Button(
                                    "CSV", id="hiaten-csv", color="primary", outline=True, size="sm"
                                ),
                            ]
                        ),
                        md=3,
                        className="align-self-end text-end",
                    ),
                ],
                className="mb-2 g-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dag.AgGrid(
                            id="hiaten-grid",
                            columnDefs=COLUMNS,
                            rowModelType="infinite",
                            filterModel=paging.view_model({}, view(zone, cluster, 0)),
                            getRowId="params.data.id",
                            defaultColDef={
                                "sortable": True,
                                "filter": True,
                                "floatingFilter": True,
                                "resizable": True,
                                "wrapText": False,
                            },
                            dashGridOptions=paging.PICKED_ROW_OPTIONS,
                            style={"height": "72vh"},
                            className="ag-theme-alpine",
                        ),
                        lg=8,
                    ),
                    dbc.Col(
                        dbc.Card(
                            dbc.CardBody(
                                [
                                    html.H5("Geselecteerd hiaat", className="card-title"),
                                    html.Div(id="hiaten-selected", children=UNSELECTED),
                                    html.Hr(),
                                    html.H6("Betrokkenheid van een partner vastleggen"),
                                    dbc.Label("Organisatie", html_for="hiaten-organisation"),
                                    dcc.Dropdown(
                                        labels=words.DROPDOWN,
                                        id="hiaten-organisation",
                                        placeholder="Kies een organisatie",
                                        disabled=viewer,
                                    ),
                                    dbc.Row(
                                        [
                                            dbc.Col(
                                                [
                                                    dbc.Label(
                                                        "Zone", html_for="hiaten-status-zone"
                                                    ),
                                                    dbc.Select(
                                                        id="hiaten-status-zone",
                                                        options=[
                                                            {"label": z["name"], "value": z["id"]}
                                                            for z in zones
                                                        ],
                                                        value=recording,
                                                        disabled=viewer,
                                                    ),
                                                ]
                                            ),
                                            dbc.Col(
                                                [
                                                    dbc.Label(
                                                        "Cluster", html_for="hiaten-status-cluster"
                                                    ),
                                                    dbc.Select(
                                                        id="hiaten-status-cluster",
                                                        options=[
                                                            {"label": n, "value": k}
                                                            for k, n in CLUSTER_NAMES.items()
                                                        ],
                                                        disabled=viewer,
                                                    ),
                                                ]
                                            ),
                                        ],
                                        className="g-2 mt-1",
                                    ),
                                    html.Div(
                                        id="hiaten-current", className="small text-muted mt-1"
                                    ),
                                    dbc.Label("Status", html_for="hiaten-status", className="mt-1"),
                                    dbc.Select(
                                        id="hiaten-status",
                                        value="contacted",
                                        disabled=viewer,
                                        options=[
                                            {"label": STATUS_LABELS[s], "value": s}
                                            for s in ("missing", "contacted", "involved", "member")
                                        ],
                                    ),
                                    dbc.Button(
                                        "Opslaan",
                                        id="hiaten-save",
                                        color="success",
                                        className="mt-2",
                                        disabled=viewer,
                                    ),
                                    html.Div(
                                        VIEWER if viewer else None,
                                        id="hiaten-save-reason",
                                        className="small text-muted mt-1",
                                    ),
                                    html.Div(id="hiaten-feedback", className="mt-2"),
                                    followup_form.form(P, zones),
                                ]
                            )
                        ),
                        lg=4,
                    ),
                ]
            ),
        ]
    )


def count(rows: list[dict], shown: list[dict]) -> str:
    """The gaps the grid shows, as many as its column filters let through, of how many."""
    in_progress = sum(1 for r in shown if r["status"] == gaps.IN_PROGRESS)
    if len(shown) == len(rows):
        return (
            f"{words.counted(len(rows), 'hiaat', 'hiaten')}, waarvan {in_progress} in behandeling"
        )
    return (
        f"{len(shown)} van de {words.counted(len(rows), 'hiaat', 'hiaten')} (gefilterd), "
        f"waarvan {in_progress} in behandeling"
    )


def register(app: Dash, store: Store) -> None:
    followup_form.register(
        app, store, P, Input("hiaten-organisation", "value"), Input("hiaten-status-zone", "value")
    )

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-grid", "filterModel"),
        Output("hiaten-selected", "children", allow_duplicate=True),
        Output("hiaten-organisation", "value", allow_duplicate=True),
        Input("hiaten-zone", "value"),
        Input("hiaten-cluster", "value"),
        Input("hiaten-version", "data"),
        State("hiaten-grid", "filterModel"),
        prevent_initial_call=True,
    )
    def reload(zone, cluster, version, current):
        model = paging.view_model(current, view(zone, cluster, version))
        if ctx.triggered_id == "hiaten-version":  # a save: the gap chosen stays chosen
            return model, no_update, no_update
        # Another zone or cluster: the grid loses its selection, so the panel and the form
        # let go of the gap too (it may be of a zone no longer shown).
        return model, UNSELECTED, None

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-grid", "getRowsResponse"),
        Output("hiaten-count", "children"),
        Input("hiaten-grid", "getRowsRequest"),
        State("hiaten-zone", "value"),
        State("hiaten-cluster", "value"),
    )
    def load(request, zone, cluster):
        if not request:
            return no_update, no_update
        data = report(store, chosen(zone), chosen(cluster))
        shown = paging.matching(data, request)
        answer = {"rowData": paging.block(shown, request), "rowCount": len(shown)}
        return answer, count(data, shown)

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-selected", "children"),
        Output("hiaten-organisation", "options"),
        Output("hiaten-organisation", "value"),
        Output("hiaten-status-zone", "value"),
        Output("hiaten-status-cluster", "value"),
        Input("hiaten-grid", "selectedRows"),
        prevent_initial_call=True,
    )
    def select(selected):
        if not selected:
            return no_update, no_update, no_update, no_update, no_update
        gap = selected[0]
        choices = fitting(store, gap)
        options, preferred = organisation_options(gap, choices)
        cluster = gap["cluster"] or next(
            (c["default_cluster"] for c in choices if c["id"] == gap["subject"]), None
        )
        return describe(gap), options, preferred, gap["zone"], cluster

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-organisation", "options", allow_duplicate=True),
        Input("hiaten-organisation", "search_value"),
        State("hiaten-organisation", "options"),
        State("hiaten-organisation", "value"),
        prevent_initial_call=True,
    )
    def find(text, options, value):
        # Flanders has too many organisations to list: the others are found by a search.
        if not text or len(text.strip()) < 2:
            return no_update
        found = directory.page(store, text, 0, CHOICES).rows
        kept = [o for o in options or [] if o["value"] == value]
        known = {o["value"] for o in kept}
        return kept + [
            {"label": o["name"], "value": o["id"]} for o in found if o["id"] not in known
        ]

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-current", "children"),
        Output("hiaten-shown", "data"),
        Input("hiaten-organisation", "value"),
        Input("hiaten-status-zone", "value"),
        Input("hiaten-status-cluster", "value"),
        Input("hiaten-version", "data"),
    )
    def current(organisation, zone, cluster, _version):
        if not (organisation and zone and cluster):
            return None, None
        status = engagement.status_of(store, organisation, zone, cluster)
        key = shown_key(organisation, zone, cluster)
        where = CLUSTER_NAMES[cluster]
        said = f"Nu: {STATUS_LABELS[status]} in {where}." if status else f"Nu: niet in {where}."
        return said, {"key": key, "status": status}

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-save", "disabled"),
        Output("hiaten-save-reason", "children"),
        Input("hiaten-status-zone", "value"),
    )
    def may_save(zone):
        reason = guard.why_not(store, "edit", zone=zone or None)
        if reason is not None and not session.user().edits:
            reason = VIEWER
        return reason is not None, reason

    @guard.callback(
        app,
        guard.edit(zone="hiaten-status-zone.value"),
        Output("hiaten-feedback", "children"),
        Output("hiaten-version", "data"),
        Output("hiaten-selected", "children", allow_duplicate=True),
        Input("hiaten-save", "n_clicks"),
        State("hiaten-organisation", "value"),
        State("hiaten-status-zone", "value"),
        State("hiaten-status-cluster", "value"),
        State("hiaten-status", "value"),
        State("hiaten-version", "data"),
        State("hiaten-organisation", "options"),
        State("hiaten-grid", "selectedRows"),
        State("hiaten-shown", "data"),
        prevent_initial_call=True,
    )
    def save(_clicks, organisation, zone, cluster, status, version, options, selected, seen):
        if not (organisation and zone and cluster and status):
            return (
                dbc.Alert("Kies een organisatie, zone, cluster en status.", color="warning"),
                no_update,
                no_update,
            )
        # Chosen over the status the form showed for this membership (while that is still
        # being read, as before: unchecked).
        shown = engagement.UNCHECKED
        if seen and seen["key"] == shown_key(organisation, zone, cluster):
            shown = seen["status"]
        try:
            row = engagement.set_status(
                store, organisation, zone, cluster, status, actor=session.actor(), shown=shown
            )
        except engagement.StaleStatusError as error:
            # Another writer changed it since: the form and the grid show it as it is now.
            alert = dbc.Alert(str(error), color="warning", id="hiaten-stale")
            return alert, paging.bumped(version), now(store, selected)
        except GraphmapError as error:
            return dbc.Alert(str(error), color="danger"), no_update, no_update
        name = next((o["label"] for o in options or [] if o["value"] == organisation), organisation)
        zone_name = access.zone_name(store, zone)
        where = f"{CLUSTER_NAMES[cluster]} ({zone_name})"
        if not row["changed"]:  # nothing recorded: "opgeslagen" would claim a change
            said = f"Ongewijzigd: {name} is al {STATUS_LABELS[row['status']]} in {where}."
            return dbc.Alert(said, color="info"), no_update, no_update
        message = f"Opgeslagen: {name} is nu {STATUS_LABELS[row['status']]} in {where}."
        # Allowed (staff may know better), but a gap that stays open is said so.
        unfit = unfitting(store, (selected or [None])[0], organisation)
        alert = dbc.Alert(
            [message, " ", unfit] if unfit else message,
            color="warning" if unfit else "success",
            id="hiaten-saved",
        )
        return alert, paging.bumped(version), now(store, selected)

    @guard.callback(
        app,
        guard.view(),
        Output("hiaten-download", "data"),
        Input("hiaten-xlsx", "n_clicks"),
        Input("hiaten-csv", "n_clicks"),
        State("hiaten-zone", "value"),
        State("hiaten-cluster", "value"),
        State("hiaten-grid", "filterModel"),
        prevent_initial_call=True,
    )
    def download(_xlsx, _csv, zone, cluster, filters):
        unknown = cluster != ALL and cluster not in CLUSTER_NAMES
        if zone is None or unknown or unknown_zone(zone, network.zones(store)) is not None:
            raise PreventUpdate  # a hand-made request: the page offers known zones only
        # What the grid shows — the whole report through its column filters — not the blocks
        # the grid holds.
        data = paging.matching(
            report(store, chosen(zone), chosen(cluster)), {"filterModel": filters}
        )
        readable = [
            {
                **r,
                "kind": r["kind_label"],
                "status": r["status_label"],
                "cluster_name": r["cluster_label"],
            }
            for r in data
        ]
        name = "hiaten" + ("" if zone == ALL else f"-{zone}")
        fmt = "csv" if ctx.triggered_id == "hiaten-csv" else "xlsx"
        what = f"hiaten {'alle zones' if zone == ALL else zone}"
        session.exported(store, what, fmt, len(readable), [] if zone == ALL else [zone])
        if fmt == "csv":
            return dcc.send_bytes(export.csv_bytes(readable, export.GAP_COLUMNS), f"{name}.csv")
        return dcc.send_bytes(
            export.xlsx_bytes({"Hiaten": (readable, export.GAP_COLUMNS)}), f"{name}.xlsx"
        )


# A gap's row as the grid holds it, as `select` reads it (dashboard.guard.holds).
guard.holds(
    "hiaten-grid",
    "selectedRows",
    [{"kind": str, "subject": str, "zone": str, "cluster": (str, None)}],
)


def fitting(store: Store, gap: dict) -> list[dict]:
    """The organisations that fit a gap: of its category among the zone's own, or the
    outsider it names (others of Flanders are found by typing: `find`)."""
    if gap["kind"] == "outside":
        return directory.rows(store, [gap["subject"]])
    if gap["kind"] in ("category", "target", "peer"):
        return directory.of_category(store, gap["subject"], gap["zone"])
    return []


def unfitting(store: Store, gap: dict | None, organisation: str) -> str | None:
    """Why recording `organisation` does not close the selected gap: it is of another
    category than the one the gap asks for, or not the outsider it names; None when it fits
    (or the gap is not about one kind of organisation)."""
    if not gap or gap["kind"] not in ("category", "target", "peer", "outside"):
        return None
    found = directory.rows(store, [organisation])
    if not found:
        return None
    org = found[0]
    if gap["kind"] == "outside":
        if org["id"] == gap["subject"]:
            return None
        return f"{org['name']} is niet {gap['missing']} en sluit dit hiaat niet."
    if org["category"] == gap["subject"]:
        return None
    kind = org["category_name"] or "zonder categorie"
    return f"{org['name']} is van een andere soort ({kind}) en sluit dit hiaat niet."


def organisation_options(gap: dict, choices: list[dict]) -> tuple[list[dict], str | None]:
    """The organisations that fit the gap (others are found by typing); the obvious one
    preselected."""
    if gap["kind"] == "outside":
        fitting = [c for c in choices if c["id"] == gap["subject"]]
    elif gap["kind"] in ("category", "target", "peer"):
        fitting = [c for c in choices if c["category"] == gap["subject"]]
    else:
        fitting = []
    rest = [c for c in choices if c not in fitting]
    options = [{"label": c["name"], "value": c["id"]} for c in fitting + rest]
    return options, fitting[0]["id"] if len(fitting) == 1 else None


def now(store: Store, selected: list[dict] | None):
    """The selected gap as the graph holds it now (after a save changed its status): as
    the grid shows it once it reloads; said so when the save closed it."""
    if not selected:
        return no_update
    gap = selected[0]
    found = [r for r in rows(store, gap["zone"], gap["cluster"]) if r["id"] == gap["id"]]
    if found:
        return describe(found[0])
    return [
        html.P([html.Strong(gap["missing"])]),
        html.P(
            "Dit hiaat is er niet meer: de partner is nu betrokken of lid.",
            className="text-success",
            id="hiaten-closed",
        ),
    ]


def shown_key(organisation: str, zone: str, cluster: str) -> str:
    """Which membership a status the form shows is of."""
    return f"{organisation}|{zone}/{cluster}"


def describe(gap: dict) -> list:
    link = "/?" + urlencode({"zone": gap["zone"], "focus": focus_node(gap)})
    return [
        html.P([html.Strong(gap["missing"])]),
        html.P(
            [
                f"{gap['zone_name']} · {gap['cluster_label']} · {gap['kind_label']} · ",
                html.Strong(gap["status_label"]),
            ]
        ),
        html.P(gap["reason"], className="small"),
        html.P(["Bron: ", html.Em(gap["source"])], className="small"),
        dcc.Link("Toon in het netwerk →", href=link, id="hiaten-show"),
    ]
