// name: lock_organisations
// params: ids
// Lock organisations before their contact persons are matched and written, so that two
// imports or two editors adding the same person meet (see graphmap/store.py).
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
SET o._lock = coalesce(o._lock, 0) + 1
RETURN count(o) AS locked
