// name: audit_zone_entries
// params: zone, since, action, skip, limit
// The audit of one zone, as audit_entries. The zone is a property of the entry, not a link:
// an entry keeps what it said when its zone is reset.
MATCH (a:AuditEntry)
WHERE a.at >= $since AND $zone IN a.zones
  AND ($action = '' OR a.action = $action OR a.action STARTS WITH $action + '.')
WITH a
ORDER BY a.at DESC, a.id
SKIP $skip
LIMIT $limit
// '' for no change: on this engine a lookup by null reads every EngagementChange.
OPTIONAL MATCH (e:EngagementChange {id: coalesce(a.change, '')})
RETURN a.id AS id, a.at AS at, a.by AS by, a.action AS action, a.entity AS entity,
       a.key AS key, a.zones AS zones, a.before AS before, a.after AS after,
       a.change AS change, e.from_status AS from_status, e.to_status AS to_status,
       e.on AS change_on
ORDER BY at DESC, id
