"""Organisaties: the register. Search, add and edit organisations; their clusters, contacts
and actions. Every save is one call into graphmap.register (one transaction).

What the user may not change is disabled, with the gate's reason beside it (a viewer
changes nothing; an editor changes the organisations of their own zones, and records the
engagement of any organisation in their own zones). The engagement form starts on the
organisation's own zone (one the user may record in, where it has one) and its cluster.

The register grid is paged on the server (dashboard.paging, graphmap.analysis.directory):
Flanders has some 30,000 organisations, the browser gets the blocks it shows, in name order.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import followup as followup_form
from dashboard import guard, paging, session, words
from dashboard.choices import ALL as ALL_ZONES
from dashboard.choices import chosen, editable, own_zone, remembered, start_zone, zone_options
from dashboard.elements import CLUSTER_NAMES, ROLE_LABELS, STATUS_LABELS
from graphmap import access, engagement
from graphmap import register as registry
from graphmap.analysis import directory, network
from graphmap.analysis.contacts import display_phone
from graphmap.errors import ConflictError, GraphmapError, StoreUnavailableError
from graphmap.store import Store

PATH = "/organisaties"
SUGGESTED = 3  # organisations of alike names offered for a link to an unknown one
SEARCH_PAUSE_MS = 300  # the search box searches when typing pauses this long
TITLE = "Organisaties"
ORDER = 4
NEED = "view"  # see graphmap.access
P = "organisaties"  # id prefix
FIELDS = ("name", "category", "municipality", "kbo", "website")
CONTACT_FIELDS = ("name", "function", "email", "phone")
# A block of the register, read once while the graph stays the same: the grid asks for its
# first block twice as it opens (see paging.Kept), and a block of all of Flanders reads the
# name of every organisation (0.1–0.4 s at 68,000).
_blocks = paging.Kept()
REMOVE_CONTACT = f"{P}-remove-contact"
# The organisation's actions as one grid: Pallion, a partner of every zone, works on 122
# actions of 60 zones; as a Dash table with a link and a button per row the browser took
# 4 to 5 s to draw them (dash_renderer's cost per component), the grid draws what is in view.
ACTION_COLUMNS = [
    {"headerName": "Zone", "field": "zone", "width": 150},
    {"headerName": "Code", "field": "code", "width": 90},
    {
        "headerName": "Actie",
        "field": "title",
        "cellRenderer": "RowLink",
        "cellRendererParams": {"href": "href"},
        "tooltipField": "title",
        "flex": 3,
    },
    {"headerName": "Rol", "field": "role", "width": 130},
    {
        "headerName": "",
        "field": "id",
        "cellRenderer": "RowButton",
        "cellRendererParams": {"label": "Ontkoppel", "refused": "refused", "color": "danger"},
        "width": 125,
    },
]

# In name order only: the register is read in the order of its name index.
COLUMNS = [
    {"field": "name", "headerName": "Naam", "flex": 3, "minWidth": 160, "tooltipField": "name"},
    {
        "field": "category_name",
        "headerName": "Categorie",
        "flex": 2,
        "minWidth": 120,
        "tooltipField": "category_name",
    },
    {"field": "municipality", "headerName": "Gemeente", "flex": 1, "minWidth": 100},
    # Not shown (the panel shows it), but the search box finds an organisation by its KBO.
    {"field": "kbo", "headerName": "KBO", "hide": True},
    {"field": "clusters", "headerName": "Clusters", "width": 92, "type": "numericColumn"},
    {"field": "actions", "headerName": "Acties", "width": 74, "type": "numericColumn"},
    paging.VIEW_COLUMN,
]


def view(text: str | None, version, zone: str | None = ALL_ZONES) -> str:
    return f"{zone or ALL_ZONES}|{(text or '').strip()}|{version or 0}"


def kbo_display(kbo: str | None) -> str:
    """0403170701 → 0403.170.701, the way the KBO writes it."""
    return f"{kbo[:4]}.{kbo[4:7]}.{kbo[7:]}" if kbo and len(kbo) == 10 else (kbo or "")


def form_values(org: dict | None) -> list[str]:
    if org is None:
        return ["", "", "", "", ""]
    return [
        org["name"] or "",
        org["category"] or "",
        org["municipality"] or "",
        kbo_display(org["kbo"]),
        org["website"] or "",
    ]


def _field(label: str, key: str, component, help_text: str | None = None) -> dbc.Row:
    parts = [component, dbc.FormFeedback(id=f"{P}-{key}-error", type="invalid")]
    if help_text:
        parts.append(dbc.FormText(help_text))
    return dbc.Row(
        [dbc.Label(label, html_for=f"{P}-{key}", width=3), dbc.Col(parts, width=9)],
        className="mb-2",
    )


def _select(id_: str, options: list[dict], value=None, **kwargs) -> dbc.Select:
    return dbc.Select(id=id_, options=options, value=value, **kwargs)


def not_found(store: Store, asked: str) -> dbc.Alert:
    """A link to an organisation the register does not hold (a typo, one merged or erased
    since): said so, with the organisations of alike names to open instead."""
    words = asked.replace("-", " ").split()
    alike = directory.page(store, " ".join(words), 0, SUGGESTED).rows
    longest = max(words, key=len, default="")
    if not alike and len(words) > 1 and len(longest) >= 4:  # one word wrong: the telling one
        alike = directory.page(store, longest, 0, SUGGESTED).rows
    alike = alike or directory.mistyped(store, asked, SUGGESTED)  # "palion": pallion
    said: list = [f"Organisatie '{asked}' niet gevonden" + ("; bedoelt u: " if alike else ".")]
    for n, row in enumerate(alike):
        said += [" of " if n else "", dcc.Link(row["name"], href=f"{PATH}?org={row['id']}")]
    return dbc.Alert(
        said + (["?"] if alike else []),
        color="warning",
        id=f"{P}-unknown",
        className="py-2",
    )


def layout(store: Store, search: str = "") -> html.Div:
    query = parse_qs(search.lstrip("?"))
    selected = (query.get("org") or [None])[0]
    org = registry.organisation(store, selected) if selected else None
    unknown = not_found(store, selected) if selected and org is None else None
    if org is None:
        selected = None
    zones = network.zones(store)
    zone = (query.get("zone") or [start_zone(zones, session.user())])[0]
    if zone not in {z["id"] for z in zones}:
        zone = ALL_ZONES
    categories = sorted(
        network.categories(store),
        key=lambda k: (list(CLUSTER_NAMES).index(k["cluster"]) if k["cluster"] else 9, k["name"]),
    )
    category_options = [
        {
            "label": f"{k['name']} ({CLUSTER_NAMES.get(k['cluster'], 'algemeen')})",
            "value": k["key"],
        }
        for k in categories
    ]
    values = form_values(org)
    may = permissions(store, org)
    user = session.user()
    # What the user may not save looks fixed too: a viewer's fields, and an editor's of an
    # organisation of another zone (`show` keeps this up as another one is opened).
    fixed = may["save"] is not None
    form = [
        _field(
            "Naam",
            "name",
            dbc.Input(id=f"{P}-name", value=values[0], type="text", disabled=fixed),
        ),
        _field(
            "Categorie",
            "category",
            _select(
                f"{P}-category",
                category_options,
                values[1],
                placeholder="Kies een categorie",
                disabled=fixed,
            ),
        ),
        _field(
            "Gemeente",
            "municipality",
            dbc.Input(id=f"{P}-municipality", value=values[2], type="text", disabled=fixed),
            "Naam of postcode; oude gemeenten (bv. Borgloon) worden de fusiegemeente, "
            "een deelgemeente met postcode (9040 Sint-Amandsberg) haar gemeente.",
        ),
        _field(
            "KBO-nummer",
            "kbo",
            dbc.Input(id=f"{P}-kbo", value=values[3], type="text", disabled=fixed),
            "Ondernemingsnummer, bv. 0403.170.701",
        ),
        _field(
            "Website",
            "website",
            dbc.Input(id=f"{P}-website", value=values[4], type="text", disabled=fixed),
        ),
    ]
    return html.Div(
        [
            dcc.Store(id=f"{P}-selected", data=selected),
            dcc.Store(id=f"{P}-version", data=0),
            # Erasing a contact person cannot be undone: the browser asks first.
            dcc.Store(id=f"{P}-remove-pending"),
            dcc.ConfirmDialog(id=f"{P}-remove-confirm"),
            # The version of the organisation's fields the form was filled in from.
            dcc.Store(id=f"{P}-revision", data=org["version"] if org else None),
            # The statuses the memberships table shows, which an engagement change is chosen over.
            dcc.Store(id=f"{P}-statuses", data=shown_statuses(org)),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            # A zone's register: its clusters, its actions, its municipalities.
                            dbc.Label("Zone", html_for=f"{P}-zone", className="visually-hidden"),
                            dbc.InputGroup(
                                [
                                    dbc.Select(
                                        id=f"{P}-zone",
                                        **remembered(search),
                                        value=zone,
                                        options=zone_options(zones),
                                        style={"maxWidth": "11rem"},
                                    ),
                                    dbc.Input(
                                        id=f"{P}-search",
                                        **remembered(search),
                                        placeholder="Zoek op naam, categorie, gemeente of KBO",
                                        type="search",
                                        # Searched as the user pauses, not at every key: a
                                        # word typed was a search of Flanders per letter.
                                        debounce=SEARCH_PAUSE_MS,
                                    ),
                                ],
                                className="mb-2",
                            ),
                            dag.AgGrid(
                                id=f"{P}-grid",
                                columnDefs=COLUMNS,
                                rowModelType="infinite",
                                filterModel=paging.view_model({}, view("", 0, zone)),
                                getRowId="params.data.id",
                                defaultColDef={"sortable": False, "resizable": True},
                                dashGridOptions=paging.PICKED_ROW_OPTIONS,
                                style={"height": "74vh"},
                                className="ag-theme-alpine",
                            ),
                            html.Div(id=f"{P}-count", className="text-muted small mt-1"),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        [
                            *([unknown] if unknown else []),
                            dbc.Card(
                                [
                                    dbc.CardHeader(
                                        [
                                            html.H5(
                                                org["name"] if org else "Nieuwe organisatie",
                                                id=f"{P}-title",
                                                className="mb-0 me-auto",
                                            ),
                                            # Here, not beside the search: that keeps the
                                            # room to read what the search box asks.
                                            dbc.Button(
                                                "+ Nieuwe organisatie",
                                                id=f"{P}-new",
                                                color="primary",
                                                size="sm",
                                                disabled=not user.edits,
                                                title=None if user.edits else VIEWER,
                                            ),
                                        ],
                                        className="d-flex align-items-center gap-2",
                                    ),
                                    dbc.CardBody(
                                        [
                                            *form,
                                            dbc.Button(
                                                "Opslaan",
                                                id=f"{P}-save",
                                                color="success",
                                                disabled=may["save"] is not None,
                                            ),
                                            _reason("save", may["save"]),
                                            html.Div(id=f"{P}-feedback", className="mt-2"),
                                        ]
                                    ),
                                ],
                                className="mb-3",
                            ),
                            html.Div(
                                _sections(zones, may, engagement_form(store, org, zones)),
                                id=f"{P}-sections",
                                style={} if org else {"display": "none"},
                            ),
                        ],
                        lg=6,
                    ),
                ]
            ),
        ]
    )


VIEWER = "Als kijker wijzigt u niets in het register."


def permissions(store: Store, org: dict | None) -> dict[str, str | None]:
    """Why the session's user may not save the organisation's fields, add a contact to it, or
    link it to an action: the gate's reasons (None: they may), the organisation by name."""
    user = session.user()
    if not user.edits:
        return dict.fromkeys(("save", "contact", "link"), VIEWER)
    reason = None
    if org is not None and guard.why_not(store, "edit", organisation=org["id"]) is not None:
        reason = access.REFUSED.format(reason=f"{org['name']} hoort niet bij uw zones")
    return {"save": reason, "contact": reason, "link": None}


