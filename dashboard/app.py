"""The Dash app factory: `create_app(store)` so that tests inject the store."""

from __future__ import annotations

from pathlib import Path

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
import flask
import flask_bootstrap
from dash import Dash, Input, Output, dcc, html, no_update, set_props

from dashboard.pages import (
    acties,
    hiaten,
    importeren,
    netwerk,
    opvolging,
    organisaties,
    vergelijken,
)
from graphmap import limits
from graphmap.errors import StoreUnavailableError
from graphmap.store import Store

# Each page module has PATH, TITLE, ORDER (its place in the menu), layout(store, search)
# and register(app, store).
PAGES = sorted(
    (netwerk, hiaten, opvolging, acties, organisaties, vergelijken, importeren),
    key=lambda page: page.ORDER,
)
# Bootstrap's CSS from an installed package: the dashboard must work without internet access.
BOOTSTRAP_CSS = Path(flask_bootstrap.__file__).parent / "static" / "bootstrap5" / "css"
UNREACHABLE = (
    "De databank is even niet bereikbaar. De pagina probeert het over enkele seconden opnieuw."
)
RETRY_MS = 3000


def unreachable_notice() -> dbc.Alert:
    return dbc.Alert(UNREACHABLE, color="warning", id="db-unreachable")


def _on_error(error: Exception):
    """Any callback that finds the database away shows the notice (and starts the timer that
    loads the page again) instead of failing."""
    if isinstance(error, StoreUnavailableError):
        set_props("db-status", {"children": unreachable_notice()})
        set_props("db-retry", {"disabled": False})
        return None  # no output changes
    raise error


def create_app(store: Store) -> Dash:
    cyto.load_extra_layouts()
    app = Dash(
        __name__,
        title="graphmap",
        external_stylesheets=["/vendor/bootstrap.min.css"],
        suppress_callback_exceptions=True,
        on_error=_on_error,
    )
    # A request larger than an upload may be is refused before it is read (413).
    app.server.config["MAX_CONTENT_LENGTH"] = limits.UPLOAD_REQUEST_BYTES + 1024 * 1024
    app.server.add_url_rule(
        "/vendor/<path:filename>",
        "vendor",
        lambda filename: flask.send_from_directory(BOOTSTRAP_CSS, filename),
    )
    nav = dbc.NavbarSimple(
        [dbc.NavItem(dbc.NavLink(page.TITLE, href=page.PATH, active="exact")) for page in PAGES],
        brand="graphmap · partnernetwerk van de eerstelijnszones",
        color="dark",
        dark=True,
        fluid=True,
        className="mb-3",
    )
    # The page's language on <html> itself, where screen readers and axe look for it.
    app.index_string = app.index_string.replace("<html>", '<html lang="nl">', 1)
    app.layout = html.Div(
        [
            dcc.Location(id="url"),
            nav,
            dbc.Container(id="db-status", fluid=True),
            # Loads the page again while the database is away (enabled by the notice).
            dcc.Interval(id="db-retry", interval=RETRY_MS, disabled=True),
            dbc.Container(id="page", fluid=True),
        ]
    )
    routes = {page.PATH: page for page in PAGES}

    @app.callback(
        Output("page", "children"),
        Output("db-status", "children"),
        Output("db-retry", "disabled"),
        Input("url", "pathname"),
        Input("url", "search"),
        Input("db-retry", "n_intervals"),
    )
    def route(pathname, search, _retry):
        page = routes.get(pathname)
        if page is None:
            return html.P(f"Pagina {pathname} bestaat niet.", className="text-danger"), None, True
        try:
            return page.layout(store, search or ""), None, True
        except StoreUnavailableError:
            return no_update, unreachable_notice(), False

    for page in PAGES:
        page.register(app, store)
    return app
