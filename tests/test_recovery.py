"""Recovery: a kill never leaves half a graph, a dead database is said in one line by the CLI
and survived by the dashboard.

Before: `kill -9` between the delete and the reload of `seed --reset` left an empty graph; a
CLI command whose database died failed after 40-72 s and 11-13 lines of driver retries; the
dashboard answered 500 on every page for good.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import post_callback

from dashboard.app import UNREACHABLE, create_app
from graphmap.ingest import seed
from graphmap.settings import Settings
from graphmap.store import Store

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("NEO4J_URI")), reason="kills the embedded server"
)


def _graphmap(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["GRAPHMAP_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "graphmap", "-v", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_line(process: subprocess.Popen, text: str) -> list[str]:
    """Read stderr until a line holds `text`; the lines read."""
    lines = []
    for line in process.stderr:
        lines.append(line)
        if text in line:
            return lines
    raise AssertionError(f"never logged {text!r}: {''.join(lines)}")


def _counts(store: Store):
    return store.read("stats_nodes"), store.read("stats_relationships")


def test_a_kill_during_seed_reset_leaves_the_old_graph(seeded, data_dir):
    before = _counts(seeded)
    command = _graphmap(data_dir, "seed", "--reset")
    # `-v` logs each query when it has run: the graph is being emptied, in the transaction.
    _wait_for_line(command, "query delete_graph")
    command.send_signal(signal.SIGKILL)
    command.wait()
    assert _counts(seeded) == before


def test_the_cli_fails_fast_and_the_dashboard_recovers_when_the_database_dies(tmp_path):
    data_dir = tmp_path / "data"
    store = Store.connect(Settings(data_dir=data_dir), recover=True)
    try:
        seed.load(store)
        app = create_app(store, demo=True)
        page = {"url.pathname": "/organisaties", "url.search": ""}
        assert UNREACHABLE not in str(post_callback(app, "url.pathname", page))

        command = _graphmap(data_dir, "seed", "--reset")
        _wait_for_line(command, "query seed_sources")  # in the middle of its transaction
        os.kill(store.embedded.info.pid, signal.SIGKILL)
        died = time.monotonic()
        command.wait(timeout=60)
        seconds = time.monotonic() - died
        errors = command.stderr.read().splitlines()
        print(f"the CLI failed {seconds:.1f} s after its database died")
        assert command.returncode == 1
        assert [line for line in errors if not line.startswith("query ")] == [errors[-1]], (
            "one line"
        )
        assert errors[-1].startswith("Error: de databank is onbereikbaar")

        # The dashboard: the page says so at once, then starts a server and recovers.
        answer = post_callback(app, "url.pathname", page)
        assert UNREACHABLE in str(answer)
        assert answer["response"]["db-retry"]["disabled"] is False, "the page reloads itself"
        grid = post_callback(
            app,
            "organisaties-grid.getRowsRequest",
            {"organisaties-grid.getRowsRequest": {"startRow": 0, "endRow": 100}},
            "getRowsResponse",
        )
        assert UNREACHABLE in str(grid), "a page's own callbacks show the notice too"
        assert grid["sideUpdate"]["db-retry"] == {"disabled": False}
        started = time.monotonic()
        store.wait_for_recovery(timeout=180)
        print(f"the dashboard's store reconnected in {time.monotonic() - started:.1f} s")
        answer = post_callback(app, "db-retry.n_intervals", {**page, "db-retry.n_intervals": 1})
        assert UNREACHABLE not in str(answer)
        assert "Zoek op naam" in str(answer)
        assert answer["response"]["db-retry"]["disabled"] is True
        assert store.read("count_nodes")[0]["nodes"] > 400, "the seed survived"
    finally:
        store.close()
