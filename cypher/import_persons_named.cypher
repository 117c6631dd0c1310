// name: import_persons_named
// params: emails, organisations
// The contact persons a list of contacts can mean, and where each works: those known by one
// of its (lower-case) e-mail addresses, and those of the organisations its rows name. Read
// from what the list names, not every person of Flanders (one e-mail scan, the rest anchored).
CALL () {
  MATCH (p:Person)
  WHERE toLower(p.email) IN $emails
  RETURN p
  UNION
  UNWIND $organisations AS id
  MATCH (:Organisation {id: id})<-[:WORKS_AT]-(p:Person)
  RETURN p
}
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation)
RETURN p.id AS id, p.name AS name, p.email AS email, p.phone AS phone,
       o.id AS organisation, w.role AS role
ORDER BY id, organisation
