"""Acties in a real browser: the plan tree of a zone, and an action's contact list downloaded."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import openpyxl
from conftest import screenshot
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from graphmap import audit
from graphmap.analysis import contacts, gaps

CARD = "#acties-card-maasland-1-2-a"
DEMO_PEOPLE = {
    ("An Peeters (demo)", "an.peeters@example.org"),
    ("Bart Claes (demo)", "bart.claes@example.org"),
    ("Carine Jacobs (demo)", "carine.jacobs@example.org"),
    ("Dirk Maes (demo)", "dirk.maes@example.org"),
}


def _button(action: str, fmt: str) -> str:
    # Dash renders a pattern-matching id as JSON with its keys sorted.
    return f"""button[id='{{"action":"{action}","fmt":"{fmt}","type":"acties-export"}}']"""


def _visible(duo, selector: str, timeout: float = 10):
    return WebDriverWait(duo.driver, timeout).until(
        expected_conditions.visibility_of_element_located(("css selector", selector))
    )


def _downloaded(duo, name: str, timeout: float = 15) -> Path:
    path = Path(duo.download_path) / name
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return path
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded to {duo.download_path}")


def _open_maasland_goal_1(duo, store):
    incomplete = len(gaps.gaps(store, zone="maasland", kinds=["action"]))
    duo.driver.get(duo.server_url + "/acties?zone=maasland")
    duo.wait_for_text_to_equal(
        "#acties-summary",
        "ELZ Maasland: 5 strategische doelstellingen · 14 operationele doelstellingen · "
        f"36 acties, waarvan {incomplete} onvolledig.",
    )
    assert not duo.find_elements(CARD)  # every goal starts collapsed, its cards not yet built
    duo.find_element("#acties-sd-1 .accordion-button").click()
    # "collapse show" only once the opening animation is over and the cards stand still
    duo.wait_for_element("#acties-sd-1 .accordion-collapse.collapse.show")
    _visible(duo, CARD)


def _click(duo, selector: str):
    element = duo.find_element(selector)
    # Bootstrap makes scrolling smooth: selenium would click while the page still moves.
    script = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
    duo.driver.execute_script(script, element)
    element.click()


def test_plan_tree_and_contact_list_of_action_1_2_a(dashboard, seeded):
    duo = dashboard
    _open_maasland_goal_1(duo, seeded)
    card = duo.find_element(CARD)
    assert "ELZ Maasland" in card.text  # the lead
    for partner in ("Pallion", "Opgroeien", "VAPH"):
        assert partner in card.text
    assert "partners VAPH" in card.text  # a partner group named in the plan
    duo.wait_for_text_to_equal("#acties-people-maasland-1-2-a", "4 contactpersonen")
    assert "example.org" not in duo.find_element("#acties-tree").text  # no contact details

    expected = contacts.for_action(seeded, "maasland/1.2-a").people
    assert {(p["name"], p["email"]) for p in expected} == DEMO_PEOPLE

    _click(duo, _button("maasland/1.2-a", "csv"))
    path = _downloaded(duo, "contacten-maasland-1.2-a.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    assert [(r["Naam"], r["E-mail"]) for r in rows] == [(p["name"], p["email"]) for p in expected]
    duo.wait_for_contains_text("#acties-toast", "deze export staat in het logboek")
    # The notice covers no action's download buttons (they are on the right of each card).
    covered = duo.driver.execute_script(
        "const t = document.getElementById('acties-toast').getBoundingClientRect();"
        "return [...document.querySelectorAll('#acties-tree .btn')].filter(b => {"
        "  const r = b.getBoundingClientRect();"
        "  return r.width && r.left < t.right && r.right > t.left && r.top < t.bottom"
        "    && r.bottom > t.top; }).map(b => b.id);"
    )
    assert covered == []

    _click(duo, _button("maasland/1.2-a", "xlsx"))
    path = _downloaded(duo, "contacten-maasland-1.2-a.xlsx")
    sheet = openpyxl.load_workbook(path)["Contacten"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Naam", "Organisatie", "Functie", "E-mail"]
    found = [(r[0].value, r[3].value) for r in sheet.iter_rows(min_row=2)]
    assert found == [(p["name"], p["email"]) for p in expected]

    _click(duo, _button("maasland/1.2-a", "vcf"))
    cards = _downloaded(duo, "contacten-maasland-1.2-a.vcf").read_text("utf-8")
    assert cards.count("BEGIN:VCARD") == 4
    assert all(f"EMAIL;TYPE=WORK:{p['email']}" in cards for p in expected)

    log = [e for e in audit.entries(seeded, zone="maasland") if e["action"] == "export"]
    assert [(e["key"], e["after_data"], e["by"]) for e in reversed(log)] == [
        (
            "actie maasland/1.2-a",
            {"lijst": "actie maasland/1.2-a", "formaat": f, "rijen": 4},
            "demo",
        )
        for f in ("csv", "xlsx", "vcf")
    ]
    duo.driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'});")
    screenshot(duo, "acties")
    assert duo.get_logs() == []


def test_kemp_en_duin_stays_collapsed_and_search_opens_what_matches(dashboard):
    duo = dashboard
    duo.driver.get(duo.server_url + "/acties?zone=kemp-en-duin")
    duo.wait_for_contains_text("#acties-summary", "20 operationele doelstellingen · 54 acties")
    assert len(duo.find_elements("#acties-accordion .accordion-item")) == 5
    assert not duo.find_elements("#acties-accordion .accordion-collapse.show")
    screenshot(duo, "acties-kemp-en-duin")

    Select(duo.find_element("#acties-zone")).select_by_visible_text("ELZ Maasland")
    duo.wait_for_contains_text("#acties-summary", "36 acties")
    search = duo.find_element("#acties-search")
    search.send_keys("pallion\n")
    duo.wait_for_contains_text("#acties-summary", "Getoond:")
    _visible(duo, CARD)
    shown = duo.find_elements(".acties-card")
    assert 1 <= len(shown) < 36
    assert all("pallion" in card.text.casefold() for card in shown)
    screenshot(duo, "acties-zoeken")
    assert duo.get_logs() == []


def test_incomplete_only(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/acties?zone=noord-limburg")
    duo.wait_for_contains_text("#acties-summary", "12 acties")
    duo.find_element("label[for='acties-incomplete']").click()
    expected = len(gaps.gaps(seeded, zone="noord-limburg", kinds=["action"]))
    duo.wait_for_contains_text("#acties-summary", f"Getoond: {expected} actie")
    assert len(duo.find_elements(".acties-card")) == expected
    assert len(duo.find_elements(".acties-card.acties-incomplete")) == expected
    assert duo.get_logs() == []


def test_the_summary_counts_one_goal_and_one_action_in_the_singular():
    """A plan of one goal (a zone made from a short plan): "1 strategische doelstelling",
    not "1 strategische doelstellingen"."""
    from dashboard.pages.acties import summary
    from graphmap.analysis.plans import Goal, Plan, PlanAction

    action = PlanAction("z/1.1.1", "1.1.1", "Eén actie", None, [], [], [], [], "Plan")
    operational = Goal("z/1.1", "1.1", "operational", "Een", None, actions=[action])
    plan = Plan("z", "ELZ Zet", [Goal("z/1", "1", "strategic", "Doel", None, goals=[operational])])
    line = summary(plan, {}, 1)
    assert line == (
        "ELZ Zet: 1 strategische doelstelling · 1 operationele doelstelling · 1 actie, "
        "waarvan 0 onvolledig. Getoond: 1 actie."
    )
