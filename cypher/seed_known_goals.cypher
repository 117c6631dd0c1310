// name: seed_known_goals
// params: rows
// Which of the seed's goals (rows: {id}) the graph holds already.
UNWIND $rows AS row
MATCH (x:Goal {id: row.id})
RETURN x.id AS id
