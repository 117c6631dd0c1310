// name: engagement_set_from
// params: id, from_status
// A change's status before it, when a change dated earlier was recorded after it: the
// history reads from → to without a jump (graphmap/engagement.py).
MATCH (e:EngagementChange {id: $id})
SET e.from_status = $from_status
RETURN e.id AS change
