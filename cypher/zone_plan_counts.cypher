// name: zone_plan_counts
// params:
// Per zone: municipalities covered, goals per level, actions; each counted from the zone.
MATCH (z:Zone)
RETURN z.id AS zone, z.name AS name,
       COUNT { (z)-[:COVERS]->(:Municipality) } AS municipalities,
       COUNT { (z)<-[:OF_ZONE]-(g:Goal) WHERE g.level = 'strategic' } AS strategic_goals,
       COUNT { (z)<-[:OF_ZONE]-(g:Goal) WHERE g.level = 'operational' } AS operational_goals,
       COUNT { (z)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(:Action) } AS actions
ORDER BY zone
