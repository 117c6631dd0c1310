"""The signed-in dashboard in a real browser as each role uses it: a viewer, an editor of
Maasland looking at its own and at other zones' organisations. Nothing a user merely opens
is refused; what they may not do is disabled, with why; what they may do works."""

from __future__ import annotations

import pytest
from conftest import _free_port, screenshot, wait_until
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app
from graphmap import engagement, followup, register, users

PASSWORD = "een lang genoeg wachtwoord"


@pytest.fixture
def signed_in(dash_duo, seeded):
    """Sign in as a new user (name, role, zones) on the signed-in dashboard and open a path."""
    started = []

    def sign_in(name: str, role: str, zones: list[str], path: str):
        users.add(seeded, name, PASSWORD, role, zones, actor="test")
        if not started:
            dash_duo.start_server(create_app(seeded), navigate=False, port=_free_port())
            started.append(True)
        dash_duo.driver.get(dash_duo.server.url.rstrip("/") + path)
        dash_duo.wait_for_element("#username").send_keys(name)
        dash_duo.find_element("#password").send_keys(PASSWORD)
        dash_duo.find_element("button[type=submit]").click()
        dash_duo.wait_for_contains_text("#session-user", name)
        return dash_duo

    return sign_in


def _tab(duo, label: str) -> None:
    [tab] = [t for t in duo.find_elements("#organisaties-tabs .nav-link") if t.text == label]
    tab.click()


def _click(duo, selector: str) -> None:
    # What a click does (selenium finds a button low on the long page "obscured").
    element = duo.find_element(selector)
    duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element
    )


def _disabled(duo, selector: str) -> bool:
    return duo.find_element(selector).get_attribute("disabled") is not None


def _no_gate_message(duo) -> bool:
    found = duo.find_elements("#gate-message")
    return not found or not found[0].is_displayed()


