"""Organisaties in a real browser: add with a wrong KBO, fix it, find it in the graph; edit
an organisation's clusters, contacts and actions."""

from __future__ import annotations

import itertools
import json
import time

from conftest import screenshot, wait_until
from dashboard_client import components
from selenium.webdriver.support.select import Select

from graphmap import register
from graphmap.analysis import directory

NEW_ROW = 'div.ag-center-cols-container div.ag-row[row-id="huisartsenkring-de-brug"]'


def _type(duo, selector: str, text: str) -> None:
    element = duo.find_element(selector)
    duo.clear_input(element)
    element.send_keys(text)


def _click(duo, selector: str) -> None:
    # What a click does (as test_page_roles: selenium finds a button at the window's edge,
    # below the long form, "not clickable" while the page scrolls smoothly to it).
    element = duo.find_element(selector)
    duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element
    )


def _tab(duo, label: str) -> None:
    [tab] = [t for t in duo.find_elements("#organisaties-tabs .nav-link") if t.text == label]
    tab.click()


def test_add_an_organisation_with_a_wrong_then_a_right_kbo_number(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/organisaties")
    duo.wait_for_contains_text("#organisaties-count", "organisaties in het register")
    duo.find_element("#organisaties-new").click()
    _type(duo, "#organisaties-name", "Huisartsenkring De Brug")
    Select(duo.find_element("#organisaties-category")).select_by_value("huisartsenkring")
    _type(duo, "#organisaties-municipality", "Borgloon")
    _type(duo, "#organisaties-kbo", "0123.456.789")
    duo.find_element("#organisaties-save").click()

    duo.wait_for_contains_text("#organisaties-kbo-error", "controlegetal klopt niet")
    assert "is-invalid" in duo.find_element("#organisaties-kbo").get_attribute("class")
    assert "is-invalid" not in duo.find_element("#organisaties-name").get_attribute("class")
    assert register.organisation(seeded, "huisartsenkring-de-brug") is None
    screenshot(duo, "organisaties-fout")

    _type(duo, "#organisaties-kbo", "0403.170.701")
    duo.find_element("#organisaties-save").click()
    duo.wait_for_contains_text("#organisaties-feedback", "Huisartsenkring De Brug is toegevoegd")
    saved = register.organisation(seeded, "huisartsenkring-de-brug")
    assert saved["kbo"] == "0403170701"
    assert saved["municipality"] == "Tongeren-Borgloon"  # Borgloon merged on 1 January 2025
    assert saved["category"] == "huisartsenkring"
    # The form now shows what the graph holds.
    duo.wait_for_element(NEW_ROW)
    assert duo.find_element("#organisaties-municipality").get_attribute("value") == (
        "Tongeren-Borgloon"
    )
    _type(duo, "#organisaties-search", "0403.170")  # the search box finds a KBO number
    wait_until(lambda: len(duo.find_elements("div.ag-center-cols-container div.ag-row")) == 1)
    assert "Huisartsenkring De Brug" in duo.find_element(NEW_ROW).text
    assert "is-invalid" not in duo.find_element("#organisaties-kbo").get_attribute("class")
    duo.wait_for_text_to_equal("#organisaties-title", "Huisartsenkring De Brug")
    screenshot(duo, "organisaties")
    assert duo.get_logs() == []


def test_search_then_edit_clusters_contacts_and_actions(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/organisaties")
    duo.wait_for_contains_text("#organisaties-count", "organisaties in het register")
    with seeded.traced() as trace:
        search = duo.find_element("#organisaties-search")
        typed = []
        for letter in "pallion":  # as a person types: a letter every tenth of a second
            search.send_keys(letter)
            typed.append(time.monotonic())
            time.sleep(0.1)
        wait_until(lambda: len(duo.find_elements("div.ag-center-cols-container div.ag-row")) == 1)
        wait_until(lambda: duo.find_elements('div.ag-row[row-id="pallion"]'))
    # A word typed is searched when typing pauses (300 ms), not once per letter (6 or 7
    # searches): one search, a second for a keystroke held up, and one more for each pause a
    # busy machine made between two keystrokes (the browser's round trip is part of each).
    pauses = sum(later - earlier >= 0.25 for earlier, later in itertools.pairwise(typed))
    searches = [name for name, _ in trace].count("register_search")
    assert searches <= 2 + pauses, ([n for n, _ in trace], pauses)
    duo.find_element('div.ag-row[row-id="pallion"] div[col-id="name"]').click()
    duo.wait_for_contains_text("#organisaties-title", "Pallion")

    # Clusters: Pallion becomes a member of cluster welzijn in Maasland (its OD 1.2 target).
    Select(duo.find_element("#organisaties-status-zone")).select_by_value("maasland")
    Select(duo.find_element("#organisaties-status-cluster")).select_by_value("welzijn")
    Select(duo.find_element("#organisaties-status")).select_by_value("member")
    duo.find_element("#organisaties-status-save").click()
    duo.wait_for_contains_text("#organisaties-memberships", "lid")
    memberships = register.organisation(seeded, "pallion")["memberships"]
    [membership] = memberships
    assert (membership["zone"], membership["cluster"], membership["status"]) == (
        "maasland",
        "welzijn",
        "member",
    )

    # Contacts: a wrong e-mail address is named next to the field; then a right one.
    _tab(duo, "Contactpersonen")
    _type(duo, "#organisaties-contact-name", "Ann Demo")
    _type(duo, "#organisaties-contact-email", "ann@")
    _click(duo, "#organisaties-contact-add")
    duo.wait_for_contains_text("#organisaties-contact-email-error", "geen geldig e-mailadres")
    _type(duo, "#organisaties-contact-email", "ann.demo@example.org")
    _type(duo, "#organisaties-contact-phone", "089 12 34 56")
    _click(duo, "#organisaties-contact-add")
    duo.wait_for_contains_text("#organisaties-contacts", "ann.demo@example.org")
    [contact] = [
        c for c in register.organisation(seeded, "pallion")["contacts"] if c["name"] == "Ann Demo"
    ]
    assert (contact["email"], contact["phone"]) == ("ann.demo@example.org", "+3289123456")
    screenshot(duo, "organisaties-contacten")

    # Actions: Pallion as partner of a Maasland action.
    _tab(duo, "Acties")
    before = {a["action"] for a in register.organisation(seeded, "pallion")["actions"]}
    action = next(a for a in seeded.read("actions", zone="maasland") if a["id"] not in before)
    duo.find_element("#organisaties-action").click()
    duo.find_element(".dash-dropdown-search").send_keys(action["title"][:30])
    wait_until(lambda: len(duo.find_elements(".dash-dropdown-option")) == 1)
    duo.find_element(".dash-dropdown-option").click()
    duo.find_element("#organisaties-link").click()
    duo.wait_for_contains_text("#organisaties-action-feedback", "Gekoppeld als partner")
    linked = {a["action"]: a["role"] for a in register.organisation(seeded, "pallion")["actions"]}
    assert linked[action["id"]] == "PARTNER_IN"
    assert duo.get_logs() == []


def test_the_register_of_one_zone(dashboard, seeded):
    duo = dashboard
    expected = directory.page(seeded, "", 0, 100, zone="kempenland")
    duo.driver.get(duo.server_url + "/organisaties?zone=kempenland")
    duo.wait_for_contains_text(
        "#organisaties-count", f"{expected.total} organisaties van zone ELZ Kempenland"
    )
    rows = "div.ag-center-cols-container div.ag-row"
    wait_until(lambda: len(duo.find_elements(rows)) == min(expected.total, 100))
    shown = [r.get_attribute("row-id") for r in duo.find_elements(rows)]
    assert sorted(shown) == sorted(o["id"] for o in expected.rows)
    # Back to all of Flanders: the whole register.
    Select(duo.find_element("#organisaties-zone")).select_by_value("__all__")
    whole = directory.page(seeded, "", 0, 1).total
    duo.wait_for_contains_text("#organisaties-count", f"{whole} organisaties in het register")
    assert whole > expected.total
    assert duo.get_logs() == []


def test_the_register_opens_reading_its_first_block_once(dashboard, seeded):
    # The grid asks for its first block twice as it opens; each read every organisation's
    # name (all of Flanders: 0.1–0.4 s at 68,000 organisations). The second is the first's.
    duo = dashboard
    whole = directory.page(seeded, "", 0, 1).total
    with seeded.traced() as trace:
        duo.driver.get(duo.server_url + "/organisaties")
        duo.wait_for_contains_text("#organisaties-count", f"{whole} organisaties in het register")
        rows = "div.ag-center-cols-container div.ag-row"
        wait_until(lambda: len(duo.find_elements(rows)) > 0)  # as many as the grid's height holds
        wait_until(lambda: duo.driver.execute_script(PENDING) == 0)
    assert [name for name, _ in trace].count("register_names") == 1
    assert duo.get_logs() == []


# Callbacks the page's renderer still waits for.
PENDING = """
const pending = Object.assign({}, window.store.getState().callbacks);
delete pending.stored; delete pending.completed;
return [].concat(...Object.values(pending)).length;
"""


def test_a_link_to_an_unknown_organisation_says_so_and_offers_alike_names(seeded):
    """Not an empty "Nieuwe organisatie" form without a word."""
    import json

    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    values = {"url.pathname": "/organisaties", "url.search": "?org=pallion-genk"}
    answer = post_callback(app, "url.pathname", values, "page")
    page = json.dumps(answer["response"]["page"]["children"])
    assert "Organisatie 'pallion-genk' niet gevonden" in page
    assert "bedoelt u" in page and "/organisaties?org=pallion" in page

    values["url.search"] = "?org=palion"  # a typo: no word of it is in a name
    answer = post_callback(app, "url.pathname", values, "page")
    page = json.dumps(answer["response"]["page"]["children"])
    assert "bedoelt u" in page and "/organisaties?org=pallion" in page

    values["url.search"] = "?org=zzzz"  # nothing alike: said alone
    answer = post_callback(app, "url.pathname", values, "page")
    page = json.dumps(answer["response"]["page"]["children"])
    assert "Organisatie 'zzzz' niet gevonden." in page and "bedoelt" not in page

    values["url.search"] = "?org=pallion"  # a known one: no such word
    answer = post_callback(app, "url.pathname", values, "page")
    assert "niet gevonden" not in json.dumps(answer["response"]["page"]["children"])


def test_the_messages_beside_the_fields_are_sentences(seeded):
    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    values = {
        "organisaties-save.n_clicks": 1,
        "organisaties-name.value": "Test Thuiszorg",
        "organisaties-category.value": "",
        "organisaties-municipality.value": "Atlantis",
    }
    answer = post_callback(app, "organisaties-save.n_clicks", values, "organisaties-feedback")
    said = answer["response"]
    assert said["organisaties-category-error"]["children"].startswith("Kies een categorie")
    assert said["organisaties-municipality-error"]["children"].startswith("Onbekende gemeente")
    assert register.organisation(seeded, "test-thuiszorg") is None


def test_on_a_laptop_the_search_box_shows_what_it_asks_and_one_empty_category(dashboard):
    duo = dashboard
    duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1366, "height": 625, "deviceScaleFactor": 1, "mobile": False},
    )
    duo.driver.get(duo.server_url + "/organisaties?zone=maasland")
    duo.wait_for_contains_text("#organisaties-count", "organisaties van zone")
    room, needed = duo.driver.execute_script(
        "const e = document.getElementById('organisaties-search');"
        "const c = document.createElement('canvas').getContext('2d');"
        "c.font = getComputedStyle(e).font;"
        "const pad = parseFloat(getComputedStyle(e).paddingLeft) * 2;"
        "return [e.clientWidth - pad, c.measureText(e.placeholder).width];"
    )
    assert needed <= room, (needed, room)
    empty = [
        o
        for o in duo.find_elements("#organisaties-category option")
        if not o.get_attribute("value")
    ]
    assert len(empty) == 1 and empty[0].text == "Kies een categorie"
    screenshot(duo, "organisaties-laptop")


