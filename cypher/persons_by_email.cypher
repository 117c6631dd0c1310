// name: persons_by_email
// params: emails
// Contact persons known by one of these (lower-case) e-mail addresses.
MATCH (p:Person)
WHERE toLower(p.email) IN $emails
RETURN p.id AS id, p.name AS name, p.email AS email
