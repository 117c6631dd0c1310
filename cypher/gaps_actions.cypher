// name: gaps_actions
// params: zones
// Actions of these zones without a lead, a partner organisation or anybody reachable (a
// person with an e-mail or phone who is a named contact, or works at the lead or a partner).
// Each action's reachability is computed once, walking out from the action.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)
WHERE NOT coalesce(a.placeholder, false)
OPTIONAL MATCH (a)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
OPTIONAL MATCH (o)<-[:WORKS_AT]-(p:Person)
WHERE p.email IS NOT NULL OR p.phone IS NOT NULL
WITH z, a, count(DISTINCT CASE type(r) WHEN 'LEADS' THEN o END) AS leads,
     count(DISTINCT CASE type(r) WHEN 'PARTNER_IN' THEN o END) AS partners,
     count(DISTINCT p) AS staff
OPTIONAL MATCH (a)<-[:CONTACT_FOR]-(c:Person)
WHERE c.email IS NOT NULL OR c.phone IS NOT NULL
WITH z, a, leads, partners, staff, count(c) AS named
WHERE leads = 0 OR partners = 0 OR staff + named = 0
OPTIONAL MATCH (a)-[:STATED_IN]->(s:Source)
RETURN z.id AS zone, z.name AS zone_name, a.id AS action, a.code AS code, a.title AS title,
       leads, partners, staff + named AS reachable, a.partner_groups AS partner_groups,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY zone, code
