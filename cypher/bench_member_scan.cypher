// name: bench_member_scan
// params:
// The benchmarks' baseline: one bare pass over every membership, in the same run as the
// figures it is compared with (bench/).
MATCH (o:Organisation)-[m:MEMBER_OF]->(c:Cluster)
RETURN count(*) AS memberships
