"""Load the curated seed folder into the graph, in one transaction.

`build_rows` reads and validates the YAML files into plain row lists (no database);
`load` writes them with the batched `seed_*` queries. Loading adds what is missing and
changes nothing that exists: staff keep the register up to date in the same graph, and a
second load (every `graphmap serve --seed` is one) must not undo their work. So a node the
graph holds keeps its fields, an organisation its category and seat, an action its links,
and an erased demo person stays erased (see `missing`). `write_rows(reset=True)` starts
again from the seed as it is.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError as PydanticError

from graphmap import access, audit, dates
from graphmap.errors import ValidationError
from graphmap.ingest import municipalities, normalise
from graphmap.ingest.dedupe import fold
from graphmap.ingest.models import (
    DemoFile,
    DemoPerson,
    OrganisationIn,
    Reference,
    Source,
    SourceRef,
    ZoneFile,
)
from graphmap.ingest.territory import current
from graphmap.names import folded
from graphmap.paths import seed_dir
from graphmap.store import Store, Transaction

SELF = "self"  # in a zone file: the zorgraad of that zone itself
ZORGRAAD_CATEGORY = "eerstelijnszone"
ORGANISATION_OPTIONAL = ("kbo", "website", "municipality", "zorgraad_of")


def slug(text: str) -> str:
    """An id's words: ASCII lower case, accents off. Letters ASCII cannot spell (Arabic,
    Cyrillic, Chinese) add a digest of the text, so that two such names never share one."""
    plain = fold(text)
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if plain.isascii() or not any(c.isalpha() and not c.isascii() for c in plain):
        return base
    digest = hashlib.sha256(plain.encode()).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest


def organisation_ids(name: str, place: str | None = None) -> Iterator[str]:
    """Ids to try for a new organisation, in order: its name, with its place, then numbered."""
    base = slug(name) or "organisatie"
    yield base
    if place:
        yield f"{base}-{slug(place)}"
    yield from (f"{base}-{n}" for n in itertools.count(2))


def municipality(name: str, where: str) -> municipalities.Municipality:
    """The current municipality a seed file names: a current name or one merged away in 2019
    or 2025 (a plan written before a merger names the old municipalities); an unknown name is
    refused naming the file, the entry and the field."""
    try:
        return current(name)
    except ValidationError as error:
        raise ValidationError(f"{where}: {error}") from None


def _normalised(convert, value: str | None, where: str) -> str | None:
    """A KBO number or web address in the one form the register keeps (what its search and
    links expect, as a form or an import would write it); a wrong one is refused, named."""
    if not value:
        return None
    try:
        return convert(value)
    except ValidationError as error:
        raise ValidationError(f"{where}: {error}") from None


def zorgraad_id(zone_id: str) -> str:
    return f"elz-{zone_id}"


@dataclass
class Rows:
    """Everything to write, as lists of parameter rows, one list per `seed_*` query."""

    sources: dict[str, dict] = field(default_factory=dict)
    zones: list[dict] = field(default_factory=list)
    municipalities: dict[str, dict] = field(default_factory=dict)
    covers: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    clusters: list[dict] = field(default_factory=list)
    expectations: list[dict] = field(default_factory=list)
    organisations: dict[str, dict] = field(default_factory=dict)
    # Organisations the graph holds already: only a category or seat where they have none.
    kept_organisations: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    leads: list[dict] = field(default_factory=list)
    partners: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)


# libyaml's parser where PyYAML was built with it (it usually is): several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name}: geen UTF-8-tekst") from None
    except OSError as error:
        raise ValidationError(f"{path}: niet te lezen: {error.strerror or error}") from None
    body = re.sub(r"\A(?:#[^\n]*\n)*", "", text)
    if body.startswith("{"):
        # YAML's flow form that is also JSON (what `graphmap generate` writes for its large
        # files, after a comment line) reads with the JSON parser, many times faster.
        try:
            return json.loads(body)
        except ValueError:
            pass
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise ValidationError(f"{path.name}: geen geldige YAML: {error}") from None


def _validate(name: str, data: Any, model):
    try:
        return model.model_validate(data)
    except PydanticError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        # A missing field's input is the whole entry around it: no value to name.
        value = f" (waarde: {first['input']!r})" if first["type"] != "missing" else ""
        raise ValidationError(f"{name}: {where}: {_dutch(first)}{value}") from None


# pydantic's messages, by its error type, for the kinds of error a seed file can meet; each
# takes the error's context (`ctx`). An error of another type keeps pydantic's English.
_DUTCH = {
    "missing": lambda ctx: "ontbreekt",
    "extra_forbidden": lambda ctx: "onbekend veld",
    "string_type": lambda ctx: "moet tekst zijn",
    "list_type": lambda ctx: "moet een lijst zijn",
    "dict_type": lambda ctx: "moet een mapping (sleutel: waarde) zijn",
    "model_type": lambda ctx: "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": lambda ctx: "moet een mapping (sleutel: waarde) zijn",
    "bool_type": lambda ctx: "moet true of false zijn",
    "bool_parsing": lambda ctx: "moet true of false zijn",
    "string_too_long": lambda ctx: f"mag hoogstens {ctx['max_length']} tekens lang zijn",
    "string_pattern_mismatch": lambda ctx: f"heeft niet de vorm {ctx['pattern']}",
    # pydantic lists the allowed values as "'a', 'b' or 'c'".
    "literal_error": lambda ctx: (
        "moet een van deze zijn: " + re.sub(r" or (?=[^,]*$)", " of ", ctx["expected"])
    ),
    # A validator of models.py: its own message, Dutch already.
    "value_error": lambda ctx: str(ctx["error"]),
}


def _dutch(error: dict) -> str:
    """pydantic's message of `error` in Dutch, or as pydantic wrote it for a type not known."""
    translate = _DUTCH.get(error["type"])
    return translate(error.get("ctx", {})) if translate else error["msg"]


