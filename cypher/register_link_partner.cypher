// name: register_link_partner
// params: organisation, action, source, by, at
// The organisation becomes a partner (met wie?) of the action, and no longer its trekker.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
MATCH (o:Organisation {id: $organisation})
MATCH (a:Action {id: $action})
SET o._lock = coalesce(o._lock, 0) + 1
WITH o, a
OPTIONAL MATCH (o)-[old:LEADS]->(a)
DELETE old
MERGE (o)-[r:PARTNER_IN]->(a)
SET r.source = $source, r.by = $by, r.at = $at
RETURN o.id AS organisation, a.id AS action
