// name: organisation_state
// params: organisations
// An organisation's register fields as they stand: the before and after of its audit entry.
UNWIND $organisations AS wanted
MATCH (o:Organisation {id: wanted})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, o.name AS name, o.kbo AS kbo, o.website AS website, k.key AS category,
       m.name AS municipality
