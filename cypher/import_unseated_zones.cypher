// name: import_unseated_zones
// params:
// The zones each organisation seated nowhere belongs to (of its clusters, whatever the
// status, and of the actions it leads or works on): a regional body several zones share is
// kept without a seat, and a partner list that gives the address of its local office does
// not seat it for all of them (see graphmap/ingest/spreadsheet/checking.py).
MATCH (o:Organisation)
WHERE NOT (o)-[:LOCATED_IN]->(:Municipality)
OPTIONAL MATCH (o)-[:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
WITH o, collect(DISTINCT z.id) AS clusters
OPTIONAL MATCH (o)-[:LEADS|PARTNER_IN]->(a:Action)
WITH o, clusters, collect(DISTINCT a.zone) AS plans
WITH o, clusters + plans AS zones
WHERE size(zones) > 0
RETURN collect({id: o.id, zones: zones}) AS organisations
