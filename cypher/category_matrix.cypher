// name: category_matrix
// params:
// Per partner category: which zone's cluster expects it (and on what basis) and which
// organisations of that category are engaged in a zone's cluster, with their status.
// The first branch yields one row per category even where no zone has or expects it.
MATCH (k:Category)
CALL (k) {
  RETURN null AS zone, null AS zone_name, null AS cluster, null AS basis,
         null AS organisation, null AS status
  UNION ALL
  MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)-[e:EXPECTS]->(k)
  RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, e.basis AS basis,
         null AS organisation, null AS status
  UNION ALL
  MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)<-[m:MEMBER_OF]-(o:Organisation)
  WHERE (o)-[:OF_CATEGORY]->(k)
  RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, null AS basis,
         o.name AS organisation, m.status AS status
}
RETURN k.key AS category, k.name AS category_name, k.cluster AS category_cluster,
       k.optional AS optional, zone, zone_name, cluster, basis, organisation, status
ORDER BY category, zone, cluster, organisation
