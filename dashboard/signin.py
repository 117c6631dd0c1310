"""Signing in and out: the Dutch sign-in page at /login, sessions, and a throttle.

Sessions are Flask-Login's in Flask's signed session cookie (HttpOnly, SameSite=Lax, Secure
when the request came over HTTPS; see `dashboard.security`). A session expires after
`idle` without a request: Flask signs the cookie with the moment it was last renewed (every
request renews it) and refuses one older than that, so the expiry is checked on the server,
not left to the browser. The session names the user's stamp (`graphmap.users`): a new
password or a disabled user ends every session of that user.

The form carries a CSRF token (Flask-WTF). Failed attempts are counted within `WINDOW` (see
`waiting`): per user name from one address (`PER_PAIR`), per address (`PER_ADDRESS`), and
per user name from everywhere (`PER_NAME`, far higher); past a limit, that pair, address or
name waits until the window has passed. The page says one generic thing for any failure,
whether the name exists or not.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from datetime import timedelta
from urllib.parse import quote, urlsplit

import flask
import flask_login
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from markupsafe import escape
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard import session
from graphmap import access, users
from graphmap.store import Store

GENERIC = (
    "Deze combinatie van gebruikersnaam en wachtwoord klopt niet, of het account is niet actief."
)
THROTTLED = "Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw."
SIGNED_OUT = "U bent afgemeld."
EXPIRED = (
    "Uw sessie was verlopen: wat u net wilde bewaren, is niet bewaard. "
    "Meld u opnieuw aan en voer het opnieuw in."
)
# Failures within WINDOW: of one name from one address, of one address (any names), and of
# one name from anywhere. A stranger who knows a user's name locks only the pair of that
# name and his own address, never the user at hers (OWASP's advice against lockouts anyone
# can cause); guessing spread over many addresses still meets the name's limit.
PER_PAIR, PER_ADDRESS, PER_NAME = 5, 20, 100
WINDOW = 15 * 60  # seconds
USER_CACHE_SECONDS = 5.0  # a request finds its user without a query each time; a disabled
# user (from another process: the CLI) is refused within this time.


class LoginForm(FlaskForm):
    username = StringField("Gebruikersnaam", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Wachtwoord", validators=[DataRequired(), Length(max=1024)])


class SignedIn(flask_login.UserMixin):
    """The session's user for Flask-Login: its id names the user's stamp too."""

    def __init__(self, user: access.User, stamp: str):
        self.user, self.stamp = user, stamp

    def get_id(self) -> str:
        return f"{self.user.name}|{self.stamp}"


class Throttle:
    """Failures per key (a user name, an address) within a sliding window."""

    def __init__(self, window: float = WINDOW):
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures[key]
        while found and found[0] <= now - self.window:
            found.popleft()
        return found

    def wait(self, key: str, limit: int) -> float:
        """Seconds `key` must still wait (0: it may try)."""
        now = time.monotonic()
        with self._lock:
            found = self._recent(key, now)
            if len(found) < limit:
                return 0.0
            return found[-limit] + self.window - now

    def fail(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # names sprayed at the form: keep recent ones
                for old in [k for k in self._failures if not self._recent(k, now)]:
                    del self._failures[old]

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def _pair(name: str, address: str) -> str:
    # The address first: it holds no "|", so no name makes another pair's key.
    return f"pair:{address}|{name}"


def _keys(name: str, address: str) -> dict[str, int]:
    return {_pair(name, address): PER_PAIR, f"address:{address}": PER_ADDRESS,
            f"name:{name}": PER_NAME}  # fmt: skip


def waiting(throttle: Throttle, name: str, address: str) -> float:
    """Seconds a sign-in as `name` from `address` must still wait (0: it may try)."""
    return max(throttle.wait(key, limit) for key, limit in _keys(name, address).items())


def failed(throttle: Throttle, name: str, address: str) -> None:
    """Count a failed sign-in as `name` from `address`."""
    for key in _keys(name, address):
        throttle.fail(key)


class Ended:
    """Sessions signed out, by their random id, for as long as their cookie could live.

    The session is a signed cookie: clearing it at sign-out is not enough, since a callback
    that was still running answers afterwards with the cookie it started with. The server
    remembers the ended ones instead (in memory: a restart forgets them, which the idle
    expiry bounds)."""

    def __init__(self, lifetime: float):
        self.lifetime = lifetime
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def end(self, sid: str | None) -> None:
        if not sid:
            return
        now = time.monotonic()
        with self._lock:
            for old in [k for k, at in self._ended.items() if now - at > self.lifetime]:
                del self._ended[old]
            self._ended[sid] = now

    def __contains__(self, sid: object) -> bool:
        with self._lock:
            return sid in self._ended


class _Users:
    """Users by name for the sessions, kept a few seconds."""

    def __init__(self, store: Store):
        self.store = store
        self._kept: dict[str, tuple[float, dict | None]] = {}
        self._lock = threading.Lock()

    def get(self, name: str, fresh: bool = False) -> dict | None:
        now = time.monotonic()
        with self._lock:
            kept = self._kept.get(name)
        if kept and now - kept[0] < USER_CACHE_SECONDS and not fresh:
            return kept[1]
        found = users.get(self.store, name)
        with self._lock:
            self._kept[name] = (now, found)
        return found


def install(server: flask.Flask, store: Store, idle: timedelta) -> None:
    """Sign-in, sign-out and sessions for the Flask server under the dashboard."""
    server.config.update(
        PERMANENT_SESSION_LIFETIME=idle,
        SESSION_REFRESH_EACH_REQUEST=True,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session it belongs to
    )
    manager = flask_login.LoginManager(server)
    manager.login_view = "login"
    known = _Users(store)
    throttle = Throttle()
    server.extensions["graphmap.throttle"] = throttle
    ended = Ended(idle.total_seconds() + 60)

    def signed_in(found: dict | None, stamp: str) -> SignedIn | None:
        if found is None or found["disabled"] or found["stamp"] != stamp:
            return None
        user = access.User(found["name"], found["role"], frozenset(found["zones"]))
        return SignedIn(user, stamp)

    @manager.user_loader
    def load(session_id: str) -> SignedIn | None:
        name, _, stamp = session_id.partition("|")
        if flask.session.get("sid") in ended:
            return None
        found = known.get(name)
        if found is None or found["stamp"] != stamp:
            found = known.get(name, fresh=True)  # a new password or disabled just now?
        return signed_in(found, stamp)

    def now() -> access.User | None:
        """The session's user as the graph holds it at this moment, for a request that
        changes something: a role or zones an admin changed a second ago count already (the
        kept copy may be USER_CACHE_SECONDS old). The rest of the request sees the same."""
        current = flask_login.current_user
        if not current or not current.is_authenticated:
            return None
        fresh = signed_in(known.get(current.user.name, fresh=True), current.stamp)
        flask.g._login_user = fresh  # what flask_login.current_user answers from here on
        return fresh.user if fresh is not None else None

    server.extensions[session.USER_NOW] = now

    @server.route("/login", methods=["GET", "POST"], endpoint="login")
    def login():
        form = LoginForm()
        target = _local(flask.request.args.get("next"))
        if flask.request.method == "GET":
            return _page(form, target, notice=_notice(flask.request.args))
        if not form.validate_on_submit():
            # A missing or stale CSRF token, or an empty field: nothing is checked.
            return _page(form, target, error=GENERIC), 400
        name = form.username.data.strip().lower()
        address = flask.request.remote_addr or "?"
        # The socket's peer, or what the trusted proxy says it is (waitress's
        # trusted_proxy, `graphmap serve --trusted-proxy`): an X-Forwarded-For header from
        # anyone else is no address to count by.
        wait = waiting(throttle, name, address)
        if wait > 0:
            minutes = max(1, round(wait / 60))
            return _page(form, target, error=THROTTLED.format(minutes=minutes)), 429
        found = users.authenticate(store, name, form.password.data)
        if found is None:
            failed(throttle, name, address)
            return _page(form, target, error=GENERIC), 401
        # The pair only: the name's count from everywhere stays, or a guesser spreading
        # over many addresses would start afresh at each sign-in of the user.
        throttle.forget(_pair(name, address))
        user, stamp = found
        flask.session.clear()
        flask.session.permanent = True  # expires after `idle` without a request
        flask.session["sid"] = secrets.token_urlsafe(16)
        # The session's CSRF secret, made now: pages load with many requests at once, and
        # each would otherwise make its own, leaving the last cookie with another's. (The form
        # kept the old one in `g`: forget it, so that a new secret goes into the session.)
        flask.g.pop("csrf_token", None)
        generate_csrf()
        flask_login.login_user(SignedIn(user, stamp))
        return flask.redirect(target)

    @server.route("/logout", methods=["POST"], endpoint="logout")
    def logout():
        form = FlaskForm()
        if not form.validate_on_submit():
            return flask.redirect("/")  # not from our page: nothing ended, nothing said
        ended.end(flask.session.get("sid"))
        flask_login.logout_user()
        flask.session.clear()
        return flask.redirect(flask.url_for("login", uit=1))


def _notice(args) -> str | None:
    """Why the browser was sent here: signed out, or a session that expired under a page
    (dashboard/assets/session.js, on a callback the gate refused, whose change was lost)."""
    if "uit" in args:
        return SIGNED_OUT
    if "verlopen" in args:
        return EXPIRED
    return None


def logout_form() -> tuple[str, str]:
    """The sign-out form's CSRF field name and token (made in the request of the layout)."""
    return "csrf_token", generate_csrf()


