"""The dashboard as the tests reach it without a browser: signed in through its own sign-in
form (with its CSRF token), and a page's layout walked component by component."""

from __future__ import annotations

import re

PASSWORD = "een lang genoeg wachtwoord"


def sign_in(app, name: str, password: str = PASSWORD):
    """A test client of `app` signed in as `name`, as the browser signs in."""
    client = app.server.test_client()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = client.post(
        "/login", data={"username": name, "password": password, "csrf_token": token}
    )
    assert answer.status_code == 302, answer.text
    return client


def components(node):
    """`node` and every component under it."""
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from components(child)
