"""The CLI, in-process, against the session's embedded server (which it joins)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graphmap.cli import cli


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_seed_then_stats_json(store, embedded_env):
    assert run("seed").exit_code == 0
    result = run("stats", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["nodes"]["Zone"] == 4
    assert data["nodes"]["Cluster"] == 16
    assert data["relationships"]["HAS_CLUSTER"] == 16
    assert data["nodes"]["Municipality"] == 26
    assert {z["zone"]: z["actions"] for z in data["zones"]} == {
        "kemp-en-duin": 54,
        "kempenland": 13,
        "maasland": 36,
        "noord-limburg": 12,
    }


def test_seed_twice_same_counts(store, embedded_env):
    run("seed")
    first = run("stats", "--format", "json").output
    run("seed")
    assert run("stats", "--format", "json").output == first


def test_stats_table(seeded, embedded_env):
    result = run("stats")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.split() == ["Zone", "4"] for line in lines)
    assert any(line.split() == ["maasland", "5", "5", "14", "36"] for line in lines)


def test_seed_reset_empties_first(seeded, embedded_env):
    from graphmap import register

    register.add_organisations(
        seeded,
        [{"id": "tijdelijk", "name": "Tijdelijk", "category": "caw", "kbo": None, "website": None}],
    )
    assert run("seed", "--reset").exit_code == 0
    assert seeded.read("organisation_ids", ids=["tijdelijk"]) == []


def test_unreachable_server_is_one_clear_line(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    result = run("stats")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: bolt://127.0.0.1:9: the graph database is unreachable")
    assert "Traceback" not in result.output


def test_missing_password_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = run("stats")
    assert result.exit_code == 1
    assert "NEO4J_PASSWORD" in result.output
