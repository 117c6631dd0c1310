"""Zones vergelijken in a real browser: categories against zones, coloured by status."""

from __future__ import annotations

from conftest import screenshot, wait_until

from dashboard.pages.vergelijken import cell_text, summary
from graphmap.analysis import comparison, gaps
from graphmap.engagement import set_status

ZONES = ["ELZ Kemp en Duin", "ELZ Kempenland", "ELZ Maasland", "ELZ Noord-Limburg"]


def _cell(duo, category: str, column: int):
    # column 0 is the category name
    return duo.find_elements(f"#vergelijken-row-{category} > *")[column]


def test_four_zones_as_columns_and_a_row_per_category(dashboard, seeded):
    set_status(seeded, "caw-limburg", "kemp-en-duin", "welzijn", "member", actor="test")
    set_status(seeded, "caw-limburg", "kempenland", "welzijn", "involved", actor="test")
    set_status(seeded, "caw-limburg", "noord-limburg", "welzijn", "contacted", actor="test")
    set_status(seeded, "kempenland-hvrt", "kempenland", "zorg", "involved", actor="test")
    set_status(seeded, "wit-gele-kruis", "kempenland", "zorg", "member", actor="test")
    set_status(seeded, "pallion", "maasland", "zorg", "involved", actor="test")
    duo = dashboard
    duo.driver.get(duo.server_url + "/vergelijken")
    duo.wait_for_element("#vergelijken-matrix")
    # The table may be drawn again while it is read (the page's first callbacks).
    wait_until(
        lambda: (
            [th.text for th in duo.find_elements("#vergelijken-matrix thead th")]
            == ["Categorie", *ZONES, "Aanwezig"]
        )
    )

    matrix = comparison.category_matrix(seeded)
    rows = duo.find_elements("#vergelijken-matrix tbody tr[id^='vergelijken-row-']")
    assert len(rows) == len(matrix.rows) > 30
    groups = [th.text for th in duo.find_elements("#vergelijken-matrix th.cmp-group")]
    assert groups[:4] == ["Zorg", "Welzijn", "PZON", "Lokale besturen"]

    caw = [_cell(duo, "caw", i) for i in range(1, 6)]
    assert [c.get_attribute("class") for c in caw[:4]] == [
        "cmp-present",  # Kemp en Duin: member
        "cmp-present",  # Kempenland: involved
        "cmp-gap cmp-peer",  # Maasland: expected, missing, and two of the three others have it
        "cmp-progress cmp-peer",  # Noord-Limburg: contacted
    ]
    assert [c.text for c in caw] == ["lid", "betrokken", "ontbreekt", "gecontacteerd", "2/4"]
    assert "Verwacht in Welzijn (referentiekader)" in caw[2].get_attribute("title")
    assert "De meeste andere zones" in caw[2].get_attribute("title")
    # Pallion sits in Maasland's zorg, but Maasland's own plan wants it in welzijn.
    pallion = _cell(duo, "palliatief-netwerk", 3)
    assert pallion.text == "ontbreekt · Welzijn ★ (wel in Zorg)"
    assert "plan van de zone" in pallion.get_attribute("title")
    optional = _cell(duo, "ziekenhuis", 1)
    assert (optional.text, optional.get_attribute("class")) == ("—", "cmp-absent")
    screenshot(duo, "vergelijken")
    assert duo.get_logs() == []


def test_filters(dashboard, seeded):
    rows = comparison.category_matrix(seeded).rows
    expected = [r for r in rows if any(c.expected_in for c in r.cells.values())]
    # 26 categories of the reference frame and 3 more that the zones' own plans target
    assert len(expected) == 29
    duo = dashboard
    duo.driver.get(duo.server_url + "/vergelijken")
    duo.wait_for_element("#vergelijken-row-huisartsenkring")
    duo.find_element("label[for='vergelijken-expected']").click()
    duo.wait_for_contains_text("#vergelijken-summary", "4 zones · 29 categorieën")
    assert not duo.find_elements("#vergelijken-row-ziekenhuis")
    duo.find_element("#vergelijken-cluster input[value='zorg']").click()
    not_zorg = sum(1 for r in expected if r.cluster != "zorg")
    duo.wait_for_contains_text("#vergelijken-summary", f"4 zones · {not_zorg} categorieën")
    assert not duo.find_elements("#vergelijken-row-huisartsenkring")
    assert duo.get_logs() == []


def test_cell_text_names_the_cluster_only_when_it_is_not_the_usual_one():
    row = comparison.CategoryRow("caw", "CAW", "welzijn", False, {})
    present = comparison.Cell("z", comparison.PRESENT, present_in=["welzijn"])
    present.organisations = [{"name": "CAW", "cluster": "welzijn", "status": "involved"}]
    assert cell_text(row, present) == "betrokken"
    present.present_in = ["zorg"]
    assert cell_text(row, present) == "betrokken · Zorg"
    gap = comparison.Cell("z", comparison.EXPECTED_GAP, expected_in=["welzijn"], basis=["zone"])
    assert cell_text(row, gap) == "ontbreekt ★"


def test_in_progress_counts_what_hiaten_counts(seeded):
    """ "In behandeling" is an expected category that is contacted, as on Hiaten; a contacted
    category that nobody expects (a hospital is optional) is counted apart."""
    set_status(seeded, "caw-limburg", "noord-limburg", "welzijn", "contacted", actor="test")
    set_status(seeded, "kempenland-az-turnhout", "kempenland", "zorg", "contacted", actor="test")
    matrix = comparison.category_matrix(seeded)
    text = summary(matrix, matrix.rows)
    hiaten = {
        (g.zone, g.subject)
        for g in gaps.gaps(seeded, kinds=["category", "target"])
        if g.status == gaps.IN_PROGRESS
    }
    assert hiaten == {("noord-limburg", "caw")}
    assert " · in behandeling: 1 · gecontacteerd, niet verwacht: 1 · " in text
