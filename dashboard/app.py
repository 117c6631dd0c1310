"""The Dash app factory: `create_app(store)` so that tests inject the store."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
from dash import Dash, Input, Output, dcc, html

from dashboard.pages import netwerk
from graphmap.store import Store

PAGES = (netwerk,)


def create_app(store: Store) -> Dash:
    cyto.load_extra_layouts()
    app = Dash(
        __name__,
        title="graphmap",
        external_stylesheets=[dbc.themes.BOOTSTRAP],
        suppress_callback_exceptions=True,
    )
    nav = dbc.NavbarSimple(
        [dbc.NavItem(dbc.NavLink(page.TITLE, href=page.PATH, active="exact")) for page in PAGES],
        brand="graphmap — partnernetwerk van de eerstelijnszones",
        color="dark",
        dark=True,
        className="mb-3",
    )
    app.layout = html.Div(
        [dcc.Location(id="url"), nav, dbc.Container(id="page", fluid=True)], lang="nl"
    )

    routes = {page.PATH: page for page in PAGES}

    @app.callback(Output("page", "children"), Input("url", "pathname"))
    def route(pathname):
        page = routes.get(pathname)
        if page is None:
            return html.P(f"Pagina {pathname} bestaat niet.", className="text-danger")
        return page.layout(store)

    for page in PAGES:
        page.register(app, store)
    return app
