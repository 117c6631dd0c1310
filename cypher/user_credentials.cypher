// name: user_credentials
// params: user
// What signing in checks: the password hash (read here only), and whether the user may.
MATCH (u:User {name: $user})
RETURN u.name AS name, u.role AS role, u.zones AS zones, u.disabled AS disabled,
       u.stamp AS stamp, u.hash AS hash
