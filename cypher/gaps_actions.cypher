// name: gaps_actions
// params: zone
// Per action: its lead, partner organisations and whether anyone can be reached
// (a person with an e-mail or phone who is a named contact, or works at the lead or a partner).
MATCH (a:Action)-[:UNDER]->(:Goal)-[:OF_ZONE]->(z:Zone)
WHERE ($zone IS NULL OR z.id = $zone) AND NOT coalesce(a.placeholder, false)
OPTIONAL MATCH (s:Source)<-[:STATED_IN]-(a)
WITH z, a, s,
     COUNT { (a)<-[:LEADS]-(:Organisation) } AS leads,
     COUNT { (a)<-[:PARTNER_IN]-(:Organisation) } AS partners,
     COUNT { (p:Person)-[:CONTACT_FOR]->(a) WHERE p.email IS NOT NULL OR p.phone IS NOT NULL }
       + COUNT { (p:Person)-[:WORKS_AT]->(:Organisation)-[:LEADS|PARTNER_IN]->(a)
                 WHERE p.email IS NOT NULL OR p.phone IS NOT NULL } AS reachable
WHERE leads = 0 OR partners = 0 OR reachable = 0
RETURN z.id AS zone, z.name AS zone_name, a.id AS action, a.code AS code, a.title AS title,
       leads, partners, reachable, a.partner_groups AS partner_groups,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY zone, code
