// name: scope_organisations
// params: organisations
// The zones each organisation belongs to: of the clusters it has an engagement in, and of
// the actions it leads or works on; and of those, the zones that work with it — in contact
// with it, involved or member in one of their clusters, or on their actions — which keep its
// register fields and contact persons (see graphmap/access.py).
UNWIND $organisations AS wanted
MATCH (o:Organisation {id: wanted})
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
WITH o, collect(DISTINCT z.id) AS clusters,
     collect(DISTINCT CASE WHEN m.status <> 'missing' THEN z.id END) AS engaged
OPTIONAL MATCH (o)-[:LEADS|PARTNER_IN]->(a:Action)
WITH o, clusters, engaged, collect(DISTINCT a.zone) AS plans
RETURN o.id AS organisation, clusters + plans AS zones, engaged + plans AS partners
