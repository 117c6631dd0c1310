"""Who uses the dashboard: the one place a page asks for its user.

There is no sign-in yet: the dashboard binds to 127.0.0.1 and serves the local demo user.
Team access replaces `current_user` with the signed-in user of the request's session; every
write the dashboard makes passes its result as `actor`, and every page asks
`graphmap.access` whether that user may see personal data.
"""

from __future__ import annotations

from datetime import date

from graphmap.access import DEMO_USER


def current_user() -> str:
    return DEMO_USER


def today() -> date:
    """The day the dashboard takes as today (one place, so a test can move it)."""
    return date.today()
