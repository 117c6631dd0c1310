// name: register_kbo_owners
// params: kbo, organisation
// Other organisations that already have this KBO number: a number belongs to one of them.
MATCH (o:Organisation {kbo: $kbo})
WHERE o.id <> $organisation
RETURN o.id AS id, o.name AS name
