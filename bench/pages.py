"""The dashboard at scale: each page's time to interactive in headless Chromium, and its
callbacks answering 8 clients at once on loopback."""

from __future__ import annotations

import json
import socket
import statistics
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from selenium import webdriver
from werkzeug.serving import make_server

from bench.browser import chromium_options
from bench.measure import latencies
from bench.scale import PROVINCE, ZONE, zone_ids
from dashboard.app import create_app

# "Interactive" is what dash's own test harness waits for: the page's layout is rendered
# and no callback is pending; a network graph is drawn; a grid shows its first rows.
READY_JS = """
const store = window.store;
if (!store || !document.querySelector('#page > *')) { return false; }
const pending = Object.assign({}, store.getState().callbacks);
delete pending.stored; delete pending.completed;
if ([].concat(...Object.values(pending)).length) { return false; }
const graph = document.querySelector('#page [id$="-graph"]');
if (graph && !(graph._cyreg && graph._cyreg.cy.nodes().length)) { return false; }
for (const grid of document.querySelectorAll('#page .ag-root')) {
  if (grid.offsetParent === null) { continue; }  // hidden: nothing to show
  const cell = grid.querySelector('.ag-center-cols-container .ag-cell');
  const empty = grid.querySelector('.ag-overlay-no-rows-center');
  if (!(cell && cell.textContent.trim()) && !empty) { return false; }
}
return true;
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(store):
    """The dashboard on a free loopback port, threaded as `graphmap serve` runs it."""
    app = create_app(store, demo=True)
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()


def pages(zones: int) -> dict[str, str]:
    every = "&".join(f"zone={z}" for z in zone_ids(zones))
    province = "&".join(f"zone={z}" for z in zone_ids(min(PROVINCE, zones)))
    return {
        "Hiaten: all zones": "/hiaten",
        "Hiaten: one zone": f"/hiaten?zone={ZONE}",
        "Acties": f"/acties?zone={ZONE}",
        "Organisaties": "/organisaties",
        "Zones vergelijken": "/vergelijken",
        "Logboek: all zones": "/logboek",
        "Logboek: one zone": f"/logboek?zone={ZONE}",
        "Opvolging: all zones": "/opvolging",
        "Opvolging: one zone": f"/opvolging?zone={ZONE}",
        "Netwerk: one zone": f"/?zone={ZONE}",
        f"Netwerk: a province ({min(PROVINCE, zones)} zones)": f"/?{province}",
        f"Netwerk: all {zones} zones": f"/?{every}",
    }


def _time_to_interactive(driver, url: str, timeout: float) -> float:
    driver.get("about:blank")
    started = time.perf_counter()
    driver.get(url)
    while time.perf_counter() - started < timeout:
        if driver.execute_script(READY_JS):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"not interactive within {timeout:.0f} s")


def time_to_interactive(base: str, zones: int, repeat: int = 3, timeout: float = 60) -> dict:
    """Each page in a browser of its own: a page that blocks the browser (a script timeout)
    is reported as not interactive and does not stop the others."""
    figures = {}
    for name, path in pages(zones).items():
        print(f"  browser: {name}", flush=True)
        driver = webdriver.Chrome(options=chromium_options())
        driver.set_script_timeout(timeout)
        try:
            first = _time_to_interactive(driver, base + path, timeout)
            runs = [_time_to_interactive(driver, base + path, timeout) for _ in range(repeat)]
            figures[name] = {
                "path": path if len(path) < 80 else path[:77] + "…",
                "first_s": round(first, 2),
                "median_s": round(statistics.median(runs), 2),
                "max_s": round(max(runs), 2),
                "runs": repeat,
            }
        except Exception as error:  # noqa: BLE001 - a timeout, or the browser stuck in it
            figures[name] = {
                "error": f"not interactive within {timeout:.0f} s ({type(error).__name__})"
            }
        finally:
            driver.quit()
    return figures


def _body(app, output: str, values: dict) -> dict:
    """A callback request as the browser sends it, with `values` for inputs and states."""
    spec = app.callback_map[output]

    def items(kind):
        return [
            {"id": i["id"], "property": i["property"], "value": values.get(i["id"])}
            for i in spec[kind]
        ]

    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in output.strip(".").split("...")
    ]
    inputs = items("inputs")
    return {
        "output": output,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": inputs,
        "state": items("state"),
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"],
    }


def _callback(app, first_output: str) -> str:
    return next(key for key in app.callback_map if key.lstrip(".").startswith(first_output))


def requests(app, zones: int) -> dict[str, dict]:
    """One request per page callback that renders what a visitor sees first."""
    block = {"startRow": 0, "endRow": 100, "sortModel": [], "filterModel": {}}
    hiaten = _callback(app, "hiaten-grid.getRowsResponse")
    organisaties = _callback(app, "organisaties-grid.getRowsResponse")
    acties = _callback(app, "acties-tree.children")
    vergelijken = _callback(app, "vergelijken-table.children")
    return {
        "Hiaten, all zones: first block": _body(
            app,
            hiaten,
            {"hiaten-grid": block, "hiaten-zone": "__all__", "hiaten-cluster": "__all__"},
        ),
        "Hiaten, one zone: first block": _body(
            app, hiaten, {"hiaten-grid": block, "hiaten-zone": ZONE, "hiaten-cluster": "__all__"}
        ),
        "Acties: plan of one zone": _body(
            app, acties, {"acties-zone": ZONE, "acties-search": None, "acties-incomplete": False}
        ),
        "Organisaties: first block": _body(
            app, organisaties, {"organisaties-grid": block, "organisaties-search": None}
        ),
        "Zones vergelijken: matrix": _body(
            app,
            vergelijken,
            {
                "vergelijken-cluster": ["zorg", "welzijn", "pzon", "lokale_besturen", "overig"],
                "vergelijken-expected": False,
            },
        ),
    }


def _post(base: str, body: dict) -> float:
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        f"{base}/_dash-update-component",
        data=data,
        headers={"Content-Type": "application/json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
    return time.perf_counter() - started


def concurrent(
    app, base: str, zones: int, clients: int = 8, per_client: int = 10, limit_s: float = 90
) -> dict:
    """`clients` clients on loopback, each sending the page callbacks in turn, `per_client`
    rounds at most and `limit_s` seconds at most: latency p50/p95 and requests per second."""
    bodies = list(requests(app, zones).items())
    for _, body in bodies:  # each once alone first: warm, and a failing one shows here
        _post(base, body)
    deadline = time.monotonic() + limit_s
    samples: dict[str, list[float]] = {name: [] for name, _ in bodies}
    errors = []

    def client(number: int) -> None:
        for round_ in range(per_client):
            for offset in range(len(bodies)):
                if time.monotonic() > deadline:
                    return
                name, body = bodies[(number + round_ + offset) % len(bodies)]
                try:
                    samples[name].append(_post(base, body))
                except Exception as error:  # noqa: BLE001 - counted, reported
                    errors.append(f"{name}: {error}")

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.perf_counter() - started
    every = sorted(t for times in samples.values() for t in times)

    return {
        "clients": clients,
        "elapsed_s": round(elapsed, 1),
        "requests_per_s": round(len(every) / elapsed, 1),
        "errors": errors[:5],
        "all": latencies(every),
        **{name: latencies(times) for name, times in samples.items()},
    }
