"""Opvolging: the open next steps per zone (overdue first, "mine", mark done), progress over
time from the history, what changed since a day, and the report for the zorgraad."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from plotly.subplots import make_subplots

from dashboard import guard, paging, session, words
from dashboard.choices import (
    chosen,
    remembered,
    start_zone,
    unknown_zone,
    zone_filter,
    zone_options,
    zones_named,
)
from graphmap import access, dates, engagement, export, followup
from graphmap.analysis import network
from graphmap.errors import GraphmapError
from graphmap.model import CLUSTER_KEYS
from graphmap.report import zorgraad
from graphmap.store import Store
from graphmap.style import CLUSTER_COLOURS, CLUSTER_NAMES

PATH = "/opvolging"
TITLE = "Opvolging"
ORDER = 2.5  # right after Hiaten: what follows from the gaps
NEED = "view"  # see graphmap.access
P = "opvolging"


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    zone = next(iter(zones_named(search, zones)), start_zone(zones, session.user()))
    since = (session.today() - zorgraad.DEFAULT_PERIOD).isoformat()
    # Whether the user's report of the zone shown first may hold personal data: a viewer's
    # never does (the switch stays on); an editor chooses, zone by zone as the report asks.
    personal = session.user().edits
    return html.Div(
        [
            dcc.Store(id=f"{P}-version", data=0),
            dcc.Download(id=f"{P}-download"),
            html.H1("Opvolging", className="h3"),
            dbc.Row(
                [
                    zone_filter(f"{P}-zone", search, zone, zone_options(zones)),
                    dbc.Col(
                        [
                            dbc.Switch(
                                id=f"{P}-mine",
                                **remembered(search),
                                value=False,
                                label=f"Alleen mijn stappen ({session.user().name})",
                            ),
                            dbc.Switch(
                                id=f"{P}-overdue",
                                value=False,
                                label="Alleen te laat",
                                **remembered(search),
                            ),
                        ],
                        md=4,
                        className="align-self-end",
                    ),
                    dbc.Col(
                        dbc.ButtonGroup(
                            [
                                dbc.Button(
                                    "Agenda (.ics)", id=f"{P}-ics", color="primary", size="sm"
                                ),
                                dbc.Button(
                                    "CSV", id=f"{P}-csv", color="primary", outline=True, size="sm"
                                ),
                            ]
                        ),
                        md=5,
                        className="align-self-end text-end",
                    ),
                ],
                className="mb-2 g-2",
            ),
            html.H2("Open volgende stappen", className="h5 mt-3"),
            html.Div(id=f"{P}-count", className="small text-muted"),
            dag.AgGrid(
                id=f"{P}-steps",
                columnDefs=STEP_COLUMNS,
                rowData=[],
                getRowId="params.data.id",
                rowClassRules={"opvolging-late": "params.data.overdue"},
                defaultColDef={"sortable": False, "resizable": True},
                dashGridOptions={
                    "localeText": words.GRID,
                    "animateRows": False,
                    "tooltipShowDelay": 300,
                },
                style=steps_height(0),
                className="ag-theme-alpine",
            ),
            html.Div(id=f"{P}-feedback"),
            html.H2("Voortgang", className="h5 mt-4"),
            html.Div(id=f"{P}-progress"),
            html.H2("Wat is er veranderd", className="h5 mt-4"),
            dbc.Row(
                dbc.Col(
                    [
                        dbc.Label("Sinds", html_for=f"{P}-since"),
                        dbc.Input(id=f"{P}-since", type="date", value=since, **remembered(search)),
                    ],
                    md=3,
                ),
                className="mb-2",
            ),
            html.Div(id=f"{P}-changes"),
            html.H2("Rapport voor de zorgraad", className="h5 mt-4"),
            html.P(
                "De zone in het Nederlands: het netwerk per cluster, de hiaten met hun reden en "
                "bron, onvolledige acties, wat er sinds de gekozen dag veranderde en de open "
                "volgende stappen. Word om aan te passen, PDF om te versturen.",
                className="small",
            ),
            dbc.Switch(
                id=f"{P}-board",
                value=not personal,
                disabled=not personal,
                label="Zonder persoonsgegevens (voor het bestuur: geen contactpersonen, "
                "auteurs of notities)",
            ),
            dbc.ButtonGroup(
                [
                    dbc.Button("Rapport (Word)", id=f"{P}-docx", color="secondary", size="sm"),
                    dbc.Button(
                        "Rapport (PDF)", id=f"{P}-pdf", color="secondary", size="sm", outline=True
                    ),
                ]
            ),
            html.Div(id=f"{P}-report-feedback", className="mt-2 mb-4"),
        ]
    )


# Steps the page lists at most, the earliest due first: all of Flanders holds thousands.
# The agenda and the CSV give them all.
STEPS_SHOWN = 50
# Changes the page lists at most, the newest first (a busy zone has a hundred in a quarter,
# and each is drawn as a handful of components); the report holds them all.
CHANGES_SHOWN = 25

# The open steps as one grid: as a Dash table with a button per row, the 34 open steps of
# a busy zone took 0.6 s of the browser to draw (about a millisecond per component), the
# grid about 0.2 s.
STEP_COLUMNS = [
    {"headerName": "Tegen", "field": "due", "width": 225},
    {"headerName": "Zone", "field": "zone", "width": 160},
    {
        "headerName": "Organisatie",
        "field": "organisation",
        "cellRenderer": "RowLink",
        "cellRendererParams": {"href": "href"},
        "tooltipField": "organisation",
        "flex": 2,
    },
    {"headerName": "Volgende stap", "field": "what", "tooltipField": "what", "flex": 3},
    {"headerName": "Eigenaar", "field": "owner", "width": 130},
    {"headerName": "Afgesproken", "field": "agreed", "tooltipField": "agreed", "flex": 2},
    {
        "headerName": "",
        "field": "id",
        "cellRenderer": "RowButton",
        "cellRendererParams": {"label": "Afgerond", "title": "title", "refused": "refused"},
        "width": 115,
    },
]


def steps_height(rows: int) -> dict:
    """As tall as its rows up to a dozen, then scrolling; hidden with none (the count says
    so). Rows of one line and a fixed height let the grid draw only what is in view: rows
    that grow with their text are measured one by one, which cost a busy zone's page 0.4 s."""
    return {"height": f"{50 + 42 * min(rows, 12)}px"} if rows else {"display": "none"}


