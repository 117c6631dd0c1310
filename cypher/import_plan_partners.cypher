// name: import_plan_partners
// params: rows
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (a:Action {id: row.action})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:PARTNER_IN]->(a)
// plan_source: written by a plan import (a new version of the plan may take it away).
SET r.role = coalesce(r.role, row.role), r.source = row.source, r.plan_source = row.source
RETURN count(r) AS written
