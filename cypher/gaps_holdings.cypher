// name: gaps_holdings
// params: zones, cluster
// Per cluster of these zones and per partner category among its members: whether one of
// them is involved or member (the cluster holds the category), and who is only contacted.
// Read from each cluster outwards; category and peer gaps are derived from these rows.
// One row per zone (its holdings as a list): the embedded engine's cost per row returned
// outweighs the walk itself at all of Flanders.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})-[:HAS_CLUSTER]->(c:Cluster)
WHERE $cluster IS NULL OR c.key = $cluster
MATCH (c)<-[m:MEMBER_OF]-(o:Organisation)-[:OF_CATEGORY]->(k:Category)
WITH z, c, k, collect(m.status) AS statuses,
     collect(CASE m.status WHEN 'contacted' THEN o.name END) AS contacted
RETURN z.id AS zone,
       collect({cluster: c.key, category: k.key, category_name: k.name,
                held: any(s IN statuses WHERE s IN ['involved', 'member']),
                contacted: contacted}) AS holdings
