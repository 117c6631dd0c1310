// name: register_lock_organisation
// params: organisation
// Lock an organisation before an edit (see graphmap/store.py), then read the version of its
// register fields that this edit will replace.
MATCH (o:Organisation {id: $organisation})
SET o._lock = coalesce(o._lock, 0) + 1
RETURN o.id AS id, o.name AS name, coalesce(o.version, 0) AS version,
       o.updated_by AS updated_by, o.updated_at AS updated_at
