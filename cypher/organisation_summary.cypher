// name: organisation_summary
// params: organisation
// One organisation: its category, seat, memberships, actions and number of contacts. Each
// list in a subquery of its own, as register_organisation: collected after the memberships,
// every action row carried them as its group key.
MATCH (o:Organisation {id: $organisation})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
CALL (o) {
  OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c:Cluster)
  RETURN collect(CASE WHEN c IS NULL THEN NULL
                      ELSE {cluster: c.id, name: c.name, status: m.status} END) AS memberships
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:LEADS|PARTNER_IN]->(a:Action)
  RETURN collect(CASE WHEN a IS NULL THEN NULL
                      ELSE {action: a.id, code: a.code, title: a.title, role: type(r)} END)
         AS actions
}
RETURN o.id AS id, o.name AS name, k.name AS category, mu.name AS municipality, o.kbo AS kbo,
       o.website AS website, memberships, actions,
       COUNT { (o)<-[:WORKS_AT]-(:Person) } AS contacts
