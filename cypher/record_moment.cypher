// name: record_moment
// params: id, zone, organisation, kind, on, at, by, note
// A contact moment of a zone's staff with an organisation.
MATCH (z:Zone {id: $zone})
MATCH (o:Organisation {id: $organisation})
CREATE (m:ContactMoment {id: $id, kind: $kind, on: $on, at: $at, by: $by, note: $note})
CREATE (m)-[:OF_ZONE]->(z)
CREATE (m)-[:ABOUT]->(o)
RETURN m.id AS moment, o.name AS organisation_name
