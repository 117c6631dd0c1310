// name: history_organisation
// params: organisation
// Every engagement change of one organisation, in any zone, newest first.
MATCH (o:Organisation {id: $organisation})<-[:ABOUT]-(e:EngagementChange)
MATCH (e)-[:IN_CLUSTER]->(c:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
OPTIONAL MATCH (e)-[:STATED_IN]->(s:Source)
RETURN e.id AS id, z.id AS zone, z.name AS zone_name, c.key AS cluster,
       o.id AS organisation, o.name AS organisation_name, e.from_status AS from_status,
       e.to_status AS to_status, e.on AS on, e.at AS at, e.by AS by, e.note AS note,
       coalesce(s.title, s.document) AS source_document, s.section AS source_section
ORDER BY coalesce(e.on, '') DESC, e.at DESC
