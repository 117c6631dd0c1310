"""The promises around the code: docs match the CLI, the compose file lints, the wheel is whole."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import click
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


def _readme_row(name: str) -> str:
    [row] = [
        line
        for line in README.splitlines()
        if line.startswith(f"| `{name} ") or line.startswith(f"| `{name}`")
    ]
    return row


def test_the_readme_row_of_each_command_lists_its_options_and_no_others():
    """`import contacts --help` offered --zone and --new-if-similar, `zone add` --format and
    -m, which the README's table did not list."""
    import re

    unlisted, unknown = [], []
    for name, command in _commands(cli):
        if hasattr(command, "commands"):
            continue
        usage = _readme_row(name).split("` |", 1)[0]
        options = [p for p in command.params if isinstance(p, click.Option)]
        for option in options:
            if not any(re.search(rf"{o}(?![\w-])", usage) for o in option.opts):
                unlisted.append((name, option.opts[-1]))
        offered = {o for option in options for o in option.opts + option.secondary_opts}
        listed = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", usage))
        unknown += [(name, o) for o in sorted(listed - offered)]
    assert (unlisted, unknown) == ([], []), (unlisted, unknown)


def test_help_promises_only_what_the_command_does():
    """-o said "also for xlsx" on commands without xlsx; generate's example loaded its zones
    without --reset, into the graph there was."""
    found = dict(_commands(cli))
    for name, command in found.items():
        options = {p.name: p for p in command.params if isinstance(p, click.Option)}
        if "output" in options and "fmt" in options:
            formats = options["fmt"].type.choices
            for binary in ("xlsx", "ics"):
                promised = f"also for {binary}" in options["output"].help
                assert promised == (binary in formats), (name, binary)
    assert "graphmap seed --reset --path /tmp/flanders" in found["graphmap generate"].help


def _setting_default(variable: str) -> str:
    """The default the README's configuration table states for a GRAPHMAP_ variable."""
    import re

    [row] = [line for line in README.splitlines() if line.startswith(f"| `{variable}` |")]
    return re.search(r"\(default ([\d.]+)", row).group(1)


def test_the_readme_states_the_defaults_the_code_has(monkeypatch):
    """A default changed in the code and not in the README (or the other way) reads as a
    promise the product does not keep."""
    import re

    from graphmap import embedded, limits

    for variable in ("GRAPHMAP_SESSION_HOURS", "GRAPHMAP_BACKUPS", "GRAPHMAP_IDLE_SECONDS"):
        monkeypatch.delenv(variable, raising=False)
    serve = {p.name: p for p in cli.commands["serve"].params}
    assert float(_setting_default("GRAPHMAP_SESSION_HOURS")) == serve["session_hours"].default()
    assert int(_setting_default("GRAPHMAP_BACKUPS")) == serve["backups"].default()
    assert float(_setting_default("GRAPHMAP_IDLE_SECONDS")) == embedded.idle_seconds()
    assert float(_setting_default("GRAPHMAP_MAX_UPLOAD_MB")) == limits.FILE_MB_DEFAULT
    address = f"default `{serve['host'].default}:{serve['port'].default}`"
    assert address in _readme_row("graphmap serve")
    generate = {p.opts[0]: p.default for p in cli.commands["generate"].params}
    stated = re.findall(r"\[(--[a-z-]+) (\d+)\]", _readme_row("graphmap generate"))
    assert stated and {o: int(n) for o, n in stated} == {o: generate[o] for o, _ in stated}


