// name: import_persons
// params: rows
// Contact persons and where they work; an empty value keeps what is there.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (s:Source {id: row.source})
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.email = coalesce(row.email, p.email),
    p.phone = coalesce(row.phone, p.phone), p._lock = coalesce(p._lock, 0) + 1
MERGE (p)-[w:WORKS_AT]->(o)
SET w.role = coalesce(row.function, w.role)
MERGE (p)-[:STATED_IN]->(s)
RETURN count(p) AS written
