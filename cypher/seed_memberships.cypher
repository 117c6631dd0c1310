// name: seed_memberships
// params: rows
// A membership the seed states, and that statement as an engagement change with its source
// (its id names the fact, so seeding twice records it once). A seed fact usually has no
// date and comes before every dated change: the seed sets the status only where no later
// change exists (MEMBER_OF.status always holds the latest change's status).
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MATCH (s:Source {id: row.source})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[r:MEMBER_OF]->(c)
WITH o, c, s, r, row, r.status AS before
SET r.bodies = row.bodies, r.since = row.since, r.source = row.source,
    r.status = CASE
      WHEN before IS NULL THEN row.status  // a new membership: nothing later to keep
      WHEN EXISTS {
        (o)<-[:ABOUT]-(x:EngagementChange)-[:IN_CLUSTER]->(c)
        WHERE x.id <> row.change AND x.on >= coalesce(row.since, '')
      }
      THEN r.status ELSE row.status END
MERGE (e:EngagementChange {id: row.change})
ON CREATE SET e.from_status = before, e.to_status = row.status, e.on = row.since,
              e.at = row.at, e.by = row.by
// Only a change recorded by this load (a known one keeps its older `at`) needs its links.
WITH o, c, s, e, row
WHERE e.at = row.at
CREATE (e)-[:ABOUT]->(o)
CREATE (e)-[:IN_CLUSTER]->(c)
CREATE (e)-[:STATED_IN]->(s)
