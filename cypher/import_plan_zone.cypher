// name: import_plan_zone
// params: rows
// A plan may be the first thing known of a zone: the zone is created if it is not there yet.
UNWIND $rows AS row
MERGE (z:Zone {id: row.id})
ON CREATE SET z.name = row.id
WITH z, row
MATCH (s:Source {id: row.source})
MERGE (z)-[:STATED_IN]->(s)
RETURN count(z) AS written
