"""Backup and restore: the whole graph as JSON lines, back again, byte for byte below the header."""

from __future__ import annotations

import itertools
import json
import logging
import stat
import threading
import time
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from graphmap import backup, engagement, model, register
from graphmap.cli import _daily_backups, cli
from graphmap.errors import ValidationError
from graphmap.settings import Settings
from graphmap.store import Store


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
    assert "niet leeg" in refused.output and "--replace" in refused.output
    result = run("restore", str(first), "--replace")
    assert result.output.startswith("hersteld: ")
    run("backup", str(second))
    # The graph restored is the file's, and the audit says who restored it, from what.
    restored = [line for line in body(second) if '"action":"restore"' in line]
    assert len(restored) == 1 and '"key":"een.jsonl"' in restored[0]
    assert [line for line in body(second) if line not in restored] == body(first)
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
    with pytest.raises(ValidationError, match="geen geldige naam van label, type of sleutel"):
        backup.restore(store, _lines(ZONE, record))
    assert store.read("count_nodes") == [{"nodes": 0}], "nothing half-restored"


def test_an_incomplete_or_foreign_file_is_refused(store, seeded, tmp_path):
    path = tmp_path / "b.jsonl"
    backup.write(seeded, path)
    lines = path.read_text().splitlines()
    with pytest.raises(ValidationError, match="onvolledig"):
        backup.restore(seeded, lines[:-3], replace=True)
    with pytest.raises(ValidationError, match="geen back-up van graphmap"):
        backup.restore(seeded, ['{"hello": 1}'])
    with pytest.raises(ValidationError, match="versie 99"):
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


def test_a_daily_backup_that_cannot_be_written_is_logged_and_tried_again(
    seeded, tmp_path, monkeypatch, caplog
):
    """Before: an OSError (a full disk, a folder the server may not write) ended the thread
    of daily backups without a word in the log, for as long as the server ran."""
    monkeypatch.setattr(seeded, "data_dir", tmp_path)
    (tmp_path / backup.DAILY_FOLDER).write_text("een bestand waar de map hoort")
    failed = []
    with caplog.at_level(logging.WARNING, logger="graphmap"), _daily_backups(seeded, 2):
        for _ in range(600):  # the thread's first try; no figure is asserted
            failed = [r for r in caplog.records if "dagelijkse back-up mislukt" in r.getMessage()]
            if failed:
                break
            time.sleep(0.05)
        alive = [t for t in threading.enumerate() if t.name == "graphmap-backup"]
    assert failed and alive


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
    assert (
        result.output
        == "Error: b.jsonl: regel 3 is geen UTF-8-tekst (een back-up van graphmap wel)\n"
    )
    assert store.read("count_nodes") == [{"nodes": 0}]


def test_a_node_without_its_key_is_refused_and_backups_keep_working(seeded, tmp_path):
    before = _state(seeded)
    keyless = {"labels": ["Organisation"], "properties": {"name": "Zonder id"}}
    with pytest.raises(
        ValidationError, match=r"^b: regel 3: .*Organisation heeft geen sleuteleigenschap .*\.id"
    ):
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
        ValidationError, match=r"^b: regels 3 en 5 zijn allebei de Organisation met id 'pallion'"
    ):
        backup.restore(seeded, lines, replace=replace, name="b")
    assert _state(seeded) == before


def test_a_relationship_to_a_node_the_file_lacks_is_refused_naming_its_line(store):
    covers = {"type": "COVERS", "start": ["Zone", "a"], "end": ["Municipality", "71000"]}
    with pytest.raises(
        ValidationError, match=r"^b: regel 3: de relatie COVERS .* Municipality '71000'"
    ):
        backup.restore(store, _lines(ZONE, covers), name="b")
    assert store.read("count_nodes") == [{"nodes": 0}]


