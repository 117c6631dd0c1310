"""Importeren: one flow for a zone — its plan first, then its partner list.

1. Upload the zone's plan (for an existing zone or a new one). The preview shows what the
   plan proposes, each with what it rests on: the zone's name and municipalities (with the
   sentence that names them, and those the plan says are leaving), its own targets, the
   organisations it names, and its goals and actions with their indicators. Staff untick
   what is wrong and apply: a new zone is created whole (municipalities, four clusters with
   the reference expectations, targets) together with its plan, in one transaction.
2. Upload the partner list (or a contact list). Every row is reported; a row that is
   probably a known organisation gets a choice: link to it (the default) or a new one.
   A row an editor may not write (the register fields or contacts of an organisation of
   another zone, see `graphmap.access.import_refusals`) is refused in the preview, with why.
   Applying writes the accepted rows in one transaction.

An editor imports into their own zones (an admin also makes new zones from a plan). A
file, once read, is held by the page and the upload forgets it: choosing the same file
again (after fixing it) reads it again.

A spinner shows while a document or a long list is read, so that it never looks like a hang.
"""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import guard, session, words
from dashboard.choices import editable, own_zone
from dashboard.guard import TEXT
from graphmap import access, limits
from graphmap.analysis import network
from graphmap.errors import ColumnError, GraphmapError
from graphmap.ingest import columns, spreadsheet
from graphmap.ingest import plan as plan_import
from graphmap.ingest.upload import with_upload
from graphmap.store import Store

PATH = "/importeren"
TITLE = "Importeren"
ORDER = 6
NEED = "edit"  # an editor of any zone; each callback checks the zone it writes to
NEW_ZONE = "__nieuw__"
KINDS = {
    spreadsheet.ORGANISATIONS: "Partnerlijst (organisaties, CSV of XLSX)",
    spreadsheet.CONTACTS: "Contactpersonen (CSV of XLSX)",
}
OUTCOMES = spreadsheet.OUTCOME_LABELS
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
    {
        "field": "message",
        "headerName": "Melding",
        "flex": 3,
        "tooltipField": "message",
        "wrapText": True,
        "autoHeight": True,
    },
]
ACTION_COLUMNS = [
    {"field": "operational_goal", "headerName": "Doelstelling", "width": 130},
    {"field": "id_code", "headerName": "Actie", "width": 100},
    {"field": "title", "headerName": "Titel", "flex": 3, "wrapText": True, "autoHeight": True},
    {"field": "lead", "headerName": "Trekker", "flex": 1},
    {
        "field": "partners",
        "headerName": "Partners",
        "flex": 2,
        "wrapText": True,
        "autoHeight": True,
    },
    {
        "field": "indicators",
        "headerName": "Indicatoren",
        "flex": 3,
        "wrapText": True,
        "autoHeight": True,
    },
]
GRID = {"sortable": True, "filter": True, "resizable": True}


def zone_choices(store: Store) -> tuple[list[dict], str | None]:
    """The zones the session's user may import into, and the one to start on."""
    user = session.user()
    zones = editable(network.zones(store), user)
    return [{"label": z["name"], "value": z["id"]} for z in zones], own_zone(zones, user)


