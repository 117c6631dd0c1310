// name: gaps_categories
// params: zone, cluster
// Expected categories without an organisation that is involved or member of the cluster.
// `contacted` organisations of that category make the gap "in progress".
MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)-[e:EXPECTS]->(k:Category)
WHERE ($zone IS NULL OR z.id = $zone) AND ($cluster IS NULL OR c.key = $cluster)
OPTIONAL MATCH (o:Organisation)-[m:MEMBER_OF]->(c)
WHERE (o)-[:OF_CATEGORY]->(k)
WITH z, c, e, k,
     collect(CASE WHEN m.status IN ['involved', 'member'] THEN o.name END) AS present,
     collect(CASE WHEN m.status = 'contacted' THEN o.name END) AS contacted
WHERE size(present) = 0
OPTIONAL MATCH (s:Source {id: e.source})
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name,
       k.key AS category, k.name AS category_name, e.basis AS basis, e.reason AS reason,
       e.bodies AS bodies, contacted,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY zone, cluster, basis, category
