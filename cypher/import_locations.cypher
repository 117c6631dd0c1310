// name: import_locations
// params: rows
// The seat of an organisation: one municipality, by its current NIS code.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MERGE (m:Municipality {nis: row.nis})
SET m.name = coalesce(m.name, row.name), m.province = coalesce(m.province, row.province)
MERGE (o)-[:LOCATED_IN]->(m)
WITH o, row
MATCH (o)-[old:LOCATED_IN]->(other:Municipality)
WHERE other.nis <> row.nis
DELETE old
