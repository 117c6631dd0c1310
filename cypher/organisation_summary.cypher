// name: organisation_summary
// params: organisation
// One organisation: its category, seat, memberships, actions and number of contacts.
MATCH (o:Organisation {id: $organisation})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c:Cluster)
WITH o, k, mu, collect(CASE WHEN c IS NULL THEN NULL
                            ELSE {cluster: c.id, name: c.name, status: m.status} END) AS memberships
OPTIONAL MATCH (o)-[r:LEADS|PARTNER_IN]->(a:Action)
WITH o, k, mu, memberships,
     collect(CASE WHEN a IS NULL THEN NULL
                  ELSE {action: a.id, code: a.code, title: a.title, role: type(r)} END) AS actions
RETURN o.id AS id, o.name AS name, k.name AS category, mu.name AS municipality, o.kbo AS kbo,
       o.website AS website, memberships, actions,
       COUNT { (:Person)-[:WORKS_AT]->(o) } AS contacts
