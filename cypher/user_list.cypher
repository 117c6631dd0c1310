// name: user_list
// params:
// Every user, by name: never a password hash.
MATCH (u:User)
RETURN u.name AS name, u.role AS role, u.zones AS zones, u.disabled AS disabled,
       u.created_at AS created_at, u.updated_at AS updated_at
ORDER BY name
