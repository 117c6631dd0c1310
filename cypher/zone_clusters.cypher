// name: zone_clusters
// params: zones
// The given zones with their clusters (how many organisations each holds is counted from
// zone_presence: graphmap/analysis/network.py).
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name
ORDER BY zone_name, cluster
