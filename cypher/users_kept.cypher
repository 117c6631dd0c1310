// name: users_kept
// params:
// Every user with all it holds, password hash and stamp included, for a restore to put back
// as they are now (graphmap/register.py): never shown, never returned further.
MATCH (u:User)
RETURN properties(u) AS user
ORDER BY u.name
