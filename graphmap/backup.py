"""Backup and restore: the whole graph as JSON lines, the same on the embedded store and Neo4j.

The first line is a header (format, version, when, from which engine, each label's key);
then every node (`{"labels": […], "properties": {…}}`) and every relationship (`{"type": …,
"start": [label, key], "end": [label, key], "properties": {…}}`), in an order that depends on
the graph alone: two backups of one graph are identical below their header.

A backup is one graph even while others write. A read transaction is no snapshot on the
embedded ArcadeDB (nor on Neo4j, which reads committed data): a write that commits between
the read of the nodes and that of the relationships would give relationships to nodes the
file lacks, and a file that no restore takes (and half of a transaction: a membership's
new status without the change that set it). So the backup reads the graph's revision
(`Store.revision()`, which every write changes) before and after, and reads again when it
changed, up to `READ_TRIES` times. When writes keep coming it reads once more as a
snapshot (`Store.snapshot`): writers wait while it reads (a few seconds on a large graph),
so that the file is the graph at one moment. Only when writers of other processes keep it
from committing for `SNAPSHOT_SECONDS` does it keep its last read, with a warning; it writes
no relationship whose end it did not read, so every file restores.

Each read is one list (a record per node cost the driver more than reading the node: at 60
zones 10 of the 27 s the read took), and a relationship names its ends by the element ids
the nodes' read gave them in the same transaction; the file names them by their keys. (Only
the last read kept with a warning could name a node created between the two reads under
the id of one deleted meanwhile: it is then said not to be the graph at one moment.)

Nothing here knows graphmap's labels: they are read from the graph, with each label's key
from the database's unique constraints (and the model's, for a graph that lacks them), so a
label or relationship type added later travels without a change here. Restoring writes
label and type names into query text (Cypher takes none as a parameter); each is checked
against a strict identifier pattern first (`graphmap.queries.check_identifier`).

A restore checks the whole file before it writes anything, the schema included: every line
UTF-8 JSON, every label, type and key name an identifier, every property value one a backup
holds (a scalar or a list of scalars), every node with its label's key, no key twice within
a label, every relationship between nodes of the file, the store empty unless --replace;
the message names the line. A refused restore leaves the store as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from graphmap import dates, model, queries
from graphmap.errors import ConflictError, GraphmapError, ValidationError
from graphmap.names import folded
from graphmap.store import Store, Transaction, parts

FORMAT = "graphmap-backup"
VERSION = 1
DAILY_FOLDER = "backups"
DAILY_KEEP = 14
# What `_private_file` names a file while it is written: a writer killed on the way leaves one.
TEMPORARY_PREFIX = ".backup-"
_SCALARS = (str, int, float, bool)
# How often a backup reads the graph when writes commit while it reads (module doc), and the
# first pause between two reads in seconds (doubled each time, with jitter).
READ_TRIES = 5
READ_PAUSE = 0.05
log = logging.getLogger("graphmap.backup")


def keys(store: Store) -> dict[str, str]:
    """Each label's key property: the database's single-property unique constraints."""
    found = dict(model.KEYS)
    for row in store.read("constraints"):
        labels, properties = row["labelsOrTypes"] or [], row["properties"] or []
        if len(labels) == 1 and len(properties) == 1:
            found[labels[0]] = properties[0]
    return found


# A line of the file: one encoder for every line (json.dumps with options makes a new one
# per call).
_line = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _order(key: Any) -> tuple[str, Any]:
    """A key in the file's order: keys of one label are all texts or all numbers, but a file
    need not assume so (a text and a number are not compared)."""
    return type(key).__name__, key


def _holdable(value: Any) -> bool:
    """What a property of a backup may be: a scalar or a list of scalars (the engines store
    no map and no nested list), an integer within the 64 bits both engines and Bolt hold."""
    if isinstance(value, list):
        return all(_holdable(v) and v is not None and not isinstance(v, list) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return -(2**63) <= value < 2**63
    return isinstance(value, _SCALARS) or value is None


def _checked(properties: dict, where: str) -> dict:
    """The properties as they are, when a backup can hold each (most are texts: looked at
    first); else an error naming the first that it cannot, `where` (a node's label and key,
    a relationship's type) and its name."""
    for name, value in properties.items():
        if type(value) is not str and not _holdable(value):
            raise GraphmapError(
                f"{where}.{name}: een eigenschap van type {type(value).__name__} kan niet in "
                "een back-up"
            )
    return properties


def _read(store: Store) -> tuple[list, list]:
    """The graph's nodes and relationships as they were at one moment (see the module doc):
    read while the revision stayed the same, or else as a snapshot that writers wait for."""

    def read(tx: Transaction) -> tuple[list, list]:
        nodes = tx.run("backup_nodes")[0]["nodes"]
        return nodes, tx.run("backup_relationships")[0]["relationships"]

    for attempt in range(READ_TRIES):
        if attempt:
            time.sleep(random.uniform(0, READ_PAUSE * 2**attempt))  # let a burst of writes pass
        before = store.revision()
        nodes, relationships = store.read_transaction(read)
        if store.revision() == before:
            return nodes, relationships
    log.info(
        "de graaf veranderde tijdens elk van %d leesbeurten voor de back-up: nu gelezen als "
        "momentopname, schrijvers wachten",
        READ_TRIES,
    )
    try:
        return store.snapshot(read)
    except ConflictError:
        # Writers of other processes kept committing: the last read, said in a warning.
        log.warning(
            "de graaf bleef veranderen terwijl de back-up hem las, ook als momentopname: de "
            "back-up bevat de laatste lezing, die misschien niet de graaf op één moment is"
        )
        return nodes, relationships


def dump(store: Store) -> Iterator[str]:
    """The backup's lines (without line ends): header, nodes, relationships."""
    label_keys = keys(store)
    nodes, relationships = _read(store)
    node_lines, ends = [], {}
    for element, labels, stored in nodes:
        labels = sorted(labels)
        keyed = [label for label in labels if label in label_keys]
        key = stored.get(label_keys[keyed[0]]) if keyed else None
        if key is None:
            raise GraphmapError(
                f"een knoop met label {':'.join(labels) or '(geen)'} heeft geen sleuteleigenschap "
                f"({', '.join(label_keys.get(label, '?') for label in labels) or 'geen label'}); "
                "hij kan niet in een back-up en niet teruggevonden worden"
            )
        properties = _checked(stored, f"{keyed[0]} {key!r}")
        node_lines.append(
            ((keyed[0], _order(key)), _line({"labels": labels, "properties": properties}))
        )
        ends[element] = [keyed[0], key]
    relationship_lines, dropped = [], 0
    for start_element, kind, stored, end_element in relationships:
        start, end = ends.get(start_element), ends.get(end_element)
        if start is None or end is None:
            dropped += 1  # an end the file lacks: a file that no restore would take
            continue
        properties = _checked(stored, kind)
        text = _line({"type": kind, "start": start, "end": end, "properties": properties})
        order = (kind, start[0], _order(start[1]), end[0], _order(end[1]))
        relationship_lines.append((order, text))
    if dropped:
        log.warning(
            "de back-up liet %d relaties weg naar knopen die hij niet las: hij is te herstellen, "
            "maar misschien niet de graaf zoals hij op één moment was",
            dropped,
        )
    yield _line(
        {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": store.agent,
            "keys": dict(sorted(label_keys.items())),
            "nodes": len(node_lines),
            "relationships": len(relationship_lines),
        }
    )
    for _, text in sorted(node_lines):
        yield text
    for _, text in sorted(relationship_lines):
        yield text


def write(store: Store, path: Path) -> dict[str, int]:
    """Write a backup to `path` (private to the user: it holds personal data)."""
    lines = dump(store)
    header = json.loads(next(lines))
    with _private_file(path) as out:
        out.write(_line(header) + "\n")
        for text in lines:
            out.write(text + "\n")
    return {"nodes": header["nodes"], "relationships": header["relationships"]}


class _private_file:  # noqa: N801 - used as a context manager
    """A file written beside its target and moved into place: a backup is whole or absent."""

    def __init__(self, path: Path, binary: bool = False):
        self.path = Path(path)
        self.binary = binary

    def __enter__(self):
        # Its folder must exist (FileNotFoundError): a typing error makes no folders.
        fd, self.temporary = tempfile.mkstemp(dir=self.path.parent, prefix=TEMPORARY_PREFIX)
        # mkstemp: mode 0600
        self.handle = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding="utf-8")
        return self.handle

    def __exit__(self, kind, *_):
        self.handle.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)


