// name: register_unlink_action
// params: organisation, action
// The organisation no longer works on the action, as trekker or as partner.
MATCH (:Organisation {id: $organisation})-[r:LEADS|PARTNER_IN]->(:Action {id: $action})
DELETE r
RETURN count(*) AS removed
