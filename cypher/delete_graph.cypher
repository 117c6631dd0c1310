// name: delete_graph
// params:
// Empties the graph for `graphmap seed --reset`, but for its users and its audit with the
// zones' logs (a reset of the data is not a reset of who may use it, nor of what was done)
// and the revision nodes (bookkeeping, see graphmap/store.py; the reset itself changes a
// token).
MATCH (n)
WHERE NOT n:User AND NOT n:AuditEntry AND NOT n:Log AND NOT n:Revision
DETACH DELETE n
