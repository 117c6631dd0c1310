// name: user_get
// params: user
// One user as the dashboard and the CLI see it: never its password hash.
MATCH (u:User {name: $user})
RETURN u.name AS name, u.role AS role, u.zones AS zones, u.disabled AS disabled,
       u.stamp AS stamp, u.created_at AS created_at, u.updated_at AS updated_at
