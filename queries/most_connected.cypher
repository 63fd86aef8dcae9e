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
// Relations per entity from its degree (Neo4j keeps it per node and type, no relationship is
// read): every relationship of an entity but the MENTIONS of evidence and its HAS_KEY links is
// one of its relations (docs/architecture.md, Neo4j shape; a loop counts once, as in
// count(DISTINCT r)). Expanding every relationship of every entity took 4.3 s at 1M relations.
// Neighbours are counted for the first $limit entities only.
MATCH (e:Entity)
WITH e, [l IN labels(e) WHERE l <> 'Entity'][0] AS entity_type
WHERE $type IS NULL OR entity_type = $type
WITH e, entity_type, COUNT { (e)--() } - COUNT { (e)<-[:MENTIONS]-() } - COUNT { (e)-[:HAS_KEY]->() } AS relations
WHERE relations > 0
ORDER BY relations DESC, e.id
LIMIT $limit
CALL (e) {
  MATCH (e)-[r]-(n:Entity)
  WHERE r.evidence_ids IS NOT NULL
  RETURN count(DISTINCT n) AS neighbours
}
RETURN e.name AS entity, e.id AS entity_id, entity_type, relations, neighbours
ORDER BY relations DESC, entity_id
