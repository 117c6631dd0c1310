"""A hostile member of a shared server's team, posting callbacks by hand (qa17): values of
the wrong type, zones that do not exist, in requests the pages never make. Each is refused or
answered cleanly, and nothing it sends ends up in the audit that others read."""

from __future__ import annotations

import base64

import pytest
from click.testing import CliRunner
from conftest import UPDATE, callback_body
from dashboard_client import PASSWORD, sign_in

from dashboard.app import create_app
from graphmap import audit, followup, register, users
from graphmap.cli import cli

TEAM = {
    "kijker": ("viewer", ["maasland"]),
    "medewerker": ("editor", ["maasland"]),
    "beheerder": ("admin", []),
}


@pytest.fixture(scope="module")
def app(session_store):
    return create_app(session_store)


@pytest.fixture
def team(seeded, app):
    for name, (role, zones) in TEAM.items():
        users.add(seeded, name, PASSWORD, role, zones, actor="test")
    app.server.extensions["graphmap.throttle"].clear()
    return seeded


def _opvolging_download(zone) -> dict:
    return {
        "opvolging-ics.n_clicks": 1,
        "opvolging-zone.value": zone,
        "opvolging-mine.value": False,
        "opvolging-overdue.value": False,
        "opvolging-board.value": False,
    }


def _exports(store) -> list[dict]:
    return audit.entries(store, action="export")


@pytest.mark.parametrize("zone", [True, 12345, "geen-zone", "x" * 5000])
def test_a_download_of_a_zone_that_does_not_exist_is_not_made_nor_kept_in_the_audit(
    app, team, zone
):
    """A viewer's Opvolging download with `"zone": true` wrote an audit entry whose zones
    held `true` (and a Log node for it): from then on `graphmap audit` and the Logboek page
    failed on every read that met it, for every admin."""
    viewer = sign_in(app, "kijker")
    admin = sign_in(app, "beheerder")
    before = len(_exports(team))
    answer = viewer.post(
        UPDATE,
        json=callback_body(app, "opvolging-ics.n_clicks", _opvolging_download(zone), "download"),
    )
    hiaten = {"hiaten-xlsx.n_clicks": 1, "hiaten-zone.value": zone}
    logboek = {"logboek-csv.n_clicks": 1, "logboek-zone.value": zone}
    others = [
        viewer.post(UPDATE, json=callback_body(app, "hiaten-xlsx.n_clicks", hiaten)),
        admin.post(UPDATE, json=callback_body(app, "logboek-csv.n_clicks", logboek)),
    ]
    if not isinstance(zone, str):
        # No zone chooser sends a truth value or a number: the gate refuses it (qa19).
        for refused in [answer, *others]:
            assert refused.status_code == 400, refused.text
            assert refused.get_json()["error"].startswith("geen geldig verzoek")
    else:
        assert answer.status_code == 200, answer.text
        response = answer.get_json()["response"]
        assert "opvolging-download" not in response
        assert "Onbekende zone" in str(response["opvolging-report-feedback"]["children"])
        # Hiaten's and the Logboek's downloads likewise: nothing made.
        assert [other.status_code for other in others] == [204, 204]
    assert len(_exports(team)) == before
    # A known zone still downloads, and is recorded.
    answer = viewer.post(
        UPDATE,
        json=callback_body(
            app, "opvolging-ics.n_clicks", _opvolging_download("maasland"), "download"
        ),
    )
    assert answer.get_json()["response"]["opvolging-download"]["data"]["filename"]
    assert _exports(team)[0]["zones"] == "maasland"


