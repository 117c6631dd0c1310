// name: audit_any
// params:
// Whether the graph holds any audit entry (a graph without logs links its entries to them
// once; one without entries has nothing to link, and a connect writes nothing).
MATCH (a:AuditEntry)
RETURN a.id AS id
LIMIT 1
