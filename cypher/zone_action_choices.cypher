// name: zone_action_choices
// params: zones
// The actions of the given zones' plans as choices (Organisaties links an organisation to
// one), walking out from each zone by its key: an editor's few zones, not all of Flanders.
UNWIND $zones AS id
MATCH (z:Zone {id: id})<-[:OF_ZONE]-(og:Goal)<-[:UNDER]-(a:Action)
RETURN z.id AS zone, a.id AS id, a.code AS code, a.title AS title, og.number AS goal
ORDER BY zone, goal, code
