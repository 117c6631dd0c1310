// name: seed_current_status
// params: rows
// After the seed's changes: each membership's status is its latest change's (a change staff
// recorded after the seed's undated fact stays the current one).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})-[r:MEMBER_OF]->(c:Cluster {id: row.cluster})
CALL (o, c) {
  MATCH (o)<-[:ABOUT]-(e:EngagementChange)-[:IN_CLUSTER]->(c)
  RETURN e.to_status AS latest
  ORDER BY coalesce(e.on, '') DESC, e.at DESC
  LIMIT 1
}
SET r.status = latest
