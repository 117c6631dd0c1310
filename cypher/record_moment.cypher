// name: record_moment
// params: id, zone, organisation, kind, on, at, by, note
// A contact moment of a zone's staff with an organisation. The organisation is locked (see
// graphmap/store.py): an erasure of one of its contact persons, which scrubs the notes about
// it, meets this note instead of missing it.
MATCH (z:Zone {id: $zone})
MATCH (o:Organisation {id: $organisation})
SET o._lock = coalesce(o._lock, 0) + 1
CREATE (m:ContactMoment {id: $id, kind: $kind, on: $on, at: $at, by: $by, note: $note})
CREATE (m)-[:OF_ZONE]->(z)
CREATE (m)-[:ABOUT]->(o)
RETURN m.id AS moment, o.name AS organisation_name
