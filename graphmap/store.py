"""The one owner of the database driver. Every query passes through `Store`.

Queries are named files in `cypher/` (see `graphmap.queries`), always run with parameters.
Reads and writes go through `read()` / `write()`; a group of writes that must stand or fall
together goes through `transaction()`, which runs a function in one write transaction.
Driver errors are translated into `graphmap.errors` here, at the edge.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j import exceptions as neo4j_errors

from graphmap import queries
from graphmap.embedded import USERNAME, EmbeddedServer
from graphmap.errors import DuplicateKeyError, GraphmapError, StoreUnavailableError
from graphmap.settings import EMBEDDED_DATABASE, Settings

log = logging.getLogger("graphmap.store")
T = TypeVar("T")


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except GraphmapError:
        raise
    except neo4j_errors.ConstraintError as error:
        raise DuplicateKeyError(f"duplicate key: {_message(error)}") from error
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
        raise StoreUnavailableError(
            f"the graph database is unreachable ({_reason(error)})"
        ) from error
    except neo4j_errors.AuthError as error:
        raise StoreUnavailableError(
            "the graph database refused the user name or password"
        ) from error
    except neo4j_errors.Neo4jError as error:
        raise GraphmapError(f"the graph database refused a query: {_message(error)}") from error


def _message(error: neo4j_errors.Neo4jError) -> str:
    return (error.message or str(error)).strip()


def _reason(error: Exception) -> str:
    """The last line of a driver error: the one that says why (e.g. 'Connection refused')."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


class Transaction:
    """A write transaction that runs named queries; handed to `Store.transaction` functions."""

    def __init__(self, tx: neo4j.ManagedTransaction, trace: Callable[[str, float], None]):
        self._tx = tx
        self._trace = trace

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = queries.get(name)
        query.check(params)
        started = time.perf_counter()
        records = []
        for statement in query.statements:
            records = self._tx.run(statement, params).data()
        self._trace(name, time.perf_counter() - started)
        return records


class Store:
    """Owns the driver (and, by default, the embedded server it talks to)."""

    def __init__(self, driver: neo4j.Driver, database: str | None, server=None):
        self.driver = driver
        self.database = database
        self._server = server
        self.trace: list[tuple[str, float]] = []
        self.tracing = False
        # Bumped by every write through this store: tables derived from the whole graph
        # (e.g. graphmap.analysis.gaps.peer_table) are kept until it changes.
        self.writes = 0

    @classmethod
    def connect(cls, settings: Settings | None = None) -> Store:
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
            driver = GraphDatabase.driver(uri, auth=auth)
            store = cls(driver, database, server)
            try:
                with _translated():
                    driver.verify_connectivity()
            except StoreUnavailableError as error:
                raise StoreUnavailableError(f"{uri}: {error}") from error
            store.ensure_schema()
        except BaseException:
            if server is not None:
                server.stop()
            raise
        return store

    def close(self) -> None:
        self.driver.close()
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _record(self, name: str, seconds: float) -> None:
        log.debug("query %s took %.1f ms", name, seconds * 1000)
        if self.tracing:
            self.trace.append((name, seconds))

    def _execute(self, name: str, params: dict, routing: RoutingControl) -> list[dict[str, Any]]:
        query = queries.get(name)
        query.check(params)
        started = time.perf_counter()
        records: list = []
        keys: list[str] = []
        with _translated():
            for statement in query.statements:
                records, _, keys = self.driver.execute_query(
                    statement, params, database_=self.database, routing_=routing
                )
        self._record(name, time.perf_counter() - started)
        # Queries return values, never nodes: a plain dict per record is what data() would
        # give, at a tenth of its cost on large results.
        return [dict(zip(keys, record, strict=True)) for record in records]

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self._execute(name, params, RoutingControl.READ)

    def write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        try:
            return self._execute(name, params, RoutingControl.WRITE)
        finally:
            self.writes += 1

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

    def transaction(self, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one write transaction: all of its queries commit, or none does."""
        try:
            with _translated(), self.driver.session(database=self.database) as session:
                return session.execute_write(lambda tx: work(Transaction(tx, self._record)))
        finally:
            self.writes += 1

    def ensure_schema(self) -> None:
        """Create the unique key constraints (idempotent)."""
        self.write("schema")

    def reset(self) -> None:
        """Delete every node and relationship; the schema stays."""
        self.write("delete_all")
