"""Headless Debian Chromium as the tests and the benchmarks start it."""

from __future__ import annotations

import os

from selenium.webdriver.chrome.options import Options

# Root in a container, on a closed network: no sandbox, and no background calls home
# (Chromium's attempts to reach Google's hosts are refused here, many at a time).
ARGUMENTS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


def chromium_options() -> Options:
    options = Options()
    options.binary_location = os.environ.get("GRAPHMAP_CHROMIUM", "/usr/bin/chromium")
    for argument in ARGUMENTS:
        options.add_argument(argument)
    return options
