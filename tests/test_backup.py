"""Backup and restore: the whole graph as JSON lines, back again, byte for byte below the header."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from graphmap import backup, model
from graphmap.cli import cli
from graphmap.errors import ValidationError


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def body(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


def test_seed_backup_restore_backup_is_the_same_file(seeded, tmp_path):
    first, second = tmp_path / "een.jsonl", tmp_path / "twee.jsonl"
    counts = backup.write(seeded, first)
    header = json.loads(first.read_text().splitlines()[0])
    assert header["format"] == "graphmap-backup" and header["version"] == 1
    assert header["engine"].startswith("Neo4j/")
    assert counts == {"nodes": header["nodes"], "relationships": header["relationships"]}
    assert counts["nodes"] > 400 and counts["relationships"] > 800

    seeded.reset()
    with open(first, encoding="utf-8") as lines:
        assert backup.restore(seeded, lines) == counts
    backup.write(seeded, second)
    assert body(second) == body(first)
    assert oct(first.stat().st_mode & 0o777) == "0o600", "a backup holds personal data"


def test_a_generated_multi_zone_graph_travels_through_the_cli(store, embedded_env, tmp_path):
    folder = tmp_path / "gen"
    run("generate", "--zones", "3", "--orgs-per-zone", "100", "--persons-per-zone", "100",
        "--actions-per-zone", "20", "-o", str(folder))  # fmt: skip
    run("seed", "--reset", "--path", str(folder))
    first, second = tmp_path / "een.jsonl", tmp_path / "twee.jsonl"
    run("backup", str(first))
    refused = CliRunner().invoke(cli, ["restore", str(first)])
    assert refused.exit_code == 1
    assert "not empty" in refused.output and "--replace" in refused.output
    result = run("restore", str(first), "--replace")
    assert result.output.startswith("hersteld: ")
    run("backup", str(second))
    assert body(second) == body(first)
    assert len(body(first)) > 1500


def test_a_label_the_model_does_not_know_travels_too(seeded, tmp_path):
    """A label and relationship type added later need no change in backup or restore."""
    assert "Werkgroep" not in model.KEYS
    seeded.transaction(
        lambda tx: tx.run_template(
            "restore_constraint", {"__LABEL__": "Werkgroep", "__KEY__": "code"}
        )
    )
    seeded.transaction(
        lambda tx: (
            tx.run_template("restore_nodes", {"__LABELS__": "Werkgroep"}, rows=[{"code": "wg-1"}]),
            tx.run_template(
                "restore_relationships",
                {
                    "__TYPE__": "WERKT_AAN",
                    "__START__": "Werkgroep",
                    "__START_KEY__": "code",
                    "__END__": "Action",
                    "__END_KEY__": "id",
                },
                rows=[{"start": "wg-1", "end": "maasland/1.2-a", "properties": {"sinds": 2026}}],
            ),
        )
    )
    first, second = tmp_path / "een.jsonl", tmp_path / "twee.jsonl"
    backup.write(seeded, first)
    assert '{"labels":["Werkgroep"],"properties":{"code":"wg-1"}}' in body(first)
    with open(first, encoding="utf-8") as lines:
        backup.restore(seeded, lines, replace=True)
    backup.write(seeded, second)
    assert body(second) == body(first)
    assert any('"type":"WERKT_AAN"' in line for line in body(second))


def _lines(*records: dict) -> list[str]:
    nodes = sum("labels" in record for record in records)
    header = {"format": backup.FORMAT, "version": 1, "keys": {}, "nodes": nodes}
    header["relationships"] = len(records) - nodes
    return [json.dumps(header), *(json.dumps(record) for record in records)]


ZONE = {"labels": ["Zone"], "properties": {"id": "a"}}


@pytest.mark.parametrize(
    "record",
    [
        {"labels": ["Zone`) DETACH DELETE (n"], "properties": {"id": "x"}},
        {"labels": [], "properties": {"id": "x"}},
        {
            "type": "X]->() DELETE r//",
            "start": ["Zone", "a"],
            "end": ["Zone", "a"],
            "properties": {},
        },
        {
            "type": "COVERS",
            "start": ["Zone {id: 1}) //", "a"],
            "end": ["Zone", "a"],
            "properties": {},
        },
    ],
)
def test_names_that_are_not_identifiers_never_reach_a_query(store, record):
    with pytest.raises(ValidationError, match="not a valid label, type or key name"):
        backup.restore(store, _lines(ZONE, record))
    assert store.read("count_nodes") == [{"nodes": 0}], "nothing half-restored"


def test_an_incomplete_or_foreign_file_is_refused(store, seeded, tmp_path):
    path = tmp_path / "b.jsonl"
    backup.write(seeded, path)
    lines = path.read_text().splitlines()
    with pytest.raises(ValidationError, match="incomplete"):
        backup.restore(seeded, lines[:-3], replace=True)
    with pytest.raises(ValidationError, match="not a graphmap backup"):
        backup.restore(seeded, ['{"hello": 1}'])
    with pytest.raises(ValidationError, match="version 99"):
        backup.restore(seeded, [json.dumps({"format": "graphmap-backup", "version": 99})])


def test_the_daily_backup_keeps_the_newest(seeded, tmp_path):
    folder = tmp_path / "backups"
    start = date(2026, 1, 1)
    for day in range(16):
        backup.keep_daily(seeded, folder, keep=14, today=start + timedelta(days=day))
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 14
    assert kept[0] == "graphmap-2026-01-03.jsonl" and kept[-1] == "graphmap-2026-01-16.jsonl"


def test_the_daily_backups_are_private(seeded, tmp_path):
    # The README: the data folder 0700, every file in it 0600 -- the backups/ of serve too.
    folder = tmp_path / "backups"
    path = backup.keep_daily(seeded, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A folder made open before (by hand, or by an older graphmap) is closed too.
    older = tmp_path / "older"
    older.mkdir(mode=0o755)
    older.chmod(0o755)
    backup.keep_daily(seeded, older)
    assert stat.S_IMODE(older.stat().st_mode) == 0o700


# -- a restore refused before anything is written ---------------------------------------------
ORGANISATION = {"labels": ["Organisation"], "properties": {"id": "pallion", "name": "Pallion"}}


def _state(store) -> tuple:
    return store.read("stats_nodes"), store.read("stats_relationships"), backup.keys(store)


def test_a_line_that_is_not_utf8_is_named(store, embedded_env, tmp_path):
    path = tmp_path / "b.jsonl"
    header, zone, organisation = _lines(ZONE, ORGANISATION)
    organisation = organisation.replace("Pallion", "Diëtisten").encode("cp1252")
    path.write_bytes(b"\n".join([header.encode(), zone.encode(), organisation, b""]))
    result = CliRunner().invoke(cli, ["restore", str(path)])
    assert result.exit_code == 1
    assert result.output == "Error: b.jsonl: line 3 is not UTF-8 text (a graphmap backup is)\n"
    assert store.read("count_nodes") == [{"nodes": 0}]


def test_a_node_without_its_key_is_refused_and_backups_keep_working(seeded, tmp_path):
    before = _state(seeded)
    keyless = {"labels": ["Organisation"], "properties": {"name": "Zonder id"}}
    with pytest.raises(ValidationError, match=r"^b: line 3: .*Organisation has no key .*\.id"):
        backup.restore(seeded, _lines(ZONE, keyless), replace=True, name="b")
    assert _state(seeded) == before
    backup.write(seeded, tmp_path / "nog.jsonl")


@pytest.mark.parametrize("replace", [False, True])
def test_a_key_twice_in_the_file_is_refused_naming_both_lines(seeded, replace):
    """With --replace the store's own pallion is deleted first, in the same transaction:
    the engine's unique constraint let the two CREATEs through."""
    if not replace:
        seeded.reset()
    before = _state(seeded)
    twice = {**ORGANISATION, "properties": {"id": "pallion", "name": "Pallion bis"}}
    lines = _lines(ZONE, ORGANISATION, {"labels": ["Cluster"], "properties": {"id": "c"}}, twice)
    with pytest.raises(
        ValidationError, match=r"^b: lines 3 and 5 are both the Organisation with id 'pallion'"
    ):
        backup.restore(seeded, lines, replace=replace, name="b")
    assert _state(seeded) == before


