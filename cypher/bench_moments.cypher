// name: bench_moments
// params: rows
// The benchmarks' year of contact moments (bench/): a zone's staff with one of the zone's
// organisations, as record_moment and moment_next_step write them, in one query; a step
// done as complete_step marks it.
UNWIND $rows AS row
MATCH (z:Zone {id: row.zone})
MATCH (o:Organisation {id: row.organisation})
CREATE (m:ContactMoment {id: row.id, kind: row.kind, on: row.on, at: row.at, by: row.by,
                         note: row.note})
CREATE (m)-[:OF_ZONE]->(z)
CREATE (m)-[:ABOUT]->(o)
FOREACH (step IN CASE WHEN row.step IS NULL THEN [] ELSE [row.step] END |
  CREATE (s:NextStep {id: step.id, what: step.what, due: step.due, owner: row.by,
                      at: row.at, done_on: step.done_on, done_at: step.done_at,
                      done_by: step.done_by})
  CREATE (m)-[:PLANS]->(s))
RETURN count(m) AS written
