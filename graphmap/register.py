"""Edits of the register: organisations added by staff (each edit one transaction)."""

from __future__ import annotations

from graphmap.errors import DuplicateKeyError, ValidationError
from graphmap.store import Store


def add_organisations(store: Store, rows: list[dict]) -> int:
    """Add new organisations (id, name, category, kbo, website); all or none are written."""
    ids = [row["id"] for row in rows]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValidationError(f"organisation id given twice: {', '.join(twice)}")

    def work(tx) -> int:
        created = tx.run("create_organisations", rows=rows)
        count = created[0]["created"] if created else 0
        if count != len(rows):
            # A row whose category does not exist matches nothing: refuse the whole batch.
            raise ValidationError("unknown category in one of the organisations")
        return count

    try:
        return store.transaction(work)
    except DuplicateKeyError as error:
        existing = store.read("organisation_ids", ids=ids)
        names = ", ".join(row["id"] for row in existing) or "?"
        raise DuplicateKeyError(f"an organisation with this id already exists: {names}") from error
