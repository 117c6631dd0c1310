// name: import_memberships
// params: rows
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[m:MEMBER_OF]->(c)
SET m.status = row.status, m.source = row.source, m.since = coalesce(m.since, row.since)
RETURN count(m) AS written
