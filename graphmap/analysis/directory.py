"""The register as pages and look-ups, for lists too long to send whole (30,000
organisations for Flanders): one page in name order, a search, the organisations of a
category.

A search word matches an organisation whose name, category or municipality holds it (case,
accents and the kind of apostrophe aside: "creche" finds "Crèche") or, when it is written
like a KBO number (digits, dots, spaces), whose KBO number holds its digits. Every word must
match. Pages are in name order as `Organisation.folded` holds it (graphmap.names.folded):
"Éclat" among the E's, not after Z.

The register of one zone holds the organisations in its clusters, those working on its
actions and those seated in its municipalities; it is read from the zone outwards, so its
pages and searches cost the same for one zone of Flanders as for one zone alone. The whole
register's search reads every name (a substring has no index to use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphmap import names
from graphmap.names import folded
from graphmap.store import Store

PAGE = 100


@dataclass(frozen=True)
class Page:
    rows: list[dict]
    total: int  # organisations the search finds (all of them without a search)


def mistyped(store: Store, text: str, limit: int) -> list[dict]:
    """The organisations (id, name) whose id or whole name `text` may be a typo of, closest
    first: for a name the word search finds nothing of. It reads every name, so it is for an
    error's hint, not for a page."""
    return names.mistyped(names.organisations(store), text, limit)


def words(text: str | None) -> list[dict]:
    """The search words as the register queries take them: {text, digits}."""
    found = []
    for word in (text or "").split():
        digits = re.sub(r"[.\s/-]", "", word)
        found.append({"text": folded(word), "digits": digits if digits.isdigit() else ""})
    return found


def rows(store: Store, ids: list[str]) -> list[dict]:
    """The register's columns of these organisations, in the order of `ids`."""
    found = {row["id"]: row for row in store.read("register_rows", ids=list(ids))}
    return [found[i] for i in ids if i in found]


def terms(store: Store, wanted: list[dict]) -> list[dict]:
    """The search words with the categories and municipalities whose name holds each."""
    if not wanted:
        return []
    found = {
        row["text"]: row
        for row in store.read("register_terms", texts=sorted({w["text"] for w in wanted}))
    }
    return [
        {**w, "categories": found[w["text"]]["categories"], "places": found[w["text"]]["places"]}
        for w in wanted
    ]


def page(
    store: Store,
    text: str | None = None,
    start: int = 0,
    limit: int = PAGE,
    zone: str | None = None,
) -> Page:
    """One page of the register (name order), optionally of a search and of one zone."""
    wanted = words(text)
    if zone is not None:
        found = store.read(
            "register_zone", zone=zone, words=terms(store, wanted), skip=start, limit=limit
        )
        if not found:
            return Page([], 0)  # no such zone
        return Page(rows(store, found[0]["ids"]), found[0]["total"])
    if not wanted:
        ids = [row["id"] for row in store.read("register_names", skip=start, limit=limit)]
        return Page(rows(store, ids), store.read("register_count")[0]["total"])
    found = store.read("register_search", words=terms(store, wanted), skip=start, limit=limit)[0]
    return Page(rows(store, found["ids"]), found["total"])


NEIGHBOURS = 200  # organisations of the province offered beside a zone's own, at most


def of_category(store: Store, category: str, zone: str) -> list[dict]:
    """The organisations of a category among a zone's (its register, as `page` reads it),
    then those of the kind already involved in a zone of the same province (a partner of the
    neighbouring zone is a likely pick): {id, name, category, default_cluster}. Others, of
    all of Flanders, are found by `page`."""
    own = store.read("zone_category_organisations", zone=zone, category=category)
    known = {row["id"] for row in own}
    near = store.read(
        "province_category_organisations", zone=zone, category=category, limit=NEIGHBOURS
    )
    return own + [row for row in near if row["id"] not in known]
