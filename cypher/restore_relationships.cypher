// name: restore_relationships
// params: rows
// A template (graphmap restore): labels, key properties and the type are filled in with
// checked names, since Cypher takes none of them as a parameter. The ends are found by key.
UNWIND $rows AS row
MATCH (a:__START__ {__START_KEY__: row.start})
MATCH (b:__END__ {__END_KEY__: row.end})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.properties
RETURN count(r) AS written
