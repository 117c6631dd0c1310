// name: register_link_lead
// params: organisation, action, source, by, at
// The organisation becomes the trekker of the action (and is no longer just a partner in it).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
MATCH (o:Organisation {id: $organisation})
MATCH (a:Action {id: $action})
SET o._lock = coalesce(o._lock, 0) + 1
WITH o, a
OPTIONAL MATCH (o)-[old:PARTNER_IN]->(a)
DELETE old
MERGE (o)-[r:LEADS]->(a)
SET r.source = $source, r.by = $by, r.at = $at
RETURN o.id AS organisation, a.id AS action
