// name: revision_hold
// params: id
// The first statement of a snapshot (graphmap/store.py): write the revision node without
// changing its token, so that no write transaction commits while the snapshot reads (Neo4j
// makes them wait for it; ArcadeDB fails the snapshot at commit when one did, and it runs
// again). A counter, since ArcadeDB skips a write of the value a property holds.
MATCH (r:Revision {id: $id})
SET r._hold = coalesce(r._hold, 0) + 1
RETURN r.token AS token
