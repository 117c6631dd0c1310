// name: register_zone
// params: zone, words, skip, limit
// One page of a zone's register, optionally of a search (every word must find the
// organisation, as in register_search), and how many it finds in all. A zone's organisations
// are those in its clusters (any status), those working on its actions, and those seated in
// its municipalities (where a missing partner is usually found). Read from the zone outwards,
// so a page costs the same however many zones the graph holds.
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
WHERE all(w IN $words WHERE o.folded CONTAINS w.text
          OR (w.digits <> '' AND o.kbo CONTAINS w.digits)
          OR (size(w.categories) > 0
              AND EXISTS { MATCH (o)-[:OF_CATEGORY]->(k:Category) WHERE k.key IN w.categories })
          OR (size(w.places) > 0
              AND EXISTS { MATCH (o)-[:LOCATED_IN]->(mu:Municipality) WHERE mu.nis IN w.places }))
WITH o.id AS id, o.folded AS name
ORDER BY name, id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