def layout(store: Store, search: str = "") -> html.Div:
    options, zone = zone_choices(store)
    new_zone = session.user().admin  # a new zone is no editor's zone yet: an admin makes it
    plan_options = [{"label": "Nieuwe zone (uit het plan)", "value": NEW_ZONE}] * new_zone
    return html.Div(
        [
            dcc.Store(id="importeren-plan-file"),
            # What the plan's preview said (its fingerprint), for its apply to compare.
            dcc.Store(id="importeren-plan-previewed"),
            dcc.Store(id="importeren-file"),
            # What each row of the list's preview said it does, for its apply to compare.
            dcc.Store(id="importeren-previewed"),
            dbc.Card(
                [
                    dbc.CardHeader(html.H5("1. Het plan van de zone", className="mb-0")),
                    dbc.CardBody(
                        [
                            dbc.Row(
                                [
                                    dbc.Col(
                                        [
                                            dbc.Label("Zone", html_for="importeren-plan-zone"),
                                            dbc.Select(
                                                id="importeren-plan-zone",
                                                value=NEW_ZONE if new_zone else zone,
                                                options=[*plan_options, *options],
                                            ),
                                        ],
                                        md=4,
                                    ),
                                    dbc.Col(
                                        _drop(
                                            "importeren-plan-upload",
                                            "het plan (.txt, .md, .docx, .pdf, .csv, .xlsx)",
                                        ),
                                        md=8,
                                    ),
                                ],
                                className="mb-2 g-2 align-items-end",
                            ),
                            dcc.Loading(
                                html.Div(id="importeren-plan-preview"),
                                type="circle",
                                overlay_style={"visibility": "visible", "opacity": 0.5},
                                custom_spinner=_spinner("Het plan wordt gelezen …"),
                            ),
                            # Outside the preview: what applying did (or why it did not) stays
                            # when the preview is drawn again beside it.
                            dcc.Loading(html.Div(id="importeren-plan-result"), type="circle"),
                        ]
                    ),
                ],
                className="mb-3",
            ),
            dbc.Card(
                [
                    dbc.CardHeader(html.H5("2. De partnerlijst", className="mb-0")),
                    dbc.CardBody(
                        [
                            dbc.Row(
                                [
                                    dbc.Col(
                                        [
                                            dbc.Label(
                                                "Wat importeert u?", html_for="importeren-kind"
                                            ),
                                            dbc.Select(
                                                id="importeren-kind",
                                                value=spreadsheet.ORGANISATIONS,
                                                options=[
                                                    {"label": v, "value": k}
                                                    for k, v in KINDS.items()
                                                ],
                                            ),
                                        ],
                                        md=4,
                                    ),
                                    dbc.Col(
                                        [
                                            dbc.Label("Zone", html_for="importeren-zone"),
                                            dbc.Select(
                                                id="importeren-zone",
                                                value=zone,
                                                options=options,
                                            ),
                                            html.Div(
                                                id="importeren-zone-note",
                                                className="small text-muted",
                                            ),
                                        ],
                                        md=3,
                                    ),
                                    dbc.Col(_drop("importeren-upload", "een bestand"), md=5),
                                ],
                                className="mb-2 g-2 align-items-end",
                            ),
                            html.Div(
                                [
                                    dbc.Label("Blad", html_for="importeren-sheet"),
                                    dbc.Select(id="importeren-sheet", options=[]),
                                ],
                                id="importeren-sheet-box",
                                hidden=True,
                                className="mb-2 col-md-4",
                            ),
                            html.Div(id="importeren-file-name", className="small text-muted mb-2"),
                            dcc.Loading(
                                [
                                    html.Div(id="importeren-summary", className="mb-2"),
                                    html.Div(id="importeren-choices", className="mb-2"),
                                ],
                                type="circle",
                                custom_spinner=_spinner("De lijst wordt gecontroleerd …"),
                            ),
                            dbc.Button(
                                "Toepassen: schrijf de aanvaarde rijen in één keer weg",
                                id="importeren-apply",
                                color="success",
                                disabled=True,
                                className="mb-2",
                            ),
                            dcc.Loading(html.Div(id="importeren-result"), type="circle"),
                            dag.AgGrid(
                                id="importeren-grid",
                                columnDefs=ROW_COLUMNS,
                                rowData=[],
                                defaultColDef=GRID,
                                dashGridOptions={"tooltipShowDelay": 300, "localeText": words.GRID},
                                style={"height": "50vh"},
                                className="ag-theme-alpine",
                            ),
                        ]
                    ),
                ]
            ),
        ]
    )


def _drop(id_: str, what: str) -> html.Div:
    upload = dcc.Upload(
        id=id_,
        multiple=False,
        # The browser refuses a larger file before sending it; assets/session.js says so.
        max_size=limits.FILE_BYTES,
        children=html.Div(
            [
                f"Sleep {what} hierheen of ",
                html.A("kies een bestand"),
                f" (hoogstens {limits.megabytes(limits.FILE_BYTES)})",
            ]
        ),
        className="importeren-drop",
    )
    # A file over the limit is said beside the field too (assets/session.js), where it stays
    # until another file is chosen: the message at the top of the page goes after seconds.
    too_big = html.Div(id=f"{id_}-too-big", role="alert")
    return html.Div(
        [upload, too_big],
        **{"data-max-bytes": str(limits.FILE_BYTES), "data-size-feedback": f"{id_}-too-big"},
    )


def _spinner(text: str) -> html.Div:
    return html.Div(
        [dbc.Spinner(size="sm", spinner_class_name="me-2"), text],
        className="importeren-progress text-muted",
    )


def _quote(text: str) -> html.Span:
    return html.Span(f"«{text}»", className="text-muted small importeren-evidence")


