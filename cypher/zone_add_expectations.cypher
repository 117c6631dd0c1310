// name: zone_add_expectations
// params: zone, rows
// What a zone's clusters are expected to hold: basis 'reference' (the frame every zone
// shares, with its public source) or 'zone' (the zone's own target, from its plan).
MATCH (z:Zone {id: $zone})
UNWIND $rows AS row
MATCH (z)-[:HAS_CLUSTER]->(c:Cluster {id: row.cluster})
MATCH (k:Category {key: row.category})
MERGE (c)-[e:EXPECTS {basis: row.basis}]->(k)
SET e.reason = row.reason, e.source = row.source, e.bodies = row.bodies
RETURN count(e) AS written
