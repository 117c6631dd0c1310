// name: scope_organisations
// params: organisations
// The zones each organisation belongs to: of the clusters it has an engagement in, and of
// the actions it leads or works on (see graphmap/access.py).
UNWIND $organisations AS wanted
MATCH (o:Organisation {id: wanted})
OPTIONAL MATCH (o)-[:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
WITH o, collect(DISTINCT z.id) AS clusters
OPTIONAL MATCH (o)-[:LEADS|PARTNER_IN]->(a:Action)
WITH o, clusters, collect(DISTINCT a.zone) AS plans
RETURN o.id AS organisation, clusters + plans AS zones
