"""Import partner and contact lists that staff keep in Excel or CSV.

Two steps, so that a dry run is the first step alone:

- `plan_import(store, path, kind, mapping, zone)` reads and checks every row against the
  graph and returns an `ImportReport`: per row *new*, *updated*, *unchanged* or *rejected*
  (with a message naming the row, the column and the value), and the columns it did not
  read (no field recognised in their header). It writes nothing.
- `apply_import(store, report, actor=…)` writes the accepted rows in one transaction: all or
  nothing.

Only an exact key merges a row into a known organisation: the KBO number, or the normalised
name in the same municipality. A strong fuzzy match is reported as a likely duplicate
("bestaat waarschijnlijk al als …") with a choice per row: link to the known organisation
(the default) or create a new one (`new_if_similar`, or `choices={row: "new"}`).

A list with a Cluster column names an organisation once per cluster: a later row about the
organisation of an earlier row adds its membership of another cluster and its contact person
(`_Planner.later_row`), and is refused when it adds neither or says the organisation otherwise.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import heapq
import itertools
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from graphmap import audit, dates, engagement, limits
from graphmap.errors import ColumnError, DuplicateKeyError, GraphChangedError, ValidationError
from graphmap.ingest import columns, normalise, people, twins
from graphmap.ingest.columns import CONTACTS, FIELD_LABELS, ORGANISATIONS
from graphmap.ingest.dedupe import Matcher
from graphmap.ingest.municipalities import Municipality
from graphmap.ingest.seed import organisation_ids, slug
from graphmap.ingest.tables import Table, read_table
from graphmap.kept import PerRevision
from graphmap.names import folded
from graphmap.store import Store, Transaction
from graphmap.style import STATUS_LABELS

NEW, UPDATED, UNCHANGED, REJECTED = "new", "updated", "unchanged", "rejected"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REJECTED)
# How an outcome reads for staff, in the preview's table as in its counts (JSON keeps codes).
OUTCOME_LABELS = {
    NEW: "nieuw",
    UPDATED: "bijgewerkt",
    UNCHANGED: "ongewijzigd",
    REJECTED: "geweigerd",
}
DEFAULT_STATUS = "involved"
FALLBACK_CATEGORY = "overig"
ORGANISATION_FIELDS = ("kbo", "website", "email", "phone")
LINK, NEW_ORGANISATION = "link", "new"  # what to do with a likely duplicate
CHOICES = (LINK, NEW_ORGANISATION)
PROGRESS_STEP = 250  # rows between two progress reports
# New organisations sharing category, seat and cluster are written together from this many
# on: those nodes are then looked up once (a query per group costs a round trip).
GROUP_MIN = 50
FIELDS_IN_SCOPE = ("municipality", "postcode", "kbo")  # what `_scope` reads of a row
Progress = Callable[[int, int], None]  # (rows done, rows in all)


@dataclass
class Problem:
    column: str
    value: str
    message: str


@dataclass
class RowResult:
    row: int
    outcome: str = NEW
    name: str = ""
    organisation: str | None = None
    person: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    similar: list[dict] = field(default_factory=list)  # likely duplicates: {id, name, score}
    choice: str | None = None  # LINK or NEW_ORGANISATION, where `similar` is not empty

    @property
    def messages(self) -> list[str]:
        found = [
            f"rij {self.row}, kolom {p.column!r}: {p.message}"
            if p.column
            else f"rij {self.row}: {p.message}"  # a cell under no column
            for p in self.problems
        ]
        return found + self.notes

    @property
    def message(self) -> str:
        return "; ".join(self.messages)

    def reject(self, column: str, value: str, message: str) -> None:
        self.outcome = REJECTED
        self.problems.append(Problem(column, value, message))


@dataclass
class Writes:
    """The parameter rows for the `import_*` queries; filled by the plan, used by apply."""

    sources: dict[str, dict] = field(default_factory=dict)
    organisations: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    locations: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    # New organisations of rows whose Source is new too: written whole, one row each.
    new_organisations: list[dict] = field(default_factory=list)
    municipalities: dict[str, dict] = field(default_factory=dict)  # their seats, by NIS

    def empty(self) -> bool:
        return not (
            self.organisations or self.memberships or self.persons or self.new_organisations
        )


@dataclass
class ImportReport:
    file: str
    kind: str
    zone: str | None
    mapping: dict[str, str]
    rows: list[RowResult]
    writes: Writes = field(default_factory=Writes, repr=False)
    applied: bool = False
    notes: tuple[str, ...] = ()  # of the file as a whole: which sheet of a workbook was read
    ignored: list[str] = field(default_factory=list)  # columns no field is read from
    revision: str | None = field(default=None, repr=False)  # the graph's, when checked
    graph: _Graph | None = field(default=None, repr=False, compare=False)  # checked against

    @functools.cached_property
    def marks(self) -> dict[int, str]:
        """Per row, a mark of what of the graph it was checked against (`_marks`): worked
        out when asked, as a page that shows a preview and applies it does; the command line,
        which checks and applies in one go, never asks."""
        return _marks(self.rows, self.graph) if self.graph is not None else {}

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: sum(r.outcome == outcome for r in self.rows) for outcome in OUTCOMES}

    def source(self, row: int) -> str:
        """The Source id of a row: what each of its writes names (see `Writes`)."""
        return source_id(self.file, row)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "zone": self.zone,
            "applied": self.applied,
            "mapping": self.mapping,
            "ignored": self.ignored,
            "counts": self.counts,
            "notes": list(self.notes),
            "rows": [
                {
                    "row": r.row,
                    "outcome": r.outcome,
                    "name": r.name,
                    "organisation": r.organisation,
                    "person": r.person,
                    "message": r.message,
                    "problems": [asdict(p) for p in r.problems],
                    "similar": r.similar,
                    "choice": r.choice,
                }
                for r in self.rows
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


# -- what the graph already holds ---------------------------------------------------------
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

    @classmethod
    def of(cls, organisations: dict[str, dict]) -> _Register:
        return cls(organisations, frozenset(organisations), _matcher(organisations).indexed())


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
        return cls(organisations, ids, categories, {}, {}, clusters, members, matcher, sources)

    def with_persons(self, store: Store, emails: set[str], organisations: set[str]) -> _Graph:
        """This graph with the contact persons a list can mean: those of its e-mail addresses
        (any case) and of the organisations its rows name (read from them outwards)."""
        rows = store.read(
            "import_persons_named",
            emails=sorted({email.lower() for email in emails}),
            organisations=sorted(organisations),
        )
        known_people: dict[str, dict] = {}
        works_at: dict[tuple[str, str], str | None] = {}
        for row in rows:
            known_people.setdefault(row["id"], row)
            if row["organisation"]:
                works_at[(row["id"], row["organisation"])] = row["role"]
        return replace(self, persons=known_people, works_at=works_at, person_ids=people.known(rows))


# -- one row ------------------------------------------------------------------------------
class _Row:
    """The cells of one row by field, checked one field at a time into `result`."""

    def __init__(self, number: int, cells: dict[str, str], mapping: dict[str, str]):
        self.result = RowResult(row=number)
        self.cells = {f: cells.get(column, "") for column, f in mapping.items()}
        self.column = {f: column for column, f in mapping.items()}
        for name, value in self.cells.items():
            problem = limits.length_problem(value, limits.FIELDS.get(name, limits.CELL_CHARS))
            if problem:
                self.result.reject(self.label(name), value[:50] + "…", problem)
                self.cells[name] = ""

    def get(self, name: str) -> str:
        return self.cells.get(name, "")

    def label(self, name: str) -> str:
        return self.column.get(name, FIELD_LABELS.get(name, name))

    def check(self, name: str, convert, *args):
        value = self.get(name)
        if not value:
            return None
        try:
            return convert(value, *args)
        except ValidationError as error:
            self.result.reject(self.label(name), value, str(error))
            return None

    def required(self, name: str, value: str) -> str:
        if not value:
            self.result.reject(self.label(name), "", f"{FIELD_LABELS[name]} ontbreekt (verplicht)")
        return value

    def municipality(self) -> Municipality | None:
        """The row's municipality; how it was read goes in the report when it is not the
        municipality the row names (an old name, a deelgemeente)."""
        try:
            place, note = normalise.read_municipality(
                self.get("municipality"), self.get("postcode")
            )
        except normalise.FieldError as error:
            self.result.reject(self.label(error.field), self.get(error.field), str(error))
            return None
        if note:
            self.result.notes.append(note)
        return place

    def person_name(self, full: str) -> str:
        parts = (self.get("first_name"), self.get("last_name"))
        return self.get(full) or " ".join(p for p in parts if p)


@dataclass
class _Named:
    """An organisation an accepted row of the file is about, and what a later row about it
    may not say otherwise: the register fields as that row leaves them (by field, with
    `category` and `nis`), the clusters and contact persons the file gave it so far."""

    row: int
    organisation: str
    fields: dict[str, str | None]
    clusters: dict[str, int] = field(default_factory=dict)  # cluster key -> its row
    persons: set[str] = field(default_factory=set)


def source_id(file: str, number: int) -> str:
    # The id stays English as imports always wrote it: an import of the file again
    # finds its rows' Sources by it. Only the section is shown to staff.
    return f"{file}#row {number}"


class _Planner:
    def __init__(
        self,
        graph: _Graph,
        file: str,
        zone: str | None,
        new_if_similar: bool = False,
        choices: dict[int, str] | None = None,
    ):
        self.graph = graph
        self.file = file
        self.zone = zone
        self.default_choice = NEW_ORGANISATION if new_if_similar else LINK
        self.choices = choices or {}
        self.writes = Writes()
        # Organisations of earlier rows, by id: only the same key is the same organisation.
        self.in_file: Matcher[str] = Matcher(fuzzy=False)
        self.named: dict[str, _Named] = {}  # organisation id -> the first row about it
        self.people: dict[tuple[str, str], int] = {}  # (person, organisation) -> row
        self.new_people: dict[str, str] = {}  # person key -> the new id it got in this file
        self.taken_ids = set(graph.ids)
        self.results: list[RowResult] = []  # one per row planned, in order

    def source_id(self, number: int) -> str:
        return source_id(self.file, number)

    def section(self, number: int) -> str:
        return f"rij {number}"

    def source(self, number: int) -> str:
        source_id = self.source_id(number)
        self.writes.sources[source_id] = {
            "id": source_id,
            "document": self.file,
            "section": self.section(number),
        }
        return source_id

    def new_organisation(self, number, org_id, name, values, category, place, membership):
        if place is not None:
            self.writes.municipalities.setdefault(
                place.nis, {"nis": place.nis, "name": place.name, "province": place.province}
            )
        self.writes.new_organisations.append(
            {
                "id": org_id,
                "name": name,
                "folded": folded(name),
                **values,
                "category": category,
                "nis": place.nis if place is not None else None,
                "cluster": membership["cluster"] if membership else None,
                "status": membership["status"] if membership else None,
                "since": membership["since"] if membership else None,
                "source": self.source_id(number),
                "document": self.file,
                "section": self.section(number),
            }
        )

    def new_id(self, name: str, place: Municipality | None) -> str:
        place_name = place.name if place is not None else None
        for candidate in itertools.islice(organisation_ids(name, place_name), 10_000):
            if candidate not in self.taken_ids:
                self.taken_ids.add(candidate)
                return candidate
        raise ValidationError(f"geen vrije id voor organisatie {name!r}")

    # -- organisations -----------------------------------------------------------------
    def organisation_row(self, row: _Row) -> RowResult:
        result = row.result
        name = row.required("name", row.get("name"))
        result.name = name
        kbo = row.check("kbo", normalise.kbo)
        place = row.municipality()
        website = row.check("website", normalise.website)
        email = row.check("email", normalise.email)
        phone = row.check("phone", normalise.phone)
        cluster = row.check("cluster", normalise.cluster)
        status = row.check("status", normalise.status)
        category = row.check("category", normalise.category, self.graph.categories)
        contact = row.person_name("contact")
        if result.outcome == REJECTED:
            return result
        nis = place.nis if place else None
        # Where a row names a contact person, its e-mail and phone are that person's.
        org_values = {"kbo": kbo, "website": website}
        if not contact:
            org_values |= {"email": email, "phone": phone}
        given = org_values | {"category": category, "nis": nis}
        earlier = self.in_file.exact(name, kbo, nis)
        if len(earlier) > 1:
            first = min(self.named[org].row for org in earlier)
            result.reject(row.label("name"), name, f"dubbel: dezelfde organisatie als rij {first}")
            return result
        if earlier:
            named = self.named[earlier[0]]
            return self.later_row(row, named, given, cluster, status, contact, email, phone)
        found = self.graph.matcher.exact(name, kbo, nis) or self.likely_duplicate(result, kbo, nis)
        if len(found) > 1:
            result.reject(
                row.label("name"),
                name,
                f"lijkt op meerdere bekende organisaties ({', '.join(sorted(found))}); "
                "vul het KBO-nummer of de gemeente in",
            )
            return result
        if found and found[0] in self.named:
            named = self.named[found[0]]
            return self.later_row(row, named, given, cluster, status, contact, email, phone)
        changes = []
        if found:
            org_id = found[0]
            known = self.graph.organisations[org_id]
            result.outcome = UNCHANGED
            changes = [FIELD_LABELS[k] for k, v in org_values.items() if v and v != known.get(k)]
            if category and category != known["category"]:
                changes.append("categorie")
            else:
                category = None
            if nis and nis != known["nis"]:
                changes.append("gemeente")
            else:
                place = None
        else:
            org_id = self.new_id(name, place)
            result.outcome = NEW
            if category is None:
                if FALLBACK_CATEGORY not in self.graph.categories:
                    result.reject(row.label("category"), "", "categorie ontbreekt (verplicht)")
                    self.taken_ids.discard(org_id)
                    return result
                category = FALLBACK_CATEGORY
                result.notes.append(f"geen categorie: '{FALLBACK_CATEGORY}' gebruikt")
        result.organisation = org_id
        self.remember(row, org_id, given, kbo, nis, cluster)
        membership = self.membership(row, org_id, cluster, status)
        if membership is not None:
            changes.append("cluster")
        person = self.person(row, contact, org_id, email, phone) if contact else None
        if contact:
            self.named[org_id].persons.add(result.person)
        if person is not None:
            changes.append("contactpersoon")
        if result.outcome == UNCHANGED and changes:
            result.outcome = UPDATED
            result.notes.append(f"wijzigt: {', '.join(changes)}")
        if result.outcome == UNCHANGED:
            return result
        values = {k: v or None for k, v in org_values.items()} | {
            k: None for k in ORGANISATION_FIELDS if k not in org_values
        }
        if result.outcome == NEW and self.source_id(result.row) not in self.graph.sources:
            # The common case of a long list: one row of one query writes all of it.
            self.new_organisation(result.row, org_id, name, values, category, place, membership)
            if person is not None:
                self.writes.persons.append(person | {"source": self.source_id(result.row)})
            return result
        source = self.source(result.row)
        self.writes.organisations.append(
            {"id": org_id, "name": name, "folded": folded(name), "source": source}
            | {k: v or None for k, v in org_values.items()}
            | {k: None for k in ORGANISATION_FIELDS if k not in org_values}
        )
        # Each write names its row's Source: the dashboard's editor rules refuse a row's own.
        if category:
            self.writes.categories.append(
                {"organisation": org_id, "category": category, "source": source}
            )
        if place is not None:
            self.writes.locations.append(
                {
                    "organisation": org_id,
                    "nis": place.nis,
                    "name": place.name,
                    "province": place.province,
                    "source": source,
                }
            )
        if membership is not None:
            self.writes.memberships.append(membership | {"source": source})
        if person is not None:
            self.writes.persons.append(person | {"source": source})
        return result

    def remember(self, row: _Row, org_id: str, given: dict, kbo, nis, cluster) -> None:
        """Take note of the organisation of an accepted row: what later rows are compared with.
        A field the row leaves empty is as the graph has it."""
        known = self.graph.organisations.get(org_id, {})
        fields = {k: given.get(k) or known.get(k) for k in (*ORGANISATION_FIELDS, *given)}
        if org_id not in self.graph.organisations and not fields["category"]:
            fields["category"] = FALLBACK_CATEGORY
        named = self.named[org_id] = _Named(row.result.row, org_id, fields)
        if cluster and self.zone is not None:
            named.clusters[cluster] = named.row
        self.in_file.add(org_id, row.result.name, kbo, nis)

    def later_row(
        self, row: _Row, named: _Named, given: dict, cluster, status, contact, email, phone
    ) -> RowResult:
        """A row about the organisation of an earlier row (one row per cluster is how lists
        with a Cluster column go): it may add a membership of another cluster and a contact
        person; it is refused when it adds neither, names a cluster again, or gives a
        register field otherwise than the earlier row leaves it."""
        result = row.result
        org_id = named.organisation
        # Rows of two names are one organisation by their KBO number: say so, or the
        # refusal below reads as about a name the row does not have.
        same = given.get("kbo") and given["kbo"] == named.fields.get("kbo")
        org_id_said = f"{org_id} (zelfde KBO-nummer)" if same else org_id
        other = [
            "municipality" if k == "nis" else k
            for k, v in given.items()
            if v and v != named.fields.get(k)
        ]
        if other:
            labels = ", ".join(FIELD_LABELS[k] for k in other)
            verb = "wijkt" if len(other) == 1 else "wijken"
            result.reject(
                row.label(other[0]),
                row.get(other[0]),
                f"dubbel: rij {named.row} gaat al over organisatie {org_id_said}; {labels} "
                f"{verb} af van rij {named.row} (een volgende rij mag alleen een ander cluster "
                "of een contactpersoon toevoegen)",
            )
            return result
        if cluster and cluster in named.clusters:
            result.reject(
                row.label("cluster"),
                row.get("cluster"),
                f"dubbel: rij {named.clusters[cluster]} zet organisatie {org_id_said} al in "
                f"cluster {cluster}",
            )
            return result
        membership = self.membership(row, org_id, cluster, status)
        adds = [f"ook in cluster {cluster}"] if cluster and self.zone is not None else []
        person = None
        if contact:
            person = self.person(row, contact, org_id, email, phone)
            if result.person in named.persons:
                person = None  # the earlier row's contact again: written with that row
            else:
                adds.append("ook een contactpersoon")
        if not adds:
            result.reject(
                row.label("name"),
                result.name,
                f"dubbel: dezelfde organisatie als rij {named.row}"
                + (" (zelfde KBO-nummer)" if same else ""),
            )
            return result
        if cluster and self.zone is not None:
            named.clusters[cluster] = result.row
        if contact:
            named.persons.add(result.person)
        result.organisation = org_id
        result.notes.append(f"dezelfde organisatie als rij {named.row}: {', '.join(adds)}")
        if membership is None and person is None:
            result.outcome = UNCHANGED
            return result
        # Written after the organisation, in the same transaction (see apply_import), also
        # when this file creates it.
        result.outcome = UPDATED
        source = self.source(result.row)
        if membership is not None:
            self.writes.memberships.append(membership | {"source": source})
        if person is not None:
            self.writes.persons.append(person | {"source": source})
        return result

    def likely_duplicate(self, result: RowResult, kbo: str | None, nis: str | None) -> list[str]:
        """Known organisations the row's name probably means: reported with a choice; linked
        to the best one unless staff chose (or asked for) a new organisation."""
        similar = self.graph.matcher.similar(result.name, kbo, nis)
        if not similar:
            return []
        result.similar = [{"id": s.ref, "name": s.name, "score": s.score} for s in similar]
        result.choice = self.choices.get(result.row, self.default_choice)
        best = similar[0]
        others = "".join(f"; of als {s.name!r} ({s.ref})" for s in similar[1:])
        if result.choice == LINK:
            result.notes.append(
                f"bestaat waarschijnlijk al als {best.name!r} ({best.ref}){others}: gekoppeld; "
                "kies 'nieuw' om een aparte organisatie te maken"
            )
            return [best.ref]
        result.notes.append(
            f"lijkt op {best.name!r} ({best.ref}){others}: toch als nieuwe organisatie"
        )
        return []

    def membership(self, row: _Row, org_id: str, cluster: str | None, status: str | None):
        if cluster is None:
            if status:
                row.result.notes.append("status genegeerd: geen cluster ingevuld")
            return None
        if self.zone is None:
            row.result.notes.append("cluster genegeerd: geen zone opgegeven (--zone)")
            return None
        cluster_id = f"{self.zone}/{cluster}"
        known = self.graph.members.get((org_id, cluster_id))
        wanted = status or known or DEFAULT_STATUS
        if known == wanted:
            return None
        if not status and not known:
            # Said on the row: a partner listed as involved closes its gap in the cluster.
            row.result.notes.append(f"status {STATUS_LABELS[wanted]}: geen status ingevuld")
        return {
            "organisation": org_id,
            "cluster": cluster_id,
            "status": wanted,
            "since": dates.today().isoformat(),
        }

    # -- contacts ----------------------------------------------------------------------
    def person(self, row: _Row, name: str, org_id: str, email, phone) -> dict | None:
        """The Person row to write, or None when the graph already has it like this."""
        key = people.key(name, org_id, email)
        person = self.graph.person_ids.get(key) or self.new_people.setdefault(key, people.new_id())
        row.result.person = person
        function = row.get("function") or None
        known = self.graph.persons.get(person)
        role_known = (person, org_id) in self.graph.works_at
        if (
            known is not None
            and role_known
            and known["name"] == name
            and (email or None) in (None, known["email"])
            and (phone or None) in (None, known["phone"])
            and function in (None, self.graph.works_at[(person, org_id)])
        ):
            return None
        return {
            "id": person,
            "name": name,
            "email": email,
            "phone": phone,
            "function": function,
            "organisation": org_id,
        }

    def contact_row(self, row: _Row) -> RowResult:
        result = row.result
        name = row.required("name", row.person_name("name"))
        result.name = name
        organisation = row.required("organisation", row.get("organisation"))
        email = row.check("email", normalise.email)
        phone = row.check("phone", normalise.phone)
        kbo = row.check("kbo", normalise.kbo)
        place = row.municipality()
        if result.outcome == REJECTED:
            return result
        nis = place.nis if place else None
        found = self.graph.matcher.exact(organisation, kbo, nis)
        if not found and slug(organisation) in self.graph.organisations:
            # Short names ("Pallion", "VAPH") are often the organisation's id.
            found = [slug(organisation)]
        if not found:
            similar = self.graph.matcher.similar(organisation, kbo, nis)
            if similar:
                best = similar[0]
                found = [best.ref]
                result.similar = [{"id": s.ref, "name": s.name, "score": s.score} for s in similar]
                result.notes.append(
                    f"organisatie {organisation!r} niet letterlijk gevonden: gekoppeld aan "
                    f"{best.name!r} ({best.ref}), die waarschijnlijk bedoeld is"
                )
        if not found:
            result.reject(
                row.label("organisation"),
                organisation,
                f"organisatie {organisation!r} niet gevonden; importeer ze eerst als organisatie",
            )
            return result
        if len(found) > 1:
            result.reject(
                row.label("organisation"),
                organisation,
                f"organisatie {organisation!r} lijkt op meerdere bekende organisaties "
                f"({', '.join(sorted(found))}); vul het KBO-nummer of de gemeente in",
            )
            return result
        org_id = result.organisation = found[0]
        person = self.person(row, name, org_id, email, phone)
        key = (result.person, org_id)
        if key in self.people:
            result.reject(
                row.label("name"),
                name,
                f"dubbel: dezelfde contactpersoon als rij {self.people[key]}",
            )
            return result
        self.people[key] = result.row
        if person is None:
            result.outcome = UNCHANGED
            return result
        result.outcome = UPDATED if result.person in self.graph.persons else NEW
        if result.outcome == UPDATED:
            result.notes.append(f"wijzigt: {', '.join(self.person_changes(person))}")
        self.writes.persons.append(person | {"source": self.source(result.row)})
        return result

    def person_changes(self, person: dict) -> list[str]:
        """What a row changes of a known contact person, in the words of the columns."""
        known = self.graph.persons[person["id"]]
        role = self.graph.works_at.get((person["id"], person["organisation"]), False)
        changed = [f for f in ("name", "email", "phone") if person[f] and person[f] != known[f]]
        if role is False:
            changed.append("organisation")  # a known person, now also at this organisation
        elif person["function"] and person["function"] != role:
            changed.append("function")
        return [FIELD_LABELS[f] for f in changed]


def plan_import(
    store: Store,
    path: Path | str,
    kind: str,
    mapping: dict[str, str] | None = None,
    zone: str | None = None,
    *,
    new_if_similar: bool = False,
    choices: dict[int, str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read and check a spreadsheet against the graph; writes nothing (the dry run).

    A likely duplicate of a known organisation is linked to it, unless `new_if_similar` (for
    every such row) or `choices` (row number -> "link" or "new") says otherwise. `progress`
    is called now and then with (rows done, rows in all).
    """
    path = Path(path)
    for number, choice in (choices or {}).items():
        if choice not in CHOICES:
            raise ValidationError(f"rij {number}: keuze {choice!r}; kies 'link' of 'new'")
    table = read_table(path, lambda headers: columns.header_fit(kind, headers, mapping))
    column_map = _column_map(kind, table, mapping)
    with_contacts = kind == CONTACTS or bool(
        {"contact", "first_name", "last_name"} & set(column_map.values())
    )
    # A list of contacts names its organisations by name or id, anywhere: all of the graph.
    scope = None if with_contacts else _scope(table, column_map)
    # Before the graph is read: applying compares it (see graphmap/ingest/twins.py).
    revision = store.revision()
    graph = _Graph.load(store, zone, path.name, scope=scope, revision=revision)
    if with_contacts:
        # Which organisations the rows are about and which e-mail addresses they give does
        # not depend on the persons the graph knows: a first pass finds them, and only the
        # persons they can mean are read (not the 48,000 of Flanders) for the real pass.
        first = _plan_rows(
            _Planner(graph, path.name, zone, new_if_similar, choices), table, kind, column_map
        )
        emails = {p["email"] for p in first.writes.persons if p["email"]}
        named = {r.organisation for r in first.results if r.organisation}
        graph = graph.with_persons(store, emails, named & graph.ids)
    planner = _plan_rows(
        _Planner(graph, path.name, zone, new_if_similar, choices), table, kind, column_map, progress
    )
    results = planner.results
    return ImportReport(
        graph=graph,
        file=path.name,
        kind=kind,
        zone=zone,
        mapping=column_map,
        rows=results,
        writes=planner.writes,
        notes=table.notes,
        ignored=columns.ignored(table.headers, column_map),
        revision=revision,
    )


