"""The store on the real embedded database: schema, transactions, error translation."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from graphmap import audit, model, register
from graphmap.errors import (
    DuplicateKeyError,
    GraphmapError,
    QueryError,
    StoreUnavailableError,
    ValidationError,
)
from graphmap.ingest import seed
from graphmap.limits import message_bytes
from graphmap.settings import Settings
from graphmap.store import Store, check_version, parts


def _org(id_, category="caw"):
    return {"id": id_, "name": id_.title(), "category": category, "kbo": None, "website": None}


def _graphmap_constraints(store) -> list[tuple[str, str]]:
    """graphmap's own constraints; a database may hold others (other tests, other apps)."""
    return sorted(
        (row["labelsOrTypes"][0], row["properties"][0])
        for row in store.read("constraints")
        if row["labelsOrTypes"] and row["labelsOrTypes"][0] in model.KEYS
    )


def test_one_unique_key_per_label_idempotently(store):
    store.ensure_schema()
    store.ensure_schema()
    assert _graphmap_constraints(store) == sorted(model.KEYS.items())


@pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="starts embedded servers")
def test_stores_starting_at_once_make_each_constraint_once(tmp_path):
    """Three stores (each with its own server handle and driver, as three processes have)
    start on a fresh folder at once: one server, and each constraint once."""
    settings = Settings(data_dir=tmp_path / "data")
    barrier = threading.Barrier(3)

    def connect(_):
        barrier.wait()
        return Store.connect(settings)

    with ThreadPoolExecutor(3) as pool:
        stores = list(pool.map(connect, range(3)))
    try:
        assert _graphmap_constraints(stores[0]) == sorted(model.KEYS.items())
    finally:
        for opened in stores:
            opened.close()


def test_the_server_version_is_checked_at_connect(store):
    assert store.agent.startswith("Neo4j/5.26")  # what ArcadeDB's Bolt plugin answers
    check_version("Neo4j/5.26.0")
    check_version("Neo4j/2025.06.1")
    for agent, message in [
        ("Neo4j/5.13.0", "Neo4j 5.13 is te oud: graphmap vraagt Neo4j 5.26 LTS of 2025.x"),
        ("Neo4j/4.4.30", "te oud"),
        ("Memgraph/2.0", "geen Neo4j"),
    ]:
        with pytest.raises(StoreUnavailableError, match=message):
            check_version(agent)


def test_a_null_key_is_refused_before_any_merge(store):
    """Neo4j aborts a MERGE on a null key; ArcadeDB would make a node without one."""
    with pytest.raises(ValidationError, match="row 2: a Organisation without id"):
        store.transaction(
            lambda tx: tx.run(
                "import_organisations",
                rows=[{"id": "a", "name": "A", "source": "s"}, {"id": None, "source": "s"}],
                by="t",
                at="t",
            )
        )
    with pytest.raises(ValidationError, match="a Source without id"):
        store.write(
            "register_save_organisation",
            organisation="x",
            org_name="X",
            folded="x",
            kbo=None,
            website=None,
            source=None,
            document="d",
            section="s",
            today="t",
            editor="e",
            now="n",
        )
    assert store.read("count_nodes") == [{"nodes": 0}]


def test_a_huge_value_never_reaches_the_database(store):
    with pytest.raises(ValidationError, match=r"\$organisation is 1\.000\.000 characters"):
        store.read("register_organisation", organisation="x" * 1_000_000)


def test_parameters_over_one_message_are_refused_before_they_are_sent(store):
    rows = [audit.entry(by="t", action="import", key="k", after={"x": "y" * 1_000})]
    rows *= 15_000  # 15 MB: the database would refuse it and leave the call waiting

    def work(tx):
        tx.run("audit_record", zones=[], rows=rows)

    with pytest.raises(QueryError, match="exceed one message .*run_rows"):
        store.transaction(work)


def test_duplicate_key_is_refused_with_no_partial_write(seeded):
    before = seeded.read("stats_nodes")
    batch = [_org("nieuw-een"), _org("nieuw-twee"), _org("pallion")]
    with pytest.raises(DuplicateKeyError, match="bestaat al: pallion"):
        register.add_organisations(seeded, batch)
    assert seeded.read("stats_nodes") == before
    assert seeded.read("organisation_ids", ids=["nieuw-een", "nieuw-twee"]) == []


