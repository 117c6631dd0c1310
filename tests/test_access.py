"""Who may do what, enforced in one place: every callback, download and route of the
signed-in dashboard, asked with each role's session cookie and with none.

The dashboard runs in its real signed-in mode here (not the local demo), on the seed, with
four users: a viewer and an editor of Maasland, an editor of Kempenland, and an admin.
Requests are made by hand, as a browser (or an attacker) would post them.
"""

from __future__ import annotations

import base64
import html
import io
import json
import logging
import re
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pdfplumber
import pytest
import yaml
from click.testing import CliRunner
from conftest import UPDATE, callback_body
from dashboard_client import PASSWORD, sign_in

from dashboard import guard, signin
from dashboard.app import PAGES, access_table, create_app
from graphmap import access, audit, dates, engagement, followup, register, users
from graphmap.analysis.contacts import display_phone
from graphmap.cli import cli

TEAM = {
    "viewer": ("kijker", "viewer", ["maasland"]),
    "editor": ("medewerker", "editor", ["maasland"]),
    "other": ("kempen", "editor", ["kempenland"]),
    "admin": ("beheerder", "admin", []),
}
DEMO = yaml.safe_load((Path(__file__).parent.parent / "seed/demo/contacts.yaml").read_text())


def personal_texts() -> list[str]:
    """Every demo contact's e-mail address and phone number, as stored and as shown."""
    found = []
    for person in DEMO["people"]:
        found.append(person["email"])
        if person.get("phone"):
            found += [person["phone"], display_phone(person["phone"])]
            found.append(re.sub(r"\D", "", person["phone"]))
    return found


PERSONAL = personal_texts()


@pytest.fixture(scope="module")
def app(session_store):
    return create_app(session_store)


@pytest.fixture
def team(seeded, app):
    for name, role, zones in TEAM.values():
        users.add(seeded, name, PASSWORD, role, zones, actor="test")
    app.server.extensions["graphmap.throttle"].clear()
    return seeded


@pytest.fixture
def clients(team, app):
    return {role: sign_in(app, TEAM[role][0]) for role in TEAM} | {
        "nobody": app.server.test_client()
    }


def post(app, client, trigger: str, values: dict, output: str = ""):
    return client.post(UPDATE, json=callback_body(app, trigger, values, output))


def pattern(kind: str, **key) -> str:
    """A pattern-matching component id as Dash writes it in changedPropIds."""
    return json.dumps({**key, "type": kind}, sort_keys=True, separators=(",", ":"))


def _kinds(store) -> dict[str, int]:
    return {row["label"]: row["count"] for row in store.read("stats_nodes")}


# -- the one table -----------------------------------------------------------------------------


def test_every_callback_has_a_rule_and_one_without_is_refused(app, team):
    server_side = {key for key, spec in app.callback_map.items() if "callback" in spec}
    assert server_side - set(guard.rules(app)) == set()
    # A callback registered past the gate (plain app.callback) is refused to everyone.
    from dash import Input, Output

    extra = create_app(team)

    @extra.callback(Output("page", "title"), Input("url", "hash"))
    def leak(_hash):  # pragma: no cover - must never run
        raise AssertionError("ran without a rule")

    client = sign_in(extra, TEAM["admin"][0])
    answer = post(extra, client, "url.hash", {"url.hash": "#x"}, "page.title")
    assert answer.status_code == 403


def _decisions(app, store, key: str, spec: dict) -> dict[str, int]:
    """What the gate answers each role for this callback (values left empty): 200 (the
    callback runs), 204 (the gate answers "nothing to do") or the refusal's status."""
    body = {
        "output": key,
        "outputs": [],
        "inputs": [[] if i["id"].startswith("{") else {**i, "value": None} for i in spec["inputs"]],
        "state": [[] if i["id"].startswith("{") else {**i, "value": None} for i in spec["state"]],
        "changedPropIds": [],
    }
    people = {role: access.User(*TEAM[role]) for role in TEAM} | {"nobody": None}
    return {
        role: getattr(guard.check_callback(app, store, user, body), "status_code", 200)
        for role, user in people.items()
    }


def _button(rule: guard.Rule) -> bool:
    return any(getattr(ref, "button", False) for ref in rule.named.values())


def test_the_rule_of_every_callback_for_every_role(app, team):
    """The matrix of role × callback at the gate: what each rule's need lets through. A
    callback on a button with no button pressed (it is only drawn) does nothing: the gate
    answers it with 204 for whoever may view (the pressed buttons: the tests below)."""
    expected = {
        "view": {"viewer", "editor", "other", "admin"},
        "edit": {"editor", "other", "admin"},
        "contacts": {"editor", "other", "admin"},
        "admin": {"admin"},
    }
    with app.server.test_request_context():
        for key, rule in guard.rules(app).items():
            if not isinstance(rule.need, str):
                continue  # the route: per page, below
            answers = _decisions(app, team, key, app.callback_map[key])
            if _button(rule):
                assert answers == {**dict.fromkeys(TEAM, 204), "nobody": 403}, key
                continue
            allowed = {r for r, status in answers.items() if status == 200}
            assert allowed == expected[rule.need], key


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.TITLE)
def test_every_page_for_every_role_and_without_a_session(app, clients, page):
    allowed = {
        "view": {"viewer", "editor", "other", "admin"},
        "edit": {"editor", "other", "admin"},
        "admin": {"admin"},
    }[page.NEED]
    for role, client in clients.items():
        values = {"url.pathname": page.PATH, "url.search": "?zone=maasland"}
        answer = post(app, client, "url.pathname", values)
        if role == "nobody":
            assert answer.status_code == 401
            assert client.get(page.PATH).status_code == 302  # to the sign-in page
        else:
            # A page one may not see is answered (no error in the browser), with the reason
            # instead of its layout.
            assert answer.status_code == 200, (role, answer.status_code)
            shown = json.dumps(answer.get_json()["response"]["page"]["children"])
            refused = '"page-refused"' in shown
            assert refused == (role not in allowed), role
            if refused:
                prefix = page.__name__.rsplit(".", 1)[-1]  # every id of a page starts so
                assert "Dat mag u niet" in shown and f'"{prefix}-' not in shown


