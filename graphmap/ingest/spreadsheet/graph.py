"""What of the graph a list is checked against: the organisations of its scope (those
seated in the municipalities it names, those seated nowhere, those of its KBO numbers), or
the whole register, kept while the graph's revision stays the same (`_Register`); the
import zone's clusters and memberships; the contact persons a list can mean."""

from __future__ import annotations

import contextlib
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graphmap import access
from graphmap.access import User
from graphmap.errors import ValidationError
from graphmap.ingest import normalise, people
from graphmap.ingest.dedupe import Matcher
from graphmap.ingest.tables import Table
from graphmap.kept import PerRevision
from graphmap.store import Store

FIELDS_IN_SCOPE = ("municipality", "postcode", "address", "kbo")  # what `_scope` reads


def _listed(rows: list[dict], key: str) -> list[dict]:
    """An index query's one row holding its list, in id order."""
    return sorted(rows[0][key] if rows else [], key=lambda row: row["id"])


def organisation_index(store: Store) -> list[dict]:
    """Every organisation with what an import compares a row against, by id (an organisation
    of two categories or seats comes once per pair)."""
    return _listed(store.read("import_organisation_index"), "organisations")


def person_index(store: Store) -> list[dict]:
    """Every contact person and where they work (once per organisation), by id."""
    return _listed(store.read("import_person_index"), "persons")


@dataclass(frozen=True)
class _Scope:
    """What of the graph the rows of a list can be: the organisations seated in the
    municipalities it names (by NIS code), those seated nowhere, and those with the KBO
    numbers it names."""

    nis: frozenset[str]
    kbos: frozenset[str]


def _scope(table: Table, column_map: dict[str, str]) -> _Scope | None:
    """The scope of a list of organisations; None (all of the graph) when a row names no
    municipality, since such a row is compared with every organisation. A value the row
    check will refuse counts for nothing here."""
    column = {f: c for c, f in column_map.items()}
    places, numbers = set(), set()
    for number, cells in table.rows:
        if table.refusal(number, column_map):
            continue
        cell = {f: cells.get(column[f], "") if f in column else "" for f in FIELDS_IN_SCOPE}
        if cell["address"] and not (cell["municipality"] or cell["postcode"]):
            cell["municipality"] = normalise.address_place(cell["address"])  # as _Row reads it
        try:
            place = normalise.municipality(cell["municipality"], cell["postcode"])
        except ValidationError:
            continue
        if place is None:
            return None
        places.add(place.nis)
        if cell["kbo"]:
            with contextlib.suppress(ValidationError):
                numbers.add(normalise.kbo(cell["kbo"]))
    return _Scope(frozenset(places), frozenset(numbers))


def _organisations(read: dict[str, list[dict]], parts: tuple[str, ...]) -> dict[str, dict]:
    """The organisations of the reads `parts`, by id, each once (an organisation of two
    categories or seats comes once per pair, and in more than one part)."""
    organisations: dict[str, dict] = {}
    listed = (_listed(read[part], "organisations") for part in parts)  # each in id order
    for row in heapq.merge(*listed, key=lambda row: row["id"]):
        organisations.setdefault(row["id"], row)
    return organisations


def _matcher(organisations: dict[str, dict]) -> Matcher[str]:
    matcher: Matcher[str] = Matcher()
    for org in organisations.values():
        matcher.add(org["id"], org["name"] or org["id"], org["kbo"], org["nis"])
    return matcher


def _unseated_zones(organisations: Iterable[dict]) -> dict[str, frozenset[str]]:
    """The zones of each organisation seated nowhere that belongs to any, as the reads of
    those give them with the organisation (one scan of the register, not two)."""
    return {
        row["id"]: frozenset(z for z in row["zones"] if z)
        for row in organisations
        if row["nis"] is None and any(row["zones"])
    }


@dataclass(frozen=True)
class _Register:
    """Every organisation of the graph, as a list that names no municipality (a list of
    contacts, most of all) is compared against, indexed whole. Kept per store while the
    graph's revision stays the same, as the plan reader keeps its register: such a list is
    checked, then checked again as it is applied, and each time Flanders' 30,000
    organisations were read and indexed anew. Indexed whole, a lookup changes nothing, so
    the dashboard's threads share it."""

    organisations: dict[str, dict]
    ids: frozenset[str]
    matcher: Matcher[str]
    unseated_zones: dict[str, frozenset[str]]

    @classmethod
    def of(cls, organisations: dict[str, dict]) -> _Register:
        return cls(
            organisations,
            frozenset(organisations),
            _matcher(organisations).indexed(),
            _unseated_zones(organisations.values()),
        )


