// name: revise
// params: token
// The last statement of every write transaction: the graph has changed (graphmap/store.py).
MERGE (r:Revision {id: 'graph'})
SET r.token = $token