def _marks(results: list[RowResult], graph: _Graph) -> dict[int, str]:
    """Per row, a digest of what of the graph its check compared it with: the known
    organisations it is about or may be (its likely duplicates), with their register fields
    and memberships, and the known contact person with their details and where they work.
    The same file checked twice gives the same marks exactly when the graph holds the same
    of its rows, whatever the user chose for a likely duplicate (`choices` pick among those
    organisations; the graph decides the rest): an apply compares the preview's marks with
    its own (see `outdated_rows`)."""
    memberships: dict[str, list] = {}
    for (organisation, cluster), status in graph.members.items():
        memberships.setdefault(organisation, []).append((cluster, status))
    working: dict[str, list] = {}
    for (person, organisation), role in graph.works_at.items():
        working.setdefault(person, []).append((organisation, role or ""))
    marks = {}
    for r in results:
        organisations = {r.organisation} | {similar["id"] for similar in r.similar}
        seen = [
            [
                organisation,
                _fields(graph.organisations[organisation], ORGANISATION_MARKED),
                sorted(memberships.get(organisation, [])),
            ]
            for organisation in sorted(o for o in organisations if o in graph.organisations)
        ]
        if r.person in graph.persons:
            person = graph.persons[r.person]
            seen.append(
                [r.person, _fields(person, PERSON_MARKED), sorted(working.get(r.person, []))]
            )
        text = json.dumps(seen, ensure_ascii=False)
        marks[r.row] = hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
    return marks


