// name: schema
// params:
// One unique key per label, and the indexes that lookups and searches start from, created
// idempotently at start-up.
CREATE CONSTRAINT zone_id IF NOT EXISTS FOR (n:Zone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT municipality_nis IF NOT EXISTS FOR (n:Municipality) REQUIRE n.nis IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (n:Cluster) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT category_key IF NOT EXISTS FOR (n:Category) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT action_id IF NOT EXISTS FOR (n:Action) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT engagement_change_id IF NOT EXISTS FOR (n:EngagementChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contact_moment_id IF NOT EXISTS FOR (n:ContactMoment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT next_step_id IF NOT EXISTS FOR (n:NextStep) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (n:User) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT log_zone IF NOT EXISTS FOR (n:Log) REQUIRE n.zone IS UNIQUE;
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (n:Revision) REQUIRE n.id IS UNIQUE;
// The register lists organisations by name (in index order) and finds them by KBO number.
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX organisation_kbo IF NOT EXISTS FOR (n:Organisation) ON (n.kbo);
// Sources of one document (a plan) are looked up when it is imported again.
CREATE INDEX source_document IF NOT EXISTS FOR (n:Source) ON (n.document)
