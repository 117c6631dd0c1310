"""Opvolging in a real browser: a contact moment logged on Hiaten right after the call shows
its next step on Opvolging, turns overdue when its day passes, and goes when done; the
progress chart and the report button."""

from __future__ import annotations

import base64
import json
import time
from datetime import date, timedelta
from pathlib import Path

import docx
from accessibility import report, violations
from conftest import screenshot, wait_until
from selenium.webdriver.common.keys import Keys

from dashboard import session
from graphmap import dates, engagement, followup

ROW = 'div.ag-center-cols-container div.ag-row[row-id="maasland|welzijn|target|palliatief-netwerk"]'
DAY = date(2026, 3, 10)

SET_VALUE = """
const input = document.getElementById(arguments[0]);
const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
setter.call(input, arguments[1]);
input.dispatchEvent(new Event('input', {bubbles: true}));
"""


def _type(duo, element_id: str, value: str) -> None:
    """Set an input the way React notices (a date input takes no locale-free typing)."""
    duo.driver.execute_script(SET_VALUE, element_id, value)


def _click(duo, selector: str) -> None:
    element = duo.find_element(selector)
    # Bootstrap scrolls smoothly: jump instead, so the click lands where the button is.
    duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def test_a_next_step_from_hiaten_is_open_then_overdue_then_done(dashboard, seeded, monkeypatch):
    duo = dashboard
    monkeypatch.setattr(session, "today", lambda: DAY)
    duo.driver.get(duo.server_url + "/hiaten?zone=maasland&cluster=welzijn")
    duo.wait_for_element(ROW).click()
    duo.wait_for_contains_text("#hiaten-organisation", "Pallion")
    wait_until(lambda: duo.find_element("#hiaten-moment-save").is_enabled())
    _type(duo, "hiaten-moment-note", "Interesse in de cluster welzijn")
    _type(duo, "hiaten-moment-what", "Uitnodiging clusteroverleg sturen")
    _type(duo, "hiaten-moment-due", (DAY + timedelta(days=2)).isoformat())
    _click(duo, "#hiaten-moment-save")
    duo.wait_for_contains_text("#hiaten-moment-feedback", "met een volgende stap op Opvolging")
    [step] = followup.open_steps(seeded, "maasland", today=DAY)
    assert (step["what"], step["owner"]) == ("Uitnodiging clusteroverleg sturen", "demo")
    row = f'#opvolging-steps .ag-center-cols-container div.ag-row[row-id="{step["id"]}"]'

    duo.driver.get(duo.server_url + "/opvolging?zone=maasland")
    duo.wait_for_contains_text(row, "Uitnodiging clusteroverleg sturen")
    assert "te laat" not in duo.find_element(row).text

    # Another's step, done from the keyboard: Enter on the focused cell of its button.
    other = followup.record_moment(
        seeded, "caw-limburg", "maasland", {"kind": "overleg", "what": "Verslag sturen",
        "due": DAY.isoformat()}, actor="an", today=DAY,
    )["step"]  # fmt: skip
    monkeypatch.setattr(session, "today", lambda: DAY + timedelta(days=5))
    duo.driver.get(duo.server_url + "/opvolging?zone=maasland")
    duo.wait_for_contains_text(row, "3 dagen te laat")
    duo.wait_for_contains_text("#opvolging-count", "2 open, waarvan 2 te laat")
    cell = duo.find_element(f'#opvolging-steps div.ag-row[row-id="{other}"] div[col-id="id"]')
    duo.driver.execute_script("arguments[0].focus();", cell)
    cell.send_keys(Keys.ENTER)
    duo.wait_for_contains_text("#opvolging-count", "1 open, waarvan 1 te laat")
    assert [s["id"] for s in followup.open_steps(seeded, "maasland", today=DAY)] == [step["id"]]
    _click(duo, "#opvolging-mine")  # the demo user owns it: still shown
    duo.wait_for_contains_text("#opvolging-count", "1 open, waarvan 1 te laat")
    duo.wait_for_element("#opvolging-chart .js-plotly-plot")
    screenshot(duo, "opvolging")
    found = violations(duo.driver)  # the grid with a step in it (the seed has none)
    assert found == [], report(found)
    assert duo.find_element(row).get_attribute("class").count("opvolging-late") == 1
    # The organisation's link opens its page in the register, without loading the app again.
    duo.driver.execute_script("window.stillHere = true;")
    _click(duo, f"{row} a")
    wait_until(lambda: duo.driver.current_url.endswith("/organisaties?org=pallion"))
    duo.wait_for_contains_text("#organisaties-title", "Pallion")
    assert duo.driver.execute_script("return window.stillHere === true;")
    duo.driver.back()
    duo.wait_for_contains_text(row, "3 dagen te laat")
    _click(duo, f"{row} button")
    duo.wait_for_text_to_equal("#opvolging-count", "Geen open volgende stappen.")
    assert followup.open_steps(seeded, "maasland", today=DAY) == []
    duo.wait_for_contains_text("#opvolging-changes-list", "stap afgerond")
    assert duo.get_logs() == []


