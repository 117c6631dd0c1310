// name: seed_known_actions
// params: rows
// Which of the seed's actions (rows: {id}) the graph holds already.
UNWIND $rows AS row
MATCH (x:Action {id: row.id})
RETURN x.id AS id
