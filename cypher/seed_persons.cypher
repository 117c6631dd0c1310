// name: seed_persons
// params: rows
// Demo contacts only: fictitious people, marked demo = true.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.email = row.email, p.phone = row.phone, p.demo = row.demo
MERGE (p)-[r:WORKS_AT]->(o)
SET r.role = row.function
