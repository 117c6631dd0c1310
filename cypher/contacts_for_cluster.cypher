// name: contacts_for_cluster
// params: cluster
// Everyone engaged with a cluster (any status) and their people.
MATCH (c:Cluster {id: $cluster})<-[m:MEMBER_OF]-(o:Organisation)
OPTIONAL MATCH (o)<-[w:WORKS_AT]-(p:Person)
RETURN c.id AS cluster, c.name AS cluster_name, o.id AS organisation,
       o.name AS organisation_name, m.status AS status, p.id AS person, p.name AS name,
       p.email AS email, p.phone AS phone, w.role AS function
ORDER BY organisation_name, name
