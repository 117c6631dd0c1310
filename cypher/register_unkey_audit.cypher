// name: register_unkey_audit
// params: person
// An erased contact person whose key was made from their e-mail address or name (before
// keys were random): the audit entries that name them by it keep what was done, without it.
// Read from the log of every zone (audit entries have no index on their key; an erasure is
// rare and the entries of the person's zones are what a Logboek shows).
MATCH (a:AuditEntry {entity: 'Person', key: $person})
SET a.key = null
RETURN count(a) AS unkeyed
