// name: names_folded_mark
// params: id
// The organisations of this graph have `folded` (see names_folded).
MATCH (r:Revision {id: $id})
SET r.names_folded = true
RETURN r.id AS id
