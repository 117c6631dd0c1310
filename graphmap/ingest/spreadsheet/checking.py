"""`plan_import`: a list read and every row checked against the graph by the rules of its
kind (a partner list's organisations, a contact list's persons); writes nothing."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from graphmap import dates, limits, names
from graphmap.access import User
from graphmap.errors import ColumnError, ValidationError
from graphmap.ingest import columns, kinds, normalise, people
from graphmap.ingest.columns import CONTACTS, FIELD_LABELS, ORGANISATIONS
from graphmap.ingest.dedupe import Matcher
from graphmap.ingest.municipalities import Municipality
from graphmap.ingest.seats import local_seat
from graphmap.ingest.seed import organisation_ids, slug
from graphmap.ingest.spreadsheet.graph import (
    _Graph,
    _scope,
)
from graphmap.ingest.spreadsheet.report import (
    CHOICES,
    DEFAULT_STATUS,
    FALLBACK_CATEGORY,
    LINK,
    NEW,
    NEW_ORGANISATION,
    ORGANISATION_FIELDS,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ImportReport,
    RowResult,
    Writes,
    source_id,
)
from graphmap.ingest.tables import Table, read_table
from graphmap.names import folded
from graphmap.plural import some
from graphmap.store import Store
from graphmap.style import STATUS_LABELS

PROGRESS_STEP = 250  # rows between two progress reports
HINTS = 20  # refused rows whose organisation not found is compared with every known name
Progress = Callable[[int, int], None]  # (rows done, rows in all)


def category_from_name(name: str, categories: dict[str, str]) -> str | None:
    """The category a new organisation's name says it is (`kinds.category_from_name`), if
    the graph has it."""
    found = kinds.category_from_name(name)
    return found if found in categories else None


def what_tells_apart(place: Municipality | None) -> str:
    """What a row naming several known organisations is to give: the municipality, unless
    it gave one already and that leaves more than one."""
    if place is None:
        return "vul het KBO-nummer of de gemeente in"
    return f"vul het KBO-nummer in: de gemeente {place.name} onderscheidt ze niet"


def _same_number(one: str, other: str) -> bool:
    """Whether two phone numbers as typed are one ("0475 11 22 33", "+32 475 11 22 33"):
    their last eight digits, the country's code and trunk zero aside."""
    return [c for c in one if c.isdigit()][-8:] == [c for c in other if c.isdigit()][-8:]


# Between two numbers in one cell: a slash with spaces around it (without, "03/775.12.34"
# is one number written so), a semicolon, a comma, "of" or "en". (A line break in a cell
# reaches the row as a space: a number may hold spaces, so it parts nothing.)
_NUMBERS_APART = re.compile(r"[;,]|\s/\s|\s(?:of|en|or|and)\s", re.IGNORECASE)


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
        for name in ("phone", "mobile"):
            self._first_number(name)
        mobile = self.get("mobile")
        if mobile and not self.get("phone"):
            self.cells["phone"], self.column["phone"] = mobile, self.column["mobile"]
        elif mobile and not _same_number(mobile, self.get("phone")):
            self.result.notes.append(
                f"{self.label('mobile')} {mobile!r} niet bewaard: één telefoonnummer, dat uit "
                f"{self.label('phone')}"
            )
        if self.get("address") and not (self.get("municipality") or self.get("postcode")):
            place = normalise.address_place(self.get("address"))
            if place:
                # Read as a municipality cell, and any fault in it said of the address column.
                self.cells["municipality"] = place
                self.column["municipality"] = self.column["postcode"] = self.column["address"]
            else:
                self.result.notes.append(
                    f"{self.label('address')} {self.get('address')!r}: geen postcode of "
                    "gemeente gevonden, geen zetel uit het adres"
                )

    def _first_number(self, name: str) -> None:
        """A cell holding two numbers ("03 771 22 33 / 0476 11 22 33") keeps the
        first, as a row's Telefoon and GSM do, and says what it does not keep: refusing the
        row lost the organisation for a number it keeps one of anyway. A cell whose parts are
        not each a number ("03 / 771 22 33") is read whole, as before."""
        parts = [part.strip() for part in _NUMBERS_APART.split(self.get(name))]
        if len(parts) < 2:
            return
        try:
            for part in parts:
                normalise.phone(part)
        except ValidationError:
            return
        self.cells[name] = parts[0]
        for part in parts[1:]:
            if not _same_number(part, parts[0]):
                self.result.notes.append(
                    f"{self.label(name)} {part!r} niet bewaard: één telefoonnummer, het eerste "
                    "van de cel"
                )

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


