"""The one gate every request to the dashboard passes through, refusing by default.

Every Dash callback is registered through `callback(app, rule, …)`, which records the rule
it needs under the callback's own output key (the key Dash itself dispatches on). A Flask
`before_request` hook (installed by `install`) then decides every request:

- the sign-in page and the static files Dash and the pages need are open (`OPEN`);
- any other route needs a signed-in user (or the local demo); a page answers with its
  layout through the `route` callback, which needs what the page needs (`page.NEED`);
- a callback (`/_dash-update-component`) is refused unless it has a rule, its request has
  exactly the shape of its inputs and state (Dash hands the values to the function by
  position: a request that named them in another order could make the check read one value
  and the callback another), and `graphmap.access.refusal` finds nothing against the user
  for what the request's own inputs name: the zone, action, organisation, contact person or
  next step it acts on (a value left empty names nothing);
- a callback is refused (400) when a value is of a shape that no component sends for its
  property (`_check_sent`: by the property, by the kind of input read from the pages'
  layouts, or by what a page declares it keeps, `holds`), or its pattern outputs are no
  list: the callback trusts its values, and failed on such a one with a server error. A
  writing form's fields are its own to name;
- a refused callback's answer names its form's feedback (`feedback_of`): the page says the
  refusal there, besides at the top of the page (assets/session.js);
- a callback whose rule names a button (`triggered`, `rendered`) acts only when that button
  was pressed. Dash also calls it when such buttons are drawn, with no click: the gate
  answers that request itself with "nothing to do" (204, Dash's no-update) after checking
  only that the user may view, so that merely showing a button a user may not press is no
  refusal, and the callback never runs without a press.

A callback registered with `app.callback` instead has no rule and is refused: a new callback
cannot forget its check (and `tests/test_access.py` lists every callback without one).
`rules(app)` is that table, for the tests and the README.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import flask
from dash import Dash, ctx

from dashboard import session
from graphmap import access
from graphmap.errors import ValidationError

Ref = str | Callable[["CallbackRequest"], Any]
UPDATE = "/_dash-update-component"
# Paths anyone may fetch: the sign-in page, and code and styles that hold no data.
OPEN = ("/login", "/_dash-component-suites/", "/assets/", "/vendor/", "/_favicon.ico")
WILDCARDS = (["ALL"], ["MATCH"], ["ALLSMALLER"])
EXTENSION = "graphmap.guard"


@dataclass(frozen=True)
class Rule:
    """What a callback needs (`need`, or a function of the request that says it) and where
    in the request it finds what it acts on: keyword → "component.property" of an input or
    state, or a function of the request (see `triggered`)."""

    need: str | Callable[[CallbackRequest], str]
    named: dict[str, Ref] = field(default_factory=dict)
    note: str = ""

    def describe(self) -> str:
        need = self.need if isinstance(self.need, str) else self.note or "per pagina"
        scope = ", ".join(
            f"{key} uit {ref if isinstance(ref, str) else getattr(ref, 'label', 'het verzoek')}"
            for key, ref in self.named.items()
        )
        return f"{need} ({scope})" if scope else need


def view() -> Rule:
    return Rule("view")


def edit(**named: Ref) -> Rule:
    return Rule("edit", named)


def contacts(**named: Ref) -> Rule:
    return Rule("contacts", named)


def admin() -> Rule:
    return Rule("admin")


def triggered(key: str) -> Callable[[CallbackRequest], list]:
    """The `key` of each pattern-matching button the request says was pressed (e.g. the
    person of the erase button): every one of them is checked. A button that is only drawn
    (n_clicks None or 0) is not pressed (see `pressed`)."""

    def find(request: CallbackRequest) -> list:
        return [t[key] for t in request.pressed() if isinstance(t, dict) and key in t]

    find.label, find.button = f"de knop ({key})", True
    return find


def rendered(ref: str) -> Callable[[CallbackRequest], Any]:
    """The value a grid's cell renderer sent with `ref` (a grid's cellRendererData: the id of
    the row whose button was pressed, see dashboard/assets/dashAgGridComponentFunctions.js)."""

    def find(request: CallbackRequest) -> Any:
        data = request.value(ref)
        if data is None:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("value"), str):
            raise BadRequest(f"{ref}: expected the row's id")
        return data["value"]

    find.label, find.button = f"de knop in de rij ({ref})", True
    return find


def unless(ref: str, *values: Any, where: str | None = None) -> Callable[[CallbackRequest], Any]:
    """The value of `ref`, or None when it is one of `values` (e.g. "a new zone"); with
    `where`, when the value of `where` is one of them (e.g. the zone of an import, unless
    the import is a contact list, which names no zone)."""

    def find(request: CallbackRequest) -> Any:
        value = request.value(ref)
        return None if (value if where is None else request.value(where)) in values else value

    find.label = ref
    return find


class BadRequest(Exception):
    pass


class CallbackRequest:
    """A callback request's body, read as Dash will read it."""

    def __init__(self, body: dict, spec: dict):
        self.body = body
        self.values: dict[str, Any] = {}
        self.given: list[tuple[str, str, Any]] = []  # (id, property, value) of each item
        # Each input's value under the name Dash looks it up by for ctx.triggered: the id (a
        # pattern-matching one stringified as Dash does) and the property.
        self.inputs: dict[str, Any] = {}
        for kind in ("inputs", "state"):
            given, declared = body.get(kind) or [], spec.get(kind) or []
            if not isinstance(given, list) or len(given) != len(declared):
                raise BadRequest(f"{kind}: expected {len(declared)} items")
            for item, wanted in zip(given, declared, strict=True):
                self._check(item, wanted)
                if kind == "inputs":
                    for one in item if isinstance(item, list) else [item]:
                        self.inputs[f"{_stringify(one['id'])}.{one['property']}"] = one.get("value")
        _check_outputs(body["output"], body.get("outputs"))
        changed = body.get("changedPropIds") or []
        if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
            raise BadRequest("changedPropIds")

    def _check(self, item: Any, wanted: dict) -> None:
        pattern = wanted["id"].startswith("{")
        prop = wanted["property"]
        if not pattern:
            if not isinstance(item, dict) or item.get("id") != wanted["id"]:
                raise BadRequest(f"expected {wanted['id']}.{prop}")
            if item.get("property") != prop:
                raise BadRequest(f"expected {wanted['id']}.{prop}")
            self.given.append((wanted["id"], prop, item.get("value")))
            self.values[f"{wanted['id']}.{prop}"] = item.get("value")
            return
        shape = json.loads(wanted["id"])
        items = item if isinstance(item, list) else [item]
        if not isinstance(item, list) and ["ALL"] in shape.values():
            raise BadRequest(f"expected a list for {wanted['id']}")
        for one in items:
            ident = one.get("id") if isinstance(one, dict) else None
            if not isinstance(ident, dict) or set(ident) != set(shape):
                raise BadRequest(f"expected an id like {wanted['id']}")
            for key, value in shape.items():
                if value in WILDCARDS:
                    if not isinstance(ident[key], str | int | float | bool):
                        raise BadRequest(f"{key}: a plain value")
                elif ident[key] != value:
                    raise BadRequest(f"expected an id like {wanted['id']}")
            if one.get("property") != prop:
                raise BadRequest(f"expected {wanted['id']}.{prop}")
            if prop == "id" and one.get("value") != ident:  # a component's id is its own
                raise BadRequest(f"{wanted['id']}.id: expected the component's own id")
            self.given.append((wanted["id"], prop, one.get("value")))

    def check_sent(self, learned: dict, fields: bool = True) -> None:
        """Refuse a value of a shape no component sends for its property (`_check_sent`);
        without `fields`, the `value` of a form's fields is left to the form to name."""
        for ident, prop, value in self.given:
            if fields or prop != "value" or (ident, prop) in _HELD:
                _check_sent(ident, prop, value, learned)

    def value(self, ref: str) -> Any:
        if ref not in self.values:
            raise KeyError(f"the rule names {ref}, which is no input or state of its callback")
        return self.values[ref]

    def triggered_ids(self) -> list:
        found = []
        for changed in self.body.get("changedPropIds") or []:
            ident = changed.rsplit(".", 1)[0]
            try:
                found.append(json.loads(ident) if ident.startswith("{") else ident)
            except ValueError:
                raise BadRequest("changedPropIds") from None
        return found

    def pressed(self) -> list:
        """The ids the request says triggered it whose value is a press: what Dash's
        `ctx.triggered` gives the callback, without the entries whose value is empty (a
        button drawn, not clicked: n_clicks None or 0)."""
        return [
            ident
            for changed, ident in zip(
                self.body.get("changedPropIds") or [], self.triggered_ids(), strict=True
            )
            if self.inputs.get(changed)
        ]

    def resolve(self, ref: Ref) -> Any:
        return ref(self) if callable(ref) else self.value(ref)


