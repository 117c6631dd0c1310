"""Long grids are paged on the server: AG Grid's infinite row model asks for one block of
rows at a time (`getRowsRequest`: start and end row, sort and filter model) and the page
answers with that block only. These helpers apply a request to a list of row dicts.

What the page shows besides the grid's own filters (the zone, a search, a version bumped
after a save) goes into the filter model under `VIEW`, a hidden column: changing it is what
makes the grid drop its blocks and ask again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable

from dashboard import words

VIEW = "_view"


def bumped(version) -> int:
    """The version a page's store holds after a save: one more. The store's value comes back
    from the browser, so a hand-made request may send anything: a write that was made must
    not fail on its answer (a list there made it a server error once it had written)."""
    return (version if type(version) is int else 0) + 1


BLOCK = 100
VIEW_COLUMN = {"field": VIEW, "hide": True, "filter": "agTextColumnFilter"}
INFINITE_OPTIONS = {"cacheBlockSize": BLOCK, "maxBlocksInCache": 20, "infiniteInitialRowCount": 1}
# A paged grid whose row a click chooses for the panel beside it (Hiaten, Organisaties).
PICKED_ROW_OPTIONS = {
    "localeText": words.GRID,
    "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
    "tooltipShowDelay": 300,
    "animateRows": False,
    **INFINITE_OPTIONS,
}


def view_model(current: dict | None, view: str) -> dict:
    """The grid's filter model with the page's view set: the user's column filters stay."""
    return {**(current or {}), VIEW: {"filterType": "text", "type": "equals", "filter": view}}


def _text(value) -> str:
    return "" if value is None else str(value).casefold()


def _matches(value, condition: dict) -> bool:
    if "conditions" in condition:  # two conditions joined by AND / OR
        results = [_matches(value, c) for c in condition["conditions"]]
        return all(results) if condition.get("operator") == "AND" else any(results)
    kind, wanted, text = condition.get("type"), _text(condition.get("filter")), _text(value)
    tests = {
        "contains": lambda: wanted in text,
        "notContains": lambda: wanted not in text,
        "equals": lambda: text == wanted,
        "notEqual": lambda: text != wanted,
        "startsWith": lambda: text.startswith(wanted),
        "endsWith": lambda: text.endswith(wanted),
        "blank": lambda: not text,
        "notBlank": lambda: bool(text),
    }
    return tests.get(kind, lambda: True)()


def rows_asked(request: dict) -> tuple[int, int]:
    """The first row a getRowsRequest asks for and the one after its last."""
    return request.get("startRow", 0), request.get("endRow", BLOCK)


def matching(rows: list[dict], request: dict) -> list[dict]:
    """The rows that pass a getRowsRequest's filters (the grid's own column filters)."""
    filters = {k: v for k, v in (request.get("filterModel") or {}).items() if k != VIEW}
    return [r for r in rows if all(_matches(r.get(k), c) for k, c in filters.items())]


def select(rows: list[dict], request: dict) -> tuple[list[dict], int]:
    """The block of `rows` a getRowsRequest asks for, after its filters and sort; and how
    many rows pass the filters."""
    found = matching(rows, request)
    return block(found, request), len(found)


def block(found: list[dict], request: dict) -> list[dict]:
    """The block a getRowsRequest asks for of `found` (rows through its filters: `matching`),
    in its sort order."""
    for order in reversed(request.get("sortModel") or []):
        found.sort(key=lambda r: _text(r.get(order["colId"])), reverse=order["sort"] == "desc")
    start, end = rows_asked(request)
    return found[start:end]


class Kept:
    """What a page computed for one view, kept while it asks for more blocks of it: while
    the graph's revision stays the same (a change by any process shows at the next block).

    A view is computed once for requests that ask for it together: a grid asks for its
    first block twice as it opens (its rows, then its filter model), and after any write
    both computed the gaps of all zones side by side on the server's two cores (1.8 s each
    for Hiaten at 60 zones instead of 0.7 s once)."""

    def __init__(self, size: int = 8):
        self.size = size
        self._kept: dict[Hashable, tuple[str | None, float, object]] = {}
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _fresh(self, key: Hashable, revision: str | None):
        with self._lock:
            kept = self._kept.get(key)
        return kept if kept and kept[0] == revision and revision is not None else None

    def get(self, store, key: Hashable, compute: Callable[[], object]):
        revision = store.revision()  # before computing: a change meanwhile is seen next time
        kept = self._fresh(key, revision)
        if kept:
            return kept[2]
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            kept = self._fresh(key, revision)  # computed meanwhile by the request before
            if kept:
                return kept[2]
            try:
                value = compute()
                with self._lock:
                    self._kept[key] = (revision, time.monotonic(), value)
                    while len(self._kept) > self.size:
                        gone = min(self._kept, key=lambda k: self._kept[k][1])
                        self._kept.pop(gone)
            finally:
                # One lock per view being computed, not per view ever asked for (a server
                # runs for months): a request that holds this one finds the rows kept.
                with self._lock:
                    if self._computing.get(key) is computing:
                        del self._computing[key]
        return value
