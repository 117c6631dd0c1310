// name: users_put
// params: users
// Users as users_kept read them, written again after a restore.
UNWIND $users AS user
CREATE (u:User)
SET u = user
RETURN count(u) AS written
