// name: register_twins_unseated
// params: org_name, ids
// Organisations without a seat that may be a new one without a seat saved again: the one of
// exactly its name (by the name index), and those whose id the form or an import derived
// from a name of the same spelling aside (by id: "CAW Limburg" is caw-limburg, and
// "caw limburg" would be too). The names are compared in Python (name_key).
CALL () {
  MATCH (o:Organisation {name: $org_name})
  RETURN o
  UNION
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id})
  RETURN o
}
WITH o
WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(:Municipality) }
RETURN o.id AS id, o.name AS name, null AS municipality
