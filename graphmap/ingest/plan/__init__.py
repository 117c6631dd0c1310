"""A zone's plan document → a preview of its goals and actions → (once confirmed) the graph.

Plans come in many templates, but they share a structure that this parser reads, line by line:

- numbered headings: "Strategische doelstelling 1", "SD 1", "Operationele doelstelling 1.1",
  "OD 1.1", "Actie 1.1.1", "Actie 3" (and unnumbered ones, numbered here under their parent);
- an "Acties" block of bullets under an operational goal, one action per bullet;
- labelled fields of an action: "Wie is de trekker?", "Met wie?", "Voor wie?", "Timing" …

`read_plan` builds a `PlanPreview` (nothing is written); `apply_plan` writes a confirmed
preview in one transaction. Actions without a code of their own get "<OD>-a", "-b" … in
document order, the convention of the curated seed.

The package's modules, each using only those above it:

- `patterns`: the line patterns and limits the others share;
- `preview`: the preview's models (what staff check before anything is written) and its text;
- `naming`: the names in a value (organisations, persons, leads, councils, short forms);
- `parser`: the lines of a document → goals and actions with their fields;
- `timing`: an action's timing, check boxes and marked leads;
- `rows`: a preview → the rows the graph is written from;
- `reading`: lines → the preview, against the register (`read_plan`, `preview_plan`);
- `writing`: a confirmed preview → the graph, in one transaction (`apply_plan`).
"""

from graphmap.ingest.plan.patterns import NEW_CATEGORY, SELF_CATEGORY
from graphmap.ingest.plan.preview import (
    NO_ACTIONS,
    NOTHING_RECOGNISED,
    ActionOut,
    Dropped,
    GoalOut,
    MunicipalityMatch,
    OrganisationMatch,
    PlanPreview,
    dropped,
    seat_words,
    zone_name,
)
from graphmap.ingest.plan.reading import (
    as_new,
    check_new_zone,
    check_zone,
    parse_lines,
    preview_plan,
    read_plan,
    register_of,
    registers,
    skip,
    without,
    zone_id_for,
)
from graphmap.ingest.plan.rows import plan_rows
from graphmap.ingest.plan.writing import STEPS, apply_plan, check_writable, summary

__all__ = [
    "as_new",
    "NEW_CATEGORY",
    "NO_ACTIONS",
    "NOTHING_RECOGNISED",
    "SELF_CATEGORY",
    "STEPS",
    "ActionOut",
    "Dropped",
    "GoalOut",
    "MunicipalityMatch",
    "OrganisationMatch",
    "PlanPreview",
    "apply_plan",
    "check_new_zone",
    "check_writable",
    "check_zone",
    "dropped",
    "parse_lines",
    "plan_rows",
    "preview_plan",
    "read_plan",
    "register_of",
    "registers",
    "seat_words",
    "skip",
    "summary",
    "without",
    "zone_id_for",
    "zone_name",
]
