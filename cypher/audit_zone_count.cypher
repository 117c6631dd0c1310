// name: audit_zone_count
// params: zone, since, action, changes
// How many entries audit_zone_entries finds, with no limit.
MATCH (:Log {zone: $zone})<-[:IN_LOG]-(a:AuditEntry)
WHERE a.at >= $since
  AND ($action = '' OR a.action = $action OR a.action STARTS WITH $action + '.'
       OR ($changes AND a.change IS NOT NULL))
RETURN count(a) AS total
