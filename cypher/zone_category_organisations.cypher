// name: zone_category_organisations
// params: zone, category
// The organisations of one category among a zone's own (in its clusters, working on its
// actions, seated in its municipalities: a zone's register, register_zone), to pick from for
// a gap about it; others are found by a search. Read from the zone outwards: from the
// category it read every organisation of that kind in Flanders (9,000 woonzorgcentra at 60
// zones of 1,800), sent whole to the browser as the choices of one gap.
MATCH (z:Zone {id: $zone})
CALL (z) {
  MATCH (z)-[:HAS_CLUSTER]->(:Cluster)<-[:MEMBER_OF]-(o:Organisation)
  RETURN o
  UNION
  MATCH (z)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(:Action)<-[:LEADS|PARTNER_IN]-(o:Organisation)
  RETURN o
  UNION
  MATCH (z)-[:COVERS]->(:Municipality)<-[:LOCATED_IN]-(o:Organisation)
  RETURN o
}
// DISTINCT: the embedded engine's UNION keeps a node found by two branches twice.
WITH DISTINCT o
MATCH (o)-[:OF_CATEGORY]->(k:Category {key: $category})
RETURN o.id AS id, o.name AS name, k.key AS category, k.cluster AS default_cluster
ORDER BY name, id