@pytest.mark.parametrize(
    "record",
    [
        {"labels": ["Organisation", "Bad Label"], "properties": {"id": "pallion"}},
        {"type": "BAD TYPE", "start": ["Zone", "a"], "end": ["Zone", "a"], "properties": {}},
    ],
)
def test_a_name_that_is_not_an_identifier_is_refused_naming_its_line(seeded, record):
    before = _state(seeded)
    with pytest.raises(
        ValidationError,
        match=r"^b: regel 3: geen geldige naam van label, type of sleutel: '(Bad|BAD) ",
    ):
        backup.restore(seeded, _lines(ZONE, record), replace=True, name="b")
    assert _state(seeded) == before


def test_a_key_name_in_the_header_that_is_not_an_identifier_is_refused_naming_line_1(seeded):
    lines = _lines(ZONE)
    lines[0] = json.dumps({**json.loads(lines[0]), "keys": {"Zone": "id) DELETE n //"}})
    with pytest.raises(ValidationError, match=r"^b: regel 1: geen geldige .* 'id\) DELETE"):
        backup.restore(seeded, lines, replace=True, name="b")


@pytest.mark.parametrize(
    "value", [{"a": 1}, [{"a": 1}], [[1, 2]], ["x", None], 2**63, -(2**63) - 1]
)
@pytest.mark.parametrize("holder", ["node", "relationship"])
def test_a_property_a_backup_cannot_hold_is_refused_naming_its_line(seeded, value, holder):
    """A map or a nested list was refused by the engine only while writing (after the
    delete of --replace, rolled back), as 'the graph database refused a query'."""
    before = _state(seeded)
    if holder == "node":
        record = {**ORGANISATION, "properties": {**ORGANISATION["properties"], "x": value}}
        records = (ZONE, record)
    else:
        covers = {"type": "COVERS", "start": ["Zone", "a"], "end": ["Zone", "a"]}
        records = (ZONE, ORGANISATION, {**covers, "properties": {"x": value}})
    with pytest.raises(
        ValidationError,
        match=rf"^b: regel {len(records) + 1}: de eigenschap 'x' bevat .*: een back-up",
    ):
        backup.restore(seeded, _lines(*records), replace=True, name="b")
    assert _state(seeded) == before


def test_a_refused_restore_leaves_the_schema_alone(seeded):
    """A label graphmap does not know gets its key constraint, but only once the restore
    will go ahead: the store being full is found out first."""
    lines = _lines(ZONE, {"labels": ["Onbekend"], "properties": {"code": "o-1"}})
    header = json.loads(lines[0])
    lines[0] = json.dumps({**header, "keys": {"Onbekend": "code"}})
    before = _state(seeded)
    with pytest.raises(ValidationError, match="niet leeg"):
        backup.restore(seeded, lines)
    assert _state(seeded) == before
    assert "Onbekend" not in backup.keys(seeded)


def test_backup_into_a_folder_that_does_not_exist_is_refused(seeded, embedded_env, tmp_path):
    target = tmp_path / "nergens" / "b.jsonl"
    result = CliRunner().invoke(cli, ["backup", str(target)])
    assert result.exit_code == 1
    assert f"kan {target} niet schrijven: de map {target.parent} bestaat niet" in result.output
    assert not target.parent.exists()


# -- a backup taken while the graph changes ---------------------------------------------------
def _edit_until(store, stop: threading.Event, done: list[int]) -> None:
    """Add contacts, erasing every other one again (nodes and relationships come and go)."""
    number = 0
    while not stop.is_set():
        values = {"name": f"Test Persoon {number}", "email": f"t{number}@example.org"}
        person = register.add_contact(store, "vivel", values, actor="test")
        if number % 2:
            register.remove_contact(store, person, actor="test")
        number += 1
        done.append(number)


def _backups_while_editing(store, tmp_path, enough) -> list:
    """Backups taken one after another while `_edit_until` edits, until `enough(files,
    edits)`; each then restored, and backed up again to the same file."""
    stop, done, files = threading.Event(), [], []
    editor = threading.Thread(target=_edit_until, args=(store, stop, done))
    editor.start()
    try:
        while not enough(files, len(done)):
            files.append(tmp_path / f"b{len(files)}.jsonl")
            backup.write(store, files[-1])
    finally:
        stop.set()
        editor.join()
    for path in files:
        with open(path, encoding="utf-8") as lines:
            backup.restore(store, lines, replace=True, name=path.name)
        again = tmp_path / "again.jsonl"
        backup.write(store, again)
        assert body(again) == body(path), f"{path.name} is one graph, restored as it is"
    return files


