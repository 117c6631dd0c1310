// name: moments_organisation
// params: organisation
// One organisation's contact moments in every zone, newest first.
MATCH (o:Organisation {id: $organisation})<-[:ABOUT]-(m:ContactMoment)-[:OF_ZONE]->(z:Zone)
OPTIONAL MATCH (m)-[:WITH_PERSON]->(p:Person)
OPTIONAL MATCH (m)-[:PLANS]->(s:NextStep)
RETURN m.id AS id, z.id AS zone, z.name AS zone_name, o.id AS organisation,
       o.name AS organisation_name, m.kind AS kind, m.on AS on, m.at AS at, m.by AS by,
       m.note AS note, p.id AS person, p.name AS person_name, s.id AS step, s.what AS what,
       s.due AS due, s.owner AS owner, s.done_on AS done_on, s.done_at AS done_at,
       s.done_by AS done_by, s.done_note AS done_note
ORDER BY on DESC, at DESC
