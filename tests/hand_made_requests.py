"""A driver, not part of the suite (pytest collects test_*.py only): post hand-made values
of every JSON shape to every input and state of every callback, as an admin, and list each
answer that is a server error. Run it after changing a callback or the gate:

    .venv/bin/pytest tests/hand_made_requests.py -q -s            # the other values empty
    GRAPHMAP_DRIVE_LAYOUT=1 .venv/bin/pytest tests/hand_made_requests.py -q -s

With GRAPHMAP_DRIVE_LAYOUT the other values are those of the pages' layouts on the seed
(Maasland chosen), so that the callbacks reach further than their first check. One value
at a time: a callback that fails only on two odd values together is not found.
"""

from __future__ import annotations

import base64
import json
import os
import traceback

import pytest
from conftest import UPDATE
from dashboard_client import PASSWORD, components, sign_in
from test_hostile_requests import _plan_upload

from dashboard.app import PAGES, create_app
from graphmap import users

ODD = [7, 1.5, True, "x", "maasland", 0, -1, [], [7], ["x"], [None], [[1]], {"a": 1},
       [{"a": 1}], {"value": {"a": 1}}, {"value": 7},
       {"rowIndex": "x", "colId": 3, "value": [1], "data": 5},
       {"startRow": "a", "endRow": {}, "sortModel": 3, "filterModel": [1]},
       {"filterModel": {"x": 5}}, {"sortModel": [5]},
       {"sortModel": [{"colId": 3, "sort": 5}]}]  # fmt: skip
CLICKED = {"n_clicks": 1, "submit_n_clicks": 1}
WILDCARDS = (["ALL"], ["MATCH"], ["ALLSMALLER"])
_LIST = b"Naam;Categorie;Gemeente;Cluster\nPallion;palliatief netwerk;Hasselt;welzijn\n"
CHOSEN = {
    "importeren-file.data": {
        "contents": "data:text/csv;base64," + base64.b64encode(_LIST).decode(),
        "filename": "lijst.csv",
    },
    "importeren-plan-file.data": _plan_upload("Maasland"),
    "netwerk-zone.value": ["maasland"],
    "hiaten-zone.value": "maasland",
    "acties-zone.value": "maasland",
    "opvolging-zone.value": "maasland",
    "logboek-zone.value": "maasland",
    "organisaties-selected.data": "elz-maasland",
    **{
        f"{page}-moment-context.data": {"organisation": "elz-maasland", "zone": "maasland"}
        for page in ("netwerk", "hiaten", "organisaties")
    },
}


def _body(key: str, spec: dict, base: dict, name: str, value) -> dict:
    def filled(items):
        found = []
        for i in items:
            prop, here = i["property"], f"{i['id']}.{i['property']}"
            given = value if here == name else base.get(here, CLICKED.get(prop))
            if i["id"].startswith("{"):
                shape = json.loads(i["id"])
                ident = {k: "x" if v in WILDCARDS else v for k, v in shape.items()}
                one = {"id": ident, "property": prop, "value": given}
                found.append([one] if ["ALL"] in shape.values() else one)
            else:
                found.append({**i, "value": given})
        return found

    outputs = []
    for part in key.strip(".").split("..."):
        ident, _, prop = part.split("@", 1)[0].rpartition(".")
        if ident.startswith("{"):
            shape = json.loads(ident)
            item = {"id": {k: "x" if v in WILDCARDS else v for k, v in shape.items()}}
            outputs.append([{**item, "property": prop}])
        else:
            outputs.append({"id": ident, "property": prop})
    inputs = [f"{i['id']}.{i['property']}" for i in spec["inputs"]]
    trigger = name if name in inputs else inputs[0]
    if trigger.startswith("{"):
        ident, _, prop = trigger.rpartition(".")
        shape = {k: "x" if v in WILDCARDS else v for k, v in json.loads(ident).items()}
        trigger = json.dumps(shape, sort_keys=True, separators=(",", ":")) + "." + prop
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]),
        "changedPropIds": [trigger],
        "state": filled(spec["state"]),
    }


def _layout_values(store) -> dict:
    found = {}
    for page in PAGES:
        for c in components(page.layout(store, "?zone=maasland&org=elz-maasland")):
            ident = getattr(c, "id", None)
            if not isinstance(ident, str):
                continue
            for prop in c._prop_names:
                value = getattr(c, prop, None)
                plain = value is not None and not hasattr(value, "to_plotly_json")
                if plain and prop not in ("children", "id", "style"):
                    found[f"{ident}.{prop}"] = value
    return found | CHOSEN


@pytest.fixture(scope="module")
def app(session_store):
    return create_app(session_store)


def test_no_hand_made_value_makes_a_callback_fail(app, seeded):
    users.add(seeded, "beheerder", PASSWORD, "admin", [], actor="test")
    app.server.extensions["graphmap.throttle"].clear()
    app.server.config["PROPAGATE_EXCEPTIONS"] = True  # the failure itself, not a 500 page
    client = sign_in(app, "beheerder")
    base = _layout_values(seeded) if os.environ.get("GRAPHMAP_DRIVE_LAYOUT") else {}
    failed = set()
    for key, spec in app.callback_map.items():
        for i in spec["inputs"] + spec["state"]:
            name = f"{i['id']}.{i['property']}"
            for value in ODD:
                try:
                    client.post(UPDATE, json=_body(key, spec, base, name, value))
                except Exception as error:  # noqa: BLE001 (what the driver is for)
                    where = traceback.extract_tb(error.__traceback__)[-1]
                    failed.add(
                        f"{spec['callback'].__name__} | {name} | {json.dumps(value)} | "
                        f"{type(error).__name__}: {str(error)[:80]} | "
                        f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}"
                    )
    print("\n".join(sorted(failed)))
    assert not failed
