// name: organisation_choices
// params:
// Organisations to pick from when recording an engagement, with their category.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
RETURN o.id AS id, o.name AS name, k.key AS category, k.cluster AS default_cluster
ORDER BY name
