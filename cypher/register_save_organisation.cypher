// name: register_save_organisation
// params: organisation, org_name, folded, kbo, website, source, document, section, today, editor, now
// An organisation's own fields as the register form states them; an empty field clears.
// Each save raises the version the next editor's form must still hold.
MERGE (s:Source {id: $source})
SET s.document = $document, s.section = $section
MERGE (o:Organisation {id: $organisation})
SET o.name = $org_name, o.folded = $folded, o.kbo = $kbo, o.website = $website, o.updated = $today,
    o.version = coalesce(o.version, 0) + 1, o.updated_by = $editor, o.updated_at = $now
MERGE (o)-[:STATED_IN]->(s)
RETURN o.id AS id
