// name: scope_step
// params: step
// The zone whose staff agreed on a next step.
MATCH (s:NextStep {id: $step})<-[:PLANS]-(:ContactMoment)-[:OF_ZONE]->(z:Zone)
RETURN z.id AS zone