class _Planner:
    def __init__(
        self,
        graph: _Graph,
        file: str,
        zone: str | None,
        new_if_similar: bool = False,
        choices: dict[int, str] | None = None,
        sheet: str | None = None,
    ):
        self.graph = graph
        self.file = file
        self.sheet = sheet  # of a workbook of several lists: its rows' sources name it
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
        self.hints_left = HINTS  # see `meant`
        self.register_names: list[dict] | None = None

    def source_id(self, number: int) -> str:
        return source_id(self.file, number, self.sheet)

    def meant(self, name: str) -> str:
        """ "bedoelt u 'X' (x)? Anders: " for a name not found that may be a typo of a known
        one ("Huisartsenkring Weslimburg"), for the first refused rows only: each compares
        with every organisation of the register."""
        if self.hints_left <= 0:
            return ""
        self.hints_left -= 1
        if self.register_names is None:
            self.register_names = [
                {"id": org_id, "name": org["name"] or org_id}
                for org_id, org in self.graph.organisations.items()
            ]
        found = names.mistyped(self.register_names, name, 3)
        if not found:
            return ""
        said = " of ".join(f"{org['name']!r} ({org['id']})" for org in found)
        return f"bedoelt u {said}? Anders: "

    def section(self, number: int) -> str:
        return f"blad {self.sheet}, rij {number}" if self.sheet else f"rij {number}"

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
        if category and not normalise.names_category(
            row.get("category"), category, self.graph.categories
        ):
            label = self.graph.categories[category]
            result.notes.append(f"categorie {row.get('category')!r} gelezen als {label}")
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
                + what_tells_apart(place),
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
            others = self.zones_sharing(org_id) if nis and not known["nis"] else ()
            if others:
                result.notes.append(self.seat_left_out(known, place, others))
                place = None
            elif nis and nis != known["nis"]:
                changes.append("gemeente")
            else:
                place = None
        else:
            seat = local_seat(name) if place is None else None
            if seat is not None:
                # As a plan's reading seats it: a council or OCMW without a seat never
                # represents its municipality in cluster lokale besturen.
                place, nis = seat.municipality, seat.municipality.nis
                given["nis"] = nis
                result.notes.append(f"zetel {place.name}: uit de naam")
            org_id = self.new_id(name, place)
            result.outcome = NEW
            if category is None:
                category = category_from_name(name, self.graph.categories)
                if category is not None:
                    label = self.graph.categories[category]
                    result.notes.append(f"categorie {label}: uit de naam")
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
            # A known membership's status the row changes is said from what to what: "wijzigt:
            # cluster" hid that an old list took a partner back to ontbreekt.
            known = self.graph.members.get((org_id, membership["cluster"]))
            changes.append(
                f"status {STATUS_LABELS[known]} → {STATUS_LABELS[membership['status']]}"
                if known
                else "cluster"
            )
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

    def zones_sharing(self, org_id: str) -> list[str]:
        """The zones other than the import's that an organisation seated nowhere belongs to.
        Such an organisation is a regional body (a CAW, a palliative network, a mutuality)
        that the register keeps without a seat on purpose: a row giving the municipality of
        its local office would seat it there for every zone, and each other zone's list
        naming its own office would then no longer find it."""
        return sorted(self.graph.unseated_zones.get(org_id, frozenset()) - {self.zone})

    @staticmethod
    def seat_left_out(known: dict, place: Municipality, others: list[str]) -> str:
        zones = some(others, 3)
        return (
            f"gemeente '{place.name}' niet als zetel genomen: {known['name']!r} heeft geen zetel "
            f"en werkt ook met {zones} (een zetel geeft u op Organisaties)"
        )

    def remember(self, row: _Row, org_id: str, given: dict, kbo, nis, cluster) -> None:
        """Take note of the organisation of an accepted row: what later rows are compared with.
        A field the row leaves empty is as the graph has it."""
        known = self.graph.organisations.get(org_id, {})
        fields = {k: given.get(k) or known.get(k) for k in (*ORGANISATION_FIELDS, *given)}
        if org_id not in self.graph.organisations and not fields["category"]:
            name = row.result.name
            fields["category"] = (
                category_from_name(name, self.graph.categories) or FALLBACK_CATEGORY
            )
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
            row.result.notes.append(
                "cluster genegeerd: geen zone gekozen (kies er een, of --zone op de opdrachtregel)"
            )
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
        person = self.graph.person_ids.get(key)
        if isinstance(person, people.Shared):
            # Two records of this address (another zone's and an editor's zone's own): the
            # row means the one at its organisation; at neither, it cannot say which.
            person = person.at(org_id) or self.shared(row, person, org_id)
            if person is None:
                return None
        person = person or self.new_people.setdefault(key, people.new_id())
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

    def shared(self, row: _Row, shared: people.Shared, org_id: str) -> None:
        """Refuse a row whose address several records have, none at its organisation alone:
        naming the address and where each record works (who sees them all sees this)."""
        names = self.graph.organisations

        def where(orgs: tuple[str, ...]) -> str:
            return " en ".join(names.get(o, {}).get("name") or o for o in orgs) or "geen"

        records = "; ".join(f"een bij {where(orgs)}" for orgs in shared.records.values())
        here = names.get(org_id, {}).get("name") or org_id
        row.result.reject(
            row.label("email"),
            shared.email,
            f"e-mailadres {shared.email} hoort bij {len(shared.records)} contactpersonen "
            f"({records}), en niet bij precies één van hen bij {here}: welke bedoeld is, "
            "is niet te zeggen. Zet de rij bij de organisatie van de bedoelde persoon.",
        )

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
                f"organisatie {organisation!r} niet gevonden; "
                + self.meant(organisation)
                + "importeer ze eerst als organisatie",
            )
            return result
        if len(found) > 1:
            result.reject(
                row.label("organisation"),
                organisation,
                f"organisatie {organisation!r} lijkt op meerdere bekende organisaties "
                f"({', '.join(sorted(found))}); " + what_tells_apart(place),
            )
            return result
        org_id = result.organisation = found[0]
        person = self.person(row, name, org_id, email, phone)
        if result.outcome == REJECTED:
            return result
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
    user: User | None = None,
    sheet: str | None = None,
) -> ImportReport:
    """Read and check a spreadsheet (of a workbook, the sheet named `sheet`, else the one it
    opens on) against the graph; writes nothing (the dry run).

    A likely duplicate of a known organisation is linked to it, unless `new_if_similar` (for
    every such row) or `choices` (row number -> "link" or "new") says otherwise. `progress`
    is called now and then with (rows done, rows in all). A contact person is recognised
    among those `user` may see (all, without one: the command line acts as an admin), and
    applying the list keeps to that (see `access.persons_unseen`).
    """
    path = Path(path)
    for number, choice in (choices or {}).items():
        if choice not in CHOICES:
            raise ValidationError(f"rij {number}: keuze {choice!r}; kies 'link' of 'new'")
    table = read_table(path, lambda headers: columns.header_fit(kind, headers, mapping), sheet)
    column_map = _column_map(kind, table, mapping, path.name)
    # Row 2 of two sheets is two rows: of a workbook of several lists, sources name the sheet.
    sheet = table.sheet if len(table.sheets) > 1 else None
    if kind == ORGANISATIONS and zone is not None:
        table, column_map = _sheet_cluster(table, column_map)
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
            _Planner(graph, path.name, zone, new_if_similar, choices, sheet),
            table,
            kind,
            column_map,
        )
        emails = {p["email"] for p in first.writes.persons if p["email"]}
        named = {r.organisation for r in first.results if r.organisation}
        graph = graph.with_persons(store, emails, named & graph.ids, user)
    planner = _plan_rows(
        _Planner(graph, path.name, zone, new_if_similar, choices, sheet),
        table,
        kind,
        column_map,
        progress,
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
        sheet=sheet,
        sheets=table.sheets if sheet else (),
        ignored=columns.ignored(table.headers, column_map),
        revision=revision,
        user=user,
    )


