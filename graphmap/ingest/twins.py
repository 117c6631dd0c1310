"""New organisations that another writer made meanwhile, under another id.

An import checks its file against the graph first (the dry run, the preview) and writes
later. Two imports that name the same new organisation at once (a zone's plan and a partner
list of that zone) each found it missing, and each creates it under the id its own rules
give it ("jekervallei-ocmw-riemst", "ocmw-riemst"): no key stops the second, and the
register holds the organisation twice. So the writing transaction looks again, for each
organisation it creates, for one of the same name (name_key: case, accents, punctuation and
legal form aside) and seat, or of that name where one of the two has no seat, and refuses
like an import whose check is out of date.

It first writes the revision node (`revision_hold`, as `Store.snapshot` does): two such
writers then meet, and the second one looks after the first committed (Neo4j makes it wait;
ArcadeDB runs it again).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from graphmap.errors import GraphChangedError
from graphmap.ingest.dedupe import name_key
from graphmap.ingest.seed import organisation_ids
from graphmap.store import REVISION, Transaction

# Ids tried per spelling of a name: the name, with its place, then numbered.
IDS_PER_NAME = 5


def refuse_made_meanwhile(
    tx: Transaction,
    new: list[dict],
    shown: Iterable[str],
    file: str,
    checked: str | None = None,
) -> None:
    """Refuse (GraphChangedError naming the organisation) when an organisation of `new`
    ({id, name, nis}) is in the graph by now under another id. `shown`: the ids the check
    showed as likely duplicates, beside which the user chose to add a new one. `checked`:
    the graph's revision when the check read it; while it is the same, nothing was written
    since, and there is nothing to look for (an import of 5,000 organisations would look up
    some 50,000 names and ids)."""
    if not new:
        return
    held = tx.run("revision_hold", id=REVISION)
    if checked is not None and held and held[0]["token"] == checked:
        return
    ids = {
        candidate
        for row in new
        for spelling in (row["name"], name_key(row["name"]))
        for candidate in itertools.islice(organisation_ids(spelling), IDS_PER_NAME)
    }
    found = tx.run(
        "organisation_twins",
        names=sorted({row["name"] for row in new}),
        ids=sorted(ids),
        nis=sorted({row["nis"] for row in new if row.get("nis")}),
    )
    skip = {row["id"] for row in new} | set(shown)
    for row in new:
        key = name_key(row["name"])
        for twin in found:
            if twin["id"] in skip or name_key(twin["name"] or "") != key:
                continue
            if row.get("nis") and twin["nis"] and row["nis"] != twin["nis"]:
                continue
            where = f" in {twin['municipality']}" if twin["municipality"] else ""
            raise GraphChangedError(
                f"{file}: organisatie {row['name']!r} bestaat intussen al{where} (id "
                f"{twin['id']}); de graaf is veranderd sinds de controle. Er is niets "
                "geïmporteerd; probeer opnieuw."
            )
