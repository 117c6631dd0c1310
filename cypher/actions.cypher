// name: actions
// params: zone
// The actions of a plan (or of every plan) with their goal and lead.
CALL () {
  MATCH (z:Zone {id: $zone})
  RETURN z
  UNION
  MATCH (z:Zone)
  WHERE $zone IS NULL
  RETURN z
}
MATCH (z)<-[:OF_ZONE]-(og:Goal)<-[:UNDER]-(a:Action)
OPTIONAL MATCH (og)-[:UNDER]->(sg:Goal)
OPTIONAL MATCH (a)<-[:LEADS]-(lead:Organisation)
RETURN z.id AS zone, a.id AS id, a.code AS code, a.title AS title, a.period AS period,
       og.number AS goal, og.title AS goal_title, sg.number AS strategic_goal,
       collect(lead.name) AS leads
ORDER BY zone, goal, code
