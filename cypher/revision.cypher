// name: revision
// params:
// The graph's revision: a token that every committed write transaction changes (see
// graphmap/store.py); none before the first write.
MATCH (r:Revision {id: 'graph'})
RETURN r.token AS token
