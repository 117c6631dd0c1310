// name: set_status
// params: organisation, cluster, id, from_status, to_status, on, at, by, note, source, document, section, current
// One engagement change as a dated, attributed event, and the membership's current status
// (the latest change's, computed by the caller) in the same transaction.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
MATCH (o:Organisation {id: $organisation})
MATCH (c:Cluster {id: $cluster})
MERGE (s:Source {id: $source})
ON CREATE SET s.document = $document, s.section = $section
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[m:MEMBER_OF]->(c)
ON CREATE SET m.since = $on
SET m.status = $current
CREATE (e:EngagementChange {id: $id, from_status: $from_status, to_status: $to_status, on: $on,
                            at: $at, by: $by, note: $note})
CREATE (e)-[:ABOUT]->(o)
CREATE (e)-[:IN_CLUSTER]->(c)
CREATE (e)-[:STATED_IN]->(s)
RETURN o.id AS organisation, o.name AS organisation_name, c.id AS cluster, m.status AS status,
       e.id AS change
