// name: bench_zone_organisations
// params: zone
// The organisations of a zone's clusters, by id (bench/: whom its contact moments are with).
MATCH (:Zone {id: $zone})-[:HAS_CLUSTER]->(:Cluster)<-[:MEMBER_OF]-(o:Organisation)
RETURN DISTINCT o.id AS id
ORDER BY id
