// name: status_subjects
// params: organisation, zone, cluster
// Which of an engagement change's organisation, zone and cluster exist: graphmap status
// names the one that does not.
OPTIONAL MATCH (o:Organisation {id: $organisation})
WITH o
OPTIONAL MATCH (z:Zone {id: $zone})
WITH o, z
OPTIONAL MATCH (c:Cluster {id: $cluster})
RETURN o IS NOT NULL AS organisation, z IS NOT NULL AS zone, c IS NOT NULL AS cluster
