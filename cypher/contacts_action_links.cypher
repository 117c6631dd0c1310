// name: contacts_action_links
// params: actions
// Who works on these actions: each action's lead and partner organisations, and its named
// contacts with the organisations they work at. The people and clusters of an organisation
// are read once by contacts_of_organisations, not again for every action it works on: an
// organisation of 60 zones with 40 people, on a quarter of a big plan's actions, made
// 40 rows per action, each walking its 120 memberships.
UNWIND $actions AS id
MATCH (a:Action {id: id})
CALL (a) {
  MATCH (a)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
  RETURN o.id AS organisation, null AS person, null AS name, null AS email, null AS phone,
         null AS function, CASE type(r) WHEN 'LEADS' THEN 'trekker' ELSE 'partner' END AS role
  UNION ALL
  MATCH (a)<-[:CONTACT_FOR]-(p:Person)
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation)
  RETURN o.id AS organisation, p.id AS person, p.name AS name, p.email AS email,
         p.phone AS phone, w.role AS function, 'contactpersoon' AS role
}
RETURN a.id AS action, a.code AS action_code, a.title AS action_title, a.zone AS zone,
       collect({organisation: organisation, person: person, name: name, email: email,
                phone: phone, function: function, role: role}) AS links
