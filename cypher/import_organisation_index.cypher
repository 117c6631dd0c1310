// name: import_organisation_index
// params:
// Every organisation with what an import compares a spreadsheet row against.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, o.name AS name, o.kbo AS kbo, o.website AS website, o.email AS email,
       o.phone AS phone, k.key AS category, m.nis AS nis
ORDER BY id