registers: PerRevision[_Register] = PerRevision()


@dataclass
class _Graph:
    organisations: dict[str, dict]
    ids: frozenset[str]  # of every organisation, also those outside the scope
    categories: dict[str, str]
    persons: dict[str, dict]
    works_at: dict[tuple[str, str], str | None]  # (person, organisation) -> role
    clusters: dict[str, str]  # cluster id -> key, of the import's zone
    members: dict[tuple[str, str], str]  # (organisation, cluster) -> status
    matcher: Matcher[str]
    sources: set[str] = field(default_factory=set)  # Source ids of an earlier import of the file
    person_ids: dict[str, str] = field(default_factory=dict)  # person key -> id
    # organisation seated nowhere -> the zones it belongs to (those of none left out)
    unseated_zones: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        store: Store,
        zone: str | None,
        file: str = "",
        scope: _Scope | None = None,
        revision: str | None = None,
    ) -> _Graph:
        """What the import compares against: the organisations of the `scope` (all without
        one, kept while the graph's `revision` stays the same: see `_Register`). The contact
        persons are the largest part of a graph: `with_persons` reads those a list of contacts
        can mean."""
        # Independent reads, at once: those of organisations are the long ones.
        calls = {
            "categories": ("import_category_index", {}),
            "sources": ("import_source_ids", {"document": file}),
        }
        kept = registers.get(store, revision) if scope is None else None
        if scope is None and kept is None:
            calls["organisations"] = ("import_organisation_index", {})
        elif scope is not None:
            calls |= {
                "ids": ("import_organisation_ids", {}),
                "seated": ("import_organisations_seated", {"nis": sorted(scope.nis)}),
                "unseated": ("import_organisations_unseated", {}),
                "numbered": ("import_organisations_numbered", {"kbos": sorted(scope.kbos)}),
            }
        if zone is not None:
            calls["clusters"] = ("import_zone_clusters", {"zone": zone})
        read = store.reads(calls)
        if scope is None:
            if kept is None:
                kept = registers.keep(
                    store, revision, _Register.of(_organisations(read, ("organisations",)))
                )
            organisations, ids, matcher = kept.organisations, kept.ids, kept.matcher
        else:
            organisations = _organisations(read, ("seated", "unseated", "numbered"))
            ids = frozenset(read["ids"][0]["ids"])
            matcher = _matcher(organisations)
        clusters, members = {}, {}
        if zone is not None:
            for row in read["clusters"]:
                clusters[row["cluster"]] = row["key"]
                if row["organisation"]:
                    members[(row["organisation"], row["cluster"])] = row["status"]
            if not clusters:
                known = ", ".join(z["id"] for z in store.read("zones")) or "(geen)"
                raise ValidationError(f"onbekende zone {zone!r}; bekende zones: {known}")
        categories = {r["key"]: r["name"] for r in read["categories"]}
        sources = {r["id"] for r in read["sources"]}
        unseated_zones = (
            kept.unseated_zones
            if scope is None
            else _unseated_zones(_listed(read["unseated"], "organisations"))
        )
        return cls(
            organisations,
            ids,
            categories,
            {},
            {},
            clusters,
            members,
            matcher,
            sources,
            unseated_zones=unseated_zones,
        )

    def with_persons(
        self, store: Store, emails: set[str], organisations: set[str], user: User | None = None
    ) -> _Graph:
        """This graph with the contact persons a list can mean: those of its e-mail addresses
        (any case) and of the organisations its rows name (read from them outwards), that
        `user` may see (see `access.persons_unseen`)."""
        rows = store.read(
            "import_persons_named",
            emails=sorted({email.lower() for email in emails}),
            organisations=sorted(organisations),
        )
        unseen = access.persons_unseen(store, user, (row["id"] for row in rows))
        rows = [row for row in rows if row["id"] not in unseen]
        known_people: dict[str, dict] = {}
        works_at: dict[tuple[str, str], str | None] = {}
        for row in rows:
            known_people.setdefault(row["id"], row)
            if row["organisation"]:
                works_at[(row["id"], row["organisation"])] = row["role"]
        return replace(self, persons=known_people, works_at=works_at, person_ids=people.known(rows))
