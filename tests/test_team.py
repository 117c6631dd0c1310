"""A zone's team at the same time, on the same things: two editors on one organisation, an
admin changing a user's role while that user saves, a list applied after the graph changed
under its preview.

Every interleaving is driven by the test itself (both pages read, then one writes, then the
other), never by timing: the signed-in dashboard is reached through its own sign-in form and
callbacks (tests/dashboard_client.py), as two browsers would post them.
"""

from __future__ import annotations

import base64
import json

import pytest
from conftest import UPDATE, callback_body
from dashboard_client import PASSWORD, sign_in
from test_import_spreadsheet import write_csv

from dashboard import signin
from dashboard.app import create_app
from graphmap import engagement, register, users
from graphmap.ingest.spreadsheet import OutdatedPreviewError, apply_import, plan_import

ZONE, CLUSTER, ORG = "maasland", "welzijn", "pallion"


@pytest.fixture(scope="module")
def app(session_store):
    return create_app(session_store)


@pytest.fixture
def team(seeded, app):
    for name in ("an", "bert"):
        users.add(seeded, name, PASSWORD, "editor", [ZONE], actor="test")
    users.add(seeded, "beheer", PASSWORD, "admin", [], actor="test")
    app.server.extensions["graphmap.throttle"].clear()
    return seeded


def post(app, client, trigger: str, values: dict, output: str = ""):
    return client.post(UPDATE, json=callback_body(app, trigger, values, output))


def answer(response) -> dict:
    assert response.status_code == 200, response.text
    return response.get_json()["response"]


def shown_statuses(app, client, organisation: str) -> dict:
    """What the Organisaties page keeps of the memberships it shows, as a browser gets it."""
    values = {"organisaties-selected.data": organisation, "organisaties-version.data": 0}
    got = post(app, client, "organisaties-selected.data", values, "organisaties-statuses.data")
    return answer(got)["organisaties-statuses"]["data"]


def save_status(app, client, status: str, statuses: dict | None):
    values = {
        "organisaties-status-save.n_clicks": 1,
        "organisaties-selected.data": ORG,
        "organisaties-status-zone.value": ZONE,
        "organisaties-status-cluster.value": CLUSTER,
        "organisaties-status.value": status,
        "organisaties-version.data": 1,
        "organisaties-statuses.data": statuses,
    }
    return post(app, client, "organisaties-status-save.n_clicks", values, "status-feedback")


def changes(store) -> list[tuple]:
    """ORG's changes in ZONE/CLUSTER, newest first, as (from, to, by)."""
    found = engagement.history(store, zone=ZONE, organisation=ORG)
    return [
        (c["from_status"], c["to_status"], c["by"])
        for c in found
        if c["cluster"] == CLUSTER and c["by"] != "seed"
    ]


# -- two editors, one membership -------------------------------------------------------------


def test_a_status_chosen_over_one_changed_since_is_refused_naming_who(seeded):
    engagement.set_status(seeded, ORG, ZONE, CLUSTER, "contacted", actor="eerst")
    # Both pages showed "contacted"; An saves first.
    engagement.set_status(seeded, ORG, ZONE, CLUSTER, "member", actor="an", shown="contacted")
    with pytest.raises(engagement.StaleStatusError) as refused:
        engagement.set_status(
            seeded, ORG, ZONE, CLUSTER, "missing", actor="bert", shown="contacted"
        )
    said = str(refused.value)
    assert "intussen gewijzigd door an" in said and "nu lid" in said, said
    assert "Welzijn (ELZ Maasland)" in said, said
    assert changes(seeded)[:2] == [("contacted", "member", "an"), (None, "contacted", "eerst")]
    # Chosen again over what the page now shows, it is recorded.
    engagement.set_status(seeded, ORG, ZONE, CLUSTER, "missing", actor="bert", shown="member")
    assert changes(seeded)[0] == ("member", "missing", "bert")


