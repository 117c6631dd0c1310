"""The promises around the code: docs match the CLI, the compose file lints, the wheel is whole."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

from graphmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def _commands(group, prefix="graphmap"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    found = dict(_commands(cli))
    assert "graphmap import plan" in found
    for name, command in found.items():
        assert command.help and "Example: " + name in command.help, name
        assert f"`{name}" in README, name


def test_readme_states_the_two_commands_first():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.strip().splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]


def test_compose_file_passes_dclint():
    result = subprocess.run(
        ["npx", "--no-install", "dclint", "--max-warnings", "0", "docker-compose.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_wires_the_app_to_neo4j():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    app, neo4j = compose["services"]["app"], compose["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5") and "community" in neo4j["image"]
    assert "healthcheck" in neo4j and neo4j["volumes"]
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert app["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert set(app["environment"]) == {
        "NEO4J_URI",
        "NEO4J_USERNAME",
        "NEO4J_PASSWORD",
        "NEO4J_DATABASE",
        "GRAPHMAP_SECRET_KEY",
    }
    assert app["environment"]["GRAPHMAP_SECRET_KEY"].startswith("${GRAPHMAP_SECRET_KEY:?")
    assert (ROOT / app["build"] / "Dockerfile").exists()


def test_wheel_carries_queries_seed_and_dashboard(tmp_path):
    """The Docker image installs the wheel: it must hold cypher/ and seed/ too."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("graphmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "graphmap/_data/cypher/schema.cypher" in names
    assert "graphmap/_data/seed/zones/maasland.yaml" in names
    assert "dashboard/app.py" in names
    assert "dashboard/assets/graphmap.css" in names
