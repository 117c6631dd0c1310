// name: register_search
// params: words, skip, limit
// One page of the organisations that every search word finds, and how many it finds in all
// (one pass). A word (`{text, digits, categories, places}`, see graphmap.analysis.directory)
// finds an organisation whose name holds its text, whose KBO number holds its digits, or
// whose category or municipality is one of those whose name holds it. The candidates are
// those the first word finds: by name in one pass over the names, by category or seat
// walking in from that category or municipality; every word is then checked on them alone.
CALL () {
  MATCH (o:Organisation)
  WHERE o.folded CONTAINS $words[0].text
     OR ($words[0].digits <> '' AND o.kbo CONTAINS $words[0].digits)
  RETURN o
  UNION
  UNWIND $words[0].categories AS key
  MATCH (:Category {key: key})<-[:OF_CATEGORY]-(o:Organisation)
  RETURN o
  UNION
  UNWIND $words[0].places AS nis
  MATCH (:Municipality {nis: nis})<-[:LOCATED_IN]-(o:Organisation)
  RETURN o
}
// DISTINCT: the embedded engine's UNION keeps a node found by two branches twice.
WITH DISTINCT o
WHERE all(w IN $words WHERE o.folded CONTAINS w.text
          OR (w.digits <> '' AND o.kbo CONTAINS w.digits)
          OR (size(w.categories) > 0
              AND EXISTS { MATCH (o)-[:OF_CATEGORY]->(k:Category) WHERE k.key IN w.categories })
          OR (size(w.places) > 0
              AND EXISTS { MATCH (o)-[:LOCATED_IN]->(mu:Municipality) WHERE mu.nis IN w.places }))
WITH o.id AS id, o.folded AS name
ORDER BY name, id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
