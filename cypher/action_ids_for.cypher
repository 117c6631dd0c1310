// name: action_ids_for
// params: actions, goals, zone
// Action ids selected by action id, by goal (operational, or strategic with all its
// operational goals) of one zone.
MATCH (a:Action)-[:UNDER]->(og:Goal)-[:OF_ZONE]->(z:Zone)
WHERE a.id IN $actions
   OR (z.id = $zone AND (og.number IN $goals OR EXISTS {
         MATCH (og)-[:UNDER]->(sg:Goal) WHERE sg.number IN $goals }))
RETURN a.id AS id
ORDER BY id
