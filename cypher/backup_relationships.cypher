// name: backup_relationships
// params:
// Every relationship with its type and properties, its ends by their element ids (as
// backup_nodes gives them, in the same transaction), as one list (graphmap backup; sorted
// by the caller, which names each end by its key).
MATCH (a)-[r]->(b)
RETURN collect([elementId(a), type(r), properties(r), elementId(b)]) AS relationships
