// name: seed_zones
// params: rows
// A zone the graph holds already keeps its fields; one made by an import gets what it lacks
// (a name when it has only its id for one, the plan's fields where empty), as zone_create.
UNWIND $rows AS row
MERGE (z:Zone {id: row.id})
SET z.name = CASE WHEN z.name IS NULL OR z.name = z.id THEN row.name ELSE z.name END,
    z.plan_title = coalesce(z.plan_title, row.plan_title),
    z.plan_period = coalesce(z.plan_period, row.plan_period),
    z.plan_document = coalesce(z.plan_document, row.plan_document)
WITH z, row
MATCH (s:Source {id: row.source})
MERGE (z)-[:STATED_IN]->(s)
