// name: bench_merge_recorded
// params: zone, rows
// The benchmarks' like-for-like baseline for an import: bench_merge_organisations plus what
// every import must also write of each row (bench/): its Source, the engagement change of its
// membership, and its audit entry (the new organisation's, pointing at that change) in the
// zone's log, without any checking.
MERGE (l:Log {zone: $zone})
WITH l
UNWIND $rows AS row
MATCH (k:Category {key: row.category})
MATCH (m:Municipality {nis: row.nis})
MATCH (c:Cluster {id: row.cluster})
MERGE (s:Source {id: row.source})
SET s.document = row.document, s.section = row.section
MERGE (o:Organisation {id: row.id})
SET o.name = row.name, o.kbo = row.kbo
MERGE (o)-[:OF_CATEGORY]->(k)
MERGE (o)-[:LOCATED_IN]->(m)
MERGE (o)-[r:MEMBER_OF]->(c)
SET r.status = row.status, r.source = row.source
MERGE (o)-[:STATED_IN]->(s)
MERGE (e:EngagementChange {id: row.change})
SET e.to_status = row.status, e.at = row.at, e.by = row.by
MERGE (e)-[:ABOUT]->(o)
MERGE (e)-[:IN_CLUSTER]->(c)
MERGE (e)-[:STATED_IN]->(s)
MERGE (a:AuditEntry {id: row.entry})
SET a.at = row.at, a.by = row.by, a.action = 'import.row', a.entity = 'Organisation',
    a.key = row.id, a.zones = row.zones, a.after = row.after, a.change = row.change
MERGE (a)-[:IN_LOG]->(l)
RETURN count(o) AS written
