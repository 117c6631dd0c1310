"""The store on the real embedded database: schema, transactions, error translation."""

from __future__ import annotations

import pytest

from graphmap import model, register
from graphmap.errors import DuplicateKeyError, GraphmapError, QueryError, ValidationError
from graphmap.ingest import seed


def _org(id_, category="caw"):
    return {"id": id_, "name": id_.title(), "category": category, "kbo": None, "website": None}


def test_one_unique_key_per_label_idempotently(store):
    store.ensure_schema()
    store.ensure_schema()
    found = {(row["labelsOrTypes"][0], row["properties"][0]) for row in store.read("constraints")}
    assert found == set(model.KEYS.items())


def test_duplicate_key_is_refused_with_no_partial_write(seeded):
    before = seeded.read("stats_nodes")
    batch = [_org("nieuw-een"), _org("nieuw-twee"), _org("pallion")]
    with pytest.raises(DuplicateKeyError, match="already exists: pallion"):
        register.add_organisations(seeded, batch)
    assert seeded.read("stats_nodes") == before
    assert seeded.read("organisation_ids", ids=["nieuw-een", "nieuw-twee"]) == []


def test_unknown_category_refuses_the_whole_batch(seeded):
    with pytest.raises(ValidationError, match="unknown category"):
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
