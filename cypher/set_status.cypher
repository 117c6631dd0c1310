// name: set_status
// params: organisation, cluster, status, since
// One call after each phone call: the engagement of an organisation in a cluster.
MATCH (o:Organisation {id: $organisation})
MATCH (c:Cluster {id: $cluster})
MERGE (o)-[m:MEMBER_OF]->(c)
SET m.status = $status, m.since = coalesce(m.since, $since), m.updated = $since
RETURN o.id AS organisation, c.id AS cluster, m.status AS status
