"""The audit trail: who changed what, when, from what to what — for accountability.

Every change writes an `AuditEntry` **inside the transaction of the change** (`record(tx,
…)` from the change's own `work` function): a change that rolls back leaves no entry, a
change retried after a lost conflict leaves the one entry of the run that committed, and an
entry never exists without its change.

An entry holds `at` (UTC), `by` (the acting user's name; `cli:NAME` from the command line),
`action` (what kind of change, see ACTIONS), `entity` and `key` (the label and key of what
changed), `zones` (the zones it concerns, as they were: a property, not a link to the Zone,
so an entry keeps saying it after a reset), and `before` and `after` as JSON texts. It is
also linked to the `Log` of each of those zones (`IN_LOG`), a node keyed by the zone's id
that a reset keeps: one zone's audit is read from its log, not from every entry there is.

One fact in one place: an engagement change's entry does not copy the change but points at
its `EngagementChange` (`change`), which holds from → to; a contact moment's entry names the
moment by its key. An import's row that adds an organisation with its membership is one act
and one entry: the organisation's register fields, pointing at the change of its membership,
so it is listed as an engagement change too. Personal data never enters the audit: a contact
person is named by their key only (and a key made from their e-mail address before keys were
random, not at all), so that erasure stays erasure. A password is never in it either, nor its hash.

An entry says what was done at the time, though. Before its change is altered (a change
dated earlier was recorded after it, and the change now starts from that one's status),
removed (a back-dated change to the same status took its place) or deleted by a reset of the
data, the entry takes the change's `from_status`, `to_status` and day (`change_on`) as its
own, in that same transaction, and from then on reads those.

Exports are recorded the same way (who, which list, how many rows), in their own
transaction, since an export changes nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from graphmap import dates
from graphmap.style import STATUS_LABELS

# A membership's status set: the kind of entry that points at an EngagementChange.
CHANGE = "engagement.change"

# What each kind of entry records, as the Logboek and `graphmap audit` name it.
ACTIONS = {
    "organisation.create": "organisatie toegevoegd",
    "organisation.update": "organisatie gewijzigd",
    CHANGE: "betrokkenheid gewijzigd",
    "contact.add": "contactpersoon toegevoegd",
    "contact.erase": "contactpersoon gewist",
    "action.link": "gekoppeld aan actie",
    "action.unlink": "ontkoppeld van actie",
    "moment.record": "contactmoment vastgelegd",
    "step.done": "volgende stap afgerond",
    "import": "lijst geïmporteerd",
    "import.row": "geïmporteerd",
    "plan.import": "plan geïmporteerd",
    "zone.create": "zone aangemaakt",
    "seed": "seed geladen",
    "restore": "back-up teruggezet",
    "user.add": "gebruiker toegevoegd",
    "user.set-role": "rol gewijzigd",
    "user.set-zones": "zones gewijzigd",
    "user.disable": "gebruiker uitgeschakeld",
    "user.enable": "gebruiker ingeschakeld",
    "user.reset-password": "wachtwoord vernieuwd",
    "export": "export",
}
# The words of `before` and `after` as staff read them (the data keeps the code's own).
WORDS = {
    "name": "naam",
    "kbo": "KBO",
    "category": "categorie",
    "municipality": "gemeente",
    "email": "e-mail",
    "phone": "telefoon",
    "function": "functie",
    "organisations": "organisaties",
    "contacts": "contactpersonen",
    "new": "nieuw",
    "updated": "bijgewerkt",
    "unchanged": "ongewijzigd",
    "rejected": "geweigerd",
    "sources": "bronnen",
    "goals": "doelstellingen",
    "actions": "acties",
    "leads": "trekkers",
    "partners": "partners",
    "seats": "zetels",
    "municipalities": "gemeenten",
    "clusters": "clusters",
    "expectations": "verwachtingen",
    "targets": "streefdoelen",
    "volgende_stap": "volgende stap",
}
# The values that are words of the code rather than data: yes/no, and an import's kind.
VALUES = {True: "ja", False: "nee", "organisations": "organisaties", "contacts": "contactpersonen"}
LIMIT = 5_000  # entries a list shows at most (newest first); the CLI can ask for all
COLUMNS = {
    "at": "Wanneer (UTC)",
    "by": "Door",
    "label": "Wat",
    "entity": "Soort",
    "key": "Sleutel",
    "zones": "Zones",
    "before": "Voor",
    "after": "Na",
}
# The Logboek page's exports: the time on the Belgian clock, as the page shows it (staff in
# Flanders read local time; `graphmap audit` keeps UTC, see COLUMNS).
PAGE_COLUMNS = {"when": "Wanneer", **{k: v for k, v in COLUMNS.items() if k != "at"}}


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def entry(
    *,
    by: str,
    action: str,
    entity: str | None = None,
    key: str | None = None,
    zones: Iterable[str] = (),
    before: Any = None,
    after: Any = None,
    change: str | None = None,
    at: str | None = None,
) -> dict:
    """One entry as `record` writes it (for a batch, build several and `record_all`)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not by:
        raise ValueError("an audit entry needs the user who acted")
    zones = list(zones)
    if not all(isinstance(z, str) for z in zones):
        # Each zone becomes a Log node and a string every reader joins: a request's `true`
        # or list kept here made the whole audit unreadable (qa17).
        raise TypeError(f"an audit entry's zones are zone ids, not {zones!r:.80}")
    return {
        "id": uuid.uuid4().hex,
        "at": at or dates.now(),
        "by": by,
        "action": action,
        "entity": entity,
        "key": key,
        "zones": sorted({z for z in zones if z}),
        "before": _json(before),
        "after": _json(after),
        "change": change,
    }


