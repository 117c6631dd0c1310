"""The Dash app factory: `create_app(store)` so that tests inject the store.

Signed in by default (`dashboard.signin`), every request through one gate
(`dashboard.guard`); `demo=True` is the local demo on 127.0.0.1, where the one trusted user
needs no sign-in and the page says so.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

import dash_bootstrap_components as dbc
import dash_cytoscape as cyto
import flask
import flask_bootstrap
from dash import Dash, Input, Output, dcc, html, no_update, set_props

from dashboard import guard, security, session, signin
from dashboard.pages import (
    acties,
    hiaten,
    importeren,
    logboek,
    netwerk,
    opvolging,
    organisaties,
    vergelijken,
)
from graphmap import access, limits
from graphmap.errors import StoreUnavailableError
from graphmap.settings import Settings
from graphmap.store import Store

# Each page module has PATH, TITLE, ORDER (its place in the menu), NEED (what a user needs
# to open it, see graphmap.access), layout(store, search) and register(app, store).
PAGES = sorted(
    (netwerk, hiaten, opvolging, acties, organisaties, vergelijken, importeren, logboek),
    key=lambda page: page.ORDER,
)
IDLE = timedelta(hours=8)  # a session ends after this long without a request
DEMO_NOTICE = (
    "Lokale demo: geen aanmelding, alleen op deze computer (127.0.0.1). Wie hier werkt, ziet "
    "en wijzigt alles; zet graphmap voor een team op met gebruikers (zie de README)."
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


def _too_large(_error):
    limit = limits.megabytes(limits.FILE_BYTES)
    message = f"Het verzoek is te groot: een bestand is hoogstens {limit}."
    return flask.jsonify({"error": message}), 413


ROUTES = {page.PATH: page for page in PAGES}


def _nav(user: access.User | None, demo: bool) -> dbc.Navbar:
    pages = [p for p in PAGES if user is not None and access.permits(None, user, p.NEED)]
    items = [dbc.NavItem(dbc.NavLink(p.TITLE, href=p.PATH, active="exact")) for p in pages]
    if user is not None and not demo:
        name, token = signin.logout_form()
        items.append(
            dbc.NavItem(
                html.Form(
                    [
                        html.Span(
                            f"{user.name} ({access.ROLE_LABELS[user.role]})",
                            className="navbar-text small me-2",
                            id="session-user",
                        ),
                        dcc.Input(type="hidden", name=name, value=token),
                        html.Button(
                            "Afmelden", type="submit", className="btn btn-outline-light btn-sm"
                        ),
                    ],
                    action="/logout",
                    method="POST",
                    className="d-flex align-items-center ms-lg-3",
                    id="session-logout",
                )
            )
        )
    return dbc.NavbarSimple(
        items,
        brand="graphmap · partnernetwerk van de eerstelijnszones",
        color="dark",
        dark=True,
        fluid=True,
        className="mb-3",
    )


def create_app(
    store: Store,
    *,
    demo: bool = False,
    idle: timedelta = IDLE,
    data_dir: Path | None = None,
) -> Dash:
    """The dashboard on `store`: signed in, or with `demo` the local demo (no sign-in).

    The session's signing key comes from GRAPHMAP_SECRET_KEY, or is generated once into the
    data folder (`data_dir`, default the store's)."""
    cyto.load_extra_layouts()
    app = Dash(
        __name__,
        title="graphmap",
        external_stylesheets=["/vendor/bootstrap.min.css"],
        suppress_callback_exceptions=True,
        on_error=_on_error,
    )
    server = app.server
    server.config["GRAPHMAP_DEMO"] = demo
    # A request larger than an upload may be is refused before it is read (413).
    server.config["MAX_CONTENT_LENGTH"] = limits.UPLOAD_REQUEST_BYTES + 1024 * 1024
    server.register_error_handler(413, _too_large)
    server.add_url_rule(
        "/vendor/<path:filename>",
        "vendor",
        lambda filename: flask.send_from_directory(BOOTSTRAP_CSS, filename),
    )
    # The page's language on <html> itself, where screen readers and axe look for it.
    app.index_string = app.index_string.replace("<html>", '<html lang="nl">', 1)

    def layout():
        user = session.current_user()
        banner = (
            dbc.Alert(DEMO_NOTICE, color="info", className="py-1 small mb-2", id="demo-notice")
            if demo
            else None
        )
        return html.Div(
            [
                dcc.Location(id="url"),
                _nav(user, demo),
                dbc.Container(banner, fluid=True),
                dbc.Container(id="db-status", fluid=True),
                # Loads the page again while the database is away (enabled by the notice).
                dcc.Interval(id="db-retry", interval=RETRY_MS, disabled=True),
                dbc.Container(id="page", fluid=True),
            ]
        )

    app.layout = layout

    @guard.callback(
        app,
        # Any signed-in user may ask for a page; one it may not see is answered with the
        # reason in the page (`route`), not refused: a refusal is an error in the browser's
        # console for a URL typed by hand.
        guard.view(),
        Output("page", "children"),
        Output("db-status", "children"),
        Output("db-retry", "disabled"),
        Input("url", "pathname"),
        Input("url", "search"),
        Input("db-retry", "n_intervals"),
    )
    def route(pathname, search, _retry):
        page = ROUTES.get(pathname)
        if page is None:
            return html.P(f"Pagina {pathname} bestaat niet.", className="text-danger"), None, True
        reason = access.refusal(store, session.user(), page.NEED)
        if reason is not None:  # the layout is not even made: it may name what they may not see
            refused = access.REFUSED.format(reason=reason)
            return html.P(refused, className="alert alert-warning", id="page-refused"), None, True
        try:
            return page.layout(store, search or ""), None, True
        except StoreUnavailableError:
            return no_update, unreachable_notice(), False

    for page in PAGES:
        page.register(app, store)
    # What each input sends as its value, read once from the pages' layouts (the gate refuses
    # another shape); with the database away, it checks the JSON types alone.
    with contextlib.suppress(StoreUnavailableError):
        guard.learn(app, [lambda page=page: page.layout(store, "") for page in PAGES])
    key = security.secret_key(data_dir or store.data_dir or Settings.from_env().data_dir)
    security.install(server, key, list(app.csp_hashes()))
    signin.install(server, store, idle)
    guard.install(app, store, demo)
    return app


# -- the access table (README, "For a team") ---------------------------------------------------

WHO = {
    "open": "anyone",
    "signed-in": "any signed-in user",
    "view": "viewer, editor, admin",
    "edit": "editor of the zone it touches, admin",
    "contacts": "editor of the zone it touches, admin (personal data)",
    "admin": "admin",
}


def access_table(app: Dash) -> str:
    """Every route and callback of `app` with the role it requires, as a Markdown table:
    made from the gate's own rules (`guard.rules`), so the README cannot drift from it."""
    lines = ["| route or callback | what it is | who may |", "|---|---|---|"]
    for rule in sorted(app.server.url_map.iter_rules(), key=lambda r: r.rule):
        methods = ", ".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))
        who = "open" if rule.rule.startswith(guard.OPEN) else "signed-in"
        what = {guard.UPDATE: "every callback: also its own rule, below"}.get(rule.rule, "")
        lines.append(f"| `{methods} {rule.rule}` | {what or rule.endpoint} | {WHO[who]} |")
    for page in PAGES:
        who = "editor (of any zone), admin" if page.NEED == "edit" else WHO[page.NEED]
        lines.append(f"| page `{page.PATH}` | {page.TITLE} (callback `app.route`) | {who} |")
    for key, rule in guard.rules(app).items():
        spec = app.callback_map[key]
        function = spec["callback"]
        module = function.__module__.rsplit(".", 1)[-1]
        who = WHO[rule.need] if isinstance(rule.need, str) else "what the page needs (above)"
        named = [
            f"{key} of the button pressed"
            if getattr(ref, "button", False)
            else f"{key} of `{getattr(ref, 'label', ref)}`"
            for key, ref in rule.named.items()
        ]
        checked = f"; checks the {', the '.join(named)}" if named else ""
        trigger = ", ".join(f"`{i['id']}.{i['property']}`" for i in spec["inputs"][:1])
        lines.append(f"| callback `{module}.{function.__name__}` | on {trigger}{checked} | {who} |")
    return "\n".join(lines) + "\n"
