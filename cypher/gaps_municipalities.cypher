// name: gaps_municipalities
// params: zones, cluster
// Municipalities of a zone with no organisation of theirs in cluster lokale besturen.
UNWIND $zones AS zone
MATCH (z:Zone {id: zone})-[:HAS_CLUSTER]->(c:Cluster {key: 'lokale_besturen'})
WHERE $cluster IS NULL OR $cluster = 'lokale_besturen'
MATCH (z)-[cov:COVERS]->(mu:Municipality)
OPTIONAL MATCH (c)<-[m:MEMBER_OF]-(o:Organisation)-[:LOCATED_IN]->(mu)
WITH z, c, mu, cov,
     collect(CASE WHEN m.status IN ['involved', 'member'] THEN o.name END) AS present,
     collect(CASE WHEN m.status = 'contacted' THEN o.name END) AS contacted
WHERE size(present) = 0
OPTIONAL MATCH (c)-[e:EXPECTS {basis: 'reference'}]->(:Category {key: 'gemeente'})
// '' when there is none: on this engine a lookup by null reads every Source.
OPTIONAL MATCH (s:Source {id: coalesce(e.source, '')})
RETURN z.id AS zone, z.name AS zone_name, c.key AS cluster, c.name AS cluster_name,
       mu.nis AS nis, mu.name AS municipality, contacted, e.reason AS reason,
       coalesce(s.title, s.document) AS source_document, cov.source AS covers_source
ORDER BY zone, municipality
