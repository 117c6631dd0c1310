// name: seed_actions
// params: rows
// Actions new to the graph only (the loader leaves out those it holds: their links and
// fields are the users' now).
UNWIND $rows AS row
MATCH (g:Goal {id: row.goal})
MERGE (a:Action {id: row.id})
ON CREATE SET a.code = row.code, a.title = row.title, a.period = row.period, a.zone = row.zone,
              a.partner_groups = row.partner_groups, a.target_groups = row.target_groups,
              a.placeholder = row.placeholder
MERGE (a)-[:UNDER]->(g)
WITH a, row
MATCH (s:Source {id: row.source})
MERGE (a)-[:STATED_IN]->(s)
