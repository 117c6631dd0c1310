// name: membership_status
// params: organisation, cluster
// The status of one organisation in one cluster (no row: it is not in that cluster), read
// from the organisation outwards: it is in few clusters.
MATCH (o:Organisation {id: $organisation})-[m:MEMBER_OF]->(c:Cluster)
WHERE c.id = $cluster
RETURN m.status AS status