# -- what a component sends -------------------------------------------------------------------
#
# A callback trusts its values to be what its components send, and failed with a server error
# (500) on another shape. The gate knows that shape three ways, never by callback: by the
# property (a click count, a URL's part, an AG Grid's request or rows), by the kind of the
# component an input `value` is (a dropdown of texts sends a text; `learn` reads the pages'
# layouts for it), and, for what a page keeps itself (a dcc.Store's data, a node's data in
# the network), by the shape the page declares with `holds`.
#
# A shape: a type; a tuple of shapes (any of them); `[shape]`, a list of such items; a dict
# {key: shape}, an object whose keys have those shapes (a key whose shape admits None may be
# missing; other keys may be anything); `Each(shape)`, an object whose values all have it; a
# frozenset, one of those values; ANY, any JSON.

ANY = object
TEXT = (str, None)


@dataclass(frozen=True)
class Each:
    shape: Any
    keys: Callable[[str], bool] | None = None  # what each key must be (e.g. str.isdigit)


def fits(value: Any, shape: Any) -> bool:
    """Whether `value` (JSON) has `shape`."""
    if shape is ANY:
        return True
    if shape is None:
        return value is None
    if isinstance(shape, tuple):
        return any(fits(value, one) for one in shape)
    if isinstance(shape, frozenset):
        return _scalar(value) and value in shape
    if isinstance(shape, list):
        return isinstance(value, list) and all(fits(v, shape[0]) for v in value)
    if isinstance(shape, Each):
        return isinstance(value, dict) and all(
            fits(v, shape.shape) and (shape.keys is None or shape.keys(k)) for k, v in value.items()
        )
    if isinstance(shape, dict):
        return isinstance(value, dict) and all(fits(value.get(k), s) for k, s in shape.items())
    if shape is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if shape is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, shape)


