"""What a check of a list finds, row by row (`ImportReport`, `RowResult`), the writes it
plans (`Writes`), and the marks of what of the graph each row was compared with, which an
apply compares with the preview's (`outdated_rows`)."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from graphmap.access import User
from graphmap.errors import GraphChangedError
from graphmap.ingest.spreadsheet.graph import (
    _Graph,
)

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
    sheet: str | None = None  # the sheet read, of a workbook of several lists
    sheets: tuple[str, ...] = ()  # those lists' sheets, in the workbook's order
    ignored: list[str] = field(default_factory=list)  # columns no field is read from
    revision: str | None = field(default=None, repr=False)  # the graph's, when checked
    graph: _Graph | None = field(default=None, repr=False, compare=False)  # checked against
    user: User | None = field(default=None, repr=False)  # for whom: the persons it may mean

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
        return source_id(self.file, row, self.sheet)

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
            "sheet": self.sheet,
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


def source_id(file: str, number: int, sheet: str | None = None) -> str:
    # The id stays English as imports always wrote it: an import of the file again
    # finds its rows' Sources by it. Only the section is shown to staff.
    return f"{file}#{sheet}#row {number}" if sheet else f"{file}#row {number}"


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
