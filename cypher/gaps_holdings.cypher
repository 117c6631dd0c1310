// name: gaps_holdings
// params: zones, cluster
// Per cluster of these zones and per partner category among its members: whether one of
// them is involved or member (the cluster holds the category), and who is only contacted.
// Read from each cluster outwards; category and peer gaps are derived from these rows.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})-[:HAS_CLUSTER]->(c:Cluster)
WHERE $cluster IS NULL OR c.key = $cluster
MATCH (c)<-[m:MEMBER_OF]-(o:Organisation)-[:OF_CATEGORY]->(k:Category)
WITH z, c, k, collect(m.status) AS statuses,
     collect(CASE m.status WHEN 'contacted' THEN o.name END) AS contacted
RETURN z.id AS zone, c.key AS cluster, k.key AS category, k.name AS category_name,
       any(s IN statuses WHERE s IN ['involved', 'member']) AS held, contacted
