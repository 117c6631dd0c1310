// name: organisation_ids
// params: ids
MATCH (o:Organisation)
WHERE o.id IN $ids
RETURN o.id AS id
ORDER BY id
