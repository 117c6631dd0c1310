// name: seed_memberships
// params: rows
// A membership the seed states, and that statement as an engagement change with its source.
// Only a membership new to the graph: one that exists (from an earlier load, staff or an
// import) keeps its status, bodies and history, and gets no second change.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MATCH (s:Source {id: row.source})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:MEMBER_OF]->(c)
// Every membership has a status: none means MERGE has just made it.
WITH o, c, s, r, row
WHERE r.status IS NULL
SET r.status = row.status, r.bodies = row.bodies, r.since = row.since, r.source = row.source
// Its id names the fact: a fact recorded before is not recorded twice.
MERGE (e:EngagementChange {id: row.change})
ON CREATE SET e.to_status = row.status, e.on = row.since, e.at = row.at, e.by = row.by
WITH o, c, s, e, row
WHERE e.at = row.at
CREATE (e)-[:ABOUT]->(o)
CREATE (e)-[:IN_CLUSTER]->(c)
CREATE (e)-[:STATED_IN]->(s)
