// name: engagement_events
// params: organisation, cluster
// The engagement changes of one organisation in one cluster, and the status MEMBER_OF holds.
// Locks the start node first (see graphmap/store.py): concurrent changes of one membership
// queue on Neo4j, and all but one is retried on ArcadeDB.
MATCH (o:Organisation {id: $organisation})
MATCH (c:Cluster {id: $cluster})
SET o._lock = coalesce(o._lock, 0) + 1
WITH o, c
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c)
OPTIONAL MATCH (o)<-[:ABOUT]-(e:EngagementChange)-[:IN_CLUSTER]->(c)
RETURN o.id AS organisation, o.name AS organisation_name, c.id AS cluster, m.status AS current,
       e.id AS id, e.on AS on, e.at AS at, e.to_status AS to_status, e.note AS note,
       e.by AS by