def _reason(name: str, reason: str | None) -> html.Div:
    return html.Div(reason, id=f"{P}-{name}-reason", className="small text-muted mt-1")


def engagement_form(store: Store, org: dict | None, zones: list[dict]) -> tuple[str, str, str]:
    """The zone, cluster and status the engagement form starts on for `org`: the first of
    its own zones the user may record in (else the user's own zone; a viewer's: its first),
    its cluster there (else the cluster where that zone expects its kind of partner), its
    status there (else contacted)."""
    user = session.user()
    ids = [z["id"] for z in zones]
    theirs = set()
    if org is not None:
        theirs = {m["zone"] for m in org["memberships"]} | {a["zone"] for a in org["actions"]}
    held = [z for z in ids if z in theirs]
    mine = [z for z in held if user.edits and user.holds(z)]
    if mine:
        zone = mine[0]
    elif user.edits:
        zone = own_zone(editable(zones, user), user)
    else:
        zone = held[0] if held else own_zone(zones, user)
    member = next((m for m in (org or {}).get("memberships", []) if m["zone"] == zone), None)
    if member is not None:
        return zone, member["cluster"], member["status"]
    cluster = None
    if org is not None and zone is not None:
        # Where the zone expects its kind of partner (its own target first), else the
        # cluster its category belongs to.
        cluster = engagement.expected_cluster(store, zone, org["category"])
        if cluster is None:
            kinds = {k["key"]: k["cluster"] for k in network.categories(store)}
            cluster = kinds.get(org["category"])
    return zone, cluster if cluster in CLUSTER_NAMES else "zorg", "contacted"