# -- restore ------------------------------------------------------------------------------
def _parse(
    lines: Iterable[str | bytes], name: str
) -> tuple[tuple[int, dict], list[tuple[int, dict]], list[tuple[int, dict]]]:
    """The header, the nodes and the relationships, each with its line number."""
    nodes, relationships, header, header_number = [], [], None, 0
    for number, text in _numbered(lines, name):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except ValueError:
            raise ValidationError(f"{name}: regel {number} is geen JSON") from None
        if header is None:
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValidationError(f"{name}: geen back-up van graphmap (geen kop op regel 1)")
            if not isinstance(data.get("version"), int) or data["version"] > VERSION:
                raise ValidationError(
                    f"{name}: back-upformaat versie {data.get('version')!r}; "
                    f"deze graphmap leest tot versie {VERSION}"
                )
            header, header_number = data, number
        elif _node(data):
            nodes.append((number, data))
        elif _relationship(data):
            relationships.append((number, {"properties": {}, **data}))
        else:
            raise ValidationError(f"{name}: regel {number} is geen knoop en geen relatie")
    if header is None:
        raise ValidationError(f"{name}: het bestand is leeg")
    if (len(nodes), len(relationships)) != (header.get("nodes"), header.get("relationships")):
        raise ValidationError(
            f"{name}: de kop kondigt {header.get('nodes')} knopen en "
            f"{header.get('relationships')} relaties aan, het bestand bevat er {len(nodes)} en "
            f"{len(relationships)}: het is onvolledig"
        )
    return (header_number, header), nodes, relationships


