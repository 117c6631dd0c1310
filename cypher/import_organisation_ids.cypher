// name: import_organisation_ids
// params:
// Every organisation's id: a new organisation of an import takes one that is free.
MATCH (o:Organisation)
RETURN collect(o.id) AS ids
