// name: erasure_person
// params: person
// What an erasure looks for in the notes staff wrote: the person's name, e-mail and phone.
MATCH (p:Person {id: $person})
RETURN p.name AS name, p.email AS email, p.phone AS phone
