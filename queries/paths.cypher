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
WHERE a <> b
// One fixed-length pattern per path length rather than a {1,3} path pattern: that one
// expanded every trail of up to 3 relations from one end (millions around a hub) whatever
// $max_hops; here the planner joins the two bound ends, and longer branches run only when
// $max_hops asks for them. A simple path visits no entity twice.
CALL (a, b) {
  MATCH p = (a)-[r1]-(b)
  WHERE r1.evidence_ids IS NOT NULL
  RETURN p
  UNION ALL
  WITH a, b WHERE $max_hops >= 2
  MATCH p = (a)-[r1]-(x:Entity)-[r2]-(b)
  WHERE r1.evidence_ids IS NOT NULL AND r2.evidence_ids IS NOT NULL AND x <> a AND x <> b
  RETURN p
  UNION ALL
  WITH a, b WHERE $max_hops >= 3
  MATCH p = (a)-[r1]-(x1:Entity)-[r2]-(x2:Entity)-[r3]-(b)
  WHERE r1.evidence_ids IS NOT NULL AND r2.evidence_ids IS NOT NULL AND r3.evidence_ids IS NOT NULL
    AND x1 <> a AND x1 <> b AND x2 <> a AND x2 <> b AND x1 <> x2
  RETURN p
}
WITH p, nodes(p) AS ns, relationships(p) AS rs
// DISTINCT as paths.rq: two paths can read the same (parallel statements of one predicate and
// status, or namesakes); the limit counts distinct lines on both backends.
RETURN DISTINCT length(p) AS hops,
       reduce(acc = ns[0].name, i IN range(0, size(rs) - 1) |
         acc + CASE WHEN startNode(rs[i]) = ns[i]
                    THEN ' -[' + rs[i].predicate + '/' + rs[i].status + ']-> '
                    ELSE ' <-[' + rs[i].predicate + '/' + rs[i].status + ']- ' END
             + ns[i + 1].name) AS path
ORDER BY hops, path
LIMIT $limit
