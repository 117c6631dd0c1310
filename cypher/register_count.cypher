// name: register_count
// params: words
// How many organisations the register search finds (see register_page).
MATCH (o:Organisation)
WHERE all(w IN $words WHERE toLower(o.name) CONTAINS w.text
          OR (w.digits <> '' AND o.kbo CONTAINS w.digits))
RETURN count(o) AS total
