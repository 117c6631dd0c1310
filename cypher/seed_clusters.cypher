// name: seed_clusters
// params: rows
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MERGE (c:Cluster {id: row.id})
ON CREATE SET c.key = row.key, c.name = row.name, c.zone = row.zone
MERGE (z)-[:HAS_CLUSTER]->(c)
WITH c, row
MATCH (s:Source {id: row.source})
MERGE (c)-[:STATED_IN]->(s)
