// name: seed_leads
// params: rows
// The trekker of an action; several for co-leads, each with the part it leads (scope).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
MERGE (o)-[r:LEADS]->(a)
SET r.source = row.source, r.scope = row.scope
