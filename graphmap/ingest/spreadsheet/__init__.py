"""Import partner and contact lists that staff keep in Excel or CSV.

Two steps, so that a dry run is the first step alone:

- `plan_import(store, path, kind, mapping, zone)` reads and checks every row against the
  graph and returns an `ImportReport`: per row *new*, *updated*, *unchanged* or *rejected*
  (with a message naming the row, the column and the value), and the columns it did not
  read (no field recognised in their header). It writes nothing. With `user=`, a contact
  person is recognised by e-mail only among those that user may see (the dashboard's
  editor: `graphmap.access.persons_unseen`); the command line recognises them anywhere.
- `apply_import(store, report, actor=…)` writes the accepted rows in one transaction: all or
  nothing.

Only an exact key merges a row into a known organisation: the KBO number, or the normalised
name in the same municipality. A strong fuzzy match is reported as a likely duplicate
("bestaat waarschijnlijk al als …") with a choice per row: link to the known organisation
(the default) or create a new one (`new_if_similar`, or `choices={row: "new"}`).

A list with a Cluster column names an organisation once per cluster: a later row about the
organisation of an earlier row adds its membership of another cluster and its contact person
(`_Planner.later_row`), and is refused when it adds neither or says the organisation otherwise.

The package's modules, each using only those before it:

- `graph`: what of the graph a list is checked against (the organisations in its scope, or
  the whole register kept per revision; the zone's clusters and memberships);
- `report`: what a check finds, row by row (`ImportReport`), and the marks an apply
  compares with the preview's;
- `checking`: `plan_import`, every row through the rules of its kind;
- `applying`: `apply_import`, the report's writes and audit entries in one transaction.
"""

from graphmap.ingest.columns import CONTACTS, ORGANISATIONS
from graphmap.ingest.spreadsheet.applying import apply_import
from graphmap.ingest.spreadsheet.checking import plan_import
from graphmap.ingest.spreadsheet.graph import organisation_index, person_index, registers
from graphmap.ingest.spreadsheet.report import (
    CHOICES,
    LINK,
    NEW,
    NEW_ORGANISATION,
    OUTCOME_LABELS,
    OUTCOMES,
    REJECTED,
    UNCHANGED,
    UPDATED,
    ImportReport,
    OutdatedPreviewError,
    RowResult,
    outdated_rows,
)

__all__ = [
    "CHOICES",
    "CONTACTS",
    "LINK",
    "NEW",
    "NEW_ORGANISATION",
    "ORGANISATIONS",
    "OUTCOMES",
    "OUTCOME_LABELS",
    "REJECTED",
    "UNCHANGED",
    "UPDATED",
    "ImportReport",
    "OutdatedPreviewError",
    "RowResult",
    "apply_import",
    "organisation_index",
    "outdated_rows",
    "person_index",
    "plan_import",
    "registers",
]
