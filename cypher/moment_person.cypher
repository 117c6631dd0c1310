// name: moment_person
// params: moment, organisation, person
// Who was spoken to: one of the organisation's own contact persons.
MATCH (o:Organisation {id: $organisation})<-[:WORKS_AT]-(p:Person {id: $person})
MATCH (m:ContactMoment {id: $moment})
CREATE (m)-[:WITH_PERSON]->(p)
RETURN p.id AS person
