"""The words AG Grid and Dash's dropdown show by themselves ("No Rows To Show", "Select All")
are Dutch on every page, as the rest of it."""

from __future__ import annotations

import re

import dash_ag_grid as dag
from dash import dcc

from dashboard import words
from dashboard.app import PAGES, create_app


def _components(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from _components(child)


def test_every_grid_and_dropdown_speaks_dutch(seeded):
    app = create_app(seeded, demo=True)
    grids, dropdowns = [], []
    for page in PAGES:
        with app.server.test_request_context(page.PATH):
            found = list(_components(page.layout(seeded, "?zone=maasland")))
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
