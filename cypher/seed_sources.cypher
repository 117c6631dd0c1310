// name: seed_sources
// params: rows
// Where facts come from: a document (with a readable title when known) and a section.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.document = row.document, s.section = row.section, s.url = row.url,
              s.title = row.title