def action_options(store: Store) -> list[dict]:
    """The actions the session's user may link an organisation to (every action of the
    plans of their zones; every action for an admin), read when the tab opens."""
    user = session.user()
    if not user.edits:
        return []
    zone_names = network.zone_names(store)
    # Read from the user's own zones outwards: an editor's few plans, not Flanders' 3,000
    # actions (an admin's own zones are every zone).
    held = [zone for zone in zone_names if user.holds(zone)]
    return [
        {
            "label": f"{zone_names.get(a['zone'], a['zone'])} · {a['code'] or a['goal']} "
            f"{a['title']}",
            "value": a["id"],
        }
        for a in network.action_choices(store, held)
    ]


def _sections(zones: list[dict], may: dict, start: tuple[str, str, str]) -> dbc.Tabs:
    user = session.user()
    zone, cluster, status = start
    status_form = dbc.Row(
        [
            dbc.Col(
                _select(
                    f"{P}-status-zone",
                    [{"label": z["name"], "value": z["id"]} for z in zones],
                    zone,
                ),
                md=4,
            ),
            dbc.Col(
                _select(
                    f"{P}-status-cluster",
                    [{"label": n, "value": k} for k, n in CLUSTER_NAMES.items()],
                    cluster,
                ),
                md=3,
            ),
            dbc.Col(
                _select(
                    f"{P}-status",
                    [{"label": label, "value": key} for key, label in STATUS_LABELS.items()],
                    status,
                ),
                md=3,
            ),
            dbc.Col(
                dbc.Button(
                    "Opslaan", id=f"{P}-status-save", color="success", disabled=not user.edits
                ),
                md=2,
            ),
            dbc.Col(_reason("status", None if user.edits else VIEWER), width=12),
        ],
        className="g-2",
    )
    contact_form = dbc.Row(
        [
            *(
                dbc.Col(
                    [
                        dbc.Input(id=f"{P}-contact-{key}", placeholder=label, type=kind),
                        dbc.FormFeedback(id=f"{P}-contact-{key}-error", type="invalid"),
                    ],
                    md=6,
                )
                for key, label, kind in (
                    ("name", "Naam", "text"),
                    ("function", "Functie", "text"),
                    ("email", "E-mail", "text"),
                    ("phone", "Telefoon", "text"),
                )
            ),
            dbc.Col(
                [
                    dbc.Button(
                        "Contactpersoon toevoegen",
                        id=f"{P}-contact-add",
                        color="success",
                        disabled=may["contact"] is not None,
                    ),
                    _reason("contact", may["contact"]),
                ],
                width=12,
            ),
        ],
        className="g-2",
    )
    action_form = dbc.Row(
        [
            dbc.Col(
                dcc.Dropdown(
                    labels=words.DROPDOWN,
                    id=f"{P}-action",
                    options=[],
                    placeholder="Zoek een actie van uw zones (zone, code of titel)",
                    optionHeight=50,
                    disabled=may["link"] is not None,
                ),
                md=7,
            ),
            dbc.Col(
                dbc.RadioItems(
                    id=f"{P}-role",
                    options=[
                        {"label": "trekker", "value": "lead"},
                        {"label": "partner", "value": "partner"},
                    ],
                    value="partner",
                    inline=True,
                ),
                md=3,
                className="align-self-center",
            ),
            dbc.Col(
                dbc.Button(
                    "Koppel", id=f"{P}-link", color="success", disabled=may["link"] is not None
                ),
                md=2,
            ),
            dbc.Col(_reason("link", may["link"]), width=12),
        ],
        className="g-2",
    )
    return dbc.Tabs(
        [
            dbc.Tab(
                [
                    html.Div(id=f"{P}-memberships", className="mt-2"),
                    html.H6("Betrokkenheid in een cluster vastleggen", className="mt-3"),
                    status_form,
                    html.Div(id=f"{P}-status-feedback", className="mt-2"),
                ],
                label="Clusters",
                tab_id="clusters",
            ),
            dbc.Tab(
                [
                    html.Div(id=f"{P}-contacts", className="mt-2"),
                    html.H6("Contactpersoon toevoegen", className="mt-3"),
                    contact_form,
                    html.P(
                        "Persoonsgegevens: noteer alleen wat het werk van de zorgraad vraagt. "
                        "Verwijderen wist de persoon volledig uit het register.",
                        className="small text-muted mt-2",
                    ),
                    html.Div(id=f"{P}-contact-feedback"),
                ],
                label="Contactpersonen",
                tab_id="contacts",
            ),
            dbc.Tab(
                [followup_form.history(P), followup_form.form(P, zones)],
                label="Opvolging",
                tab_id="followup",
            ),
            dbc.Tab(
                [
                    html.Div(id=f"{P}-actions", className="mt-2"),
                    dag.AgGrid(
                        id=f"{P}-actions-grid",
                        columnDefs=ACTION_COLUMNS,
                        rowData=[],
                        getRowId="params.data.id",
                        defaultColDef={"sortable": True, "resizable": True},
                        dashGridOptions={
                            "localeText": words.GRID,
                            "animateRows": False,
                            "tooltipShowDelay": 300,
                        },
                        style=actions_height(0),
                        className="ag-theme-alpine",
                    ),
                    html.H6("Koppelen aan een actie", className="mt-3"),
                    action_form,
                    html.Div(id=f"{P}-action-feedback", className="mt-2"),
                ],
                label="Acties",
                tab_id="actions",
            ),
        ],
        id=f"{P}-tabs",
        active_tab="clusters",
    )


