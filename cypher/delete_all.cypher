// name: delete_all
// params:
// Empties the graph (tests, `graphmap seed --reset`); constraints stay.
MATCH (n)
DETACH DELETE n
