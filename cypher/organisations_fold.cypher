// name: organisations_fold
// params: rows
// `folded` for organisations that lack it (organisations_unfolded), computed by graphmap.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.id})
SET o.folded = row.folded
RETURN count(o) AS written