def test_without_a_session_nothing_but_the_sign_in_page_and_static_files(app, team):
    client = app.server.test_client()
    for path in ("/", "/organisaties?org=pallion", "/logboek", "/_dash-layout"):
        answer = client.get(path)
        assert answer.status_code in (302, 401), path
        assert "example.org" not in answer.text
    assert client.get("/login").status_code == 200
    assert client.get("/vendor/bootstrap.min.css").status_code == 200
    body = callback_body(app, "hiaten-save.n_clicks", _engagement("pallion", "maasland"))
    assert client.post(UPDATE, json=body).status_code == 401


# -- edits and exports, by hand ------------------------------------------------------------------


def _engagement(organisation: str, zone: str, cluster: str = "welzijn") -> dict:
    return {
        "hiaten-save.n_clicks": 1,
        "hiaten-organisation.value": organisation,
        "hiaten-status-zone.value": zone,
        "hiaten-status-cluster.value": cluster,
        "hiaten-status.value": "contacted",
        "hiaten-version.data": 0,
        "hiaten-organisation.options": [],
    }


def test_a_viewer_edits_nothing_even_by_hand(app, clients, team):
    before = _kinds(team)
    viewer = clients["viewer"]
    refused = [
        post(app, viewer, "hiaten-save.n_clicks", _engagement("pallion", "maasland")),
        post(
            app,
            viewer,
            "organisaties-save.n_clicks",
            {
                "organisaties-save.n_clicks": 1,
                "organisaties-name.value": "Pallion gewijzigd",
                "organisaties-category.value": "palliatief-netwerk",
                "organisaties-selected.data": "pallion",
            },
        ),
        post(
            app,
            viewer,
            "organisaties-contact-add.n_clicks",
            {
                "organisaties-contact-name.value": "Iemand (demo)",
                "organisaties-selected.data": "pallion",
            },
        ),
        post(
            app,
            viewer,
            "hiaten-moment-save.n_clicks",
            {
                "hiaten-moment-save.n_clicks": 1,
                "hiaten-moment-kind.value": "telefoon",
                "hiaten-moment-zone.value": "maasland",
                "hiaten-moment-context.data": {"organisation": "pallion", "zone": "maasland"},
            },
        ),
    ]
    assert [r.status_code for r in refused] == [403] * len(refused)
    assert _kinds(team) == before
    assert register.organisation(team, "pallion")["name"].startswith("Pallion (")


def test_an_editor_edits_their_own_zone_and_not_another(app, clients, team):
    editor = clients["editor"]
    ok = post(app, editor, "hiaten-save.n_clicks", _engagement("pallion", "maasland"))
    assert ok.status_code == 200 and "Opgeslagen" in ok.text
    [entry] = audit.entries(team, action="engagement")
    assert entry["by"] == "medewerker" and entry["key"] == "pallion" and entry["change"]
    assert entry["after_data"]["status"] == "gecontacteerd"

    # Kempenland is not this editor's: its memberships, organisations, contacts, actions.
    assert (
        post(app, editor, "hiaten-save.n_clicks", _engagement("vaph", "kempenland")).status_code
        == 403
    )
    save = {
        "organisaties-save.n_clicks": 1,
        "organisaties-name.value": "LOGO Kempen gewijzigd",
        "organisaties-category.value": "logo",
        "organisaties-selected.data": "logo-kempen",
    }
    assert post(app, editor, "organisaties-save.n_clicks", save).status_code == 403
    erase = pattern("organisaties-remove-contact", person="demo-katrien-aerts")
    answer = post(
        app,
        editor,
        '{"person":["ALL"],"type":"organisaties-remove-contact"}.n_clicks',
        {
            "changed": f"{erase}.n_clicks",
            '{"person":["ALL"],"type":"organisaties-remove-contact"}.n_clicks': [
                {"id": json.loads(erase), "property": "n_clicks", "value": 1}
            ],
            "organisaties-version.data": 0,
        },
    )
    assert answer.status_code == 403
    # Nor through the confirmation that erases, with another zone's person in its store.
    confirmed = {
        "organisaties-remove-confirm.submit_n_clicks": 1,
        "organisaties-remove-pending.data": "demo-katrien-aerts",
        "organisaties-version.data": 0,
    }
    assert (
        post(app, editor, "organisaties-remove-confirm.submit_n_clicks", confirmed).status_code
        == 403
    )
    assert [c["id"] for c in register.organisation(team, "logo-kempen")["contacts"]] == [
        "demo-katrien-aerts"
    ]
    # The same edit by Kempenland's own editor passes.
    assert post(app, clients["other"], "organisaties-save.n_clicks", save).status_code == 200
    assert register.organisation(team, "logo-kempen")["name"] == "LOGO Kempen gewijzigd"


def test_wanting_another_zones_partner_does_not_take_over_its_register_or_contacts(
    app, clients, team
):
    """LOGO Kempen is Kempenland's partner. A Maasland editor may put it on her own cluster's
    list as missing, but that gives her neither its register nor its contact persons (it
    did: any engagement made it hers); recording contact with it does, as the README says."""
    editor = clients["editor"]
    engagement.set_status(team, "logo-kempen", "kempenland", "welzijn", "involved", actor="t")
    save = {
        "organisaties-save.n_clicks": 1,
        "organisaties-name.value": "LOGO Kempen gewijzigd",
        "organisaties-category.value": "logo",
        "organisaties-selected.data": "logo-kempen",
    }

    def shown() -> str:
        answer = post(
            app,
            editor,
            "organisaties-selected.data",
            {"organisaties-selected.data": "logo-kempen"},
            "organisaties-title",
        )
        return answer.text

    wanted = {**_engagement("logo-kempen", "maasland"), "hiaten-status.value": "missing"}
    assert post(app, editor, "hiaten-save.n_clicks", wanted).status_code == 200
    assert post(app, editor, "organisaties-save.n_clicks", save).status_code == 403
    assert "katrien.aerts@example.org" not in shown()
    maasland = access.User("medewerker", "editor", ["maasland"])
    assert access.foreign_organisations(team, maasland, ["logo-kempen"]) == ["logo-kempen"]
    contacted = {**_engagement("logo-kempen", "maasland"), "hiaten-status.value": "contacted"}
    assert post(app, editor, "hiaten-save.n_clicks", contacted).status_code == 200
    assert "katrien.aerts@example.org" in shown()
    assert post(app, editor, "organisaties-save.n_clicks", save).status_code == 200


