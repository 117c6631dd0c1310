// name: seed_expectations
// params: rows
// basis 'reference': the frame for every zone; basis 'zone': the zone's own plan target.
// ON CREATE: a target a plan import wrote keeps its reason and bodies.
UNWIND $rows AS row
MATCH (c:Cluster {id: row.cluster})
MATCH (k:Category {key: row.category})
MERGE (c)-[e:EXPECTS {basis: row.basis}]->(k)
ON CREATE SET e.reason = row.reason, e.source = row.source, e.bodies = row.bodies
