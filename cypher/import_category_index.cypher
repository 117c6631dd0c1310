// name: import_category_index
// params:
MATCH (k:Category)
RETURN k.key AS key, k.name AS name
ORDER BY key
