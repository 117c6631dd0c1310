"""Every query is a named file that Neo4j's own linter accepts and callers call correctly."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path

import pytest

from graphmap import model, queries
from graphmap.errors import QueryError, ValidationError
from graphmap.paths import cypher_dir

ROOT = Path(__file__).resolve().parent.parent
LINTER = ROOT / "tests" / "lint_cypher.mjs"


def lint(files: list[Path], tmp_path: Path) -> dict[str, list[dict]]:
    schema = tmp_path / "schema.json"
    schema.write_text(
        json.dumps(
            {
                "labels": [*model.LABELS, *queries.PLACEHOLDER_LABELS],
                "relationshipTypes": [*model.RELATIONSHIP_TYPES, *queries.PLACEHOLDER_TYPES],
            }
        )
    )
    result = subprocess.run(
        ["node", str(LINTER), str(schema), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def linted(tmp_path_factory) -> tuple[dict[str, list[dict]], Path]:
    """The linter's report on every query and on two broken ones beside them, from one run:
    loading the linter takes node a few seconds."""
    folder = tmp_path_factory.mktemp("cypher")
    (folder / "broken.cypher").write_text(
        "// name: broken\n// params: id\nMATCH (z:Zone {id: $id) RETURN z\n"
    )
    (folder / "typo.cypher").write_text(
        "// name: typo\n// params: id\nMATCH (z:Zonee {id: $id}) RETURN z\n"
    )
    files = sorted(cypher_dir().glob("*.cypher")) + sorted(folder.glob("*.cypher"))
    return lint(files, folder), folder


def test_every_query_passes_neo4j_linter(linted):
    report, _ = linted
    ours = {f: d for f, d in report.items() if Path(f).parent == cypher_dir()}
    assert len(ours) == len(list(cypher_dir().glob("*.cypher"))) > 10
    problems = {f: d for f, d in ours.items() if d}
    assert problems == {}


def test_linter_catches_a_broken_query(linted):
    report, folder = linted
    broken, typo = report[str(folder / "broken.cypher")], report[str(folder / "typo.cypher")]
    assert any(d["severity"] == 1 for d in broken)
    assert any("Zonee" in d["message"] for d in typo)


def test_every_file_loads_with_consistent_header():
    loaded = queries.load_all()
    assert set(loaded) == {p.stem for p in cypher_dir().glob("*.cypher")}


def test_templates_use_known_placeholders_and_refuse_other_names():
    known = {*queries.PLACEHOLDER_LABELS, *queries.PLACEHOLDER_TYPES, *queries.PLACEHOLDER_KEYS}
    templates = {}
    for name, query in queries.load_all().items():
        used = set(queries.PLACEHOLDER.findall(query.text))
        assert used <= known, name
        if used:
            templates[name] = query
    assert set(templates) == {"restore_nodes", "restore_relationships", "restore_constraint"}
    bound = templates["restore_nodes"].bind({"__LABELS__": "Zone:Extra_1"})
    assert "CREATE (n:`Zone`:`Extra_1`)" in bound.text
    for bad in ["Zone`", "Zone) DETACH DELETE (n", "", "1Zone", "Zone Zone", "Zöne"]:
        with pytest.raises(ValidationError, match="geen geldige naam van label"):
            templates["restore_nodes"].bind({"__LABELS__": bad})
    with pytest.raises(QueryError, match="takes"):
        templates["restore_nodes"].bind({"__TYPE__": "X"})


def test_header_must_declare_every_parameter(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("// name: q\n// params: id\nMATCH (z:Zone {id: $id, name: $name}) RETURN z\n")
    with pytest.raises(QueryError, match="uses"):
        queries.parse(path)


def test_callers_must_pass_exactly_the_declared_parameters(store):
    with pytest.raises(QueryError, match="missing \\['zones'\\]"):
        store.read("zone_network")
    with pytest.raises(QueryError, match="unexpected \\['zone'\\]"):
        store.read("zone_network", zones=[], zone="x")


def _called_queries() -> set[str]:
    """Names passed as string literals to read/write/run anywhere in the code."""
    names = set()
    for path in [*ROOT.glob("graphmap/**/*.py"), *ROOT.glob("dashboard/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"read", "write", "run", "run_rows"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


def test_every_called_query_exists():
    from graphmap.ingest.seed import STEPS

    called = _called_queries() | {name for name, _ in STEPS}
    assert called <= set(queries.load_all())


def test_no_cypher_outside_cypher_folder():
    for path in [*ROOT.glob("graphmap/**/*.py"), *ROOT.glob("dashboard/**/*.py")]:
        text = path.read_text()
        for keyword in ("MATCH (", "MERGE (", "DETACH DELETE"):
            assert keyword not in text, f"{path} holds Cypher"
