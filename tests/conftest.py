"""Fixtures: one embedded graph store per test session, reset between tests.

With NEO4J_URI set, the same suite runs against that Neo4j server instead.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dash.testing.composite import DashComposite

from bench.browser import chromium_options
from graphmap import dates
from graphmap.ingest import seed
from graphmap.settings import Settings
from graphmap.store import Store

# The embedded server outlives its last client by GRAPHMAP_IDLE_SECONDS; the suite's servers
# stop with it (tests of the idle time set their own).
os.environ.setdefault("GRAPHMAP_IDLE_SECONDS", "0")
# The suite's databases (the session's and those its tests start) live minutes: the JIT's
# second compiler (C2) costs them more CPU than its faster code gives back, on two cores
# shared by two test processes. The first (C1) alone ran the suite's database-bound tests
# 25-30% faster. The same engine and queries; only how its Java code is compiled.
os.environ.setdefault("ARCADEDB_JVM_ARGS", "-XX:TieredStopAtLevel=1")

ROOT = Path(__file__).resolve().parent.parent
UPDATE = "/_dash-update-component"
SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes():
    """Argon2id still, with the library's cheapest parameters: a sign-in in a test takes a
    millisecond, not 0.2 s (every hash names its own parameters, so verifying is the same
    code either way)."""
    from argon2 import PasswordHasher, profiles

    from graphmap import users

    kept = users._hasher
    users._hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
    users._unknown.cache_clear()  # the unknown name's hash is made with the cheap one too
    yield
    users._hasher = kept
    users._unknown.cache_clear()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("graphmap-data")


@pytest.fixture(scope="session")
def session_store(data_dir):
    settings = Settings.from_env()
    if settings.embedded:
        settings = Settings(data_dir=data_dir)
    elif int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
        # Each process resets the graph between its tests: on one server they would clear
        # each other's.
        pytest.exit("NEO4J_URI: run the tests in one process (pytest without -n)", returncode=2)
    store = Store.connect(settings)
    yield store
    store.close()


@pytest.fixture
def store(session_store) -> Store:
    """An empty graph (schema in place)."""
    session_store.reset()
    return session_store


# What the graph was right after the last seed load: its revision (which every write through
# a Store changes, in the write's own transaction), its node count (a write past the Store,
# through the driver, changes no revision) and the day (the seed is read relative to today).
_seeded_as: tuple | None = None


def _fingerprint(store: Store) -> tuple:
    return store.revision(), store.read("count_nodes")[0]["nodes"], dates.today()


@functools.cache
def _seed_rows(today) -> seed.Rows:
    """The seed's rows as `seed.load` reads and validates them, once a day per process: a
    fifth of each of the suite's hundreds of loads was reading the same YAML again."""
    return seed.build_rows()


def seed_afresh(store: Store) -> str:
    """Put the seed graph in place for a test: "kept" when the graph is still the one the
    last call loaded (nothing written since: the same revision, the same node count), with
    a new revision so that what is kept by revision (gaps, the grids' rows) starts cold as
    after a load; else "loaded", from an empty graph."""
    global _seeded_as
    if _seeded_as is not None and _fingerprint(store) == _seeded_as:
        store.transaction(lambda tx: None)  # only a new revision
        outcome = "kept"
    else:
        store.reset()
        seed.write_rows(store, _seed_rows(dates.today()))  # as seed.load writes them
        outcome = "loaded"
    _seeded_as = _fingerprint(store)
    return outcome


@pytest.fixture
def seeded(request, session_store) -> Store:
    """The graph holding the project's seed data.

    Loading it costs up to a second and most tests only read it, so the graph of the test
    before is kept when nothing was written to it since its load (`seed_afresh`). Any write
    (of a test, a CLI process, a dashboard thread) gives it a new revision, and the next
    test gets a fresh load: no test sees another's writes (test_seed.py checks this)."""
    if "store" in request.fixturenames:
        request.getfixturevalue("store")  # a test asking for both: empty first, then seeded
    seed_afresh(session_store)
    return session_store


@pytest.fixture
def embedded_env(data_dir, monkeypatch):
    """Environment under which an in-process CLI call joins the session's embedded server."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        if name in os.environ and not os.environ.get("NEO4J_URI"):
            monkeypatch.delenv(name)
    if not os.environ.get("NEO4J_URI"):
        monkeypatch.setenv("GRAPHMAP_DATA_DIR", str(data_dir))


class _SharedBrowser(DashComposite):
    """dash[testing]'s browser and server pair, on a Chromium that an earlier test started."""

    def __init__(self, server, driver, download_path: str):
        self._shared = driver
        super().__init__(
            server=server,
            browser="chrome",
            options=[chromium_options()],
            download_path=download_path,
        )

    def get_webdriver(self):
        return self._shared

    def __exit__(self, *exc) -> None:
        """The browser stays for the next test, which starts it afresh (`dash_duo`)."""


