// name: register_create_organisation
// params: organisation, org_name, folded, kbo, website, source, document, section, today, editor, now
// A new organisation from the register form. CREATE, not MERGE: of two editors adding the
// same name at once, the second fails on the key, is retried and gets an id of its own.
MERGE (s:Source {id: $source})
SET s.document = $document, s.section = $section
CREATE (o:Organisation {id: $organisation})
SET o.name = $org_name, o.folded = $folded, o.kbo = $kbo, o.website = $website, o.updated = $today,
    o.version = 1, o.updated_by = $editor, o.updated_at = $now
MERGE (o)-[:STATED_IN]->(s)
RETURN o.id AS id
