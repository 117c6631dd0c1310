// name: backup_nodes
// params:
// Every node with all its labels and properties (graphmap backup; sorted by the caller).
MATCH (n)
WHERE NOT n:Revision
RETURN labels(n) AS labels, properties(n) AS properties
