"""The users of a team deployment, kept in the graph: `User {name}` with a role, zones and an
argon2id hash of the password (argon2-cffi's defaults).

Users live in the graph so that they travel with a backup and work on Neo4j alike. A
password is hashed before anything else happens to it; it is never logged, stored, returned
or written to the audit, and the hash is read by `authenticate` only (a backup holds it,
which is what a backup is for). Every change of a user writes its audit entry in the same
transaction.

Each user has a `stamp`, renewed when its password is reset or it is disabled: a session
names the stamp it was signed in with, so those changes end the user's sessions everywhere.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graphmap import audit, dates
from graphmap.access import User
from graphmap.errors import ValidationError
from graphmap.model import ROLES
from graphmap.store import Store, Transaction

NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
PASSWORD_MIN = 12
PASSWORD_MAX = 1024  # argon2 takes any length; a megabyte of "password" is a mistake or worse
_hasher = PasswordHasher()  # argon2id, the library's (RFC 9106) defaults


@functools.cache
def _unknown() -> str:
    """Verified against when a name is unknown, so that an unknown name takes as long as a
    wrong password and a response time tells nothing about who exists. Made at the first
    sign-in, not at import: a hash costs every command line call ~0.1 s otherwise."""
    return _hasher.hash(secrets.token_hex(16))


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME.fullmatch(name):
        raise ValidationError(
            f"gebruikersnaam {name!r}: 2 tot 64 tekens, kleine letters, cijfers, '.', '_' of "
            "'-', beginnend met een letter of cijfer"
        )
    return name


def check_password(password: str) -> str:
    if len(password or "") < PASSWORD_MIN:
        raise ValidationError(f"het wachtwoord is te kort: minstens {PASSWORD_MIN} tekens")
    if len(password) > PASSWORD_MAX:
        raise ValidationError(f"het wachtwoord is te lang: hoogstens {PASSWORD_MAX} tekens")
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(f"onbekende rol {role!r}; kies {', '.join(ROLES)}")
    return role


def _check_zones(tx: Transaction, role: str, zones: Iterable[str]) -> list[str]:
    """A viewer or editor acts for one or more zones that exist; an admin for all of them."""
    zones = sorted({z.strip() for z in zones if z and z.strip()})
    if role == "admin":
        return zones
    if not zones:
        raise ValidationError(f"een {role} heeft minstens één zone (--zone)")
    known = {row["id"] for row in tx.run("zones")}
    unknown = [z for z in zones if z not in known]
    if unknown:
        raise ValidationError(
            f"onbekende zone(s): {', '.join(unknown)}; bekend: {', '.join(sorted(known))}"
        )
    return zones


def _user(row: dict) -> User:
    return User(row["name"], row["role"], frozenset(row["zones"] or []))


def _public(row: dict) -> dict:
    """A user as listed: never a hash."""
    return {
        "name": row["name"],
        "role": row["role"],
        "zones": list(row["zones"] or []),
        "disabled": bool(row["disabled"]),
        "created_at": row.get("created_at"),
        "updated_at": row.get("updated_at"),
    }


# -- reading -----------------------------------------------------------------------------------


def list_users(store: Store) -> list[dict]:
    return [_public(row) for row in store.read("user_list")]


def get(store: Store, name: str) -> dict | None:
    """A user as stored (with its stamp, never its hash), or None."""
    rows = store.read("user_get", user=name)
    return {**_public(rows[0]), "stamp": rows[0]["stamp"]} if rows else None


def active(store: Store, name: str, stamp: str | None = None) -> User | None:
    """The user who may act under `name` (and, if given, the session's `stamp`), or None
    when unknown, disabled, or its stamp was renewed since."""
    found = get(store, name)
    if found is None or found["disabled"] or (stamp is not None and found["stamp"] != stamp):
        return None
    return User(found["name"], found["role"], frozenset(found["zones"]))


def count_active(store: Store) -> int:
    return sum(1 for u in list_users(store) if not u["disabled"])


def authenticate(store: Store, name: str, password: str) -> tuple[User, str] | None:
    """The user and its session stamp when `password` is theirs and they may sign in; None
    otherwise (unknown, wrong password, disabled: the same answer, in the same time)."""
    name = (name or "").strip()
    rows = store.read("user_credentials", user=name) if NAME.fullmatch(name) else []
    row = rows[0] if rows else None
    if not password or len(password) > PASSWORD_MAX:
        return None
    try:
        _hasher.verify(row["hash"] if row else _unknown(), password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row["disabled"]:
        return None
    return _user(row), row["stamp"]


# -- changing ----------------------------------------------------------------------------------


# A name taken, or none such: said by the CLI before it asks for a password, and here again
# in the write's transaction (another user may have been added or removed meanwhile).
def taken(name: str) -> ValidationError:
    return ValidationError(f"gebruiker {name!r} bestaat al")


def unknown(name: str) -> ValidationError:
    return ValidationError(f"geen gebruiker {name!r}")


def add(
    store: Store, name: str, password: str, role: str, zones: Iterable[str], *, actor: str
) -> User:
    """A new user with a role and zones (an admin acts for every zone)."""
    name = check_name(name)
    role = _check_role(role)
    password_hash = _hasher.hash(check_password(password))
    zones = list(zones)

    def work(tx: Transaction) -> User:
        if tx.run("user_get", user=name):
            raise taken(name)
        chosen = _check_zones(tx, role, zones)
        at = dates.now()
        tx.run(
            "user_add",
            user=name,
            role=role,
            zones=chosen,
            hash=password_hash,
            stamp=secrets.token_hex(8),
            at=at,
        )
        audit.record(
            tx,
            by=actor,
            action="user.add",
            entity="User",
            key=name,
            zones=chosen,
            after={"rol": role, "zones": chosen},
            at=at,
        )
        return User(name, role, frozenset(chosen))

    return store.transaction(work)


def _change(
    store: Store,
    name: str,
    action: str,
    *,
    actor: str,
    role: str | None = None,
    zones: Iterable[str] | None = None,
    disabled: bool | None = None,
    password: str | None = None,
) -> User:
    """Change a user in one transaction with its audit entry; refuse to leave no admin."""
    name = check_name(name)
    new_hash = _hasher.hash(check_password(password)) if password is not None else None
    zones = list(zones) if zones is not None else None

    def work(tx: Transaction) -> User:
        rows = tx.run("user_get", user=name)
        if not rows:
            raise unknown(name)
        old = rows[0]
        new_role = _check_role(role) if role is not None else old["role"]
        new_zones = (
            _check_zones(tx, new_role, zones if zones is not None else old["zones"] or [])
            if (zones is not None or role is not None)
            else list(old["zones"] or [])
        )
        was_disabled = bool(old["disabled"])
        now_disabled = was_disabled if disabled is None else disabled
        if old["role"] == "admin" and not old["disabled"] and (new_role != "admin" or now_disabled):
            admins = [
                u
                for u in tx.run("user_list")
                if u["role"] == "admin" and not u["disabled"] and u["name"] != name
            ]
            if not admins:
                raise ValidationError(
                    f"{name} is de laatste beheerder: voeg eerst een andere beheerder toe"
                )
        # A new password or a disabled user ends its sessions everywhere.
        ends = (now_disabled and not was_disabled) or password is not None
        stamp = secrets.token_hex(8) if ends else old["stamp"]
        at = dates.now()
        tx.run(
            "user_update",
            user=name,
            role=new_role,
            zones=new_zones,
            disabled=now_disabled,
            stamp=stamp,
            hash=new_hash,
            at=at,
        )
        before = {"rol": old["role"], "zones": list(old["zones"] or [])}
        after = {"rol": new_role, "zones": new_zones}
        if action in ("user.disable", "user.enable"):
            before, after = {"uitgeschakeld": was_disabled}, {"uitgeschakeld": now_disabled}
        elif action == "user.reset-password":
            before, after = None, {"wachtwoord": "vernieuwd"}
        audit.record(
            tx,
            by=actor,
            action=action,
            entity="User",
            key=name,
            zones=[*(old["zones"] or []), *new_zones],
            before=before,
            after=after,
            at=at,
        )
        return User(name, new_role, frozenset(new_zones))

    return store.transaction(work)


def set_role(
    store: Store, name: str, role: str, zones: Iterable[str] | None = None, *, actor: str
) -> User:
    """A new role (and zones, which a viewer or editor needs when it had none)."""
    return _change(store, name, "user.set-role", actor=actor, role=role, zones=zones)


def set_zones(store: Store, name: str, zones: Iterable[str], *, actor: str) -> User:
    return _change(store, name, "user.set-zones", actor=actor, zones=zones)


def disable(store: Store, name: str, *, actor: str) -> User:
    return _change(store, name, "user.disable", actor=actor, disabled=True)


def enable(store: Store, name: str, *, actor: str) -> User:
    """A disabled user may sign in again (with the password it had, or a new one)."""
    return _change(store, name, "user.enable", actor=actor, disabled=False)


def reset_password(store: Store, name: str, password: str, *, actor: str) -> User:
    return _change(store, name, "user.reset-password", actor=actor, password=password)


def kept_through_restore(tx: Transaction) -> Callable[[Transaction], int]:
    """The store's users as they are now (password hashes and stamps included), read in a
    restore's transaction before the store is emptied; what it returns puts them in the
    place of the users the restored file brought, once the file is loaded, and says how
    many. A store without users (a new machine) keeps the file's: somebody must sign in.

    A backup holds the users of its day: restored over them, a user disabled since would be
    enabled again, a password reset since would be the old one again, a role taken away
    would be given back, and sessions those changes ended would count again."""
    now = [row["user"] for row in tx.run("users_kept")]

    def put_back(tx: Transaction) -> int:
        if not now:
            return 0
        tx.run("users_drop")
        return tx.run("users_put", users=now)[0]["written"]

    return put_back
