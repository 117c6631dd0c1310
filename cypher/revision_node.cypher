// name: revision_node
// params: id, token
// The graph's revision node, made once for a graph (at connect) so that writers never race
// to create it: each write transaction then only sets a token on one that exists.
MERGE (r:Revision {id: $id})
ON CREATE SET r.token = $token
