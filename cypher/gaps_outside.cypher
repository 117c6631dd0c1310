// name: gaps_outside
// params: zone
// Organisations that work on a zone's actions but sit in none of its clusters (involved or
// member). Left out: the zone's own zorgraad, other zorgraden and government agencies,
// which are not members of a general assembly.
MATCH (z:Zone)<-[:OF_ZONE]-(:Goal)<-[:UNDER]-(a:Action)<-[r:LEADS|PARTNER_IN]-(o:Organisation)
WHERE ($zone IS NULL OR z.id = $zone)
  AND NOT (o)-[:OF_CATEGORY]->(:Category {key: 'eerstelijnszone'})
  AND NOT (o)-[:OF_CATEGORY]->(:Category {key: 'agentschap'})
  AND NOT EXISTS {
    MATCH (o)-[m:MEMBER_OF]->(:Cluster)<-[:HAS_CLUSTER]-(z)
    WHERE m.status IN ['involved', 'member']
  }
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[cm:MEMBER_OF]->(cc:Cluster)<-[:HAS_CLUSTER]-(z)
RETURN z.id AS zone, z.name AS zone_name, o.id AS organisation, o.name AS organisation_name,
       k.key AS category, k.cluster AS default_cluster, collect(DISTINCT a.code) AS actions,
       collect(DISTINCT type(r)) AS roles, collect(DISTINCT cm.status) AS statuses
ORDER BY zone, organisation_name
