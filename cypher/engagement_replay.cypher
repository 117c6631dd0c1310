// name: engagement_replay
// params: zone
// Per membership of a zone: its organisation's category, its current status, and each of its
// changes (none for a membership written before history was kept), to replay over time.
MATCH (z:Zone {id: $zone})-[:HAS_CLUSTER]->(c:Cluster)<-[m:MEMBER_OF]-(o:Organisation)
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)<-[:ABOUT]-(e:EngagementChange)-[:IN_CLUSTER]->(c)
RETURN c.key AS cluster, o.id AS organisation, k.key AS category, m.status AS current,
       e.on AS on, e.at AS at, e.to_status AS to_status
