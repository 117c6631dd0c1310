// name: log_zones
// params:
// The zones that have an audit log: a reset keeps a log whose zone the graph no longer has.
MATCH (l:Log)
RETURN l.zone AS zone
ORDER BY zone
