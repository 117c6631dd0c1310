// name: import_plan_organisations
// params: rows
// Organisations the plan names that are not in the graph yet, and the zone's own zorgraad.
// ON CREATE only: an organisation already known keeps its name, and its category (the
// zorgraad of a zone imported before may have been given another in the register).
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.folded = row.folded, o.zorgraad_of = row.zorgraad_of
MERGE (o)-[:STATED_IN]->(s)
WITH o, row
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(held:Category)
WITH o, row, count(held) AS held
FOREACH (key IN CASE WHEN held = 0 THEN [row.category] ELSE [] END |
  MERGE (k:Category {key: key})
  ON CREATE SET k.name = key
  MERGE (o)-[:OF_CATEGORY]->(k))
RETURN count(o) AS written
