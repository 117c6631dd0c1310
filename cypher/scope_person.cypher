// name: scope_person
// params: person
// The organisations a contact person works at (their zones are the person's).
MATCH (p:Person {id: $person})-[:WORKS_AT]->(o:Organisation)
RETURN o.id AS organisation