# An AG Grid's column filter: one condition, or two joined (see dashboard.paging).
_CONDITION = {"type": TEXT, "filterType": TEXT, "filter": (str, float, None), "operator": TEXT}
_FILTER = _CONDITION | {"conditions": ([_CONDITION], None)}
_ROW = Each((str, float, bool, None, [(str, float, bool, None)]))  # a grid's row: its cells
# What the components of Dash, dcc, dbc, AG Grid and Cytoscape send for these properties,
# whichever component it is.
_SENT = {
    "n_clicks": int,
    "n_intervals": int,
    "submit_n_clicks": int,
    "pathname": str,
    "search": str,
    "hash": str,
    "search_value": str,
    "active_tab": str,
    "active_item": (str, [str]),
    "is_open": bool,
    "contents": str,
    "filename": (str, [str]),
    "filterModel": Each(_FILTER),
    "getRowsRequest": {
        "startRow": (int, None),
        "endRow": (int, None),
        "sortModel": ([{"colId": str, "sort": frozenset({"asc", "desc"})}], None),
        "filterModel": (Each(_FILTER), None),
    },
    # Rows the grid holds; or, set by the page and not reported back yet, their ids.
    "selectedRows": ([_ROW], {"ids": [(str, float)]}),
    "rowData": [_ROW],
    "virtualRowData": [_ROW],
    "cellClicked": {"colId": TEXT, "rowIndex": (int, None)},
    "cellRendererData": {"colId": TEXT, "rowIndex": (int, None)},
    "tapNodeData": Each(ANY),
    "options": ([ANY], Each(ANY)),
}
# What a page keeps itself: (component id, property) → its shape, declared with `holds`.
_HELD: dict[tuple[str, str], Any] = {}


def holds(ident: str, prop: str, shape: Any) -> None:
    """Declare what the page puts in `ident`.`prop` (a store's data, a grid's rows): what
    comes back in a request must have that shape. Declared where the page module is imported,
    so a server that has drawn no page yet knows it too."""
    _HELD[(ident, prop)] = shape


_JSON = {dict: "een object", list: "een lijst", str: "een tekst", int: "een getal",
         float: "een getal", bool: "true of false"}  # fmt: skip
LEARNED = "graphmap.guard.values"


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _option_values(options: Any) -> list:
    if isinstance(options, dict):
        return list(options)
    return [o.get("value") if isinstance(o, dict) else o for o in options or []]


def value_shape(component: Any) -> Any:
    """What `component` sends as its `value`, by its kind (None: not known here)."""
    kind = type(component).__name__
    options = _option_values(getattr(component, "options", None))
    # A choice sends one of its options' values: of their types (texts when it has none yet).
    one = tuple({type(v) for v in options if _scalar(v) and v is not None}) or (str,)
    if kind in ("Select", "Textarea"):
        return TEXT
    if kind == "Input":
        return (float, None) if getattr(component, "type", None) == "number" else TEXT
    if kind in ("Switch", "Checkbox"):
        return (bool, None)
    if kind == "Checklist":
        return ([one], None)
    if kind in ("RadioItems", "Dropdown"):
        return ([one], None) if getattr(component, "multi", False) else (*one, None)
    return None


