"""The contact-moment form: one short form, used on Hiaten, Netwerk and Organisaties.

`form(prefix, zones, …)` lays it out with ids `{prefix}-moment-…`; `register(app, store,
prefix, …)` wires it once per page. The page says which organisation (and zone) the moment
is with through the form's `{prefix}-moment-context` store: either as the form's initial
value, or by naming the page's own inputs that hold them (`organisation=`, `zone=`). Every
save is one call into `graphmap.followup` (one transaction), by the session's user.

The form starts on a zone the user may record in (the page's, when it is theirs), and its
button is disabled, with the gate's reason beside it, where the user may not record one (a
viewer; another zone). A page whose edits change the organisation's contacts or history
names its input that says so (`refresh=`), and the form and history follow.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import guard, session, words
from dashboard.choices import editable, own_zone
from dashboard.guard import TEXT
from graphmap import access, dates, engagement, followup
from graphmap.analysis import network
from graphmap.errors import GraphmapError
from graphmap.model import MOMENT_KINDS
from graphmap.register import FormError
from graphmap.store import Store
from graphmap.style import MOMENT_KIND_LABELS

FIELDS = ("kind", "on", "person", "note", "what", "due", "owner")
CLEARED = ("note", "what", "due", "owner")  # emptied after a save; kind, day, person stay
VIEWER = "Als kijker legt u geen contactmomenten vast."


def _id(prefix: str, name: str) -> str:
    return f"{prefix}-moment-{name}"


def _field(prefix: str, name: str, label: str, control, width: int = 12) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label(label, html_for=_id(prefix, name), className="small mb-0"),
            control,
            dbc.FormFeedback(id=_id(prefix, f"{name}-error"), type="invalid"),
        ],
        width=width,
    )


def form(
    prefix: str,
    zones: list[dict],
    organisation: str | None = None,
    zone: str | None = None,
    heading: str = "H6",
) -> html.Div:
    """The form; `zones` ({id, name}) to choose from, the organisation and zone if known."""
    p = prefix
    zone_options = [{"label": z["name"], "value": z["id"]} for z in zones]
    heading_tag = getattr(html, heading)
    return html.Div(
        [
            heading_tag("Contactmoment vastleggen", className="mt-3"),
            html.Div(id=_id(p, "about"), className="small text-muted mb-1"),
            dbc.Row(
                [
                    _field(
                        p,
                        "kind",
                        "Soort",
                        dbc.Select(
                            id=_id(p, "kind"),
                            value=MOMENT_KINDS[0],
                            options=[
                                {"label": MOMENT_KIND_LABELS[k], "value": k} for k in MOMENT_KINDS
                            ],
                        ),
                        6,
                    ),
                    _field(
                        p,
                        "on",
                        "Datum",
                        dbc.Input(id=_id(p, "on"), type="date", value=session.today().isoformat()),
                        6,
                    ),
                    _field(
                        p,
                        "zone",
                        "Zone",
                        dbc.Select(id=_id(p, "zone"), options=zone_options, value=zone),
                    ),
                    _field(
                        p,
                        "person",
                        "Met (contactpersoon, optioneel)",
                        # The select's own hidden choice for "" shows this placeholder: an
                        # empty box beside the list's "—" read as a second way to say none.
                        dbc.Select(id=_id(p, "person"), options=[], value="", placeholder="—"),
                    ),
                    _field(
                        p,
                        "note",
                        "Korte notitie",
                        dbc.Textarea(id=_id(p, "note"), rows=2, maxLength=engagement.NOTE_MAX),
                    ),
                    _field(
                        p,
                        "what",
                        "Volgende stap (optioneel)",
                        dbc.Input(
                            id=_id(p, "what"),
                            type="text",
                            maxLength=followup.STEP_MAX,
                            placeholder="bv. uitnodiging clusteroverleg sturen",
                        ),
                    ),
                    _field(p, "due", "Tegen", dbc.Input(id=_id(p, "due"), type="date"), 6),
                    _field(
                        p,
                        "owner",
                        "Eigenaar",
                        dbc.Input(
                            id=_id(p, "owner"),
                            type="text",
                            maxLength=followup.OWNER_MAX,
                            placeholder=session.user().name,
                        ),
                        6,
                    ),
                ],
                className="g-1",
            ),  # fmt: skip
            dbc.Button(
                "Contactmoment opslaan",
                id=_id(p, "save"),
                color="success",
                size="sm",
                className="mt-2",
                disabled=not session.user().edits,
            ),
            html.Div(id=_id(p, "reason"), className="small text-muted mt-1"),
            html.Div(id=_id(p, "feedback"), className="mt-2"),
            _context(p, organisation, zone),
        ],
        className="moment-form",
    )


def _context(prefix: str, organisation: str | None, zone: str | None) -> dcc.Store:
    return dcc.Store(id=_id(prefix, "context"), data={"organisation": organisation, "zone": zone})


def history(prefix: str) -> html.Div:
    """Where a page shows the organisation's engagement changes and contact moments."""
    return html.Div(id=_id(prefix, "history"), className="mt-2")


