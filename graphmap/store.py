"""The one owner of the database driver. Every query passes through `Store`.

Queries are named files in `cypher/` (see `graphmap.queries`), always run with parameters.
Reads and writes go through `read()` / `write()`; a group of writes that must stand or fall
together goes through `transaction()`, which runs a function in one write transaction.
Driver errors are translated into `graphmap.errors` here, at the edge.

Concurrent writers, on both engines
-----------------------------------
A relationship that must stay unique (a membership per organisation and cluster, a lead or
partner link per organisation and action, a contact link) is written by a query that first
writes its start node (`SET o._lock = coalesce(o._lock, 0) + 1`) and only then `MERGE`s.
Every writer of such a pair writes that same node, so the writers are serialised on it:

- Neo4j takes an exclusive lock on a node it writes and holds it until commit. The second
  writer waits at its `SET`, and its `MERGE` then reads the committed graph and finds the
  relationship the first one made. (A deadlock between two batches is reported as a
  transient error and retried, below.)
- ArcadeDB is optimistic (MVCC): nothing waits, and concurrent appends of edges to one
  vertex are even merged at commit, which is how 20 clicks once made 5 memberships. A write
  of a node property is not merged: of two transactions that changed the same vertex, the
  second to commit fails with a `ConcurrentModificationException` (a transient error on
  Bolt), is retried, and its `MERGE` then finds the relationship. The written value must
  differ from the stored one (ArcadeDB skips a no-op `SET`), hence a counter.

One end node is enough: uniqueness of a pair only needs every writer of that pair to meet on
one node; locking both ends would also serialise unrelated writes (all memberships of one
cluster). New nodes need no lock: their unique key constraint makes the second creator fail
with a duplicate key, which is retried once or twice, after which its `MERGE` finds the node.
A writer that `CREATE`s (a spreadsheet import, for the organisations its check found new)
fails again and gets a DuplicateKeyError naming the label and key where the engine says them.

Every transaction (reads too) runs through `_run`, which retries a transaction that lost
such a conflict: bounded in time, with exponential back-off and full jitter, so that N
writers do not retry in lock step. The driver's own retry (up to 30 s, logging a line per
attempt) is not used; a database that is gone fails a command within a few seconds.

Writers of one process take turns
---------------------------------
The revision (below) lets one write transaction commit at a time anyway, so the writers of
one `Store` (the dashboard's request threads) queue on a lock instead of running at once and
retrying: with 8 or more of them on ArcadeDB, a longer transaction (a contact added, an
import) kept losing to the short ones and gave up after `CONFLICT_SECONDS`, and every lost
run was work done for nothing. A writer that waits `CONFLICT_SECONDS` for its turn gets the
same ConflictError. Writers in other processes (the CLI) still meet through the graph, but
for a snapshot (`Store.snapshot`, a backup): on the embedded store it makes the writers of
every process wait, through two lock files in the data folder (`_Snapshots`).

The graph's revision
--------------------
A table derived from the whole graph (the peer table of the gap report, a page's rows kept
while its grid asks for blocks) is worth keeping only while the graph is unchanged, and the
graph is changed by other processes too (the CLI, a second dashboard worker). So every
write transaction ends by giving the `Revision` node a new random token, in the same
transaction: a change and its new token commit together. `revision()` reads the token; a
cache that read it before computing is current while it is the same.

The token is written last, just before the commit, so every two concurrent write
transactions meet on that node and one of them is retried: writes are serialised. That
costs throughput under many simultaneous writers (20 parallel set_status calls on
different organisations of a 60-zone graph: about 0.15 s without it, 0.3-0.8 s with it;
one write about 3 ms more), and it is also what keeps concurrent changes of one membership
a chain on ArcadeDB: without it, 2 rounds out of 24 of 20 parallel set_status calls let two
changes read the same previous status and both commit. Spreading the token over several
nodes (tried with 16: fewer conflicts) brings that race back, so there is one node.
It is made when a store connects to a graph without it (`ensure_schema`), never by the
writers themselves: concurrent transactions that each create the same new node meet at
commit as duplicate keys.
Schema changes cannot share a transaction with a data write on Neo4j: they leave the
revision alone (`schema=True`).

Long lists of rows
------------------
ArcadeDB's Bolt server refuses a message over 16 MB and then leaves the client waiting for
ever (the driver's RESET is never answered): the 60-zone network at twice its size, or a
spreadsheet at the file limit, is more than that as one `$rows`. `Transaction.run_rows`
sends such a list in parts of at most `PART_BYTES`, in the same transaction.
"""

