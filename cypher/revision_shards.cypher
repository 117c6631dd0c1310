// name: revision_shards
// params: shards, token
// The revision nodes, made once for a graph (at connect) so that writers never race to
// create one: each write transaction then only sets a token on one that exists.
UNWIND $shards AS shard
MERGE (r:Revision {id: shard})
ON CREATE SET r.token = $token
