// title: Deal contest around a target company
// answers: Who bids for, acquires, takes a stake in, invests in, divests or merges with the target, and who outbid whom among the parties bidding for or acquiring it.
// param: target: entity -- the target company: entity id, name or alias, matched by normalised key
// column: actor: string -- bidder, buyer, holder, investor, seller, merger party or winner of an outbid
// column: actor_id: string -- its entity id
// column: predicate: string -- bids-for, acquires, holds-stake-in, invests-in, divests, merges-with or outbids
// column: relation_status: string -- status of the relation
// column: label: string -- display label
// column: counterpart: string -- the target, or the rival for outbids
// column: counterpart_id: string -- its entity id
// column: confidence: float -- highest confidence of the evidence
// column: evidence_count: integer -- number of evidence sentences
// column: first_seen: date -- earliest article date, or null
// column: last_seen: date -- latest article date, or null
// column: relation_id: string -- relation id
// order: predicate, actor_id, counterpart_id, relation_status, relation_id
// The entity through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(t:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $target | left(x, 1000)]
  AND any(m IN t.match_keys WHERE m IN $target)
WITH DISTINCT t
CALL (t) {
  MATCH (a:Entity)-[r:BIDS_FOR|ACQUIRES|HOLDS_STAKE_IN|INVESTS_IN|DIVESTS]->(t)
  RETURN a, r, t AS c
  UNION
  MATCH (t)-[r:MERGES_WITH]-(a:Entity)
  RETURN a, r, t AS c
  UNION
  MATCH (a:Entity)-[r:OUTBIDS]->(b:Entity)
  WHERE EXISTS { (a)-[:BIDS_FOR|ACQUIRES]->(t) } OR EXISTS { (b)-[:BIDS_FOR|ACQUIRES]->(t) }
  RETURN a, r, b AS c
}
RETURN DISTINCT a.name AS actor, a.id AS actor_id, r.predicate AS predicate, r.status AS relation_status,
       r.label AS label, c.name AS counterpart, c.id AS counterpart_id, r.confidence AS confidence,
       r.evidence_count AS evidence_count, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.id AS relation_id
ORDER BY predicate, actor_id, counterpart_id, relation_status, relation_id
