"""Every page of the dashboard on the seed passes axe-core's WCAG 2 A and AA rules (the same
check runs on a generated zone in test_netwerk_generated.py)."""

from __future__ import annotations

import pytest
from accessibility import report, violations, wait_settled
from conftest import dashboard_in_browser

from dashboard.app import PAGES
from graphmap.ingest import seed


@pytest.fixture(scope="module")
def browser(session_store, tmp_path_factory):
    session_store.reset()
    seed.load(session_store)
    with dashboard_in_browser(session_store, tmp_path_factory.mktemp("downloads")) as duo:
        yield duo


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.TITLE)
def test_page_passes_axe_on_the_seed(browser, page):
    browser.driver.get(f"{browser.server_url}{page.PATH}?zone=maasland")
    wait_settled(browser.driver)
    found = violations(browser.driver)
    assert found == [], report(found)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.TITLE)
def test_page_reflows_on_a_phone_without_scrolling_sideways(browser, page):
    # WCAG 1.4.10 (Reflow, AA): 320 CSS pixels wide; the long brand once made every page
    # 531 pixels wide on a phone.
    driver = browser.driver
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        driver.get(f"{browser.server_url}{page.PATH}?zone=maasland")
        wait_settled(driver)
        width, seen = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert width <= seen, f"{page.TITLE}: {width} px wide on a {seen} px screen"
    finally:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1600, "height": 1100, "deviceScaleFactor": 1, "mobile": False},
        )
