"""Contact moments and next steps: what a zone's staff did with a partner, and what is due.

A `ContactMoment` (kind, `on` the day, `at` when recorded, `by` whom, a short note) belongs to
the zone whose staff made it (`OF_ZONE`), is `ABOUT` an organisation and optionally
`WITH_PERSON` one of its contact persons; it may `PLANS` one `NextStep` (what, due, owner).
Marking a step done is an event too: `done_on`, `done_at`, `done_by` and a note are written
once, in one transaction, and never overwritten. Erasing a contact person removes the
`WITH_PERSON` link with the person; the moment stays, without them.

Everything that depends on the date takes `today`, so tests and reports can fix it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
from pydantic import field_validator

from graphmap import access, audit, dates, engagement
from graphmap.errors import ValidationError
from graphmap.model import MOMENT_KINDS
from graphmap.register import FormError, _Form
from graphmap.store import Store, Transaction
from graphmap.style import CLUSTER_NAMES, MOMENT_KIND_LABELS, STATUS_LABELS

STEP_MAX = 200  # characters of a next step: one line in a calendar
OWNER_MAX = 100


def _optional_date(value: Any) -> date | None:
    try:
        return dates.parse(value, "datum")
    except ValidationError:
        raise ValueError("geen geldige datum (JJJJ-MM-DD)") from None


def _at_most(limit: int, what: str):
    def check(value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is not None and len(value) > limit:
            raise ValueError(f"{what} is te lang ({len(value)} tekens, hoogstens {limit})")
        return value

    return check


class MomentForm(_Form):
    """A contact moment as staff note it, with an optional next step."""

    kind: str = ""
    on: date | None = None
    person: str | None = None
    note: str | None = None
    what: str | None = None
    due: date | None = None
    owner: str | None = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in MOMENT_KINDS:
            raise ValueError(f"kies een soort: {', '.join(MOMENT_KINDS)}")
        return value

    _on = field_validator("on", "due", mode="before")(_optional_date)
    _person = field_validator("person", mode="before")(_at_most(200, "de contactpersoon"))
    _note = field_validator("note", mode="before")(_at_most(engagement.NOTE_MAX, "de notitie"))
    _what = field_validator("what", mode="before")(_at_most(STEP_MAX, "de volgende stap"))
    _owner = field_validator("owner", mode="before")(_at_most(OWNER_MAX, "de naam"))

    def checked(self, today: date, actor: str) -> MomentForm:
        """The rules across fields, and the defaults: today, the actor as the step's owner."""
        errors = {}
        on = self.on or today
        if on > today:
            errors["on"] = f"{dates.short(on)} ligt in de toekomst"
        if self.what and not self.due:
            errors["due"] = "geef de volgende stap een datum"
        if self.due and not self.what:
            errors["what"] = "beschrijf de volgende stap"
        if self.due and self.due < on:
            errors["due"] = "de volgende stap valt vóór het contactmoment"
        if errors:
            raise FormError(errors)
        owner = (self.owner or actor) if self.what else None
        return self.model_copy(update={"on": on, "owner": owner})


def record_moment(
    store: Store,
    organisation: str,
    zone: str,
    values: dict[str, Any],
    *,
    actor: str,
    today: date | None = None,
) -> dict:
    """Record a contact moment (and its next step) in one transaction.

    `values` holds the form's fields: kind, on, person (a contact person's id), note, and for a
    next step what, due and owner (default: the actor). Returns the ids written.
    """
    if not actor:
        raise ValidationError("every change needs a user who makes it")
    form = MomentForm.parse(values).checked(today or dates.today(), actor)
    at = dates.now()
    moment = engagement.new_id()

    def work(tx: Transaction) -> dict:
        written = tx.run(
            "record_moment",
            id=moment,
            zone=zone,
            organisation=organisation,
            kind=form.kind,
            on=form.on.isoformat(),
            at=at,
            by=actor,
            note=form.note,
        )
        if not written:
            raise ValidationError(f"geen zone {zone!r} of geen organisatie {organisation!r}")
        result = {"moment": moment, "organisation_name": written[0]["organisation_name"]}
        if form.person and not tx.run(
            "moment_person", moment=moment, organisation=organisation, person=form.person
        ):
            raise FormError({"person": "geen contactpersoon van deze organisatie"})
        if form.what:
            step = engagement.new_id()
            tx.run(
                "moment_next_step",
                moment=moment,
                id=step,
                what=form.what,
                due=form.due.isoformat(),
                owner=form.owner,
                at=at,
            )
            result["step"] = step
        # The moment's key, not its note or person: the moment holds those (and erasure
        # removes the person from it).
        audit.record(
            tx,
            by=actor,
            action="moment.record",
            entity="ContactMoment",
            key=moment,
            zones=[zone],
            after={"organisatie": organisation, "volgende_stap": result.get("step")},
            at=at,
        )
        return result

    return store.transaction(work)


