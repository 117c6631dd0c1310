// name: constraints
// params:
SHOW CONSTRAINTS YIELD labelsOrTypes, properties
RETURN labelsOrTypes, properties
