// name: gap_zones
// params:
// Every zone with its clusters: what "all zones" means for the gap report and its peers.
MATCH (z:Zone)
OPTIONAL MATCH (z)-[:HAS_CLUSTER]->(c:Cluster)
RETURN z.id AS id, z.name AS name,
       collect(CASE WHEN c IS NULL THEN NULL ELSE {key: c.key, name: c.name} END) AS clusters
ORDER BY id
