// name: import_plan_unlink
// params: rows
// Links of an action to an organisation that a new version of the zone's plan no longer
// states: each row names the organisation, the action and the type (LEADS or PARTNER_IN).
// Only a link a plan import wrote and nobody changed since is removed (see import_plan_current).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})-[r:LEADS|PARTNER_IN]->(a:Action {id: row.action})
WHERE type(r) = row.type AND r.plan_source = r.source
DELETE r
RETURN count(*) AS removed
