// name: user_update
// params: user, role, zones, disabled, stamp, hash, at
// A user's role, zones, whether disabled and its session stamp; the password hash only when
// a new one is given (null keeps it).
MATCH (u:User {name: $user})
SET u.role = $role, u.zones = $zones, u.disabled = $disabled, u.stamp = $stamp,
    u.hash = coalesce($hash, u.hash), u.updated_at = $at
RETURN u.name AS name
