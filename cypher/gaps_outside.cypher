// name: gaps_outside
// params: zones, not_invited
// Organisations that work on a zone's actions but sit in none of its clusters (involved or
// member). Left out: the categories of $not_invited (zorgraden, the zone's own too, and
// government agencies), which are not members of a general assembly. The Netwerk page
// applies the same rule (graphmap.analysis.gaps.outside_the_network). One row per zone, as
// gaps_holdings.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})
WITH z, [(z)-[:HAS_CLUSTER]->(c:Cluster) | c] AS clusters
MATCH (z)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
WITH z, clusters, o, collect(DISTINCT a.code) AS actions, collect(DISTINCT type(r)) AS roles
WITH z, o, actions, roles,
     [(o)-[m:MEMBER_OF]->(c:Cluster) WHERE c IN clusters | m.status] AS statuses
WHERE none(s IN statuses WHERE s IN ['involved', 'member'])
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
WITH z, o, actions, roles, statuses, k
WHERE NOT coalesce(k.key, '') IN $not_invited
RETURN z.id AS zone, z.name AS zone_name,
       collect({organisation: o.id, organisation_name: o.name, category: k.key,
                default_cluster: k.cluster, actions: actions, roles: roles,
                statuses: statuses}) AS outside
