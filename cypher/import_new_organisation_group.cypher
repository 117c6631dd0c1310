// name: import_new_organisation_group
// params: category, nis, cluster, rows
// As import_new_organisations, for many rows that share their category, seat and cluster:
// those three are looked up once instead of once per row (most of the cost of a long list).
MATCH (k:Category {key: $category})
// '' for none: on this engine a lookup by null reads every node of the label.
OPTIONAL MATCH (m:Municipality {nis: coalesce($nis, '')})
OPTIONAL MATCH (c:Cluster {id: coalesce($cluster, '')})
UNWIND $rows AS row
CREATE (s:Source {id: row.source, document: row.document, section: row.section})
CREATE (o:Organisation {id: row.id, name: row.name, folded: row.folded})
SET o.kbo = row.kbo, o.website = row.website, o.email = row.email, o.phone = row.phone
CREATE (o)-[:OF_CATEGORY]->(k)
CREATE (o)-[:STATED_IN]->(s)
FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (o)-[:LOCATED_IN]->(x))
FOREACH (x IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
  CREATE (o)-[:MEMBER_OF {status: row.status, source: row.source, since: row.since}]->(x)
  CREATE (e:EngagementChange {id: row.change, to_status: row.status, on: row.since,
                              at: row.at, by: row.by})
  CREATE (e)-[:ABOUT]->(o)
  CREATE (e)-[:IN_CLUSTER]->(x)
  CREATE (e)-[:STATED_IN]->(s))
RETURN count(o) AS written
