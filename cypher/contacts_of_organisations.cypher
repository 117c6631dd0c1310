// name: contacts_of_organisations
// params: organisations, zones
// Each organisation once: its name, its people, and the clusters of these zones it is in
// (any status). Its memberships are walked once per call, whatever the number of actions
// it works on.
UNWIND $organisations AS id
MATCH (o:Organisation {id: id})
OPTIONAL MATCH (o)<-[w:WORKS_AT]-(p:Person)
WITH o, collect(CASE WHEN p IS NOT NULL THEN
       {person: p.id, name: p.name, email: p.email, phone: p.phone, function: w.role} END)
       AS people
OPTIONAL MATCH (o)-[:MEMBER_OF]->(c:Cluster)
WHERE c.zone IN $zones
RETURN o.id AS organisation, o.name AS organisation_name, people,
       collect({zone: c.zone, name: c.name}) AS clusters