def record(tx, **fields) -> str:
    """Write one entry inside the change's transaction `tx`; returns its id."""
    row = entry(**fields)
    record_all(tx, [row])
    return row["id"]


def organisation_states(tx, organisations: list[str]) -> dict[str, dict]:
    """The register fields of these organisations (those that exist), by id: what their
    audit entries record as before and after."""
    rows = tx.run("organisation_state", organisations=list(organisations))
    return {row["id"]: row for row in (rows[0]["states"] if rows else [])}


def record_all(tx, rows: list[dict]) -> None:
    """Write entries made with `entry` inside `tx`: one query for the entries of the same
    zones (an import's are all of one zone), each linked to those zones' logs."""
    by_zones: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        by_zones.setdefault(tuple(row["zones"]), []).append(row)
    for zones, same in by_zones.items():
        tx.run_rows("audit_record", same, zones=list(zones))


def record_export(
    store, *, by: str, what: str, fmt: str, rows: int, zones: Iterable[str] = ()
) -> None:
    """An export: who, which list, in what format, how many rows (its own transaction)."""
    fields = {"by": by, "action": "export", "entity": "export", "key": what, "zones": zones}
    fields["after"] = {"lijst": what, "formaat": fmt, "rijen": rows}
    store.transaction(lambda tx: record(tx, **fields))


# -- reading -------------------------------------------------------------------------------------


def _kind_of(name: str, action: str) -> bool:
    """Whether an action `name` is of the kind `action` (its name or what it starts with)."""
    return name == action or name.startswith(action + ".")


# The queries of `entries` and `count`: of all zones, and of one zone.
_QUERIES = {
    False: ("audit_entries", "audit_count"),
    True: ("audit_zone_entries", "audit_zone_count"),
}


def _filters(zone, since, action) -> tuple[tuple[str, str], dict]:
    first = dates.parse(since, "since") if since else None
    params = {"since": first.isoformat() if first else "", "action": action or ""}
    # An import's new organisation is one entry that also points at its membership's change:
    # it is an engagement change too.
    params["changes"] = bool(action) and _kind_of(CHANGE, action)
    return _QUERIES[bool(zone)], {**params, "zone": zone} if zone else params


def entries(
    store,
    zone: str | None = None,
    since: date | datetime | str | None = None,
    action: str | None = None,
    limit: int | None = LIMIT,
    skip: int = 0,
    zone_names: dict[str, str] | None = None,
) -> list[dict]:
    """The audit, newest first: of a zone or all, since a day, of one kind of action (its
    name or what it starts with, e.g. "engagement"); `limit` entries from the `skip`th; the
    zones named by `zone_names` (see `readable`).

    The kind is chosen by the query, before the limit: the newest of that kind, not those of
    that kind among the newest of all."""
    (query, _), params = _filters(zone, since, action)
    rows = store.read(query, **params, skip=skip, limit=limit or 10**9)
    return [readable(r, zone_names) for r in rows]


def count(
    store,
    zone: str | None = None,
    since: date | datetime | str | None = None,
    action: str | None = None,
) -> int:
    """How many entries `entries` finds with these filters and no limit."""
    (_, query), params = _filters(zone, since, action)
    return store.read(query, **params)[0]["total"]


def _text(value: Any, key: str | None = None) -> str:
    if value is None or value == {}:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{WORDS.get(k, k)}: {_text(v, k)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    # A name is data ("new" may be one); only a yes/no or an import's kind is translated.
    if isinstance(value, bool) or key == "soort":
        return VALUES.get(value, str(value))
    return str(value)


def readable(row: dict, zone_names: dict[str, str] | None = None) -> dict:
    """An entry with its before and after as data and as text, and the words staff read:
    its zones by `zone_names` (id → name) where given, by id where a zone is not (any more)
    in the graph.

    An engagement change's before and after are its change's from and to (the query reads
    the entry's own when it holds them, see above), after what else the entry holds (an
    import's new organisation: its register fields)."""
    before = json.loads(row["before"]) if row.get("before") else None
    after = json.loads(row["after"]) if row.get("after") else None
    if row.get("change"):
        before = {**(before or {}), "status": STATUS_LABELS.get(row.get("from_status"), "nieuw")}
        to = row.get("to_status")
        after = {**(after or {}), "status": STATUS_LABELS.get(to, to)}
        if row.get("change_on"):
            after["op"] = row["change_on"]
    return {
        "id": row["id"],
        "at": row["at"],
        "when": dates.moment(row["at"]),
        "by": row["by"],
        "action": row["action"],
        "label": ACTIONS.get(row["action"], row["action"]),
        "entity": row.get("entity") or "",
        "key": row.get("key") or "",
        "zones": ", ".join(str((zone_names or {}).get(z, z)) for z in row.get("zones") or []),
        "change": row.get("change"),
        "before_data": before,
        "after_data": after,
        "before": _text(before),
        "after": _text(after),
    }
