"""Fixtures: one embedded graph store per test session, reset between tests.

With NEO4J_URI set, the same suite runs against that Neo4j server instead.
"""

from __future__ import annotations

import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.browser import chromium_options
from graphmap.ingest import seed
from graphmap.settings import Settings
from graphmap.store import Store

# The embedded server outlives its last client by GRAPHMAP_IDLE_SECONDS; the suite's servers
# stop with it (tests of the idle time set their own).
os.environ.setdefault("GRAPHMAP_IDLE_SECONDS", "0")

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
    store = Store.connect(settings)
    yield store
    store.close()


@pytest.fixture
def store(session_store) -> Store:
    """An empty graph (schema in place)."""
    session_store.reset()
    return session_store


@pytest.fixture
def seeded(store) -> Store:
    """The graph holding the project's seed data."""
    seed.load(store)
    return store


@pytest.fixture
def embedded_env(data_dir, monkeypatch):
    """Environment under which an in-process CLI call joins the session's embedded server."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        if name in os.environ and not os.environ.get("NEO4J_URI"):
            monkeypatch.delenv(name)
    if not os.environ.get("NEO4J_URI"):
        monkeypatch.setenv("GRAPHMAP_DATA_DIR", str(data_dir))


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