def complete_step(
    store: Store,
    step: str,
    *,
    actor: str,
    on: date | str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> dict:
    """Mark a next step done (once: a step already done keeps who did it and when)."""
    if not actor:
        raise ValidationError("every change needs a user who makes it")
    day = engagement.check_day(on, today or dates.today())
    note = engagement.check_note(note)

    def work(tx: Transaction) -> dict:
        at = dates.now()
        rows = tx.run("complete_step", step=step, on=day.isoformat(), at=at, by=actor, note=note)
        if not rows:
            raise ValidationError(f"geen volgende stap {step!r}")
        if rows[0]["completed"]:  # a step already done changed nothing: nothing to record
            audit.record(
                tx,
                by=actor,
                action="step.done",
                entity="NextStep",
                key=step,
                zones=access.step_zones(tx, step),
                before={"afgerond": False},
                after={"afgerond": day.isoformat()},
                at=at,
            )
        return rows[0]

    done = store.transaction(work)
    if not done["completed"]:
        raise ValidationError(
            f"deze stap is al afgerond op {dates.short(done['done_on'])} door {done['done_by']}"
        )
    return done


def open_steps(
    store: Store,
    zone: str | None = None,
    *,
    today: date,
    owner: str | None = None,
    overdue: bool = False,
) -> list[dict]:
    """Next steps not done yet, overdue first (by due date); `owner` keeps one person's only,
    `overdue` only those whose day has passed. Each step says whether it is overdue."""
    rows = store.read("open_steps_zone", zone=zone) if zone else store.read("open_steps_all")
    steps = []
    for row in rows:
        due = dates.parse(row["due"], "due")
        late = (today - due).days if due < today else 0
        steps.append({**row, "overdue": late > 0, "days_late": late})
    if owner is not None:
        steps = [s for s in steps if s["owner"] == owner]
    if overdue:
        steps = [s for s in steps if s["overdue"]]
    return sorted(steps, key=lambda s: (s["due"], s["zone"], s["organisation_name"] or ""))


def contact_persons(store: Store, organisation: str) -> list[dict]:
    """Whom a moment with this organisation can name: its contact persons (id, name, function)."""
    return store.read("organisation_contacts", organisation=organisation)


def labelled_step(step: dict) -> dict:
    """A step with the words staff read: how late it is, the kind of the moment."""
    late = step["days_late"]
    return {
        **step,
        "late": f"{late} dag{'en' if late != 1 else ''}" if late else "",
        "kind": MOMENT_KIND_LABELS.get(step["kind"], step["kind"]),
    }


def moments(
    store: Store,
    zone: str | None = None,
    organisation: str | None = None,
    since: date | str | None = None,
) -> list[dict]:
    """Contact moments of a zone or of an organisation, newest first (since a day, if given)."""
    if organisation is not None:
        rows = store.read("moments_organisation", organisation=organisation)
        if zone is not None:
            rows = [r for r in rows if r["zone"] == zone]
    elif zone is not None:
        rows = store.read("moments_zone", zone=zone)
    else:
        raise ValidationError("give a zone or an organisation")
    first = dates.parse(since, "since")
    if first is not None:
        rows = [r for r in rows if r["on"] >= first.isoformat()]
    return sorted(rows, key=lambda r: (r["on"], r["at"]), reverse=True)


def changes_since(store: Store, zone: str, since: date | str) -> list[dict]:
    """What happened in a zone since a day, newest first: engagement changes, contact moments
    and next steps done. Each item has on, at, kind, organisation_name, text, by, note, and
    for a step done the step (`what`, kept apart from `text` so that `access.shown` can hide
    it: the words of a next step are the follow-up's, not the engagement's)."""
    first = dates.parse(since, "since").isoformat()
    items = [
        {
            "zone": change["zone"],
            "on": change["on"],
            "at": change["at"],
            "kind": "engagement",
            "organisation": change["organisation"],
            "organisation_name": change["organisation_name"],
            "text": f"{CLUSTER_NAMES[change['cluster']]}: "
            f"{STATUS_LABELS.get(change['from_status'], 'nieuw')} → "
            f"{STATUS_LABELS[change['to_status']]}",
            "by": change["by"],
            "note": change["note"],
        }
        for change in engagement.history(store, zone=zone, since=first)
    ]
    for moment in store.read("moments_zone", zone=zone):
        common = {
            "zone": moment["zone"],
            "organisation": moment["organisation"],
            "organisation_name": moment["organisation_name"],
        }
        if moment["on"] >= first:
            items.append(
                {
                    **common,
                    "on": moment["on"],
                    "at": moment["at"],
                    "kind": "moment",
                    "text": f"contactmoment ({MOMENT_KIND_LABELS[moment['kind']]})",
                    "by": moment["by"],
                    "note": moment["note"],
                }
            )
        if moment["done_on"] and moment["done_on"] >= first:
            items.append(
                {
                    **common,
                    "on": moment["done_on"],
                    "at": moment["done_at"],
                    "kind": "done",
                    "text": "stap afgerond",
                    "what": moment["what"],
                    "by": moment["done_by"],
                    "note": moment["done_note"],
                }
            )
    return sorted(items, key=lambda i: (i["on"], i["at"] or ""), reverse=True)


def ics_bytes(steps: list[dict], stamp: datetime | None = None) -> bytes:
    """Open next steps as an iCalendar file: one all-day entry per step on its due day.

    The UID is the step's id, so importing the file again updates the entries instead of
    doubling them.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//graphmap//opvolging//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "graphmap: volgende stappen")
    stamp = stamp or datetime.now(UTC)
    for step in steps:
        due = dates.parse(step["due"], "due")
        event = icalendar.Event()
        event.add("uid", f"{step['id']}@graphmap")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", f"{step['organisation_name']}: {step['what']}")
        lines = [
            f"Zone: {step['zone_name']}",
            f"Eigenaar: {step['owner']}",
            f"Afgesproken bij {MOMENT_KIND_LABELS[step['kind']]} op {dates.short(step['on'])}"
            + (f" met {step['person_name']}" if step.get("person_name") else ""),
        ]
        if step.get("note"):
            lines.append(f"Notitie: {step['note']}")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
        calendar.add_component(event)
    return calendar.to_ical()