def _node(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("labels"), list)
        and all(isinstance(label, str) for label in data["labels"])
        and isinstance(data.get("properties"), dict)
    )


def _relationship(data: Any) -> bool:
    def end(value: Any) -> bool:
        return isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)

    return (
        isinstance(data, dict)
        and isinstance(data.get("type"), str)
        and end(data.get("start"))
        and end(data.get("end"))
        and isinstance(data.get("properties", {}), dict)
    )


def _numbered(lines: Iterable[str | bytes], name: str) -> Iterator[tuple[int, str]]:
    """Each line with its number, as text; a line that is not UTF-8 is refused by number
    (lines as bytes are decoded here; a file opened as text is decoded ahead by Python)."""
    number, lines = 0, iter(lines)
    while True:
        try:
            text = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise ValidationError(f"{name}: geen UTF-8-tekst na regel {number}") from None
        number += 1
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError(
                    f"{name}: regel {number} is geen UTF-8-tekst (een back-up van graphmap wel)"
                ) from None
        yield number, text


def _label_keys(header: tuple[int, dict], name: str) -> dict[str, str]:
    number, stated = header[0], header[1].get("keys", {})
    if not isinstance(stated, dict) or not all(isinstance(v, str) for v in stated.values()):
        raise ValidationError(
            f"{name}: regel {number}: de keys van de kop zijn geen mapping van label naar "
            "sleutelnaam"
        )
    _check_names([(number, stated.values())], name)
    return {**model.KEYS, **stated}


def _check_names(named: Iterable[tuple[int, Iterable[str]]], name: str) -> None:
    """Labels, types and key names become query text: each must be a plain identifier."""
    for number, names in named:
        for each in names:
            try:
                queries.check_identifier(each)
            except ValidationError as error:
                raise ValidationError(f"{name}: regel {number}: {error}") from None


def _check_properties(records: list[tuple[int, dict]], name: str) -> None:
    """Refuse a property value the engines cannot store (a map, a list in a list, an integer
    beyond 64 bits) here, by line, rather than while writing."""
    for number, record in records:
        for key, value in record["properties"].items():
            if not _holdable(value):
                shown = json.dumps(value, ensure_ascii=False)
                shown = shown if len(shown) <= 40 else shown[:39] + "…"
                raise ValidationError(
                    f"{name}: regel {number}: de eigenschap {key!r} bevat {shown}: een back-up "
                    "bevat tekst, getallen, true/false, null, of een lijst van tekst, getallen "
                    "of true/false (gehele getallen binnen 64 bits)"
                )


