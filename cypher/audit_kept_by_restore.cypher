// name: audit_kept_by_restore
// params:
// The audit entries a restore of an older backup keeps (graphmap/register.py): every erasure
// of a contact person and every change of a user. Rare, so read from all entries.
MATCH (a:AuditEntry)
WHERE a.action = 'contact.erase' OR a.action STARTS WITH 'user.'
RETURN a.id AS id, a.at AS at, a.by AS by, a.action AS action, a.entity AS entity,
       a.key AS key, a.zones AS zones, a.before AS before, a.after AS after,
       a.change AS change
