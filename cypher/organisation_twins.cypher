// name: organisation_twins
// params: names, ids, nis
// The organisations that may be one of new organisations made meanwhile by another writer
// (graphmap/ingest/twins.py): of exactly one of these names, of one of the ids derived from
// them, or seated in one of these municipalities; each with its seat. The names are compared
// in Python (name_key).
CALL () {
  UNWIND $names AS name
  MATCH (o:Organisation {name: name})
  RETURN o
  UNION
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id})
  RETURN o
  UNION
  UNWIND $nis AS nis
  MATCH (:Municipality {nis: nis})<-[:LOCATED_IN]-(o:Organisation)
  RETURN o
}
OPTIONAL MATCH (o)-[:LOCATED_IN]->(m:Municipality)
RETURN o.id AS id, o.name AS name, m.nis AS nis, m.name AS municipality
