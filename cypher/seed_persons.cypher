// name: seed_persons
// params: rows
// Demo contacts only: fictitious people, marked demo = true. Only with an organisation new
// to the graph: an erased person does not come back (erasure is final).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.email = row.email, p.phone = row.phone, p.demo = row.demo
SET p._lock = coalesce(p._lock, 0) + 1
MERGE (p)-[r:WORKS_AT]->(o)
ON CREATE SET r.role = row.function