@pytest.fixture(scope="session")
def _chromium(tmp_path_factory):
    """One Chromium for the session's browser tests: starting one took 2-6 s of every test."""
    with DashComposite(
        server=None,
        browser="chrome",
        options=[chromium_options()],
        download_path=str(tmp_path_factory.mktemp("downloads")),
    ) as browser:
        yield browser.driver, browser.driver.get_window_size()


@pytest.fixture
def dash_duo(_chromium, dash_thread_server, tmp_path):
    """dash[testing]'s `dash_duo` (a dashboard server of this test's own, driven by a real
    browser) on the session's one Chromium, started afresh: one blank tab at the start size,
    no cookies, cache or storage of any site, no console lines of an earlier test, and
    downloads into this test's folder."""
    driver, size = _chromium
    for handle in driver.window_handles[1:]:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(driver.window_handles[0])
    driver.get("about:blank")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(size["width"], size["height"])
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    downloads = tmp_path / "download"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.get_log("browser")  # read, and so gone: an earlier page's lines
    with _SharedBrowser(dash_thread_server, driver, str(downloads)) as duo:
        yield duo
    # dash[testing] stops its server by raising SystemExit in every thread the server started:
    # a request cut off inside the graph driver leaves its connection broken for the next
    # test. So the browser leaves the page first, and the last requests are let finish.
    page = urlsplit(driver.current_url)
    driver.get("about:blank")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.02)
    if page.scheme in ("http", "https"):  # no storage for a later server on the same port
        driver.execute_cdp_cmd(
            "Storage.clearDataForOrigin",
            {"origin": f"{page.scheme}://{page.netloc}", "storageTypes": "all"},
        )


@pytest.fixture
def dashboard(dash_duo, seeded):
    """The dashboard on the seeded store, in a real browser, on a free port."""
    from dashboard.app import create_app

    dash_duo.start_server(create_app(seeded, demo=True), port=_free_port())
    return dash_duo


@contextmanager
def dashboard_in_browser(store, download_dir: Path, width: int = 1600, height: int = 1100):
    """The dashboard on `store` in one browser for a whole module: for tests that share a
    graph too large to load per test. The page is `width` × `height` CSS pixels."""
    from dash.testing.application_runners import ThreadedRunner
    from dash.testing.composite import DashComposite

    from dashboard.app import create_app

    with (
        ThreadedRunner() as server,
        DashComposite(
            server=server,
            browser="chrome",
            headless=True,
            options=chromium_options(),
            download_path=str(download_dir),
        ) as duo,
    ):
        duo.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        duo.start_server(create_app(store, demo=True), port=_free_port())
        yield duo


def callback_body(app, trigger: str, values: dict, output: str = "") -> dict:
    """The request a browser posts for the callback that `trigger` ("id.property") fires
    (the one whose outputs name `output`, when several do); `values` gives each input and
    state by "id.property", and for a pattern-matching input ("{...}.property") the list
    of {id, property, value} items the page holds."""
    [(key, spec)] = [
        (key, spec)
        for key, spec in app.callback_map.items()
        if trigger in (f"{i['id']}.{i['property']}" for i in spec["inputs"]) and output in key
    ]

    def filled(items):
        found = []
        for i in items:
            name = f"{i['id']}.{i['property']}"
            if i["id"].startswith("{"):  # a pattern: the matching components on the page
                found.append(values.get(name, []))
            else:
                found.append({**i, "value": values.get(name)})
        return found

    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
        for part in key.strip(".").split("...")
    ]
    return {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]),
        "changedPropIds": [values.get("changed", trigger)],
        "state": filled(spec["state"]),
    }


def post_callback(app, trigger: str, values: dict, output: str = "", client=None) -> dict:
    """Post the callback that `trigger` fires to the app as a browser would (see
    `callback_body`), with `client`'s session if given. Returns the JSON answer."""
    client = client or app.server.test_client()
    response = client.post(UPDATE, json=callback_body(app, trigger, values, output))
    assert response.status_code in (200, 204), response.text
    return response.get_json() if response.status_code == 200 else {}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def screenshot(duo, name: str) -> Path:
    """Save what the browser shows to tests/screenshots/<name>.png (kept out of git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    duo.driver.save_screenshot(str(path))
    return path


def pytest_setup_options():
    """dash[testing]'s hook: the browser the dashboard tests drive."""
    return chromium_options()


def wait_until(condition, timeout: float = 15) -> None:
    """Poll a browser-side condition; a re-render while looking is not a failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # the element re-rendered while we looked at it
            pass
        time.sleep(0.2)
    raise AssertionError("condition not met in time")
