// name: engagement_remove
// params: id
// A change a back-dated change to the same status makes empty (it would read lid → lid):
// the back-dated one takes its place (graphmap/engagement.py).
MATCH (e:EngagementChange {id: $id})
DETACH DELETE e
