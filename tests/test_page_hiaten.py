"""Hiaten in a real browser: select a gap, record an engagement, see the gap move, export."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
from conftest import screenshot, wait_until
from selenium.webdriver.support.select import Select

from graphmap.analysis import gaps

ROW = 'div.ag-center-cols-container div.ag-row[row-id="maasland|welzijn|target|palliatief-netwerk"]'


def _status_cell(duo) -> str:
    return duo.find_element(f'{ROW} div[col-id="status_label"]').text


def _downloaded(duo, suffix: str, timeout=15):
    folder = Path(duo.download_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in folder.glob(f"*{suffix}")]
        if found and found[0].stat().st_size > 0:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} download in {folder}")


def test_record_contact_and_see_the_gap_move_to_in_progress(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/hiaten?zone=maasland&cluster=welzijn")
    duo.wait_for_element(ROW)
    assert _status_cell(duo) == "ontbreekt"

    duo.find_element(f'{ROW} div[col-id="missing"]').click()
    duo.wait_for_contains_text("#hiaten-selected", "Palliatief netwerk")
    duo.wait_for_contains_text("#hiaten-organisation", "Pallion")  # the only one of that kind
    duo.wait_for_text_to_equal("#hiaten-current", "Nu: niet in Welzijn.")
    duo.find_element("#hiaten-save").click()
    duo.wait_for_contains_text(
        "#hiaten-feedback", "Pallion (palliatief netwerk Limburg) is nu gecontacteerd"
    )
    wait_until(lambda: _status_cell(duo) == "in behandeling")
    duo.wait_for_text_to_equal("#hiaten-current", "Nu: gecontacteerd in Welzijn.")
    # The panel of the selected gap says so too (not what it said before the save).
    duo.wait_for_contains_text("#hiaten-selected", "in behandeling")
    assert "ontbreekt" not in duo.find_element("#hiaten-selected").text
    screenshot(duo, "hiaten")

    [gap] = [
        g
        for g in gaps.gaps(seeded, zone="maasland", cluster="welzijn")
        if g.subject == "palliatief-netwerk"
    ]
    assert gap.status == gaps.IN_PROGRESS
    assert duo.get_logs() == []


def test_show_a_gap_in_the_network(dashboard):
    duo = dashboard
    duo.driver.get(duo.server_url + "/hiaten?zone=maasland")
    duo.wait_for_contains_text("#hiaten-count", "hiaten")
    every = duo.find_element("#hiaten-count").text
    Select(duo.find_element("#hiaten-cluster")).select_by_value("welzijn")  # the user's choice
    # The count of the cluster's gaps, once it has come (the zone's stood there before it).
    wait_until(lambda: duo.find_element("#hiaten-count").text not in ("", every))
    duo.wait_for_element(ROW)
    welzijn = duo.find_element("#hiaten-count").text
    duo.find_element(f'{ROW} div[col-id="missing"]').click()
    duo.wait_for_element("#hiaten-show").click()
    duo.wait_for_element("#netwerk-graph")
    script = (
        "const cy = document.querySelector('#netwerk-graph')._cyreg.cy;"
        "return cy.$id('ghost:maasland/welzijn:palliatief-netwerk').selected();"
    )
    wait_until(lambda: duo.driver.execute_script(script) is True)
    # The chosen gap has its own look, not the red of a zone's target, and the panel tells
    # about it (its reason and source), not the hint to click.
    colours = (
        "const cy = document.querySelector('#netwerk-graph')._cyreg.cy;"
        "const n = cy.$id('ghost:maasland/welzijn:palliatief-netwerk');"
        "const t = cy.nodes('.ghost-target').not(n).first();"
        "return [n.style('border-color'), t.style('border-color')];"
    )
    chosen, target = duo.driver.execute_script(colours)
    assert chosen != target
    duo.wait_for_contains_text("#netwerk-details", "Bron:")
    assert "Palliatief netwerk" in duo.find_element("#netwerk-details").text
    assert "gekozen" in duo.find_element("#netwerk-legend").text
    # Back to the gaps as they were left: the cluster chosen there, not the page's start.
    duo.driver.back()
    duo.wait_for_element(ROW)
    assert Select(duo.find_element("#hiaten-cluster")).first_selected_option.text == "Welzijn"
    duo.wait_for_text_to_equal("#hiaten-count", welzijn)
    assert duo.get_logs() == []


def test_export_the_gap_report(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/hiaten?zone=kempenland")
    duo.wait_for_contains_text("#hiaten-count", "hiaten")
    duo.find_element("#hiaten-xlsx").click()
    path = _downloaded(duo, ".xlsx")
    sheet = openpyxl.load_workbook(path)["Hiaten"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Zone", "Cluster", "Soort", "Wat ontbreekt", "Status"]
    assert sheet.max_row - 1 == len(gaps.gaps(seeded, zone="kempenland"))
    assert {r[0].value for r in sheet.iter_rows(min_row=2)} == {"ELZ Kempenland"}
    assert duo.find_elements("div.ag-row")


def test_the_count_says_how_many_gaps_the_column_filters_let_through(seeded):
    """A filter on a column narrows the grid: the count above it says so, of how many."""
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages.hiaten import ALL

    app = create_app(seeded, demo=True)
    every = gaps.gaps(seeded)
    actions = [g for g in every if g.kind == "action"]
    assert 0 < len(actions) < len(every)

    def counted(filters: dict) -> str:
        values = {
            "hiaten-grid.getRowsRequest": {"startRow": 0, "endRow": 100, "filterModel": filters},
            "hiaten-zone.value": ALL,
            "hiaten-cluster.value": ALL,
        }
        answer = post_callback(app, "hiaten-grid.getRowsRequest", values, "hiaten-count")
        return answer["response"]["hiaten-count"]["children"]

    assert counted({}) == f"{len(every)} hiaten, waarvan 0 in behandeling"
    kind = {"kind_label": {"filterType": "text", "type": "equals",
                           "filter": gaps.KIND_LABELS["action"]}}  # fmt: skip
    assert counted(kind) == (
        f"{len(actions)} van de {len(every)} hiaten (gefilterd), waarvan 0 in behandeling"
    )


def test_the_export_holds_what_the_column_filters_let_through(seeded):
    import base64

    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages.hiaten import ALL

    app = create_app(seeded, demo=True)
    actions = [g for g in gaps.gaps(seeded) if g.kind == "action"]
    kind = {"kind_label": {"filterType": "text", "type": "equals",
                           "filter": gaps.KIND_LABELS["action"]}}  # fmt: skip
    values = {
        "hiaten-csv.n_clicks": 1,
        "hiaten-zone.value": ALL,
        "hiaten-cluster.value": ALL,
        "hiaten-grid.filterModel": kind,
    }
    answer = post_callback(app, "hiaten-csv.n_clicks", values, "hiaten-download")
    sent = answer["response"]["hiaten-download"]["data"]
    text = base64.b64decode(sent["content"]).decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + len(actions)


def test_an_organisation_of_another_kind_is_saved_and_said_not_to_close_the_gap(seeded):
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages.hiaten import rows
    from graphmap.analysis import directory

    app = create_app(seeded, demo=True)
    gap = next(r for r in rows(seeded, "maasland", None) if r["kind"] in ("category", "target"))
    other = next(
        o
        for o in directory.page(seeded, "", 0, 50).rows
        if o["category"] and o["category"] != gap["subject"]
    )
    values = {
        "hiaten-save.n_clicks": 1,
        "hiaten-organisation.value": other["id"],
        "hiaten-status-zone.value": "maasland",
        "hiaten-status-cluster.value": gap["cluster"],
        "hiaten-status.value": "involved",
        "hiaten-version.data": 0,
        "hiaten-organisation.options": [{"label": other["name"], "value": other["id"]}],
        "hiaten-grid.selectedRows": [gap],
    }
    answer = post_callback(app, "hiaten-save.n_clicks", values, "hiaten-feedback")
    said = str(answer["response"]["hiaten-feedback"]["children"])
    kind = directory.rows(seeded, [other["id"]])[0]["category_name"]
    assert "is nu betrokken in " in said and "(ELZ Maasland)" in said  # the zone's name
    assert f"{other['name']} is van een andere soort ({kind}) en sluit dit hiaat niet" in said
    assert gap["id"] in {r["id"] for r in rows(seeded, "maasland", None)}  # saved, still open


def test_the_count_says_one_gap_in_the_singular():
    from dashboard.pages.hiaten import count

    row = {"status": gaps.IN_PROGRESS}
    assert count([row], [row]) == "1 hiaat, waarvan 1 in behandeling"
    assert count([row, row], [row]) == "1 van de 2 hiaten (gefilterd), waarvan 1 in behandeling"


def test_another_zone_lets_go_of_the_gap_chosen_in_the_one_before(seeded):
    """The grid of another zone or cluster has no row chosen: the panel no longer describes,
    nor the form records for, a gap of the zone left; a save keeps the gap chosen."""
    import json

    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    values = {
        "hiaten-zone.value": "kempenland",
        "hiaten-cluster.value": "__all__",
        "hiaten-version.data": 0,
        "hiaten-grid.filterModel": {},
    }
    for control in ("hiaten-zone.value", "hiaten-cluster.value"):
        values["changed"] = control
        answer = post_callback(app, control, values, "hiaten-selected")["response"]
        assert "Klik op een rij" in json.dumps(answer["hiaten-selected"]), control
        assert answer["hiaten-organisation"]["value"] is None, control
    values["changed"] = "hiaten-version.data"
    answer = post_callback(app, "hiaten-version.data", values, "hiaten-selected")["response"]
    assert set(answer) == {"hiaten-grid"}  # only the grid reads again


def test_a_saved_moment_is_said_of_its_organisation_until_another_is_chosen(seeded):
    """The words "Contactmoment met X opgeslagen" go when the form turns to another
    organisation (the next gap's), where they read as if that one had been recorded; a change
    of its contacts (Organisaties' refresh) keeps them."""
    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    for prefix in ("hiaten", "netwerk"):
        context = f"{prefix}-moment-context.data"
        values = {context: {"organisation": "pallion", "zone": "maasland"}}
        answer = post_callback(app, context, values, f"{prefix}-moment-about")["response"]
        assert answer[f"{prefix}-moment-feedback"]["children"] is None, prefix
    context = "organisaties-moment-context.data"
    values = {context: {"organisation": "pallion", "zone": "maasland"}}
    values["changed"] = "organisaties-version.data"
    answer = post_callback(app, context, values, "organisaties-moment-about")["response"]
    assert "organisaties-moment-feedback" not in answer


def test_a_status_chosen_over_one_another_editor_changed_since_is_refused(seeded):
    """The form says the membership's status as it is when the organisation is chosen; a
    save over a status another editor changed since records nothing and says who did, and
    the form then shows the status as it is; the same status again is said to be unchanged."""
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages.hiaten import rows
    from graphmap import engagement

    app = create_app(seeded, demo=True)
    gap = next(
        r for r in rows(seeded, "maasland", "welzijn") if r["subject"] == "palliatief-netwerk"
    )
    form = {
        "hiaten-organisation.value": "pallion",
        "hiaten-status-zone.value": "maasland",
        "hiaten-status-cluster.value": "welzijn",
        "hiaten-version.data": 0,
    }

    def shown() -> tuple[str, dict]:
        answer = post_callback(app, "hiaten-organisation.value", form, "hiaten-current")
        return answer["response"]["hiaten-current"]["children"], answer["response"]["hiaten-shown"][
            "data"
        ]

    said, seen = shown()
    assert said == "Nu: niet in Welzijn."
    # Another editor records Pallion as involved meanwhile.
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "involved", actor="an")

    def save(status: str, seen: dict) -> str:
        values = {
            **form,
            "hiaten-save.n_clicks": 1,
            "hiaten-status.value": status,
            "hiaten-organisation.options": [{"label": "Pallion", "value": "pallion"}],
            "hiaten-grid.selectedRows": [gap],
            "hiaten-shown.data": seen,
        }
        answer = post_callback(app, "hiaten-save.n_clicks", values, "hiaten-feedback")
        return str(answer["response"]["hiaten-feedback"]["children"])

    said = save("contacted", seen)
    assert "intussen gewijzigd door an" in said and "Niet opgeslagen" in said, said
    assert engagement.status_of(seeded, "pallion", "maasland", "welzijn") == "involved"
    said, seen = shown()  # the form reads it again
    assert said == "Nu: betrokken in Welzijn."
    assert "Ongewijzigd: Pallion is al betrokken" in save("involved", seen)
    said = save("member", seen)
    assert "Opgeslagen: Pallion is nu lid" in said, said
    assert engagement.status_of(seeded, "pallion", "maasland", "welzijn") == "member"


def test_an_address_naming_a_cluster_or_zone_the_page_does_not_know_shows_all(seeded):
    """`/hiaten?zone=maasland&cluster=nope` (typed, or an old link) started the grid on a
    cluster the gap report refuses: its every block failed and the grid stayed empty (qa17)."""
    from dashboard_client import components

    from dashboard.pages import hiaten

    def chosen(search: str) -> dict:
        wanted = ("hiaten-zone", "hiaten-cluster")
        return {
            c.id: c.value
            for c in components(hiaten.layout(seeded, search))
            if getattr(c, "id", None) in wanted
        }

    assert chosen("?zone=maasland&cluster=welzijn") == {
        "hiaten-zone": "maasland",
        "hiaten-cluster": "welzijn",
    }
    assert chosen("?zone=maasland&cluster=nope") == {
        "hiaten-zone": "maasland",
        "hiaten-cluster": hiaten.ALL,
    }
    assert chosen("?zone=nope")["hiaten-zone"] == chosen("")["hiaten-zone"]
    assert chosen("?zone=__all__")["hiaten-zone"] == hiaten.ALL
    gaps.gaps(seeded, zone="maasland", cluster=None)  # what the grid then asks for