def _sheet_cluster(table: Table, column_map: dict[str, str]) -> tuple[Table, dict[str, str]]:
    """A list without a Cluster column on a sheet named after a cluster (a workbook with a
    sheet per cluster): that cluster for every row, read as a column of its own, so that
    the report names where it came from."""
    if not table.sheet or "cluster" in column_map.values():
        return table, column_map
    try:
        cluster = normalise.cluster(table.sheet)
    except ValidationError:
        return table, column_map
    column = f"blad {table.sheet}"
    rows = tuple((number, {**cells, column: table.sheet}) for number, cells in table.rows)
    note = f"cluster {cluster.replace('_', ' ')} voor elke rij: uit de naam van het blad"
    table = replace(table, headers=(*table.headers, column), rows=rows, notes=(*table.notes, note))
    return table, {**column_map, column: "cluster"}


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


SENTENCE_WORDS = 8  # a cell of this many words is a sentence, no field of a list


def _running_text(table: Table) -> bool:
    """Whether most rows of a table without the columns it needs hold a sentence: a text (a
    plan chosen as a list; its commas made cells), not a list whose header is missing (a
    list's cells are names, places, addresses: a sentence is at most a remark's)."""
    rows = [table.headers, *(tuple(row.values()) for _, row in table.rows[:20])]
    rows = [cells for cells in rows if any(cells)]
    sentences = sum(any(len(c.split()) >= SENTENCE_WORDS for c in cells) for cells in rows)
    return 2 * sentences > len(rows)


def _column_map(
    kind: str, table: Table, mapping: dict[str, str] | None, name: str
) -> dict[str, str]:
    """The columns' fields; a workbook's missing column is said with the sheet read, and a
    missing column where no row was the header with where graphmap looked for it; a text
    is told to be one (its first words are no columns to map)."""
    try:
        return columns.map_columns(kind, table.headers, mapping)
    except ColumnError as error:
        if _running_text(table):
            raise ValidationError(
                f"{name}: geen lijst met kolommen maar lopende tekst. Is het een plan? Dat "
                "leest 'graphmap import plan' (op de pagina Importeren: bij 1, het plan van "
                "de zone)."
            ) from None
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