def history_items(store: Store, organisation: str) -> list[dict]:
    """The organisation's engagement changes and contact moments, newest first, as the
    session's user may see them: the same rule as the Opvolging page (`access.shown`), so
    what a viewer may not see (a contact person, a next step, notes, authors) is hidden and
    the engagement itself is not. Each item's `what` is the line to show."""
    changes = [
        {**c, "when": c["on"], "text": f"{c['zone_name']} · {c['cluster_name']}: "
         f"{c['from_label']} → {c['to_label']}", "person_name": None, "what": None}
        for c in map(engagement.labelled, engagement.history(store, organisation=organisation))
    ]  # fmt: skip
    moments = [
        {**m, "when": m["on"], "text": f"{m['zone_name']} · contactmoment "
         f"({MOMENT_KIND_LABELS[m['kind']]})", "what": m["what"] if m["step"] else None}
        for m in followup.moments(store, organisation=organisation)
    ]  # fmt: skip
    items = access.shown(changes + moments, session.user())
    items.sort(key=lambda i: (i["when"] or "", i["at"] or ""), reverse=True)
    return [
        {**i, "what": i["text"]
         + (f" met {i['person_name']}" if i["person_name"] else "")
         + (f"; volgende stap: {i['what']} tegen {dates.short(i['due'])}" if i["what"] else "")}
        for i in items
    ]  # fmt: skip


# The newest items shown: an organisation of 60 zones has hundreds, each a few components
# for the browser to draw (seconds); `graphmap history --organisation` lists them all.
HISTORY_SHOWN = 50


def history_list(store: Store, organisation: str, prefix: str) -> list:
    items = history_items(store, organisation)
    if not items:
        return [html.P("Nog geen geschiedenis.", className="text-muted small")]
    older = len(items) - HISTORY_SHOWN
    items = items[:HISTORY_SHOWN]
    return [
        html.H6("Geschiedenis"),
        html.Ul(
            [
                html.Li(
                    [
                        html.Span(dates.short(i["when"]), className="text-nowrap me-2"),
                        i["what"],
                        html.Span(f" · door {i['by']}" if i["by"] else "", className="text-muted"),
                        html.Div(i["note"], className="text-muted") if i["note"] else None,
                    ]
                )
                for i in items
            ],
            className="list-unstyled small",
            id=_id(prefix, "history-list"),
        ),
        html.P(
            f"… en {older} oudere (alle: graphmap history --organisation {organisation}).",
            className="text-muted small",
        )
        if older > 0
        else None,
    ]


def recording_zone(store: Store, zone: str | None) -> str | None:
    """The zone a moment is recorded in by default: `zone` (the page's) when the user may
    record there, else the first zone they may (a viewer's: `zone` as it is)."""
    user = session.user()
    if not user.edits or user.holds(zone):
        return zone
    return own_zone(editable(network.zones(store), user), user) or zone


