// name: persons_by_email
// params: emails
// Contact persons known by one of these (lower-case) e-mail addresses, with the
// organisations each works at (an address two records share is told apart by them).
MATCH (p:Person)
WHERE toLower(p.email) IN $emails
OPTIONAL MATCH (p)-[:WORKS_AT]->(o:Organisation)
RETURN p.id AS id, p.name AS name, p.email AS email, collect(o.id) AS organisations