def _check_nodes(
    nodes: list[tuple[int, dict]], label_keys: dict[str, str], name: str
) -> set[tuple[str, str]]:
    """Refuse a node that the graph could not hold and back up again: one without its key,
    one whose key another node of its label holds too (after --replace's delete, a CREATE in
    the same transaction slips past the unique constraint), a revision node (bookkeeping
    that the store keeps). Returns each (label, key as JSON) the nodes hold."""
    seen: dict[tuple[str, str], int] = {}
    for number, node in nodes:
        labels = sorted(node["labels"])
        if "Revision" in labels:
            raise ValidationError(
                f"{name}: regel {number}: een Revision-knoop is boekhouding, geen gegevens; "
                "een back-up bevat er geen"
            )
        keyed = [label for label in labels if label in label_keys]
        if not keyed or node["properties"].get(label_keys[keyed[0]]) is None:
            wanted = ", ".join(f"{label}.{label_keys.get(label, '?')}" for label in labels)
            raise ValidationError(
                f"{name}: regel {number}: een knoop met label {':'.join(labels)} heeft geen "
                f"sleuteleigenschap ({wanted}); hij zou niet terug te vinden of opnieuw te "
                "back-uppen zijn"
            )
        for label in keyed:
            key = node["properties"].get(label_keys[label])
            if key is None:
                continue
            found = (label, _line(key))
            if found in seen:
                raise ValidationError(
                    f"{name}: regels {seen[found]} en {number} zijn allebei de {label} met "
                    f"{label_keys[label]} {key!r}; een sleutel noemt één knoop"
                )
            seen[found] = number
    return set(seen)


def _check_ends(
    relationships: list[tuple[int, dict]], held: set[tuple[str, str]], name: str
) -> None:
    """After a restore the graph holds the file's nodes alone: every end must be one."""
    for number, rel in relationships:
        for label, key in (rel["start"], rel["end"]):
            if (label, _line(key)) not in held:
                raise ValidationError(
                    f"{name}: regel {number}: de relatie {rel['type']} noemt een {label} "
                    f"{key!r} die niet in de back-up staat"
                )


def _refuse_unless_empty(present: int, replace: bool) -> None:
    if present and not replace:
        raise ValidationError(
            f"de graaf is niet leeg ({present} knopen): herstel in een lege graaf, "
            "of geef --replace om alles erin te vervangen"
        )


def restore(
    store: Store,
    lines: Iterable[str | bytes],
    replace: bool = False,
    name: str = "backup",
    keeping: Callable[[Transaction], Callable[[Transaction], Any]] | None = None,
) -> dict[str, int]:
    """Load a backup into an empty store in one transaction (or replace what it holds).

    Everything the file can be refused for is checked before anything is written, the
    schema included: a refused restore leaves the store as it was. `keeping`, given the
    transaction before the store is emptied, reads what must outlive the restore and returns
    what puts it back once the file is loaded, in that same transaction (its result goes
    into the counts as `kept`).
    """
    header, nodes, relationships = _parse(lines, name)
    label_keys = _label_keys(header, name)
    by_labels: dict[str, list[dict]] = defaultdict(list)
    for _, node in nodes:
        properties = node["properties"]
        if "Organisation" in node["labels"] and "folded" not in properties:
            # A backup from before graphmap kept `folded`: the register orders by it.
            properties["folded"] = folded(str(properties.get("name") or properties.get("id")))
        by_labels[":".join(node["labels"])].append(properties)
    _check_names([(number, node["labels"] or [""]) for number, node in nodes], name)
    _check_names(
        [(number, (rel["type"], rel["start"][0], rel["end"][0])) for number, rel in relationships],
        name,
    )
    _check_properties(nodes + relationships, name)
    _check_ends(relationships, _check_nodes(nodes, label_keys, name), name)
    by_ends: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for _, rel in relationships:
        (start, start_key), (end, end_key) = rel["start"], rel["end"]
        by_ends[(rel["type"], start, end)].append(
            {"start": start_key, "end": end_key, "properties": rel["properties"]}
        )
    ends = {
        (kind, start, end): {
            "__TYPE__": kind,
            "__START__": start,
            "__START_KEY__": label_keys[start],
            "__END__": end,
            "__END_KEY__": label_keys[end],
        }
        for kind, start, end in by_ends
    }
    new_labels = sorted(
        {label for _, node in nodes for label in node["labels"] if label in label_keys}
        - set(model.KEYS)
    )
    _refuse_unless_empty(store.read("count_nodes")[0]["nodes"], replace)
    # Labels graphmap's model does not know get their key constraint first (schema changes
    # cannot share a transaction with data on Neo4j).
    for label in new_labels:
        store.transaction(
            lambda tx, label=label: tx.run_template(
                "restore_constraint", {"__LABEL__": label, "__KEY__": label_keys[label]}
            ),
            schema=True,
        )

    def work(tx: Transaction) -> None:
        present = tx.run("count_nodes")[0]["nodes"]
        _refuse_unless_empty(present, replace)  # again: a write may have come meanwhile
        put_back = keeping(tx) if keeping else None
        if present:
            tx.run("delete_all")
        for labels, rows in sorted(by_labels.items()):
            for batch in parts(rows):
                tx.run_template("restore_nodes", {"__LABELS__": labels}, rows=batch)
        for key, rows in sorted(by_ends.items()):
            for batch in parts(rows):
                written = tx.run_template("restore_relationships", ends[key], rows=batch)
                if written[0]["written"] != len(batch):  # checked above; a net
                    raise ValidationError(
                        f"{name}: {len(batch) - written[0]['written']} relaties {key[0]} noemen "
                        f"een {key[1]} of {key[2]} die niet in de back-up staat; niets hersteld"
                    )
        tx.run("audit_link_logs")  # a backup from before the zones' logs
        return put_back(tx) if put_back else None

    kept = store.transaction(work)
    counts = {"nodes": len(nodes), "relationships": len(relationships)}
    return counts if keeping is None else {**counts, "kept": kept}


