// name: seed_leads
// params: rows
// The trekker of an action; several for co-leads, each with the part it leads (scope).
// Only for an action new to the graph: a known action's links are the users' (a link
// someone removed stays removed).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:LEADS]->(a)
ON CREATE SET r.source = row.source, r.scope = row.scope
