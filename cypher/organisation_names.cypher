// name: organisation_names
// params:
// Every organisation's id and name in one list, [id, name] each: what the names of an
// imported plan are matched against, and what a mistyped name is compared with. One record
// (30,000 records of two fields took ten times as long to stream as one list of them);
// graphmap.names.organisations orders it by id.
MATCH (o:Organisation)
RETURN collect([o.id, o.name]) AS organisations
