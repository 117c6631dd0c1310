// name: seed_partners
// params: rows
// Only for an action new to the graph: a known action's links are the users' (a link
// someone removed stays removed).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:PARTNER_IN]->(a)
ON CREATE SET r.role = row.role, r.source = row.source
