// name: engagement_events
// params: organisation, cluster
// The engagement changes of one organisation in one cluster, and the status MEMBER_OF holds.
// Takes a write lock on both end nodes first: concurrent changes of one membership queue.
MATCH (o:Organisation {id: $organisation})
MATCH (c:Cluster {id: $cluster})
SET o._lock = true, c._lock = true
REMOVE o._lock, c._lock
WITH o, c
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c)
OPTIONAL MATCH (o)<-[:ABOUT]-(e:EngagementChange)-[:IN_CLUSTER]->(c)
RETURN o.id AS organisation, o.name AS organisation_name, c.id AS cluster, m.status AS current,
       e.on AS on, e.at AS at, e.to_status AS to_status
