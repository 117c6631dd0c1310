"""Who acts, and what they may do: each one rule, kept here.

Users have a role and zones (see `graphmap.users`, which keeps them in the graph):

- a *viewer* sees the network, gaps, plans and comparisons of every zone, never personal
  data (contact persons, the authors, persons and notes of the follow-up), and changes
  nothing;
- an *editor* does what staff do for their own zones: register edits, engagement changes,
  contact moments, imports, contact lists. Other zones stay visible read-only, without their
  personal data;
- an *admin* does everything in every zone, and manages users and reads the audit.

`permits(store, user, need, …)` is the one rule every request passes through (the dashboard's
guard asks it for each callback, download and route; see `dashboard/guard.py`): `need` is
"view", "edit", "contacts" (see or export personal data) or "admin", and the keywords name
what the request touches — a zone, an action, an organisation, a contact person, a next
step — from which it finds the zones concerned:

- a zone, an action (its plan's zone) or a next step (the zone whose staff agreed on it)
  must be one of the editor's zones;
- an organisation's register fields and contact persons are kept by the zones that work
  with it: in contact with it (gecontacteerd), involved or member in one of their clusters,
  or on their actions (a partner of two zones is both zones'; a regional organisation that
  one zone is contacting while another has it as a member is both zones'). An engagement
  recorded as "ontbreekt" — a partner the zone wants, not one it works with — claims
  nothing while another zone works with it: an editor may put another zone's organisation
  on her own cluster's wish list without its register and the personal data of its
  contacts becoming hers. Contacting it does make it hers too: recorded in the Logboek of
  every zone the organisation belongs to, and what a zone in contact needs (the person it
  spoke to). An organisation nobody works with yet is kept by every zone that wants it;
  one with no engagement at all (a new organisation) is any editor's;
- a contact person is the editor's when one of their organisations is.

Every write that records history or audit takes the acting user's name as `actor`: the CLI
passes `cli_user()` ("cli:<operating-system user>"), the dashboard its signed-in user. The
CLI acts as an admin: whoever runs it owns the database files.

`shown` applies `may_see_personal_data` to follow-up records before any page, download or
report renders them. `import_refusals` says which rows of a spreadsheet import an editor may
not write (an organisation of another zone: its engagement in their own zone, yes; its
register fields or contact persons, no). `persons_unseen` says which contact persons a user
may not see: an e-mail address she types (an import, the Organisaties form) is compared with
the others only, so that no answer tells her an address is known to another zone.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphmap.errors import AccessDeniedError
from graphmap.model import ROLES

SEED = "seed"
DEMO_USER = "demo"  # the one trusted user of the local demo on 127.0.0.1 (no sign-in)
NEEDS = ("view", "edit", "contacts", "admin")
ROLE_LABELS = {"viewer": "kijker", "editor": "medewerker", "admin": "beheerder"}
# Fields of follow-up records that name or describe people.
PERSONAL_FIELDS = frozenset(
    {"by", "note", "person", "person_name", "owner", "done_by", "done_note", "what"}
)
HIDDEN = "(afgeschermd)"
REFUSED = "Dat mag u niet: {reason}."


@dataclass(frozen=True)
class User:
    """Who acts: a name (what history and audit record), a role, and the zones it acts for
    (an admin acts for every zone)."""

    name: str
    role: str = "viewer"
    zones: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; one of {', '.join(ROLES)}")
        object.__setattr__(self, "zones", frozenset(self.zones))

    @property
    def admin(self) -> bool:
        return self.role == "admin"

    @property
    def edits(self) -> bool:
        return self.role in ("editor", "admin")

    def holds(self, zone: str | None) -> bool:
        """Whether `zone` is one of this user's own zones (every zone for an admin)."""
        return self.admin or (zone is not None and zone in self.zones)

    def __str__(self) -> str:
        return self.name


CLI_PREFIX = "cli:"  # before the operating-system user's name, as the audit records it


def cli_user() -> str:
    """The acting user of a command on this machine."""
    return f"{CLI_PREFIX}{getpass.getuser()}"


def cli_principal() -> User:
    """The CLI's user: an admin, since whoever runs it can read the database files anyway."""
    return User(cli_user(), "admin")


DEMO = User(DEMO_USER, "admin")


def may_see_personal_data(user: User, zone: str | None) -> bool:
    """Whether `user` may see the persons, authors and notes of `zone`'s follow-up."""
    return user.holds(zone) if user.edits else False


def shown(records: Iterable[dict], user: User) -> list[dict]:
    """The records as `user` may see them: personal fields hidden where the rule says so.

    Each record carries its `zone`; a hidden field keeps its key (so tables keep their shape)
    and reads `HIDDEN` when it held something.
    """
    result = []
    for record in records:
        if may_see_personal_data(user, record.get("zone")):
            result.append(record)
        else:
            result.append(
                {
                    key: (HIDDEN if value else value) if key in PERSONAL_FIELDS else value
                    for key, value in record.items()
                }
            )
    return result


# -- the one rule ------------------------------------------------------------------------------