def test_a_membership_made_since_the_page_showed_none_is_no_blank_to_write_over(seeded):
    organisation = "vaph"
    held = register.organisation(seeded, organisation)["memberships"]
    assert (ZONE, "pzon") not in {(m["zone"], m["cluster"]) for m in held}
    engagement.set_status(seeded, organisation, ZONE, "pzon", "involved", actor="an", shown=None)
    with pytest.raises(engagement.StaleStatusError, match="door an"):
        engagement.set_status(
            seeded, organisation, ZONE, "pzon", "contacted", actor="bert", shown=None
        )


def test_two_editors_on_one_membership_the_second_is_told_and_shown_it_now(team, app):
    engagement.set_status(team, ORG, ZONE, CLUSTER, "contacted", actor="eerst")
    an, bert = sign_in(app, "an"), sign_in(app, "bert")
    seen_by_an, seen_by_bert = shown_statuses(app, an, ORG), shown_statuses(app, bert, ORG)
    assert seen_by_an[f"{ZONE}/{CLUSTER}"] == seen_by_bert[f"{ZONE}/{CLUSTER}"] == "contacted"

    first = answer(save_status(app, an, "member", seen_by_an))
    assert "Opgeslagen: lid" in json.dumps(first["organisaties-status-feedback"])
    second = answer(save_status(app, bert, "involved", seen_by_bert))
    said = json.dumps(second["organisaties-status-feedback"], ensure_ascii=False)
    assert "intussen gewijzigd door an" in said and "Niet opgeslagen" in said, said
    # The page shows the membership as it is now (a new version redraws the table) …
    assert second["organisaties-version"]["data"] == 2
    now = shown_statuses(app, bert, ORG)
    assert now[f"{ZONE}/{CLUSTER}"] == "member"
    # … and chosen over that, Bert's change is recorded after An's.
    third = answer(save_status(app, bert, "involved", now))
    assert "Opgeslagen: betrokken" in json.dumps(third["organisaties-status-feedback"])
    assert changes(team)[:3] == [
        ("member", "involved", "bert"),
        ("contacted", "member", "an"),
        (None, "contacted", "eerst"),
    ]
    # The status it already has, chosen again: nothing recorded, and the page says so.
    fourth = answer(save_status(app, an, "involved", shown_statuses(app, an, ORG)))
    said = json.dumps(fourth["organisaties-status-feedback"], ensure_ascii=False)
    assert "Ongewijzigd: al betrokken" in said and "Opgeslagen" not in said
    assert len(changes(team)) == 3


# -- a role changed while its user has a page open --------------------------------------------


@pytest.fixture
def kept_users(monkeypatch):
    """The sessions' users kept as long as the test runs: what a request within the few
    seconds after a change would find (dashboard.signin keeps them USER_CACHE_SECONDS)."""
    monkeypatch.setattr(signin, "USER_CACHE_SECONDS", 3600.0)


def moment(app, client, note: str):
    values = {
        "organisaties-moment-save.n_clicks": 1,
        "organisaties-moment-kind.value": "telefoon",
        "organisaties-moment-note.value": note,
        "organisaties-moment-zone.value": ZONE,
        "organisaties-moment-context.data": {"organisation": ORG},
    }
    return post(app, client, "organisaties-moment-save.n_clicks", values, "moment-feedback")


def notes(store) -> list[str]:
    return [m["note"] for m in store.read("moments_organisation", organisation=ORG)]


