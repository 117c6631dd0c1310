// name: engagement_replay
// params: zone
// Per cluster of a zone: its memberships ([organisation, its category, current status])
// and every change recorded in it ([organisation, on, at, to_status]), to replay over time;
// graphmap.engagement joins the two. Both walk out from the cluster: the changes walked
// from each member instead read every change of a partner that sits in the clusters of
// forty zones. One row per cluster: the engine's cost per row returned outweighs the walk.
MATCH (z:Zone {id: $zone})-[:HAS_CLUSTER]->(c:Cluster)
RETURN c.key AS cluster,
       [(c)<-[m:MEMBER_OF]-(o:Organisation) |
        [o.id, [(o)-[:OF_CATEGORY]->(k:Category) | k.key][0], m.status]] AS memberships,
       [(c)<-[:IN_CLUSTER]-(e:EngagementChange)-[:ABOUT]->(o:Organisation) |
        [o.id, e.on, e.at, e.to_status]] AS changes
