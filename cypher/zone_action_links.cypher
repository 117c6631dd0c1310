// name: zone_action_links
// params: zones
// Every action of the given zones' plans with its goal and its leads and partners (`own`:
// the zone's own zorgraad), walking out from each zone by its key.
UNWIND $zones AS id
MATCH (z:Zone {id: id})<-[:OF_ZONE]-(g:Goal)<-[:UNDER]-(a:Action)
OPTIONAL MATCH (a)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
WITH z, g, a,
     collect(CASE WHEN o IS NULL THEN NULL ELSE
       {organisation: o.id, name: o.name, role: type(r),
        category: [(o)-[:OF_CATEGORY]->(k:Category) | k.key][0],
        own: coalesce(o.zorgraad_of, '') = z.id} END) AS links
RETURN z.id AS zone, a.id AS action, a.code AS code, a.title AS title, g.id AS goal, links
ORDER BY zone, code
