// name: import_person_index
// params:
// Every contact person and where they work, to tell new contacts from known ones; one list,
// as import_organisation_index (graphmap.ingest.spreadsheet.person_index orders it by id).
MATCH (p:Person)
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation)
RETURN collect({id: p.id, name: p.name, email: p.email, phone: p.phone,
                organisation: o.id, role: w.role}) AS persons
