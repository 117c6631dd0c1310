// name: import_organisations_numbered
// params: kbos
// The organisations with these KBO numbers, wherever they are seated (the same number is the
// same organisation anywhere), with what an import compares a row against (as
// import_organisation_index).
UNWIND $kbos AS number
MATCH (o:Organisation {kbo: number})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, nis: m.nis}) AS organisations
