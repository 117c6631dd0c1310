// name: action_ids_for
// params: actions, goals, zone
// Action ids selected by action id, or by goal (operational, or strategic with all its
// operational goals) of one zone: each branch starts from its own key.
CALL () {
  UNWIND $actions AS id
  MATCH (a:Action {id: id})-[:UNDER]->(:Goal)-[:OF_ZONE]->(:Zone)
  RETURN a.id AS id
  UNION
  MATCH (:Zone {id: $zone})<-[:OF_ZONE]-(og:Goal)<-[:UNDER]-(a:Action)
  WHERE og.number IN $goals OR EXISTS {
    MATCH (og)-[:UNDER]->(sg:Goal) WHERE sg.number IN $goals }
  RETURN a.id AS id
}
RETURN id
ORDER BY id
