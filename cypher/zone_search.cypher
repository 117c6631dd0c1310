// name: zone_search
// params: zones, text, not_invited
// Organisations of the given zones whose name holds the text (as `folded` holds it), for a
// search over zones that are drawn as boxes only: what a zone drawn in detail finds, those
// engaged in one of its clusters and those on its actions (but zorgraden and agencies, the
// categories of $not_invited: graphmap.analysis.gaps.outside_the_network).
UNWIND $zones AS id
MATCH (z:Zone {id: id})-[:HAS_CLUSTER]->(:Cluster)<-[:MEMBER_OF]-(o:Organisation)
WHERE o.folded CONTAINS $text
RETURN z.id AS zone, o.id AS organisation
UNION
UNWIND $zones AS id
MATCH (z:Zone {id: id})<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(:Action)<-[:LEADS|PARTNER_IN]-(o:Organisation)
WHERE o.folded CONTAINS $text
  AND NOT coalesce([(o)-[:OF_CATEGORY]->(k:Category) | k.key][0], '') IN $not_invited
RETURN z.id AS zone, o.id AS organisation