# -- the daily backup that `graphmap serve` keeps --------------------------------------------
@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the lock of the backups in `folder`: a daily backup and an erasure, each from any
    process, take it, so that neither runs while the other does.

    Otherwise an erasure could scrub the files there while a backup that read the graph
    before the erasure was still writing, and that backup would then bring the erased person
    back. With the lock, either the erasure waits for the backup and scrubs it too, or the
    backup waits and reads the graph without the person. The lock file lies beside the
    folder (in the data folder), so the folder holds backups only.
    """
    folder = Path(folder)
    folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(folder.parent / f"{folder.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # released when the descriptor closes too
        yield
    finally:
        os.close(descriptor)


def _drop_unfinished(folder: Path) -> None:
    """Remove what a backup writer killed on the way left (under the lock, no writer runs)."""
    for unfinished in Path(folder).glob(f"{TEMPORARY_PREFIX}*"):
        with contextlib.suppress(FileNotFoundError):
            unfinished.unlink()


def keep_daily(store: Store, folder: Path, keep: int = DAILY_KEEP, today: date | None = None):
    """Write today's backup into `folder` unless it is there; keep the newest `keep` files.

    The graph is read and the file written under the backups' lock (`locked`).
    """
    day = (today or dates.today()).isoformat()
    path = Path(folder) / f"graphmap-{day}.jsonl"
    # The backups hold personal data, as the data folder does: private to the user, also a
    # folder an older version made (mkdir's mode leaves an existing folder as it is).
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    with locked(folder):
        _drop_unfinished(folder)
        if not path.exists():
            write(store, path)
        for old in sorted(Path(folder).glob("graphmap-*.jsonl"))[:-keep]:
            old.unlink()
    return path


def _naming(data: bytes, needles: list[bytes]) -> list[tuple[int, int]]:
    """Where the lines of `data` below its first that hold any of `needles` start and end
    (without their line end), in order."""
    spans = set()
    for needle in needles:
        at = data.find(needle)
        while at != -1:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end == -1 else end
            if start:
                spans.add((start, end))
            at = data.find(needle, end)
    return sorted(spans)


def _every_line(data: bytes) -> list[tuple[int, int]]:
    """Where each line of `data` below its first starts and ends."""
    spans, start = [], data.find(b"\n") + 1
    while 0 < start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        if end > start:
            spans.append((start, end))
        start = end + 1
    return spans


def forget(
    folder: Path,
    label: str,
    key: Any,
    unkey_audit: bool = False,
    rewrite: dict[tuple[str, Any], dict[str, Any]] | Callable[[dict], dict] | None = None,
) -> int:
    """Remove a node and its relationships from the backups in `folder` (after an erasure);
    with `unkey_audit` (a key made from personal data), the audit entries that name it by
    that key lose it too, as they do in the graph; `rewrite` gives other nodes, by (label,
    key), the property values the erasure gave them in the graph (texts that named it), or
    is a function that gives a node (labels and properties) the values it should have.

    Returns how many files changed. Counts in their headers follow, so each stays whole.
    It runs under the backups' lock (`locked`): a daily backup under way is finished first and
    scrubbed too, and what a killed writer left half-written is removed.
    """
    with locked(folder):
        _drop_unfinished(folder)
        return _forget(folder, label, key, unkey_audit, rewrite or {})


def held(folder: Path, label: str, key: Any) -> dict | None:
    """The properties of the node `label` `key` as the newest backup in `folder` that holds
    it holds them (an erasure cut short after its commit left it there), or None."""
    for path in sorted(Path(folder).glob("*.jsonl"), reverse=True):
        with open(path, encoding="utf-8") as lines:
            header = json.loads(next(lines, "{}") or "{}")
            key_name = header.get("keys", {}).get(label, model.KEYS.get(label))
            for text in lines:
                data = json.loads(text)
                if label in data.get("labels", ()) and data["properties"].get(key_name) == key:
                    return data["properties"]
    return None


def _forget(folder: Path, label: str, key: Any, unkey_audit: bool, rewrite) -> int:
    changed = 0
    # Every line that names the node holds its key as the backup writes it, and so does each
    # node `rewrite` names: only those lines (a handful of a 60-zone graph's 700,000) are
    # read, the rest is copied as it is. Reading every line cost 3 s per backup, and an
    # erasure in the dashboard waited for each of the 14. A `rewrite` function (an erasure
    # cut short, rare) has to see every node.
    needles = [_line(key).encode("utf-8")]
    if not callable(rewrite):
        needles += [_line(node_key).encode("utf-8") for _, node_key in rewrite]
    for path in sorted(Path(folder).glob("*.jsonl")):
        data = path.read_bytes()
        spans = _every_line(data) if callable(rewrite) else _naming(data, needles)
        if not spans:
            continue
        first = data.find(b"\n")
        header, dropped = json.loads(data[:first]), {"nodes": 0, "relationships": 0}
        pieces, copied, rewritten = [], first, 0  # copied: the end of what `pieces` holds
        for start, end in spans:
            entry = json.loads(data[start:end])
            if "labels" in entry:
                key_name = header.get("keys", {}).get(label, model.KEYS.get(label))
                properties = entry["properties"]
                if label in entry["labels"] and properties.get(key_name) == key:
                    dropped["nodes"] += 1
                else:
                    unkeyed = (
                        unkey_audit
                        and "AuditEntry" in entry["labels"]
                        and (properties.get("entity"), properties.get("key")) == (label, key)
                    )
                    if unkeyed:
                        del properties["key"]
                    new = _rewritten(entry, header, rewrite)
                    if not unkeyed and new is None:
                        continue  # names the key in another way: kept as it is
                    pieces += [data[copied:start], _line(new or entry).encode("utf-8")]
                    copied, rewritten = end, rewritten + 1
                    continue
            elif [label, key] in (entry["start"], entry["end"]):
                dropped["relationships"] += 1
            else:
                continue
            pieces.append(data[copied:start])  # up to the dropped line, its line end left out
            copied = min(end + 1, len(data))
        if dropped["nodes"] or dropped["relationships"] or rewritten:
            for kind, count in dropped.items():
                header[kind] -= count
            pieces.append(data[copied:])
            with _private_file(path, binary=True) as out:
                out.write(_line(header).encode("utf-8"))
                for piece in pieces:
                    out.write(piece)
            changed += 1
    return changed


def _rewritten(node: dict, header: dict, rewrite) -> dict | None:
    """The node with the values `rewrite` gives it, or None when it gives it none (or the
    node has them already)."""
    properties = node["properties"]
    for values in _given(node, header, rewrite):
        if values and any(properties.get(name) != value for name, value in values.items()):
            new = {**properties, **values}
            return {**node, "properties": {k: v for k, v in new.items() if v is not None}}
    return None


def _given(node: dict, header: dict, rewrite) -> Iterator[dict | None]:
    """What `rewrite` gives the node: a function's answer, or what it holds under the key of
    each of the node's labels."""
    if callable(rewrite):
        yield rewrite(node)
        return
    for label in node["labels"]:
        key = node["properties"].get(header.get("keys", {}).get(label, model.KEYS.get(label)))
        yield None if isinstance(key, list) else rewrite.get((label, key))
