"""Who uses the dashboard: the one place a page asks for its user.

The user of a request is the signed-in user of its session (`dashboard.signin`), or the one
trusted user of the local demo (`create_app(…, demo=True)`). Every write the dashboard makes
passes `actor()` as the acting user, and every page asks `graphmap.access` what that user
may see. Outside a request (a test calling a page's functions directly) it is the demo user:
only code on this machine runs there.
"""

from __future__ import annotations

from datetime import date

import flask
import flask_login

from graphmap import access, dates

USER_NOW = "graphmap.user_now"  # the extension giving the session's user as it is now


def current_user() -> access.User | None:
    """The request's user; None when nobody is signed in (the gate refuses such requests)."""
    if not flask.has_request_context():
        return access.DEMO
    if flask.current_app.config.get("GRAPHMAP_DEMO"):
        return access.DEMO
    signed_in = flask_login.current_user
    return signed_in.user if signed_in and signed_in.is_authenticated else None


def user_now() -> access.User | None:
    """The request's user as the graph holds them at this moment (see dashboard.signin): a
    change is judged on the role and zones the user has now, not on those the session kept
    for a few seconds. The request's `user()` is that one from then on."""
    if not flask.has_request_context() or flask.current_app.config.get("GRAPHMAP_DEMO"):
        return current_user()
    now = flask.current_app.extensions.get(USER_NOW)
    return now() if now is not None else current_user()


def user() -> access.User:
    """The request's user, where the gate has let only signed-in users through."""
    found = current_user()
    if found is None:
        raise RuntimeError("no signed-in user: the request should not have passed the gate")
    return found


def actor() -> str:
    """The name the history and the audit record for what this request changes."""
    return user().name


def today() -> date:
    """The day the dashboard takes as today, in Flanders (one place, so a test can move it)."""
    return dates.today()


def exported(store, what: str, fmt: str, rows: int, zones=()) -> None:
    """Record a download in the audit: who, which list, in what format, how many rows."""
    from graphmap import audit

    audit.record_export(store, by=actor(), what=what, fmt=fmt, rows=rows, zones=zones)
