// title: Evidence for a relation
// answers: The sentences that support the relations from a subject (optionally to an object, of a predicate, with a status), with their articles and dates.
// param: subject: entity -- subject entity: id, name or alias, matched by normalised key
// param: object: entity = null -- object entity: id, name or alias, matched by normalised key
// param: predicate: string = null -- ontology predicate key, e.g. sanctions
// param: status: string = null -- relation status, e.g. considered
// column: relation: string -- the relation as "subject -[predicate/status]-> object"
// column: relation_id: string -- relation id
// column: evidence_id: string -- evidence sentence id
// column: sentence: string -- the evidence sentence
// column: start: integer -- character offset of the sentence in its document
// column: end: integer -- end offset
// column: attributed_to: string -- named source of the statement, or null
// column: doc_id: string -- document id
// column: title: string -- article title, or null
// column: date: date -- article date, or null
// column: url: string -- article URL, or null
// order: undated last, date, doc_id, start, relation_id
// The subject through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(s:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $subject | left(x, 1000)]
  AND any(m IN s.match_keys WHERE m IN $subject)
WITH DISTINCT s
MATCH (s)-[r]->(o:Entity)
WHERE r.evidence_ids IS NOT NULL
  AND ($predicate IS NULL OR r.predicate = $predicate)
  AND ($status IS NULL OR r.status = $status)
  AND ($object IS NULL OR any(k IN o.match_keys WHERE k IN $object))
MATCH (v:Evidence) WHERE v.id IN r.evidence_ids
OPTIONAL MATCH (v)-[:IN_ARTICLE]->(art:Article)
RETURN s.name + ' -[' + r.predicate + '/' + r.status + ']-> ' + o.name AS relation, r.id AS relation_id,
       v.id AS evidence_id, v.text AS sentence, v.start AS start, v.end AS end,
       v.attributed_to AS attributed_to, v.doc_id AS doc_id, art.title AS title, art.date AS date,
       art.url AS url
ORDER BY date IS NULL, date, doc_id, start, relation_id
