// name: import_zone_clusters
// params: zone
// The clusters of one zone with their current members, for memberships in an import.
MATCH (z:Zone {id: $zone})-[:HAS_CLUSTER]->(c:Cluster)
OPTIONAL MATCH (o:Organisation)-[m:MEMBER_OF]->(c)
RETURN c.id AS cluster, c.key AS key, o.id AS organisation, m.status AS status
ORDER BY cluster
