"""Zones vergelijken: every partner category against every zone, as a heat map, so that a
zone sees at a glance what it lacks and what its peers do have."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, dcc, html

from dashboard import guard, words
from dashboard.choices import remembered
from dashboard.elements import CLUSTER_COLOURS, CLUSTER_NAMES, STATUS_LABELS
from graphmap.analysis import comparison
from graphmap.analysis.comparison import (
    ABSENT,
    EXPECTED_GAP,
    IN_PROGRESS,
    PRESENT,
    CategoryRow,
    Cell,
    Matrix,
)
from graphmap.store import Store

PATH = "/vergelijken"
TITLE = "Zones vergelijken"
ORDER = 5
NEED = "view"  # see graphmap.access
OTHER = "overig"  # filter value for categories outside the four clusters
GROUP_NAMES = {**CLUSTER_NAMES, OTHER: "Buiten de clusters"}
STATE_CLASSES = {
    PRESENT: "cmp-present",
    IN_PROGRESS: "cmp-progress",
    EXPECTED_GAP: "cmp-gap",
    ABSENT: "cmp-absent",
}
BASIS_LABELS = {"reference": "referentiekader", "zone": "plan van de zone"}


def layout(store: Store, search: str = "") -> html.Div:
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Clusters", html_for="vergelijken-cluster"),
                            dbc.Checklist(
                                id="vergelijken-cluster",
                                **remembered(search),
                                inline=True,
                                value=list(GROUP_NAMES),
                                options=[{"label": n, "value": k} for k, n in GROUP_NAMES.items()],
                            ),
                        ],
                        md="auto",
                    ),
                    dbc.Col(
                        dbc.Switch(
                            id="vergelijken-expected",
                            **remembered(search),
                            value=False,
                            label="Alleen verwachte categorieën",
                        ),
                        md="auto",
                        class_name="align-self-end",
                    ),
                ],
                class_name="mb-2 g-3",
            ),
            _legend(),
            html.Div(id="vergelijken-summary", className="text-muted small mb-2"),
            html.Div(id="vergelijken-table"),
        ]
    )


def register(app: Dash, store: Store) -> None:
    @guard.callback(
        app,
        guard.view(),
        Output("vergelijken-table", "children"),
        Output("vergelijken-summary", "children"),
        Input("vergelijken-cluster", "value"),
        Input("vergelijken-expected", "value"),
    )
    def show(groups, expected_only):
        matrix = comparison.category_matrix(store)
        rows = visible_rows(matrix, set(groups or []), bool(expected_only))
        return matrix_table(matrix, rows), summary(matrix, rows)


def _group(row: CategoryRow) -> str:
    return row.cluster or OTHER


def visible_rows(matrix: Matrix, groups: set[str], expected_only: bool) -> list[CategoryRow]:
    return [
        row
        for row in matrix.rows
        if _group(row) in groups
        and (not expected_only or any(c.expected_in for c in row.cells.values()))
    ]


def summary(matrix: Matrix, rows: list[CategoryRow]) -> str:
    cells = [cell for row in rows for cell in row.cells.values()]
    gaps = sum(1 for c in cells if c.state == EXPECTED_GAP)
    # In progress as Hiaten counts it: an expected category, contacted. A category nobody
    # expects that a zone has contacted is coloured alike, and counted apart.
    progress = sum(1 for c in cells if c.state == IN_PROGRESS and c.expected_in)
    unasked = sum(1 for c in cells if c.state == IN_PROGRESS and not c.expected_in)
    peers = sum(1 for c in cells if c.peer_gap)
    return (
        f"{words.counted(len(matrix.zones), 'zone', 'zones')} · "
        f"{words.counted(len(rows), 'categorie', 'categorieën')} · "
        f"verwacht maar ontbrekend: {gaps}"
        f" · in behandeling: {progress}"
        + (f" · gecontacteerd, niet verwacht: {unasked}" if unasked else "")
        + f" · ontbreekt terwijl de meeste andere zones het wel hebben: {peers}"
    )


def _legend() -> html.Div:
    items = [
        (PRESENT, "aanwezig (lid of betrokken)"),
        (IN_PROGRESS, "gecontacteerd, in behandeling"),
        (EXPECTED_GAP, "verwacht maar ontbreekt"),
        (ABSENT, "niet aanwezig, niet verwacht (optioneel)"),
    ]
    return html.Div(
        [
            *(
                html.Span(
                    [html.Span(className=f"cmp-swatch {STATE_CLASSES[state]}"), text],
                    className="me-3",
                )
                for state, text in items
            ),
            html.Span(
                [
                    html.Span(className="cmp-swatch cmp-absent cmp-peer"),
                    "de meeste andere zones wel",
                ],
                className="me-3",
            ),
            html.Span("★ doel uit het plan van de zone", className="me-3"),
        ],
        id="vergelijken-legend",
        className="small mb-2",
    )


def _clusters(keys: list[str]) -> str:
    return ", ".join(CLUSTER_NAMES.get(k, k) for k in keys)


def cell_text(row: CategoryRow, cell: Cell) -> str:
    """Short text for the cell; the cluster only where it is not the category's own."""

    def where(keys: list[str]) -> str:
        return "" if keys == [row.cluster] else f" · {_clusters(keys)}"

    target = " ★" if "zone" in cell.basis else ""
    if cell.state == PRESENT:
        best = "member" if cell.statuses.get("member") else "involved"
        return f"{STATUS_LABELS[best]}{where(cell.present_in)}{target}"
    if cell.state == IN_PROGRESS:
        lacking = [c for c in cell.lacking_in if c in cell.contacted_in] or cell.contacted_in
        return f"gecontacteerd{where(lacking)}{target}"
    if cell.state == EXPECTED_GAP:
        text = f"ontbreekt{where(cell.lacking_in)}{target}"
        if cell.present_in:
            text += f" (wel in {_clusters(cell.present_in)})"
        return text
    return "—"


