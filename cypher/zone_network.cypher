// name: zone_network
// params: zones
// Zones, their clusters and the organisations that are members of (or engaged with) them.
MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)
WHERE z.id IN $zones
OPTIONAL MATCH (o:Organisation)-[m:MEMBER_OF]->(c)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN z.id AS zone, z.name AS zone_name, c.id AS cluster, c.key AS cluster_key,
       c.name AS cluster_name, o.id AS organisation, o.name AS organisation_name,
       k.key AS category, m.status AS status
ORDER BY zone, cluster, organisation_name
