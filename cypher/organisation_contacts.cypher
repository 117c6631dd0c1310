// name: organisation_contacts
// params: organisation
// The contact persons of one organisation, to say whom a contact moment was with.
MATCH (o:Organisation {id: $organisation})<-[w:WORKS_AT]-(p:Person)
RETURN p.id AS id, p.name AS name, w.role AS function
ORDER BY name
