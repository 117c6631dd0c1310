// name: audit_link_logs
// params:
// Link the audit entries of a graph written before zones had logs (or restored from such a
// backup) to the log of each zone they concern.
MATCH (a:AuditEntry)
WHERE size(a.zones) > 0 AND NOT (a)-[:IN_LOG]->(:Log)
UNWIND a.zones AS zone
MERGE (l:Log {zone: zone})
CREATE (a)-[:IN_LOG]->(l)
RETURN count(DISTINCT a) AS linked
