// name: open_steps_all
// params:
// Every zone's next steps that are not done.
MATCH (z:Zone)<-[:OF_ZONE]-(m:ContactMoment)-[:PLANS]->(s:NextStep)
WHERE s.done_at IS NULL
MATCH (m)-[:ABOUT]->(o:Organisation)
OPTIONAL MATCH (m)-[:WITH_PERSON]->(p:Person)
RETURN s.id AS id, z.id AS zone, z.name AS zone_name, o.id AS organisation,
       o.name AS organisation_name, s.what AS what, s.due AS due, s.owner AS owner,
       m.id AS moment, m.kind AS kind, m.on AS on, m.by AS by, m.note AS note,
       p.id AS person, p.name AS person_name
ORDER BY due, organisation_name
