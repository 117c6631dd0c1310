// name: bench_delete_records
// params: document, by
// Remove what a benchmark's import wrote beside its organisations (its sources, engagement
// changes and audit entries), so that the next measurement starts from the same graph.
OPTIONAL MATCH (s:Source {document: $document})
DETACH DELETE s
WITH count(*) AS sources
OPTIONAL MATCH (e:EngagementChange {by: $by})
DETACH DELETE e
WITH count(*) AS changes
OPTIONAL MATCH (a:AuditEntry {by: $by})
DETACH DELETE a
RETURN count(*) AS entries
