// name: import_plan_sources
// params: rows
// Where the imported facts come from: the plan document and a section of it.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.document = row.document, s.section = row.section
RETURN count(s) AS written