def _local(target: str | None) -> str:
    """Only a path on this server is a place to return to after signing in."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanmelden · graphmap</title>
<link rel="stylesheet" href="/vendor/bootstrap.min.css">
</head>
<body class="bg-light">
<main class="container" style="max-width: 26rem">
<h1 class="h4 mt-5 mb-1">graphmap</h1>
<p class="text-muted mb-4">partnernetwerk van de eerstelijnszones</p>
{notice}
<form method="post" action="/login?next={next}" class="card card-body">
{error}
<input type="hidden" name="csrf_token" value="{csrf}">
<div class="mb-3">
<label for="username" class="form-label">Gebruikersnaam</label>
<input id="username" name="username" class="form-control" value="{username}"
       autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
</div>
<div class="mb-3">
<label for="password" class="form-label">Wachtwoord</label>
<input id="password" name="password" type="password" class="form-control"
       autocomplete="current-password" required>
</div>
<button type="submit" class="btn btn-primary">Aanmelden</button>
</form>
<p class="small text-muted mt-3">Geen account of wachtwoord vergeten? Vraag het aan de
beheerder van graphmap in uw zone.</p>
</main>
</body>
</html>
"""


def _page(form: LoginForm, target: str, error: str | None = None, notice: str | None = None):
    response = flask.make_response(
        PAGE.format(
            next=escape(quote(target, safe="/")),
            csrf=escape(generate_csrf()),
            username=escape(form.username.data or ""),
            error=f'<div class="alert alert-danger" role="alert" id="login-error">'
            f"{escape(error)}</div>"
            if error
            else "",
            notice=f'<div class="alert alert-info" role="status">{escape(notice)}</div>'
            if notice
            else "",
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response