def _table(name: str, headers: tuple[str, ...], rows: list[list], empty: str):
    """A small striped table of cells, or a muted line when there is nothing to show."""
    if not rows:
        return html.P(empty, className="text-muted")
    return dbc.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in headers])),
            html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
        ],
        size="sm",
        striped=True,
        id=f"{P}-{name}-table",
    )


def _remove_button(label: str, id_: dict, refused: str | None = None) -> dbc.Button:
    return dbc.Button(
        label,
        id=id_,
        color="danger",
        outline=True,
        size="sm",
        disabled=refused is not None,
        title=refused,
    )


# Above this many memberships (an organisation of Flanders: 120, in 60 zones) they are a
# grid that draws the rows in view only: as a table of cells, the browser took seconds.
MEMBERSHIP_ROWS = 12
MEMBERSHIP_COLUMNS = [
    {"headerName": "Zone", "field": "zone", "flex": 2},
    {"headerName": "Cluster", "field": "cluster", "flex": 1},
    {"headerName": "Status", "field": "status", "flex": 1},
]


def shown_statuses(org: dict | None) -> dict[str, str]:
    """The status of each of the organisation's memberships, by "zone/cluster", as shown."""
    return {f"{m['zone']}/{m['cluster']}": m["status"] for m in (org or {}).get("memberships", [])}


