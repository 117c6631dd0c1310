// name: import_plan_current
// params: zone
// What the graph holds of a zone's plan, to compare a new version of the plan with: one row
// per (goal, action), a null action for a goal without any, each action with its leads and
// partners; `plan` marks a link a plan import wrote and nobody changed since (its source is
// still the one the import gave it), which a new version of the plan may take away.
MATCH (z:Zone {id: $zone})<-[:OF_ZONE]-(g:Goal)
OPTIONAL MATCH (g)<-[:UNDER]-(a:Action)
RETURN g.id AS goal, g.number AS number, g.title AS goal_title, a.id AS action,
       a.code AS code, a.title AS title,
       // Guarded: with a null action, ArcadeDB matches the pattern as if it were unbound.
       CASE WHEN a IS NULL THEN [] ELSE
         [(a)<-[r:LEADS|PARTNER_IN]-(o:Organisation) |
          {organisation: o.id, name: o.name, type: type(r),
           plan: r.plan_source IS NOT NULL AND r.plan_source = r.source}]
       END AS links
ORDER BY number, code
