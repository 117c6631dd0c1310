"""Time until each dashboard page is interactive, in headless Chromium, on the seeded store.

"Interactive" is what dash's own test harness waits for: the page's layout is rendered and
no callback is pending (and on Netwerk, the graph is drawn).
"""

from __future__ import annotations

import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from werkzeug.serving import make_server

from bench.browser import chromium_options
from dashboard.app import PAGES, create_app
from graphmap.ingest import seed
from graphmap.settings import Settings
from graphmap.store import Store

READY_JS = """
const store = window.store;
if (!store || !document.querySelector('#page > *')) { return false; }
const pending = Object.assign({}, store.getState().callbacks);
delete pending.stored; delete pending.completed;
if ([].concat(...Object.values(pending)).length) { return false; }
const graph = document.querySelector('#netwerk-graph');
if (graph) { return !!(graph._cyreg && graph._cyreg.cy.nodes().length); }
return true;
"""


def _browser() -> webdriver.Chrome:
    return webdriver.Chrome(options=chromium_options())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _time_to_interactive(driver, url: str, timeout: float = 30) -> float:
    started = time.perf_counter()
    driver.get(url)
    while time.perf_counter() - started < timeout:
        if driver.execute_script(READY_JS):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} not interactive within {timeout} s")


def run(repeat: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.connect(Settings(data_dir=Path(folder)))
        try:
            store.reset()
            seed.load(store)
            port = _free_port()
            server = make_server("127.0.0.1", port, create_app(store).server, threaded=True)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            driver = _browser()
            try:
                return _measure(driver, f"http://127.0.0.1:{port}", repeat)
            finally:
                driver.quit()
                server.shutdown()
        finally:
            store.close()


def _measure(driver, base: str, repeat: int) -> dict:
    figures = {}
    for page in PAGES:
        url = f"{base}{page.PATH}?zone=maasland"
        first = _time_to_interactive(driver, url)
        runs = [_time_to_interactive(driver, url) for _ in range(repeat)]
        figures[page.TITLE] = {
            "path": page.PATH,
            "first_s": round(first, 2),
            "median_s": round(statistics.median(runs), 2),
            "max_s": round(max(runs), 2),
            "runs": repeat,
        }
    province = f"{base}/?zone=maasland&zone=kemp-en-duin&zone=noord-limburg&zone=kempenland"
    runs = [_time_to_interactive(driver, province) for _ in range(repeat)]
    figures["Netwerk, vier zones"] = {
        "path": "/?zone=…×4",
        "median_s": round(statistics.median(runs), 2),
        "max_s": round(max(runs), 2),
        "runs": repeat,
    }
    return figures
