// name: import_new_organisations
// params: rows
// New organisations of a spreadsheet, each written whole from one row: the organisation,
// the Source of its row, its category, its seat and its membership of a cluster (with the
// engagement change that records it). The plan
// checked that neither the organisation's id nor the row's Source exists yet, so CREATE is
// safe (and a unique key stops it if the graph changed since the dry run).
UNWIND $rows AS row
MATCH (k:Category {key: row.category})
CREATE (s:Source {id: row.source, document: row.document, section: row.section})
CREATE (o:Organisation {id: row.id, name: row.name, folded: row.folded})
SET o.kbo = row.kbo, o.website = row.website, o.email = row.email, o.phone = row.phone
CREATE (o)-[:OF_CATEGORY]->(k)
CREATE (o)-[:STATED_IN]->(s)
WITH o, s, row
// '' for none: on this engine a lookup by null reads every node of the label.
OPTIONAL MATCH (m:Municipality {nis: coalesce(row.nis, '')})
OPTIONAL MATCH (c:Cluster {id: coalesce(row.cluster, '')})
FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (o)-[:LOCATED_IN]->(x))
FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
  CREATE (o)-[:MEMBER_OF {status: row.status, source: row.source, since: row.since}]->(x)
  CREATE (e:EngagementChange {id: row.change, to_status: row.status, on: row.since,
                              at: row.at, by: row.by})
  CREATE (e)-[:ABOUT]->(o)
  CREATE (e)-[:IN_CLUSTER]->(x)
  CREATE (e)-[:STATED_IN]->(s))
RETURN count(o) AS written
