// name: moment_next_step
// params: moment, id, what, due, owner, at
// The next step a contact moment agreed on: what, by when, who takes it up.
MATCH (m:ContactMoment {id: $moment})
CREATE (s:NextStep {id: $id, what: $what, due: $due, owner: $owner, at: $at})
CREATE (m)-[:PLANS]->(s)
RETURN s.id AS step
