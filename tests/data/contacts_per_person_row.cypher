// name: contacts_per_person_row
// params: actions
// contacts_for_actions as it was, for tests/test_anchoring.py: everyone to invite for
// these actions, lead and partner organisations with their people, and the action's named
// contacts. One row per (action, organisation, person); person
// fields are null for an organisation with nobody on record.
UNWIND $actions AS id
MATCH (a:Action {id: id})
CALL (a) {
  MATCH (a)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
  OPTIONAL MATCH (o)<-[w:WORKS_AT]-(p:Person)
  RETURN o, p, w.role AS function, CASE type(r) WHEN 'LEADS' THEN 'trekker' ELSE 'partner' END AS role
  UNION ALL
  MATCH (a)<-[:CONTACT_FOR]-(p:Person)
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation)
  RETURN o, p, w.role AS function, 'contactpersoon' AS role
}
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c:Cluster {zone: a.zone})
RETURN a.id AS action, a.code AS action_code, a.title AS action_title, o.id AS organisation,
       o.name AS organisation_name, p.id AS person, p.name AS name, p.email AS email,
       p.phone AS phone, function, role, collect(DISTINCT c.name) AS clusters
ORDER BY action, role DESC, organisation_name, name
