// title: Most connected entities
// answers: The entities with the most relations (of any status), with their number of distinct neighbours; optionally only one entity type.
// param: type: string = null -- only entities of this type (Company, GovernmentBody, Organization, Person, Place, Country)
// param: limit: integer = 10 (1..10000) -- at most this many entities
// column: entity: string -- entity name
// column: entity_id: string -- entity id
// column: entity_type: string -- entity type
// column: relations: integer -- number of relations it takes part in
// column: neighbours: integer -- number of distinct entities it is related to
// order: relations descending, entity_id
MATCH (e:Entity)-[r]-(n:Entity)
WHERE r.evidence_ids IS NOT NULL
WITH e, count(DISTINCT r) AS relations, count(DISTINCT n) AS neighbours
WITH e, relations, neighbours, [l IN labels(e) WHERE l <> 'Entity'][0] AS entity_type
WHERE $type IS NULL OR entity_type = $type
RETURN e.name AS entity, e.id AS entity_id, entity_type, relations, neighbours
ORDER BY relations DESC, entity_id
LIMIT $limit
