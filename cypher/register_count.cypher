// name: register_count
// params:
// How many organisations the register holds (a search counts its own: register_search).
MATCH (o:Organisation)
RETURN count(o) AS total