def test_a_zone_in_contact_keeps_an_organisation_another_zone_makes_its_partner(team):
    """Maasland added an organisation and its contact and is in contact with it; Kempenland
    then records it as involved: both zones work with it, and Maasland keeps what it
    entered (the partner rule alone handed it to Kempenland)."""
    maasland = access.User("medewerker", "editor", ["maasland"])
    kempenland = access.User("kempen", "editor", ["kempenland"])
    org = register.save_organisation(
        team, {"name": "Buurtzorg Proef", "category": "thuisverpleging", "municipality": "Lanaken"}
    )
    person = register.add_contact(team, org, {"name": "Proef Persoon (demo)"})
    engagement.set_status(team, org, "maasland", "zorg", "contacted", actor="medewerker")
    engagement.set_status(team, org, "kempenland", "zorg", "involved", actor="kempen")
    for user in (maasland, kempenland):
        assert access.refusal(team, user, "edit", organisation=org) is None
        assert access.refusal(team, user, "contacts", person=person) is None
    # A zone that only wants it keeps nothing of it.
    ghost = access.User("noord", "editor", ["noord-limburg"])
    engagement.set_status(team, org, "noord-limburg", "zorg", "missing", actor="noord")
    assert access.refusal(team, ghost, "edit", organisation=org) is not None


def _export(action: str, fmt: str = "csv") -> dict:
    button = pattern("acties-export", action=action, fmt=fmt)
    return {
        "changed": f"{button}.n_clicks",
        '{"action":["ALL"],"fmt":["ALL"],"type":"acties-export"}.n_clicks': [
            {"id": json.loads(button), "property": "n_clicks", "value": 1}
        ],
    }


def test_contact_lists_only_for_the_editors_of_their_zone(app, clients, team):
    trigger = '{"action":["ALL"],"fmt":["ALL"],"type":"acties-export"}.n_clicks'
    answer = post(app, clients["editor"], trigger, _export("maasland/1.2-a"))
    assert answer.status_code == 200
    content = base64.b64decode(answer.get_json()["response"]["acties-download"]["data"]["content"])
    assert b"bart.claes@example.org" in content
    for role in ("viewer", "other"):
        assert post(app, clients[role], trigger, _export("maasland/1.2-a")).status_code == 403
    assert post(app, clients["editor"], trigger, _export("kempenland/8")).status_code == 403
    assert post(app, clients["admin"], trigger, _export("kempenland/8")).status_code == 200
    exports = audit.entries(team, action="export")
    assert [(e["by"], e["key"]) for e in reversed(exports)] == [
        ("medewerker", "actie maasland/1.2-a"),
        ("beheerder", "actie kempenland/8"),
    ]


UNLINK = "organisaties-actions-grid.cellRendererData"


def _unlink(action: str | None) -> dict:
    """What the Organisaties page posts when the "Ontkoppel" button of an action's row in
    its grid is pressed (None: the grid drawn, nothing pressed)."""
    pressed = {"value": action, "colId": "id", "rowIndex": 0, "rowId": action} if action else None
    return {UNLINK: pressed, "organisaties-selected.data": "cell", "organisaties-version.data": 0}


def test_actions_drawn_but_not_pressed_are_no_refusal_and_a_press_still_is(app, clients, team):
    """Opening an organisation draws its actions' "Ontkoppel" buttons, and Dash may call their
    callback with nothing pressed: no "Dat mag u niet" for a viewer, or for an editor of
    another zone; pressing one is refused to them as before."""
    actions = [a["action"] for a in register.organisation(team, "cell")["actions"]]
    foreign = [a for a in actions if not a.startswith("maasland/")]
    assert foreign
    for role in ("viewer", "editor", "other", "admin"):
        answer = post(app, clients[role], UNLINK, _unlink(None))
        assert answer.status_code == 204, (role, answer.get_data(as_text=True))
    assert post(app, clients["nobody"], UNLINK, _unlink(None)).status_code == 401
    # The export buttons of the Acties page are drawn as Dash buttons.
    export = _export("maasland/1.2-a")
    export[next(k for k in export if k.startswith("{"))][0]["value"] = None
    trigger = '{"action":["ALL"],"fmt":["ALL"],"type":"acties-export"}.n_clicks'
    assert post(app, clients["viewer"], trigger, export).status_code == 204

    for role in ("viewer", "editor"):
        answer = post(app, clients[role], UNLINK, _unlink(foreign[0]))
        assert answer.status_code == 403, role
        assert "Dat mag u niet" in answer.get_json()["error"]
    bad = {**_unlink(foreign[0]), UNLINK: foreign[0]}
    assert post(app, clients["admin"], UNLINK, bad).status_code == 400
    assert {a["action"] for a in register.organisation(team, "cell")["actions"]} == set(actions)
    answer = post(app, clients["admin"], UNLINK, _unlink(foreign[0]))
    assert answer.status_code == 200 and "Ontkoppeld" in answer.get_data(as_text=True)
    assert foreign[0] not in {a["action"] for a in register.organisation(team, "cell")["actions"]}


SHOW = "organisaties-selected.data"


def test_an_organisations_actions_are_rows_of_one_grid(app, clients, team):
    """An organisation on the actions of many zones (Pallion is on 122 among 60 zones) is
    drawn as the rows of one grid, each with why the user may not unlink it: as a table with
    a link and a button per action, the browser took seconds to draw it."""
    actions = {a["action"]: a for a in register.organisation(team, "cell")["actions"]}
    values = {SHOW: "cell", "organisaties-version.data": None}
    answer = post(app, clients["editor"], SHOW, values, "organisaties-actions-grid.rowData")
    response = answer.get_json()["response"]
    rows = response["organisaties-actions-grid"]["rowData"]
    assert {r["id"] for r in rows} == set(actions)
    assert response["organisaties-actions"]["children"] is None  # no table beside the grid
    refused = {r["id"]: r["refused"] for r in rows}
    assert {a for a, why in refused.items() if why is None} == {
        a for a in actions if a.startswith("maasland/")
    }
    assert all("niet van de uwe" in why for a, why in refused.items() if why)
    [row] = [r for r in rows if r["id"] == next(iter(actions))]
    assert row["href"] == f"/acties?zone={actions[row['id']]['zone']}"