def _read(source, name: str, **params) -> list[dict]:
    """Run a read on a Store, or inside a transaction (a change's own `tx`)."""
    return source.read(name, **params) if hasattr(source, "read") else source.run(name, **params)


def _scopes(source, organisations: Iterable[str]) -> list[dict]:
    """`scope_organisations` of each organisation that exists (`source`: the store or a
    transaction)."""
    wanted = sorted({o for o in organisations if o})
    return _read(source, "scope_organisations", organisations=wanted) if wanted else []


def organisation_zones(source, organisations: Iterable[str]) -> dict[str, frozenset[str]]:
    """The zones of each organisation that exists (see the module doc); `source` is the
    store or a transaction."""
    return {
        row["organisation"]: frozenset(z for z in row["zones"] if z)
        for row in _scopes(source, organisations)
    }


def organisation_keepers(source, organisations: Iterable[str]) -> dict[str, frozenset[str]]:
    """The zones that keep each organisation's register fields and contact persons (see the
    module doc): those that work with it, else those that want it."""
    return {
        row["organisation"]: frozenset(z for z in (row["partners"] or row["zones"]) if z)
        for row in _scopes(source, organisations)
    }


def action_zones(source, action: str) -> list[str]:
    """The zone whose plan `action` belongs to, as a list (empty when there is no such
    action); `source` is the store or a transaction."""
    return [row["zone"] for row in _read(source, "scope_action", action=action)]


def zone_name(source, zone: str) -> str:
    """The name staff know a zone by (its id when the graph does not hold it, or no store
    is at hand)."""
    if source is None:
        return zone
    names = {row["id"]: row["name"] for row in _read(source, "zones")}
    return names.get(zone, zone)


def step_zones(source, step: str) -> list[str]:
    """The zone whose staff agreed on next step `step` (empty when there is none)."""
    return [row["zone"] for row in _read(source, "scope_step", step=step)]


def person_organisations(source, person: str) -> list[str]:
    """The organisations contact person `person` works for."""
    return [row["organisation"] for row in _read(source, "scope_person", person=person)]


def _theirs(user: User, zones: frozenset[str]) -> bool:
    """An organisation (or person) is the user's when it shares a zone, or has none yet."""
    return not zones or any(user.holds(zone) for zone in zones)


def refusal(
    store,
    user: User | None,
    need: str,
    *,
    zone: str | None = None,
    action: str | None = None,
    organisation: str | None = None,
    person: str | None = None,
    step: str | None = None,
) -> str | None:
    """Why `user` may not do what `need` says with what the keywords name; None when it may.

    A keyword left None names nothing (e.g. a new organisation has no id yet).
    """
    if need not in NEEDS:
        raise ValueError(f"unknown need {need!r}")
    if user is None:
        return "u bent niet aangemeld"
    if need == "view":
        return None
    if need == "admin":
        return None if user.admin else "alleen een beheerder"
    if not user.edits:
        return "een kijker ziet geen persoonsgegevens en wijzigt niets"
    if user.admin:
        return None
    if zone is not None and not user.holds(zone):
        return f"zone {zone_name(store, zone)} is niet een van uw zones"
    if action is not None:
        zones = action_zones(store, action)
        if not user.holds(zones[0] if zones else None):
            return f"actie {action} hoort niet bij uw zones"
    if step is not None:
        zones = step_zones(store, step)
        if not zones or not user.holds(zones[0]):
            return "deze volgende stap hoort niet bij uw zones"
    if organisation is not None:
        zones = organisation_keepers(store, [organisation]).get(organisation, frozenset())
        if not _theirs(user, zones):
            return f"organisatie {organisation} hoort niet bij uw zones"
    if person is not None:
        owners = person_organisations(store, person)
        zones = organisation_keepers(store, owners)
        if not owners or not any(_theirs(user, z) for z in zones.values()):
            return "deze contactpersoon hoort niet bij uw zones"
    return None


def permits(store, user: User | None, need: str, **named) -> bool:
    """Whether `user` may do what `need` says with what the keywords name (see `refusal`)."""
    return refusal(store, user, need, **named) is None


def check(store, user: User | None, need: str, **named) -> None:
    """Raise AccessDeniedError, with the reason in Dutch, unless `permits`."""
    reason = refusal(store, user, need, **named)
    if reason is not None:
        raise AccessDeniedError(REFUSED.format(reason=reason))


def foreign_organisations(store, user: User, organisations: Iterable[str]) -> list[str]:
    """Of `organisations`, those `user` may not change (for an import that touches many)."""
    if user.admin:
        return []
    if not user.edits:
        return sorted(set(organisations))
    zones = organisation_keepers(store, organisations)
    return sorted(o for o, z in zones.items() if not _theirs(user, z))


# -- imports -----------------------------------------------------------------------------------

# The register fields an import row writes, as the Organisaties page names them.
IMPORT_FIELDS = {"kbo": "KBO-nummer", "website": "website", "email": "e-mail", "phone": "telefoon"}


