// name: register_organisations
// params:
// The register: every organisation with its category, seat and how much hangs on it.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
RETURN o.id AS id, o.name AS name, k.key AS category, k.name AS category_name,
       mu.name AS municipality, o.kbo AS kbo, o.website AS website,
       COUNT { (o)-[m:MEMBER_OF]->(:Cluster) WHERE m.status IN ['involved', 'member'] }
         AS clusters,
       COUNT { (o)-[:LEADS|PARTNER_IN]->(:Action) } AS actions,
       COUNT { (:Person)-[:WORKS_AT]->(o) } AS contacts,
       o.folded AS folded
ORDER BY folded, id