from __future__ import annotations

import fcntl
import logging
import os
import random
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j import exceptions as neo4j_errors

from graphmap import limits, queries
from graphmap.embedded import USERNAME, EmbeddedServer
from graphmap.errors import (
    ConflictError,
    DuplicateKeyError,
    GraphChangedError,
    GraphmapError,
    StoreUnavailableError,
)
from graphmap.names import folded
from graphmap.settings import EMBEDDED_DATABASE, Settings

log = logging.getLogger("graphmap.store")
T = TypeVar("T")

# The id of the graph's one revision node (module doc).
REVISION = "00"
# How long a transaction that lost a write conflict is retried, and its back-off window.
CONFLICT_SECONDS = 30.0
BACKOFF_FIRST, BACKOFF_CAP = 0.01, 0.4
# How long a snapshot is retried while writers of other processes commit: this store's own
# writers wait for it meanwhile.
SNAPSHOT_SECONDS = 8.0
# A duplicate key at commit is a concurrent MERGE of the same new node on ArcadeDB the first
# time; it is a real duplicate when it comes back. Likewise a node found missing (a
# GraphChangedError): within a transaction ArcadeDB does not find by its key a node that it
# created itself while another transaction committed one with the same key.
DUPLICATE_RETRIES = 2
# How long a command waits for an unreachable database before it gives up (the dashboard
# does not wait: it says so and recovers in the background).
UNAVAILABLE_SECONDS = 2.0
CONNECT_TIMEOUT = {"embedded": 3.0, "remote": 10.0}
# Neo4j 5.26 LTS and 2025.x (calendar versions); `CALL (x) { … }` needs 5.23 or later.
SUPPORTED = "Neo4j 5.26 LTS of 2025.x"
_VERSION = re.compile(r"^Neo4j/(\d+)\.(\d+)")


def check_version(agent: str) -> None:
    """Refuse a server older than Neo4j 5.26 (ArcadeDB's Bolt plugin answers as one)."""
    found = _VERSION.match(agent or "")
    if found is None:
        raise StoreUnavailableError(
            f"de server is geen Neo4j (hij zegt {agent!r}); graphmap vraagt {SUPPORTED}"
        )
    major, minor = int(found.group(1)), int(found.group(2))
    if (major, minor) < (5, 26):
        raise StoreUnavailableError(f"Neo4j {major}.{minor} is te oud: graphmap vraagt {SUPPORTED}")


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except GraphmapError:
        raise
    except neo4j_errors.ConstraintError as error:
        message = _message(error)
        raise DuplicateKeyError(f"dubbele sleutel: {message}", *_duplicate(message)) from error
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
        raise StoreUnavailableError(f"de databank is onbereikbaar ({_reason(error)})") from error
    except neo4j_errors.AuthError as error:
        raise StoreUnavailableError(
            "de databank weigerde de gebruikersnaam of het wachtwoord"
        ) from error
    except neo4j_errors.Neo4jError as error:
        raise GraphmapError(f"de databank weigerde een query: {_message(error)}") from error


# The label and key a unique constraint refused, as each engine words it.
_DUPLICATE = (
    re.compile(r"Duplicated key \[(?P<key>.*)\] found on index '(?P<label>\w+)\["),  # ArcadeDB
    re.compile(r"with label `(?P<label>\w+)` and property `\w+` = '(?P<key>.*)'"),  # Neo4j
)


def _duplicate(message: str) -> tuple[str | None, str | None]:
    for pattern in _DUPLICATE:
        found = pattern.search(message)
        if found:
            return found["label"], found["key"]
    return None, None


def _message(error: neo4j_errors.Neo4jError) -> str:
    return (error.message or str(error)).strip()


