// name: set_status
// params: organisation, cluster, status, since
// One call after each phone call: the engagement of an organisation in a cluster.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
MATCH (o:Organisation {id: $organisation})
MATCH (c:Cluster {id: $cluster})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[m:MEMBER_OF]->(c)
SET m.status = $status, m.since = coalesce(m.since, $since), m.updated = $since
RETURN o.id AS organisation, c.id AS cluster, m.status AS status
