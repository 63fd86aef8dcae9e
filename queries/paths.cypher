// title: Paths connecting two entities
// answers: The simple paths (no entity twice) of up to max_hops relations, in either direction and of any status, that connect two entities, shortest first.
// param: source: entity -- first entity: id, name or alias, matched by normalised key
// param: target: entity -- second entity: id, name or alias, matched by normalised key
// param: max_hops: integer = 2 (1..3) -- longest path, in relations
// param: limit: integer = 25 (1..10000) -- at most this many paths
// column: hops: integer -- number of relations on the path
// column: path: string -- the path, e.g. "A -[sanctions/considered]-> B <-[accuses/asserted]- C"
// order: hops, path
// Both ends through their match keys: unique-index seeks on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not scans of every entity
// (the hints keep the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(a:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $source | left(x, 1000)]
  AND any(m IN a.match_keys WHERE m IN $source)
WITH DISTINCT a
MATCH (k:Key)<-[:HAS_KEY]-(b:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $target | left(x, 1000)]
  AND any(m IN b.match_keys WHERE m IN $target)
WITH DISTINCT a, b
// Bounds of a path pattern cannot be parameters: match up to 3 and filter by $max_hops.
MATCH p = (a)(()-[r WHERE r.evidence_ids IS NOT NULL]-(:Entity)){1,3}(b)
WHERE a <> b AND length(p) <= $max_hops
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       reduce(acc = ns[0].name, i IN range(0, size(rs) - 1) |
         acc + CASE WHEN startNode(rs[i]) = ns[i]
                    THEN ' -[' + rs[i].predicate + '/' + rs[i].status + ']-> '
                    ELSE ' <-[' + rs[i].predicate + '/' + rs[i].status + ']- ' END
             + ns[i + 1].name) AS path
ORDER BY hops, path
LIMIT $limit
