// name: erasure_scrub_changes
// params: rows
// Engagement changes' notes with an erased person's name, e-mail and phone taken out.
UNWIND $rows AS row
MATCH (e:EngagementChange {id: row.id})
SET e.note = row.note
RETURN count(e) AS written
