// name: scope_organisation_fields
// params: organisations
// The names and register fields of these organisations: what an import row may change of an
// organisation of another zone is checked against them (see graphmap/access.py).
UNWIND $organisations AS wanted
MATCH (o:Organisation {id: wanted})
RETURN o.id AS organisation, o.name AS name, o.kbo AS kbo, o.website AS website,
       o.email AS email, o.phone AS phone
