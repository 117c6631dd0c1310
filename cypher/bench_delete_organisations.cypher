// name: bench_delete_organisations
// params: ids
// Remove what a benchmark imported, so that the next measurement starts from the same graph.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
DETACH DELETE o
