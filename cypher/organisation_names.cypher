// name: organisation_names
// params:
// Every organisation's id and name: what names in an imported document are matched against.
MATCH (o:Organisation)
RETURN o.id AS id, o.name AS name
ORDER BY id
