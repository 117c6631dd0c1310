// name: delete_all
// params:
// Empties the graph (tests, `graphmap seed --reset`); constraints stay, and so do the
// revision nodes (bookkeeping, see graphmap/store.py; the reset itself changes a token).
MATCH (n)
WHERE NOT n:Revision
DETACH DELETE n