REFERENCE_FILES = ("clusters", "categories", "sources", "expectations", "organisations")


def read_reference(folder: Path) -> Reference:
    """The reference files the seed needs; other files in reference/ serve other readers."""
    for name in REFERENCE_FILES:
        if not (folder / "reference" / f"{name}.yaml").is_file():
            raise ValidationError(f"{folder} is geen seedmap: reference/{name}.yaml ontbreekt")
    merged: dict[str, Any] = {}
    for name in REFERENCE_FILES:
        merged.update(_yaml(folder / "reference" / f"{name}.yaml") or {})
    return _validate("seed/reference", merged, Reference)


class _Builder:
    def __init__(self, reference: Reference):
        self.rows = Rows()
        self.reference = reference
        self.category_keys = {c.key for c in reference.categories}
        self.reference_sources = {s.id: s for s in reference.sources}
        self.action_ids: set[str] = set()
        self.plan_titles: dict[str, str] = {}  # plan document → its title
        # Zone names (as `slug` has them) to the zone's zorgraad: a neighbour a plan names is
        # that organisation when the seed holds its zone, whatever the zone's id.
        self.zorgraden: dict[str, str] = {}
        self.at = dates.now()  # when these facts were read: the seed's changes are recorded then

    # -- provenance -------------------------------------------------------------------
    def source(self, source: Source | None, document: str, where: str) -> str:
        if source is None:
            raise ValidationError(f"{where}: source: elk feit heeft een bron nodig")
        if isinstance(source, SourceRef):
            row = {"document": source.document, "section": source.section, "url": source.url}
        else:
            row = {"document": document, "section": str(source), "url": None}
        row["id"] = f"{row['document']}#{row['section']}"
        # A plan's file name means nothing to staff: its Sources carry the plan's title.
        row["title"] = self.plan_titles.get(row["document"])
        self.rows.sources.setdefault(row["id"], row)
        return row["id"]

    def reference_source(self, key: str, where: str) -> str:
        try:
            ref = self.reference_sources[key]
        except KeyError:
            raise ValidationError(f"{where}: onbekende referentiebron {key!r}") from None
        return self.source(SourceRef(document=ref.document, url=ref.url), "", where)

    def organisation(
        self, where: str, id: str, name: str, category: str, source: str, **optional: str | None
    ) -> None:
        """Record an organisation; several files may name it, the first value of a field wins."""
        if category not in self.category_keys:
            raise ValidationError(f"{where}: onbekende categorie {category!r}")
        row = {
            "id": id,
            "name": name,
            "folded": folded(name),
            "category": category,
            "source": source,
            **{key: optional.get(key) for key in ORGANISATION_OPTIONAL},
        }
        known = self.rows.organisations.setdefault(id, row)
        if known["category"] != category:
            raise ValidationError(
                f"{where}: organisatie {id!r} is hier {category!r} "
                f"maar elders {known['category']!r}"
            )
        for key, value in row.items():
            if known[key] is None:
                known[key] = value

    # -- reference ----------------------------------------------------------------------
    def add_reference(self) -> None:
        ref = self.reference
        for category in ref.categories:
            self.rows.categories.append(category.model_dump())
        for org in ref.organisations:
            # An organisation of the reference data cites its own public source, or one of
            # reference/sources.yaml by its id (as the reference files cite them), if it has one.
            where = f"reference/organisations.yaml: organisatie {org.id}"
            if isinstance(org.source, SourceRef):
                source = self.source(org.source, "", where)
            elif org.source:
                source = self.reference_source(org.source, f"{where}: source")
            else:
                source = self.reference_source("vvsg-2019", "reference")
            self._organisation_in(org, "reference/organisations.yaml", source)

    def _organisation_in(self, org: OrganisationIn, where: str, source_id: str) -> None:
        where = f"{where}: organisatie {org.id}"
        nis = (
            municipality(org.municipality, f"{where}: municipality").nis
            if org.municipality
            else None
        )
        self.organisation(
            where,
            org.id,
            org.name,
            org.category,
            source_id,
            kbo=_normalised(normalise.kbo, org.kbo, f"{where}: kbo"),
            website=_normalised(normalise.website, org.website, f"{where}: website"),
            municipality=nis,
        )

    # -- one zone -----------------------------------------------------------------------
    def add_zone(self, name: str, data: ZoneFile) -> None:
        zone, doc = data.zone, data.zone.plan.document
        where = f"zones/{name}"
        if any(row["id"] == zone.id for row in self.rows.zones):
            # A second file of one zone would have its plan merged into the first one's.
            raise ValidationError(f"{where}: zone.id: zone {zone.id!r} heeft nog een bestand")
        self.plan_titles[doc] = zone.plan.title
        self.rows.zones.append(
            {
                "id": zone.id,
                "name": zone.name,
                "plan_title": zone.plan.title,
                "plan_period": zone.plan.period,
                "plan_document": doc,
                "source": self.source("", doc, where),
            }
        )
        self.organisation(
            where,
            zorgraad_id(zone.id),
            zone.name,
            ZORGRAAD_CATEGORY,
            self.source("", doc, where),
            zorgraad_of=zone.id,
        )
        for number, ref in enumerate(data.municipalities):
            named = "merged_into" if ref.merged_into else "name"
            current = municipality(
                ref.merged_into or ref.name, f"{where}: municipalities.{number}.{named}"
            )
            self.rows.municipalities[current.nis] = {
                "nis": current.nis,
                "name": current.name,
                "province": current.province,
            }
            self.rows.covers.append(
                {"zone": zone.id, "nis": current.nis, "source": self.source(ref.source, doc, where)}
            )
        clusters_source = self.reference_source("vvsg-2019", where)
        for kind in self.reference.clusters:
            self.rows.clusters.append(
                {
                    "id": f"{zone.id}/{kind.key}",
                    "zone": zone.id,
                    "key": kind.key,
                    "name": kind.name,
                    "source": clusters_source,
                }
            )
        for expectation in self.reference.expectations:
            source_id = self.reference_source(expectation.source, where)
            for key in expectation.categories:
                self._expect(
                    zone.id,
                    expectation.cluster,
                    key,
                    "reference",
                    [],
                    expectation.reason,
                    source_id,
                    where,
                )
        for number, target in enumerate(data.targets):
            self._expect(
                zone.id,
                target.cluster,
                target.category,
                "zone",
                target.bodies,
                target.reason,
                self.source(target.source, doc, where),
                f"{where}: targets.{number}.category",
            )
        for neighbour in data.neighbours:
            self.organisation(
                where,
                self.zorgraden.get(slug(neighbour.name), slug(neighbour.name)),
                neighbour.name,
                ZORGRAAD_CATEGORY,
                self.source(neighbour.source, doc, where),
            )
        for org in data.organisations:
            self._organisation_in(
                org, where, self.source(org.source, doc, f"{where}: organisatie {org.id}")
            )

    def add_links(self, name: str, data: ZoneFile) -> None:
        """A zone's memberships and plan. Called after every zone's `add_zone`: a zone file
        may name an organisation (or a zorgraad) that another zone file defines, whichever
        of the two sorts first."""
        zone, doc = data.zone, data.zone.plan.document
        where = f"zones/{name}"
        stated: set[tuple[str, str]] = set()
        for number, member in enumerate(data.memberships):
            organisation = self._require_org(
                member.organisation, zone.id, f"{where}: memberships.{number}.organisation"
            )
            if (organisation, member.cluster) in stated:
                # An organisation sits in a cluster once: the graph kept the first statement
                # and dropped this one without a word.
                raise ValidationError(
                    f"{where}: memberships.{number}.organisation: {member.organisation!r} "
                    f"komt twee keer voor in cluster {member.cluster}"
                )
            stated.add((organisation, member.cluster))
            self.rows.memberships.append(
                {
                    "organisation": organisation,
                    "cluster": f"{zone.id}/{member.cluster}",
                    "status": member.status,
                    "bodies": list(member.bodies),
                    "since": member.since,
                    "source": self.source(member.source, doc, where),
                    # The seed's statement as an engagement change: one id per stated fact.
                    "change": f"seed:{zone.id}/{member.cluster}:{organisation}:{member.status}",
                    "at": self.at,
                    "by": access.SEED,
                }
            )
        self._add_plan(zone.id, data, doc, where)

    def _expect(self, zone_id, cluster, category, basis, bodies, reason, source_id, where):
        if category not in self.category_keys:
            raise ValidationError(f"{where}: verwachting van onbekende categorie {category!r}")
        self.rows.expectations.append(
            {
                "cluster": f"{zone_id}/{cluster}",
                "category": category,
                "basis": basis,
                "bodies": list(bodies),
                "reason": reason,
                "source": source_id,
            }
        )

    def _require_org(self, org_id: str, zone_id: str, where: str) -> str:
        org_id = zorgraad_id(zone_id) if org_id == SELF else org_id
        if org_id not in self.rows.organisations:
            raise ValidationError(f"{where}: onbekende organisatie {org_id!r}")
        return org_id

    def _add_plan(self, zone_id: str, data: ZoneFile, doc: str, where: str) -> None:
        numbers: set[str] = set()
        for number, goal in enumerate(data.goals):
            if goal.number in numbers:
                # The graph holds one goal per number: the second would vanish into the first.
                raise ValidationError(
                    f"{where}: goals.{number}.number: doelstelling {goal.number} "
                    "komt twee keer voor"
                )
            numbers.add(goal.number)
        for goal in data.goals:
            if goal.parent and goal.parent not in numbers:
                raise ValidationError(
                    f"{where}: doelstelling {goal.number}: parent: "
                    f"onbekende doelstelling {goal.parent}"
                )
            self.rows.goals.append(
                {
                    "id": f"{zone_id}/{goal.number}",
                    "zone": zone_id,
                    "level": goal.level,
                    "number": goal.number,
                    "title": goal.title,
                    "parent": f"{zone_id}/{goal.parent}" if goal.parent else None,
                    "source": self.source(goal.source, doc, where),
                }
            )
        for action in data.actions:
            action_id = f"{zone_id}/{action.code}"
            here = f"{where}: actie {action.code}"
            if action.goal not in numbers:
                raise ValidationError(f"{here}: goal: onbekende doelstelling {action.goal}")
            if action_id in self.action_ids:
                raise ValidationError(f"{here}: code: de code komt twee keer voor")
            self.action_ids.add(action_id)
            source_id = self.source(action.source, doc, here)
            self.rows.actions.append(
                {
                    "id": action_id,
                    "zone": zone_id,
                    "code": action.code,
                    "title": action.title,
                    "period": action.period,
                    "goal": f"{zone_id}/{action.goal}",
                    "partner_groups": list(action.partner_groups),
                    "target_groups": list(action.target_groups),
                    "placeholder": action.placeholder,
                    "source": source_id,
                }
            )
            if action.placeholder and (action.lead or action.co_leads or action.partners):
                raise ValidationError(
                    f"{here}: placeholder: een actie die nog volgt heeft nog geen trekker "
                    "of partners"
                )
            leads = [(action.lead, action.lead_scope, "lead")] if action.lead else []
            leads += [
                (co.organisation, co.scope, f"co_leads.{number}.organisation")
                for number, co in enumerate(action.co_leads)
            ]
            for organisation, scope, named in leads:
                self.rows.leads.append(
                    {
                        "organisation": self._require_org(
                            organisation, zone_id, f"{here}: {named}"
                        ),
                        "action": action_id,
                        "scope": scope,
                        "source": source_id,
                    }
                )
            for number, partner in enumerate(action.partners):
                self.rows.partners.append(
                    {
                        "organisation": self._require_org(
                            partner.organisation, zone_id, f"{here}: partners.{number}.organisation"
                        ),
                        "action": action_id,
                        "role": partner.role,
                        "source": source_id,
                    }
                )

    def add_demo(self, people: list[DemoPerson]) -> None:
        seen: set[str] = set()
        for person in people:
            where = f"demo/contacts.yaml: {person.id}"
            if person.id in seen:
                raise ValidationError(f"{where}: id: de persoon komt twee keer voor")
            seen.add(person.id)
            if person.organisation not in self.rows.organisations:
                raise ValidationError(
                    f"{where}: organisation: onbekende organisatie {person.organisation!r}"
                )
            self.rows.persons.append({**person.model_dump(exclude={"contact_for"}), "demo": True})
            for action_id in person.contact_for:
                if action_id not in self.action_ids:
                    raise ValidationError(f"{where}: contact_for: onbekende actie {action_id!r}")
                self.rows.contacts.append({"person": person.id, "action": action_id})