def import_refusals(store, user: User, report) -> dict[int, str]:
    """The rows of a spreadsheet import (a `graphmap.ingest.spreadsheet.ImportReport`) that
    `user` may not write, each with why: row number → the reason in Dutch, naming the
    organisation by its name.

    As on the Organisaties page, an editor may record the engagement of an organisation of
    another zone in a cluster of their own zone (the import's zone, which the dashboard's
    gate has checked), but not change its register fields (KBO number, website, e-mail,
    phone, category, seat) or its contact persons. A new organisation belongs to no zone yet:
    it is the editor's.
    """
    if user.admin:
        return {}
    if report.user != user:
        # Its contact persons were recognised among another user's (see `persons_unseen`).
        raise ValueError("refuse a list for the user it was checked for: plan_import(user=…)")
    rows = [r for r in report.rows if r.organisation and r.outcome in ("new", "updated")]
    if not rows:
        return {}
    wanted = sorted({r.organisation for r in rows})
    zones = organisation_keepers(store, wanted)
    foreign = {o for o, z in zones.items() if not user.edits or not _theirs(user, z)}
    if not foreign:
        return {}
    known = {
        row["organisation"]: row
        for row in _read(store, "scope_organisation_fields", organisations=sorted(foreign))
    }
    refused = {}
    writes = report.writes
    # By the Source each write names: several rows can be about one organisation (one per
    # cluster), and each is judged by what it writes itself.
    fields = {o["source"]: o for o in writes.organisations}
    categories = {c["source"] for c in writes.categories}
    seats = {m["source"] for m in writes.locations}
    persons = {(p["id"], p["organisation"]) for p in writes.persons}
    contacts = {p["source"] for p in writes.persons}
    for row in (r for r in rows if r.organisation in foreign):
        organisation = known.get(row.organisation, {})
        name = organisation.get("name") or row.name
        if report.kind == "contacts":
            if (row.person, row.organisation) in persons:
                refused[row.row] = (
                    f"{name} hoort niet bij uw zones: u mag er geen contactpersonen aan "
                    "toevoegen of wijzigen"
                )
            continue
        source = report.source(row.row)
        given = fields.get(source, {})
        changes = [
            label
            for key, label in IMPORT_FIELDS.items()
            if given.get(key) and given[key] != organisation.get(key)
        ]
        changes += ["categorie"] if source in categories else []
        changes += ["gemeente"] if source in seats else []
        changes += ["contactpersoon"] if source in contacts else []
        if not user.edits:
            refused[row.row] = "een kijker wijzigt niets"
        elif changes:
            refused[row.row] = (
                f"{name} hoort niet bij uw zones: deze rij wijzigt {', '.join(changes)}; u mag "
                "van deze organisatie alleen de betrokkenheid in uw eigen zone vastleggen "
                "(laat die kolommen leeg, of vraag het aan een medewerker van haar zone)"
            )
    return refused


def persons_unseen(source, user: User | None, persons: Iterable[str]) -> set[str]:
    """Of these contact persons, those `user` may not see: who work only at organisations
    that other zones keep (or nowhere). `source` is the store or a transaction; with no user
    (the command line) or an admin, none.

    Where staff type an e-mail address (a contact list, the Organisaties form), a person is
    recognised by it among those the user sees only: were another zone's person matched,
    the answer ("bijgewerkt", "staat al in het register", a refusal) would tell her that
    this address is someone's in that zone, and the write would show her their record. To
    her the address is then new, and her zone gets its own record of that person."""
    wanted = sorted({p for p in persons if p})
    if user is None or user.admin or not wanted:
        return set()
    found = _read(source, "scope_persons", persons=wanted)
    keepers = organisation_keepers(source, {o for r in found for o in r["organisations"]})
    seen = {
        r["person"]
        for r in found
        if any(_theirs(user, keepers.get(o, frozenset())) for o in r["organisations"])
    }
    return set(wanted) - seen


def refuse_import_rows(store, user: User, report) -> dict[int, str]:
    """Refuse in `report` the rows that `user` may not write (`import_refusals`): each is
    marked rejected with its reason, and none of its writes stays in the report, so that
    applying it writes the other rows only. Returns the refusals."""
    refused = import_refusals(store, user, report)
    if not refused:
        return refused
    rows = [r for r in report.rows if r.row in refused]
    for row in rows:
        row.reject("", row.name, refused[row.row])
    writes = report.writes
    if report.kind == "contacts":
        people = {(r.person, r.organisation) for r in rows}
        dropped = [p for p in writes.persons if (p["id"], p["organisation"]) in people]
        writes.persons = [p for p in writes.persons if (p["id"], p["organisation"]) not in people]
    else:
        # A row's own writes: another row about the same organisation may stay.
        gone = {report.source(r.row) for r in rows}
        dropped = []
        for part in ("organisations", "categories", "locations", "memberships", "persons"):
            dropped += [w for w in getattr(writes, part) if w["source"] in gone]
            setattr(writes, part, [w for w in getattr(writes, part) if w["source"] not in gone])
    # Their rows' sources too, unless a row that stays cites the same one.
    cited = {w["source"] for part in (writes.organisations, writes.memberships, writes.persons)
             for w in part}  # fmt: skip
    for source in {w["source"] for w in dropped} - cited:
        writes.sources.pop(source, None)
    return refused
