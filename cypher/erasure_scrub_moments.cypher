// name: erasure_scrub_moments
// params: rows
// Contact moments' notes with an erased person's name, e-mail and phone taken out.
UNWIND $rows AS row
MATCH (m:ContactMoment {id: row.id})
SET m.note = row.note
RETURN count(m) AS written
