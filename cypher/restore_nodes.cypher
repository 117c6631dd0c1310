// name: restore_nodes
// params: rows
// A template (graphmap restore): __LABELS__ is filled in with checked label names, since
// Cypher takes no label as a parameter. Each row is a node's property map.
UNWIND $rows AS row
CREATE (n:__LABELS__)
SET n = row
RETURN count(n) AS written
