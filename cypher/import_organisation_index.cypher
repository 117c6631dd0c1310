// name: import_organisation_index
// params:
// Every organisation with what an import compares a spreadsheet row against, as one list
// (30,000 organisations for Flanders: the embedded engine's cost per returned row outweighs
// the walk; graphmap.ingest.spreadsheet.organisation_index orders it by id). One seated
// nowhere comes with its zones, as import_organisations_unseated gives them.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, nis: m.nis,
                zones: CASE WHEN m IS NULL
                         THEN [(o)-[:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z:Zone) | z.id] +
                              [(o)-[:LEADS|PARTNER_IN]->(a:Action) | a.zone]
                         ELSE [] END}) AS organisations
