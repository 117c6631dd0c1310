// name: import_organisations_seated
// params: nis
// The organisations seated in these municipalities (NIS codes), with what an import compares
// a row against (as import_organisation_index): a list of a zone's rows is compared with
// these, not with the 30,000 organisations of Flanders.
UNWIND $nis AS code
MATCH (m:Municipality {nis: code})<-[:LOCATED_IN]-(o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, nis: m.nis}) AS organisations
