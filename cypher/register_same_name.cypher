// name: register_same_name
// params: org_name
// Organisations with exactly this name, and their seat: a new one of the same name in the
// same municipality is the same organisation saved twice (a double click, two editors).
MATCH (o:Organisation {name: $org_name})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, m.nis AS nis, m.name AS municipality
