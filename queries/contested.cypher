// title: Contested relations
// answers: Pairs of relations between the same subject and object with the same predicate where one is denied and the other is not ("asserted-and-denied"), or one was considered, planned or threatened and the other is asserted or completed ("considered-then-done").
// param: entity: entity = null -- only pairs involving this entity (id, name or alias, matched by normalised key)
// column: subject: string -- subject name
// column: subject_id: string -- subject entity id
// column: predicate: string -- ontology predicate key
// column: object: string -- object name
// column: object_id: string -- object entity id
// column: kind: string -- asserted-and-denied or considered-then-done
// column: relation_status: string -- status of the first relation (the claim, or the intention)
// column: other_status: string -- status of the second (the denial, or the realisation)
// column: relation_id: string -- id of the first relation
// column: other_relation_id: string -- id of the second relation
// order: subject_id, predicate, object_id, kind, relation_id, other_relation_id
// Pairs are found per subject: its outgoing relationships grouped by object and type, so that
// only groups of two or more (rare) have their properties read. The planner's alternative,
// an Expand(Into) from every relationship back to its object, reads a hub's relationships once
// per relationship (minutes at 1M relations). With $entity, only the entity's own
// relationships are grouped (as subject, then as object), through the :Key index.
CALL () {
  // Every subject when no entity is given (the test comes first, so no scan runs otherwise).
  WITH 1 AS all WHERE $entity IS NULL
  MATCH (s:Entity)
  CALL (s) {
    MATCH (s)-[r]->(o)
    WITH o, type(r) AS t, collect(r) AS rs
    WHERE size(rs) > 1
    RETURN o, rs
  }
  RETURN s, o, rs
  UNION
  MATCH (k:Key)<-[:HAS_KEY]-(s:Entity)
  USING INDEX SEEK k:Key(key)
  WHERE k.key IN [x IN $entity | left(x, 1000)]
    AND any(m IN s.match_keys WHERE m IN $entity)
  WITH DISTINCT s
  CALL (s) {
    MATCH (s)-[r]->(o)
    WITH o, type(r) AS t, collect(r) AS rs
    WHERE size(rs) > 1
    RETURN o, rs
  }
  RETURN s, o, rs
  UNION
  MATCH (k:Key)<-[:HAS_KEY]-(o:Entity)
  USING INDEX SEEK k:Key(key)
  WHERE k.key IN [x IN $entity | left(x, 1000)]
    AND any(m IN o.match_keys WHERE m IN $entity)
  WITH DISTINCT o
  CALL (o) {
    MATCH (s)-[r]->(o)
    WITH s, type(r) AS t, collect(r) AS rs
    WHERE size(rs) > 1
    RETURN s, rs
  }
  RETURN s, o, rs
}
UNWIND rs AS r1
UNWIND rs AS r2
WITH s, o, r1, r2
WHERE s:Entity AND o:Entity AND r1.evidence_ids IS NOT NULL AND r2.evidence_ids IS NOT NULL
  AND r1.predicate = r2.predicate AND r1.id <> r2.id
WITH s, o, r1, r2,
     CASE
       WHEN r1.status <> 'denied' AND r2.status = 'denied' THEN 'asserted-and-denied'
       WHEN r1.status IN ['considered', 'planned', 'threatened'] AND r2.status IN ['asserted', 'completed']
         THEN 'considered-then-done'
     END AS kind
WHERE kind IS NOT NULL
  AND ($entity IS NULL
       OR any(x IN [s, o] WHERE any(k IN x.match_keys WHERE k IN $entity)))
RETURN s.name AS subject, s.id AS subject_id, r1.predicate AS predicate, o.name AS object, o.id AS object_id,
       kind, r1.status AS relation_status, r2.status AS other_status, r1.id AS relation_id,
       r2.id AS other_relation_id
ORDER BY subject_id, predicate, object_id, kind, relation_id, other_relation_id
