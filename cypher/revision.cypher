// name: revision
// params: id
// The graph's revision: the token of the revision node, which every committed write
// transaction changes (see graphmap/store.py); none before the node is made.
MATCH (r:Revision {id: $id})
RETURN r.token AS token
