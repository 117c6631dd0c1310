// name: import_memberships
// params: rows
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MERGE (o)-[m:MEMBER_OF]->(c)
SET m.status = row.status, m.source = row.source, m.since = coalesce(m.since, row.since)
RETURN count(m) AS written
