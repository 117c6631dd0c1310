// name: register_twins_seated
// params: nis
// The organisations seated in one municipality, with their names: a new one whose name is
// one of them but for case, accents, punctuation and legal form is that one saved again, as
// the spreadsheet import would merge it (the names are compared in Python: name_key).
MATCH (m:Municipality {nis: $nis})<-[:LOCATED_IN]-(o:Organisation)
RETURN o.id AS id, o.name AS name, m.name AS municipality
