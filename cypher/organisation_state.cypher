// name: organisation_state
// params: organisations
// Organisations' register fields as they stand: the before and after of their audit entries.
// One row with a list (an import asks for thousands; the embedded engine's cost per returned
// row outweighs the look-ups).
UNWIND $organisations AS wanted
MATCH (o:Organisation {id: wanted})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN collect({id: o.id, name: o.name, kbo: o.kbo, website: o.website, email: o.email,
                phone: o.phone, category: k.key, municipality: m.name}) AS states
