// name: seed_zones
// params: rows
UNWIND $rows AS row
MERGE (z:Zone {id: row.id})
SET z.name = row.name, z.plan_title = row.plan_title, z.plan_period = row.plan_period,
    z.plan_document = row.plan_document
WITH z, row
MATCH (s:Source {id: row.source})
MERGE (z)-[:STATED_IN]->(s)
