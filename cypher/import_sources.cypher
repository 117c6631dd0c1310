// name: import_sources
// params: rows
// One Source per spreadsheet row: the file and the row number.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.document = row.document, s.section = row.section
RETURN count(s) AS written
