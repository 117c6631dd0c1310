// name: stats_nodes
// params:
// Node count per label.
MATCH (n)
WHERE NOT n:Revision
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
