// name: import_organisations
// params: rows, by, at
// New organisations and new values for known ones; an empty value keeps what is there.
// The version goes up, so that a register form opened before the import is not saved over it,
// and the form's message names who imported what, and when.
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (o:Organisation {id: row.id})
SET o.name = coalesce(o.name, row.name), o.folded = coalesce(o.folded, row.folded),
    o.kbo = coalesce(row.kbo, o.kbo),
    o.website = coalesce(row.website, o.website), o.email = coalesce(row.email, o.email),
    o.phone = coalesce(row.phone, o.phone), o.version = coalesce(o.version, 0) + 1,
    o.updated_by = $by, o.updated_at = $at
MERGE (o)-[:STATED_IN]->(s)
RETURN count(o) AS written
