// name: action_roles
// params: organisation, action
// The roles an organisation has in an action, with who gave each and when: what a link
// form showed is compared with them before its change is made.
MATCH (o:Organisation {id: $organisation})-[r:LEADS|PARTNER_IN]->(a:Action {id: $action})
RETURN type(r) AS type, r.by AS by, r.at AS at