# -- the plan ----------------------------------------------------------------------------
def plan_preview(preview: plan_import.PlanPreview) -> html.Div:
    """The preview of a plan with a tick box for every proposal (pure: no store)."""
    matches = {m.name: m for m in preview.municipality_matches}
    places = [
        {
            "label": html.Span(
                [
                    html.Strong(m.name),
                    " ",
                    html.Span("verlaat de zone ", className="badge text-bg-warning")
                    if m.leaving
                    else "",
                    _quote(m.leaving_evidence if m.leaving else m.evidence),
                ]
            ),
            "value": m.name,
        }
        for m in [matches[n] for n in preview.municipalities if n in matches]
        + [m for m in preview.municipality_matches if m.name not in preview.municipalities]
    ]
    targets = [
        {
            "label": html.Span(
                [
                    html.Strong(f"{t.cluster} · {t.category}"),
                    f" ({', '.join(t.bodies)}) " if t.bodies else " ",
                    _quote(t.evidence),
                ]
            ),
            "value": f"{t.cluster}/{t.category}",
        }
        for t in preview.targets
    ]
    organisations = [
        {
            "label": html.Span(
                [
                    html.Strong(m.name),
                    _matched(m),
                    f" ({m.category})" if m.match == "new" and m.category else "",
                    plan_import.seat_words(m),
                    " ",
                    _quote(m.evidence) if m.evidence else "",
                ]
            ),
            "value": m.name,
        }
        for m in preview.organisation_matches
    ]
    # A name only alike to the register's is a guess: staff who know it is another
    # organisation make it a new one, which stays on its actions (unticked, it would not).
    alike = [
        {
            "label": html.Span(
                [html.Strong(m.name), f" is niet {m.known_as} ({m.match}): nieuwe organisatie"]
            ),
            "value": m.name,
        }
        for m in preview.organisation_matches
        if m.alike
    ]
    rows = [
        {
            **a.model_dump(include={"operational_goal", "id_code", "title", "lead"}),
            "lead": _leads(a),
            "partners": ", ".join(a.partners),
            "indicators": "; ".join(a.indicators),
        }
        for a in preview.actions
    ]
    counts = plan_counts(preview)
    unwritable = _unwritable(preview)
    zone = [
        dbc.Col(
            [
                dbc.Label("Zone-id", html_for="importeren-plan-zone-id"),
                dbc.Input(id="importeren-plan-zone-id", value=preview.zone),
            ],
            md=3,
        ),
        dbc.Col(
            [
                dbc.Label("Naam van de zone", html_for="importeren-plan-zone-name"),
                dbc.Input(
                    id="importeren-plan-zone-name",
                    value=plan_import.zone_name(preview, preview.zone),
                ),
            ],
            md=5,
        ),
    ]
    note = (
        "Nieuwe zone: ze wordt aangemaakt met de aangevinkte gemeenten, de vier clusters met "
        "de referentieverwachtingen en de aangevinkte doelen."
        if preview.new_zone
        else "Bestaande zone: het plan wordt toegevoegd; de aangevinkte gemeenten en doelen "
        "vullen aan."
    )
    return html.Div(
        [
            html.P(counts, id="importeren-plan-counts", className="fw-semibold"),
            dbc.Alert(note, color="info" if preview.new_zone else "secondary", className="py-2"),
            # A warning is written to follow "let op: " on the command line; alone in its
            # box it opens a sentence.
            *[
                dbc.Alert(w[:1].upper() + w[1:], color="warning", className="py-1 small")
                for w in preview.warnings
            ],
            dbc.Row(zone, className="mb-2 g-2"),
            _section(
                "Gemeenten van de zone",
                dbc.Checklist(
                    id="importeren-plan-municipalities",
                    options=places,
                    value=list(preview.municipalities),
                ),
            ),
            _section(
                "Doelen van de zone (partners die het plan in een cluster wil)",
                dbc.Checklist(
                    id="importeren-plan-targets",
                    options=targets,
                    value=[t["value"] for t in targets],
                ),
            ),
            _section(
                "Organisaties die het plan noemt",
                [
                    dbc.Checklist(
                        id="importeren-plan-organisations",
                        options=organisations,
                        value=[o["value"] for o in organisations],
                    ),
                    html.P(
                        "Een naam met ≈ is een gok. Is het een andere organisatie, vink ze dan "
                        "hier aan: ze wordt nieuw aangemaakt en blijft op haar acties.",
                        className="small mt-2 mb-1",
                        hidden=not alike,
                    ),
                    dbc.Checklist(id="importeren-plan-new", options=alike, value=[]),
                ],
            ),
            html.H6("Doelstellingen en acties (vink uit wat geen actie is)", className="mt-3"),
            dag.AgGrid(
                id="importeren-plan-actions",
                columnDefs=ACTION_COLUMNS,
                rowData=rows,
                selectedRows={"ids": [r["id_code"] for r in rows]},
                defaultColDef=GRID,
                dashGridOptions={
                    "localeText": words.GRID,
                    "rowSelection": {
                        "mode": "multiRow",
                        "checkboxes": True,
                        "headerCheckbox": True,
                    },
                },
                getRowId="params.data.id_code",
                style={"height": "45vh"},
                className="ag-theme-alpine mb-2",
            ),
            dbc.Button(
                "Plan toepassen: schrijf de aangevinkte gegevens in één keer weg",
                id="importeren-plan-apply",
                color="success",
                className="mb-2",
                disabled=unwritable is not None,
                title=unwritable,
            ),
            html.Div(unwritable, id="importeren-plan-unwritable", className="small text-danger")
            if unwritable
            else None,
        ]
    )


