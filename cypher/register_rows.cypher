// name: register_rows
// params: ids
// The register's columns for these organisations: category, seat and how much hangs on them.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
RETURN o.id AS id, o.name AS name, k.key AS category, k.name AS category_name,
       k.cluster AS default_cluster, mu.name AS municipality, o.kbo AS kbo,
       o.website AS website,
       COUNT { (o)-[m:MEMBER_OF]->(:Cluster) WHERE m.status IN ['involved', 'member'] }
         AS clusters,
       COUNT { (o)-[:LEADS|PARTNER_IN]->(:Action) } AS actions