def test_a_contact_moment_with_no_contact_person_in_ones_own_zone(app, clients, team):
    """The form's "—" (no contact person) is an empty value: it names nobody to check."""
    values = {
        "organisaties-moment-save.n_clicks": 1,
        "organisaties-moment-kind.value": "telefoon",
        "organisaties-moment-on.value": dates.today().isoformat(),
        "organisaties-moment-person.value": "",
        "organisaties-moment-note.value": "Gebeld over de cluster",
        "organisaties-moment-zone.value": "maasland",
        "organisaties-moment-context.data": {"organisation": "pallion", "zone": "maasland"},
    }
    trigger = "organisaties-moment-save.n_clicks"
    answer = post(app, clients["editor"], trigger, values)
    assert answer.status_code == 200 and "opgeslagen" in answer.get_data(as_text=True)
    assert post(app, clients["other"], trigger, values).status_code == 403
    assert [m["by"] for m in followup.moments(team, organisation="pallion")] == ["medewerker"]


def _file(name: str, text: str) -> dict:
    """A file as the Importeren page holds it once chosen (see importeren.HOLD_JS)."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return {"contents": f"data:text/csv;base64,{encoded}", "filename": name, "at": 1}


def test_an_editor_imports_another_zones_organisation_into_their_cluster_not_its_register(
    app, clients, team
):
    """As on the Organisaties page: the engagement in one's own zone, yes; the register
    fields of an organisation of another zone, no, and the preview says so per row."""
    partners = (
        "Naam;Categorie;Cluster;Status;Website\n"
        "Alzheimerliga;Patiëntenvereniging;PZON;gecontacteerd;\n"
        "Stichting Positieve Gezondheid;;welzijn;betrokken;https://positief.example.org\n"
    )
    values = {
        "importeren-file.data": _file("partners.csv", partners),
        "importeren-kind.value": "organisations",
        "importeren-zone.value": "maasland",
    }
    website = register.organisation(team, "stichting-positieve-gezondheid")["website"]
    preview = post(app, clients["editor"], "importeren-file.data", values, "importeren-grid")
    assert preview.status_code == 200
    response = preview.get_json()["response"]
    rows = {r["row"]: r for r in response["importeren-grid"]["rowData"]}
    assert (rows[2]["outcome"], rows[3]["outcome"]) == ("bijgewerkt", "geweigerd")
    assert "Stichting Positieve Gezondheid hoort niet bij uw zones" in rows[3]["message"]
    assert "website" in rows[3]["message"]
    assert "alleen de betrokkenheid in uw eigen zone" in rows[3]["message"]
    summary = json.dumps(response["importeren-summary"], ensure_ascii=False)
    assert "1 bijgewerkt" in summary and "1 geweigerd" in summary
    assert "1 rij wijzigt een organisatie van een andere zone" in summary
    assert response["importeren-apply"]["disabled"] is False

    applied = post(
        app,
        clients["editor"],
        "importeren-apply.n_clicks",
        {**values, "importeren-apply.n_clicks": 1},
        "importeren-grid",
    )
    done = json.dumps(applied.get_json()["response"]["importeren-result"], ensure_ascii=False)
    assert "Geïmporteerd in één transactie" in done
    [member] = register.organisation(team, "alzheimerliga")["memberships"]
    assert (member["zone"], member["cluster"], member["status"]) == (
        "maasland",
        "pzon",
        "contacted",
    )
    untouched = register.organisation(team, "stichting-positieve-gezondheid")
    assert untouched["website"] == website and untouched["memberships"] == []
    # Another zone's editor may not import into Maasland at all.
    assert (
        post(app, clients["other"], "importeren-file.data", values, "importeren-grid").status_code
        == 403
    )


def test_editor_rules_of_an_import_apply_to_each_row_of_an_organisation(seeded, tmp_path):
    """Two rows about another zone's organisation: the one changing its website is refused,
    the one adding it to a cluster of the editor's zone stays, and is written alone."""
    from graphmap.ingest.spreadsheet import apply_import, plan_import

    path = tmp_path / "partners.csv"
    path.write_text(
        "Naam;Cluster;Status;Website\n"
        "Stichting Positieve Gezondheid;zorg;betrokken;https://positief.example.org\n"
        "Stichting Positieve Gezondheid;welzijn;lid;\n",
        encoding="utf-8",
    )
    website = register.organisation(seeded, "stichting-positieve-gezondheid")["website"]
    editor = access.User("medewerker", "editor", {"maasland"})
    report = plan_import(seeded, path, "organisations", zone="maasland", user=editor)
    refused = access.refuse_import_rows(seeded, editor, report)
    assert list(refused) == [2] and "website" in refused[2]
    assert [r.outcome for r in report.rows] == ["rejected", "updated"]
    apply_import(seeded, report, actor="medewerker")
    organisation = register.organisation(seeded, "stichting-positieve-gezondheid")
    assert organisation["website"] == website
    assert [(m["cluster"], m["status"]) for m in organisation["memberships"]] == [
        ("welzijn", "member")
    ]
    sources = {row["source"] for row in seeded.read("import_provenance", document=path.name)}
    assert sources == {"partners.csv#row 3"}, "the refused row left nothing of itself"


def test_a_contact_list_is_of_its_organisations_zones_not_of_the_zone_select(app, clients, team):
    contacts = (
        "Naam;Organisatie;E-mail\n"
        "An Demo;Pallion;an.demo@example.org\n"
        "Bo Demo;Logo Kempen;bo.demo@example.org\n"
    )
    values = {
        "importeren-file.data": _file("contacten.csv", contacts),
        "importeren-kind.value": "contacts",
        "importeren-zone.value": "kempenland",  # not this editor's, and not the list's either
        "importeren-apply.n_clicks": 1,
    }
    applied = post(app, clients["editor"], "importeren-apply.n_clicks", values, "importeren-grid")
    assert applied.status_code == 200
    rows = applied.get_json()["response"]["importeren-grid"]["rowData"]
    assert [r["outcome"] for r in rows] == ["nieuw", "geweigerd"]
    assert "Logo Kempen hoort niet bij uw zones" in rows[1]["message"]
    assert "An Demo" in {c["name"] for c in register.organisation(team, "pallion")["contacts"]}
    assert "Bo Demo" not in {
        c["name"] for c in register.organisation(team, "logo-kempen")["contacts"]
    }
    [entry] = [e for e in audit.entries(team, action="import") if e["action"] == "import"]
    assert entry["by"] == "medewerker" and entry["zones"] == "maasland"
    kind = post(app, clients["editor"], "importeren-kind.value", values, "importeren-zone.disabled")
    assert kind.get_json()["response"]["importeren-zone"]["disabled"] is True


