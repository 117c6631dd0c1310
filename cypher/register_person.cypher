// name: register_person
// params: person
MATCH (p:Person {id: $person})
RETURN p.id AS id, p.name AS name
