"""Who do I invite? The contact list of an action, a goal or a cluster.

One row per person, deduplicated on e-mail; organisations without anybody reachable are
listed apart, so that nobody is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers

from graphmap.errors import ValidationError
from graphmap.model import CLUSTER_KEYS
from graphmap.store import Store
from graphmap.style import STATUS_LABELS

ROLE_ORDER = ("trekker", "partner", "contactpersoon")


@dataclass
class ContactList:
    title: str
    people: list[dict] = field(default_factory=list)
    unreachable: list[dict] = field(default_factory=list)


def display_phone(phone: str | None) -> str | None:
    """Belgian numbers in their national form (089 00 00 01), others internationally. Not
    kept between calls: a kept number would outlive its person's erasure in the process."""
    if not phone:
        return phone
    try:
        number = phonenumbers.parse(phone, "BE")
    except phonenumbers.NumberParseException:
        return phone
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 32
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def _collect(title: str, rows: list[dict], phones: dict | None = None) -> ContactList:
    """`phones`: numbers formatted earlier in the same call (raw → shown), shared by the
    lists of one `per_action`."""
    phones = {} if phones is None else phones
    people: dict[str, dict] = {}
    reachable_orgs, orgs = set(), {}
    for row in rows:
        if row.get("organisation"):
            orgs[row["organisation"]] = row
        if not row.get("person") or not (row.get("email") or row.get("phone")):
            continue
        reachable_orgs.add(row.get("organisation"))
        key = (row["email"] or "").casefold() or f"{row['name']}|{row.get('organisation')}"
        person = people.get(key)
        if person is None:  # a person comes once per action they are on: formatted once
            phone = row.get("phone")
            if phone not in phones:
                phones[phone] = display_phone(phone) or ""
            person = people[key] = {
                "name": row["name"],
                "organisation": row.get("organisation_name") or "",
                "function": row.get("function") or "",
                "email": row.get("email") or "",
                "phone": phones[phone],
                "roles": set(),
                "clusters": set(),
                "actions": set(),
            }
        person["roles"].add(row["role"])
        person["clusters"].update(row.get("clusters") or [])
        if row.get("action_code"):
            person["actions"].add(row["action_code"])
    listed = [
        {
            **p,
            "role": ", ".join(r for r in ROLE_ORDER if r in p["roles"])
            or ", ".join(sorted(p["roles"])),
            "cluster": ", ".join(sorted(p["clusters"])),
            "action": ", ".join(sorted(p["actions"])),
        }
        for p in people.values()
    ]
    for person in listed:
        del person["roles"], person["clusters"], person["actions"]
    listed.sort(
        key=lambda p: (
            ROLE_ORDER.index(p["role"].split(", ")[0])
            if p["role"].split(", ")[0] in ROLE_ORDER
            else 9,
            p["organisation"],
            p["name"],
        )
    )
    unreachable = sorted(
        (
            {
                "organisation": row["organisation_name"],
                "role": row["role"],
                "cluster": ", ".join(row.get("clusters") or []),
            }
            for org_id, row in orgs.items()
            if org_id not in reachable_orgs
        ),
        key=lambda o: o["organisation"],
    )
    return ContactList(title, listed, unreachable)


def action_rows(store: Store, action_ids: list[str]) -> list[dict]:
    """Everyone to invite for these actions: one row per (action, organisation, person),
    the person's fields empty for an organisation with nobody on record; by action, role
    (trekker, partner, contactpersoon), organisation and name.

    Who works on each action, then each organisation's people and clusters once
    (`contacts_of_organisations`): an organisation's people are the same on every action."""
    actions = store.read("contacts_action_links", actions=list(action_ids))
    organisations = sorted(
        {link["organisation"] for a in actions for link in a["links"] if link["organisation"]}
    )
    known = (
        {
            row["organisation"]: row
            for row in store.read(
                "contacts_of_organisations",
                organisations=organisations,
                zones=sorted({a["zone"] for a in actions if a["zone"]}),
            )
        }
        if organisations
        else {}
    )
    rows = []
    for action in actions:
        head = {k: action[k] for k in ("action", "action_code", "action_title")}
        for link in action["links"]:
            organisation = known.get(link["organisation"]) or {}
            clusters = list(
                dict.fromkeys(
                    c["name"]
                    for c in organisation.get("clusters", [])
                    if c["zone"] == action["zone"]
                )
            )
            at = {
                "organisation": link["organisation"],
                "organisation_name": organisation.get("organisation_name"),
                "role": link["role"],
                "clusters": clusters,
            }
            people = [link] if link["person"] else organisation.get("people") or [{}]
            for person in people:
                rows.append({**head, **at, **{k: person.get(k) for k in PERSON_FIELDS}})
    # As the query once ordered them: the first row of a person names their organisation.
    rows.sort(key=lambda r: (r["name"] is None, r["name"] or ""))
    rows.sort(key=lambda r: (r["organisation_name"] is None, r["organisation_name"] or ""))
    rows.sort(key=lambda r: r["role"], reverse=True)
    rows.sort(key=lambda r: r["action"])
    return rows


PERSON_FIELDS = ("person", "name", "email", "phone", "function")


def for_actions(store: Store, action_ids: list[str], title: str) -> ContactList:
    return _collect(title, action_rows(store, action_ids))


def per_action(store: Store, action_ids: list[str]) -> dict[str, ContactList]:
    """Each action's own contact list, from one read: for an overview of a whole plan."""
    grouped: dict[str, list[dict]] = {action_id: [] for action_id in action_ids}
    for row in action_rows(store, action_ids):
        grouped.setdefault(row["action"], []).append(row)
    # An organisation's people are on every action it works on: a regional body with 2,000
    # of them on 10 actions of a goal had each number formatted 10 times (70 ms per 2,000).
    phones: dict = {}
    return {
        action_id: _collect(f"actie {action_id}", rows, phones)
        for action_id, rows in grouped.items()
    }


def for_action(store: Store, action_id: str) -> ContactList:
    found = store.read("action_ids_for", actions=[action_id], goals=[], zone=None)
    if not found:
        raise ValidationError(f"geen actie {action_id!r} (de ids staan in `graphmap actions`)")
    return for_actions(store, [action_id], f"actie {action_id}")


def for_goal(store: Store, zone: str, goal: str) -> ContactList:
    ids = [row["id"] for row in store.read("action_ids_for", actions=[], goals=[goal], zone=zone)]
    if not ids:
        raise ValidationError(f"geen acties onder doelstelling {goal!r} van zone {zone!r}")
    return for_actions(store, ids, f"doelstelling {goal} van {zone}")


def for_cluster(store: Store, zone: str, cluster: str) -> ContactList:
    if cluster not in CLUSTER_KEYS:
        raise ValidationError(f"onbekende cluster {cluster!r}; kies uit {', '.join(CLUSTER_KEYS)}")
    rows = store.read("contacts_for_cluster", cluster=f"{zone}/{cluster}")
    for row in rows:
        # A role in the list is a word staff read: the status as the dashboard names it.
        status = row.pop("status")
        row["role"], row["clusters"] = STATUS_LABELS.get(status, status), [row.pop("cluster_name")]
    return _collect(f"cluster {cluster} van {zone}", rows)
