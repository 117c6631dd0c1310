// name: register_save_organisation
// params: organisation, org_name, kbo, website, source, document, section, today
// An organisation's own fields as the register form states them; an empty field clears.
MERGE (s:Source {id: $source})
SET s.document = $document, s.section = $section
MERGE (o:Organisation {id: $organisation})
SET o.name = $org_name, o.kbo = $kbo, o.website = $website, o.updated = $today
MERGE (o)-[:STATED_IN]->(s)
RETURN o.id AS id
