// name: category_organisations
// params: category
// The organisations of one category (from the category), to pick from for a gap about it.
MATCH (k:Category {key: $category})<-[:OF_CATEGORY]-(o:Organisation)
RETURN o.id AS id, o.name AS name, k.key AS category, k.cluster AS default_cluster
ORDER BY name, id
