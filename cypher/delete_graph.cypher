// name: delete_graph
// params:
// Empties the graph for `graphmap seed --reset`, but for its users and its audit with the
// zones' logs (a reset of the data is not a reset of who may use it, nor of what was done)
// and the revision nodes (bookkeeping, see graphmap/store.py; the reset itself changes a
// token). An engagement entry points at its change, which goes: first it takes the change's
// from → to and day as its own, as audit_keep_change does.
MATCH (a:AuditEntry)
WHERE a.change IS NOT NULL AND a.to_status IS NULL
MATCH (e:EngagementChange {id: a.change})
SET a.from_status = e.from_status, a.to_status = e.to_status, a.change_on = e.on
// One row, also when no entry was kept, for the deletion that follows.
WITH count(a) AS kept
MATCH (n)
WHERE NOT n:User AND NOT n:AuditEntry AND NOT n:Log AND NOT n:Revision
DETACH DELETE n
