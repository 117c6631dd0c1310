// name: seed_categories
// params: rows
UNWIND $rows AS row
MERGE (c:Category {key: row.key})
SET c.name = row.name, c.cluster = row.cluster, c.optional = row.optional