DONE = "opvolging-steps.cellRendererData"


def test_a_step_of_another_zone_cannot_be_marked_done(app, clients, team):
    written = followup.record_moment(
        team,
        "logo-kempen",
        "kempenland",
        {"kind": "overleg", "what": "Verslag sturen", "due": "2099-01-01"},
        actor="kempen",
    )
    # What the grid sends when the "Afgerond" button of the step's row is pressed.
    pressed = {"value": written["step"], "colId": "id", "rowIndex": 0, "rowId": written["step"]}
    values = {DONE: pressed, "opvolging-version.data": 0}
    for wrong in ({**pressed, "value": [written["step"]]}, written["step"]):
        bad = post(app, clients["other"], DONE, {**values, DONE: wrong})
        assert bad.status_code == 400, bad.text
        assert bad.get_json()["error"].startswith("geen geldig verzoek: opvolging-steps.")
    assert post(app, clients["editor"], DONE, values).status_code == 403
    assert followup.open_steps(team, "kempenland", today=dates.today())
    assert post(app, clients["other"], DONE, values).status_code == 200
    assert not followup.open_steps(team, "kempenland", today=dates.today())


def test_a_request_that_names_its_inputs_out_of_order_is_refused(app, clients, team):
    """Dash hands values to the function by position: a request whose inputs are not where
    the callback declares them could make the gate read one value and the callback another."""
    body = callback_body(app, "hiaten-save.n_clicks", _engagement("vaph", "maasland"))
    state = list(body["state"])
    zone = next(i for i, item in enumerate(state) if item["id"] == "hiaten-status-zone")
    state[zone], state[zone + 1] = state[zone + 1], state[zone]
    answer = clients["editor"].post(UPDATE, json={**body, "state": state})
    assert answer.status_code == 400
    unknown = {**body, "output": "hiaten-feedback.children...nothing.data"}
    assert clients["admin"].post(UPDATE, json=unknown).status_code == 403


def test_the_logboek_lists_filters_and_exports_the_audit_for_an_admin(app, clients, team):
    post(app, clients["editor"], "hiaten-save.n_clicks", _engagement("pallion", "maasland"))
    post(app, clients["other"], "hiaten-save.n_clicks", _engagement("vaph", "kempenland"))
    # Kempenland's contact with VAPH, which Maasland works with too, is in both logs;
    # Maasland's with Pallion, which only Maasland works with, in Maasland's alone.
    assert audit.count(team, zone="maasland", action="engagement.change") == 2
    values = {"logboek-zone.value": "kempenland", "logboek-since.value": None}
    values["logboek-kind.value"] = "engagement"
    values["logboek-grid.getRowsRequest"] = {"startRow": 0, "endRow": 100}
    answer = post(app, clients["admin"], "logboek-grid.getRowsRequest", values)
    response = answer.get_json()["response"]
    rows = response["logboek-grid"]["getRowsResponse"]["rowData"]
    assert [(r["by"], r["key"], r["before"]) for r in rows] == [("kempen", "vaph", "status: nieuw")]
    assert rows[0]["after"].startswith("status: gecontacteerd")
    assert response["logboek-count"]["children"] == "1 regel"
    assert post(app, clients["editor"], "logboek-grid.getRowsRequest", values).status_code == 403
    download = post(
        app, clients["admin"], "logboek-csv.n_clicks", {**values, "logboek-csv.n_clicks": 1}
    )
    assert "kempen" in _texts(download) and "pallion" not in _texts(download)
    [export] = audit.entries(team, action="export")
    assert (export["by"], export["key"]) == ("beheerder", "logboek")


# -- personal data in every response -------------------------------------------------------------


def _texts(answer) -> str:
    """A callback answer as text, downloads decoded (a DOCX unpacked, a PDF read)."""
    text = answer.get_data(as_text=True)
    data = answer.get_json(silent=True) or {}
    for output in (data.get("response") or {}).values():
        for value in output.values():
            if isinstance(value, dict) and value.get("base64"):
                raw = base64.b64decode(value["content"])
                if raw.startswith(b"%PDF"):
                    with pdfplumber.open(io.BytesIO(raw)) as pdf:
                        text += "".join(page.extract_text() or "" for page in pdf.pages)
                elif raw.startswith(b"PK"):
                    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                        text += "".join(
                            archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                        )
                else:
                    text += raw.decode("utf-8", "replace")
    return text


def _every_response(app, client, store) -> dict[str, str]:
    """What a user gets from every page and the callbacks that can show a person."""
    moment = followup.record_moment(
        store,
        "pallion",
        "maasland",
        {
            "kind": "telefoon",
            "person": "demo-bart-claes",
            "note": "Bart (bart.claes@example.org) belt terug",
            "what": "Uitnodiging sturen",
            "due": "2099-01-01",
        },
        actor="medewerker",
    )
    assert moment["step"]
    answers = {}
    for page in PAGES:
        for search in ("?zone=maasland", "?org=pallion"):
            values = {"url.pathname": page.PATH, "url.search": search}
            answers[f"{page.PATH}{search}"] = post(app, client, "url.pathname", values)
    for org in ("pallion", "logo-kempen", "vaph"):
        answers[f"organisaties {org}"] = post(
            app,
            client,
            "organisaties-selected.data",
            {"organisaties-selected.data": org},
            "organisaties-title",
        )
        context = {"organisaties-moment-context.data": {"organisation": org, "zone": "maasland"}}
        for part, output in (
            ("history", "organisaties-moment-history"),
            ("persons", "organisaties-moment-about"),
        ):
            answers[f"{part} {org}"] = post(
                app, client, "organisaties-moment-context.data", context, output
            )
        answers[f"netwerk {org}"] = post(
            app,
            client,
            "netwerk-graph.tapNodeData",
            {"netwerk-graph.tapNodeData": {"id": f"actor:maasland:{org}", "kind": "organisation",
                                           "organisation": org, "zone": "maasland", "label": org}},
            "netwerk-details",
        )  # fmt: skip
    steps = {
        "opvolging-zone.value": "maasland",
        "opvolging-mine.value": False,
        "opvolging-overdue.value": False,
        "opvolging-version.data": 0,
    }
    answers["opvolging steps"] = post(app, client, "opvolging-zone.value", steps, "opvolging-steps")
    answers["opvolging changes"] = post(
        app,
        client,
        "opvolging-zone.value",
        {**steps, "opvolging-since.value": "2000-01-01"},
        "opvolging-changes",
    )
    for kind in ("ics", "csv", "docx", "pdf"):
        answers[f"opvolging {kind}"] = post(
            app,
            client,
            f"opvolging-{kind}.n_clicks",
            {**steps, f"opvolging-{kind}.n_clicks": 1, "opvolging-since.value": "2000-01-01"},
            "opvolging-download",
        )
    answers["acties tree"] = post(
        app,
        client,
        "acties-zone.value",
        {
            "acties-zone.value": "maasland",
            "acties-search.value": "1.2",
            "acties-incomplete.value": False,
        },
    )
    answers["hiaten export"] = post(
        app,
        client,
        "hiaten-xlsx.n_clicks",
        {
            "hiaten-xlsx.n_clicks": 1,
            "hiaten-zone.value": "maasland",
            "hiaten-cluster.value": "__all__",
        },
    )
    trigger = '{"action":["ALL"],"fmt":["ALL"],"type":"acties-export"}.n_clicks'
    answers["acties export"] = post(app, client, trigger, _export("maasland/1.2-a", "xlsx"))
    return {name: _texts(answer) for name, answer in answers.items()}


