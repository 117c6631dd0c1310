// name: register_terms
// params: texts
// For each search word (lower case): the categories and the municipalities whose name holds
// it, so that the register search finds an organisation by its kind or its seat as well.
// Both lists are short (some 40 categories; Flanders has 300 municipalities).
UNWIND $texts AS text
OPTIONAL MATCH (k:Category)
WHERE toLower(k.name) CONTAINS text
WITH text, collect(k.key) AS categories
OPTIONAL MATCH (mu:Municipality)
WHERE toLower(mu.name) CONTAINS text
RETURN text, categories, collect(mu.nis) AS places
