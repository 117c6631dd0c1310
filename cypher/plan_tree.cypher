// name: plan_tree
// params: zone
// A zone's plan: one row per (goal, action), with a null action for a goal without any, so
// that goals without actions still show. The tree is assembled by graphmap.analysis.plans.
// Every pattern walks out from the zone, its goals and their actions.
MATCH (z:Zone {id: $zone})<-[:OF_ZONE]-(g:Goal)
OPTIONAL MATCH (g)-[:UNDER]->(parent:Goal)
OPTIONAL MATCH (g)-[:STATED_IN]->(gs:Source)
OPTIONAL MATCH (g)<-[:UNDER]-(a:Action)
OPTIONAL MATCH (a)-[:STATED_IN]->(s:Source)
RETURN z.id AS zone, z.name AS zone_name, z.plan_title AS plan_title,
       z.plan_period AS plan_period, g.id AS goal, g.level AS level, g.number AS number,
       g.title AS goal_title, parent.number AS parent, gs.section AS goal_source,
       a.id AS action, a.code AS code, a.title AS title, a.period AS period,
       coalesce(a.placeholder, false) AS placeholder, a.indicators AS indicators,
       a.partner_groups AS partner_groups, a.target_groups AS target_groups,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section,
       // Guarded: with a null action, ArcadeDB matches the pattern as if it were unbound.
       CASE WHEN a IS NULL THEN [] ELSE
         [(a)<-[l:LEADS]-(o:Organisation) | {id: o.id, name: o.name, scope: l.scope}]
       END AS leads,
       CASE WHEN a IS NULL THEN [] ELSE
         [(a)<-[r:PARTNER_IN]-(o:Organisation) | {id: o.id, name: o.name, role: r.role}]
       END AS partners
ORDER BY number, code
