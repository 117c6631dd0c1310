// name: history_zone
// params: zone, since
// Every engagement change in a zone's clusters, newest first (an undated seed fact
// last, and left out when a day is given).
MATCH (z:Zone {id: $zone})-[:HAS_CLUSTER]->(c:Cluster)<-[:IN_CLUSTER]-(e:EngagementChange)
// Since a day (null: all of it), before anything else is read of a change: a zone's
// page asks for the last 90 days of a history that grows every year.
WITH z, c, e WHERE $since IS NULL OR e.on >= $since
MATCH (e)-[:ABOUT]->(o:Organisation)
OPTIONAL MATCH (e)-[:STATED_IN]->(s:Source)
RETURN e.id AS id, z.id AS zone, z.name AS zone_name, c.key AS cluster,
       o.id AS organisation, o.name AS organisation_name, e.from_status AS from_status,
       e.to_status AS to_status, e.on AS on, e.at AS at, e.by AS by, e.note AS note,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY coalesce(e.on, '') DESC, e.at DESC