def steps(store: Store, zone: str | None, mine: bool, overdue: bool) -> list[dict]:
    """The open steps as the user may see them, overdue first."""
    user = session.user()
    found = followup.open_steps(
        store, zone, today=session.today(), owner=user.name if mine else None, overdue=overdue
    )
    return [followup.labelled_step(s) for s in access.shown(found, user)]


def step_rows(rows: list[dict], user: access.User) -> list[dict]:
    """The grid's rows: the words of each step, its organisation's page, and its id for the
    "Afgerond" button (with why `user` may not press it: a step is done by its zone's
    editors)."""
    return [
        {
            "id": row["id"],
            "due": dates.short(row["due"])
            + (f" · {row['late']} te laat" if row["overdue"] else ""),
            "overdue": row["overdue"],
            "zone": row["zone_name"],
            "organisation": row["organisation_name"],
            "href": f"/organisaties?org={quote(row['organisation'], safe='')}",
            "what": row["what"],
            "owner": row["owner"],
            "agreed": f"{row['kind']} op {dates.short(row['on'])}"
            + (f" met {row['person_name']}" if row["person_name"] else ""),
            "title": f"Markeer '{row['what']}' als afgerond",
            "refused": ""
            if user.edits and user.holds(row["zone"])
            else "Alleen een medewerker van deze zone rondt deze stap af."
            if user.edits
            else "Als kijker rondt u geen stappen af.",
        }
        for row in rows
    ]


WEEK = 7  # days: a shorter history is drawn with a tick a day
# Two clusters often count the same (0 open gaps, most of all), and the line drawn last then
# hid the other whole: each cluster's line is narrower than the one drawn before it, so lines
# that lie on each other show as bands of their colours, and has a dash and marker of its own
# (for who cannot tell the colours apart).
CLUSTER_LINES = {
    "zorg": ("solid", "circle", 6),
    "welzijn": ("dash", "square", 4.5),
    "pzon": ("dot", "diamond", 3),
    "lokale_besturen": ("solid", "triangle-up", 1.5),
}
DAY_MS = 24 * 60 * 60 * 1000  # a plotly date axis counts in milliseconds


