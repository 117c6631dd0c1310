"""`graphmap serve`: waitress unless --debug, no team server without users, the local demo,
the secret key, the upload limit."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import _free_port

from dashboard import app as dashboard_app
from dashboard import security
from graphmap import limits, users
from graphmap.cli import cli
from graphmap.errors import ConfigurationError, ValidationError


def test_a_team_server_without_users_refuses_with_one_line(store, embedded_env):
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--backups", "0"])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert "nog geen gebruikers" in line and "graphmap users add" in line
    demo = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--demo"])
    assert demo.exit_code == 2 and "alleen 127.0.0.1" in demo.output


def test_the_local_demo_needs_no_sign_in_and_says_so(seeded):
    client = dashboard_app.create_app(seeded, demo=True).server.test_client()
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    assert "Lokale demo: geen aanmelding" in layout.text and "demo-notice" in layout.text
    assert client.get("/").status_code == 200
    signed = dashboard_app.create_app(seeded).server.test_client()
    assert signed.get("/").status_code == 302 and signed.get("/_dash-layout").status_code == 401


def test_serve_runs_on_waitress_not_flasks_development_server(
    store, embedded_env, data_dir, tmp_path
):
    users.add(store, "beheer", "een lang genoeg wachtwoord", "admin", [], actor="test")
    port = _free_port()
    command = [sys.executable, "-m", "graphmap", "serve", "--port", str(port), "--backups", "0"]
    env = {**os.environ, "GRAPHMAP_DATA_DIR": str(data_dir)}
    log = tmp_path / "serve.log"
    server = subprocess.Popen(command, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        answer = None
        # As long as test_embedded waits for serve: on a busy machine, importing the
        # dashboard alone took past the half minute this waited.
        deadline = time.monotonic() + 120
        while answer is None and time.monotonic() < deadline:
            try:
                answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5)
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, log.read_text()
                time.sleep(0.25)
        assert answer is not None and answer.status == 200, log.read_text()
        assert answer.headers["Server"] == "waitress"
        assert "Aanmelden" in answer.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_port_in_use_or_out_of_range_is_one_line_not_a_traceback(store, embedded_env, data_dir):
    users.add(store, "beheer", "een lang genoeg wachtwoord", "admin", [], actor="test")
    wrong = CliRunner().invoke(cli, ["serve", "--port", "99999"])
    assert wrong.exit_code == 2 and "99999" in wrong.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "graphmap", "serve", "--port", str(port), "--backups", "0"]
        env = {**os.environ, "GRAPHMAP_DATA_DIR": str(data_dir)}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "Traceback" not in done.stderr and f"kan niet luisteren op 127.0.0.1:{port}" in done.stderr
    )
    assert "dashboard on" not in done.stdout  # announced only once it listens


def test_the_secret_key_comes_from_the_environment_or_once_from_the_data_folder(tmp_path):
    key = security.secret_key(tmp_path, environ={})
    path = tmp_path / security.SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(key) >= security.SECRET_MIN
    assert security.secret_key(tmp_path, environ={}) == key  # kept, not made again
    given = "k" * security.SECRET_MIN
    assert security.secret_key(tmp_path, environ={"GRAPHMAP_SECRET_KEY": given}) == given
    with pytest.raises(ConfigurationError, match="te kort: minstens"):
        security.secret_key(tmp_path, environ={"GRAPHMAP_SECRET_KEY": "kort"})


@pytest.mark.parametrize("value", ["abc", "0", "-5"])
def test_a_bad_upload_limit_is_one_line_for_every_command(tmp_path, value):
    # In a process of its own: the limit is read once, when graphmap is first imported.
    env = {**os.environ, "GRAPHMAP_MAX_UPLOAD_MB": value, "GRAPHMAP_DATA_DIR": str(tmp_path)}
    for command in (["stats"], ["--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "graphmap", *command],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if command == ["--help"]:
            assert done.returncode == 0 and "Usage" in done.stdout
            continue
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        [line] = done.stderr.strip().splitlines()
        assert f"GRAPHMAP_MAX_UPLOAD_MB={value!r}" in line


def test_the_upload_limit_is_20_mb_or_as_configured_with_a_dutch_message(seeded):
    assert limits._file_bytes({}) == 20 * 1024 * 1024
    assert limits._file_bytes({"GRAPHMAP_MAX_UPLOAD_MB": "5"}) == 5 * 1024 * 1024
    with pytest.raises(ValidationError, match="GRAPHMAP_MAX_UPLOAD_MB"):
        limits._file_bytes({"GRAPHMAP_MAX_UPLOAD_MB": "veel"})
    app = dashboard_app.create_app(seeded, demo=True)
    app.server.config["MAX_CONTENT_LENGTH"] = 1024
    answer = app.server.test_client().post(
        "/_dash-update-component", data=b"x" * 2048, content_type="application/json"
    )
    assert answer.status_code == 413
    assert (
        "te groot" in answer.get_json()["error"]
        and limits.megabytes(limits.FILE_BYTES) in answer.get_json()["error"]
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "GRAPHMAP_MAX_UPLOAD_MB='abc': verwacht een aantal MB"),
        ("0", "GRAPHMAP_MAX_UPLOAD_MB='0': verwacht meer dan 0"),
    ],
)
def test_a_bad_upload_limit_is_named_in_dutch(value, message):
    with pytest.raises(ValidationError) as refused:
        limits._file_bytes({"GRAPHMAP_MAX_UPLOAD_MB": value})
    assert str(refused.value) == message
