// name: bench_merge_organisations
// params: rows
// The benchmarks' baseline for an import: the same organisations, their category, seat and
// membership written by a bare UNWIND … MERGE, without any checking (bench/).
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MATCH (k:Category {key: row.category})
MATCH (m:Municipality {nis: row.nis})
MATCH (c:Cluster {id: row.cluster})
MERGE (o:Organisation {id: row.id})
SET o.name = row.name, o.kbo = row.kbo
MERGE (o)-[:OF_CATEGORY]->(k)
MERGE (o)-[:LOCATED_IN]->(m)
MERGE (o)-[r:MEMBER_OF]->(c)
SET r.status = row.status
MERGE (o)-[:STATED_IN]->(s)
RETURN count(o) AS written