def progress_figure(points: list[engagement.Point]) -> go.Figure:
    """Members and open category gaps per cluster over time, as step lines."""
    figure = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=("Leden en betrokken partners", "Ontbrekende verwachte soorten"),
        horizontal_spacing=0.08,
    )
    for cluster in CLUSTER_KEYS:
        mine = [p for p in points if p.cluster == cluster]
        for column, values in ((1, [p.members for p in mine]), (2, [p.open_gaps for p in mine])):
            figure.add_trace(
                go.Scatter(
                    x=[p.day for p in mine],
                    y=values,
                    name=CLUSTER_NAMES[cluster],
                    legendgroup=cluster,
                    showlegend=column == 1,
                    mode="lines+markers",
                    line={
                        "shape": "hv",
                        "color": CLUSTER_COLOURS[cluster],
                        "width": CLUSTER_LINES[cluster][2],
                        "dash": CLUSTER_LINES[cluster][0],
                    },
                    marker={"size": 8, "symbol": CLUSTER_LINES[cluster][1]},
                    hovertemplate="%{x|%d-%m-%Y}: %{y}<extra>"
                    + CLUSTER_NAMES[cluster]
                    + "</extra>",
                ),
                row=1,
                col=column,
            )
    # Counts are whole: small ones get a tick per unit, not 0.5 steps shown twice as "1".
    for column, values in ((1, [p.members for p in points]), (2, [p.open_gaps for p in points])):
        small = max(values, default=0) <= 8
        figure.update_yaxes(
            rangemode="tozero", tickformat="d", dtick=1 if small else None, row=1, col=column
        )
    figure.update_xaxes(tickformat="%d-%m-%Y")
    days = sorted({p.day for p in points})
    if days and (days[-1] - days[0]).days < WEEK:
        # A history of a few days: plotly would tick every few hours, printing each day
        # several times; three days either side of it, a tick a day.
        figure.update_xaxes(
            range=[days[0] - timedelta(days=3), days[-1] + timedelta(days=3)], dtick=DAY_MS
        )
    figure.update_layout(
        height=340,
        margin={"l": 40, "r": 10, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.15},
        plot_bgcolor="white",
        separators=",.",
    )
    return figure


def changes_list(items: list[dict], since: str):
    if not items:
        return html.P(f"Niets veranderd sinds {dates.dutch(since)}.", className="text-muted")
    more = len(items) - CHANGES_SHOWN
    items = items[:CHANGES_SHOWN]
    # In the report's words: the "Betrokkenheid" of its changes, not the English word.
    kinds = {"engagement": "betrokkenheid", "moment": "contact", "done": "afgerond"}
    # Few components a change (each costs the browser about a millisecond to draw).
    listed = html.Ul(
        [
            html.Li(
                [
                    html.Span(
                        f"{dates.short(i['on'])} · {kinds[i['kind']]}",
                        className="opvolging-when",
                    ),
                    html.Strong(i["organisation_name"]),
                    f" · {i['text']}"
                    + (f": {i['what']}" if i.get("what") else "")
                    + (f" · door {i['by']}" if i["by"] else ""),
                    html.Div(i["note"], className="small text-muted") if i["note"] else None,
                ]
            )
            for i in items
        ],
        className="list-unstyled",
        id=f"{P}-changes-list",
    )
    if more <= 0:
        return listed
    rest = f"En {more} eerder sinds {dates.dutch(since)}: alle staan in het rapport hieronder."
    return html.Div([listed, html.P(rest, className="small text-muted", id=f"{P}-changes-more")])


