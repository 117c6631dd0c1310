// name: audit_erasures
// params:
// Every erasure of a contact person the audit records: a restore of an older backup keeps
// them (graphmap/register.py). Rare, so read from all entries.
MATCH (a:AuditEntry {action: 'contact.erase'})
RETURN a.id AS id, a.at AS at, a.by AS by, a.action AS action, a.entity AS entity,
       a.key AS key, a.zones AS zones, a.before AS before, a.after AS after,
       a.change AS change
