// name: seed_categories
// params: rows
// A category the graph holds already keeps its fields; one a plan import made up (its key
// for a name, no cluster) gets what it lacks.
UNWIND $rows AS row
MERGE (c:Category {key: row.key})
SET c.name = CASE WHEN c.name IS NULL OR c.name = c.key THEN row.name ELSE c.name END,
    c.cluster = coalesce(c.cluster, row.cluster), c.optional = coalesce(c.optional, row.optional)
