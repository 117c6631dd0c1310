"""What the dashboard's server says about itself to every browser: the signing key of its
sessions, how the session cookie is set, and the security headers.

The Content-Security-Policy lets scripts come from the server itself and from Dash's own
inline scripts by their hashes (`Dash.csp_hashes`): no `unsafe-inline` and no `unsafe-eval`
for scripts — Dash 4, dash-cytoscape, dash-ag-grid and Plotly run without them (checked in
the browser by the tests, which fail on any console error). Styles need `unsafe-inline`:
Dash, its components and Cytoscape set inline styles on elements as they draw them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import flask
from flask.sessions import SecureCookieSessionInterface

from graphmap.errors import ConfigurationError

SECRET_FILE = "secret_key"
SECRET_MIN = 32  # characters of GRAPHMAP_SECRET_KEY


def secret_key(data_dir: Path, environ=None) -> str:
    """GRAPHMAP_SECRET_KEY, or the key generated once into the data folder (mode 0600)."""
    env = os.environ if environ is None else environ
    given = env.get("GRAPHMAP_SECRET_KEY")
    if given:
        if len(given) < SECRET_MIN:
            raise ConfigurationError(
                f"GRAPHMAP_SECRET_KEY is te kort: minstens {SECRET_MIN} tekens "
                '(bv. python -c "import secrets; print(secrets.token_urlsafe(48))")'
            )
        return given
    path = Path(data_dir) / SECRET_FILE
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    key = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(key + "\n")
    return key


class _Sessions(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS (directly, or
    through a trusted proxy that says so), without a setting to forget."""

    def get_cookie_secure(self, app: flask.Flask) -> bool:
        return bool(
            app.config["SESSION_COOKIE_SECURE"]
            or (flask.has_request_context() and flask.request.is_secure)
        )


def policy(script_hashes: list[str]) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def install(server: flask.Flask, key: str, script_hashes: list[str]) -> None:
    server.secret_key = key
    server.session_interface = _Sessions()
    server.config.update(
        SESSION_COOKIE_NAME="graphmap_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    content_policy = policy(script_hashes)

    @server.after_request
    def headers(response: flask.Response) -> flask.Response:
        response.headers.setdefault("Content-Security-Policy", content_policy)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if flask.request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        if not flask.request.path.startswith(("/_dash-component-suites/", "/assets/", "/vendor/")):
            # Pages and callback answers may hold personal data: no cache keeps them.
            response.headers["Cache-Control"] = "no-store"
        return response
