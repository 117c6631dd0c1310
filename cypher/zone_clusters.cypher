// name: zone_clusters
// params: zones
// The given zones with their clusters and how many organisations each cluster holds (involved
// or member: a contacted one is in progress, not present) and how many it is in contact with;
// counting the relationships without visiting the organisations keeps the view of all of
// Flanders cheap.
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name,
       COUNT { (c)<-[m:MEMBER_OF]-() WHERE m.status IN ['involved', 'member'] }
         AS organisations,
       COUNT { (c)<-[m:MEMBER_OF]-() WHERE m.status = 'contacted' } AS contacted
ORDER BY zone_name, cluster
