// name: seed_memberships
// params: rows
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MERGE (o)-[r:MEMBER_OF]->(c)
SET r.status = row.status, r.bodies = row.bodies, r.since = row.since, r.source = row.source
