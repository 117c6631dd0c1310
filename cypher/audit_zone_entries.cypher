// name: audit_zone_entries
// params: zone, since, action, changes, skip, limit
// The audit of one zone, as audit_entries, read from the zone's log (which a reset of the
// zone keeps, as each entry keeps its `zones`).
MATCH (:Log {zone: $zone})<-[:IN_LOG]-(a:AuditEntry)
WHERE a.at >= $since
  AND ($action = '' OR a.action = $action OR a.action STARTS WITH $action + '.'
       OR ($changes AND a.change IS NOT NULL))
WITH a
ORDER BY a.at DESC, a.id
SKIP $skip
LIMIT $limit
// '' for no change: on this engine a lookup by null reads every EngagementChange.
OPTIONAL MATCH (e:EngagementChange {id: coalesce(a.change, '')})
RETURN a.id AS id, a.at AS at, a.by AS by, a.action AS action, a.entity AS entity,
       a.key AS key, a.zones AS zones, a.before AS before, a.after AS after,
       a.change AS change,
       CASE WHEN a.to_status IS NULL THEN e.from_status ELSE a.from_status END AS from_status,
       coalesce(a.to_status, e.to_status) AS to_status,
       CASE WHEN a.to_status IS NULL THEN e.on ELSE a.change_on END AS change_on
ORDER BY at DESC, id