def learn(app: Dash, layouts: list[Callable[[], Any]]) -> None:
    """Read what each input of the pages' layouts sends as its `value` (`value_shape`).
    Made outside any request: the layouts as the demo's one user sees them, every form."""
    found = app.server.extensions.setdefault(LEARNED, {})
    for layout in layouts:
        stack = [layout()]
        while stack:
            node = stack.pop()
            ident = getattr(node, "id", None)
            if isinstance(ident, str) and (shape := value_shape(node)) is not None:
                found[ident] = shape
            children = getattr(node, "children", None)
            stack.extend(
                c
                for c in (children if isinstance(children, list | tuple) else [children])
                if c is not None and not isinstance(c, str | int | float)
            )


def _check_sent(ident: str, prop: str, value: Any, learned: dict | None = None) -> None:
    """Refuse a value of a shape that no component sends for `prop` (see `fits`): a
    hand-made request with another reached the callback, which failed on it (a 500)."""
    if value is None:  # a component with nothing in it yet
        return
    if (ident, prop) in _HELD:
        shape = _HELD[(ident, prop)]
    elif prop == "value":
        # An input of a kind not read from the layouts: a text, number or truth value or a
        # list of them, never an object.
        shape = (learned or {}).get(ident, (str, float, bool, [(str, float, bool, None)]))
    elif prop in _SENT:
        shape = _SENT[prop]
    else:
        return
    if not fits(value, shape):
        kind = _JSON.get(type(value), "deze waarde")
        raise BadRequest(f"{ident}.{prop}: {kind} stuurt de pagina hier nooit")


def _check_outputs(key: str, outputs: Any) -> None:
    """A pattern's outputs (ALL) that a request names are a list of components: Dash failed
    on another shape with a server error (500), having run the callback."""
    parts = [part.split("@", 1)[0].rpartition(".")[0] for part in key.strip(".").split("...")]
    given = outputs if len(parts) > 1 else [outputs]
    for at, ident in enumerate(parts):
        if not ident.startswith("{") or not any(
            v in (["ALL"], ["ALLSMALLER"]) for v in json.loads(ident).values()
        ):
            continue
        item = given[at] if isinstance(given, list) and at < len(given) else None
        if not isinstance(item, list) or not all(
            isinstance(i, dict) and isinstance(i.get("id"), dict) for i in item
        ):
            raise BadRequest(f"outputs: expected a list for {ident}")


def _stringify(ident: Any) -> Any:
    """A component id as Dash names it in changedPropIds (dash._utils.stringify_id)."""
    if not isinstance(ident, dict):
        return ident
    return "{" + ",".join(f"{json.dumps(k)}:{json.dumps(ident[k])}" for k in sorted(ident)) + "}"


def pressed() -> bool:
    """Inside a callback whose rule names a button: whether the button that triggered it
    was pressed (the gate has checked what it names), not merely drawn."""
    return bool(ctx.triggered and ctx.triggered[0]["value"])


# -- registering -------------------------------------------------------------------------------


def rules(app: Dash) -> dict[str, Rule]:
    """The table: every callback's output key → the rule it needs."""
    return app.server.extensions.setdefault(EXTENSION, {})


def callback(app: Dash, rule: Rule, *dependencies, **options):
    """`app.callback(*dependencies, **options)` with the rule the callback needs."""
    if not isinstance(rule, Rule):
        raise TypeError("callback(app, rule, …): every callback states the rule it needs")

    def decorate(function):
        before = set(app.callback_map)
        registered = app.callback(*dependencies, **options)(function)
        added = set(app.callback_map) - before
        if len(added) != 1:
            raise RuntimeError(f"expected one new callback, found {sorted(added)}")
        rules(app)[added.pop()] = rule
        return registered

    return decorate


# -- deciding ----------------------------------------------------------------------------------


def _refuse(status: int, message: str, feedback: str | None = None):
    body = {"error": message} | ({"feedback": feedback} if feedback else {})
    return flask.make_response(flask.jsonify(body), status)


# Where a form says how a save went: a refusal is said there too (assets/session.js).
FEEDBACK = ("-feedback", "-result")


def feedback_of(key: str) -> str | None:
    """The output of a callback (by its output key) where its form says how it went: the
    first `…-feedback` (or `…-result`) component's children."""
    outputs = [part.split("@", 1)[0] for part in key.strip(".").split("...")]
    for ending in FEEDBACK:
        for output in outputs:
            ident, _, prop = output.rpartition(".")
            if prop == "children" and not ident.startswith("{") and ident.endswith(ending):
                return ident
    return None


