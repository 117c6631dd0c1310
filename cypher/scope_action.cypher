// name: scope_action
// params: action
// The zone whose plan an action belongs to.
MATCH (a:Action {id: $action})
RETURN a.zone AS zone
