// name: register_names
// params: skip, limit
// One page of the register's organisation ids, in name order (read in the order of the
// name index, so a page costs the same however large the register grows).
MATCH (o:Organisation)
RETURN o.id AS id
ORDER BY o.name
SKIP $skip
LIMIT $limit