def build_rows(folder: Path | None = None, demo: bool = True) -> Rows:
    """Read and validate a seed folder into rows; raises ValidationError naming the file."""
    folder = folder or seed_dir()
    builder = _Builder(read_reference(folder))
    builder.add_reference()
    zones = {
        path.name: _validate(f"zones/{path.name}", _yaml(path), ZoneFile)
        for path in sorted((folder / "zones").glob("*.yaml"))
    }
    builder.zorgraden = {slug(z.zone.name): zorgraad_id(z.zone.id) for z in zones.values()}
    for name, data in zones.items():
        builder.add_zone(name, data)
    for name, data in zones.items():
        builder.add_links(name, data)
    demo_file = folder / "demo" / "contacts.yaml"
    if demo and demo_file.exists():
        builder.add_demo(_validate("demo/contacts.yaml", _yaml(demo_file), DemoFile).people)
    return builder.rows


# The order matters: each query matches nodes the earlier ones created.
STEPS = (
    ("seed_sources", "sources"),
    ("seed_zones", "zones"),
    ("seed_municipalities", "municipalities"),
    ("seed_covers", "covers"),
    ("seed_categories", "categories"),
    ("seed_clusters", "clusters"),
    ("seed_expectations", "expectations"),
    ("seed_organisations", "organisations"),
    ("seed_kept_organisations", "kept_organisations"),
    ("seed_memberships", "memberships"),
    ("seed_goals", "goals"),
    ("seed_actions", "actions"),
    ("seed_leads", "leads"),
    ("seed_partners", "partners"),
    ("seed_persons", "persons"),
    ("seed_contacts", "contacts"),
)