def _matched(match: plan_import.OrganisationMatch) -> str:
    """What a name of the plan is taken for: new, the register's organisation of that name,
    or one whose name is only alike ("Huisartsenkring Demervalei" for the register's
    "Huisartsenkring Demervallei"), which the user must be able to tell from a sure one."""
    if match.match == "new":
        return " — nieuw"
    if not match.alike:
        return f" = {match.match}"
    return (
        f" ≈ {match.known_as} ({match.match}; gelijkende naam, niet dezelfde: een andere? "
        "zie hieronder)"
    )


def _unwritable(preview: plan_import.PlanPreview) -> str | None:
    """Why applying this preview would write nothing (a partner list chosen as the plan, a
    text without goals or actions), said before the button is pressed; None when it would."""
    try:
        plan_import.check_writable(preview)
    except GraphmapError:
        return (
            f"Niet toe te passen: in {preview.document} is geen doelstelling of actie herkend "
            "(zie hierboven). Is dit het plan? Een partnerlijst kiest u bij 2."
        )
    return None


OUTDATED_PLAN = (
    "De graaf is veranderd sinds de voorvertoning die u las: het plan zou nu iets anders doen. "
    "Er is niets geïmporteerd. Hieronder staat wat het nu zou doen; lees het na en pas opnieuw "
    "toe."
)


def _previewed(preview: plan_import.PlanPreview) -> dict:
    """What the page keeps of a preview shown, for its apply to compare (`_read_again`)."""
    return {"zone": preview.zone, "fingerprint": preview.fingerprint()}


def _read_again(store: Store, path, zone: str, previewed: dict | None) -> tuple:
    """The plan read for `zone` to apply, and read again as the preview the user checked
    was (None without one): for the zone it was of, since the user may have given the new
    zone another id meanwhile, which is a choice, not a change of the graph."""
    preview = plan_import.preview_plan(store, path, zone)
    if not previewed:
        return preview, None
    if previewed["zone"] == zone:
        return preview, preview
    return preview, plan_import.preview_plan(store, path, previewed["zone"])


def _apply_refusal(store: Store, preview: plan_import.PlanPreview) -> str | None:
    """Why the session's user may not write this plan, judged on the zone it is written to
    (the gate judged the zone-id field, which a request may leave empty: the zone is then
    the one the plan names, another zone's or a new one): an editor writes only into her own
    zones, and only an admin makes a new zone."""
    need = "admin" if preview.new_zone else "edit"
    reason = access.refusal(store, session.user_now(), need, zone=preview.zone)
    return None if reason is None else access.REFUSED.format(reason=reason)


def _plan_shown(filename: str, preview: plan_import.PlanPreview) -> list:
    return [html.Div(f"Bestand: {filename}", className="small text-muted"), plan_preview(preview)]


