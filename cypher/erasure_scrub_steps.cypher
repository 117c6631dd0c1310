// name: erasure_scrub_steps
// params: rows
// Next steps (what, who, the note when done) with an erased person taken out.
UNWIND $rows AS row
MATCH (s:NextStep {id: row.id})
SET s.what = row.what, s.owner = row.owner, s.done_note = row.done_note
RETURN count(s) AS written
