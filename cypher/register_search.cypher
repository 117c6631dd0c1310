// name: register_search
// params: words, skip, limit
// One page of the organisations whose name or KBO number holds every search word
// (`{text, digits}`: lower-case text, and its digits when it looks like a KBO number).
MATCH (o:Organisation)
WHERE all(w IN $words WHERE toLower(o.name) CONTAINS w.text
          OR (w.digits <> '' AND o.kbo CONTAINS w.digits))
RETURN o.id AS id
ORDER BY o.name
SKIP $skip
LIMIT $limit