def register(app: Dash, store: Store) -> None:
    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-steps", "rowData"),
        Output(f"{P}-steps", "style"),
        Output(f"{P}-count", "children"),
        Input(f"{P}-zone", "value"),
        Input(f"{P}-mine", "value"),
        Input(f"{P}-overdue", "value"),
        Input(f"{P}-version", "data"),
    )
    def show_steps(zone, mine, overdue, _version):
        rows = steps(store, chosen(zone), bool(mine), bool(overdue))
        if not rows:
            return [], steps_height(0), "Geen open volgende stappen."
        late = sum(1 for r in rows if r["overdue"])
        count = f"{len(rows)} open, waarvan {late} te laat"
        if len(rows) > STEPS_SHOWN:
            count += f"; hieronder de {STEPS_SHOWN} eerste, in de agenda en de CSV alle"
        shown = step_rows(rows[:STEPS_SHOWN], session.user())
        return shown, steps_height(len(shown)), count

    @guard.callback(
        app,
        guard.edit(step=guard.rendered(f"{P}-steps.cellRendererData")),
        Output(f"{P}-feedback", "children"),
        Output(f"{P}-version", "data"),
        Input(f"{P}-steps", "cellRendererData"),
        State(f"{P}-version", "data"),
        prevent_initial_call=True,
    )
    def done(pressed, version):
        if not pressed:
            return no_update, no_update
        try:
            followup.complete_step(
                store, pressed["value"], actor=session.actor(), today=session.today()
            )
        except GraphmapError as error:
            return dbc.Alert(str(error), color="warning"), paging.bumped(version)
        return dbc.Alert("Stap afgerond.", color="success", duration=4000), paging.bumped(version)

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-progress", "children"),
        Output(f"{P}-changes", "children"),
        Input(f"{P}-zone", "value"),
        Input(f"{P}-since", "value"),
        Input(f"{P}-version", "data"),
    )
    def show_progress(zone, since, _version):
        zone = chosen(zone)
        if zone is None:
            hint = html.P("Kies een zone.", className="text-muted")
            return hint, hint
        try:
            first = dates.parse(since, "sinds") or session.today() - timedelta(days=91)
        except GraphmapError as error:
            return no_update, dbc.Alert(str(error), color="warning")
        chart = dcc.Graph(
            id=f"{P}-chart",
            figure=progress_figure(engagement.progress(store, zone, today=session.today())),
            config={"displaylogo": False, "locale": "nl"},
        )
        items = access.shown(followup.changes_since(store, zone, first), session.user())
        return chart, changes_list(items, first.isoformat())

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-download", "data"),
        Output(f"{P}-report-feedback", "children"),
        Input(f"{P}-ics", "n_clicks"),
        Input(f"{P}-csv", "n_clicks"),
        Input(f"{P}-docx", "n_clicks"),
        Input(f"{P}-pdf", "n_clicks"),
        State(f"{P}-zone", "value"),
        State(f"{P}-mine", "value"),
        State(f"{P}-overdue", "value"),
        State(f"{P}-since", "value"),
        State(f"{P}-board", "value"),
        prevent_initial_call=True,
    )
    def download(_ics, _csv, _docx, _pdf, zone, mine, overdue, since, board):
        wrong = unknown_zone(zone, network.zones(store))
        if wrong is not None:
            return no_update, dbc.Alert(wrong, color="warning")
        zone = chosen(zone)
        name = "opvolging" + (f"-{zone}" if zone else "")
        kind = ctx.triggered_id.removeprefix(f"{P}-")
        if kind in ("ics", "csv"):
            rows = steps(store, zone, bool(mine), bool(overdue))
            content = (
                followup.ics_bytes(rows)
                if kind == "ics"
                else export.csv_bytes(rows, export.STEP_COLUMNS)
            )
            what = f"volgende stappen {zone or 'alle zones'}"
            session.exported(store, what, kind, len(rows), [zone] if zone else [])
            return dcc.send_bytes(content, f"{name}.{kind}"), None
        if zone is None:
            return no_update, dbc.Alert("Kies eerst een zone voor het rapport.", color="warning")
        try:
            report = zorgraad.collect(
                store,
                zone,
                since=dates.parse(since, "sinds"),
                user=session.user(),
                today=session.today(),
                personal=not board,
            )
            content = zorgraad.render(report, kind)
        except GraphmapError as error:
            return no_update, dbc.Alert(str(error), color="danger")
        filename = f"zorgraad-{zone}-{session.today().isoformat()}.{kind}"
        session.exported(store, f"zorgraadrapport {zone}", kind, 1, [zone])
        return dcc.send_bytes(content, filename), None
