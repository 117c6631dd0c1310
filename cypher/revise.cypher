// name: revise
// params: id, token
// The last statement of every write transaction: the graph has changed (graphmap/store.py).
// The revision node exists from connect on (revision_node): MERGE only finds it, unless it
// was lost.
MERGE (r:Revision {id: $id})
SET r.token = $token
