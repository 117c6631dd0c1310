// name: import_memberships
// params: rows
// Memberships from a spreadsheet, each as an engagement change sourced to its row. The
// import's change happens today and is recorded now (the caller took the time after locking
// the organisations): it is the latest, so it sets the status. A membership that another
// writer brought to the row's status since the check keeps its status and source, and gets
// no change (it would read lid → lid); its change id is returned in `unchanged`.
// Lock the start node first: concurrent writers of this pair then meet (see graphmap/store.py).
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
MATCH (c:Cluster {id: row.cluster})
MATCH (s:Source {id: row.source})
SET o._lock = coalesce(o._lock, 0) + 1
MERGE (o)-[m:MEMBER_OF]->(c)
WITH o, c, s, m, row, m.status AS before
WITH o, c, s, m, row, before, coalesce(before = row.status, false) AS same
SET m.status = row.status, m.source = CASE WHEN same THEN m.source ELSE row.source END,
    m.since = coalesce(m.since, row.since)
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  CREATE (e:EngagementChange {id: row.change, from_status: before, to_status: row.status,
                              on: row.since, at: row.at, by: row.by})
  CREATE (e)-[:ABOUT]->(o)
  CREATE (e)-[:IN_CLUSTER]->(c)
  CREATE (e)-[:STATED_IN]->(s))
RETURN count(m) AS written, collect(CASE WHEN same THEN row.change END) AS unchanged
