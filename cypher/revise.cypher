// name: revise
// params: shard, token
// The last statement of every write transaction: the graph has changed (graphmap/store.py).
// The revision nodes exist from connect on (revision_shards): MERGE only finds one, unless
// it was lost.
MERGE (r:Revision {id: $shard})
SET r.token = $token
