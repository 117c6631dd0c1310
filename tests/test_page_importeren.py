"""Importeren in a real browser: upload → preview → apply, for a partner list and a plan."""

from __future__ import annotations

from pathlib import Path

from conftest import screenshot
from selenium.webdriver.support.ui import Select

UNSEEN_PLAN = Path(__file__).resolve().parent / "data" / "unseen_plan.txt"


def _upload(duo, path: Path) -> None:
    duo.find_element("#importeren-upload input[type=file]").send_keys(str(path))


def test_upload_preview_then_apply_a_partner_list(dashboard, seeded, tmp_path):
    duo = dashboard
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        "Naam;KBO;Gemeente;Cluster;Categorie\n"
        "WZC De Linde;0403.170.701;Borgloon;welzijn;woonzorgcentrum\n"
        "Foute KBO;0123.456.789;Genk;zorg;huisartsenkring\n",
        encoding="utf-8",
    )
    duo.driver.get(duo.server_url + "/importeren")
    Select(duo.wait_for_element("#importeren-zone")).select_by_value("maasland")
    before = seeded.read("stats_nodes")
    _upload(duo, sheet)
    duo.wait_for_text_to_equal(
        "#importeren-counts", "1 nieuw · 0 bijgewerkt · 0 ongewijzigd · 1 geweigerd"
    )
    duo.wait_for_contains_text("#importeren-grid", "'0123.456.789' is geen geldig KBO-nummer")
    assert seeded.read("stats_nodes") == before  # the preview writes nothing
    screenshot(duo, "importeren")

    duo.find_element("#importeren-apply").click()
    duo.wait_for_element("#importeren-done")
    assert seeded.read("organisation_ids", ids=["wzc-de-linde"]) == [{"id": "wzc-de-linde"}]
    assert duo.get_logs() == []


def test_upload_a_plan_and_see_its_preview(dashboard, seeded):
    duo = dashboard
    duo.driver.get(duo.server_url + "/importeren")
    Select(duo.wait_for_element("#importeren-kind")).select_by_value("plan")
    Select(duo.find_element("#importeren-zone")).select_by_value("kempenland")
    _upload(duo, UNSEEN_PLAN)
    duo.wait_for_contains_text(
        "#importeren-counts", "2 strategische en 3 operationele doelstellingen · 4 acties"
    )
    duo.wait_for_contains_text("#importeren-grid", "Mantelzorgcafé")
    assert duo.get_logs() == []


def test_an_unreadable_file_gets_a_clear_message(dashboard, tmp_path):
    duo = dashboard
    bad = tmp_path / "lijst.xlsx"
    bad.write_bytes(b"dit is geen excel")
    duo.driver.get(duo.server_url + "/importeren")
    duo.wait_for_element("#importeren-upload")
    _upload(duo, bad)
    duo.wait_for_contains_text("#importeren-summary", "lijst.xlsx")
    assert duo.find_element("#importeren-apply").get_attribute("disabled")
