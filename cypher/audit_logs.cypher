// name: audit_logs
// params:
// Whether any zone has a log yet (a graph of an earlier graphmap has none).
MATCH (l:Log)
RETURN l.zone AS zone
LIMIT 1
