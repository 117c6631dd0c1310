// name: register_remove_contact
// params: person
// Erase a contact person entirely (personal data: nothing of them stays behind).
MATCH (p:Person {id: $person})
DETACH DELETE p
RETURN count(*) AS removed
