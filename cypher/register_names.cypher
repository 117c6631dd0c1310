// name: register_names
// params: skip, limit
// One page of the register's organisation ids, in name order as `folded` holds it: case,
// accents and an opening apostrophe aside ("de Linde" among the D's, "Éclat" among the E's,
// "’t Kapelleke" among the T's, none after Z).
MATCH (o:Organisation)
RETURN o.id AS id
ORDER BY o.folded, o.id
SKIP $skip
LIMIT $limit
