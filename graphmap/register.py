"""Edits of the register: organisations added by staff (each edit one transaction)."""

from __future__ import annotations

from graphmap.errors import DuplicateKeyError, ValidationError
from graphmap.store import Store


def add_organisations(store: Store, rows: list[dict]) -> int:
    """Add new organisations; all or none are written.

    A row has id, name, category, kbo and website, and optionally municipality (a NIS code).
    """
    ids = [row["id"] for row in rows]
    fields = ("id", "name", "category", "kbo", "website")
    organisations = [{key: row.get(key) for key in fields} for row in rows]
    seats = [
        {"id": row["id"], "municipality": row["municipality"]}
        for row in rows
        if row.get("municipality")
    ]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValidationError(f"organisation id given twice: {', '.join(twice)}")

    def work(tx) -> int:
        created = tx.run("create_organisations", rows=organisations)
        count = created[0]["created"] if created else 0
        if count != len(rows):
            # A row whose category does not exist matches nothing: refuse the whole batch.
            raise ValidationError("unknown category in one of the organisations")
        located = tx.run("locate_organisations", rows=seats) if seats else [{"located": 0}]
        if located[0]["located"] != len(seats):
            raise ValidationError("unknown municipality (NIS code) in one of the organisations")
        return count

    try:
        return store.transaction(work)
    except DuplicateKeyError as error:
        existing = store.read("organisation_ids", ids=ids)
        names = ", ".join(row["id"] for row in existing) or "?"
        raise DuplicateKeyError(f"an organisation with this id already exists: {names}") from error