def test_a_viewer_gets_no_email_address_or_phone_number_in_any_response(app, clients, team):
    answers = _every_response(app, clients["viewer"], team)
    leaks = {name: [p for p in PERSONAL if p in text] for name, text in answers.items()}
    assert {name: found for name, found in leaks.items() if found} == {}
    # …and it got real answers: the register, the network, the plan and the report.
    assert "Pallion" in answers["organisaties pallion"]
    assert "1 contactpersoon" in answers["organisaties pallion"]
    assert "Uitnodiging sturen" not in answers["opvolging steps"]
    assert access.HIDDEN in answers["opvolging steps"]
    assert "Bart Claes" not in answers["persons pallion"]
    assert "zorgraad" in answers["opvolging pdf"].lower()


def test_an_editor_sees_their_zones_contacts_and_not_anothers(app, clients, team):
    mine = _every_response(app, clients["editor"], team)
    assert "bart.claes@example.org" in mine["organisaties pallion"]
    assert "Bart Claes" in mine["persons pallion"]
    assert "katrien.aerts@example.org" not in mine["organisaties logo-kempen"]
    other = _every_response(app, clients["other"], team)
    assert "bart.claes@example.org" not in other["organisaties pallion"]
    assert "Uitnodiging sturen" not in other["opvolging steps"]
    # VAPH is a partner of both zones: both zones' editors see its contacts.
    assert "carine.jacobs@example.org" in other["organisaties vaph"]
    assert "carine.jacobs@example.org" in mine["organisaties vaph"]


def test_an_organisations_history_hides_for_a_viewer_what_the_opvolging_page_hides(
    app, clients, team
):
    """The engagement itself is no personal data: a viewer reads it on both pages; the
    contact person, the next step, the notes and the authors are hidden on both."""
    engagement.set_status(team, "pallion", "maasland", "welzijn", "member", actor="medewerker")
    written = followup.record_moment(
        team,
        "pallion",
        "maasland",
        {
            "kind": "telefoon",
            "person": "demo-bart-claes",
            "note": "Belt terug",
            "what": "Uitnodiging sturen",
            "due": "2099-01-01",
        },
        actor="medewerker",
    )
    followup.complete_step(team, written["step"], actor="medewerker", today=dates.today())
    context = {"organisation": "pallion", "zone": "maasland"}
    since = {
        "opvolging-zone.value": "maasland",
        "opvolging-since.value": (dates.today() - timedelta(days=1)).isoformat(),
        "opvolging-version.data": 0,
    }

    def seen(role: str) -> tuple[str, str]:
        history = post(
            app,
            clients[role],
            "organisaties-moment-context.data",
            {"organisaties-moment-context.data": context},
            "organisaties-moment-history",
        )
        changes = post(app, clients[role], "opvolging-since.value", since, "opvolging-changes")
        return tuple(
            json.dumps(answer.get_json()["response"], ensure_ascii=False)
            for answer in (history, changes)
        )

    for role in ("viewer", "other"):
        for text in seen(role):
            assert "Welzijn: nieuw → lid" in text, role
            assert "contactmoment (telefoon)" in text
            for personal in ("Bart Claes", "Belt terug", "Uitnodiging sturen", "medewerker"):
                assert personal not in text, (role, personal)
            assert access.HIDDEN in text
    history, changes = seen("editor")
    for personal in ("Bart Claes", "Belt terug", "Uitnodiging sturen", "door medewerker"):
        assert personal in history, personal
    assert "stap afgerond: Uitnodiging sturen" in changes and "door medewerker" in changes


# -- signing in ----------------------------------------------------------------------------------


def _login(
    client,
    name: str,
    password: str,
    token: str | None = "fetch",
    address: str = "127.0.0.1",
    headers: dict | None = None,
):
    environ = {"REMOTE_ADDR": address}
    if token == "fetch":
        page = client.get("/login", environ_base=environ)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    data = {"username": name, "password": password}
    if token is not None:
        data["csrf_token"] = token
    return client.post("/login", data=data, environ_base=environ, headers=headers or {})


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(app, team):
    client = app.server.test_client()
    answer = _login(client, TEAM["editor"][0], PASSWORD)
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = app.server.test_client()
    page = secure.get("/login", base_url="https://localhost")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = secure.post(
        "/login",
        data={"username": TEAM["editor"][0], "password": PASSWORD, "csrf_token": token},
        base_url="https://localhost",
    )
    assert answer.status_code == 302 and "; Secure" in answer.headers["Set-Cookie"]
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert header in answer.headers
    assert "unsafe-eval" not in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Frame-Options"] == "DENY"


def test_the_login_form_needs_its_csrf_token(app, team):
    client = app.server.test_client()
    for token in (None, "forged"):
        answer = _login(client, TEAM["admin"][0], PASSWORD, token=token)
        assert answer.status_code == 400
        assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 401
    # A token from another browser's session is no token either.
    other = app.server.test_client()
    page = other.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    assert _login(client, TEAM["admin"][0], PASSWORD, token=token).status_code == 400
    assert _login(client, TEAM["admin"][0], PASSWORD).status_code == 302