def plan_counts(preview: plan_import.PlanPreview) -> str:
    """What the plan proposes, counted in the line above its sections (a short plan's one
    goal or target in the singular)."""
    strategic, operational = len(preview.strategic_goals), len(preview.operational_goals)
    goals = "doelstelling" if strategic == operational == 1 else "doelstellingen"
    new = sum(1 for m in preview.organisation_matches if m.match == "new")
    named = words.counted(len(preview.organisations), "organisatie", "organisaties")
    return (
        f"{strategic} strategische en {operational} operationele {goals} · "
        f"{words.counted(len(preview.actions), 'actie', 'acties')} · "
        f"{named} genoemd, waarvan {new} nieuw · "
        f"{words.counted(len(preview.municipalities), 'gemeente', 'gemeenten')} · "
        f"{words.counted(len(preview.targets), 'doel van de zone', 'doelen van de zone')}"
    )


def _leads(action: plan_import.ActionOut) -> str | None:
    """The action's leads as they will be written, or why it has none yet."""
    if action.lead:
        return ", ".join(["zorgraad" if action.lead_self else action.lead, *action.co_leads])
    return f"nog geen («{action.lead_text}»)" if action.lead_text else None


def _section(title: str, body) -> html.Details:
    return html.Details(
        [html.Summary(html.Strong(title)), html.Div(body, className="ms-3 mt-1")],
        open=True,
        className="mb-2",
    )


def _unticked(options: list[dict] | None, ticked: list[str] | None) -> list[str]:
    return [o["value"] for o in options or [] if o["value"] not in (ticked or [])]


# -- the partner list --------------------------------------------------------------------
def sheet_rows(report: spreadsheet.ImportReport) -> list[dict]:
    return [
        {
            "row": r.row,
            "outcome": OUTCOMES.get(r.outcome, r.outcome),
            "name": r.name,
            "organisation": r.organisation or "",
            "message": r.message,
        }
        for r in report.rows
    ]


def ignored(report: spreadsheet.ImportReport) -> list:
    """The columns the import did not read, so that staff can give them a known title."""
    if not report.ignored:
        return []
    return [
        html.P(
            f"Niet gelezen kolommen (titel niet herkend): {', '.join(report.ignored)}. "
            "Geef een kolom een herkende titel om ze mee te lezen: "
            f"{', '.join(columns.field_names(report.kind))}.",
            id="importeren-ignored",
            className="small text-muted",
        )
    ]


def choices(report: spreadsheet.ImportReport, applied: bool = False) -> list:
    """A choice per likely duplicate: the known organisation (default) or a new one; once
    the list is applied, the choices as they were made, no longer to change."""
    rows = [r for r in report.rows if r.similar]
    if not rows:
        return []
    items = []
    for r in rows:
        best = r.similar[0]
        items.append(
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Strong(f"Rij {r.row}: {r.name}"),
                            html.Span(
                                f" bestaat waarschijnlijk al als {best['name']!r}",
                                className="text-muted",
                            ),
                        ],
                        md=7,
                    ),
                    dbc.Col(
                        dbc.RadioItems(
                            id={"type": "importeren-choice", "row": r.row},
                            options=[
                                {
                                    "label": f"koppelen aan {best['id']}",
                                    "value": spreadsheet.LINK,
                                    "disabled": applied,
                                },
                                {
                                    "label": "nieuwe organisatie",
                                    "value": spreadsheet.NEW_ORGANISATION,
                                    "disabled": applied,
                                },
                            ],
                            value=r.choice,
                            inline=True,
                        ),
                        md=5,
                    ),
                ],
                className="small mb-1",
            )
        )
    title = "zo toegepast" if applied else "kies per rij"
    return [
        html.H6(f"{len(rows)} waarschijnlijk dubbel: {title}", className="mt-2"),
        *items,
    ]


def applied(counts: dict[str, int], refused_here: int) -> str:
    """What applying a list did, and what it left: the refused rows are not written, and
    choosing the file again once they are corrected writes them (the others stay as they
    are). `refused_here`: of those, the rows about another zone's organisations."""
    done = (
        f"Geïmporteerd in één transactie: {counts['new']} nieuw, {counts['updated']} "
        f"bijgewerkt, {counts['unchanged']} ongewijzigd."
    )
    rejected = counts["rejected"]
    if not rejected:
        return done
    other = f", waarvan {refused_here} over een andere zone" if refused_here else ""
    return (
        f"{done} Niet geïmporteerd: {_rows(rejected)}{other} (zie 'geweigerd' en de melding "
        "in de tabel). Verbeter ze in het bestand en kies het opnieuw: wat al is geïmporteerd, "
        "blijft ongewijzigd."
    )


