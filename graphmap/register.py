"""Edits of the register: organisations, their contacts and their actions, as staff keep them.

Every edit is one transaction. Forms are validated with pydantic before anything is written;
a `FormError` carries one Dutch message per field, so a form can show it next to the field.
Text is cleaned of control characters and held to the lengths in `graphmap.limits` first.

An organisation's register fields carry a version: an edit states the version its form was
filled in from, and when someone else saved in between it is refused (`StaleEditError`,
"intussen gewijzigd door …") instead of silently overwriting the other edit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import BaseModel, ConfigDict, field_validator
from pydantic import ValidationError as PydanticError

from graphmap import access, audit, backup, dates, limits, users
from graphmap.errors import ConflictError, DuplicateKeyError, GraphChangedError, ValidationError
from graphmap.ingest import normalise, people
from graphmap.ingest.dedupe import name_key
from graphmap.ingest.municipalities import Municipality
from graphmap.ingest.seed import organisation_ids
from graphmap.names import folded
from graphmap.store import Store, Transaction

ROLES = {"lead": "register_link_lead", "partner": "register_link_partner"}
DOCUMENT = "graphmap-register"


class FormError(ValidationError):
    """A form with wrong fields: `fields` maps each field to what is wrong with it."""

    def __init__(self, fields: dict[str, str]):
        super().__init__("; ".join(f"{field}: {message}" for field, message in fields.items()))
        self.fields = fields


class StaleEditError(ConflictError):
    """The organisation was saved by someone else after this form was filled in."""

    def __init__(self, name: str, by: str | None, at: str | None):
        when = f" om {at[11:16]}" if at and len(at) >= 16 else ""
        super().__init__(
            f"{name} is intussen gewijzigd door {by or 'iemand anders'}{when}. Niet opgeslagen: "
            "het formulier toont nu de huidige gegevens; breng uw wijziging opnieuw aan."
        )


def _checked(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A normalise function as a pydantic validator: an empty field stays empty (None)."""

    def check(value: str) -> Any:
        if not value:
            return None
        try:
            return convert(value)
        except ValidationError as error:
            raise ValueError(str(error)) from None

    return check


def _required(message: str, length: int) -> Callable[[str], str]:
    """A pydantic validator for a field that must be filled in (at least `length` characters)."""

    def check(value: str) -> str:
        if len(value) < length:
            raise ValueError(message)
        return value

    return check


def _municipality(value: str) -> Municipality | None:
    if re.fullmatch(r"\d{4}", value):
        return normalise.municipality(postcode=value)
    return normalise.municipality(name=value)


class _Form(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True, arbitrary_types_allowed=True, validate_default=True
    )

    @classmethod
    def parse(cls, values: dict[str, Any]):
        # A form's fields are text (a date field's may be a date): a list, number or object is
        # no value of the form, and each field's check would fail on it as a server error.
        odd = {
            k: "geen tekst"
            for k, v in values.items()
            if k in cls.model_fields and not isinstance(v, str | date | None)
        }
        if odd:
            raise FormError(odd)
        values = {k: limits.clean(v) if isinstance(v, str) else v for k, v in values.items()}
        too_long = {
            k: problem
            for k, v in values.items()
            if isinstance(v, str)
            and (problem := limits.length_problem(v.strip(), limits.FIELDS.get(k, limits.TEXT)))
        }
        if too_long:  # before any other check: a 1 MB name is not worth parsing
            raise FormError(too_long)
        try:
            return cls(**{k: v if v is not None else "" for k, v in values.items()})
        except PydanticError as error:
            raise FormError(
                {
                    str(e["loc"][0]): str(e.get("ctx", {}).get("error", e["msg"]))
                    for e in error.errors()
                }
            ) from None