# What of a known organisation or person a row's mark holds: the fields each index gives
# once (an organisation of two categories or seats, a person at two organisations, comes once
# per pair, in an order of the database's: the first row of each would make a mark that
# differs from one read to the next).
ORGANISATION_MARKED = ("name", "kbo", "website", "email", "phone")
PERSON_MARKED = ("name", "email", "phone")


def _fields(record: dict, keys: tuple[str, ...]) -> list:
    return [record.get(key) for key in keys]


class OutdatedPreviewError(GraphChangedError):
    """The graph changed since the preview the user read, so that applying would do other
    than it said for the rows named: nothing is written."""

    def __init__(self, file: str, rows: list[int]):
        shown = ", ".join(str(row) for row in rows[:10]) + (" …" if len(rows) > 10 else "")
        super().__init__(
            f"{file}: de graaf is veranderd sinds de controle die u las ("
            f"{'rij' if len(rows) == 1 else 'rijen'} {shown}): er is niets geïmporteerd. "
            "Hieronder staat wat de lijst nu zou doen; lees het na en pas opnieuw toe."
        )
        self.rows = rows


def outdated_rows(report: ImportReport, previewed: dict) -> list[int]:
    """The rows whose check now differs from the preview's `marks` (keys may be the row
    numbers as text, as a browser keeps them), or that only one of the two has."""
    before = {int(row): mark for row, mark in previewed.items()}
    rows = set(before) | set(report.marks)
    return sorted(row for row in rows if before.get(row) != report.marks.get(row))


