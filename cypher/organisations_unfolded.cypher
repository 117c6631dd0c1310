// name: organisations_unfolded
// params:
// The organisations without `folded` (the name as the register orders and searches it): of
// a graph written before graphmap kept it, or by a writer outside graphmap.
MATCH (o:Organisation)
WHERE o.folded IS NULL
RETURN o.id AS id, o.name AS name