def test_a_viewer_opens_everything_is_refused_nothing_and_may_press_nothing(signed_in, seeded):
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="medewerker")
    followup.record_moment(
        seeded,
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
    duo = signed_in("kijker", "viewer", ["maasland"], "/organisaties?org=pallion")
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    _tab(duo, "Acties")
    duo.wait_for_contains_text("#organisaties-actions-grid", "Ontkoppel")
    for button in ("#organisaties-new", "#organisaties-save", "#organisaties-status-save"):
        assert _disabled(duo, button), button
    for field in ("name", "category", "municipality", "kbo", "website"):  # they look fixed
        assert _disabled(duo, f"#organisaties-{field}"), field
    duo.wait_for_contains_text("#organisaties-save-reason", "Als kijker wijzigt u niets")
    assert all(
        b.get_attribute("disabled") is not None
        for b in duo.find_elements("#organisaties-actions-grid div[col-id='id'] button")
    )
    _tab(duo, "Opvolging")
    duo.wait_for_contains_text("#organisaties-moment-history-list", "Welzijn: nieuw → lid")
    history = duo.find_element("#organisaties-moment-history-list").text
    assert "contactmoment (telefoon)" in history
    for personal in ("Bart Claes", "Belt terug", "Uitnodiging sturen"):
        assert personal not in history
    assert "medewerker" not in history
    assert _disabled(duo, "#organisaties-moment-save")
    duo.wait_for_contains_text("#organisaties-moment-reason", "kijker")
    screenshot(duo, "rollen-kijker-organisatie")
    assert _no_gate_message(duo)

    duo.driver.get(duo.server.url.rstrip("/") + "/opvolging?zone=maasland")
    duo.wait_for_contains_text("#opvolging-count", "1 open")
    done = duo.wait_for_element("#opvolging-steps div[col-id='id'] button")
    assert done.get_attribute("disabled") is not None
    assert done.get_attribute("title") == "Als kijker rondt u geen stappen af."

    duo.driver.get(duo.server.url.rstrip("/") + "/hiaten?zone=maasland")
    duo.wait_for_contains_text("#hiaten-count", "hiaten")
    assert _disabled(duo, "#hiaten-save")
    duo.wait_for_contains_text("#hiaten-save-reason", "Als kijker legt u geen betrokkenheid vast")

    duo.driver.get(duo.server.url.rstrip("/") + "/acties?zone=maasland")
    duo.wait_for_contains_text("#acties-refused", "Contactlijsten downloaden mag u niet")
    duo.find_element("#acties-search").send_keys("1.2\n")
    duo.wait_for_element("#acties-card-maasland-1-2-a")
    exports = duo.find_elements("#acties-card-maasland-1-2-a .acties-contacts button")
    assert exports and all(b.get_attribute("disabled") is not None for b in exports)
    assert _no_gate_message(duo)
    assert duo.get_logs() == []  # no refused request: the console logs each 403


@pytest.mark.parametrize("organisation", ["cell", "kemp-en-duin-gbo"])
def test_an_editor_opens_another_zones_organisation_and_records_in_their_own(
    signed_in, seeded, organisation
):
    duo = signed_in("medewerker", "editor", ["maasland"], f"/organisaties?org={organisation}")
    _tab(duo, "Acties")
    duo.wait_for_contains_text("#organisaties-actions-grid", "Ontkoppel")
    _tab(duo, "Clusters")
    assert _disabled(duo, "#organisaties-save")
    name = register.organisation(seeded, organisation)["name"]
    duo.wait_for_contains_text("#organisaties-save-reason", f"{name} hoort niet bij uw zones")
    # Its fields look as fixed as they are (the save would be refused).
    for field in ("name", "category", "municipality", "kbo", "website"):
        assert _disabled(duo, f"#organisaties-{field}"), field
    # The engagement form starts on the editor's own zone: theirs to record in.
    assert duo.find_element("#organisaties-status-zone").get_attribute("value") == "maasland"
    assert not _disabled(duo, "#organisaties-status-save")
    Select(duo.find_element("#organisaties-status-zone")).select_by_value("kemp-en-duin")
    wait_until(lambda: _disabled(duo, "#organisaties-status-save"))
    duo.wait_for_contains_text("#organisaties-status-reason", "ELZ Kemp en Duin")  # by name

    # A contact moment in Maasland with no contact person chosen.
    _tab(duo, "Opvolging")
    wait_until(
        lambda: duo.find_element("#organisaties-moment-zone").get_attribute("value") == "maasland"
    )
    duo.find_element("#organisaties-moment-note").send_keys("Kennismaking")
    _click(duo, "#organisaties-moment-save")
    duo.wait_for_contains_text("#organisaties-moment-feedback", "opgeslagen")
    duo.wait_for_contains_text("#organisaties-moment-history-list", "Kennismaking")
    assert _no_gate_message(duo)
    assert duo.get_logs() == []


def test_an_editors_edits_show_at_once_and_a_refusal_in_the_form(signed_in, seeded):
    duo = signed_in("medewerker", "editor", ["maasland"], "/organisaties?org=pallion")
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    assert not _disabled(duo, "#organisaties-save")
    assert not _disabled(duo, "#organisaties-name")
    # Pallion is a Maasland partner: the form starts there, on its own cluster.
    assert duo.find_element("#organisaties-status-zone").get_attribute("value") == "maasland"
    assert duo.find_element("#organisaties-status-cluster").get_attribute("value") == "welzijn"
    _click(duo, "#organisaties-status-save")
    duo.wait_for_contains_text("#organisaties-status-feedback", "Opgeslagen")

    _tab(duo, "Contactpersonen")
    duo.find_element("#organisaties-contact-name").send_keys("Ann Nieuw (demo)")
    duo.find_element("#organisaties-contact-email").send_keys("ann.nieuw@example.org")
    _click(duo, "#organisaties-contact-add")
    duo.wait_for_contains_text("#organisaties-contacts", "ann.nieuw@example.org")
    # The Opvolging tab knows both at once, without loading the page again.
    _tab(duo, "Opvolging")
    history = "#organisaties-moment-history-list"
    duo.wait_for_contains_text(history, "Welzijn: nieuw → gecontacteerd")
    wait_until(
        lambda: (
            "Ann Nieuw (demo)"
            in [o.text for o in duo.find_elements("#organisaties-moment-person option")]
        )
    )

    # A button the page disabled, pressed all the same (as a stale page could): the gate
    # refuses, and the form itself says so.
    _tab(duo, "Clusters")
    Select(duo.find_element("#organisaties-status-zone")).select_by_value("kempenland")
    wait_until(lambda: _disabled(duo, "#organisaties-status-save"))
    duo.driver.execute_script(
        "window.dash_clientside.set_props('organisaties-status-save', {disabled: false});"
    )
    wait_until(lambda: not _disabled(duo, "#organisaties-status-save"))
    _click(duo, "#organisaties-status-save")
    duo.wait_for_contains_text("#organisaties-status-feedback", "Dat mag u niet")
    screenshot(duo, "rollen-weigering-in-formulier")
    assert [m["zone"] for m in register.organisation(seeded, "pallion")["memberships"]] == [
        "maasland"
    ]
    # The one refused request, logged by the browser (and by Dash's renderer), no other.
    logs = duo.get_logs()
    assert sum("status of 403" in e["message"] for e in logs) == 1
    assert all("403" in e["message"] or "dash_renderer" in e["message"] for e in logs)

    # Other pages start on the editor's own zone.
    duo.driver.get(duo.server.url.rstrip("/") + "/acties")
    wait_until(lambda: duo.find_element("#acties-zone").get_attribute("value") == "maasland")
    duo.wait_for_contains_text("#acties-plan", "Maasland")
    assert duo.find_element("#acties-refused").text == ""
    duo.driver.get(duo.server.url.rstrip("/") + "/importeren")
    wait_until(lambda: duo.find_element("#importeren-zone").get_attribute("value") == "maasland")
    options = duo.find_elements("#importeren-zone option")
    assert [o.get_attribute("value") for o in options if o.get_attribute("value")] == ["maasland"]


def test_the_pages_open_on_the_editors_own_zone(signed_in):
    # The first zone of the list (Kemp en Duin) is not hers: Maasland is what she works on.
    duo = signed_in("medewerker", "editor", ["maasland"], "/")
    wait_until(lambda: "Maasland" in duo.find_element("#netwerk-zone").text)
    assert "Kemp en Duin" not in duo.find_element("#netwerk-zone").text
    # So do the pages that can show every zone: hers is where she starts, all a choice away.
    for page in ("hiaten", "opvolging", "organisaties"):
        duo.driver.get(duo.server.url.rstrip("/") + f"/{page}")
        wait_until(
            lambda p=page: duo.find_element(f"#{p}-zone").get_attribute("value") == "maasland"
        )


def test_a_viewer_typing_a_page_it_may_not_see_reads_why_without_an_error(signed_in):
    duo = signed_in("kijker", "viewer", ["maasland"], "/logboek")
    duo.wait_for_contains_text("#page-refused", "Dat mag u niet")
    duo.driver.get(duo.server.url.rstrip("/") + "/importeren")
    duo.wait_for_contains_text("#page-refused", "Dat mag u niet")
    assert not duo.find_elements("#logboek-grid") and not duo.find_elements("#importeren-zone")
    assert [e["message"] for e in duo.get_logs() if "403" in e["message"]] == []