class OrganisationForm(_Form):
    """What the register form states about an organisation (names, not yet graph keys)."""

    name: str = ""
    category: str = ""
    municipality: Municipality | str | None = None
    kbo: str | None = None
    website: str | None = None

    _name = field_validator("name")(_required("vul de naam van de organisatie in", 2))
    _category = field_validator("category")(_required("kies een categorie", 1))
    _municipality = field_validator("municipality", mode="before")(_checked(_municipality))
    _kbo = field_validator("kbo", mode="before")(_checked(normalise.kbo))
    _website = field_validator("website", mode="before")(_checked(normalise.website))


class ContactForm(_Form):
    """A contact person of an organisation. Personal data: only what the work needs."""

    name: str = ""
    function: str | None = None
    email: str | None = None
    phone: str | None = None

    _name = field_validator("name")(_required("vul de naam van de contactpersoon in", 2))
    _function = field_validator("function", mode="before")(_checked(str))
    _email = field_validator("email", mode="before")(_checked(normalise.email))
    _phone = field_validator("phone", mode="before")(_checked(normalise.phone))


def _source(today: date) -> dict[str, str]:
    """Edits of one day share a Source: the register, that date."""
    day = today.isoformat()
    return {"id": f"{DOCUMENT}#{day}", "document": DOCUMENT, "section": day}


# -- reading --------------------------------------------------------------------------------


def organisations(store: Store) -> list[dict]:
    """Every organisation with category, seat, KBO and how many clusters/actions/contacts."""
    return store.read("register_organisations")


def organisation(store: Store, organisation_id: str) -> dict | None:
    """One organisation with its memberships, contacts and actions; None when unknown."""
    rows = store.read("register_organisation", organisation=organisation_id)
    if not rows:
        return None
    row = rows[0]
    for key in ("memberships", "contacts", "actions"):
        row[key] = [item for item in row[key] if item]
    row["memberships"].sort(key=lambda m: (m["zone"], m["cluster"]))
    row["contacts"].sort(key=lambda c: c["name"] or "")
    row["actions"].sort(key=lambda a: (a["zone"] or "", a["code"] or "", a["title"] or ""))
    return row


# -- editing --------------------------------------------------------------------------------


def save_organisation(
    store: Store,
    values: dict[str, Any],
    organisation_id: str | None = None,
    today: date | None = None,
    version: int | None = None,
    editor: str | None = None,
) -> str:
    """Add an organisation (no id) or change one; returns its id. An empty field clears it.

    `version` is the organisation's version the form was filled in from (`organisation()`
    gives it): when the organisation was saved since, StaleEditError. `editor` names who
    saves (default: the user running graphmap), for the next editor's message.
    """
    form = OrganisationForm.parse(values)
    source = _source(today or dates.today())
    editor = editor or access.cli_user()

    def work(tx: Transaction) -> str:
        categories = {row["key"]: row["name"] for row in tx.run("categories")}
        try:
            category = normalise.category(form.category, categories)
        except ValidationError as error:
            raise FormError({"category": str(error)}) from None
        if organisation_id is None:
            _refuse_twin(tx, form)
            target, query = _free_id(tx, form), "register_create_organisation"
        else:
            target, query = organisation_id, "register_save_organisation"
            [current] = tx.run("register_lock_organisation", organisation=target) or [None]
            if current is None:
                raise ValidationError(f"organisatie {organisation_id!r} bestaat niet (meer)")
            if version is not None and current["version"] != version:
                raise StaleEditError(current["name"], current["updated_by"], current["updated_at"])
        before = _state(tx, target) if organisation_id is not None else None
        if form.kbo:
            owners = tx.run("register_kbo_owners", kbo=form.kbo, organisation=target)
            if owners:
                raise FormError({"kbo": f"KBO-nummer {form.kbo} hoort al bij {owners[0]['name']}"})
        tx.run(
            query,
            organisation=target,
            org_name=form.name,
            folded=folded(form.name),
            kbo=form.kbo,
            website=form.website,
            source=source["id"],
            document=source["document"],
            section=source["section"],
            today=source["section"],
            editor=editor,
            now=dates.stamp(),
        )
        tx.run("import_categories", rows=[{"organisation": target, "category": category}])
        place = form.municipality
        if place is None:
            tx.run("register_unlocate", organisation=target)
        else:
            tx.run(
                "import_locations",
                rows=[
                    {
                        "organisation": target,
                        "nis": place.nis,
                        "name": place.name,
                        "province": place.province,
                    }
                ],
            )
        after = _state(tx, target)
        if after != before:
            audit.record(
                tx,
                by=editor,
                action="organisation.create" if before is None else "organisation.update",
                entity="Organisation",
                key=target,
                zones=access.organisation_zones(tx, [target]).get(target, ()),
                before=before,
                after=after,
            )
        return target

    return store.transaction(work)


