// name: bench_zone_municipalities
// params: zone
// The municipalities of a zone, for the organisations a benchmark imports into it.
MATCH (:Zone {id: $zone})-[:COVERS]->(m:Municipality)
RETURN m.nis AS nis, m.name AS name
ORDER BY nis