# The upload hands its file to the page's store and forgets it: Dash passes a property on
# only when its value changes, so the same file chosen again (after fixing it) would not be
# read again. `at` makes every choice a change.
HOLD_JS = """
function (contents, filename) {
    if (!contents) {
        return [window.dash_clientside.no_update, window.dash_clientside.no_update];
    }
    return [{contents: contents, filename: filename, at: Date.now()}, null];
}
"""


# What the page keeps of a preview shown (`_previewed`, a list's `marks`), as it put it.
guard.holds("importeren-plan-previewed", "data", {"zone": str, "fingerprint": str})
guard.holds("importeren-previewed", "data", guard.Each(str, keys=str.isdigit))
# The preview's choices as `_plan_shown` draws them: ticks of texts, the grid's rows by code.
for _list in ("municipalities", "targets", "organisations", "new"):
    guard.holds(f"importeren-plan-{_list}", "value", ([str], None))
    guard.holds(f"importeren-plan-{_list}", "options", ([{"value": str}], None))
for _field in ("zone-id", "zone-name"):
    guard.holds(f"importeren-plan-{_field}", "value", TEXT)
guard.holds("importeren-plan-actions", "rowData", [{"id_code": str}])
guard.holds("importeren-plan-actions", "selectedRows", ([{"id_code": str}], {"ids": [str]}))
guard.holds("importeren-sheet", "value", TEXT)  # a sheet's title, the options `_sheets` gives


def _hold(app: Dash, upload: str, store: str) -> None:
    guard.holds(store, "data", ({"contents": str, "filename": str}, None))  # HOLD_JS's
    app.clientside_callback(
        HOLD_JS,
        Output(store, "data"),
        Output(upload, "contents"),
        Input(upload, "contents"),
        State(upload, "filename"),
        prevent_initial_call=True,
    )


def on_the_page(error: GraphmapError, kind: str) -> str:
    """A complaint about the file as it reads on this page: a column complaint without the
    command line's advice (`--map COLUMN=FIELD` has no place here) and with the column names
    graphmap knows for the fields concerned; any other, as it is."""
    if not isinstance(error, ColumnError):
        return str(error)
    if error.doubled:
        todo = "Hernoem in het bestand één van die kolommen (een kolom die graphmap niet kent, "
        todo += "wordt niet gelezen) en kies het bestand opnieuw."
    else:
        todo = "Geef in het bestand de kolom een naam die graphmap kent en kies het opnieuw."
    synonyms = columns.synonyms(kind)
    names = []
    for field in (f for f in error.fields if f in synonyms):
        known = synonyms[field]
        shown = ", ".join(name.capitalize() for name in known[:KNOWN_SHOWN])
        names.append(
            f"{columns.FIELD_LABELS[field]}: {shown}{' …' if len(known) > KNOWN_SHOWN else ''}"
        )
        if kind == columns.CONTACTS and field == "name" and not error.doubled:
            names[-1] += " (of twee kolommen: Voornaam en Achternaam)"
    return " — ".join(
        [
            f"{error.problem.rstrip('.')}. {todo} Namen die graphmap kent (hoofdletters, "
            f"spaties en accenten tellen niet) — {'; '.join(names)}",
            *error.notes,
        ]
    )


KNOWN_SHOWN = 5  # column names shown per field


