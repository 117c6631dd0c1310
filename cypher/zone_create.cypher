// name: zone_create
// params: zone, zone_name, plan_title, plan_period, plan_document, source
// A zone, created if it is not there yet; a zone that has only its id for a name (made by
// an older import) gets the name now. Plan fields are filled where empty.
MATCH (s:Source {id: $source})
MERGE (z:Zone {id: $zone})
ON CREATE SET z.name = $zone_name
SET z.name = CASE WHEN z.name IS NULL OR z.name = z.id THEN $zone_name ELSE z.name END,
    z.plan_title = coalesce(z.plan_title, $plan_title),
    z.plan_period = coalesce(z.plan_period, $plan_period),
    z.plan_document = coalesce(z.plan_document, $plan_document)
MERGE (z)-[:STATED_IN]->(s)
RETURN z.id AS zone, z.name AS name
