// name: bench_source
// params: id, document
MERGE (s:Source {id: $id})
SET s.document = $document
RETURN s.id AS id
