// title: People of an organization
// answers: The people who work for an organization (company, government body, organization or country), with their roles.
// param: organization: entity -- entity id, name or alias, matched by normalised key
// column: person: string -- person name
// column: person_id: string -- person entity id
// column: role: string -- role (CEO, spokesman, minister, ...), or null
// column: relation_status: string -- status of the works-for relation
// column: employer: string -- organization name
// column: employer_id: string -- organization entity id
// column: evidence_count: integer -- number of evidence sentences
// column: first_seen: date -- earliest article date, or null
// column: last_seen: date -- latest article date, or null
// column: relation_id: string -- relation id
// order: employer_id, person_id, relation_id
// The entity through its match keys: a unique-index seek on :Key (first
// 1,000 characters of a key, graph/neo4j_writer.KEY_PREFIX), not a scan of every entity
// (the hint keeps the planner from scanning when its statistics are stale).
MATCH (k:Key)<-[:HAS_KEY]-(o:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $organization | left(x, 1000)]
  AND any(m IN o.match_keys WHERE m IN $organization)
WITH DISTINCT o
MATCH (p:Entity)-[r:WORKS_FOR]->(o)
RETURN p.name AS person, p.id AS person_id, r.role AS role, r.status AS relation_status,
       o.name AS employer, o.id AS employer_id, r.evidence_count AS evidence_count,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.id AS relation_id
ORDER BY employer_id, person_id, relation_id
