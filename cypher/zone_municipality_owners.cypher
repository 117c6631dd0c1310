// name: zone_municipality_owners
// params: nis
// The zones that already cover these municipalities, by NIS code (graphmap zone add warns
// when a new zone takes a municipality another zone covers).
UNWIND $nis AS code
MATCH (m:Municipality {nis: code})<-[:COVERS]-(z:Zone)
RETURN m.nis AS nis, m.name AS municipality, z.id AS zone, z.name AS zone_name
ORDER BY municipality, zone
