// name: categories
// params:
// The partner categories with the cluster kind they belong to by default.
MATCH (k:Category)
RETURN k.key AS key, k.name AS name, k.cluster AS cluster, k.optional AS optional
ORDER BY name
