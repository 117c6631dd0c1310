// name: zone_expectations
// params: zone
// What each cluster of a zone is expected to hold: one row per expectation (reference or target).
MATCH (z:Zone {id: $zone})-[:HAS_CLUSTER]->(c:Cluster)-[e:EXPECTS]->(k:Category)
RETURN c.key AS cluster, k.key AS category, e.basis AS basis
