// name: import_plan_seats
// params: rows
// The seat a local government's name says ("Gemeente Zulte": Zulte), for an organisation of
// the plan that has none yet: a seat the graph holds is never changed. The municipality is
// written when the graph lacks it (an OCMW of a municipality outside the zone). Returns the
// organisations seated now.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.organisation})
WHERE NOT (o)-[:LOCATED_IN]->(:Municipality)
MERGE (m:Municipality {nis: row.nis})
ON CREATE SET m.name = row.name, m.province = row.province
MERGE (o)-[:LOCATED_IN]->(m)
RETURN o.id AS organisation, m.name AS municipality
