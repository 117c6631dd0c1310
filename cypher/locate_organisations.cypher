// name: locate_organisations
// params: rows
// The seat of organisations: rows of {id, municipality (NIS code)}.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.id})
MATCH (m:Municipality {nis: row.municipality})
MERGE (o)-[:LOCATED_IN]->(m)
RETURN count(m) AS located
