"""What is read of the whole graph once and kept while the graph's revision stays the same."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from graphmap.store import Store

T = TypeVar("T")


class PerRevision(Generic[T]):
    """One value per store, kept while the graph's revision is the one it was read at: a
    write by any process makes the next `get` miss. Threads of the dashboard share what is
    kept, so a value is kept only once complete (indexed) and is never changed after."""

    def __init__(self) -> None:
        self._kept: WeakKeyDictionary[Store, tuple[str, T]] = WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, store: Store, revision: str | None) -> T | None:
        with self._lock:
            kept = self._kept.get(store)
        if kept is None or revision is None or kept[0] != revision:
            return None
        return kept[1]

    def keep(self, store: Store, revision: str | None, value: T) -> T:
        if revision is not None:
            with self._lock:
                self._kept[store] = (revision, value)
        return value

    def forget(self, store: Store) -> None:
        """As after a write: the next `get` reads afresh (the bench times a first read)."""
        with self._lock:
            self._kept.pop(store, None)