def _reason(error: Exception) -> str:
    """The last line of a driver error: the one that says why (e.g. 'Connection refused')."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


def _unreachable(error: Exception) -> bool:
    # An IncompleteCommit may have committed: running it again could write twice.
    return isinstance(
        error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired
    ) and not isinstance(error, neo4j_errors.IncompleteCommit)


def _conflict(error: Exception) -> bool:
    """A transaction that lost to a concurrent one: running it again is the cure."""
    return (
        isinstance(error, neo4j_errors.Neo4jError)
        and not isinstance(error, neo4j_errors.ConstraintError)
        and error.is_retryable()
    )


def _backoff(attempt: int) -> float:
    return random.uniform(0, min(BACKOFF_CAP, BACKOFF_FIRST * 2**attempt))


# A quarter of the 16 MB Bolt message ArcadeDB accepts (limits.MESSAGE_BYTES).
PART_BYTES = 4 * 1024 * 1024


def parts(rows: list, budget: int = PART_BYTES) -> Iterator[list]:
    """`rows` in consecutive parts of `budget` bytes at most (or of one row)."""
    for part, _ in sized_parts(rows, budget):
        yield part


def sized_parts(rows: list, budget: int = PART_BYTES) -> Iterator[tuple[list, int]]:
    """`parts`, each with its size as `limits.message_bytes` counts it."""
    part: list = []
    size = 5
    for row in rows:
        weight = limits.message_bytes(row)
        if part and size + weight > budget:
            yield part, size
            part, size = [], 5
        part.append(row)
        size += weight
    if part:
        yield part, size


class Transaction:
    """A transaction that runs named queries; handed to `Store.transaction` functions."""

    def __init__(self, tx: neo4j.Transaction, trace: Callable[[str, float], None]):
        self._tx = tx
        self._trace = trace

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self._run(queries.get(name), params)

    def run_rows(self, name: str, rows: list[dict], **shared: Any) -> list[dict[str, Any]]:
        """Run `name` with `$rows` in parts small enough for one message each (see
        "Long lists of rows"), and the `shared` parameters with every part: the records of
        all parts, in order. A query that returns a count returns one per part."""
        query = queries.get(name)
        records: list[dict[str, Any]] = []
        for part, size in sized_parts(rows):
            # The part was sized as it was cut: the check need not count it again.
            records += self._run(query, {"rows": part, **shared}, sized={"rows": size})
        return records

    def run_template(self, name: str, names: dict[str, str], **params: Any) -> list[dict[str, Any]]:
        """Run a query whose labels, types or keys are placeholders (see `Query.bind`)."""
        return self._run(queries.get(name).bind(names), params)

    def _run(
        self, query: queries.Query, params: dict[str, Any], sized: dict[str, int] | None = None
    ) -> list[dict[str, Any]]:
        query.check(params, sized)
        started = time.perf_counter()
        records: list[dict[str, Any]] = []
        for statement in query.statements:
            result = self._tx.run(statement, params)
            keys = result.keys()
            # Queries return values, never nodes: a plain dict per record is what data()
            # would give, at a tenth of its cost on large results.
            records = [dict(zip(keys, record, strict=True)) for record in result]
        self._trace(query.name, time.perf_counter() - started)
        return records


class Store:
    """Owns the driver (and, by default, the embedded server it talks to).

    With `recover`, as the dashboard wants it, a database that has gone away is not waited
    for: the call fails at once with StoreUnavailableError while the store starts or joins
    the embedded server again in the background, and the next calls succeed.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str | None,
        server: EmbeddedServer | None = None,
        recover: bool = False,
    ):
        self.driver = driver
        self.database = database
        self._server = server
        self._recover = recover
        self._recovery: threading.Thread | None = None
        self._recovery_lock = threading.Lock()
        self._generation = 0  # how many times the driver was replaced
        # Write transactions of this store, one at a time (module doc); reentrant, for a
        # transaction function that calls another.
        self._writing = threading.RLock()
        self._depth = 0  # how deep this store's turn is (a transaction within a transaction)
        self._snapshots: _Snapshots | None = None
        self.trace: list[tuple[str, float]] = []
        self.tracing = False
        self.agent = ""  # what the server says it is, e.g. "Neo4j/5.26.0"
        self.data_dir: Path | None = None  # graphmap's own folder (daily backups, secret key)

    @classmethod
    def connect(cls, settings: Settings | None = None, recover: bool = False) -> Store:
        """Open the store named by the settings (environment by default) and prepare its schema."""
        settings = settings or Settings.from_env()
        server = None
        if settings.embedded:
            server = EmbeddedServer(settings.data_dir)
            info = server.start()
            uri, auth, database = info.uri, (USERNAME, info.password), EMBEDDED_DATABASE
        else:
            uri, auth = settings.uri, (settings.username, settings.password)
            database = settings.database
        try:
            driver = _driver(uri, auth, embedded=server is not None)
            store = cls(driver, database, server, recover)
            store.data_dir = settings.data_dir
            if server is not None:
                store._snapshots = _Snapshots(settings.data_dir)
            try:
                with _translated():
                    driver.verify_connectivity()
                    store.agent = driver.get_server_info().agent
            except StoreUnavailableError as error:
                driver.close()
                raise StoreUnavailableError(f"{uri}: {error}") from error
            check_version(store.agent)
            store.ensure_schema()
        except BaseException:
            if server is not None:
                server.stop()
            raise
        return store

    def close(self) -> None:
        self.driver.close()
        if self._snapshots is not None:
            self._snapshots.close()
            self._snapshots = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def embedded(self) -> EmbeddedServer | None:
        """The embedded server this store talks to, or None on a Neo4j server."""
        return self._server

    def _record(self, name: str, seconds: float) -> None:
        log.debug("query %s took %.1f ms", name, seconds * 1000)
        if self.tracing:
            self.trace.append((name, seconds))

    @contextmanager
    def traced(self) -> Iterator[list[tuple[str, float]]]:
        """The named queries this store runs while the block runs, with their seconds."""
        self.trace, self.tracing = [], True
        try:
            yield self.trace
        finally:
            self.tracing = False

    # -- running transactions --------------------------------------------------------------
    def _run(
        self,
        work: Callable[[Transaction], T],
        access: str,
        revise: bool = False,
        seconds: float = CONFLICT_SECONDS,
    ) -> T:
        """Run `work` in one transaction; retry it if it lost a conflict (see the module doc)
        for up to `seconds`. With `revise`, the transaction ends by giving the graph a new
        revision."""
        started = time.monotonic()
        attempt = duplicates = changed = 0
        while True:
            generation, driver = self._generation, self.driver
            try:
                with (
                    driver.session(
                        database=self.database,
                        default_access_mode=access,
                        bookmark_manager=driver.execute_query_bookmark_manager,
                    ) as session,
                    session.begin_transaction() as tx,
                ):
                    run = Transaction(tx, self._record)
                    result = work(run)
                    if revise:
                        run.run("revise", id=REVISION, token=uuid.uuid4().hex)
                    tx.commit()
                    return result
            except GraphChangedError as error:
                changed += 1
                if changed > DUPLICATE_RETRIES:
                    raise
                log.debug("the graph changed under a transaction, retrying: %s", error)
            except GraphmapError:
                raise
            except neo4j_errors.ConstraintError as error:
                duplicates += 1
                if duplicates > DUPLICATE_RETRIES:
                    with _translated():
                        raise
                log.debug("duplicate key, retrying: %s", _message(error))
            except Exception as error:
                elapsed = time.monotonic() - started
                if _conflict(error):
                    if elapsed > seconds:
                        raise ConflictError(
                            "de databank bleef bezig met andere wijzigingen aan dezelfde "
                            f"gegevens, {elapsed:.0f} s lang; niets geschreven, probeer opnieuw"
                        ) from error
                    log.debug("transaction lost a conflict, retrying: %s", _reason(error))
                elif _unreachable(error):
                    if generation != self._generation:
                        continue  # the store reconnected meanwhile: try the new server
                    if self._recover:
                        self._start_recovery()
                        raise StoreUnavailableError(
                            f"de databank is onbereikbaar ({_reason(error)}); opnieuw verbinden"
                        ) from error
                    if elapsed > UNAVAILABLE_SECONDS:
                        with _translated():
                            raise
                else:
                    with _translated():
                        raise
            time.sleep(_backoff(attempt))
            attempt += 1

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self._run(lambda tx: tx.run(name, **params), neo4j.READ_ACCESS)

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.transaction(lambda tx: tx.run(name, **params))

    def reads(self, calls: dict[str, tuple[str, dict[str, Any]]]) -> dict[str, list[dict]]:
        """Independent reads at once, `{key: (query name, params)}` → `{key: rows}`: each is
        its own read transaction on its own session, which the server answers on a thread
        of its own, so a report made of several queries takes about as long as its slowest
        one. Not one snapshot of the graph (that is `read_transaction`). The first read runs
        in the calling thread, each other one in a short-lived thread of its own."""
        keys = list(calls)
        results: dict[str, list[dict]] = {}
        errors: dict[str, BaseException] = {}

        def read(key: str) -> None:
            name, params = calls[key]
            try:
                results[key] = self.read(name, **params)
            except BaseException as error:  # noqa: BLE001 - raised in the caller below
                errors[key] = error

        helpers = [threading.Thread(target=read, args=(key,), daemon=True) for key in keys[1:]]
        for helper in helpers:
            helper.start()
        if keys:
            read(keys[0])
        for helper in helpers:
            helper.join()
        for key in keys:
            if key in errors:
                raise errors[key]
        return {key: results[key] for key in keys}

    def revision(self) -> str | None:
        """The graph's revision (see the module doc): read it before computing what is kept,
        and keep the result while it stays the same. None before the revision node is made."""
        rows = self.read("revision", id=REVISION)
        return rows[0]["token"] if rows else None

    def profile(self, name: str, **params: Any) -> str:
        """The engine's own account of running a read query (Cypher's PROFILE), as text:
        which steps ran and how many rows each touched. Its form is the engine's."""
        query = queries.get(name)
        query.check(params)
        accounts = []
        with _translated():
            for statement in query.statements:
                _, summary, _ = self.driver.execute_query(
                    f"PROFILE {statement}",
                    params,
                    database_=self.database,
                    routing_=RoutingControl.READ,
                )
                plan = summary.profile or summary.plan or {}
                accounts.append(plan.get("args", {}).get("string-representation") or str(plan))
        return "\n".join(accounts)

    def transaction(self, work: Callable[[Transaction], T], *, schema: bool = False) -> T:
        """Run `work` in one write transaction: all of its queries commit, or none does, and
        the graph's revision with them. `schema`: constraints or indexes only (Neo4j runs
        no data write in the same transaction), the revision stays.

        `work` may run more than once (after a lost conflict with another process): it must
        not keep state between runs other than what it returns. The write transactions of
        one store run one at a time (see "Writers of one process take turns").
        """
        with self._turn():
            return self._run(work, neo4j.WRITE_ACCESS, revise=not schema)

    def snapshot(self, work: Callable[[Transaction], T]) -> T:
        """Run reads in `work` as one snapshot of the graph, also while writers keep coming
        (a read transaction is none, on either engine): a write transaction that first
        writes the revision node and leaves its token as it was. Neo4j makes every writer
        wait for it at its revision; ArcadeDB runs it again when a write committed while it
        read. The writers of this store wait their turn, for `SNAPSHOT_SECONDS` at most:
        when writers of other processes keep it from committing that long, ConflictError.
        For a read that must be one graph (a backup) after reading it the cheap way kept
        meeting writes."""

        def held(tx: Transaction) -> T:
            tx.run("revision_hold", id=REVISION)
            return work(tx)

        with self._turn(alone=True):
            return self._run(held, neo4j.WRITE_ACCESS, seconds=SNAPSHOT_SECONDS)

    @contextmanager
    def _turn(self, alone: bool = False) -> Iterator[None]:
        """This store's turn to write (see "Writers of one process take turns"); `alone`,
        for a snapshot: with the writers of other processes on the embedded store waiting
        too (`_Snapshots`)."""
        deadline = time.monotonic() + CONFLICT_SECONDS
        if not self._writing.acquire(timeout=CONFLICT_SECONDS):
            raise _busy()
        try:
            self._depth += 1
            if self._depth > 1 or self._snapshots is None:
                yield
            else:
                with self._snapshots.held(alone, deadline):
                    yield
        finally:
            self._depth -= 1
            self._writing.release()

    def read_transaction(self, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one read transaction: several reads of one consistent graph."""
        return self._run(work, neo4j.READ_ACCESS)

    # -- recovery ----------------------------------------------------------------------------
    def _start_recovery(self) -> None:
        """Start (or join) the embedded server again in the background; once at a time."""
        with self._recovery_lock:
            if self._recovery is not None and self._recovery.is_alive():
                return
            self._recovery = threading.Thread(
                target=self._reconnect, name="graphmap-reconnect", daemon=True
            )
            self._recovery.start()

    def _reconnect(self) -> None:
        try:
            if self._server is not None:
                info = self._server.start()
                driver = _driver(info.uri, (USERNAME, info.password), embedded=True)
            else:
                driver = self.driver  # a Neo4j server: the driver reconnects by itself
            driver.verify_connectivity()
        except Exception as error:  # noqa: BLE001 - the next request tries again
            log.warning("de databank is nog onbereikbaar: %s", _reason(error))
            return
        if driver is not self.driver:
            old, self.driver = self.driver, driver
            self._generation += 1
            old.close()
        log.info("opnieuw verbonden met de databank")

    def wait_for_recovery(self, timeout: float) -> None:
        """Wait for a reconnect under way (tests, and `graphmap serve` on its way out)."""
        recovery = self._recovery
        if recovery is not None:
            recovery.join(timeout)

    # -- schema --------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the unique key constraints (idempotent; safe when two processes race)."""
        for attempt in range(5):
            try:
                self.transaction(lambda tx: tx.run("schema"), schema=True)
                break
            except GraphmapError:
                # Another process created a constraint between our check and our create.
                if attempt == 4:
                    raise
                time.sleep(_backoff(attempt + 3))
        if not self.read("revision", id=REVISION):
            self.transaction(
                lambda tx: tx.run("revision_node", id=REVISION, token=uuid.uuid4().hex)
            )
        # A graph of a graphmap before the zones' logs: its audit entries join them once. A
        # write changes the graph's revision, and with it what every process keeps: a connect
        # to a graph without entries writes nothing.
        if not self.read("audit_logs") and self.read("audit_any"):
            self.transaction(lambda tx: tx.run("audit_link_logs"))
        # A graph of a graphmap before `Organisation.folded`: its organisations get it once.
        if not any(row["done"] for row in self.read("names_folded", id=REVISION)):
            self.fold_names()

    def fold_names(self) -> None:
        """Give `folded` (graphmap.names.folded) to the organisations without it: those of
        a graph from before graphmap kept it, or written outside graphmap. Every writer of
        graphmap sets it (a restore too), so a connect does this once for a graph."""
        unfolded = self.read("organisations_unfolded")
        rows = [{"id": r["id"], "folded": folded(r["name"] or r["id"])} for r in unfolded]

        def work(tx: Transaction) -> None:
            tx.run_rows("organisations_fold", rows)
            tx.run("names_folded_mark", id=REVISION)

        self.transaction(work)

    def reset(self) -> None:
        """Delete every node and relationship; the schema stays."""
        self.write("delete_all")

    def forget(self, rebuild_person_key: bool = False) -> None:
        """After an erasure has committed: leave no trace of it in the database's files.

        The embedded server moves its write-ahead log into the data files and drops it (a
        deleted record's bytes are cleared from its page); with `rebuild_person_key`, the
        unique index of persons is built again, without the erased id. On Neo4j the
        transaction logs are kept as its `db.tx_log.rotation.retention_policy` says.
        """
        if rebuild_person_key:
            self.transaction(lambda tx: tx.run("drop_person_key"), schema=True)
            self.ensure_schema()
        if self._server is not None:
            self._server.checkpoint()


def _busy() -> ConflictError:
    return ConflictError(
        "de databank bleef bezig met andere wijzigingen, "
        f"{CONFLICT_SECONDS:.0f} s lang; niets geschreven, probeer opnieuw"
    )


class _Snapshots:
    """A snapshot among the writers of every process on one embedded store: ArcadeDB does
    not make a writer wait, so a snapshot (a backup) that writers of another process keep
    beating at commit never ends. Two lock files in the data folder: a writer holds `HOLD`
    shared while it writes, having passed `GATE`; a snapshot closes `GATE` (new writers
    wait there), then holds `HOLD` alone (the writers under way finish first). Writers do
    not wait for each other here. A killed process lets go of its locks with its files."""

    GATE, HOLD = "snapshot-gate.lock", "snapshot.lock"

    def __init__(self, folder: Path):
        self._gate = os.open(folder / self.GATE, os.O_RDWR | os.O_CREAT, 0o600)
        self._hold = os.open(folder / self.HOLD, os.O_RDWR | os.O_CREAT, 0o600)

    def close(self) -> None:
        os.close(self._gate)
        os.close(self._hold)

    @contextmanager
    def held(self, alone: bool, deadline: float) -> Iterator[None]:
        if alone:
            _flock(self._gate, fcntl.LOCK_EX, deadline)
            try:
                _flock(self._hold, fcntl.LOCK_EX, deadline)
            except BaseException:
                fcntl.flock(self._gate, fcntl.LOCK_UN)
                raise
        else:
            _flock(self._gate, fcntl.LOCK_SH, deadline)
            try:
                _flock(self._hold, fcntl.LOCK_SH, deadline)
            finally:
                fcntl.flock(self._gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(self._hold, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(self._gate, fcntl.LOCK_UN)


def _flock(fd: int, operation: int, deadline: float) -> None:
    """Take a lock on a file, waiting until `deadline` at most (then ConflictError)."""
    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise _busy() from None
            time.sleep(0.005)


def _driver(uri: str, auth: tuple[str, str], embedded: bool) -> neo4j.Driver:
    timeout = CONNECT_TIMEOUT["embedded" if embedded else "remote"]
    return GraphDatabase.driver(
        uri,
        auth=auth,
        connection_timeout=timeout,
        connection_acquisition_timeout=timeout * 3,
        max_transaction_retry_time=0,
    )
