// name: erasure_notes
// params: person
// The free texts about the organisations a contact person works at, which may name them:
// the notes of contact moments and of engagement changes, the next steps (what, who, the
// note when done). Read before the person is erased (the way there goes through them).
MATCH (p:Person {id: $person})-[:WORKS_AT]->(o:Organisation)<-[:ABOUT]-(m:ContactMoment)
OPTIONAL MATCH (m)-[:PLANS]->(s:NextStep)
RETURN 'ContactMoment' AS label, m.id AS id, m.note AS note, s.id AS step, s.what AS what,
       s.owner AS owner, s.done_note AS done_note
UNION ALL
MATCH (p:Person {id: $person})-[:WORKS_AT]->(o:Organisation)<-[:ABOUT]-(e:EngagementChange)
RETURN 'EngagementChange' AS label, e.id AS id, e.note AS note, null AS step, null AS what,
       null AS owner, null AS done_note
