// name: zone_covers
// params: zone, rows
// The municipalities a zone covers, by their current NIS code, each with its source.
MATCH (z:Zone {id: $zone})
UNWIND $rows AS row
MERGE (m:Municipality {nis: row.nis})
ON CREATE SET m.name = row.name, m.province = row.province
MERGE (z)-[c:COVERS]->(m)
SET c.source = row.source
RETURN count(c) AS written
