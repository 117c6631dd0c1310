// name: user_add
// params: user, role, zones, hash, stamp, at
// A new user (its name is its key: a second one with that name fails on the constraint).
CREATE (u:User {name: $user, role: $role, zones: $zones, hash: $hash, stamp: $stamp,
                disabled: false, created_at: $at, updated_at: $at})
RETURN u.name AS name
