// name: seed_organisations
// params: rows
// Organisations new to the graph (the loader leaves out those it holds: see
// seed_kept_organisations). ON CREATE: one written meanwhile keeps what it has.
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.folded = row.folded, o.kbo = row.kbo, o.website = row.website,
              o.zorgraad_of = row.zorgraad_of
WITH o, row
MATCH (k:Category {key: row.category})
MERGE (o)-[:OF_CATEGORY]->(k)
WITH o, row
MATCH (s:Source {id: row.source})
MERGE (o)-[:STATED_IN]->(s)
WITH o, row
WHERE row.municipality IS NOT NULL
MATCH (m:Municipality {nis: row.municipality})
MERGE (o)-[:LOCATED_IN]->(m)