def memberships_table(org: dict):
    rows = [
        [
            m["zone_name"],
            CLUSTER_NAMES.get(m["cluster"], m["cluster"]),
            STATUS_LABELS.get(m["status"], m["status"]),
        ]
        for m in org["memberships"]
    ]
    if len(rows) <= MEMBERSHIP_ROWS:
        return _table(
            "memberships", ("Zone", "Cluster", "Status"), rows, "Nog in geen enkele cluster."
        )
    return dag.AgGrid(
        id=f"{P}-memberships-grid",
        columnDefs=MEMBERSHIP_COLUMNS,
        rowData=[dict(zip(("zone", "cluster", "status"), row, strict=True)) for row in rows],
        defaultColDef={"sortable": True, "resizable": True, "filter": True},
        dashGridOptions={"localeText": words.GRID, "animateRows": False},
        style=actions_height(len(rows)),
        className="ag-theme-alpine",
    )


def contacts_table(org: dict):
    rows = [
        [
            c["name"],
            c["function"] or "",
            html.A(c["email"], href=f"mailto:{c['email']}") if c["email"] else "",
            html.Span(display_phone(c["phone"]) or "", className="text-nowrap"),
            _remove_button("Verwijder", {"type": REMOVE_CONTACT, "person": c["id"]}),
        ]
        for c in org["contacts"]
    ]
    headers = ("Naam", "Functie", "E-mail", "Telefoon", "")
    return _table("contacts", headers, rows, "Geen contactpersonen.")


def hidden_contacts(org: dict) -> html.P:
    """What a user who may not see this organisation's contact persons sees: how many."""
    count = len(org["contacts"])
    return html.P(
        f"{count} contactperso{'o' if count == 1 else 'ne'}n. Hun gegevens zijn alleen "
        "zichtbaar voor medewerkers van de zones van deze organisatie.",
        className="text-muted",
        id=f"{P}-contacts-hidden",
    )


def shown_roles(rows: list[dict] | None, action: str) -> list[str] | None:
    """The roles the grid of `action_rows` showed the organisation in for `action` (none:
    not linked); None without a grid (a request that shows nothing is checked against
    nothing)."""
    if rows is None:
        return None
    labels = {label: registry.ROLE_OF[kind] for kind, label in ROLE_LABELS.items()}
    shown = next((row["role"] for row in rows if row.get("id") == action), "")
    return [labels[part] for part in str(shown).split(", ") if part in labels]


def action_rows(org: dict, user: access.User) -> list[dict]:
    """The organisation's actions as the grid's rows (one per action, its roles together),
    each with its page and, for "Ontkoppel", why `user` may not press it: unlinking is for
    the editors of the action's zone."""
    rows: dict[str, dict] = {}
    for a in org["actions"]:
        row = rows.get(a["action"])
        if row is not None:
            row["role"] += f", {ROLE_LABELS[a['role']]}"
            continue
        rows[a["action"]] = {
            "id": a["action"],
            "zone": a.get("zone_name") or a["zone"],  # as staff know it
            "code": a["code"] or "",
            "title": a["title"],
            "href": f"/acties?zone={quote(a['zone'], safe='')}",
            "role": ROLE_LABELS[a["role"]],
            "refused": None
            if user.edits and user.holds(a["zone"])
            else access.REFUSED.format(
                reason=f"actie van zone {a.get('zone_name') or a['zone']}, niet van de uwe"
            )
            if user.edits
            else VIEWER,
        }
    return list(rows.values())


def actions_height(rows: int) -> dict:
    """As tall as its rows up to a dozen, then scrolling; hidden with none."""
    return {"height": f"{50 + 42 * min(rows, 12)}px"} if rows else {"display": "none"}


def _error_outputs(fields: tuple[str, ...], prefix: str) -> list[Output]:
    return [Output(f"{prefix}-{key}", "invalid") for key in fields] + [
        Output(f"{prefix}-{key}-error", "children") for key in fields
    ]


def _errors(fields: tuple[str, ...], error: registry.FormError | None) -> list:
    found = error.fields if error else {}
    return [key in found for key in fields] + [words.capital(found.get(key, "")) for key in fields]


def _unless_away(error: GraphmapError) -> None:
    """A database that is away is said by the page itself (and it reloads): re-raise it."""
    if isinstance(error, StoreUnavailableError):
        raise error


