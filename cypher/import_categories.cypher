// name: import_categories
// params: rows
// An organisation has one category: the imported one replaces any other.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (k:Category {key: row.category})
MERGE (o)-[:OF_CATEGORY]->(k)
WITH o, row
MATCH (o)-[old:OF_CATEGORY]->(other:Category)
WHERE other.key <> row.category
DELETE old
