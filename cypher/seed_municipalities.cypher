// name: seed_municipalities
// params: rows
UNWIND $rows AS row
MERGE (m:Municipality {nis: row.nis})
ON CREATE SET m.name = row.name, m.province = row.province