# An organisation's row as the grid holds it, as `select` reads it (dashboard.guard.holds).
guard.holds(f"{P}-grid", "selectedRows", [{"id": str}])


def register(app: Dash, store: Store) -> None:  # noqa: C901 (one closure per callback)
    followup_form.register(
        app,
        store,
        P,
        Input(f"{P}-selected", "data"),
        Input(f"{P}-status-zone", "value"),
        with_history=True,
        refresh=Input(f"{P}-version", "data"),
    )

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-grid", "getRowsResponse"),
        Output(f"{P}-count", "children"),
        Input(f"{P}-grid", "getRowsRequest"),
        State(f"{P}-search", "value"),
        State(f"{P}-zone", "value"),
        State(f"{P}-zone", "options"),
    )
    def load(request, text, zone, zone_options):
        if not request:
            return no_update, no_update
        zone = chosen(zone)
        start, end = paging.rows_asked(request)
        found = _blocks.get(
            store,
            (text, zone, start, end),
            lambda: directory.page(store, text, start, end - start, zone=zone),
        )
        rows = [{**r, "kbo": kbo_display(r["kbo"])} for r in found.rows]
        where = "in het register"
        if zone is not None:
            # The zone's name as the filter shows it: no query for it on every block.
            names = {o["value"]: o["label"] for o in zone_options or []}
            where = f"van zone {names.get(zone, zone)}"
        found_or_held = "gevonden" if directory.words(text) else where
        count = f"{words.counted(found.total, 'organisatie', 'organisaties')} {found_or_held}"
        return {"rowData": rows, "rowCount": found.total}, count

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-grid", "filterModel"),
        Input(f"{P}-search", "value"),
        Input(f"{P}-version", "data"),
        Input(f"{P}-zone", "value"),
        State(f"{P}-grid", "filterModel"),
        prevent_initial_call=True,
    )
    def search(text, version, zone, current):
        return paging.view_model(current, view(text, version, zone))

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-action", "options"),
        Input(f"{P}-tabs", "active_tab"),
        State(f"{P}-action", "options"),
        prevent_initial_call=True,
    )
    def actions(tab, options):
        if tab != "actions" or options:
            return no_update
        return action_options(store)

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-selected", "data"),
        *(Output(f"{P}-{key}", "value") for key in FIELDS),
        *_error_outputs(FIELDS, P),
        Output(f"{P}-feedback", "children"),
        Output(f"{P}-revision", "data"),
        Input(f"{P}-grid", "selectedRows"),
        Input(f"{P}-new", "n_clicks"),
        prevent_initial_call=True,
    )
    def select(selected_rows, _new):
        if ctx.triggered_id == f"{P}-new":
            org = None
        elif selected_rows:
            org = registry.organisation(store, selected_rows[0]["id"])
        else:
            return (no_update,) * (3 + len(FIELDS) * 3)
        revision = org["version"] if org else None
        return (org and org["id"], *form_values(org), *_errors(FIELDS, None), None, revision)

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-title", "children"),
        Output(f"{P}-sections", "style"),
        Output(f"{P}-memberships", "children"),
        Output(f"{P}-contacts", "children"),
        Output(f"{P}-actions", "children"),
        Output(f"{P}-actions-grid", "rowData"),
        Output(f"{P}-actions-grid", "style"),
        Output(f"{P}-save", "disabled"),
        Output(f"{P}-save-reason", "children"),
        Output(f"{P}-contact-add", "disabled"),
        Output(f"{P}-contact-reason", "children"),
        Output(f"{P}-link", "disabled"),
        Output(f"{P}-link-reason", "children"),
        Output(f"{P}-action", "disabled"),
        *(Output(f"{P}-{key}", "disabled") for key in FIELDS),
        Output(f"{P}-status-zone", "value"),
        Output(f"{P}-status-cluster", "value"),
        Output(f"{P}-status", "value"),
        Output(f"{P}-statuses", "data"),
        Input(f"{P}-selected", "data"),
        Input(f"{P}-version", "data"),
    )
    def show(selected, _version):
        org = registry.organisation(store, selected) if selected else None
        may = permissions(store, org)
        allowed = [
            part for key in ("save", "contact", "link") for part in (may[key] is not None, may[key])
        ]
        allowed.append(may["link"] is not None)
        allowed += [may["save"] is not None] * len(FIELDS)
        # The engagement form starts afresh for another organisation, not after a save.
        start = no_update, no_update, no_update
        if ctx.triggered_id != f"{P}-version":
            start = engagement_form(store, org, network.zones(store))
        if org is None:
            hidden = {"display": "none"}
            return "Nieuwe organisatie", hidden, None, None, None, [], hidden, *allowed, *start, {}
        if access.permits(store, session.user(), "contacts", organisation=org["id"]):
            contacts = contacts_table(org)
        else:
            contacts = hidden_contacts(org)
        actions = action_rows(org, session.user())
        none = None if actions else html.P("Werkt aan geen enkele actie.", className="text-muted")
        tables = memberships_table(org), contacts, none, actions, actions_height(len(actions))
        return org["name"], {}, *tables, *allowed, *start, shown_statuses(org)

    @guard.callback(
        app,
        guard.view(),
        Output(f"{P}-status-save", "disabled"),
        Output(f"{P}-status-reason", "children"),
        Input(f"{P}-status-zone", "value"),
    )
    def may_set_status(zone):
        # Any organisation's engagement in one's own zone (as an import may record it).
        if not session.user().edits:
            return True, VIEWER
        reason = guard.why_not(store, "edit", zone=zone or None)
        return reason is not None, reason

    @guard.callback(
        app,
        guard.edit(organisation=f"{P}-selected.data"),
        *(Output(f"{P}-{key}", "value", allow_duplicate=True) for key in FIELDS),
        *_error_outputs(FIELDS, P),
        Output(f"{P}-feedback", "children", allow_duplicate=True),
        Output(f"{P}-selected", "data", allow_duplicate=True),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Output(f"{P}-revision", "data", allow_duplicate=True),
        Input(f"{P}-save", "n_clicks"),
        *(State(f"{P}-{key}", "value") for key in FIELDS),
        State(f"{P}-selected", "data"),
        State(f"{P}-version", "data"),
        State(f"{P}-revision", "data"),
        prevent_initial_call=True,
    )
    def save(_clicks, *state):
        values, (selected, version, revision) = dict(zip(FIELDS, state[:5], strict=True)), state[5:]
        keep = (no_update,) * len(FIELDS)
        try:
            saved = registry.save_organisation(
                store, values, selected, version=revision, editor=session.actor()
            )
        except registry.FormError as error:
            alert = dbc.Alert("Niet opgeslagen: verbeter de aangeduide velden.", color="danger")
            return *keep, *_errors(FIELDS, error), alert, no_update, no_update, no_update
        except registry.StaleEditError as error:
            # Someone else saved first: show what the graph holds now, and say so.
            org = registry.organisation(store, selected)
            alert = dbc.Alert(str(error), color="warning", id=f"{P}-stale")
            return (
                *form_values(org),
                *_errors(FIELDS, None),
                alert,
                no_update,
                paging.bumped(version),
                org["version"],
            )
        except GraphmapError as error:
            _unless_away(error)
            alert = dbc.Alert(str(error), color="danger")
            return *keep, *_errors(FIELDS, None), alert, no_update, no_update, no_update
        org = registry.organisation(store, saved)
        verb = "bijgewerkt" if selected else "toegevoegd"
        alert = dbc.Alert(f"{org['name']} is {verb}.", color="success", id=f"{P}-saved")
        # The form shows what the graph now holds: the merged municipality, the KBO format.
        return (
            *form_values(org),
            *_errors(FIELDS, None),
            alert,
            saved,
            paging.bumped(version),
            org["version"],
        )

    @guard.callback(
        app,
        guard.edit(zone=f"{P}-status-zone.value"),
        Output(f"{P}-status-feedback", "children"),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Input(f"{P}-status-save", "n_clicks"),
        State(f"{P}-selected", "data"),
        State(f"{P}-status-zone", "value"),
        State(f"{P}-status-cluster", "value"),
        State(f"{P}-status", "value"),
        State(f"{P}-version", "data"),
        State(f"{P}-statuses", "data"),
        prevent_initial_call=True,
    )
    def set_status(_clicks, selected, zone, cluster, status, version, statuses):
        # Chosen over the status the table shows (none: no membership there yet).
        shown = (
            statuses.get(f"{zone}/{cluster}")
            if isinstance(statuses, dict)
            else engagement.UNCHECKED
        )
        try:
            result = engagement.set_status(
                store, selected, zone, cluster, status, actor=session.actor(), shown=shown
            )
        except engagement.StaleStatusError as error:
            # Another writer changed it since: the table shows the status as it is now.
            return dbc.Alert(str(error), color="warning", id=f"{P}-status-stale"), paging.bumped(
                version
            )
        except GraphmapError as error:
            _unless_away(error)
            return dbc.Alert(str(error), color="danger"), no_update
        # Staff read a zone's name, as the form's choice shows it, not its id.
        zone_name = access.zone_name(store, zone)
        where = f"{STATUS_LABELS[status]} in {CLUSTER_NAMES[cluster]} ({zone_name})"
        if not result["changed"]:  # nothing recorded: saying "opgeslagen" would claim a change
            return dbc.Alert(f"Ongewijzigd: al {where}.", color="info"), no_update
        return dbc.Alert(f"Opgeslagen: {where}.", color="success"), paging.bumped(version)

    @guard.callback(
        app,
        guard.edit(organisation=f"{P}-selected.data"),
        *_error_outputs(CONTACT_FIELDS, f"{P}-contact"),
        *(Output(f"{P}-contact-{key}", "value") for key in CONTACT_FIELDS),
        Output(f"{P}-contact-feedback", "children"),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Input(f"{P}-contact-add", "n_clicks"),
        *(State(f"{P}-contact-{key}", "value") for key in CONTACT_FIELDS),
        State(f"{P}-selected", "data"),
        State(f"{P}-version", "data"),
        prevent_initial_call=True,
    )
    def add_contact(_clicks, *state):
        values, selected, version = dict(zip(CONTACT_FIELDS, state[:4], strict=True)), *state[4:]
        keep = (no_update,) * len(CONTACT_FIELDS)
        try:
            registry.add_contact(
                store, selected, values, actor=session.actor(), user=session.user()
            )
        except registry.FormError as error:
            return *_errors(CONTACT_FIELDS, error), *keep, None, no_update
        except GraphmapError as error:
            _unless_away(error)
            return (
                *_errors(CONTACT_FIELDS, None),
                *keep,
                dbc.Alert(str(error), color="danger"),
                no_update,
            )
        cleared = ("",) * len(CONTACT_FIELDS)
        alert = dbc.Alert(f"{values['name'].strip()} is toegevoegd.", color="success")
        return *_errors(CONTACT_FIELDS, None), *cleared, alert, paging.bumped(version)

    @guard.callback(
        app,
        guard.edit(person=guard.triggered("person")),
        Output(f"{P}-remove-confirm", "displayed"),
        Output(f"{P}-remove-confirm", "message"),
        Output(f"{P}-remove-pending", "data"),
        Input({"type": REMOVE_CONTACT, "person": ALL}, "n_clicks"),
        State(f"{P}-selected", "data"),
        prevent_initial_call=True,
    )
    def ask_remove_contact(_clicks, selected):
        if not guard.pressed():
            return no_update, no_update, no_update
        person = ctx.triggered_id["person"]
        org = registry.organisation(store, selected) if selected else None
        names = {c["id"]: c["name"] for c in (org or {}).get("contacts", [])}
        who = names.get(person, "Deze contactpersoon")
        message = (
            f"{who} volledig wissen uit het register, ook uit de back-ups? "
            "Dit kan niet ongedaan gemaakt worden."
        )
        return True, message, person

    @guard.callback(
        app,
        guard.edit(person=f"{P}-remove-pending.data"),
        Output(f"{P}-contact-feedback", "children", allow_duplicate=True),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Input(f"{P}-remove-confirm", "submit_n_clicks"),
        State(f"{P}-remove-pending", "data"),
        State(f"{P}-version", "data"),
        prevent_initial_call=True,
    )
    def remove_contact(_confirmed, person, version):
        if not person:
            return no_update, no_update
        try:
            registry.remove_contact(store, person, actor=session.actor())
        except GraphmapError as error:
            _unless_away(error)
            return dbc.Alert(str(error), color="danger"), paging.bumped(version)
        return dbc.Alert("Contactpersoon verwijderd.", color="secondary"), paging.bumped(version)

    @guard.callback(
        app,
        guard.edit(action=f"{P}-action.value"),
        Output(f"{P}-action-feedback", "children"),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Input(f"{P}-link", "n_clicks"),
        State(f"{P}-selected", "data"),
        State(f"{P}-action", "value"),
        State(f"{P}-role", "value"),
        State(f"{P}-version", "data"),
        State(f"{P}-actions-grid", "rowData"),
        prevent_initial_call=True,
    )
    def link(_clicks, selected, action, role, version, rows):
        if not action:
            return dbc.Alert("Kies eerst een actie.", color="warning"), no_update
        try:
            made = registry.link_action(
                store,
                selected,
                action,
                role,
                actor=session.actor(),
                shown=shown_roles(rows, action),
            )
        except ConflictError as error:  # changed since the grid showed it: show it as it is
            return dbc.Alert(str(error), color="warning"), paging.bumped(version)
        except GraphmapError as error:
            _unless_away(error)
            return dbc.Alert(str(error), color="danger"), no_update
        label = "trekker" if role == "lead" else "partner"
        if not made:
            return dbc.Alert(f"Ongewijzigd: al {label}.", color="secondary"), no_update
        return dbc.Alert(f"Gekoppeld als {label}.", color="success"), paging.bumped(version)

    @guard.callback(
        app,
        guard.edit(action=guard.rendered(f"{P}-actions-grid.cellRendererData")),
        Output(f"{P}-action-feedback", "children", allow_duplicate=True),
        Output(f"{P}-version", "data", allow_duplicate=True),
        Input(f"{P}-actions-grid", "cellRendererData"),
        State(f"{P}-selected", "data"),
        State(f"{P}-version", "data"),
        State(f"{P}-actions-grid", "rowData"),
        prevent_initial_call=True,
    )
    def unlink(pressed, selected, version, rows):
        if not pressed:
            return no_update, no_update
        action = pressed["value"]
        try:
            registry.unlink_action(
                store, selected, action, actor=session.actor(), shown=shown_roles(rows, action)
            )
        except ConflictError as error:  # changed since the grid showed it: show it as it is
            return dbc.Alert(str(error), color="warning"), paging.bumped(version)
        return dbc.Alert("Ontkoppeld.", color="secondary"), paging.bumped(version)
