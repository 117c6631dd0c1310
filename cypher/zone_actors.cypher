// name: zone_actors
// params: zones
// Organisations that lead or partner in a zone's actions, and whether they are in one of
// the zone's clusters (status involved or member). The zone's own zorgraad is left out.
MATCH (z:Zone)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
WHERE z.id IN $zones AND coalesce(o.zorgraad_of, '') <> z.id
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z)
WHERE m.status IN ['involved', 'member']
RETURN z.id AS zone, o.id AS organisation, o.name AS organisation_name, k.key AS category,
       count(DISTINCT a) AS actions, collect(DISTINCT type(r)) AS roles,
       count(m) > 0 AS in_network
ORDER BY zone, organisation_name
