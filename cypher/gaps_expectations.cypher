// name: gaps_expectations
// params: zones, cluster
// What each cluster of these zones is expected to hold (the reference frame, or the zone's
// own plan), why, and on what source.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})-[:HAS_CLUSTER]->(c:Cluster)
WHERE $cluster IS NULL OR c.key = $cluster
MATCH (c)-[e:EXPECTS]->(k:Category)
OPTIONAL MATCH (s:Source {id: e.source})
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name,
       k.key AS category, k.name AS category_name, e.basis AS basis, e.reason AS reason,
       e.bodies AS bodies, coalesce(s.title, s.document) AS source_document,
       s.section AS source_section