def test_a_role_taken_away_is_honoured_at_the_users_next_save(team, app, kept_users):
    bert = sign_in(app, "bert")
    assert post(app, bert, "url.pathname", {"url.pathname": "/organisaties"}).status_code == 200
    users.set_role(team, "bert", "viewer", [ZONE], actor="beheer")
    refused = moment(app, bert, "na de nieuwe rol")
    assert refused.status_code == 403, refused.text
    assert "na de nieuwe rol" not in notes(team)
    statuses = shown_statuses(app, bert, ORG)  # looking stays allowed
    assert save_status(app, bert, "member", statuses).status_code == 403
    # Another zone instead of his: his zone's organisation is no longer his to record about.
    users.set_role(team, "bert", "editor", ["kempenland"], actor="beheer")
    assert moment(app, bert, "andere zone").status_code == 403
    # Given back, the next save counts at once too.
    users.set_zones(team, "bert", [ZONE], actor="beheer")
    answer(moment(app, bert, "weer editor"))
    assert "weer editor" in notes(team) and "andere zone" not in notes(team)


def test_a_user_disabled_while_a_page_is_open_saves_nothing(team, app, kept_users):
    an = sign_in(app, "an")
    assert post(app, an, "url.pathname", {"url.pathname": "/organisaties"}).status_code == 200
    users.disable(team, "an", actor="beheer")
    refused = moment(app, an, "na uitschakelen")
    assert refused.status_code == 401 and "verlopen" in refused.get_json()["error"]
    assert "na uitschakelen" not in notes(team)


# -- a list applied after the graph changed under its preview ---------------------------------


def test_a_partner_list_applied_after_an_editor_changed_its_organisation_since_is_refused(
    seeded, tmp_path
):
    path = write_csv(
        tmp_path / "partners.csv",
        [
            ["Naam", "Website"],
            ["Pallion (palliatief netwerk Limburg)", "https://lijst.example.org"],
        ],
    )
    preview = plan_import(seeded, path, "organisations", zone=ZONE)
    assert [r.outcome for r in preview.rows] == ["updated"]
    # An editor saves Pallion's website meanwhile; the list still says what it said.
    org = register.organisation(seeded, ORG)
    fields = {k: org[k] for k in ("name", "category", "municipality", "kbo")}
    register.save_organisation(
        seeded, fields | {"website": "https://nieuw.example.org"}, ORG, version=org["version"]
    )
    again = plan_import(seeded, path, "organisations", zone=ZONE)
    with pytest.raises(OutdatedPreviewError, match=r"partners.csv: .* \(rij 2\)") as refused:
        apply_import(seeded, again, actor="bert", previewed=preview.marks)
    assert refused.value.rows == [2]
    assert register.organisation(seeded, ORG)["website"] == "https://nieuw.example.org"
    # Read again (the preview the page now shows), it applies.
    apply_import(seeded, again, actor="bert", previewed=again.marks)
    assert register.organisation(seeded, ORG)["website"] == "https://lijst.example.org"


def test_a_contact_list_previewed_before_its_person_was_erased_does_not_bring_them_back(
    seeded, tmp_path
):
    path = write_csv(
        tmp_path / "contacten.csv",
        [
            ["Naam", "E-mail", "Organisatie", "Functie"],
            ["Bart Claes (demo)", "bart.claes@example.org", "Pallion", "Coördinator"],
            ["Nieuwe Collega (demo)", "nieuw@example.org", "VAPH", ""],
        ],
    )
    preview = plan_import(seeded, path, "contacts")
    assert [r.outcome for r in preview.rows] == ["updated", "new"]
    register.remove_contact(seeded, "demo-bart-claes", actor="an")
    again = plan_import(seeded, path, "contacts")
    with pytest.raises(OutdatedPreviewError) as refused:
        apply_import(seeded, again, actor="bert", previewed=preview.marks)
    assert refused.value.rows == [2]  # the other row would do what the preview said
    assert seeded.read("persons_by_email", emails=["bart.claes@example.org"]) == []
    assert seeded.read("persons_by_email", emails=["nieuw@example.org"]) == []


