// name: import_source_ids
// params: document
// The Sources an earlier import of a file with this name left (one per row).
MATCH (s:Source {document: $document})
RETURN s.id AS id
