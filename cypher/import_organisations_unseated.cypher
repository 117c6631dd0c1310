// name: import_organisations_unseated
// params:
// The organisations seated nowhere (a row of any municipality can be one), with what an
// import compares a row against (as import_organisation_index), and the zones each belongs
// to (of its clusters, whatever the status, and of the actions it leads or works on): a
// regional body several zones share is kept without a seat, and one zone's list giving the
// address of its local office does not seat it for all of them (graphmap/ingest/spreadsheet).
MATCH (o:Organisation)
WHERE NOT (o)-[:LOCATED_IN]->(:Municipality)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, nis: null,
                zones: [(o)-[:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z:Zone) | z.id] +
                       [(o)-[:LEADS|PARTNER_IN]->(a:Action) | a.zone]}) AS organisations