def register(
    app: Dash,
    store: Store,
    prefix: str,
    organisation: Input | None = None,
    zone: Input | None = None,
    with_history: bool = False,
    refresh: Input | None = None,
) -> None:
    """Wire the form of `prefix`; `organisation`/`zone`: the page's inputs that hold them;
    `with_history`: the page shows `history(prefix)`; `refresh`: the page's input that
    changes when its edits change the organisation (its contacts, its engagement)."""
    p = prefix
    again = [refresh] if refresh is not None else []
    # The form's context as `form` puts it: the gate refuses another shape (guard.holds).
    guard.holds(_id(p, "context"), "data", ({"organisation": TEXT, "zone": TEXT}, None))
    if with_history:

        @guard.callback(
            app,
            guard.view(),
            Output(_id(p, "history"), "children"),
            Input(_id(p, "context"), "data"),
            Input(_id(p, "feedback"), "children"),
            *again,
        )
        def show_history(context, _feedback, _refresh=None):
            organisation_id = (context or {}).get("organisation")
            return history_list(store, organisation_id, p) if organisation_id else None

    if organisation is not None:

        @guard.callback(
            app,
            guard.view(),
            Output(_id(p, "context"), "data"),
            organisation,
            *([zone] if zone is not None else []),
        )
        def follow(organisation_id, zone_id=None):
            return {"organisation": organisation_id, "zone": zone_id}

    @guard.callback(
        app,
        guard.view(),
        Output(_id(p, "about"), "children"),
        Output(_id(p, "person"), "options"),
        Output(_id(p, "person"), "value"),
        Output(_id(p, "zone"), "value"),
        Output(_id(p, "feedback"), "children", allow_duplicate=True),
        Input(_id(p, "context"), "data"),
        *again,
        State(_id(p, "person"), "value"),
        prevent_initial_call="initial_duplicate",
    )
    def about(context, *rest):
        chosen = rest[-1]
        organisation_id, zone_id = (context or {}).get("organisation"), (context or {}).get("zone")
        # Another organisation: what was said of a save for the one before goes with it.
        if not organisation_id:
            return "Kies eerst een organisatie.", [], "", zone_id, None
        options = [{"label": "—", "value": ""}]
        if access.permits(store, session.user(), "contacts", organisation=organisation_id):
            options += [
                {"label": f"{c['name']}" + (f" ({c['function']})" if c["function"] else ""),
                 "value": c["id"]}
                for c in followup.contact_persons(store, organisation_id)
            ]  # fmt: skip
        if refresh is not None and ctx.triggered_id == refresh.component_id:
            # The organisation's contacts changed: the same form, with the person kept.
            kept = chosen if chosen in {o["value"] for o in options} else ""
            return no_update, options, kept, no_update, no_update
        return None, options, "", recording_zone(store, zone_id) or no_update, None

    @guard.callback(
        app,
        guard.view(),
        Output(_id(p, "save"), "disabled"),
        Output(_id(p, "reason"), "children"),
        Input(_id(p, "context"), "data"),
        Input(_id(p, "zone"), "value"),
    )
    def allowed(context, zone_id):
        if not (context or {}).get("organisation"):
            return True, None  # the form says "Kies eerst een organisatie."
        if not session.user().edits:
            return True, VIEWER
        reason = guard.why_not(store, "edit", zone=zone_id or None)
        return reason is not None, reason

    @guard.callback(
        app,
        guard.edit(zone=f"{_id(p, 'zone')}.value", person=f"{_id(p, 'person')}.value"),
        *(Output(_id(p, name), "invalid") for name in FIELDS),
        *(Output(_id(p, f"{name}-error"), "children") for name in FIELDS),
        *(Output(_id(p, name), "value", allow_duplicate=True) for name in CLEARED),
        Output(_id(p, "feedback"), "children"),
        Input(_id(p, "save"), "n_clicks"),
        *(State(_id(p, name), "value") for name in FIELDS),
        State(_id(p, "zone"), "value"),
        State(_id(p, "context"), "data"),
        prevent_initial_call=True,
    )
    def save(_clicks, *state):
        values = dict(zip(FIELDS, state[: len(FIELDS)], strict=True))
        zone_id, context = state[len(FIELDS)], state[len(FIELDS) + 1]
        context = context if isinstance(context, dict) else {}  # the page's, or none
        keep = (no_update,) * len(CLEARED)
        fine = (False,) * len(FIELDS) + ("",) * len(FIELDS)
        if not zone_id:
            return *fine, *keep, dbc.Alert("Kies een zone.", color="warning")
        try:
            written = followup.record_moment(
                store,
                context.get("organisation"),
                zone_id,
                values,
                actor=session.actor(),
                today=session.today(),
            )
        except FormError as error:
            flags = tuple(name in error.fields for name in FIELDS)
            messages = tuple(words.capital(error.fields.get(name, "")) for name in FIELDS)
            alert = dbc.Alert("Niet opgeslagen: verbeter de aangeduide velden.", color="danger")
            return *flags, *messages, *keep, alert
        except GraphmapError as error:
            return *fine, *keep, dbc.Alert(str(error), color="danger")
        step = " met een volgende stap op Opvolging" if "step" in written else ""
        alert = dbc.Alert(
            [f"Contactmoment met {written['organisation_name']} opgeslagen{step}. ",
             html.A("Naar Opvolging", href=f"/opvolging?zone={zone_id}")],
            color="success",
            id=_id(p, "saved"),
        )  # fmt: skip
        return *fine, *("",) * len(CLEARED), alert
