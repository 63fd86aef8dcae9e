// title: Timeline of an entity
// answers: Every evidence sentence of every relation of the entity, in date order: what was said about it, when, and where.
// param: entity: entity -- entity id, name or alias, matched by normalised key
// column: date: date -- article date, or null (undated articles come last)
// column: doc_id: string -- document id
// column: start: integer -- character offset of the sentence
// column: subject: string -- subject name
// column: predicate: string -- ontology predicate key
// column: relation_status: string -- relation status
// column: object: string -- object name
// column: sentence: string -- the evidence sentence
// column: relation_id: string -- relation id
// column: evidence_id: string -- evidence id
// order: undated last, date, doc_id, start, relation_id
// The entity through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(e:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $entity | left(x, 1000)]
  AND any(m IN e.match_keys WHERE m IN $entity)
WITH DISTINCT e
MATCH (e)-[r]-(:Entity)
WHERE r.evidence_ids IS NOT NULL
WITH DISTINCT r
MATCH (v:Evidence) WHERE v.id IN r.evidence_ids
OPTIONAL MATCH (v)-[:IN_ARTICLE]->(art:Article)
WITH r, v, art, startNode(r) AS s, endNode(r) AS o
RETURN art.date AS date, v.doc_id AS doc_id, v.start AS start, s.name AS subject, r.predicate AS predicate,
       r.status AS relation_status, o.name AS object, v.text AS sentence, r.id AS relation_id,
       v.id AS evidence_id
ORDER BY date IS NULL, date, doc_id, start, relation_id
