"""Import partner and contact lists that staff keep in Excel or CSV.

Two steps, so that a dry run is the first step alone:

- `plan_import(store, path, kind, mapping, zone)` reads and checks every row against the
  graph and returns an `ImportReport`: per row *new*, *updated*, *unchanged* or *rejected*
  (with a message naming the row, the column and the value). It writes nothing.
- `apply_import(store, report)` writes the accepted rows in one transaction: all or nothing.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from graphmap import limits
from graphmap.errors import GraphChangedError, ValidationError
from graphmap.ingest import columns, normalise, people
from graphmap.ingest.columns import CONTACTS, FIELD_LABELS, ORGANISATIONS
from graphmap.ingest.dedupe import Matcher
from graphmap.ingest.municipalities import Municipality
from graphmap.ingest.seed import organisation_ids, slug
from graphmap.ingest.tables import read_table
from graphmap.store import Store, Transaction

NEW, UPDATED, UNCHANGED, REJECTED = "new", "updated", "unchanged", "rejected"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REJECTED)
DEFAULT_STATUS = "involved"
FALLBACK_CATEGORY = "overig"
ORGANISATION_FIELDS = ("kbo", "website", "email", "phone")


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

    @property
    def messages(self) -> list[str]:
        found = [f"rij {self.row}, kolom {p.column!r}: {p.message}" for p in self.problems]
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

    def empty(self) -> bool:
        return not (self.organisations or self.memberships or self.persons)


@dataclass
class ImportReport:
    file: str
    kind: str
    zone: str | None
    mapping: dict[str, str]
    rows: list[RowResult]
    writes: Writes = field(default_factory=Writes, repr=False)
    applied: bool = False

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: sum(r.outcome == outcome for r in self.rows) for outcome in OUTCOMES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "zone": self.zone,
            "applied": self.applied,
            "mapping": self.mapping,
            "counts": self.counts,
            "rows": [
                {
                    "row": r.row,
                    "outcome": r.outcome,
                    "name": r.name,
                    "organisation": r.organisation,
                    "person": r.person,
                    "message": r.message,
                    "problems": [asdict(p) for p in r.problems],
                }
                for r in self.rows
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


# -- what the graph already holds ---------------------------------------------------------
@dataclass
class _Graph:
    organisations: dict[str, dict]
    categories: dict[str, str]
    persons: dict[str, dict]
    works_at: dict[tuple[str, str], str | None]  # (person, organisation) -> role
    clusters: dict[str, str]  # cluster id -> key, of the import's zone
    members: dict[tuple[str, str], str]  # (organisation, cluster) -> status
    matcher: Matcher[str]
    person_ids: dict[str, str] = field(default_factory=dict)  # person key -> id

    @classmethod
    def load(cls, store: Store, zone: str | None) -> _Graph:
        organisations: dict[str, dict] = {}
        for row in store.read("import_organisation_index"):
            organisations.setdefault(row["id"], row)
        matcher: Matcher[str] = Matcher()
        for org in organisations.values():
            matcher.add(org["id"], org["name"] or org["id"], org["kbo"], org["nis"])
        persons: dict[str, dict] = {}
        works_at: dict[tuple[str, str], str | None] = {}
        for row in store.read("import_person_index"):
            persons.setdefault(row["id"], row)
            if row["organisation"]:
                works_at[(row["id"], row["organisation"])] = row["role"]
        clusters, members = {}, {}
        if zone is not None:
            for row in store.read("import_zone_clusters", zone=zone):
                clusters[row["cluster"]] = row["key"]
                if row["organisation"]:
                    members[(row["organisation"], row["cluster"])] = row["status"]
            if not clusters:
                known = ", ".join(z["id"] for z in store.read("zones")) or "(geen)"
                raise ValidationError(f"onbekende zone {zone!r}; bekende zones: {known}")
        categories = {r["key"]: r["name"] for r in store.read("import_category_index")}
        person_ids = people.known(store.read("import_person_index"))
        return cls(
            organisations, categories, persons, works_at, clusters, members, matcher, person_ids
        )


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
        try:
            return normalise.municipality(self.get("municipality"), self.get("postcode"))
        except normalise.FieldError as error:
            self.result.reject(self.label(error.field), self.get(error.field), str(error))
            return None

    def person_name(self, full: str) -> str:
        parts = (self.get("first_name"), self.get("last_name"))
        return self.get(full) or " ".join(p for p in parts if p)


class _Planner:
    def __init__(self, graph: _Graph, file: str, zone: str | None):
        self.graph = graph
        self.file = file
        self.zone = zone
        self.writes = Writes()
        self.in_file: Matcher[int] = Matcher()  # organisations of earlier rows, by row number
        self.matched: dict[str, int] = {}  # organisation id -> the first row that names it
        self.people: dict[tuple[str, str], int] = {}  # (person, organisation) -> row
        self.new_people: dict[str, str] = {}  # person key -> the new id it got in this file
        self.taken_ids = set(graph.organisations)

    def source(self, number: int) -> str:
        source_id = f"{self.file}#row {number}"
        self.writes.sources[source_id] = {
            "id": source_id,
            "document": self.file,
            "section": f"row {number}",
        }
        return source_id

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
        earlier = self.in_file.find(name, kbo, nis)
        if earlier:
            result.reject(
                row.label("name"), name, f"dubbel: dezelfde organisatie als rij {earlier[0]}"
            )
            return result
        found = self.graph.matcher.find(name, kbo, nis)
        if len(found) > 1:
            result.reject(
                row.label("name"),
                name,
                f"lijkt op meerdere bekende organisaties ({', '.join(sorted(found))}); "
                "vul het KBO-nummer of de gemeente in",
            )
            return result
        if found and found[0] in self.matched:
            result.reject(
                row.label("name"),
                name,
                f"dubbel: rij {self.matched[found[0]]} gaat al over organisatie {found[0]}",
            )
            return result
        self.in_file.add(result.row, name, kbo, nis)
        # Where a row names a contact person, its e-mail and phone are that person's.
        org_values = {"kbo": kbo, "website": website}
        if not contact:
            org_values |= {"email": email, "phone": phone}
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
        self.matched[org_id] = result.row
        membership = self.membership(row, org_id, cluster, status)
        if membership is not None:
            changes.append("cluster")
        person = self.person(row, contact, org_id, email, phone) if contact else None
        if person is not None:
            changes.append("contactpersoon")
        if result.outcome == UNCHANGED and changes:
            result.outcome = UPDATED
            result.notes.append(f"wijzigt: {', '.join(changes)}")
        if result.outcome == UNCHANGED:
            return result
        source = self.source(result.row)
        self.writes.organisations.append(
            {"id": org_id, "name": name, "source": source}
            | {k: v or None for k, v in org_values.items()}
            | {k: None for k in ORGANISATION_FIELDS if k not in org_values}
        )
        if category:
            self.writes.categories.append({"organisation": org_id, "category": category})
        if place is not None:
            self.writes.locations.append(
                {
                    "organisation": org_id,
                    "nis": place.nis,
                    "name": place.name,
                    "province": place.province,
                }
            )
        if membership is not None:
            self.writes.memberships.append(membership | {"source": source})
        if person is not None:
            self.writes.persons.append(person | {"source": source})
        return result

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
        return {
            "organisation": org_id,
            "cluster": cluster_id,
            "status": wanted,
            "since": date.today().isoformat(),
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
        found = self.graph.matcher.find(organisation, kbo, place.nis if place else None)
        if not found and slug(organisation) in self.graph.organisations:
            # Short names ("Pallion", "VAPH") are often the organisation's id.
            found = [slug(organisation)]
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
        self.writes.persons.append(person | {"source": self.source(result.row)})
        return result


def plan_import(
    store: Store,
    path: Path | str,
    kind: str,
    mapping: dict[str, str] | None = None,
    zone: str | None = None,
) -> ImportReport:
    """Read and check a spreadsheet against the graph; writes nothing (the dry run)."""
    path = Path(path)
    table = read_table(path)
    column_map = columns.map_columns(kind, table.headers, mapping)
    planner = _Planner(_Graph.load(store, zone), path.name, zone)
    handle = planner.organisation_row if kind == ORGANISATIONS else planner.contact_row
    results = []
    for number, cells in table.rows:
        row = _Row(number, cells, column_map)
        if number in table.refused:  # a cell too long to read: the row is refused, by number
            column, message = table.refused[number]
            row.result.reject(column, cells.get(column, ""), message)
            results.append(row.result)
        else:
            results.append(handle(row))
    return ImportReport(
        file=path.name,
        kind=kind,
        zone=zone,
        mapping=column_map,
        rows=results,
        writes=planner.writes,
    )


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


def apply_import(store: Store, report: ImportReport) -> dict[str, int]:
    """Write the report's accepted rows in one transaction; on any error nothing is written."""
    writes = report.writes

    def expect(tx: Transaction, query: str, rows: list[dict], what: str) -> None:
        if not rows:
            return
        written = tx.run(query, rows=rows)
        if (written[0]["written"] if written else 0) != len(rows):
            # A node the plan saw is gone (changed since the dry run?): keep the graph as it was.
            raise GraphChangedError(
                f"{report.file}: niet alle {what} konden geschreven worden; de graaf is "
                "veranderd sinds de controle. Er is niets geïmporteerd; probeer opnieuw."
            )

    def work(tx: Transaction) -> None:
        expect(tx, "import_sources", list(writes.sources.values()), "bronnen")
        expect(tx, "import_organisations", writes.organisations, "organisaties")
        if writes.categories:
            tx.run("import_categories", rows=writes.categories)
        if writes.locations:
            tx.run("import_locations", rows=writes.locations)
        expect(tx, "import_memberships", writes.memberships, "lidmaatschappen")
        expect(tx, "import_persons", _matched(tx, writes.persons), "contactpersonen")

    if not writes.empty():
        store.transaction(work)
    report.applied = True
    return report.counts


__all__ = [
    "CONTACTS",
    "ORGANISATIONS",
    "ImportReport",
    "RowResult",
    "apply_import",
    "plan_import",
]
