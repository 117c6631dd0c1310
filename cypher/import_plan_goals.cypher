// name: import_plan_goals
// params: rows
// Strategic goals come first in the rows, so that an operational goal finds its parent.
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MATCH (s:Source {id: row.source})
MERGE (g:Goal {id: row.id})
// A goal a year plan names by number only ('bijdrage aan OD 2.3') has no title in it: the
// title the graph holds (the multi-year plan's) stays.
SET g.level = row.level, g.number = row.number, g.zone = row.zone,
    g.title = CASE WHEN row.title = '' AND g.title IS NOT NULL THEN g.title ELSE row.title END
MERGE (g)-[:OF_ZONE]->(z)
MERGE (g)-[:STATED_IN]->(s)
WITH g, row
// '' for none: on this engine a lookup by null reads every Goal.
OPTIONAL MATCH (p:Goal {id: coalesce(row.parent, '')})
FOREACH (parent IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (g)-[:UNDER]->(parent))
// A new version of the plan that puts the goal under another parent: the old one goes, so
// that the goal stands under one parent only.
WITH g, p
OPTIONAL MATCH (g)-[old:UNDER]->(other:Goal)
WITH g, collect(CASE WHEN p IS NOT NULL AND other.id <> p.id THEN old END) AS stale
FOREACH (link IN stale | DELETE link)
RETURN count(g) AS written
