"""The embedded server's life: one per data folder, joined by a second command, never orphaned.

These start graphmap as a user would, in subprocesses, each on a data folder of its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("NEO4J_URI")), reason="about the embedded store"
)


def _env(data_dir: Path, idle: float = 0) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "GRAPHMAP_DATA_DIR": str(data_dir), "GRAPHMAP_IDLE_SECONDS": str(idle)}


def _graphmap(data_dir: Path, *args: str, idle: float = 0, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "graphmap", *args],
        env=_env(data_dir, idle),
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def _servers(data_dir: Path) -> list[int]:
    """Pids of embedded database processes serving this data folder."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if b"graphmap.embedded" in cmdline and str(data_dir).encode() in cmdline and state != "Z":
            pids.append(int(proc.name))
    return pids


def _wait(condition, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_serve(data_dir: Path) -> subprocess.Popen:
    port = _free_port()
    # Its output goes to a file beside the data folder, never to a pipe nobody reads (a full
    # pipe would hold serve up on its way out), and a failing test shows it (`_log`).
    log = data_dir.parent / "serve.log"
    with open(log, "w") as out:
        serve = subprocess.Popen(
            # The local demo: a data folder of its own has no users to sign in with.
            [sys.executable, "-m", "graphmap", "serve", "--demo", "--port", str(port)],
            env=_env(data_dir),
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            # Ctrl-C as a terminal sends it, whatever this run inherited: a shell that starts
            # a job in the background (`make test &`) hands it SIGINT ignored, and so to
            # serve, which then went on serving after the test's SIGINT.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    assert _wait(lambda: _port_open(port), timeout=120), f"serve did not come up\n{_log(data_dir)}"
    return serve


def _log(data_dir: Path) -> str:
    return (data_dir.parent / "serve.log").read_text(errors="replace")[-4000:]


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_second_command_joins_the_running_server_and_ctrl_c_stops_it(tmp_path):
    data_dir = tmp_path / "data"
    serve = _start_serve(data_dir)
    try:
        [server] = _servers(data_dir)
        state = json.loads((data_dir / "server.json").read_text())
        assert state["pid"] == server
        assert oct((data_dir / "server.json").stat().st_mode & 0o777) == "0o600"

        # serve keeps a daily backup in the data folder, readable by its user only
        assert _wait(lambda: any((data_dir / "backups").glob("graphmap-*.jsonl")), timeout=60)
        [daily] = (data_dir / "backups").glob("graphmap-*.jsonl")
        assert oct(daily.stat().st_mode & 0o777) == "0o600"

        seeded = _graphmap(data_dir, "seed")
        assert seeded.returncode == 0, seeded.stderr
        assert "ELZ Maasland: 5 gemeenten" in seeded.stdout
        assert _servers(data_dir) == [server]  # joined, not started twice

        serve.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            serve.wait(timeout=60)
        assert serve.returncode == 0, _log(data_dir)
        assert _wait(lambda: _servers(data_dir) == [], timeout=30)
        assert not (data_dir / "server.json").exists()
    finally:
        serve.kill()


def test_neither_a_killed_graphmap_nor_a_command_leaves_a_database_behind(tmp_path):
    data_dir = tmp_path / "data"
    serve = _start_serve(data_dir)
    assert len(_servers(data_dir)) == 1
    serve.kill()  # SIGKILL: no clean-up code runs in graphmap
    serve.wait()
    assert _wait(lambda: _servers(data_dir) == [], timeout=60)
    # The folder is usable again right away, and a command (with no idle time) leaves no
    # database process behind either.
    result = _graphmap(data_dir, "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["nodes"] == {}
    assert _servers(data_dir) == []
    assert not (data_dir / "server.json").exists()
    assert (data_dir / "server.log").exists()  # the server's log went to the data folder


def test_the_server_waits_for_the_next_command_then_stops_when_idle(tmp_path):
    data_dir = tmp_path / "data"
    try:
        assert _graphmap(data_dir, "stats", idle=4).returncode == 0
        [server] = _servers(data_dir)  # kept for the next command
        assert _graphmap(data_dir, "stats", idle=4).returncode == 0
        assert _servers(data_dir) == [server]  # joined, not started again
        assert _wait(lambda: _servers(data_dir) == [], timeout=60)  # idle: gone by itself
        assert not (data_dir / "server.json").exists()
    finally:
        _graphmap(data_dir, "stop")


def test_graphmap_stop_ends_an_idle_server_now_but_not_one_in_use_and_sigterm_does(tmp_path):
    data_dir = tmp_path / "data"
    assert _graphmap(data_dir, "stats", idle=600).returncode == 0
    assert len(_servers(data_dir)) == 1
    stopped = _graphmap(data_dir, "stop")
    assert stopped.returncode == 0 and "ingebedde databank gestopt" in stopped.stdout
    assert _servers(data_dir) == []
    assert "er draait geen ingebedde databank" in _graphmap(data_dir, "stop").stdout

    serve = _start_serve(data_dir)
    try:
        refused = _graphmap(data_dir, "stop")
        assert refused.returncode == 1
        assert "in gebruik" in refused.stderr
        assert len(_servers(data_dir)) == 1
        # SIGTERM, as a service manager stops serve: it ends, and its server with it.
        serve.terminate()
        serve.wait(timeout=60)
        assert _wait(lambda: _servers(data_dir) == [], timeout=30)
    finally:
        serve.kill()
