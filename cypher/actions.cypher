// name: actions
// params: zone
// The actions of a plan with their goal and lead.
MATCH (a:Action)-[:UNDER]->(og:Goal)-[:OF_ZONE]->(z:Zone)
WHERE $zone IS NULL OR z.id = $zone
OPTIONAL MATCH (og)-[:UNDER]->(sg:Goal)
OPTIONAL MATCH (lead:Organisation)-[:LEADS]->(a)
RETURN z.id AS zone, a.id AS id, a.code AS code, a.title AS title, a.period AS period,
       og.number AS goal, og.title AS goal_title, sg.number AS strategic_goal,
       collect(lead.name) AS leads
ORDER BY zone, goal, code
