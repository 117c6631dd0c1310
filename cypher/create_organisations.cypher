// name: create_organisations
// params: rows
// New organisations only: CREATE, so that an existing id is refused by the key constraint.
UNWIND $rows AS row
MATCH (k:Category {key: row.category})
CREATE (o:Organisation {id: row.id, name: row.name, folded: row.folded, kbo: row.kbo, website: row.website})
CREATE (o)-[:OF_CATEGORY]->(k)
RETURN count(o) AS created
