// name: import_plan_sources
// params: rows
// Where the imported facts come from: the plan document (with its title, which is what staff
// read in a gap's source) and a section of it.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.document = row.document, s.section = row.section, s.title = coalesce(row.title, s.title)
RETURN count(s) AS written
