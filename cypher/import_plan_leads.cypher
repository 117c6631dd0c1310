// name: import_plan_leads
// params: rows
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
MERGE (o)-[r:LEADS]->(a)
SET r.source = row.source
RETURN count(r) AS written
