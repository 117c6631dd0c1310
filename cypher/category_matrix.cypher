// name: category_matrix
// params:
// Every partner category against every zone, in four kinds of row: the zones; the
// categories; which cluster kinds of which zones expect a category, on what basis; and per
// cluster and category, the statuses of the organisations engaged there, with the first
// few names. One pass over the memberships, read per cluster (its `zone` and `key`).
MATCH (z:Zone)-[:HAS_CLUSTER]->(:Cluster)
RETURN DISTINCT 'zone' AS part, z.id AS zone, z.name AS name, null AS optional,
       null AS cluster, null AS category, null AS basis, [] AS zones, [] AS statuses,
       [] AS names
UNION ALL
MATCH (k:Category)
RETURN 'category' AS part, null AS zone, k.name AS name, k.optional AS optional,
       k.cluster AS cluster, k.key AS category, null AS basis, [] AS zones, [] AS statuses,
       [] AS names
UNION ALL
MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)-[e:EXPECTS]->(k:Category)
RETURN 'expected' AS part, null AS zone, null AS name, null AS optional, c.key AS cluster,
       k.key AS category, e.basis AS basis, collect(z.id) AS zones, [] AS statuses,
       [] AS names
UNION ALL
MATCH (c:Cluster)<-[m:MEMBER_OF]-(o:Organisation)-[:OF_CATEGORY]->(k:Category)
WITH c, k, collect(m.status) AS statuses, collect(o) AS organisations
RETURN 'engaged' AS part, c.zone AS zone, null AS name, null AS optional, c.key AS cluster,
       k.key AS category, null AS basis, [] AS zones, statuses,
       [o IN organisations[..5] | o.name] AS names
