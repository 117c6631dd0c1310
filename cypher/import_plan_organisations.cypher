// name: import_plan_organisations
// params: rows
// Organisations the plan names that are not in the graph yet, and the zone's own zorgraad.
// ON CREATE only: an organisation already known keeps its name.
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.name = row.name, o.zorgraad_of = row.zorgraad_of
MERGE (k:Category {key: row.category})
ON CREATE SET k.name = row.category
MERGE (o)-[:OF_CATEGORY]->(k)
MERGE (o)-[:STATED_IN]->(s)
RETURN count(o) AS written
