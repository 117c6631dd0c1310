"""Flows staff use on a shared server of many zones read from their own zone outwards, or
read Flanders once: checked by what they ask of the database (query names, rows), never by
a timing."""

from __future__ import annotations

import re

from conftest import UPDATE, callback_body

from dashboard.app import create_app
from graphmap import users

PASSWORD = "een lang genoeg wachtwoord"


def _signed_in(app, name: str):
    client = app.server.test_client()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = client.post(
        "/login", data={"username": name, "password": PASSWORD, "csrf_token": token}
    )
    assert answer.status_code == 302, answer.text
    return client


def test_an_editors_action_choices_are_read_from_their_own_zones(seeded):
    """Organisaties' tab 'Acties' offers an editor the actions of their own zones: read from
    those zones outwards, not as every action of Flanders filtered afterwards (3,000 actions
    at 60 zones for an editor's 50)."""
    users.add(seeded, "medewerker", PASSWORD, "editor", ["maasland"], actor="test")
    app = create_app(seeded)
    client = _signed_in(app, "medewerker")
    body = callback_body(
        app, "organisaties-tabs.active_tab", {"organisaties-tabs.active_tab": "actions"}
    )
    with seeded.traced() as trace:
        answer = client.post(UPDATE, json=body)
    assert answer.status_code == 200, answer.text
    options = answer.get_json()["response"]["organisaties-action"]["options"]
    maasland = [row["id"] for row in seeded.read("actions", zone="maasland")]
    assert sorted(o["value"] for o in options) == sorted(maasland)
    assert all(o["label"].startswith("ELZ Maasland · ") for o in options), options[:2]
    read = {name for name, _ in trace}
    assert "zone_action_choices" in read and "actions" not in read, read
