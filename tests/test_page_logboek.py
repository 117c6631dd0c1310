"""Logboek in a real browser: the audit paged on the server, newest first, one block of
rows at a time; the page's filters choose what the grid asks for."""

from __future__ import annotations

from conftest import wait_until
from selenium.webdriver.support.select import Select

from dashboard import paging
from graphmap import audit

ROWS = "#logboek-grid div.ag-center-cols-container div.ag-row"


def _history(store, count: int) -> list[dict]:
    """`count` exports of Maasland's lists and as many engagement changes of Kempenland,
    one a minute, the newest last."""
    entries = [
        audit.entry(
            by="an",
            action=("export", "engagement.change")[n % 2],
            key=f"lijst-{n}",
            zones=[("maasland", "kempenland")[n % 2]],
            at=f"2026-03-01T{n // 60:02d}:{n % 60:02d}:00+00:00",
        )
        for n in range(2 * count)
    ]
    store.transaction(lambda tx: audit.record_all(tx, entries))
    return entries


def test_entries_are_read_a_block_at_a_time(seeded):
    _history(seeded, 150)
    total = audit.count(seeded)
    first = audit.entries(seeded, skip=0, limit=paging.BLOCK)
    second = audit.entries(seeded, skip=paging.BLOCK, limit=paging.BLOCK)
    assert [e["id"] for e in first + second] == [e["id"] for e in audit.entries(seeded)][:200]
    assert len(second) == paging.BLOCK and total > 2 * paging.BLOCK
    assert audit.count(seeded, zone="maasland", action="export") == 150
    assert audit.count(seeded, zone="maasland", action="engagement") == 0
    assert audit.count(seeded, since="2026-03-01", action="export") == 150


def test_the_logboek_shows_the_newest_block_and_follows_its_filters(dashboard, seeded):
    entries = _history(seeded, 150)
    duo = dashboard
    duo.driver.get(duo.server_url + "/logboek")
    duo.wait_for_text_to_equal("#logboek-count", f"{audit.count(seeded)} regels")
    newest = max(entries, key=lambda e: e["at"])
    duo.wait_for_element(f'{ROWS}[row-id="{newest["id"]}"]')
    shown = len(duo.find_elements(ROWS))
    assert 0 < shown <= paging.BLOCK  # one block, not the whole audit

    Select(duo.find_element("#logboek-zone")).select_by_value("maasland")
    Select(duo.find_element("#logboek-kind")).select_by_value("export")
    duo.wait_for_text_to_equal("#logboek-count", "150 regels")
    maasland = max((e for e in entries if e["zones"] == ["maasland"]), key=lambda e: e["at"])
    duo.wait_for_element(f'{ROWS}[row-id="{maasland["id"]}"]')
    wait_until(lambda: not duo.find_elements(f'{ROWS}[row-id="{newest["id"]}"]'))
    labels = {
        r.find_element("css selector", '[col-id="label"]').text for r in duo.find_elements(ROWS)
    }
    assert labels == {"export"}

    duo.driver.get(duo.server_url + "/logboek?zone=kempenland")  # a link to a zone's log
    duo.wait_for_text_to_equal("#logboek-count", f"{audit.count(seeded, zone='kempenland')} regels")
    assert duo.find_element("#logboek-zone").get_attribute("value") == "kempenland"


def test_the_logboek_and_its_export_show_belgian_time(seeded):
    """Staff in Flanders read local time: the screen and the file agree (summer time: +2)."""
    import base64

    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages import logboek

    at = "2026-07-01T09:30:00+00:00"
    seeded.transaction(
        lambda tx: audit.record_all(
            tx,
            [audit.entry(by="an", action="export", key="zomer", zones=["maasland", "weg"], at=at)],
        )
    )
    assert {c["field"]: c.get("headerName") for c in logboek.COLUMNS}["when"] == "Wanneer"
    app = create_app(seeded, demo=True)
    values = {
        "logboek-grid.getRowsRequest": {"startRow": 0, "endRow": 100},
        "logboek-zone.value": "maasland",
        "logboek-kind.value": "export",
    }
    answer = post_callback(app, "logboek-grid.getRowsRequest", values, "logboek-count")
    [row] = answer["response"]["logboek-grid"]["getRowsResponse"]["rowData"]
    assert row["when"] == "01-07-2026 11:30:00"
    # Staff know a zone by its name; one the graph no longer holds keeps its id.
    maasland = next(z["name"] for z in seeded.read("zones") if z["id"] == "maasland")
    assert maasland != "maasland" and row["zones"] == f"{maasland}, weg"

    values = {"logboek-csv.n_clicks": 1, "logboek-zone.value": "maasland",
              "logboek-kind.value": "export"}  # fmt: skip
    answer = post_callback(app, "logboek-csv.n_clicks", values, "logboek-download")
    text = base64.b64decode(answer["response"]["logboek-download"]["data"]["content"]).decode(
        "utf-8-sig"
    )
    header, line = text.splitlines()[:2]
    assert header.split(";")[0] == "Wanneer" and "UTC" not in header
    assert line.startswith("01-07-2026 11:30:00") and f"{maasland}, weg" in line


def test_every_kind_of_entry_can_be_chosen_on_the_page():
    """The kinds the audit records (and `graphmap audit --action` takes) are the page's
    choices: a restored backup was in the Logboek but could not be filtered for."""
    from dashboard.pages.logboek import KINDS
    from graphmap import audit

    assert {action.split(".")[0] for action in audit.ACTIONS} == set(KINDS)