def register(app: Dash, store: Store) -> None:
    _hold(app, "importeren-plan-upload", "importeren-plan-file")
    _hold(app, "importeren-upload", "importeren-file")

    @guard.callback(
        app,
        guard.edit(zone=guard.unless("importeren-plan-zone.value", NEW_ZONE)),
        Output("importeren-plan-preview", "children"),
        Output("importeren-plan-previewed", "data"),
        Output("importeren-plan-result", "children", allow_duplicate=True),
        Input("importeren-plan-file", "data"),
        Input("importeren-plan-zone", "value"),
        prevent_initial_call=True,
    )
    def read_plan(held, zone):
        if not held:
            return no_update, no_update, no_update
        contents, filename = held["contents"], held["filename"]
        try:
            preview = with_upload(
                contents,
                filename,
                lambda path: plan_import.preview_plan(
                    store, path, None if zone == NEW_ZONE else zone
                ),
            )
        except GraphmapError as error:
            return dbc.Alert(str(error), color="danger", id="importeren-plan-error"), None, None
        # What an earlier plan's apply said is not about this one.
        return _plan_shown(filename, preview), _previewed(preview), None

    @guard.callback(
        app,
        guard.edit(zone="importeren-plan-zone-id.value"),
        Output("importeren-plan-result", "children"),
        Output("importeren-zone", "options"),
        Output("importeren-zone", "value"),
        Output("importeren-plan-preview", "children", allow_duplicate=True),
        Output("importeren-plan-previewed", "data", allow_duplicate=True),
        Output("importeren-plan-apply", "disabled"),
        Input("importeren-plan-apply", "n_clicks"),
        State("importeren-plan-previewed", "data"),
        State("importeren-plan-file", "data"),
        State("importeren-plan-zone-id", "value"),
        State("importeren-plan-zone-name", "value"),
        State("importeren-plan-municipalities", "options"),
        State("importeren-plan-municipalities", "value"),
        State("importeren-plan-targets", "options"),
        State("importeren-plan-targets", "value"),
        State("importeren-plan-organisations", "options"),
        State("importeren-plan-organisations", "value"),
        State("importeren-plan-new", "value"),
        State("importeren-plan-actions", "rowData"),
        State("importeren-plan-actions", "selectedRows"),
        prevent_initial_call=True,
    )
    def apply_plan(_click, previewed, held, zone, name, *ticks):
        _places, places_on, targets, targets_on, orgs, orgs_on, new, actions, actions_on = ticks
        # The button is new with every preview; Dash calls this when it appears (no click).
        if not held or not _click:
            return (no_update,) * 6
        contents, filename = held["contents"], held["filename"]
        if isinstance(actions_on, dict):  # not reported back by the grid yet: as it was set
            chosen = set(actions_on.get("ids", []))
        else:
            chosen = {a["id_code"] for a in actions_on or []}
        try:
            preview, then = with_upload(
                contents, filename, lambda path: _read_again(store, path, zone, previewed)
            )
            if then is not None and then.fingerprint() != previewed["fingerprint"]:
                # The graph changed under what the preview proposed since the user read it:
                # applying now would do otherwise. Show what it would do, to check again.
                outdated = dbc.Alert(OUTDATED_PLAN, color="warning", id="importeren-plan-outdated")
                shown = _plan_shown(filename, preview)
                return outdated, no_update, no_update, shown, _previewed(preview), no_update
            preview.zone_name = " ".join((name or "").split()) or preview.zone_name
            # Municipalities named but not proposed are offered unticked: ticking adds them.
            preview.municipalities = list(places_on or [])
            refused = _apply_refusal(store, preview)
            if refused is not None:
                return dbc.Alert(refused, color="danger"), *(no_update,) * 5
            preview = plan_import.as_new(preview, list(new or []))
            preview = plan_import.without(
                preview,
                organisations=_unticked(orgs, orgs_on),
                targets=_unticked(targets, targets_on),
                actions=[a["id_code"] for a in actions or [] if a["id_code"] not in chosen],
            )
            written = plan_import.apply_plan(store, preview, preview.zone, actor=session.actor())
        except GraphmapError as error:
            return dbc.Alert(str(error), color="danger"), *(no_update,) * 5
        options, _ = zone_choices(store)
        message = (
            f"Zone {preview.zone_name} ({preview.zone}) is klaar: "
            f"{words.counted(written['municipalities'], 'gemeente', 'gemeenten')}, "
            f"{words.counted(written['clusters'], 'cluster', 'clusters')}, "
            f"{words.counted(written['expectations'], 'verwachting', 'verwachtingen')} (waarvan "
            f"{words.counted(written['targets'], 'doel', 'doelen')} van de zone), "
            f"{words.counted(written.get('goals', 0), 'doelstelling', 'doelstellingen')}, "
            f"{words.counted(written.get('actions', 0), 'actie', 'acties')}. "
            "Importeer nu de partnerlijst hieronder."
        )
        return (
            dbc.Alert(message, color="success", id="importeren-plan-done"),
            options,
            preview.zone,
            no_update,
            no_update,
            # Written: a second click would apply it again (or, for the zone it just made,
            # find the graph changed under the preview). Another file makes a new button.
            True,
        )

    @guard.callback(
        app,
        guard.view(),
        Output("importeren-zone", "disabled"),
        Output("importeren-zone-note", "children"),
        Input("importeren-kind", "value"),
    )
    def choose_kind(kind):
        # A contact list writes no engagement: its people belong to their organisations'
        # zones, which the audit records.
        if kind == spreadsheet.CONTACTS:
            return True, "Niet nodig: contactpersonen horen bij de zones van hun organisaties."
        return False, None

    @guard.callback(
        app,
        guard.edit(
            zone=guard.unless(
                "importeren-zone.value", spreadsheet.CONTACTS, where="importeren-kind.value"
            )
        ),
        Output("importeren-grid", "rowData"),
        Output("importeren-summary", "children"),
        Output("importeren-choices", "children"),
        Output("importeren-apply", "disabled"),
        Output("importeren-result", "children"),
        Output("importeren-file-name", "children"),
        Output("importeren-previewed", "data"),
        # A workbook of several lists (a sheet per cluster): which sheet is read.
        Output("importeren-sheet", "options"),
        Output("importeren-sheet", "value"),
        Output("importeren-sheet-box", "hidden"),
        Input("importeren-file", "data"),
        Input("importeren-kind", "value"),
        Input("importeren-zone", "value"),
        Input("importeren-sheet", "value"),
        Input("importeren-apply", "n_clicks"),
        State({"type": "importeren-choice", "row": ALL}, "value"),
        State({"type": "importeren-choice", "row": ALL}, "id"),
        State("importeren-previewed", "data"),
        prevent_initial_call=True,
    )
    def run(held, kind, zone, sheet, _apply, picked, picked_ids, previewed):
        if not held:
            return no_update, no_update, no_update, True, None, *[no_update] * 5
        contents, filename = held["contents"], held["filename"]
        if ctx.triggered_id == "importeren-file":
            sheet = None  # another file: the sheet it opens on
        apply = ctx.triggered_id == "importeren-apply"
        made = {i["row"]: v for i, v in zip(picked_ids or [], picked or [], strict=False)}
        user = session.user()  # once: the list is checked and refused for the same user
        try:
            report = with_upload(
                contents,
                filename,
                lambda path: spreadsheet.plan_import(
                    store,
                    path,
                    kind,
                    zone=None if kind == spreadsheet.CONTACTS else zone,
                    choices=made if apply else None,
                    user=user,
                    sheet=sheet or None,
                ),
            )
            # Rows about organisations of other zones that this editor may not change.
            refused = access.refuse_import_rows(store, user, report)
            result = None
            if apply:
                try:
                    spreadsheet.apply_import(
                        store, report, actor=session.actor(), previewed=previewed
                    )
                except spreadsheet.OutdatedPreviewError as error:
                    # The list as it would apply now, shown as a preview to read again.
                    apply = False
                    result = dbc.Alert(str(error), color="warning", id="importeren-outdated")
                else:
                    done = applied(report.counts, len(refused))
                    result = dbc.Alert(done, color="success", id="importeren-done")
        except GraphmapError as error:
            message = on_the_page(error, kind)
            alert = dbc.Alert(message, color="danger")
            return [], alert, [], True, None, filename, None, *_sheets(None, sheet is None)
        counts = report.counts
        summary = [
            html.P(
                f"{counts['new']} nieuw · {counts['updated']} bijgewerkt · "
                f"{counts['unchanged']} ongewijzigd · {counts['rejected']} geweigerd",
                id="importeren-counts",
            )
        ]
        if refused:
            summary.append(
                dbc.Alert(
                    f"{_rows(len(refused))} "
                    + ("wijzigt een organisatie" if len(refused) == 1 else "wijzigen organisaties")
                    + " van een andere zone: niet te importeren (zie 'geweigerd' en de melding "
                    "hieronder). De andere rijen wel.",
                    color="warning",
                    className="py-2",
                    id="importeren-refused",
                )
            )
        # which sheet of a workbook was read, when it has others
        summary += [html.P(note, className="text-muted") for note in report.notes]
        summary += ignored(report)
        ready = counts["new"] + counts["updated"] > 0
        return (
            sheet_rows(report),
            summary,
            # Applied, a choice changes nothing any more: shown as made, not to be made.
            choices(report, applied=apply),
            not ready or apply,
            result,
            f"Bestand: {filename}",
            report.marks if not apply else None,
            *_sheets(report),
        )


def _sheets(report: spreadsheet.ImportReport | None, new_file: bool = True) -> tuple:
    """The sheet choice's options, value and whether it is hidden: shown for a workbook of
    several lists; kept as it was when another sheet of it could not be read."""
    if report is None:
        return ([], None, True) if new_file else (no_update,) * 3
    options = [{"label": title, "value": title} for title in report.sheets]
    return options, report.sheet, not options


def _rows(count: int) -> str:
    return f"{count} rij" if count == 1 else f"{count} rijen"
