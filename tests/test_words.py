"""The words AG Grid and Dash's dropdown show by themselves ("No Rows To Show", "Select All")
are Dutch on every page, as the rest of it."""

from __future__ import annotations

import re

import dash_ag_grid as dag
from dash import dcc
from dashboard_client import components

from dashboard import words
from dashboard.app import PAGES, create_app


def test_every_grid_and_dropdown_speaks_dutch(seeded):
    app = create_app(seeded, demo=True)
    grids, dropdowns = [], []
    for page in PAGES:
        with app.server.test_request_context(page.PATH):
            found = list(components(page.layout(seeded, "?zone=maasland")))
        grids += [(page.TITLE, c) for c in found if isinstance(c, dag.AgGrid)]
        dropdowns += [(page.TITLE, c) for c in found if isinstance(c, dcc.Dropdown)]
    assert len(grids) >= 5 and len(dropdowns) >= 4  # the walk reaches into every page
    for title, grid in grids:
        assert grid.dashGridOptions.get("localeText") == words.GRID, (title, grid.id)
    for title, dropdown in dropdowns:
        assert getattr(dropdown, "labels", None) == words.DROPDOWN, (title, dropdown.id)


def test_the_dropdown_words_are_the_ones_it_takes():
    # A misspelt key would leave the English word in place without a sound.
    doc = dcc.Dropdown.__doc__
    section = doc[doc.index("- labels (dict") : doc.index("- debounce")]
    assert set(words.DROPDOWN) == set(re.findall(r"- (\w+) \(string; optional\)", section))


def _texts(node) -> list[str]:
    """Every text a component shows: its children and its string properties."""
    found = []
    for component in components(node):
        if isinstance(component, str):
            found.append(component)
            continue
        for name in component._prop_names:
            value = getattr(component, name, None)
            if isinstance(value, str) and name not in ("id", "className", "style"):
                found.append(value)
        children = getattr(component, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                found.append(child)
    return found


def test_a_change_of_engagement_is_betrokkenheid_on_every_screen(seeded):
    # The Opvolging page and the report said "betrokkenheid", the forms, the Logboek and the
    # import's refusal still "engagement": an English word on Dutch screens, for one thing.
    from dashboard.pages import hiaten, logboek
    from graphmap import audit

    app = create_app(seeded, demo=True)
    texts = []
    for page in PAGES:
        with app.server.test_request_context(page.PATH):
            texts += _texts(page.layout(seeded, "?zone=maasland&org=pallion"))
    shown = " ".join(texts)
    assert "Betrokkenheid in een cluster vastleggen" in shown  # the walk reaches the forms
    assert "Betrokkenheid van een partner vastleggen" in shown
    words_shown = [shown, hiaten.VIEWER, *audit.ACTIONS.values(), *logboek.KINDS.values()]
    assert not [text for text in words_shown if "engagement" in text.lower()]
    assert audit.ACTIONS["engagement.change"] == "betrokkenheid gewijzigd"
    assert logboek.KINDS["engagement"] == "betrokkenheid"  # the key stays the kind's