def test_backups_taken_while_someone_edits_restore(seeded, tmp_path):
    """The embedded store's read transaction is no snapshot: a write that commits between
    the read of the nodes and that of the relationships once gave relationships to nodes
    the file lacked (an AuditEntry, a Person), and such a backup could not be restored."""
    _backups_while_editing(seeded, tmp_path, lambda files, edits: len(files) >= 6 and edits >= 6)


def test_a_backup_of_a_graph_that_keeps_changing_is_one_graph(seeded, tmp_path, monkeypatch):
    """With one read, a write often commits between the nodes and the relationships: the
    backup then reads the graph as a snapshot, and every file restores as it was taken."""
    monkeypatch.setattr(backup, "READ_TRIES", 1)
    _backups_while_editing(seeded, tmp_path, lambda files, edits: len(files) >= 6 and edits >= 6)


def test_a_backup_while_another_process_keeps_writing_holds_whole_transactions(
    seeded, tmp_path, data_dir
):
    """A second process (the CLI) changes a membership during each read of the backup: the
    file holds each change with the status it set, not the status of a change it lacks.
    Before, the backup kept its last read: the membership's new status, read with the
    relationships, without the change that set it, read with the nodes before it."""
    engagement.set_status(seeded, "pallion", "maasland", "zorg", "contacted", actor="test")
    statuses = itertools.cycle(["involved", "member"])
    writes = []
    with Store.connect(Settings(data_dir=data_dir)) as other:
        record = seeded._record

        def meanwhile(name, seconds):
            record(name, seconds)
            if name == "backup_nodes" and len(writes) < backup.READ_TRIES:
                status = next(statuses)
                engagement.set_status(other, "pallion", "maasland", "zorg", status, actor="cli")
                writes.append(status)

        seeded._record = meanwhile
        try:
            backup.write(seeded, tmp_path / "b.jsonl")
        finally:
            del seeded._record
    assert len(writes) == backup.READ_TRIES
    lines = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()[1:]]
    changes = [n for n in lines if "EngagementChange" in n.get("labels", ())]
    [membership] = [
        r["properties"]
        for r in lines
        if r.get("type") == "MEMBER_OF" and r["start"] == ["Organisation", "pallion"]
    ]
    assert len(changes) == 1 + len(writes)
    assert membership["status"] == writes[-1]


def test_forget_reads_only_the_lines_that_name_the_erased_node(seeded, tmp_path, monkeypatch):
    """An erasure rewrites every daily backup: of a 60-zone graph's 700,000 lines only the
    few that name the person (their node, their relationships, an audit entry by their key)
    are read; reading each line took 3 s per backup. Counted through the real json.loads."""
    folder = tmp_path / backup.DAILY_FOLDER
    folder.mkdir()
    backup.write(seeded, folder / "graphmap-2026-01-01.jsonl")
    person = register.organisation(seeded, "pallion")["contacts"][0]["id"]
    original = (folder / "graphmap-2026-01-01.jsonl").read_text(encoding="utf-8").splitlines()
    naming = [line for line in original[1:] if json.dumps(person) in line]
    assert naming and len(naming) < len(original) // 10

    reads = []
    real = json.loads

    def counted(text, *args, **kwargs):
        reads.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counted)
    assert backup.forget(folder, "Person", person) == 1
    monkeypatch.undo()

    assert len(reads) == 1 + len(naming)  # the header, and the lines that name the person
    left = (folder / "graphmap-2026-01-01.jsonl").read_text(encoding="utf-8").splitlines()
    assert not [line for line in left if json.dumps(person) in line]
    assert left[1:] == [line for line in original[1:] if line not in naming]
    header = json.loads(left[0])
    assert header["nodes"] + header["relationships"] == len(left) - 1


