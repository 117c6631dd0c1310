// name: import_plan_partners
// params: rows
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
MERGE (o)-[r:PARTNER_IN]->(a)
SET r.role = coalesce(r.role, row.role), r.source = row.source
RETURN count(r) AS written
