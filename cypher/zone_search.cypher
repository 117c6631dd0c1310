// name: zone_search
// params: zones, text
// Organisations engaged in a cluster of the given zones whose name holds the text
// (lower case), for a search over zones that are drawn as boxes only.
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)<-[:MEMBER_OF]-(o:Organisation)
WHERE toLower(o.name) CONTAINS $text
RETURN DISTINCT z.id AS zone, o.id AS organisation
