// name: persons_of_organisations
// params: ids
// The contact persons of these organisations.
UNWIND $ids AS id
MATCH (:Organisation {id: id})<-[:WORKS_AT]-(p:Person)
RETURN p.id AS id, p.name AS name, p.email AS email, id AS organisation
