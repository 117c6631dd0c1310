// name: revision
// params:
// The graph's revision: the tokens of the revision nodes, which every committed write
// transaction changes one of (see graphmap/store.py); none before the first write. A
// handful of bookkeeping nodes: reading them all is cheap.
MATCH (r:Revision)
RETURN r.id AS shard, r.token AS token
ORDER BY shard
