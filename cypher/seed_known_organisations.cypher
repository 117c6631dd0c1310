// name: seed_known_organisations
// params: rows
// Which of the seed's organisations (rows: {id}) the graph holds already.
UNWIND $rows AS row
MATCH (x:Organisation {id: row.id})
RETURN x.id AS id
