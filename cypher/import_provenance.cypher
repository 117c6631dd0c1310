// name: import_provenance
// params: document
// What an imported file stated: the nodes with a Source in that document, row by row.
MATCH (x)-[:STATED_IN]->(s:Source {document: $document})
RETURN x.id AS id, s.id AS source, s.section AS section
ORDER BY source, id
