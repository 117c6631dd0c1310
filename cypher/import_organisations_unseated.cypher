// name: import_organisations_unseated
// params:
// The organisations seated nowhere (a row of any municipality can be one), with what an
// import compares a row against (as import_organisation_index).
MATCH (o:Organisation)
WHERE NOT (o)-[:LOCATED_IN]->(:Municipality)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, nis: null}) AS organisations
