// name: history_all
// params: since
// Every engagement change in every zone, newest first (since a day, as history_zone).
MATCH (z:Zone)-[:HAS_CLUSTER]->(c:Cluster)<-[:IN_CLUSTER]-(e:EngagementChange)
WITH z, c, e WHERE $since IS NULL OR e.on >= $since
MATCH (e)-[:ABOUT]->(o:Organisation)
OPTIONAL MATCH (e)-[:STATED_IN]->(s:Source)
RETURN e.id AS id, z.id AS zone, z.name AS zone_name, c.key AS cluster,
       o.id AS organisation, o.name AS organisation_name, e.from_status AS from_status,
       e.to_status AS to_status, e.on AS on, e.at AS at, e.by AS by, e.note AS note,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY coalesce(e.on, '') DESC, e.at DESC
