// name: import_municipalities
// params: rows
// The municipalities new organisations are seated in, by their current NIS code.
UNWIND $rows AS row
MERGE (m:Municipality {nis: row.nis})
ON CREATE SET m.name = row.name, m.province = row.province