def _state(tx: Transaction, organisation_id: str) -> dict | None:
    """An organisation's register fields, for its audit entry's before and after."""
    found = audit.organisation_states(tx, [organisation_id]).get(organisation_id)
    return {k: v for k, v in found.items() if k != "id"} if found else None


def _refuse_twin(tx: Transaction, form: OrganisationForm) -> None:
    """A new organisation with the name and seat of one that exists is that one saved again
    (a double click, two editors adding it at once: the second run of this transaction, after
    the first took the id, finds it here). The same name is the one the spreadsheet import
    merges by: case, accents, punctuation and legal form aside (name_key).

    With a seat, every organisation seated there is compared. Without one, only those found
    through an index: the one of exactly this name, and those whose id was made from a name
    of this spelling aside (as this form and the spreadsheet import make ids). An
    organisation without a seat named otherwise in its id (a plan's, one renamed since) is
    found by its exact name only."""
    key = name_key(form.name)
    if form.municipality is not None:
        twins = tx.run("register_twins_seated", nis=form.municipality.nis)
    else:
        twins = tx.run("register_twins_unseated", org_name=form.name, ids=_twin_ids(form.name))
    for twin in twins:
        if name_key(twin["name"] or "") == key:
            where = f" in {twin['municipality']}" if twin["municipality"] else ""
            raise FormError(
                {
                    "name": f"{twin['name']}{where} bestaat al (id {twin['id']}); open die "
                    "organisatie om ze te wijzigen"
                }
            )


def _twin_ids(name: str) -> list[str]:
    """The ids an organisation without a seat of this name, but for spelling, may have: those
    this form tries for it (_free_id), from the name and from the name without its legal form."""
    return sorted(
        {
            candidate
            for spelling in (name, name_key(name))
            for candidate in itertools.islice(organisation_ids(spelling), 50)
        }
    )


def _free_id(tx: Transaction, form: OrganisationForm) -> str:
    place = form.municipality.name if form.municipality is not None else None
    candidates = list(itertools.islice(organisation_ids(form.name, place), 50))
    taken = {row["id"] for row in tx.run("organisation_ids", ids=candidates)}
    return next(c for c in candidates if c not in taken)


def add_contact(
    store: Store,
    organisation_id: str,
    values: dict[str, Any],
    today: date | None = None,
    *,
    actor: str | None = None,
    user: access.User | None = None,
) -> str:
    """Add a contact person to an organisation; returns the person's id. `actor`: who adds
    (default: the user running graphmap); `user`, whose persons an e-mail address given is
    compared with (`access.persons_unseen`: another zone's makes no "staat al")."""
    actor = actor or access.cli_user()
    form = ContactForm.parse(values)
    key = people.key(form.name, organisation_id, form.email)
    source = _source(today or dates.today())

    def work(tx: Transaction) -> str:
        known = people.lock_and_match(tx, [organisation_id], [form.email or ""], user)
        if known is None:
            raise ValidationError(f"organisatie {organisation_id!r} bestaat niet (meer)")
        if key in known:
            field = "email" if form.email else "name"
            raise FormError({field: f"{form.email or form.name} staat al in het register"})
        person = people.new_id()
        tx.run("import_sources", rows=[source])
        written = tx.run(
            "import_persons",
            rows=[
                {
                    "id": person,
                    "name": form.name,
                    "email": form.email,
                    "phone": form.phone,
                    "function": form.function,
                    "organisation": organisation_id,
                    "source": source["id"],
                }
            ],
        )
        if not written or written[0]["written"] != 1:
            raise GraphChangedError(f"organisatie {organisation_id!r} bestaat niet (meer)")
        # The person's key only: their details are personal data, and erasure must erase.
        audit.record(
            tx,
            by=actor,
            action="contact.add",
            entity="Person",
            key=person,
            zones=access.organisation_zones(tx, [organisation_id]).get(organisation_id, ()),
            after={"organisatie": organisation_id},
        )
        return person

    return store.transaction(work)


