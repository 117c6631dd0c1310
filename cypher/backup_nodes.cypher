// name: backup_nodes
// params:
// Every node with its element id (what backup_relationships names its ends by, in the same
// transaction), its labels and properties, as one list: a record per node costs the driver
// more than the node itself (graphmap backup; sorted by the caller).
MATCH (n)
WHERE NOT n:Revision
RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes
