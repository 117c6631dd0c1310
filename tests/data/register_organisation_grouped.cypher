// name: register_organisation_grouped
// params: organisation
// register_organisation as it was (tests/test_anchoring.py): each list collected after the
// one before, which is then part of the next aggregation's group key.
MATCH (o:Organisation {id: $organisation})
OPTIONAL MATCH (o)-[:OF_CATEGORY]->(k:Category)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(mu:Municipality)
OPTIONAL MATCH (o)-[m:MEMBER_OF]->(c:Cluster)<-[:HAS_CLUSTER]-(z:Zone)
WITH o, k, mu,
     collect(CASE WHEN c IS NULL THEN NULL
                  ELSE {zone: z.id, zone_name: z.name, cluster: c.key, status: m.status,
                        since: m.since} END) AS memberships
OPTIONAL MATCH (p:Person)-[w:WORKS_AT]->(o)
WITH o, k, mu, memberships,
     collect(CASE WHEN p IS NULL THEN NULL
                  ELSE {id: p.id, name: p.name, function: w.role, email: p.email,
                        phone: p.phone} END) AS contacts
OPTIONAL MATCH (o)-[r:LEADS|PARTNER_IN]->(a:Action)-[:UNDER]->(:Goal)-[:OF_ZONE]->(az:Zone)
RETURN o.id AS id, o.name AS name, k.key AS category, mu.nis AS nis, mu.name AS municipality,
       o.kbo AS kbo, o.website AS website, coalesce(o.version, 0) AS version,
       o.updated_by AS updated_by, o.updated_at AS updated_at, memberships, contacts,
       collect(CASE WHEN a IS NULL THEN NULL
                    ELSE {action: a.id, zone: az.id, zone_name: az.name, code: a.code,
                          title: a.title, role: type(r)} END) AS actions
