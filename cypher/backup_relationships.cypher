// name: backup_relationships
// params: keys
// Every relationship with its type and properties, its ends named by their key properties:
// $keys maps a label to its key (graphmap backup; sorted by the caller).
MATCH (a)-[r]->(b)
RETURN [label IN labels(a) WHERE $keys[label] IS NOT NULL | [label, a[$keys[label]]]] AS start,
       type(r) AS type, properties(r) AS properties,
       [label IN labels(b) WHERE $keys[label] IS NOT NULL | [label, b[$keys[label]]]] AS end
