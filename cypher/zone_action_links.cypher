// name: zone_action_links
// params: zones
// Lead and partner links of a zone's actions that involve an organisation other than the
// zone's own zorgraad: the actions that tie organisations together.
MATCH (z:Zone)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
WHERE z.id IN $zones
WITH z, a, collect({organisation: o.id, name: o.name, role: type(r),
                    own: coalesce(o.zorgraad_of, '') = z.id}) AS links
WHERE any(link IN links WHERE NOT link.own)
RETURN z.id AS zone, a.id AS action, a.code AS code, a.title AS title, links
ORDER BY zone, code
