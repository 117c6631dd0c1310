// name: zone_add_clusters
// params: zone, rows
// The four clusters of a zone (zorg, welzijn, PZON, lokale besturen) with their source.
MATCH (z:Zone {id: $zone})
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (c:Cluster {id: row.id})
ON CREATE SET c.key = row.key, c.name = row.name, c.zone = $zone
MERGE (z)-[:HAS_CLUSTER]->(c)
MERGE (c)-[:STATED_IN]->(s)
RETURN count(c) AS written
