// name: province_category_organisations
// params: zone, category, limit
// The organisations of one category that are involved in or members of a cluster of a zone
// in the same province as `zone`: a partner staff would pick for a gap beside the zone's own
// (zone_category_organisations), such as a patients' association already in the
// neighbouring zone. From the category: a kind is a far narrower set than a province's
// memberships.
MATCH (z:Zone {id: $zone})-[:COVERS]->(home:Municipality)
WITH collect(DISTINCT home.province) AS provinces
MATCH (k:Category {key: $category})<-[:OF_CATEGORY]-(o:Organisation)-[r:MEMBER_OF]->(:Cluster)
      <-[:HAS_CLUSTER]-(other:Zone)
WHERE r.status IN ['involved', 'member']
  AND EXISTS { (other)-[:COVERS]->(m:Municipality) WHERE m.province IN provinces }
WITH DISTINCT o, k
RETURN o.id AS id, o.name AS name, k.key AS category, k.cluster AS default_cluster
ORDER BY name, id
LIMIT $limit
