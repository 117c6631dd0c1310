// name: zones
// params:
MATCH (z:Zone)
RETURN z.id AS id, z.name AS name
ORDER BY name