def test_an_audit_entry_takes_zone_ids_only_and_one_kept_before_still_reads(team, embedded_env):
    with pytest.raises(TypeError):
        audit.entry(by="kijker", action="export", key="x", zones=[True])
    # A store attacked before this check holds such an entry: the audit still reads.
    row = audit.entry(by="kijker", action="export", key="oud", zones=["maasland"])
    team.write("audit_record", zones=[], rows=[{**row, "zones": [True, 12345]}])
    found = [e for e in audit.entries(team) if e["key"] == "oud"]
    assert found[0]["zones"] == "True, 12345"
    result = CliRunner().invoke(cli, ["audit", "--format", "csv"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", [True, 12345, {"id": "maasland"}, [["maasland"]]])
def test_what_a_rule_names_must_be_an_id_else_the_request_is_refused_cleanly(app, team, value):
    """The gate checked a zone of `{"id": …}` or `[[…]]` by looking it up in a set, and
    failed with a server error (500) instead of refusing the request."""
    editor = sign_in(app, "medewerker")
    values = {
        "hiaten-save.n_clicks": 1,
        "hiaten-organisation.value": "pallion",
        "hiaten-status-zone.value": value,
        "hiaten-status-cluster.value": "welzijn",
        "hiaten-status.value": "contacted",
        "hiaten-version.data": 0,
        "hiaten-organisation.options": [],
    }
    changes = len(audit.entries(team))
    answer = editor.post(UPDATE, json=callback_body(app, "hiaten-save.n_clicks", values))
    assert answer.status_code == 400, answer.text
    assert "geen geldig verzoek" in answer.get_json()["error"]
    assert len(audit.entries(team)) == changes


def _post(app, client, trigger: str, values: dict, output: str = ""):
    return client.post(UPDATE, json=callback_body(app, trigger, values, output))


def _people(store, organisation: str) -> int:
    return len(register.organisation(store, organisation)["contacts"])


@pytest.mark.parametrize("odd", [["a", "b"], {"x": 1}, 12345, True])
def test_a_form_field_that_is_no_text_is_named_and_nothing_is_written(app, team, odd):
    """A list, number or object in a form's field (e-mail, phone, note, next step, owner,
    website, municipality) failed the field's check as a server error (500)."""
    editor = sign_in(app, "medewerker")
    people = _people(team, "elz-maasland")
    contact = {
        "organisaties-contact-add.n_clicks": 1,
        "organisaties-contact-name.value": "Els Vos",
        "organisaties-contact-function.value": "",
        "organisaties-contact-email.value": odd,
        "organisaties-contact-phone.value": "",
        "organisaties-selected.data": "elz-maasland",
        "organisaties-version.data": 0,
    }
    answer = _post(app, editor, "organisaties-contact-add.n_clicks", contact)
    assert answer.status_code == 200, answer.text
    response = answer.get_json()["response"]
    assert response["organisaties-contact-email"]["invalid"] is True
    assert "tekst" in str(response["organisaties-contact-email-error"]["children"])
    assert _people(team, "elz-maasland") == people

    moments = len(followup.moments(team, organisation="elz-maasland"))
    moment = {
        "organisaties-moment-save.n_clicks": 1,
        "organisaties-moment-kind.value": "telefoon",
        "organisaties-moment-on.value": None,
        "organisaties-moment-person.value": "",
        "organisaties-moment-note.value": odd,
        "organisaties-moment-zone.value": "maasland",
        "organisaties-moment-context.data": {"organisation": "elz-maasland", "zone": "maasland"},
    }
    answer = _post(app, editor, "organisaties-moment-save.n_clicks", moment)
    assert answer.status_code == 200, answer.text
    assert answer.get_json()["response"]["organisaties-moment-note"]["invalid"] is True
    # The form's context is the page's own: no page sends one that is no such object (qa19).
    answer = _post(
        app,
        editor,
        "organisaties-moment-save.n_clicks",
        {**moment, "organisaties-moment-note.value": "", "organisaties-moment-context.data": odd},
    )
    if isinstance(odd, dict):  # an object of its shape that names no organisation
        assert answer.status_code == 200, answer.text
    else:
        assert answer.status_code == 400, answer.text
        assert answer.get_json()["error"].startswith("geen geldig verzoek: organisaties-moment-")
    assert len(followup.moments(team, organisation="elz-maasland")) == moments


def test_a_saved_link_answers_whatever_version_the_request_held(app, team):
    """The page's version counter comes back from the browser: a link was made and its
    answer then failed on a version of ["a"] (500) after writing."""
    editor = sign_in(app, "medewerker")
    values = {
        "organisaties-link.n_clicks": 1,
        "organisaties-selected.data": "elz-maasland",
        "organisaties-action.value": "maasland/1.2-a",
        "organisaties-role.value": "partner",
        "organisaties-version.data": ["a"],
    }
    answer = _post(app, editor, "organisaties-link.n_clicks", values)
    assert answer.status_code == 200, answer.text
    assert answer.get_json()["response"]["organisaties-version"]["data"] == 1
    answer = _post(
        app, editor, "organisaties-link.n_clicks", {**values, "organisaties-role.value": ["lead"]}
    )
    assert answer.status_code == 200, answer.text
    assert "onbekende rol" in str(answer.get_json()["response"])


def test_a_list_or_an_overlong_value_where_a_rule_names_one_id_is_refused_cleanly(app, team):
    editor = sign_in(app, "medewerker")
    contact = {
        "organisaties-contact-add.n_clicks": 1,
        "organisaties-contact-name.value": "Els Vos",
        "organisaties-selected.data": ["elz-maasland", "elz-maasland"],
        "organisaties-version.data": 0,
    }
    answer = _post(app, editor, "organisaties-contact-add.n_clicks", contact)
    assert answer.status_code == 400, answer.text
    moment = {
        "organisaties-moment-save.n_clicks": 1,
        "organisaties-moment-kind.value": "telefoon",
        "organisaties-moment-person.value": "x" * 300_000,
        "organisaties-moment-zone.value": "maasland",
        "organisaties-moment-context.data": {"organisation": "elz-maasland", "zone": "maasland"},
    }
    answer = _post(app, editor, "organisaties-moment-save.n_clicks", moment)
    assert answer.status_code == 400, answer.text
    assert "geen geldig verzoek" in answer.get_json()["error"]


def test_a_request_of_json_nested_too_deep_to_parse_is_refused_cleanly(app, team):
    """100,000 nested brackets made the gate's JSON parse fail (RecursionError, 500)."""
    editor = sign_in(app, "medewerker")
    nested = b"[" * 100_000 + b"]" * 100_000
    answer = editor.post(UPDATE, data=nested, content_type="application/json")
    assert answer.status_code == 400, answer.text
    assert answer.get_json()["error"] == "geen geldig verzoek"


PLAN = """Zorgplan ELZ {name} 2026

Strategische doelstelling 1: Een plan van een andere zone

Operationele doelstelling 1.1: Alles anders

Actie 1.1.1: Een actie die een medewerker van een andere zone schreef
Trekker: Pallion
"""


def _plan_upload(name: str) -> dict:
    text = PLAN.format(name=name).encode()
    contents = "data:text/plain;base64," + base64.b64encode(text).decode()
    return {"contents": contents, "filename": "plan.txt", "at": 1}


@pytest.mark.parametrize("name", ["Maasland", "Nieuwland"])
def test_a_plan_applied_without_its_zone_id_is_judged_on_the_zone_it_writes(app, team, name):
    """The gate judged the apply on the zone-id field; left empty, the zone became the one
    the plan names: an editor of Kempenland wrote her plan into Maasland's (its goals and an
    action), or made a new zone, which only an admin may (qa17)."""
    users.add(team, "kempen", PASSWORD, "editor", ["kempenland"], actor="test")
    editor = sign_in(app, "kempen")
    held = _plan_upload(name)
    read = {"importeren-plan-file.data": held, "importeren-plan-zone.value": "kempenland"}
    answer = _post(app, editor, "importeren-plan-file.data", read, "importeren-plan-preview")
    previewed = answer.get_json()["response"]["importeren-plan-previewed"]["data"]
    zones = {z["id"] for z in team.read("zones")}
    plans = audit.count(team, action="plan")
    values = {
        "importeren-plan-apply.n_clicks": 1,
        "importeren-plan-previewed.data": previewed,
        "importeren-plan-file.data": held,
        "importeren-plan-zone-id.value": None,  # left out: the page never sends it so
    }
    answer = _post(app, editor, "importeren-plan-apply.n_clicks", values, "importeren-plan-result")
    assert answer.status_code in (200, 403), answer.text
    assert "Dat mag u niet" in answer.text
    assert {z["id"] for z in team.read("zones")} == zones
    assert audit.count(team, action="plan") == plans
    assert not [a for a in team.read("actions", zone=None) if a["id"] == "maasland/1.1.1"]
    # An admin may: the same request writes the plan (into Maasland, or a new zone).
    admin = sign_in(app, "beheerder")
    answer = _post(app, admin, "importeren-plan-apply.n_clicks", values, "importeren-plan-result")
    assert "is klaar" in answer.text


def test_a_value_of_a_type_no_component_sends_is_no_valid_request(app, team):
    """Before: a list of objects as Netwerk's zones, an object as the URL's path, a number
    as the text typed to search Hiaten's organisations reached the callback, which failed on
    it: a 500 (Flask's plain page). No dropdown, URL or search box sends such a value."""
    viewer = sign_in(app, "kijker")
    cases = [
        ("netwerk-zone.value", {"zone": "maasland"}, "netwerk-graph.elements"),
        ("netwerk-zone.value", [{"zone": "maasland"}], "netwerk-graph.elements"),
        ("url.pathname", {"path": "/"}, "page.children"),
        ("hiaten-organisation.search_value", 3630, "hiaten-organisation.options"),
    ]
    for trigger, wrong, output in cases:
        answer = viewer.post(UPDATE, json=callback_body(app, trigger, {trigger: wrong}, output))
        assert answer.status_code == 400, (trigger, wrong, answer.status_code)
        assert answer.get_json()["error"].startswith(f"geen geldig verzoek: {trigger}: een ")
    zones = {"netwerk-zone.value": ["maasland"]}
    right = viewer.post(UPDATE, json=callback_body(app, "netwerk-zone.value", zones, "elements"))
    assert right.status_code == 200, right.text


CHOICE_IDS = '{"row":["ALL"],"type":"importeren-choice"}.id'


def _choice(row, value, prop: str = "value") -> dict:
    return {"id": {"type": "importeren-choice", "row": row}, "property": prop, "value": value}


def test_a_value_of_a_shape_no_component_sends_is_refused_before_any_callback_runs(app, team):
    """qa19: a number as the value of a dropdown of texts, a list for a dropdown of one
    choice, an AG Grid's request, filter or rows of another shape, a store's data or a
    node's data that the page never put there: each reached its callback, which failed on
    it (500). The gate now knows what each component sends (its kind, read from the pages'
    layouts; a grid's or a store's shape) and refuses the rest (400), writing nothing."""
    viewer = sign_in(app, "kijker")
    editor = sign_in(app, "medewerker")
    grid_request = {"startRow": 0, "endRow": 100, "sortModel": [], "filterModel": {}}
    cases = [  # fmt: skip
        (viewer, "netwerk-category.value", 7, "netwerk-graph.elements"),
        (viewer, "netwerk-action.value", ["maasland/1.1.1"], "netwerk-graph.elements"),
        (viewer, "vergelijken-cluster.value", True, ""),
        (viewer, "organisaties-search.value", 3630, "organisaties-grid.filterModel"),
        (viewer, "hiaten-grid.getRowsRequest", {**grid_request, "sortModel": [7]}, ""),
        (
            viewer,
            "hiaten-grid.getRowsRequest",
            {**grid_request, "filterModel": {"name": {"operator": "OR", "conditions": "ab"}}},
            "",
        ),
        (
            viewer,
            "organisaties-search.value",
            "x",
            "organisaties-grid.filterModel",
            {"organisaties-grid.filterModel": {"name": ["contains"]}},
        ),
        (viewer, "hiaten-grid.selectedRows", [{"zone": "maasland"}], ""),
        (viewer, "organisaties-grid.selectedRows", [{"name": "Pallion"}], ""),
        (viewer, "netwerk-graph.tapNodeData", {"id": "zone:maasland"}, "netwerk-details"),
        (viewer, "netwerk-pick.data", {"type": "netwerk-pick-focus"}, "netwerk-graph.elements"),
        (viewer, "netwerk-snapshot.data", ["token"], "netwerk-brokers"),
        (editor, "importeren-file.data", "data:text/csv;base64,", ""),
        (editor, "importeren-apply.n_clicks", 1, "", {"importeren-previewed.data": {"rij": "x"}}),
        (editor, "importeren-apply.n_clicks", 1, "", {CHOICE_IDS: [_choice(2, "link", "id")]}),
        (
            editor,
            "importeren-plan-apply.n_clicks",
            1,
            "importeren-plan-result",
            {"importeren-plan-municipalities.value": 3630},
        ),
    ]
    changes = len(audit.entries(team))
    for client, trigger, wrong, output, *more in cases:
        values = {trigger: wrong, **(more[0] if more else {})}
        answer = client.post(UPDATE, json=callback_body(app, trigger, values, output))
        assert answer.status_code == 400, (trigger, wrong, answer.status_code)
        named = next(iter(more[0])) if more else trigger
        assert answer.get_json()["error"].startswith(f"geen geldig verzoek: {named}: ")
    # A pattern's outputs that are no list: Dash failed on them after running the callback.
    body = callback_body(app, "acties-accordion.active_item", {}, "")
    answer = viewer.post(UPDATE, json=body)  # {"id": {"goal": ["ALL"], …}}: no list
    assert answer.status_code == 400, answer.text
    assert "outputs" in answer.get_json()["error"]
    opened = {"acties-accordion.active_item": {"goal": 1}, "acties-zone.value": "maasland"}
    body = callback_body(app, "acties-accordion.active_item", opened, "")
    answer = viewer.post(UPDATE, json={**body, "outputs": []})
    assert answer.status_code == 400, answer.text
    assert "acties-accordion.active_item: een object" in answer.get_json()["error"]
    # A writing callback refuses alike: a node's data the page never drew, nothing written.
    moment = {
        "netwerk-moment-save.n_clicks": 1,
        "netwerk-moment-kind.value": "telefoon",
        "netwerk-moment-zone.value": "maasland",
        "netwerk-moment-context.data": ["elz-maasland", "maasland"],
    }
    answer = _post(app, editor, "netwerk-moment-save.n_clicks", moment)
    assert answer.status_code == 400, answer.text
    assert len(audit.entries(team)) == changes
    # What the components do send still answers.
    for client, trigger, right, output in [
        (viewer, "netwerk-category.value", ["huisartsenkring"], "netwerk-graph.elements"),
        (viewer, "hiaten-grid.getRowsRequest", grid_request, ""),
        (viewer, "hiaten-grid.selectedRows", [], ""),
        (viewer, "organisaties-grid.selectedRows", [{"id": "pallion", "name": "Pallion"}], ""),
    ]:
        answer = client.post(UPDATE, json=callback_body(app, trigger, {trigger: right}, output))
        assert answer.status_code in (200, 204), (trigger, answer.text)
