// name: register_unlocate
// params: organisation
// The register form left the municipality empty: the organisation has no known seat.
MATCH (:Organisation {id: $organisation})-[r:LOCATED_IN]->(:Municipality)
DELETE r
