// name: complete_step
// params: step, on, at, by, note
// Mark a next step done: who, which day, when recorded. Locks the step first (a counter: an
// unchanged value locks nothing on ArcadeDB, see graphmap/store.py), so of two clicks at once
// one marks it and the other finds it done.
MATCH (s:NextStep {id: $step})
SET s._lock = coalesce(s._lock, 0) + 1
// Its organisation too: the note may name a contact person whose erasure runs meanwhile.
WITH s
OPTIONAL MATCH (s)<-[:PLANS]-(:ContactMoment)-[:ABOUT]->(o:Organisation)
SET o._lock = coalesce(o._lock, 0) + 1
WITH DISTINCT s, s.done_at IS NULL AS open
SET s.done_on = CASE WHEN open THEN $on ELSE s.done_on END,
    s.done_at = CASE WHEN open THEN $at ELSE s.done_at END,
    s.done_by = CASE WHEN open THEN $by ELSE s.done_by END,
    s.done_note = CASE WHEN open THEN $note ELSE s.done_note END
RETURN s.id AS step, open AS completed, s.done_on AS done_on, s.done_by AS done_by