def _downloaded(duo, suffix: str, timeout=30) -> Path:
    folder = Path(duo.download_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = list(folder.glob(f"*{suffix}"))
        if found and found[0].stat().st_size > 0:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} download in {folder}")


def test_progress_chart_and_the_report_of_a_zone(dashboard, seeded):
    duo = dashboard
    today = dates.today()
    for organisation, status, days in (
        ("pallion", "contacted", 40),
        ("pallion", "member", 10),
        ("caw-limburg", "involved", 20),
    ):
        engagement.set_status(
            seeded, organisation, "maasland", "welzijn", status, actor="an.coordinator",
            on=today - timedelta(days=days),
        )  # fmt: skip
    duo.driver.get(duo.server_url + "/opvolging?zone=maasland")
    duo.wait_for_element("#opvolging-chart .js-plotly-plot")
    traces = duo.driver.execute_script(
        "return document.querySelector('#opvolging-chart .js-plotly-plot').data"
        ".filter(t => t.name === 'Welzijn').map(t => t.y);"
    )
    assert traces[0][-1] == 2 and traces[0][0] == 0  # members of welzijn: from 0 to 2
    duo.wait_for_contains_text("#opvolging-changes-list", "Welzijn: gecontacteerd → lid")
    screenshot(duo, "opvolging-voortgang")

    _click(duo, "#opvolging-docx")
    document = docx.Document(_downloaded(duo, ".docx"))
    assert document.paragraphs[0].text == "Voortgangsrapport ELZ Maasland"
    assert duo.get_logs() == []


def test_many_open_steps_list_the_earliest_due_and_the_agenda_holds_all(seeded, monkeypatch):
    """All of Flanders holds thousands of open steps: the page lists the earliest due
    (STEPS_SHOWN) and says how many there are; so too the newest changes (CHANGES_SHOWN),
    which the report holds all of."""
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages import opvolging

    monkeypatch.setattr(opvolging, "STEPS_SHOWN", 2)
    monkeypatch.setattr(opvolging, "CHANGES_SHOWN", 2)
    monkeypatch.setattr(session, "today", lambda: DAY)
    ids = []
    for day in (20, 12, 15):  # due on these days of March
        moment = {"kind": "telefoon", "on": "2026-03-10", "what": f"stap {day}"}
        written = followup.record_moment(
            seeded, "pallion", "maasland", {**moment, "due": f"2026-03-{day}"}, actor="an",
            today=DAY,
        )  # fmt: skip
        ids.append(written["step"])
    app = create_app(seeded, demo=True)
    values = {"opvolging-zone.value": "maasland", "opvolging-mine.value": False}
    values |= {"opvolging-overdue.value": False, "opvolging-version.data": 0}
    answer = post_callback(app, "opvolging-zone.value", values, output="opvolging-steps")
    shown = [row["id"] for row in answer["response"]["opvolging-steps"]["rowData"]]
    assert shown == [ids[1], ids[2]]  # due on the 12th and the 15th
    assert answer["response"]["opvolging-count"]["children"].startswith("3 open")
    assert "de 2 eerste" in answer["response"]["opvolging-count"]["children"]
    ics = post_callback(
        app, "opvolging-ics.n_clicks", {**values, "opvolging-ics.n_clicks": 1},
        output="opvolging-download",
    )  # fmt: skip
    download = ics["response"]["opvolging-download"]["data"]
    agenda = base64.b64decode(download["content"]).decode() if download["base64"] else ""
    assert [f"stap {day}" in agenda for day in (20, 12, 15)] == [True, True, True]

    since = {**values, "opvolging-since.value": "2026-03-01"}
    answer = post_callback(app, "opvolging-since.value", since, output="opvolging-changes")
    listed = json.dumps(answer["response"]["opvolging-changes"]["children"])
    changes = followup.changes_since(seeded, "maasland", "2026-03-01")
    assert len(changes) >= 3 and listed.count('"Li"') == 2
    assert f"En {len(changes) - 2} eerder sinds" in listed


