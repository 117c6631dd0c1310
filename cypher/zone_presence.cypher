// name: zone_presence
// params: zones
// The organisations of the given zones by the clusters they are present in (involved or
// member) and those they are contacted in: one row per zone and pair of cluster lists, with
// how many organisations have it. An organisation in two clusters of a zone counts once in
// the zone's figure, whichever clusters the page shows (dashboard/elements.py).
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)<-[m:MEMBER_OF]-(o:Organisation)
WHERE m.status IN ['involved', 'member', 'contacted']
WITH z, o,
     collect(CASE WHEN m.status = 'contacted' THEN null ELSE c.key END) AS present,
     collect(CASE WHEN m.status = 'contacted' THEN c.key END) AS contacted
RETURN z.id AS zone, present, contacted, count(o) AS organisations
