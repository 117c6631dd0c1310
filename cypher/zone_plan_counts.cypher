// name: zone_plan_counts
// params:
// Per zone: municipalities covered, goals per level, actions.
MATCH (z:Zone)
OPTIONAL MATCH (z)-[:COVERS]->(m:Municipality)
WITH z, count(DISTINCT m) AS municipalities
OPTIONAL MATCH (sg:Goal {level: 'strategic'})-[:OF_ZONE]->(z)
WITH z, municipalities, count(DISTINCT sg) AS strategic_goals
OPTIONAL MATCH (og:Goal {level: 'operational'})-[:OF_ZONE]->(z)
WITH z, municipalities, strategic_goals, count(DISTINCT og) AS operational_goals
OPTIONAL MATCH (a:Action)-[:UNDER]->(:Goal)-[:OF_ZONE]->(z)
RETURN z.id AS zone, z.name AS name, municipalities, strategic_goals, operational_goals,
       count(DISTINCT a) AS actions
ORDER BY zone
