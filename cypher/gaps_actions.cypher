// name: gaps_actions
// params: zones
// Actions of these zones without a lead, a partner organisation or anybody reachable (a
// person with an e-mail or phone who is a named contact, or works at the lead or a partner).
// Walking out from each action; reachability stops at the first reachable person found.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)
WHERE NOT coalesce(a.placeholder, false)
// Leads and partners as two lists per action: no relationship to bind and no regrouping.
WITH z, a, [(a)<-[:LEADS]-(o:Organisation) | o] AS leads,
     [(a)<-[:PARTNER_IN]-(o:Organisation) | o] AS partners
WITH z, a, size(leads) AS leads, size(partners) AS partners,
     EXISTS {
       MATCH (a)<-[:CONTACT_FOR]-(c:Person)
       WHERE c.email IS NOT NULL OR c.phone IS NOT NULL
     } OR any(o IN leads + partners WHERE EXISTS {
       MATCH (o)<-[:WORKS_AT]-(p:Person)
       WHERE p.email IS NOT NULL OR p.phone IS NOT NULL
     }) AS reachable
WHERE leads = 0 OR partners = 0 OR NOT reachable
OPTIONAL MATCH (a)-[:STATED_IN]->(s:Source)
RETURN z.id AS zone, z.name AS zone_name, a.id AS action, a.code AS code, a.title AS title,
       leads, partners, reachable, a.partner_groups AS partner_groups,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY zone, code
