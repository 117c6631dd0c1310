// name: zone_search
// params: zones, text
// Organisations engaged in a cluster of the given zones whose name holds the text
// (as `folded` holds it), for a search over zones that are drawn as boxes only.
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(c:Cluster)<-[:MEMBER_OF]-(o:Organisation)
WHERE o.folded CONTAINS $text
RETURN DISTINCT z.id AS zone, o.id AS organisation
