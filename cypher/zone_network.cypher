// name: zone_network
// params: zones
// Every engagement of an organisation in a cluster of the given zones: one row per
// (zone, cluster, organisation), walking out from each zone by its key.
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)<-[m:MEMBER_OF]-(o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN z.id AS zone, c.key AS cluster, o.id AS organisation, o.name AS name,
       k.key AS category, m.status AS status
