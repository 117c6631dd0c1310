// name: import_plan_actions
// params: rows
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (a:Action {id: row.id})
SET a.code = row.code, a.title = row.title, a.period = row.period, a.zone = row.zone,
    a.partner_groups = row.partner_groups, a.target_groups = row.target_groups,
    a.indicators = row.indicators
MERGE (a)-[:STATED_IN]->(s)
WITH a, row
// '' for none: on this engine a lookup by null reads every Goal.
OPTIONAL MATCH (g:Goal {id: coalesce(row.goal, '')})
FOREACH (goal IN CASE WHEN g IS NULL THEN [] ELSE [g] END | MERGE (a)-[:UNDER]->(goal))
// A new version of the plan that puts the action under another goal: the old one goes, so
// that the action stands under one goal only.
WITH a, g
OPTIONAL MATCH (a)-[old:UNDER]->(other:Goal)
WITH a, collect(CASE WHEN g IS NOT NULL AND other.id <> g.id THEN old END) AS stale
FOREACH (link IN stale | DELETE link)
RETURN count(a) AS written
