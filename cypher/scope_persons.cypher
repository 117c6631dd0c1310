// name: scope_persons
// params: persons
// The organisations each of these contact persons works at (the persons that exist): an
// import that matched them by e-mail address may change them only for those organisations'
// zones (graphmap/access.py).
UNWIND $persons AS wanted
MATCH (p:Person {id: wanted})-[:WORKS_AT]->(o:Organisation)
RETURN p.id AS person, collect(o.id) AS organisations
