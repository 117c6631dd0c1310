// name: seed_partners
// params: rows
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
MERGE (o)-[r:PARTNER_IN]->(a)
SET r.role = row.role, r.source = row.source
