// name: audit_record
// params: zones, rows
// Audit entries that concern the same `zones`, written in the transaction of the change they
// record (see graphmap/audit.py), each linked to the log of each of those zones.
UNWIND $zones AS zone
MERGE (l:Log {zone: zone})
WITH collect(l) AS logs
UNWIND $rows AS row
CREATE (a:AuditEntry {id: row.id, at: row.at, by: row.by, action: row.action,
                      entity: row.entity, key: row.key, zones: row.zones, before: row.before,
                      after: row.after, change: row.change})
FOREACH (l IN logs | CREATE (a)-[:IN_LOG]->(l))
RETURN count(a) AS written
