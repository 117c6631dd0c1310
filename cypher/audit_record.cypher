// name: audit_record
// params: rows
// Audit entries, written in the transaction of the change they record (see graphmap/audit.py).
UNWIND $rows AS row
CREATE (a:AuditEntry {id: row.id, at: row.at, by: row.by, action: row.action,
                      entity: row.entity, key: row.key, zones: row.zones, before: row.before,
                      after: row.after, change: row.change})
RETURN count(a) AS written
