// name: count_nodes
// params:
// Whether the graph is empty (graphmap restore refuses to mix two graphs).
MATCH (n)
WHERE NOT n:Revision
RETURN count(n) AS nodes