ERASED = "(gewist)"
# Where the notes staff wrote live: per label, the properties `erasure_notes` reads.
NOTES = {
    "ContactMoment": ("note",),
    "NextStep": ("what", "owner", "done_note"),
    "EngagementChange": ("note",),
}


def _traces(details: dict) -> list[re.Pattern]:
    """How a note may name a contact person: their full name (also without a marker such as
    "(demo)"), their e-mail address, their phone number however it is written (+32 470 12 34
    56, 0470/12.34.56, 0032470123456).

    A name is matched whole and only where it has two words or more: "Marie-An Peeters" is
    someone else than "An Peeters", and a first name alone ("Jan") would take every Jan out
    of the notes, staff included."""
    name = " ".join((details.get("name") or "").split())
    names = {name, re.sub(r"\s*\([^)]*\)$", "", name)}
    found = [_words(n) for n in sorted(names, key=len, reverse=True) if len(n.split()) >= 2]
    email = (details.get("email") or "").strip()
    if email:
        found.append(re.compile(rf"(?<![\w.+-]){re.escape(email)}(?![\w-])", re.IGNORECASE))
    phone = _phone_pattern(details.get("phone"))
    return found + ([phone] if phone else [])


def _words(name: str) -> re.Pattern:
    """A name as a whole: not inside a longer word or a double name, any spaces between."""
    parts = r"\s+".join(re.escape(part) for part in name.split())
    return re.compile(rf"(?<![\w-]){parts}(?![\w-])", re.IGNORECASE)


def _phone_pattern(phone: str | None) -> re.Pattern | None:
    """A phone number's digits with whatever people write between them (spaces, dots,
    slashes, dashes, brackets), after its country code (+32, 0032) or a 0."""
    if not phone:
        return None
    try:
        number = phonenumbers.parse(phone, "BE")
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", phone)
        return re.compile(_digits(digits)) if len(digits) >= 6 else None
    country = str(number.country_code)
    prefix = rf"(?:(?:\+|00)\s?{country}[\s.()/-]{{0,3}}(?:0[\s.)/-]{{0,2}})?|\(?0)"
    return re.compile(rf"(?<![\d+]){prefix}{_digits(str(number.national_number))}(?!\d)")


def _digits(digits: str) -> str:
    return r"[\s.()/-]{0,2}".join(digits)


def _scrubbed(text: str | None, traces: list[re.Pattern]) -> str | None:
    """`text` without the traces, longest first (the name with its marker before the name
    without)."""
    for trace in traces:
        if text:
            text = trace.sub(ERASED, text)
    return text


