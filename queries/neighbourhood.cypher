// title: Neighbourhood of an entity
// answers: The entities within a number of relations of the entity (either direction, any status), with their distance.
// param: entity: entity -- entity id, name or alias, matched by normalised key
// param: hops: integer = 1 (1..2) -- how far to look, in relations
// column: neighbour: string -- neighbour name
// column: neighbour_id: string -- neighbour entity id
// column: neighbour_type: string -- neighbour entity type
// column: distance: integer -- fewest relations between the entity and the neighbour
// order: distance, neighbour_id
// The entity through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(e:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $entity | left(x, 1000)]
  AND any(m IN e.match_keys WHERE m IN $entity)
WITH DISTINCT e
// Ring by ring rather than as paths of up to 2 relations: a hub's paths are millions where its
// neighbours are thousands, and the second ring is expanded only when $hops asks for it.
MATCH (e)-[r]-(n:Entity)
WHERE r.evidence_ids IS NOT NULL AND n <> e
WITH e, collect(DISTINCT n) AS ring
CALL (e, ring) {
  UNWIND ring AS n
  RETURN n, 1 AS distance
  UNION ALL
  WITH e, ring WHERE $hops >= 2
  UNWIND ring AS x
  MATCH (x)-[r]-(n:Entity)
  WHERE r.evidence_ids IS NOT NULL AND n <> e
  RETURN DISTINCT n, 2 AS distance
}
WITH n, min(distance) AS distance
RETURN n.name AS neighbour, n.id AS neighbour_id, [l IN labels(n) WHERE l <> 'Entity'][0] AS neighbour_type,
       distance
ORDER BY distance, neighbour_id
