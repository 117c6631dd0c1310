// name: names_folded
// params: id
// Whether the organisations of this graph have `folded` (graphmap/store.py, fold_names): set on
// the revision node once they have, so that a connect does not look through them every time.
MATCH (r:Revision {id: $id})
RETURN r.names_folded AS done
