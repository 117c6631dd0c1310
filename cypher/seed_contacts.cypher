// name: seed_contacts
// params: rows
// Only for persons the seed adds now (see seed_persons).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (a:Action {id: row.action})
SET p._lock = coalesce(p._lock, 0) + 1
MERGE (p)-[:CONTACT_FOR]->(a)