def why_not(store, need: str, **named) -> str | None:
    """Why the session's user may not do `need` with what `named` names, in the gate's own
    words ("Dat mag u niet: …"), for beside a button the page disables; None when they may."""
    reason = access.refusal(store, session.current_user(), need, **named)
    return None if reason is None else access.REFUSED.format(reason=reason)


def check_callback(
    app: Dash,
    store,
    user: access.User | None,
    body: Any,
    now: Callable[[], access.User | None] | None = None,
):
    """None when the callback request may run; else the response that refuses it. `now`
    gives the user as they are at this moment: a callback that needs more than viewing is
    judged on that (an admin may have changed their role a second ago)."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return _refuse(400, "geen geldig verzoek")
    key = body["output"]
    rule = rules(app).get(key)
    spec = app.callback_map.get(key)
    if rule is None or spec is None or "callback" not in spec:
        return _refuse(403, "Dat mag niemand: deze functie bestaat niet of heeft geen regel.")
    try:
        request = CallbackRequest(body, spec)
        need = rule.need if isinstance(rule.need, str) else rule.need(request)
        # A callback trusts its values to be what its components send; a form that writes
        # checks its own fields, and names the one that is no text.
        request.check_sent(app.server.extensions.get(LEARNED, {}), fields=need != "edit")
        if need != "view" and now is not None:
            user = now()
            if user is None:
                return _refuse(401, "Uw sessie is verlopen: meld u opnieuw aan.")
        checks: list[dict] = [{}]
        buttons, pressed_any = False, False
        for name, ref in rule.named.items():
            value = request.resolve(ref)
            if isinstance(value, list) and not getattr(ref, "button", False):
                # An input or state names one thing; only a pattern's buttons name several.
                raise BadRequest(f"{name}: expected one id")
            values = [v for v in (value if isinstance(value, list) else [value]) if _named(v)]
            if not all(isinstance(v, str) for v in values):
                # What a rule names is an id: a hand-made `true`, number or object is no
                # request of the page (the check would fail on it as a server error).
                raise BadRequest(f"{name}: expected an id")
            if getattr(ref, "button", False):
                buttons, pressed_any = True, pressed_any or bool(values)
            checks = [{**c, name: v} for c in checks for v in values] or checks
        if buttons and not pressed_any:
            # Buttons drawn, none pressed: the callback has nothing to do, whoever looks.
            reason = access.refusal(store, user, "view")
            if reason is not None:
                return _refuse(403, access.REFUSED.format(reason=reason))
            return flask.make_response("", 204)
        for named in checks:
            reason = access.refusal(store, user, need, **named)
            if reason is not None:
                return _refuse(403, access.REFUSED.format(reason=reason), feedback_of(key))
    except (BadRequest, ValidationError) as error:
        # ValidationError: a value no query takes (an "id" of 300,000 characters).
        return _refuse(400, f"geen geldig verzoek: {error}")
    return None


def _named(value: Any) -> bool:
    """Whether a value names something to check: an empty choice (None, "") names nothing,
    as a form's "—" for no contact person."""
    return value is not None and value != ""


def install(app: Dash, store, demo: bool) -> None:
    """Put the gate before every request of `app`."""

    @app.server.before_request
    def gate():
        request = flask.request
        limit = app.server.config.get("MAX_CONTENT_LENGTH")
        if limit and (request.content_length or 0) > limit:
            flask.abort(413)  # before anything reads it, signed in or not
        path = request.path
        if path.startswith(OPEN):
            return None
        if request.method not in ("GET", "HEAD") and not _same_origin(request):
            return _refuse(403, "verzoek van een andere website geweigerd")
        user = session.current_user()
        if user is None:
            if path == UPDATE or request.method not in ("GET", "HEAD"):
                return _refuse(401, "Uw sessie is verlopen: meld u opnieuw aan.")
            if path.startswith("/_dash-"):
                return _refuse(401, "Uw sessie is verlopen: meld u opnieuw aan.")
            return flask.redirect(flask.url_for("login", next=request.full_path.rstrip("?")))
        if path == UPDATE:
            try:
                body = request.get_json(silent=True)
            except RecursionError:  # JSON nested deeper than Python parses: no callback's
                body = None
            return check_callback(app, store, user, body, now=session.user_now)
        return None


def _same_origin(request) -> bool:
    """A change comes from the dashboard's own pages: a browser names where a request comes
    from in Origin; one that names another host is refused (SameSite cookies do the rest).
    Hosts only: behind a proxy that ends HTTPS the scheme may differ."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host
