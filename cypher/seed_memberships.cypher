// name: seed_memberships
// params: rows
// A membership the seed states, and that statement as an engagement change with its source
// (its id names the fact, so seeding twice records it once).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MATCH (s:Source {id: row.source})
MERGE (o)-[r:MEMBER_OF]->(c)
WITH o, c, s, r, row, r.status AS before
SET r.bodies = row.bodies, r.since = row.since, r.source = row.source
MERGE (e:EngagementChange {id: row.change})
ON CREATE SET e.from_status = before, e.to_status = row.status, e.on = row.since,
              e.at = row.at, e.by = row.by
MERGE (e)-[:ABOUT]->(o)
MERGE (e)-[:IN_CLUSTER]->(c)
MERGE (e)-[:STATED_IN]->(s)
