"""Acties: a zone's plan as a tree (strategic goal → operational goal → action), with each
action's lead, partners, gaps and its contact list to download (for the editors of the
zone: contact details are personal data; for anyone else the buttons are disabled, with
the gate's reason)."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import guard, session
from dashboard.choices import own_zone, remembered, zone_filter, zones_named
from graphmap import access, export
from graphmap.analysis import contacts, gaps, network, plans
from graphmap.analysis.contacts import ContactList
from graphmap.errors import ValidationError
from graphmap.plural import counted
from graphmap.store import Store

PATH = "/acties"
TITLE = "Acties"
ORDER = 3
NEED = "view"  # see graphmap.access
FORMATS = {"csv": ("CSV", "csv"), "xlsx": ("XLSX", "xlsx"), "vcf": ("vCard", "vcf")}
EXPORT = "acties-export"
GOAL_BODY = "acties-goal-body"  # a strategic goal's cards, built when it opens


def layout(store: Store, search: str = "") -> html.Div:
    zones = network.zones(store)
    wanted = zones_named(search, zones)
    zone = wanted[0] if wanted else own_zone(zones, session.user())
    return html.Div(
        [
            dcc.Download(id="acties-download"),
            dbc.Toast(
                id="acties-toast",
                header="Contactlijst gedownload",
                is_open=False,
                dismissable=True,
                duration=6000,
                class_name="acties-toast",
            ),
            dbc.Row(
                [
                    zone_filter(
                        "acties-zone",
                        search,
                        zone,
                        [{"label": z["name"], "value": z["id"]} for z in zones],
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Zoeken", html_for="acties-search"),
                            dbc.Input(
                                id="acties-search",
                                **remembered(search),
                                type="search",
                                debounce=True,
                                placeholder="code, titel, organisatie, doelgroep…",
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        dbc.Switch(
                            id="acties-incomplete",
                            **remembered(search),
                            value=False,
                            label="Alleen onvolledige acties",
                        ),
                        md="auto",
                        class_name="align-self-end",
                    ),
                ],
                class_name="mb-2 g-2",
            ),
            html.H5(id="acties-plan", className="mb-0"),
            html.Div(id="acties-summary", className="text-muted small"),
            html.Div(
                "Een actie is onvolledig zonder trekker, zonder partnerorganisatie of zonder "
                "bereikbare contactpersoon. De contactlijst telt personen met een e-mailadres of "
                "telefoonnummer; hun gegevens staan alleen in de download.",
                className="text-muted small mb-2",
            ),
            html.Div(id="acties-refused", className="small text-muted mb-2"),
            html.Div(id="acties-tree"),
        ]
    )


def register(app: Dash, store: Store) -> None:
    @guard.callback(
        app,
        guard.view(),
        Output("acties-tree", "children"),
        Output("acties-plan", "children"),
        Output("acties-summary", "children"),
        Output("acties-refused", "children"),
        Input("acties-zone", "value"),
        Input("acties-search", "value"),
        Input("acties-incomplete", "value"),
    )
    def show(zone, text, incomplete_only):
        if not zone:
            none = html.P("Er zijn nog geen zones in het register.", className="text-muted")
            return none, "", "", None
        plan = plans.plan_tree(store, zone)
        if not plan.goals:
            none = html.P("Voor deze zone is geen plan ingeladen.", className="text-muted")
            return none, "", "", None
        action_gaps = {gap.subject: gap for gap in gaps.gaps(store, zone=zone, kinds=["action"])}
        wanted = {
            a.id
            for a in plan.actions
            if (not incomplete_only or a.id in action_gaps) and matches(a, text)
        }
        filtered = bool(incomplete_only or (text or "").strip())
        # Unfiltered, every goal starts collapsed and its cards are built when it opens.
        lists = contacts.per_action(store, sorted(wanted)) if filtered else None
        refused = downloads_refused(store, zone)
        return (
            plan_accordion(plan, wanted, action_gaps, lists, refused),
            plan.title or plan.zone_name,
            summary(plan, action_gaps, len(wanted) if filtered else None),
            refused,
        )

    @guard.callback(
        app,
        guard.view(),
        Output({"type": GOAL_BODY, "goal": ALL}, "children"),
        Input("acties-accordion", "active_item"),
        State("acties-zone", "value"),
        prevent_initial_call=True,
    )
    def open_goal(active, zone):
        placeholders = [output["id"]["goal"] for output in ctx.outputs_list]
        opened = next((g for g in placeholders if f"sd-{g}" == active), None)
        if opened is None:
            return [no_update] * len(placeholders)
        plan = plans.plan_tree(store, zone)
        goal = next((g for g in plan.goals if g.number == opened), None)
        if goal is None:  # a hand-made request naming a goal the zone's plan does not hold
            return [no_update] * len(placeholders)
        action_gaps = {gap.subject: gap for gap in gaps.gaps(store, zone=zone, kinds=["action"])}
        wanted = {a.id for a in goal.all_actions()}
        lists = contacts.per_action(store, sorted(wanted))
        refused = downloads_refused(store, zone)
        body = goal_body(goal, wanted, action_gaps, lists, open_all=False, refused=refused)
        return [body if g == opened else no_update for g in placeholders]

    @guard.callback(
        app,
        guard.contacts(action=guard.triggered("action")),
        Output("acties-download", "data"),
        Output("acties-toast", "children"),
        Output("acties-toast", "is_open"),
        Input({"type": EXPORT, "action": ALL, "fmt": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def download(_clicks):
        # Buttons that appear when the tree is redrawn fire this too, without a click (the
        # gate answers those itself; see dashboard.guard).
        if not guard.pressed():
            return no_update, no_update, no_update
        action_id, fmt = ctx.triggered_id["action"], ctx.triggered_id["fmt"]
        try:
            found = contacts.for_action(store, action_id)
        except ValidationError as error:  # a hand-made button of an action that is gone
            return no_update, str(error), True
        content = export.contacts_bytes(found, fmt)
        zone = action_id.partition("/")[0]
        session.exported(store, found.title, fmt, len(found.people), [zone])
        name = f"contacten-{action_id.replace('/', '-')}.{FORMATS[fmt][1]}"
        note = (
            f"{name}: {people(len(found.people))}. "
            "Contactgegevens zijn persoonsgegevens: deze export staat in het logboek."
        )
        return dcc.send_bytes(content, name), note, True


def downloads_refused(store: Store, zone: str) -> str | None:
    """Why the session's user may not download the zone's contact lists (personal data:
    for its editors), beside the disabled buttons; None when they may."""
    reason = access.refusal(store, session.user(), "contacts", zone=zone)
    return None if reason is None else f"Contactlijsten downloaden mag u niet: {reason}."


def slug(key: str) -> str:
    """An id Dash accepts (no dots) from an action or goal key such as maasland/1.2-a."""
    return re.sub(r"[^a-z0-9]+", "-", key.casefold())


def matches(action: plans.PlanAction, text: str | None) -> bool:
    wanted = (text or "").strip().casefold()
    if not wanted:
        return True
    haystack = [action.code, action.title, action.period or "", *action.partner_groups]
    haystack += [*action.target_groups, *(o["name"] for o in action.leads + action.partners)]
    return any(wanted in value.casefold() for value in haystack)


def people(count: int) -> str:
    return f"{count} contactpersoon" if count == 1 else f"{count} contactpersonen"


def summary(plan: plans.Plan, action_gaps: dict, shown: int | None) -> str:
    goals, operational = len(plan.goals), len(plan.operational_goals)
    text = (
        f"{plan.zone_name}: "
        f"{counted(goals, 'strategische doelstelling', 'strategische doelstellingen')} · "
        f"{counted(operational, 'operationele doelstelling', 'operationele doelstellingen')} · "
        f"{counted(len(plan.actions), 'actie', 'acties')}, waarvan {len(action_gaps)} onvolledig."
    )
    if shown is not None:
        text += f" Getoond: {counted(shown, 'actie', 'acties')}."
    return text


def goal_body(
    goal: plans.Goal,
    wanted: set[str],
    action_gaps: dict[str, gaps.Gap],
    lists: dict[str, ContactList],
    open_all: bool,
    refused: str | None = None,
) -> list:
    """The cards of a strategic goal's actions, grouped under their operational goals;
    `refused`: why the user may not download the contact lists (None: they may)."""
    body = [
        _action_card(a, action_gaps.get(a.id), lists[a.id], refused)
        for a in goal.actions
        if a.id in wanted
    ]
    for operational in goal.goals:
        actions = [a for a in operational.actions if a.id in wanted]
        if open_all and not actions:
            continue
        body.append(
            html.Div(
                [
                    html.H6(
                        [
                            html.Span(f"OD {operational.number}", className="goal-number"),
                            operational.title,
                        ],
                        className="acties-od mt-3 mb-2",
                    ),
                    *(
                        [
                            _action_card(a, action_gaps.get(a.id), lists[a.id], refused)
                            for a in actions
                        ]
                        or [html.P("Geen acties.", className="small text-muted ms-2")]
                    ),
                ],
                id=f"acties-od-{slug(operational.id)}",
            )
        )
    return body


def plan_accordion(
    plan: plans.Plan,
    wanted: set[str],
    action_gaps: dict[str, gaps.Gap],
    lists: dict[str, ContactList] | None,
    refused: str | None = None,
):
    """The plan's goals; with contact `lists` (a filtered view) all open and built, without
    them collapsed, each goal an empty placeholder until it is opened."""
    open_all = lists is not None
    items = []
    for goal in plan.goals:
        shown = [a for a in goal.all_actions() if a.id in wanted]
        if open_all and not shown:
            continue
        if open_all:
            body = goal_body(goal, wanted, action_gaps, lists, open_all=True, refused=refused)
        else:
            body = html.Div(id={"type": GOAL_BODY, "goal": goal.number})
        counted = shown if open_all else goal.all_actions()
        incomplete = sum(1 for a in counted if a.id in action_gaps)
        total = len(goal.all_actions())
        count = f"{total} actie{'' if total == 1 else 's'}"
        badges = [dbc.Badge(f"{len(shown)} van {count}" if open_all else count, color="secondary")]
        if incomplete:
            badges.append(dbc.Badge(f"{incomplete} onvolledig", color="warning", text_color="dark"))
        items.append(
            dbc.AccordionItem(
                body,
                title=html.Div(
                    [
                        html.Span(f"SD {goal.number}", className="goal-number"),
                        html.Span(goal.title, className="flex-grow-1 me-2"),
                        html.Span(badges, className="acties-badges text-nowrap me-2"),
                    ],
                    className="d-flex w-100 align-items-center",
                ),
                item_id=f"sd-{goal.number}",
                id=f"acties-sd-{slug(goal.number)}",
            )
        )
    if not items:
        return html.P("Geen acties gevonden.", className="text-muted", id="acties-none")
    if open_all:
        return dbc.Accordion(
            items,
            id="acties-accordion",
            always_open=True,
            active_item=[item.item_id for item in items],
        )
    return dbc.Accordion(items, id="acties-accordion", start_collapsed=True)


def _field(label: str, value) -> list:
    return [html.Dt(label, className="col-sm-3"), html.Dd(value, className="col-sm-9 mb-1")]


def _none(text: str) -> html.Span:
    return html.Span(text, className="text-muted fst-italic")


def _action_card(
    action: plans.PlanAction, gap: gaps.Gap | None, found: ContactList, refused: str | None
) -> dbc.Card:
    leads = ", ".join(
        o["name"] + (f" ({o['scope']})" if o.get("scope") else "") for o in action.leads
    ) or _none("nog niet ingevuld" if action.placeholder else "geen trekker")
    partners = (
        html.Ul(
            [
                html.Li([o["name"], html.Span(f" — {o['role']}", className="text-muted")])
                if o.get("role") and o["role"] != "partner"
                else html.Li(o["name"])
                for o in action.partners
            ],
            className="mb-0 ps-3",
        )
        if action.partners
        else _none("geen partnerorganisaties")
    )
    # Lead and partners always show, also when absent: that absence is what a gap is about.
    fields = _field("Trekker", leads) + _field("Partners", partners)
    if action.partner_groups:
        fields += _field("Groepen in het plan", ", ".join(action.partner_groups))
    if action.target_groups:
        fields += _field("Doelgroepen", ", ".join(action.target_groups))
    if action.indicators:
        fields += _field(
            "Indicatoren", html.Ul([html.Li(i) for i in action.indicators], className="mb-0 ps-3")
        )
    if action.period:
        fields += _field("Periode", action.period)
    fields += _field("Bron", action.source or _none("niet vermeld"))
    details = html.Dl(fields, className="row small mb-0")
    header = [
        html.Span(action.code, className="badge text-bg-dark me-2 acties-code"),
        html.Span(action.title),
    ]
    if action.placeholder:
        # The plan names the action but has not written it yet: not an incomplete action.
        header.append(
            html.Span("nog in te vullen", className="badge text-bg-warning ms-2 acties-placeholder")
        )
    body = [details]
    if gap is not None:
        # The gap names the action in full; the card already does, so keep what is lacking.
        lacking = gap.missing.rsplit("): ", 1)[-1]
        body.append(
            html.Div(
                [html.Strong("Onvolledig: "), lacking],
                title=gap.reason,
                className="acties-gap small mt-2",
            )
        )
    return dbc.Card(
        [
            dbc.CardHeader(header, class_name="acties-card-header"),
            dbc.CardBody(
                dbc.Row(
                    [dbc.Col(body, lg=8), dbc.Col(_contact_box(action, found, refused), lg=4)],
                    class_name="g-3",
                ),
                class_name="py-2",
            ),
        ],
        id=f"acties-card-{slug(action.id)}",
        class_name="mb-2 acties-card" + (" acties-incomplete" if gap else ""),
    )


def _contact_box(action: plans.PlanAction, found: ContactList, refused: str | None) -> html.Div:
    count = len(found.people)
    unreachable = [o["organisation"] for o in found.unreachable]
    buttons = dbc.ButtonGroup(
        [
            dbc.Button(
                label,
                id={"type": EXPORT, "action": action.id, "fmt": fmt},
                size="sm",
                color="primary",
                outline=True,
                disabled=count == 0 or refused is not None,
                title=refused,
            )
            for fmt, (label, _) in FORMATS.items()
        ],
        class_name="mt-1",
    )
    return html.Div(
        [
            html.Div("Contactlijst", className="fw-semibold"),
            html.Div(
                people(count),
                id=f"acties-people-{slug(action.id)}",
                className="small" + ("" if count else " text-muted"),
            ),
            html.Div(
                ["Zonder bereikbare contactpersoon: ", ", ".join(unreachable)],
                className="small text-danger",
            )
            if unreachable
            else None,
            buttons,
        ],
        className="acties-contacts",
    )
