// name: register_names
// params: skip, limit
// One page of the register's organisation ids, in name order, case aside ("de Linde"
// among the D's, not after Z).
MATCH (o:Organisation)
RETURN o.id AS id
ORDER BY toLower(o.name), o.id
SKIP $skip
LIMIT $limit
