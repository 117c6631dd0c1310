"""One error hierarchy: everything graphmap raises on purpose is a GraphmapError.

Driver errors are translated into these at the store's edge, so callers (CLI, dashboard)
catch one family and show its message as is.
"""

from __future__ import annotations


class GraphmapError(Exception):
    """A problem the user can act on; its message is meant to be shown as is."""


class ConfigurationError(GraphmapError):
    """Settings are missing or contradictory."""


class StoreUnavailableError(GraphmapError):
    """The graph database cannot be reached or started."""


class QueryError(GraphmapError):
    """A named query is unknown, malformed or called with the wrong parameters."""


class DuplicateKeyError(GraphmapError):
    """A write would create a second node with the same key: `label` and `key` say which,
    when the database's message names them (else None)."""

    def __init__(self, message: str, label: str | None = None, key: str | None = None):
        super().__init__(message)
        self.label, self.key = label, key


class ConflictError(GraphmapError):
    """Someone else changed the same data first (an edit on a stale form, a busy graph)."""


class ValidationError(GraphmapError):
    """Input data is invalid; the message names the file, row or field and the value."""


class ColumnError(ValidationError):
    """A file's columns do not say which one holds a field: one is missing, or two mean the
    same (`doubled`). The parts apart, for each place to say it its own way: `problem` (what
    is wrong, naming the columns), `fields` (the fields concerned), `advice` (how to say it
    on the command line: --map), `notes` (which sheet of a workbook was read). The message
    is all of them, as the command line shows it."""

    def __init__(
        self,
        problem: str,
        advice: str,
        *,
        fields: tuple[str, ...],
        doubled: bool,
        joiner: str = "; ",
        notes: tuple[str, ...] = (),
    ):
        super().__init__(" — ".join([f"{problem}{joiner}{advice}", *notes]))
        self.problem, self.advice, self.fields, self.doubled = problem, advice, fields, doubled
        self.joiner, self.notes = joiner, notes

    def told(self, notes: tuple[str, ...], sheet: str | None = None) -> ColumnError:
        """The same complaint with `notes` (where graphmap looked, which sheet it read), and
        about the sheet `sheet` of a workbook when given."""
        return ColumnError(
            f"blad {sheet!r}: {self.problem}" if sheet is not None else self.problem,
            self.advice,
            fields=self.fields,
            doubled=self.doubled,
            joiner=self.joiner,
            notes=notes,
        )


class GraphChangedError(ValidationError):
    """A transaction did not find what it was to write to: the graph changed since it was
    checked. The store runs such a transaction again a few times before showing this: on the
    embedded engine it is also what a transaction sees of a node another one just created."""


class AccessDeniedError(GraphmapError):
    """The user may not do this (a viewer editing, an editor outside their zones)."""
