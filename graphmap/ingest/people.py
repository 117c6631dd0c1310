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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Shared:
    """An e-mail address that the records of several contact persons have: an editor's zone
    gets its own record of a person another zone knows (`access.persons_unseen`), and who
    sees both (an admin, the command line) meets the address twice. `records`: each
    record's id → the organisations it works at."""

    email: str
    records: dict[str, tuple[str, ...]]

    def at(self, organisation: str) -> str | None:
        """The record of the one of them who works at `organisation`; None when none or
        several do: which one a row means is then not known."""
        found = [person for person, orgs in self.records.items() if organisation in orgs]
        return found[0] if len(found) == 1 else None


def known(rows: Iterable[dict]) -> dict[str, str | Shared]:
    """Key -> id of persons given as rows with id, name, email and organisation (or
    organisations); an e-mail address that several persons' records have -> `Shared`."""
    found: dict[str, str | Shared] = {}
    by_email: dict[str, tuple[str, dict[str, set[str]]]] = {}  # key → (address, id → orgs)
    for row in rows:
        organisations = [o for o in row.get("organisations") or [row.get("organisation")] if o]
        if row["email"]:
            _, records = by_email.setdefault(key("", "", row["email"]), (row["email"], {}))
            records.setdefault(row["id"], set()).update(organisations)
        else:
            for organisation in organisations:
                found.setdefault(key(row["name"] or "", organisation, None), row["id"])
    for email_key, (email, records) in by_email.items():
        found[email_key] = (
            next(iter(records))
            if len(records) == 1
            else Shared(email.lower(), {p: tuple(sorted(o)) for p, o in records.items()})
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