def test_unknown_category_refuses_the_whole_batch(seeded):
    with pytest.raises(ValidationError, match="onbekende categorie"):
        register.add_organisations(seeded, [_org("nieuw-een"), _org("nieuw-twee", "bestaat-niet")])
    assert seeded.read("organisation_ids", ids=["nieuw-een", "nieuw-twee"]) == []


def test_added_organisation_is_found(seeded):
    assert register.add_organisations(seeded, [_org("nieuw-een")]) == 1
    assert seeded.read("organisation_ids", ids=["nieuw-een"]) == [{"id": "nieuw-een"}]


def test_failure_in_a_transaction_rolls_back_earlier_writes(store):
    rows = seed.build_rows()

    def work(tx):
        tx.run("seed_sources", rows=list(rows.sources.values()))
        tx.run("seed_zones", rows=rows.zones)
        tx.run("no_such_query", rows=[])

    with pytest.raises(QueryError):
        store.transaction(work)
    assert store.read("stats_nodes") == []


def test_database_errors_become_graphmap_errors(store):
    with pytest.raises(GraphmapError):
        store.transaction(lambda tx: tx._tx.run("THIS IS NOT CYPHER").consume())


def test_reads_at_once_answer_as_reads_one_by_one(seeded):
    calls = {
        "zones": ("zones", {}),
        "maasland": ("actions", {"zone": "maasland"}),
        "kempenland": ("actions", {"zone": "kempenland"}),
    }
    together = seeded.reads(calls)
    assert together == {key: seeded.read(name, **params) for key, (name, params) in calls.items()}
    assert together["maasland"] and together["maasland"] != together["kempenland"]
    # One read failing fails the call, with the store's own error.
    with pytest.raises(QueryError):
        seeded.reads({**calls, "wrong": ("actions", {})})


def test_rows_go_in_parts_of_the_budget_in_their_order():
    rows = [{"id": f"r{n}", "text": "x" * 100} for n in range(50)]
    split = list(parts(rows, budget=1_000))
    assert [row for part in split for row in part] == rows
    assert len(split) > 1 and all(sum(map(message_bytes, part)) <= 1_000 for part in split)
    # A row over the budget goes alone; text of many-byte characters counts four a character.
    assert [len(p) for p in parts([{"t": "é" * 300}, {"t": "a"}], budget=1_000)] == [1, 1]


def test_rows_beyond_one_bolt_message_are_written_in_parts_of_one_transaction(store):
    """ArcadeDB refuses a Bolt message over 16 MB and leaves the client waiting: a write of
    more rows than that (a province's seed, a spreadsheet at the file limit) goes in parts.
    Few rows of 100 kB each: the bytes make the parts, and 20,000 rows of 1 kB cost the
    suite 15 s of writing them."""
    entries = [
        audit.entry(
            by="t", action="import.row", zones=["maasland"], key=str(n), after={"x": "y" * 100_000}
        )
        for n in range(220)
    ]
    assert sum(map(message_bytes, entries)) > 20 * 1024 * 1024
    # In a thread: a message too large would wait for ever, and the test must fail instead.
    writer = threading.Thread(
        target=store.transaction, args=(lambda tx: audit.record_all(tx, entries),), daemon=True
    )
    writer.start()
    writer.join(timeout=120)
    assert not writer.is_alive(), "the write is still waiting for the database"
    assert audit.count(store, action="import.row") == audit.count(store, zone="maasland") == 220

    def failing(tx):
        audit.record_all(tx, [{**e, "id": e["id"] + "-again"} for e in entries])
        raise RuntimeError("after the last part")

    with pytest.raises(RuntimeError):
        store.transaction(failing)
    assert audit.count(store, action="import.row") == 220  # no part of it is left


def test_writers_of_one_store_take_turns_instead_of_retrying(seeded):
    """Eight request threads writing at once: each transaction runs once. Before they took
    turns, they ran together and all but one retried (on ArcadeDB), and a longer one could
    keep losing to the short ones until it gave up."""
    runs = []

    def write(i):
        def work(tx):
            runs.append(i)
            tx.run("lock_organisations", ids=["pallion"])
            return tx.run("organisation_ids", ids=["pallion"])

        return seeded.transaction(work)

    barrier = threading.Barrier(8)

    def at_once(i):
        barrier.wait()
        return write(i)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(at_once, range(8)))
    assert all(results)
    assert sorted(runs) == list(range(8))
