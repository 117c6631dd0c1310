// name: zone_goals
// params: zones
// The goals of the given zones' plans, each with the goal it falls under.
UNWIND $zones AS id
MATCH (z:Zone {id: id})<-[:OF_ZONE]-(g:Goal)
OPTIONAL MATCH (g)-[:UNDER]->(p:Goal)
RETURN z.id AS zone, g.id AS id, g.level AS level, g.number AS number, g.title AS title,
       p.id AS parent
ORDER BY zone, number
