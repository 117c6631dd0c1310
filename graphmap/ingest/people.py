"""Who a contact person is: recognised by e-mail (or name within an organisation), known by a
random id.

Contact persons are personal data, so their ids tell nothing about them: a new person gets a
random id, and a person is recognised by a key made from what staff type (the e-mail
address; without one, the name within the organisation). Ids made earlier from that same key
stay valid: a key is only ever compared, never written as a new id.

Two imports or editors adding the same person at the same moment are serialised on the
person's organisations (`lock_organisations`) before they look the person up, in the
transaction that writes them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

from graphmap import access
from graphmap.ingest.seed import slug
from graphmap.store import Transaction

_GENERATED = re.compile(r"persoon-[0-9a-f]{12}")


def key(name: str, organisation: str, email: str | None) -> str:
    """How a contact person is recognised: by e-mail; without one, by name within the
    organisation."""
    return slug(email) if email else slug(f"{name} {organisation}")


def new_id() -> str:
    """A new contact person's id: random, so that it tells nothing about the person."""
    return f"persoon-{secrets.token_hex(6)}"


def generated(person: str) -> bool:
    """Whether an id is one of ours (random) rather than one made from personal data."""
    return _GENERATED.fullmatch(person) is not None


def known(rows: Iterable[dict]) -> dict[str, str]:
    """Key -> id of persons given as rows with id, name, email and organisation."""
    found: dict[str, str] = {}
    for row in rows:
        if row["email"] or row.get("organisation"):
            found.setdefault(
                key(row["name"] or "", row.get("organisation") or "", row["email"]), row["id"]
            )
    return found


def lock_and_match(
    tx: Transaction,
    organisations: Iterable[str],
    emails: Iterable[str],
    user: access.User | None = None,
):
    """Lock the organisations, then return key -> id of the persons already in the graph
    that these could be: by e-mail anywhere, by name within these organisations; of those,
    the ones `user` may see (`access.persons_unseen`).

    Returns None when one of the organisations does not exist (any more).
    """
    ids = sorted(set(organisations))  # one order for every writer: no deadlock on Neo4j
    if tx.run("lock_organisations", ids=ids)[0]["locked"] != len(ids):
        return None
    lower = sorted({email.lower() for email in emails if email})
    rows = [
        *tx.run("persons_by_email", emails=lower),
        *tx.run("persons_of_organisations", ids=ids),
    ]
    unseen = access.persons_unseen(tx, user, (row["id"] for row in rows))
    return known(row for row in rows if row["id"] not in unseen)