def write_rows(store: Store, rows: Rows, reset: bool = False, actor: str | None = None) -> None:
    """Write the rows in one transaction; with `reset`, empty the graph first in that same
    transaction, so that whatever happens the graph is the old one or the new one.

    A reset keeps the users and the audit (a reset of the data is neither a reset of who may
    use it nor of what was done), and is itself recorded there, by `actor` (default: the
    user running graphmap). Without `reset`, only what the graph lacks is written (see
    `missing`): loading the seed again changes nothing, and records nothing."""

    def work(tx: Transaction) -> None:
        if reset:
            tx.run("delete_graph")
            audit.record(
                tx,
                by=actor or access.cli_user(),
                action="seed",
                entity="Zone",
                zones=[zone["id"] for zone in rows.zones],
                after={"reset": True, "zones": len(rows.zones)},
            )
        todo = rows if reset else missing(tx, rows)
        for query, attribute in STEPS:
            batch = getattr(todo, attribute)
            batch = list(batch.values()) if isinstance(batch, dict) else batch
            if batch:
                tx.run_rows(query, batch)

    store.transaction(work)


def _known(tx: Transaction, query: str, ids) -> set[str]:
    return {row["id"] for row in tx.run_rows(query, [{"id": i} for i in ids])}


def missing(tx: Transaction, rows: Rows) -> Rows:
    """The part of `rows` that the graph lacks: what a load into a graph holding (some of)
    the seed already may write without undoing what staff did since.

    An organisation, goal or action the graph holds keeps its fields and its links (a
    partner someone removed from an action stays removed); a known organisation only gets a
    category or seat where it has none. Demo persons come only with a new organisation: an
    erased one does not return. Reference rows pass whole; their queries add only what is
    missing, and a membership only when it is new (see seed_memberships)."""
    known_orgs = _known(tx, "seed_known_organisations", rows.organisations)
    known_goals = _known(tx, "seed_known_goals", (goal["id"] for goal in rows.goals))
    known_actions = _known(tx, "seed_known_actions", (action["id"] for action in rows.actions))
    persons = [p for p in rows.persons if p["organisation"] not in known_orgs]
    added_persons = {p["id"] for p in persons}
    return replace(
        rows,
        organisations={k: v for k, v in rows.organisations.items() if k not in known_orgs},
        kept_organisations=[v for k, v in rows.organisations.items() if k in known_orgs],
        goals=[goal for goal in rows.goals if goal["id"] not in known_goals],
        actions=[action for action in rows.actions if action["id"] not in known_actions],
        leads=[link for link in rows.leads if link["action"] not in known_actions],
        partners=[link for link in rows.partners if link["action"] not in known_actions],
        persons=persons,
        contacts=[c for c in rows.contacts if c["person"] in added_persons],
    )


def load(store: Store, folder: Path | None = None, demo: bool = True) -> Rows:
    rows = build_rows(folder, demo)
    write_rows(store, rows)
    return rows