def test_the_actions_of_an_organisation_name_their_zone_as_staff_know_it(seeded):
    from dashboard.pages.organisaties import action_rows
    from graphmap import access

    org = register.organisation(seeded, "pallion")
    editor = access.User("an", "editor", {"kemp-en-duin"})
    rows = [r for r in action_rows(org, editor) if r["id"].startswith("maasland/")]
    assert rows and all(r["zone"] == "ELZ Maasland" for r in rows)
    assert all("actie van zone ELZ Maasland, niet van de uwe" in r["refused"] for r in rows)


def test_an_organisation_of_many_zones_is_drawn_with_as_many_components_as_one_of_few(seeded):
    """An organisation of Flanders (CM: 120 memberships in 60 zones, hundreds of changes)
    made the page a table of 120 rows and a list of every change: seconds in the browser.
    Its memberships are a grid (which draws the rows in view), its history the newest."""
    import dash_ag_grid as dag
    from dash import html

    from dashboard import followup
    from dashboard.app import create_app
    from dashboard.pages import organisaties
    from graphmap import engagement

    zones = ("maasland", "kemp-en-duin", "noord-limburg", "kempenland")
    for zone in zones:
        for cluster in ("zorg", "welzijn", "pzon", "lokale_besturen"):
            for status in ("contacted", "involved", "member", "involved", "member"):
                engagement.set_status(seeded, "pallion", zone, cluster, status, actor="test:staff")
    org = register.organisation(seeded, "pallion")
    assert len(org["memberships"]) == 16 > organisaties.MEMBERSHIP_ROWS

    app = create_app(seeded, demo=True)
    with app.server.test_request_context(organisaties.PATH):
        table = organisaties.memberships_table(org)
        history = list(components(html.Div(followup.history_list(seeded, "pallion", "x"))))
    assert isinstance(table, dag.AgGrid)
    assert len(table.rowData) == 16 and {r["status"] for r in table.rowData} == {"lid"}
    items = [c for c in history if isinstance(c, html.Li)]
    assert len(items) == followup.HISTORY_SHOWN
    [note] = [c for c in history if isinstance(c, html.P)]
    assert "oudere" in note.children and "graphmap history --organisation pallion" in note.children


def test_an_engagement_saved_names_the_zone_as_the_form_does(seeded):
    """Staff chose "ELZ Maasland" in the form: the message names it so, not as 'maasland'."""
    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    values = {
        "organisaties-status-save.n_clicks": 1,
        "organisaties-selected.data": "pallion",
        "organisaties-status-zone.value": "maasland",
        "organisaties-status-cluster.value": "welzijn",
        "organisaties-status.value": "contacted",
        "organisaties-version.data": 0,
    }
    answer = post_callback(
        app, "organisaties-status-save.n_clicks", values, "organisaties-status-feedback"
    )
    said = json.dumps(answer["response"]["organisaties-status-feedback"], ensure_ascii=False)
    assert "Opgeslagen: gecontacteerd in Welzijn (ELZ Maasland)." in said
    assert "(maasland)" not in said
