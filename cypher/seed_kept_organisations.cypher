// name: seed_kept_organisations
// params: rows
// Organisations of the seed that the graph held already: staff may have renamed them or
// changed their category or seat, so they keep all of it. One nobody has saved since (no
// version: made by an earlier load or a plan import) gets a category or a seat where it has
// none of that kind; one someone saved keeps even an empty seat, as they left it.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.id})
WHERE o.version IS NULL
MATCH (k:Category {key: row.category})
// '' for none: on this engine a lookup by null reads every Municipality.
OPTIONAL MATCH (m:Municipality {nis: coalesce(row.municipality, '')})
WITH o, k, m,
     NOT EXISTS { (o)-[:OF_CATEGORY]->(:Category) } AS uncategorised,
     NOT EXISTS { (o)-[:LOCATED_IN]->(:Municipality) } AS unplaced
FOREACH (kind IN CASE WHEN uncategorised THEN [k] ELSE [] END | MERGE (o)-[:OF_CATEGORY]->(kind))
FOREACH (place IN CASE WHEN unplaced AND m IS NOT NULL THEN [m] ELSE [] END |
  MERGE (o)-[:LOCATED_IN]->(place))
