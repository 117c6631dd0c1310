// name: register_organisation
// params: organisation
// One organisation as the register edits it: its fields, memberships, contacts and actions.
// Each list is collected in a subquery of its own: collected one after the other, every row
// of the next list carried the lists before it as its group key, which the embedded engine
// compares per row (a regional body of 60 zones with 2,000 contacts and 700 actions took
// half a second, 700 times its 2,000 contacts).
MATCH (o:Organisation {id: $organisation})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
CALL (o) {
  OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
  RETURN collect(CASE WHEN c IS NULL THEN NULL
                      ELSE {zone: z.id, zone_name: z.name, cluster: c.key, status: m.status,
                            since: m.since} END) AS memberships
}
CALL (o) {
  OPTIONAL MATCH (o)<-[w:WORKS_AT]-(p:Person)
  RETURN collect(CASE WHEN p IS NULL THEN NULL
                      ELSE {id: p.id, name: p.name, function: w.role, email: p.email,
                            phone: p.phone} END) AS contacts
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:LEADS|PARTNER_IN]->(a:Action)-[:UNDER]->(:Goal)-[:OF_ZONE]->(az:Zone)
  RETURN collect(CASE WHEN a IS NULL THEN NULL
                      ELSE {action: a.id, zone: az.id, zone_name: az.name, code: a.code,
                            title: a.title, role: type(r)} END) AS actions
}
RETURN o.id AS id, o.name AS name, k.key AS category, mu.nis AS nis, mu.name AS municipality,
       o.kbo AS kbo, o.website AS website, coalesce(o.version, 0) AS version,
       o.updated_by AS updated_by, o.updated_at AS updated_at, memberships, contacts, actions
