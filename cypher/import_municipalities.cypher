// name: import_municipalities
// params: rows
// The municipalities new organisations are seated in, by their current NIS code, with the
// name each has in the graph (an audit entry records the seat by that name).
UNWIND $rows AS row
MERGE (m:Municipality {nis: row.nis})
ON CREATE SET m.name = row.name, m.province = row.province
RETURN collect({nis: m.nis, name: m.name}) AS seats