def test_a_history_of_a_few_days_ticks_once_a_day():
    from datetime import date

    from dashboard.pages.opvolging import DAY_MS, progress_figure
    from graphmap.engagement import Point

    today = [Point(date(2026, 12, 6), "zorg", 3, 1, 2)]
    axis = progress_figure(today).layout.xaxis
    # Plotly ticked every few hours around one day: "06-12-2026" printed three times.
    assert axis.dtick == DAY_MS
    assert [str(end)[:10] for end in axis.range] == ["2026-12-03", "2026-12-09"]
    months = [*today, Point(date(2026, 9, 1), "zorg", 1, 0, 4)]
    assert progress_figure(months).layout.xaxis.dtick is None


def test_clusters_that_count_the_same_each_keep_a_line_of_their_own():
    from datetime import date

    from dashboard.pages.opvolging import progress_figure
    from graphmap.engagement import Point
    from graphmap.model import CLUSTER_KEYS

    # PZON and lokale besturen both without open gaps: the line drawn last lay on the other.
    points = [Point(date(2026, 12, 6), cluster, 2, 0, 0) for cluster in CLUSTER_KEYS]
    lines = progress_figure(points).data
    assert len(lines) == 2 * len(CLUSTER_KEYS)
    for column in (lines[0::2], lines[1::2]):
        # Each narrower than the line drawn before it: lines on each other show as bands.
        widths = [line.line.width for line in column]
        assert widths == sorted(widths, reverse=True) and len(set(widths)) == len(widths)
        assert len({line.marker.symbol for line in column}) == len(column)


def test_what_changed_speaks_dutch(seeded):
    """The list "Wat is er veranderd" named an engagement change with the English word."""
    from dashboard.pages.opvolging import changes_list

    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="an", on=DAY)
    followup.record_moment(
        seeded, "pallion", "maasland", {"kind": "telefoon", "on": DAY}, actor="an", today=DAY
    )
    items = followup.changes_since(seeded, "maasland", DAY)
    assert {i["kind"] for i in items} == {"engagement", "moment"}
    text = " ".join(_texts(changes_list(items, DAY.isoformat())))
    assert "· betrokkenheid" in text and "· contact" in text
    assert "engagement" not in text.lower()


def _texts(node):
    """The words a component shows, its children's too."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _texts(child)
    elif node is not None:
        yield from _texts(getattr(node, "children", None))


def test_the_report_for_the_board_holds_no_personal_data(
    seeded, embedded_env, monkeypatch, tmp_path
):
    """The report named contact persons and held the follow-up's notes, whoever it was meant
    for: handed out to the board (the zone's viewers), it showed them what the pages never
    do. It says so under its title, and Opvolging's switch (the CLI's --no-personal-data)
    writes the board's, as a viewer sees it."""
    import io

    from click.testing import CliRunner
    from conftest import post_callback

    from dashboard.app import create_app
    from graphmap.cli import cli
    from graphmap.report import zorgraad

    monkeypatch.setattr(session, "today", lambda: DAY)
    person = seeded.read("organisation_contacts", organisation="pallion")[0]
    moment = {
        "kind": "telefoon",
        "on": "2026-03-02",
        "person": person["id"],
        "note": "belt terug na de AV",
        "what": "uitnodiging werkgroep",
        "due": "2026-03-20",
    }
    followup.record_moment(seeded, "pallion", "maasland", moment, actor="an", today=DAY)
    app = create_app(seeded, demo=True)
    values = {"opvolging-zone.value": "maasland", "opvolging-since.value": "2026-03-01"}
    texts = {}
    for board in (False, True):
        answer = post_callback(
            app, "opvolging-docx.n_clicks",
            {**values, "opvolging-docx.n_clicks": 1, "opvolging-board.value": board},
            output="opvolging-download",
        )  # fmt: skip
        data = base64.b64decode(answer["response"]["opvolging-download"]["data"]["content"])
        document = docx.Document(io.BytesIO(data))
        texts[board] = "\n".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for row in t.rows for c in row.cells]
        )
    for private in (person["name"], "belt terug na de AV", "uitnodiging werkgroep"):
        assert private in texts[False], private
        assert private not in texts[True], private
    assert zorgraad.PERSONAL in texts[False] and zorgraad.WITHOUT_PERSONAL in texts[True]
    assert "(afgeschermd)" in texts[True]

    target = tmp_path / "bestuur.docx"
    result = CliRunner().invoke(
        cli, ["report", "--zone", "maasland", "--since", "2026-03-01", "--no-personal-data",
              "-o", str(target)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    document = docx.Document(target)
    cli_text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "(afgeschermd)" in cli_text
    for private in (person["name"], "belt terug na de AV", "uitnodiging werkgroep"):
        assert private not in cli_text, private