def _plan_rows(
    planner: _Planner,
    table: Table,
    kind: str,
    column_map: dict[str, str],
    progress: Progress | None = None,
) -> _Planner:
    """Every row of the table through `planner`, whose `results` then hold one per row."""
    handle = planner.organisation_row if kind == ORGANISATIONS else planner.contact_row
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, 1):
        row = _Row(number, cells, column_map)
        refusal = table.refusal(number, column_map)
        if refusal:  # a cell that cannot be read as it stands: the row is refused, by number
            column, message = refusal
            row.result.reject(column, cells.get(column, ""), message)
            planner.results.append(row.result)
        else:
            planner.results.append(handle(row))
        if progress is not None and (done % PROGRESS_STEP == 0 or done == total):
            progress(done, total)
    return planner


def _column_map(kind: str, table: Table, mapping: dict[str, str] | None) -> dict[str, str]:
    """The columns' fields; a workbook's missing column is said with the sheet read, and a
    missing column where no row was the header with where graphmap looked for it."""
    try:
        return columns.map_columns(kind, table.headers, mapping)
    except ColumnError as error:
        notes = tuple(table.notes)
        if table.searched is not None and not error.doubled:
            lower = f"staat de kopregel lager? graphmap zocht in de eerste {table.searched} rijen"
            notes = (lower, *notes)
        if table.sheet is None and not notes:
            raise
        raise error.told(notes, table.sheet) from None
    except ValidationError as error:
        if table.sheet is None:
            raise
        raise ValidationError(
            " — ".join([f"blad {table.sheet!r}: {error}", *table.notes])
        ) from None