def test_a_preview_the_graph_did_not_change_under_applies_whatever_was_chosen(seeded, tmp_path):
    """Marks are of the graph, not of the choices made after the preview: a likely duplicate
    made a new organisation is no change of the graph."""
    path = write_csv(
        tmp_path / "partners.csv",
        [["Naam", "Cluster"], ["Pallion", "welzijn"], ["Nieuwe Partner Maasland", "welzijn"]],
    )
    preview = plan_import(seeded, path, "organisations", zone=ZONE)
    assert preview.rows[0].similar, "Pallion is likely Pallion (palliatief netwerk Limburg)"
    chosen = plan_import(seeded, path, "organisations", zone=ZONE, choices={2: "new"})
    assert chosen.rows[0].organisation != preview.rows[0].organisation
    counts = apply_import(seeded, chosen, actor="bert", previewed=preview.marks)
    assert counts["new"] == 2


def _held(name: str, text: str) -> dict:
    """A file as the Importeren page holds it once chosen (see importeren.HOLD_JS)."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return {"contents": f"data:text/csv;base64,{encoded}", "filename": name, "at": 1}


def test_importeren_applies_only_what_its_user_read(team, app):
    """Bert previews a partner list, An edits an organisation it names, Bert applies: he is
    shown the list as it would apply now, and applies that once he has read it."""
    bert = sign_in(app, "bert")
    values = {
        "importeren-file.data": _held("partners.csv", "Naam;Website\nPallion;https://lijst.be\n"),
        "importeren-kind.value": "organisations",
        "importeren-zone.value": ZONE,
    }
    preview = answer(post(app, bert, "importeren-file.data", values, "importeren-grid"))
    assert preview["importeren-apply"]["disabled"] is False
    previewed = preview["importeren-previewed"]["data"]
    org = register.organisation(team, ORG)
    fields = {k: org[k] for k in ("name", "category", "municipality", "kbo")}
    register.save_organisation(
        team, fields | {"website": "https://an.example.org"}, ORG, version=org["version"]
    )
    apply = {**values, "importeren-apply.n_clicks": 1, "importeren-previewed.data": previewed}
    refused = answer(post(app, bert, "importeren-apply.n_clicks", apply, "importeren-grid"))
    said = json.dumps(refused["importeren-result"], ensure_ascii=False)
    assert "importeren-outdated" in said and "rij 2" in said, said
    assert register.organisation(team, ORG)["website"] == "https://an.example.org"
    assert refused["importeren-apply"]["disabled"] is False
    now = refused["importeren-previewed"]["data"]
    assert now != previewed
    applied = answer(
        post(app, bert, "importeren-apply.n_clicks", {**apply, "importeren-previewed.data": now},
             "importeren-grid")
    )  # fmt: skip
    assert "importeren-done" in json.dumps(applied["importeren-result"])
    assert register.organisation(team, ORG)["website"] == "https://lijst.be"


def test_an_applied_list_says_what_it_wrote_and_what_it_left(team, app):
    """Before: applying said only "Geïmporteerd in één transactie." beside counts worded as
    the preview's, and left the likely duplicates' choices to click: whether the refused rows
    were written too, and what to do about them, was for the user to guess (qa15)."""
    bert = sign_in(app, "bert")
    text = "Naam;Cluster;E-mail\nPallion;welzijn;\nHuis Nieuwland;welzijn;\nFout;welzijn;x@@y\n"
    values = {
        "importeren-file.data": _held("partners.csv", text),
        "importeren-kind.value": "organisations",
        "importeren-zone.value": ZONE,
    }
    preview = answer(post(app, bert, "importeren-file.data", values, "importeren-grid"))
    assert "kies per rij" in json.dumps(preview["importeren-choices"])
    apply = {
        **values,
        "importeren-apply.n_clicks": 1,
        "importeren-previewed.data": preview["importeren-previewed"]["data"],
        "changed": "importeren-apply.n_clicks",
    }
    done = answer(post(app, bert, "importeren-apply.n_clicks", apply, "importeren-grid"))
    said = json.dumps(done["importeren-result"], ensure_ascii=False)
    assert "Geïmporteerd in één transactie: 1 nieuw, 1 bijgewerkt, 0 ongewijzigd." in said
    assert "Niet geïmporteerd: 1 rij (zie 'geweigerd'" in said and "kies het opnieuw" in said
    choices = json.dumps(done["importeren-choices"], ensure_ascii=False)
    assert "zo toegepast" in choices and '"disabled": true' in choices


def test_a_plan_applied_on_importeren_is_recorded_as_its_user(team, app):
    """Before: the page applied a plan without saying who, and the audit filed the new zone,
    its plan and every organisation it made under the server's operating-system user
    (`cli:root`), not under the admin or editor who applied it (qa15 noticed)."""
    from graphmap import audit

    plan = (
        "ELZ Proefdal\n\nELZ Proefdal bestaat uit Halen en Lummen.\n\n"
        "Strategische doelstelling 1: Samen\nOperationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg met de apothekers\nTrekker: Apothekersvereniging Proefdal\n"
    )
    held = _held("plan.txt", plan)
    beheer = sign_in(app, "beheer")
    read = {"importeren-plan-file.data": held, "importeren-plan-zone.value": "__nieuw__"}
    shown = answer(post(app, beheer, "importeren-plan-file.data", read, "importeren-plan-preview"))
    apply = {
        "importeren-plan-apply.n_clicks": 1,
        "importeren-plan-previewed.data": shown["importeren-plan-previewed"]["data"],
        "importeren-plan-file.data": held,
        "importeren-plan-zone-id.value": "proefdal",
    }
    done = answer(
        post(app, beheer, "importeren-plan-apply.n_clicks", apply, "importeren-plan-result")
    )
    assert "importeren-plan-done" in json.dumps(done["importeren-plan-result"])
    written = audit.entries(team, zone="proefdal")
    assert {e["action"] for e in written} >= {"plan.import", "zone.create", "organisation.create"}
    assert {e["by"] for e in written} == {"beheer"}


# -- a backup restored over a team ---------------------------------------------------------------


def test_a_restore_keeps_the_users_as_they_are_now_and_their_sessions(team, app, tmp_path):
    """Before: `graphmap restore --replace` of an older backup brought the users back as they
    were that day: a user disabled since was enabled again and his old session cookie worked;
    a reset password, a role taken away, a user added since: all undone."""
    from graphmap import audit, backup

    older = tmp_path / "ouder.jsonl"
    backup.write(team, older)
    bert = sign_in(app, "bert")
    users.disable(team, "an", actor="beheer")
    users.set_role(team, "bert", "viewer", [ZONE], actor="beheer")
    users.add(team, "carla", PASSWORD, "editor", [ZONE], actor="beheer")
    now = {u["name"]: (u["role"], u["disabled"]) for u in users.list_users(team)}

    counts = register.restore(team, older.read_text().splitlines(), replace=True, actor="beheer")

    assert counts["users"] == 4
    assert {u["name"]: (u["role"], u["disabled"]) for u in users.list_users(team)} == now
    assert users.authenticate(team, "an", PASSWORD) is None  # still disabled
    assert users.authenticate(team, "carla", PASSWORD) is not None
    # Bert's session of before the restore is his session now: as a viewer.
    assert post(app, bert, "url.pathname", {"url.pathname": "/organisaties"}).status_code == 200
    assert moment(app, bert, "na de restore").status_code == 403
    # What was done to the users stays in the audit, and the restore is in it too.
    actions = [e["action"] for e in audit.entries(team, action="user")]
    assert actions.count("user.add") == 4 and "user.disable" in actions
    [restored] = audit.entries(team, action="restore")
    assert restored["by"] == "beheer" and restored["key"] == "backup"


def test_a_restore_into_a_store_without_users_takes_the_backups(team, tmp_path):
    """On a new machine somebody must sign in: the file's users come with it."""
    from graphmap import backup

    path = tmp_path / "team.jsonl"
    backup.write(team, path)
    team.reset()
    assert users.list_users(team) == []
    counts = register.restore(team, path.read_text().splitlines(), actor="beheer")
    assert counts["users"] == 0
    assert {u["name"] for u in users.list_users(team)} == {"an", "bert", "beheer"}
    assert users.authenticate(team, "an", PASSWORD) is not None