def test_a_backup_snapshot_makes_the_writers_of_another_process_wait(
    seeded, tmp_path, data_dir, monkeypatch
):
    """The snapshot a backup falls back on, while a second process (the CLI) writes: the
    writer waits for it and writes after. Before, on the embedded store, the writer
    committed, the snapshot lost at commit and read again; writers that keep coming kept
    it from ever committing."""
    monkeypatch.setattr(backup, "READ_TRIES", 1)
    engagement.set_status(seeded, "pallion", "maasland", "zorg", "contacted", actor="test")
    later = []
    with Store.connect(Settings(data_dir=data_dir)) as other:
        record = seeded._record

        def write(status):
            engagement.set_status(other, "pallion", "maasland", "zorg", status, actor="cli")
            return status

        def meanwhile(name, seconds):
            record(name, seconds)
            if name != "backup_nodes":
                return
            meanwhile.reads += 1
            if meanwhile.reads == 1:  # the cheap read: a write comes between its two reads
                write("involved")
            elif meanwhile.reads == 2:  # the snapshot: another process writes now
                meanwhile.writer = threading.Thread(target=lambda: later.append(write("member")))
                meanwhile.writer.start()
                meanwhile.writer.join(timeout=5)  # done at once, unless it waits

        meanwhile.reads = 0
        seeded._record = meanwhile
        try:
            backup.write(seeded, tmp_path / "b.jsonl")
        finally:
            del seeded._record
        meanwhile.writer.join()
    lines = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()[1:]]
    changes = [n for n in lines if "EngagementChange" in n.get("labels", ())]
    [membership] = [
        r["properties"]
        for r in lines
        if r.get("type") == "MEMBER_OF" and r["start"] == ["Organisation", "pallion"]
    ]
    assert (len(changes), membership["status"]) == (2, "involved")
    assert later == ["member"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "b.jsonl: het bestand is leeg"),
        (b"{niet json\n", "b.jsonl: regel 1 is geen JSON"),
        (b'{"hello": 1}\n', "b.jsonl: geen back-up van graphmap (geen kop op regel 1)"),
        (
            "\n".join([*_lines(ZONE)[:1], json.dumps({"iets": 1})]).encode(),
            "b.jsonl: regel 2 is geen knoop en geen relatie",
        ),
        (
            "\n".join(_lines({"labels": ["Revision"], "properties": {"id": "r"}})).encode(),
            "b.jsonl: regel 2: een Revision-knoop is boekhouding, geen gegevens; "
            "een back-up bevat er geen",
        ),
        (
            json.dumps(
                {"format": backup.FORMAT, "version": 1, "keys": [], "nodes": 0, "relationships": 0}
            ).encode(),
            "b.jsonl: regel 1: de keys van de kop zijn geen mapping van label naar sleutelnaam",
        ),
        (
            "\n".join(_lines(ZONE)[:1]).encode(),
            "b.jsonl: de kop kondigt 1 knopen en 0 relaties aan, het bestand bevat er 0 en 0: "
            "het is onvolledig",
        ),
    ],
)
def test_a_refused_backup_file_is_named_in_dutch(store, embedded_env, tmp_path, content, message):
    path = tmp_path / "b.jsonl"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["restore", str(path)])
    assert (result.exit_code, result.output) == (1, f"Error: {message}\n")
    assert store.read("count_nodes") == [{"nodes": 0}]


def test_a_text_file_that_is_not_utf8_is_named_after_the_last_good_line(store):
    # A file opened as text is decoded by Python ahead of the line it fails on.
    def lines():
        yield from _lines(ZONE)
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    with pytest.raises(ValidationError) as refused:
        backup.restore(store, lines(), name="b.jsonl")
    assert str(refused.value) == "b.jsonl: geen UTF-8-tekst na regel 2"


def test_a_restore_into_a_store_with_data_says_how_in_dutch(seeded, embedded_env, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(_lines(ZONE)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["restore", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: de graaf is niet leeg (")
    assert result.output.endswith(
        "knopen): herstel in een lege graaf, of geef --replace om alles erin te vervangen\n"
    )
