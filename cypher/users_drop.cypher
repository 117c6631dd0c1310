// name: users_drop
// params:
// The users a restored backup brought, before the store's own are put back (users_put).
MATCH (u:User)
DETACH DELETE u
RETURN count(*) AS dropped
