// name: seed_contacts
// params: rows
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (a:Action {id: row.action})
MERGE (p)-[:CONTACT_FOR]->(a)