# -- two editors, one organisation's role in an action ---------------------------------------


def shown_actions(app, client, organisation: str) -> list[dict]:
    """The rows of the Organisaties page's grid of the organisation's actions."""
    values = {"organisaties-selected.data": organisation, "organisaties-version.data": 0}
    got = post(app, client, "organisaties-selected.data", values, "organisaties-actions-grid")
    return answer(got)["organisaties-actions-grid"]["rowData"]


def link(app, client, action: str, role: str, rows: list[dict]):
    values = {
        "organisaties-link.n_clicks": 1,
        "organisaties-selected.data": ORG,
        "organisaties-action.value": action,
        "organisaties-role.value": role,
        "organisaties-version.data": 1,
        "organisaties-actions-grid.rowData": rows,
    }
    got = post(app, client, "organisaties-link.n_clicks", values, "organisaties-action-feedback")
    return str(answer(got)["organisaties-action-feedback"]["children"])


def unlink(app, client, action: str, rows: list[dict]):
    values = {
        "organisaties-actions-grid.cellRendererData": {"colId": "unlink", "value": action},
        "organisaties-selected.data": ORG,
        "organisaties-version.data": 1,
        "organisaties-actions-grid.rowData": rows,
    }
    trigger = "organisaties-actions-grid.cellRendererData"
    got = post(app, client, trigger, values, "organisaties-action-feedback")
    return str(answer(got)["organisaties-action-feedback"]["children"])


