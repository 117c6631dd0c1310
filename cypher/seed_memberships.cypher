// name: seed_memberships
// params: rows
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:MEMBER_OF]->(c)
SET r.status = row.status, r.bodies = row.bodies, r.since = row.since, r.source = row.source