def _layers(package: Path) -> list[str]:
    """The modules a package's docstring lists, in its order ("- `name`: …")."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text())) or ""
    return re.findall(r"^- `(\w+)`:", doc, re.M)


def test_the_reader_packages_say_their_modules_and_import_only_those_above():
    for package in (ROOT / "graphmap/ingest/plan", ROOT / "graphmap/ingest/documents"):
        layers = _layers(package)
        modules = sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")
        assert sorted(layers) == modules
        dotted = "graphmap.ingest." + package.name
        for at, name in enumerate(layers):
            tree = ast.parse((package / f"{name}.py").read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(dotted):
                    used = (node.module or "").removeprefix(dotted).lstrip(".")
                    assert used in layers[:at], f"{dotted}.{name} imports {node.module}"


def _installed_with(specs: list[str]) -> set[str]:
    """The distributions these requirements install, their own requirements included (not
    their extras), as the installed metadata says."""
    from importlib.metadata import PackageNotFoundError, requires

    def name(spec: str) -> str:
        return re.split(r"[<>=!~\[; (]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")

    found, todo = set(), [name(s) for s in specs]
    while todo:
        dist = todo.pop()
        if dist in found:
            continue
        found.add(dist)
        try:
            needs = requires(dist) or []
        except PackageNotFoundError:
            continue
        todo += [name(r) for r in needs if "extra ==" not in r and "extra==" not in r]
    return found


def test_what_the_product_imports_its_dependencies_install():
    """`make run` installs the dependencies alone, not the tests' (`.[test,bench]`): a module
    that graphmap or the dashboard imports and only a test tool brings along (defusedxml came
    with fpdf2) would fail there, and nowhere in the suite."""
    import tomllib
    from importlib.metadata import packages_distributions

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    installed = _installed_with(declared)
    providers = packages_distributions()
    missing = set()
    for path in [*(ROOT / "graphmap").rglob("*.py"), *(ROOT / "dashboard").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                roots = [node.module.split(".")[0]]
            else:
                continue
            for root in roots:
                if root in sys.stdlib_module_names or root in ("graphmap", "dashboard"):
                    continue
                dists = {d.lower().replace("_", "-") for d in providers.get(root, [root])}
                if not dists & installed:
                    missing.add(f"{path.relative_to(ROOT)}: {root}")
    assert not missing, sorted(missing)


def test_the_readme_states_the_limits_the_code_has():
    """Staff and reviewers read the limits in the README: a constant changed without it (runs
    of spaces held to 200 where the README said 100; the follow-up's note limits it did not
    give) is a rule the product does not keep."""
    from dashboard import elements, followup, security, signin
    from dashboard.pages import netwerk, opvolging, organisaties
    from graphmap import audit, backup, engagement, limits, store, users
    from graphmap import followup as steps
    from graphmap.ingest import tables
    from graphmap.ingest.documents import lines
    from graphmap.ingest.plan import timing

    text = " ".join(README.split())

    def thousands(n: int) -> str:
        return f"{n:,}"

    stated = [
        f"a file to import is at most {limits.FILE_MB_DEFAULT} MB",
        f"XLSX at most {limits.XLSX_UNPACKED_BYTES // 2**20} MB unpacked",
        f"{thousands(limits.ROWS)} rows and {limits.COLUMNS} columns",
        f"a cell holds at most {thousands(limits.CELL_CHARS)} characters",
        f"names {limits.NAME}, titles {limits.TITLE}, e-mail {limits.EMAIL} …",
        f"a note of a status change or a contact moment {engagement.NOTE_MAX}, "
        f"a next step {steps.STEP_MAX}, its owner {steps.OWNER_MAX}",
        f"a run of more than {lines.SPACES} spaces in a plan's line counts as {lines.SPACES}",
        f"runs of spaces are held to {lines.SPACES}",
        f"its last {timing.TIMING_TAIL} characters (at most {timing.TIMINGS} taken off)",
        f"of the first {tables.HEADER_ROWS} rows",
        f"the password ({users.PASSWORD_MIN} to {thousands(users.PASSWORD_MAX)} characters)",
        f"({security.SECRET_MIN} characters or more)",
        f"within {signin.WINDOW // 60} minutes: after {signin.PER_PAIR} for a name from one",
        f"after {signin.PER_ADDRESS} from an address",
        f"after {signin.PER_NAME} for a name from anywhere",
        f"within {signin.USER_CACHE_SECONDS:.0f} seconds when the user's password changes",
        f"it reads again (up to {backup.READ_TRIES} times)",
        f"commit within {store.SNAPSHOT_SECONDS:.0f} s",
        f"parts of at most {store.PART_BYTES // 2**20} MB",
        f"the {opvolging.STEPS_SHOWN} earliest due on the page",
        f"the newest {opvolging.CHANGES_SHOWN} on the page",
        f"the newest {followup.HISTORY_SHOWN}, with how many older",
        f"more than {organisaties.MEMBERSHIP_ROWS} clusters lists them in a grid",
        f"(up to {elements.CLUSTER_LEVEL_ZONES}) or one node per zone",
        f"the first {netwerk.ISOLATED_SHOWN} by name",
        f"the newest {thousands(audit.LIMIT)} of the filter",
    ]
    assert [s for s in stated if s not in text] == []
    assert organisaties.SUGGESTED == 3 and "up to three organisations of alike names" in text