def _matched(tx: Transaction, persons: list[dict]) -> list[dict]:
    """The person rows with the ids of persons that someone added since the dry run.

    Locks the organisations first: two imports of one person meet here (see `people`).
    """
    if not persons:
        return persons
    known = people.lock_and_match(
        tx, [p["organisation"] for p in persons], [p["email"] or "" for p in persons]
    )
    if known is None:
        return persons  # an organisation is gone: import_persons reports it
    return [
        {**p, "id": known.get(people.key(p["name"], p["organisation"], p["email"]), p["id"])}
        for p in persons
    ]


def _audit(
    tx: Transaction,
    report: ImportReport,
    actor: str,
    at: str,
    before: dict[str, dict],
    persons: list[dict],
    changes: list[dict],
    seats: dict[str, str],
) -> list[dict]:
    """The import's audit entries: one for the import with its counts, one per organisation
    and contact person it added or changed (a person by key only), one per engagement change
    it made (pointing at the change).

    Their zones are the import's zone; a contact list has none of its own (whatever zone the
    caller named): its entries are of the zones of the contacts' organisations."""
    from graphmap.access import organisation_zones

    zones = [report.zone] if report.zone else []
    owners = {}
    if report.kind == CONTACTS:
        owners = organisation_zones(tx, [p["organisation"] for p in persons])
        zones = sorted(set().union(*owners.values()))
    common = {"by": actor, "at": at, "zones": zones}
    rows = [
        audit.entry(
            **common,
            action="import",
            entity="import",
            key=report.file,
            after={"soort": report.kind, **report.counts},
        )
    ]
    changed = sorted(
        {r.organisation for r in report.rows if r.organisation and r.outcome in (NEW, UPDATED)}
        if report.kind == ORGANISATIONS
        else set()
    )
    # A new organisation is as the import wrote it; only the others are read back.
    after = {
        row["id"]: {
            "id": row["id"],
            "name": row["name"],
            "kbo": row["kbo"],
            "website": row["website"],
            "email": row["email"],
            "phone": row["phone"],
            "category": row["category"],
            "municipality": seats.get(row["nis"]),
        }
        for row in report.writes.new_organisations
    }
    after |= audit.organisation_states(tx, [o for o in changed if o not in after])
    for organisation in changed:
        was = {k: v for k, v in before.get(organisation, {}).items() if k != "id"} or None
        now = {k: v for k, v in after.get(organisation, {}).items() if k != "id"} or None
        if was != now:
            rows.append(
                audit.entry(
                    **common,
                    action="import.row",
                    entity="Organisation",
                    key=organisation,
                    before=was,
                    after=now,
                )
            )
    for person in persons:
        mine = owners.get(person["organisation"])
        rows.append(
            audit.entry(
                **{**common, "zones": sorted(mine) if mine is not None else zones},
                action="import.row",
                entity="Person",
                # A key made from an e-mail address or name (before keys were random) is
                # personal data: the entry does without it, as an erasure's does.
                key=person["id"] if people.generated(person["id"]) else None,
                after={"organisatie": person["organisation"]},
            )
        )
    for row in changes:
        rows.append(
            audit.entry(
                **{**common, "zones": [row["cluster"].split("/")[0]]},
                action="engagement.change",
                entity="Organisation",
                key=row.get("organisation") or row["id"],
                change=row["change"],
            )
        )
    return rows


