// name: audit_keep_change
// params: zone, id
// Before a change's from-status is altered or the change is removed (a change dated earlier
// was recorded after it), its audit entries in the zone's log take its from → to and day as
// their own, so that they keep saying what was recorded then (graphmap/audit.py). An entry
// that holds its own already keeps them.
MATCH (e:EngagementChange {id: $id})
MATCH (:Log {zone: $zone})<-[:IN_LOG]-(a:AuditEntry)
WHERE a.change = $id AND a.to_status IS NULL
SET a.from_status = e.from_status, a.to_status = e.to_status, a.change_on = e.on
RETURN count(a) AS kept
