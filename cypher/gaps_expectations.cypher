// name: gaps_expectations
// params: zones, cluster
// What each cluster of these zones is expected to hold (the reference frame, or the zone's
// own plan), why, and on what source. One row per zone, as gaps_holdings.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})-[:HAS_CLUSTER]->(c:Cluster)
WHERE $cluster IS NULL OR c.key = $cluster
MATCH (c)-[e:EXPECTS]->(k:Category)
// '' when there is none: on this engine a lookup by null reads every Source.
OPTIONAL MATCH (s:Source {id: coalesce(e.source, '')})
RETURN z.id AS zone, z.name AS zone_name,
       collect({cluster: c.key, cluster_name: c.name, category: k.key,
                category_name: k.name, basis: e.basis, reason: e.reason, bodies: e.bodies,
                source_document: coalesce(s.title, s.document),
                source_section: s.section}) AS expected