def test_failures_lock_a_name_at_one_address_with_one_generic_message(app, team):
    """Before: five failures with a user's name, from anywhere, kept that user out for 15
    minutes: whoever knew the admin's name could keep her out."""
    stranger, forged = "198.51.100.7", {"X-Forwarded-For": "203.0.113.9"}
    client, name = app.server.test_client(), TEAM["editor"][0]
    answers = [
        _login(client, name, "fout wachtwoord", address=stranger, headers=forged if i else None)
        for i in range(signin.PER_PAIR)
    ]
    unknown = _login(client, "niemand", "fout wachtwoord", address=stranger)
    assert [a.status_code for a in answers] == [401] * 5 and unknown.status_code == 401
    assert signin.GENERIC in html.unescape(unknown.text)
    assert all(signin.GENERIC in html.unescape(a.text) for a in answers)
    # At his address the name waits, right password or not, whatever address a header
    # claims (no proxy is trusted here: the forged failures above counted as his too).
    for headers in (None, forged):
        right = _login(client, name, PASSWORD, address=stranger, headers=headers)
        assert right.status_code == 429 and "Te veel mislukte pogingen" in right.text
    # The user herself, at her own address, signs in.
    own = app.server.test_client()
    assert _login(own, name, PASSWORD, address="192.0.2.10").status_code == 302
    # Twenty failures from one address stop that address, for every name.
    for number in range(signin.PER_ADDRESS - signin.PER_PAIR - 1):
        _login(client, f"gok{number}", "fout wachtwoord", address=stranger)
    assert _login(client, TEAM["admin"][0], PASSWORD, address=stranger).status_code == 429
    assert _login(own, TEAM["admin"][0], PASSWORD, address="192.0.2.10").status_code == 302


def test_guessing_a_name_from_many_addresses_meets_the_name_s_own_limit():
    throttle = signin.Throttle()
    for number in range(signin.PER_NAME):
        address = f"10.0.{number // 200}.{number % 200}"  # each below its pair's limit
        assert signin.waiting(throttle, "beheer", address) == 0
        signin.failed(throttle, "beheer", address)
    assert signin.waiting(throttle, "beheer", "192.0.2.10") > 0, "the name waits everywhere"
    assert signin.waiting(throttle, "an", "10.0.0.1") == 0, "other names do not"


def test_a_session_expires_after_its_idle_time(app, team):
    config = app.server.config
    kept = config["PERMANENT_SESSION_LIFETIME"]
    config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    try:
        client = sign_in(app, TEAM["viewer"][0])
        assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 200
        time.sleep(2.2)  # the cookie's signature is dated in whole seconds
        answer = post(app, client, "url.pathname", {"url.pathname": "/"})
        assert answer.status_code == 401 and "verlopen" in answer.get_json()["error"]
        assert client.get("/").status_code == 302
    finally:
        config["PERMANENT_SESSION_LIFETIME"] = kept


def test_a_disabled_user_or_a_new_password_ends_the_session(app, team):
    client = sign_in(app, TEAM["editor"][0])
    users.reset_password(team, TEAM["editor"][0], PASSWORD + "!", actor="test")
    assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 401
    client = sign_in(app, TEAM["viewer"][0])
    users.disable(team, TEAM["viewer"][0], actor="test")
    assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 401


def test_a_disabled_user_can_be_enabled_again_and_signs_in_with_its_password(team):
    name = TEAM["viewer"][0]
    users.disable(team, name, actor="test")
    assert users.authenticate(team, name, PASSWORD) is None
    users.enable(team, name, actor="test")
    signed_in = users.authenticate(team, name, PASSWORD)
    assert signed_in is not None and signed_in[0].name == name
    entry = audit.entries(team, action="user.enable")[0]
    assert (entry["key"], entry["before_data"], entry["after_data"]) == (
        name,
        {"uitgeschakeld": True},
        {"uitgeschakeld": False},
    )


def test_sign_out_ends_the_session(app, team):
    client = sign_in(app, TEAM["admin"][0])
    with client.session_transaction() as session:  # made at sign-in: one for every request
        assert session["csrf_token"] and session["sid"]
    layout = client.get("/_dash-layout").text
    token = re.search(r'"value":"([^"]+)","type":"hidden","name":"csrf_token"', layout)
    assert client.post("/logout", data={}).status_code == 302  # no token: still signed in
    assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 200
    kept = client.get_cookie("graphmap_session").value
    assert client.post("/logout", data={"csrf_token": token.group(1)}).status_code == 302
    assert post(app, client, "url.pathname", {"url.pathname": "/"}).status_code == 401
    # The cookie from before (a callback still running at sign-out answers with it) is
    # ended on the server too.
    stale = app.server.test_client()
    stale.set_cookie("graphmap_session", kept)
    assert post(app, stale, "url.pathname", {"url.pathname": "/"}).status_code == 401


def test_a_password_never_appears_in_a_log_argv_or_response(
    app, team, embedded_env, data_dir, caplog
):
    secret = "geheim-" + "x7Qp2-lang-genoeg"
    caplog.set_level(logging.DEBUG)
    runner = CliRunner()
    add = ["users", "add", "lotte", "--role", "editor", "--zone", "maasland"]
    assert runner.invoke(cli, [*add, "--password", secret]).exit_code == 2  # no such option
    result = runner.invoke(cli, ["-v", *add, "--password-stdin"], input=secret + "\n")
    assert result.exit_code == 0, result.output
    outputs = [result.output]
    outputs.append(runner.invoke(cli, ["users", "list", "--format", "json"]).output)
    outputs.append(runner.invoke(cli, ["audit", "--format", "json"]).output)
    client = app.server.test_client()
    outputs.append(_login(client, "lotte", secret + "fout").get_data(as_text=True))
    answer = _login(client, "lotte", secret)
    assert answer.status_code == 302
    outputs += [answer.get_data(as_text=True), str(answer.headers)]
    outputs.append(client.get("/_dash-layout").get_data(as_text=True))
    outputs.append(caplog.text)
    server_log = Path(data_dir) / "server.log"
    if server_log.exists():
        outputs.append(server_log.read_text(errors="replace"))
    assert not [text for text in outputs if secret in text]
    assert "argon2" not in outputs[1] and "lotte" in outputs[1]


def test_the_readme_lists_every_route_and_callback_with_the_role_it_needs(app):
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    start, end = "<!-- access table -->\n", "<!-- end of access table -->"
    written = readme.split(start, 1)[1].split(end, 1)[0]
    assert written == access_table(app), "paste dashboard.app.access_table(app) into the README"


