// title: Relations of an entity
// answers: Every relation in which the entity is subject or object, with its status, confidence, evidence count and first/last seen dates.
// param: entity: entity -- entity id, name or alias, matched by normalised key
// param: status: string = null -- only relations with this status (asserted, considered, planned, threatened, completed, denied)
// column: subject: string -- subject name
// column: subject_id: string -- subject entity id
// column: predicate: string -- ontology predicate key (sanctions, bids-for, ...)
// column: relation_status: string -- status of the relation
// column: label: string -- display label, e.g. considers-blacklisting
// column: role: string -- role for works-for, else null
// column: object: string -- object name
// column: object_id: string -- object entity id
// column: confidence: float -- highest confidence of the evidence
// column: evidence_count: integer -- number of evidence sentences
// column: first_seen: date -- earliest article date, or null
// column: last_seen: date -- latest article date, or null
// column: relation_id: string -- relation (statement) id
// order: predicate, subject_id, object_id, relation_status, relation_id
// The entity through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(e:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $entity | left(x, 1000)]
  AND any(m IN e.match_keys WHERE m IN $entity)
WITH DISTINCT e
MATCH (e)-[r]-(:Entity)
WHERE r.evidence_ids IS NOT NULL AND ($status IS NULL OR r.status = $status)
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS o
RETURN s.name AS subject, s.id AS subject_id, r.predicate AS predicate, r.status AS relation_status,
       r.label AS label, r.role AS role, o.name AS object, o.id AS object_id,
       r.confidence AS confidence, r.evidence_count AS evidence_count,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.id AS relation_id
ORDER BY predicate, subject_id, object_id, relation_status, relation_id
