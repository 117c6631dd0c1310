"""A zone's team at the same time, on the same things: two editors on one organisation, an
admin changing a user's role while that user saves, a list applied after the graph changed
under its preview.

Every interleaving is driven by the test itself (both pages read, then one writes, then the
other), never by timing: the signed-in dashboard is reached through its own sign-in form and
callbacks (tests/dashboard_client.py), as two browsers would post them.
"""

from __future__ import annotations

import json

import pytest
from conftest import UPDATE, callback_body
from dashboard_client import PASSWORD, sign_in

from dashboard import signin
from dashboard.app import create_app
from graphmap import engagement, register, users

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