def test_a_relationship_to_a_node_the_file_lacks_is_refused_naming_its_line(store):
    covers = {"type": "COVERS", "start": ["Zone", "a"], "end": ["Municipality", "71000"]}
    with pytest.raises(ValidationError, match=r"^b: line 3: the COVERS .* Municipality '71000'"):
        backup.restore(store, _lines(ZONE, covers), name="b")
    assert store.read("count_nodes") == [{"nodes": 0}]


def test_a_refused_restore_leaves_the_schema_alone(seeded):
    """A label graphmap does not know gets its key constraint, but only once the restore
    will go ahead: the store being full is found out first."""
    lines = _lines(ZONE, {"labels": ["Onbekend"], "properties": {"code": "o-1"}})
    header = json.loads(lines[0])
    lines[0] = json.dumps({**header, "keys": {"Onbekend": "code"}})
    before = _state(seeded)
    with pytest.raises(ValidationError, match="not empty"):
        backup.restore(seeded, lines)
    assert _state(seeded) == before
    assert "Onbekend" not in backup.keys(seeded)


def test_backup_into_a_folder_that_does_not_exist_is_refused(seeded, embedded_env, tmp_path):
    target = tmp_path / "nergens" / "b.jsonl"
    result = CliRunner().invoke(cli, ["backup", str(target)])
    assert result.exit_code == 1
    assert f"kan {target} niet schrijven: de map {target.parent} bestaat niet" in result.output
    assert not target.parent.exists()
