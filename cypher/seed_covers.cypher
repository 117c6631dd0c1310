// name: seed_covers
// params: rows
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MATCH (m:Municipality {nis: row.nis})
MERGE (z)-[r:COVERS]->(m)
ON CREATE SET r.source = row.source
