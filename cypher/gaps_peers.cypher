// name: gaps_peers
// params: zone, cluster
// A category that more than half of the other zones hold (involved/member) in a cluster,
// but this zone does not.
MATCH (z:Zone)
WITH collect(z.id) AS zones
MATCH (o:Organisation)-[m:MEMBER_OF]->(c:Cluster)<-[:HAS_CLUSTER]-(peer:Zone)
MATCH (o)-[:OF_CATEGORY]->(k:Category)
WHERE m.status IN ['involved', 'member'] AND ($cluster IS NULL OR c.key = $cluster)
WITH zones, c.key AS cluster, k, collect(DISTINCT peer.id) AS holders
UNWIND zones AS zone_id
WITH zone_id, cluster, k, holders, size(zones) - 1 AS others
WHERE NOT zone_id IN holders AND size(holders) * 2 > others
  AND ($zone IS NULL OR zone_id = $zone)
MATCH (z:Zone {id: zone_id})-[:HAS_CLUSTER]->(c:Cluster {key: cluster})
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name,
       k.key AS category, k.name AS category_name, holders, others
ORDER BY zone, cluster, category