def cell_title(cell: Cell) -> str:
    """The tooltip: why it is expected and who is there."""
    lines = []
    if cell.expected_in:
        bases = ", ".join(BASIS_LABELS.get(b, b) for b in cell.basis)
        lines.append(f"Verwacht in {_clusters(cell.expected_in)} ({bases})")
    lines += [
        f"{o['name']}: {STATUS_LABELS.get(o['status'], o['status'])} in "
        f"{CLUSTER_NAMES.get(o['cluster'], o['cluster'])}"
        for o in cell.organisations
    ]
    if cell.engaged > len(cell.organisations):
        counts = ", ".join(
            f"{n} {STATUS_LABELS.get(s, s)}" for s, n in sorted(cell.statuses.items())
        )
        lines.append(f"… {cell.engaged} organisaties in totaal ({counts})")
    if cell.peer_gap:
        lines.append("De meeste andere zones hebben deze categorie wel.")
    return "\n".join(lines) or "Geen partner van deze soort, niet verwacht."


def _classes(cell: Cell) -> str:
    return STATE_CLASSES[cell.state] + (" cmp-peer" if cell.peer_gap else "")


def matrix_table(matrix: Matrix, rows: list[CategoryRow]):
    """The matrix as one block of HTML: with sixty zones it has thousands of cells, which
    the browser lays out at once as HTML but not as as many Dash components (15 s)."""
    if not matrix.zones:
        return html.P("Er zijn nog geen zones in het register.", className="text-muted")
    if not rows:
        return html.P("Geen categorieën voor deze keuze.", className="text-muted")
    header = "".join(
        [
            '<th class="cmp-category">Categorie</th>',
            *(
                f'<th class="cmp-zone" id="vergelijken-zone-{escape(zone["id"])}">'
                f'<a href="/hiaten?{escape(urlencode({"zone": zone["id"]}))}" '
                f'title="De hiaten van {escape(zone["name"])}">{escape(zone["name"])}</a></th>'
                for zone in matrix.zones
            ),
            '<th class="cmp-count" title="In hoeveel zones aanwezig">Aanwezig</th>',
        ]
    )
    body, group = [], None
    for row in rows:
        if _group(row) != group:
            group = _group(row)
            colour = CLUSTER_COLOURS.get(group, "#adb5bd")
            body.append(
                f'<tr><th colspan="{len(matrix.zones) + 2}" class="cmp-group" '
                f'style="border-left: 6px solid {colour}">{escape(GROUP_NAMES[group])}</th></tr>'
            )
        label = escape(row.name)
        if row.optional:
            label += '<span class="text-muted small"> optioneel</span>'
        cells = "".join(
            f'<td class="{_classes(cell)}" title="{escape(cell_title(cell))}">'
            f"{escape(cell_text(row, cell))}</td>"
            for cell in (row.cells[zone["id"]] for zone in matrix.zones)
        )
        body.append(
            f'<tr id="vergelijken-row-{escape(row.key)}">'
            f'<th scope="row" class="cmp-category">{label}</th>{cells}'
            f'<td class="cmp-count">{row.present}/{len(matrix.zones)}</td></tr>'
        )
    table = (
        '<table class="table table-sm table-bordered cmp-table mb-0" id="vergelijken-matrix">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    return dcc.Markdown(table, dangerously_allow_html=True, className="cmp-wrap")
