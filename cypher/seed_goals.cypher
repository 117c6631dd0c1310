// name: seed_goals
// params: rows
// Goals new to the graph only (the loader leaves out those it holds).
// Strategic goals first in the rows, so that an operational goal finds its parent.
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MERGE (g:Goal {id: row.id})
ON CREATE SET g.level = row.level, g.number = row.number, g.title = row.title, g.zone = row.zone
MERGE (g)-[:OF_ZONE]->(z)
WITH g, row
MATCH (s:Source {id: row.source})
MERGE (g)-[:STATED_IN]->(s)
WITH g, row
WHERE row.parent IS NOT NULL
MATCH (p:Goal {id: row.parent})
MERGE (g)-[:UNDER]->(p)