def _new_organisations(report: ImportReport) -> list[dict]:
    """The organisations the import creates, as {id, name, nis}."""
    if report.kind != ORGANISATIONS:
        return []
    writes = report.writes
    new = {r.organisation for r in report.rows if r.outcome == NEW and r.organisation}
    seats = {row["organisation"]: row["nis"] for row in writes.locations}
    rows = [
        {"id": row["id"], "name": row["name"], "nis": seats.get(row["id"])}
        for row in writes.organisations
        if row["id"] in new
    ]
    return rows + [
        {"id": row["id"], "name": row["name"], "nis": row["nis"]}
        for row in writes.new_organisations
    ]


def _shown(report: ImportReport) -> set[str]:
    """The likely duplicates the check showed (a new organisation beside one is a choice)."""
    return {similar["id"] for row in report.rows for similar in row.similar}


def apply_import(
    store: Store, report: ImportReport, *, actor: str, previewed: dict | None = None
) -> dict[str, int]:
    """Write the report's accepted rows in one transaction; on any error nothing is written.

    Each membership becomes an engagement change by `actor`, sourced to its row. The audit
    entries of the import (`_audit`) are written in that same transaction. `previewed`: the
    `marks` of the preview the user read before choosing to apply (the report is the check
    made again just now); where a row would now do otherwise (an editor changed its
    organisation since, its contact person was erased …), OutdatedPreviewError and nothing is
    written.
    """
    if previewed is not None:
        outdated = outdated_rows(report, previewed)
        if outdated:
            raise OutdatedPreviewError(report.file, outdated)
    writes = report.writes

    def expect(tx: Transaction, query: str, rows: list[dict], what: str, **shared) -> None:
        if rows:
            expect_written(tx.run_rows(query, rows, **shared), rows, what)

    def expect_written(written: list[dict], rows: list[dict], what: str) -> None:
        if sum(part["written"] for part in written) != len(rows):
            # A node the plan saw is gone (changed since the dry run?): keep the graph as it was.
            raise GraphChangedError(
                f"{report.file}: niet alle {what} konden geschreven worden; de graaf is "
                "veranderd sinds de controle. Er is niets geïmporteerd; probeer opnieuw."
            )

    def work(tx: Transaction) -> None:
        twins.refuse_made_meanwhile(
            tx, _new_organisations(report), _shown(report), report.file, report.revision
        )
        # The register fields of the organisations this import updates, as they were (also of
        # one only a later row of the file gives a membership or contact: see `_audit`).
        updated = {row["id"] for row in writes.organisations}
        updated |= {r.organisation for r in report.rows if r.outcome == UPDATED}
        before = audit.organisation_states(tx, sorted(updated))
        # Lock the organisations whose memberships change, then take the time (as set_status
        # does): a change that committed meanwhile comes before this import's in time too,
        # and the history reads as the statuses were set.
        if writes.memberships:
            tx.run(
                "lock_organisations", ids=sorted({r["organisation"] for r in writes.memberships})
            )
        at = dates.now()
        memberships = [
            {**row, "change": engagement.new_id(), "at": at, "by": actor}
            for row in writes.memberships
        ]
        # A new organisation's membership is written with the organisation, and so is its change.
        new_organisations = [
            {**row, "change": engagement.new_id(), "at": at, "by": actor}
            for row in writes.new_organisations
        ]
        seats = {}
        if writes.municipalities:
            written = tx.run("import_municipalities", rows=list(writes.municipalities.values()))
            seats = {row["nis"]: row["name"] for row in written[0]["seats"]}
        groups: dict[tuple, list[dict]] = {}
        for row in new_organisations:
            groups.setdefault((row["category"], row["nis"], row["cluster"]), []).append(row)
        scattered = []
        for (category, nis, cluster), rows in groups.items():
            if len(rows) < GROUP_MIN:
                scattered.extend(rows)
                continue
            expect(
                tx,
                "import_new_organisation_group",
                rows,
                "nieuwe organisaties",
                category=category,
                nis=nis,
                cluster=cluster,
            )
        expect(tx, "import_new_organisations", scattered, "nieuwe organisaties")
        expect(tx, "import_sources", list(writes.sources.values()), "bronnen")
        expect(
            tx,
            "import_organisations",
            writes.organisations,
            "organisaties",
            by=f"{actor} (import {report.file})",
            at=dates.stamp(),
        )
        if writes.categories:
            tx.run_rows("import_categories", writes.categories)
        if writes.locations:
            tx.run_rows("import_locations", writes.locations)
        written = tx.run_rows("import_memberships", memberships) if memberships else []
        expect_written(written, memberships, "lidmaatschappen")
        # A membership another writer set to the row's status since the check: no change.
        unchanged = {change for part in written for change in part["unchanged"]}
        persons = _matched(tx, writes.persons)
        expect(tx, "import_persons", persons, "contactpersonen")
        changes = [row for row in memberships if row["change"] not in unchanged]
        changes += [row for row in new_organisations if row["cluster"]]
        audit.record_all(tx, _audit(tx, report, actor, at, before, persons, changes, seats))

    if not writes.empty():
        try:
            store.transaction(work)
        except DuplicateKeyError as error:
            # A node this import creates because its check found none (a new organisation,
            # its row's source) was created meanwhile, by an import of the same organisations
            # at the same time: like a node found gone, the check is out of date.
            kind = {"Organisation": "organisatie", "Source": "bron"}.get(error.label or "")
            what = f"{kind} {error.key!r}" if kind and error.key else "een nieuwe organisatie"
            raise GraphChangedError(
                f"{report.file}: {what} bestaat intussen al; de graaf is veranderd sinds de "
                "controle. Er is niets geïmporteerd; probeer opnieuw."
            ) from error
    report.applied = True
    return report.counts


__all__ = [
    "CHOICES",
    "CONTACTS",
    "LINK",
    "NEW_ORGANISATION",
    "ORGANISATIONS",
    "ImportReport",
    "OutdatedPreviewError",
    "RowResult",
    "apply_import",
    "organisation_index",
    "outdated_rows",
    "person_index",
    "plan_import",
]