def _scrub_notes(tx: Transaction, person_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Take the person out of the notes about their organisations (moments, next steps,
    engagement changes), before the person is deleted; returns what changed, by (label, key),
    for the backups."""
    details = tx.run("erasure_person", person=person_id)
    traces = _traces(details[0]) if details else []
    changed: dict[tuple[str, str], dict[str, Any]] = {}
    for row in tx.run("erasure_notes", person=person_id) if traces else ():
        for label, key in ((row["label"], row["id"]), ("NextStep", row["step"])):
            if key is None or (label, key) in changed:
                continue
            texts = {name: row[name] for name in NOTES[label]}
            scrubbed = {name: _scrubbed(text, traces) for name, text in texts.items()}
            if scrubbed != texts:
                changed[(label, key)] = scrubbed
    rows = {label: [] for label in NOTES}
    for (label, key), texts in changed.items():
        rows[label].append({"id": key, **texts})
    for label, query in (
        ("ContactMoment", "erasure_scrub_moments"),
        ("NextStep", "erasure_scrub_steps"),
        ("EngagementChange", "erasure_scrub_changes"),
    ):
        if rows[label]:
            tx.run_rows(query, rows[label])
    return changed


def remove_contact(store: Store, person_id: str, *, actor: str | None = None) -> None:
    """Erase a contact person: from the graph, from the database's files, from the backups.

    The notes about their organisations (contact moments, next steps, engagement changes)
    lose their name, e-mail address and phone number (each becomes "(gewist)"). After the
    erasure has committed, the database drops its log (and, for an id made from personal
    data before ids were random, rebuilds its index of person ids), and the daily backups in
    the data folder lose the person and those texts too. The audit entry names the person
    by their key, and not at all when that key was made from their e-mail address or name;
    earlier entries that name them by such a key lose it too.
    """
    actor = actor or access.cli_user()

    def work(tx: Transaction) -> dict[tuple[str, str], dict[str, Any]] | None:
        owners = access.person_organisations(tx, person_id)
        # Lock their organisations before reading the notes about them: a note written
        # meanwhile (by another process: a contact moment, a status change) locks its
        # organisation too, so the two meet, and the notes read are all there are.
        tx.run("lock_organisations", ids=sorted(owners))
        scrubbed = _scrub_notes(tx, person_id)
        removed = tx.run("register_remove_contact", person=person_id)
        if not removed or not removed[0]["removed"]:
            return None  # nobody to erase (erased already): nothing changed
        zones = access.organisation_zones(tx, owners)
        if not people.generated(person_id):
            tx.run("register_unkey_audit", person=person_id)
        audit.record(
            tx,
            by=actor,
            action="contact.erase",
            entity="Person",
            key=person_id if people.generated(person_id) else None,
            zones=[zone for found in zones.values() for zone in found],
            before={"organisaties": sorted(owners)},
        )
        return scrubbed

    scrubbed = store.transaction(work)
    try:
        store.forget(rebuild_person_key=not people.generated(person_id))
    finally:  # a log that would not empty (an error says so) leaves the backups to scrub
        if store.data_dir is not None:
            folder = store.data_dir / backup.DAILY_FOLDER
            backup.forget(
                folder,
                "Person",
                person_id,
                unkey_audit=not people.generated(person_id),
                rewrite=_backup_notes(folder, person_id) if scrubbed is None else scrubbed,
            )


def _backup_notes(folder: Path, person_id: str) -> Callable[[dict], dict] | dict:
    """For an erasure cut short (the person was gone from the graph already, and with them
    what the notes were scrubbed of): the backups' notes lose what the person's node in the
    backups says of them. Every note there, not only those about their organisations."""
    details = backup.held(folder, "Person", person_id)
    if not details:
        return {}
    traces = _traces(details)

    def scrub(node: dict) -> dict:
        properties = node["properties"]
        return {
            name: _scrubbed(properties.get(name), traces)
            for label in node["labels"]
            for name in NOTES.get(label, ())
            if properties.get(name)
        }

    return scrub


def persons(store: Store, given: str) -> list[str]:
    """The contact persons `given` names: an id, or an e-mail address (case aside: every
    person with that address). An id the graph no longer holds while the daily backups do
    is one too: its erasure was cut short after it committed, and `remove_contact` of it
    finishes what remained (the database's log, the backups)."""
    given = given.strip()
    if "@" in given:
        return sorted(r["id"] for r in store.read("persons_by_email", emails=[given.lower()]))
    if store.read("register_person", person=given):
        return [given]
    folder = store.data_dir / backup.DAILY_FOLDER if store.data_dir is not None else None
    return [given] if folder is not None and backup.held(folder, "Person", given) else []


def restore(
    store: Store,
    lines: Iterable[str | bytes],
    replace: bool = False,
    name: str = "backup",
    *,
    actor: str | None = None,
) -> dict[str, int]:
    """Restore a backup (`backup.restore`) without undoing an erasure or a change of a user:
    a backup older than an erasure holds the person, and the graph it replaces holds the
    erasure's audit entry; a backup older than a user's new password, role or being disabled
    holds the user as they were, and their sessions of then would count again.

    In the restore's transaction, the erasures the graph records and its users are read
    first; once the file is loaded, each person they name (by a random key) is erased again,
    with the notes about them, the store's users take the place of the file's (a store with
    no users, as on a new machine, takes the file's), and the audit entries of erasures and
    of users that the file lacks are written again, so that a later restore keeps them too.
    Then the database drops its log, as after an erasure. The restore itself is an entry
    of the restored audit, by `actor`. The counts say how many persons were erased again
    (`erased`) and how many users were kept (`users`).
    """
    actor = actor or access.cli_user()

    def keeping(tx: Transaction) -> Callable[[Transaction], tuple[int, int]]:
        entries = tx.run("audit_kept_by_restore")
        erasures = [row for row in entries if row["action"] == "contact.erase"]
        put_back_users = users.kept_through_restore(tx)

        def again(tx: Transaction) -> tuple[int, int]:
            held = {row["id"] for row in tx.run("audit_kept_by_restore")}
            audit.record_all(tx, [row for row in entries if row["id"] not in held])
            erased = 0
            for person in sorted({row["key"] for row in erasures if row["key"]}):
                _scrub_notes(tx, person)
                erased += tx.run("register_remove_contact", person=person)[0]["removed"]
            kept_users = put_back_users(tx)
            audit.record(
                tx,
                by=actor,
                action="restore",
                entity="backup",
                key=name,
                after={"opnieuw gewist": erased, "gebruikers behouden": kept_users},
            )
            return erased, kept_users

        return again

    counts = backup.restore(store, lines, replace=replace, name=name, keeping=keeping)
    erased, kept_users = counts.pop("kept")
    if erased:
        store.forget()
    return {**counts, "erased": erased, "users": kept_users}


class StaleLinkError(ConflictError):
    """The organisation's role in the action changed after the form showed it."""

    def __init__(self, action: str, roles: list[str], by: str | None, at: str | None, undone: str):
        when = f" om {at[11:16]}" if at and len(at) >= 16 else ""
        now = " en ".join(ROLE_LABELS[r] for r in roles) or "niet gekoppeld"
        super().__init__(
            f"De rol in actie {action} is intussen gewijzigd door {by or 'iemand anders'}"
            f"{when}: nu {now}. Niet {undone}: kies opnieuw wat het moet zijn."
        )


ROLE_LABELS = {"lead": "trekker", "partner": "partner"}
ROLE_OF = {"LEADS": "lead", "PARTNER_IN": "partner"}


def link_action(
    store: Store,
    organisation_id: str,
    action_id: str,
    role: str,
    today: date | None = None,
    *,
    actor: str | None = None,
    shown: Iterable[str] | None = None,
) -> bool:
    """Make an organisation the trekker (`lead`) or a partner of an action; False when it
    already is just that (nothing written).

    `shown`: the roles the form showed it in (none: not linked). When another writer changed
    them since, StaleLinkError names who: the last to save does not silently undo the
    other's change."""
    if not isinstance(role, str) or role not in ROLES:
        raise ValidationError(f"onbekende rol {role!r:.80}; kies trekker (lead) of partner")
    actor = actor or access.cli_user()
    source = _source(today or dates.today())["id"]

    def work(tx: Transaction) -> bool:
        roles = _roles_as_shown(tx, organisation_id, action_id, shown, "gekoppeld", role)
        if roles == [role]:
            return False
        rows = tx.run(
            ROLES[role],
            organisation=organisation_id,
            action=action_id,
            source=source,
            by=actor,
            at=dates.stamp(),
        )
        if not rows:
            raise ValidationError(f"geen organisatie {organisation_id!r} of actie {action_id!r}")
        audit.record(
            tx,
            by=actor,
            action="action.link",
            entity="Action",
            key=action_id,
            zones=access.action_zones(tx, action_id),
            after={"organisatie": organisation_id, "rol": role},
        )
        return True

    return store.transaction(work)


def _roles_as_shown(
    tx: Transaction,
    organisation_id: str,
    action_id: str,
    shown: Iterable[str] | None,
    undone: str,
    role: str | None = None,
) -> list[str]:
    """The organisation's roles in the action now, under the organisation's lock; a
    StaleLinkError when they are not those `shown` (and not `role`, the one asked for)."""
    if not tx.run("register_lock_organisation", organisation=organisation_id):
        raise ValidationError(f"geen organisatie {organisation_id!r} of actie {action_id!r}")
    now = tx.run("action_roles", organisation=organisation_id, action=action_id)
    roles = sorted(ROLE_OF[r["type"]] for r in now)
    if shown is not None and roles != sorted(set(shown)) and roles != [role]:
        latest = max(now, key=lambda r: r["at"] or "", default={})
        raise StaleLinkError(action_id, roles, latest.get("by"), latest.get("at"), undone)
    return roles


def unlink_action(
    store: Store,
    organisation_id: str,
    action_id: str,
    *,
    actor: str | None = None,
    shown: Iterable[str] | None = None,
) -> None:
    """Take an organisation off an action, whatever its role. `shown`: as `link_action`,
    the roles the form showed (another writer's change since is not undone unseen)."""
    actor = actor or access.cli_user()

    def work(tx: Transaction) -> None:
        _roles_as_shown(tx, organisation_id, action_id, shown, "ontkoppeld")
        removed = tx.run("register_unlink_action", organisation=organisation_id, action=action_id)
        if removed and removed[0]["removed"]:
            audit.record(
                tx,
                by=actor,
                action="action.unlink",
                entity="Action",
                key=action_id,
                zones=access.action_zones(tx, action_id),
                before={"organisatie": organisation_id},
            )

    store.transaction(work)


def add_organisations(store: Store, rows: list[dict]) -> int:
    """Add new organisations by id; all or none are written.

    A row has id, name, category, kbo and website, and optionally municipality (a NIS code).
    """
    ids = [row["id"] for row in rows]
    fields = ("id", "name", "category", "kbo", "website")
    organisations = [
        {key: row.get(key) for key in fields} | {"folded": folded(row["name"])} for row in rows
    ]
    seats = [
        {"id": row["id"], "municipality": row["municipality"]}
        for row in rows
        if row.get("municipality")
    ]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValidationError(f"id van organisatie komt twee keer voor: {', '.join(twice)}")

    def work(tx) -> int:
        created = tx.run("create_organisations", rows=organisations)
        count = created[0]["created"] if created else 0
        if count != len(rows):
            # A row whose category does not exist matches nothing: refuse the whole batch.
            raise ValidationError("onbekende categorie bij een van de organisaties")
        located = tx.run("locate_organisations", rows=seats) if seats else [{"located": 0}]
        if located[0]["located"] != len(seats):
            raise ValidationError("onbekende gemeente (NIS-code) bij een van de organisaties")
        return count

    try:
        return store.transaction(work)
    except DuplicateKeyError as error:
        existing = store.read("organisation_ids", ids=ids)
        names = ", ".join(row["id"] for row in existing) or "?"
        raise DuplicateKeyError(f"een organisatie met deze id bestaat al: {names}") from error
