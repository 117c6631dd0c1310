// name: moments_zone
// params: zone
// A zone's contact moments, newest first, with the person spoken to and the step agreed on.
MATCH (z:Zone {id: $zone})<-[:OF_ZONE]-(m:ContactMoment)-[:ABOUT]->(o:Organisation)
OPTIONAL MATCH (m)-[:WITH_PERSON]->(p:Person)
OPTIONAL MATCH (m)-[:PLANS]->(s:NextStep)
RETURN m.id AS id, z.id AS zone, z.name AS zone_name, o.id AS organisation,
       o.name AS organisation_name, m.kind AS kind, m.on AS on, m.at AS at, m.by AS by,
       m.note AS note, p.id AS person, p.name AS person_name, s.id AS step, s.what AS what,
       s.due AS due, s.owner AS owner, s.done_on AS done_on, s.done_at AS done_at,
       s.done_by AS done_by, s.done_note AS done_note
ORDER BY on DESC, at DESC