def test_a_role_in_an_action_changed_since_the_page_showed_it_is_not_undone_silently(team, app):
    """qa19: An made Pallion the trekker of an action while Bert's page still showed it as
    no partner of it; Bert linked it as partner, and the link took the trekker away from
    An's change without a word (the last to save won). Now Bert is told who changed it and
    what it is now; his own choice, when it is what the graph already holds, is no change."""
    an, bert = sign_in(app, "an"), sign_in(app, "bert")
    roles_now = {r["id"]: r["role"] for r in shown_actions(app, an, ORG)}
    action = next(a["id"] for a in team.read("actions", zone=ZONE) if a["id"] not in roles_now)
    seen_by_bert = shown_actions(app, bert, ORG)
    assert "Gekoppeld als trekker" in link(app, an, action, "lead", shown_actions(app, an, ORG))
    told = link(app, bert, action, "partner", seen_by_bert)
    assert "intussen gewijzigd door an" in told and "trekker" in told, told
    assert {r["id"]: r["role"] for r in shown_actions(app, bert, ORG)}[action] == "trekker"
    # Chosen again over what he now sees: his change is made.
    assert "Gekoppeld als partner" in link(
        app, bert, action, "partner", shown_actions(app, bert, ORG)
    )
    assert {r["id"]: r["role"] for r in shown_actions(app, an, ORG)}[action] == "partner"
    # An, whose page shows it a partner, takes it off after Bert made it the trekker again:
    # told, nothing undone.
    seen_by_an = shown_actions(app, an, ORG)
    assert "Gekoppeld als trekker" in link(app, bert, action, "lead", shown_actions(app, bert, ORG))
    told = unlink(app, an, action, seen_by_an)
    assert "intussen gewijzigd door bert" in told and "Niet ontkoppeld" in told, told
    assert {r["id"]: r["role"] for r in shown_actions(app, an, ORG)}[action] == "trekker"
    assert "Ontkoppeld" in unlink(app, an, action, shown_actions(app, an, ORG))
    assert action not in {r["id"] for r in shown_actions(app, an, ORG)}
