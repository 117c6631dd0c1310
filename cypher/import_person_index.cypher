// name: import_person_index
// params:
// Every contact person and where they work, to tell new contacts from known ones.
MATCH (p:Person)
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation)
RETURN p.id AS id, p.name AS name, p.email AS email, p.phone AS phone,
       o.id AS organisation, w.role AS role
ORDER BY id
