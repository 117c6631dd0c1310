// name: audit_count
// params: since, action, changes
// How many entries audit_entries finds, with no limit.
MATCH (a:AuditEntry)
WHERE a.at >= $since
  AND ($action = '' OR a.action = $action OR a.action STARTS WITH $action + '.'
       OR ($changes AND a.change IS NOT NULL))
RETURN count(a) AS total