# -- in a browser --------------------------------------------------------------------------------


def _fill_sign_in(duo, name: str = "medewerker") -> None:
    """Sign in on the sign-in page the browser shows, as staff do."""
    duo.wait_for_element("#username").send_keys(name)
    duo.find_element("#password").send_keys(PASSWORD)
    duo.find_element("button[type=submit]").click()


def test_sign_in_edit_and_sign_out_in_a_browser(dash_duo, seeded):
    """The signed-in dashboard as staff use it: no console error (the CSP holds)."""
    from conftest import _free_port, wait_until
    from selenium.webdriver.support.ui import Select

    users.add(seeded, "medewerker", PASSWORD, "editor", ["maasland"], actor="test")
    duo = dash_duo
    duo.start_server(create_app(seeded), navigate=False, port=_free_port())
    base = duo.server.url.rstrip("/")
    duo.driver.get(base + "/organisaties?org=pallion")
    _fill_sign_in(duo)
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    assert "medewerker" in duo.find_element("#session-user").text

    Select(duo.find_element("#organisaties-status-zone")).select_by_value("maasland")
    Select(duo.find_element("#organisaties-status-cluster")).select_by_value("welzijn")
    Select(duo.find_element("#organisaties-status")).select_by_value("member")
    duo.find_element("#organisaties-status-save").click()
    duo.wait_for_contains_text("#organisaties-memberships", "lid")
    [entry] = audit.entries(seeded, action="engagement")
    assert (entry["by"], entry["key"]) == ("medewerker", "pallion")
    # The register's zone filter, kept in the tab for when she comes back to the page ...
    Select(duo.find_element("#organisaties-zone")).select_by_value("kempenland")
    kept = "return Object.keys(sessionStorage).filter(k => k.startsWith('_dash_persistence.'))"
    wait_until(lambda: duo.driver.execute_script(kept))

    duo.find_element("#session-logout button").click()
    duo.wait_for_contains_text("body", signin.SIGNED_OUT)
    # ... is hers: who signs in next in this tab starts on their own zone.
    assert duo.driver.execute_script(kept) == []
    duo.driver.get(base + "/organisaties?org=pallion")
    duo.wait_for_element("#username")
    assert duo.get_logs() == []


def test_a_session_that_expires_under_a_form_says_so_at_sign_in(dash_duo, seeded):
    """The press of Opslaan after the session ended sent the browser to a sign-in page that
    said nothing: the typed change was gone without a word."""
    from conftest import _free_port

    users.add(seeded, "medewerker", PASSWORD, "editor", ["maasland"], actor="test")
    duo = dash_duo
    app = create_app(seeded)
    duo.start_server(app, navigate=False, port=_free_port())
    base = duo.server.url.rstrip("/")
    duo.driver.get(base + "/organisaties?org=pallion")
    _fill_sign_in(duo)
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    assert signin.EXPIRED not in duo.driver.page_source  # only when a session ended
    website = duo.find_element("#organisaties-website")
    website.clear()
    website.send_keys("https://verloren.example")
    app.server.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    time.sleep(2.2)  # the cookie's signature is dated in whole seconds
    duo.find_element("#organisaties-save").click()
    duo.wait_for_contains_text("body", signin.EXPIRED)
    assert "/login?verlopen" in duo.driver.current_url
    assert register.organisation(seeded, "pallion")["website"] != "https://verloren.example"
    app.server.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=1)
    # Signing in again leads back to the page the change was made on.
    _fill_sign_in(duo)
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    assert duo.driver.current_url == base + "/organisaties?org=pallion"


def test_the_sign_in_page_says_why_it_is_shown_and_returns_only_within_the_site(app, team):
    client = app.server.test_client()
    assert signin.EXPIRED not in html.unescape(client.get("/login").text)
    assert signin.EXPIRED not in html.unescape(client.get("/login?uit=1").text)
    page = client.get("/login?verlopen=1&next=/organisaties%3Forg%3Dpallion")
    assert signin.EXPIRED in html.unescape(page.text)
    assert 'action="/login?next=/organisaties%3Forg%3Dpallion"' in page.text
    for elsewhere in ("//evil.example/", "https://evil.example/", "evil"):
        page = client.get("/login", query_string={"verlopen": "1", "next": elsewhere})
        assert signin.EXPIRED in html.unescape(page.text)
        assert 'action="/login?next=/"' in page.text, elsewhere


def test_erasing_a_contact_person_asks_first_then_erases(app, clients, team):
    editor = clients["editor"]
    button = pattern("organisaties-remove-contact", person="demo-bart-claes")
    pressed = {
        "changed": f"{button}.n_clicks",
        '{"person":["ALL"],"type":"organisaties-remove-contact"}.n_clicks': [
            {"id": json.loads(button), "property": "n_clicks", "value": 1}
        ],
        "organisaties-selected.data": "pallion",
    }
    trigger = '{"person":["ALL"],"type":"organisaties-remove-contact"}.n_clicks'
    asked = post(app, editor, trigger, pressed)
    assert asked.status_code == 200
    response = asked.get_json()["response"]
    assert response["organisaties-remove-confirm"]["displayed"] is True
    assert "Bart Claes (demo) volledig wissen" in response["organisaties-remove-confirm"]["message"]
    assert response["organisaties-remove-pending"]["data"] == "demo-bart-claes"
    # Asking erased nothing; confirming does.
    contacts = lambda: [c["id"] for c in register.organisation(team, "pallion")["contacts"]]  # noqa: E731
    assert "demo-bart-claes" in contacts()
    confirmed = {
        "organisaties-remove-confirm.submit_n_clicks": 1,
        "organisaties-remove-pending.data": "demo-bart-claes",
        "organisaties-version.data": 0,
    }
    erased = post(app, editor, "organisaties-remove-confirm.submit_n_clicks", confirmed)
    assert erased.status_code == 200 and "verwijderd" in erased.text
    assert "demo-bart-claes" not in contacts()


def test_a_refused_zone_is_named_as_staff_know_it(seeded):
    editor = access.User("an", "editor", {"maasland"})
    reason = access.refusal(seeded, editor, "edit", zone="kempenland")
    name = {z["id"]: z["name"] for z in seeded.read("zones")}["kempenland"]
    assert reason == f"zone {name} is niet een van uw zones" and name != "kempenland"
