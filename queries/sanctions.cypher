// title: Sanctions: who targets whom
// answers: Sanctions relations (blacklists, entity lists, bans, embargoes, tariffs), optionally filtered by status, by the sanctioning entity and by the target's country. A target is "in" a country when it is that country or has a headquartered-in relation (not denied) to it.
// param: status: string = null -- only sanctions with this status (considered, threatened, asserted, ...)
// param: by: entity = null -- only sanctions imposed by this entity (id, name or alias, matched by normalised key)
// param: country: entity = null -- only targets that are this country or are headquartered in it (id, name or alias, matched by normalised key)
// column: sanctioner: string -- name of the sanctioning entity
// column: sanctioner_id: string -- its entity id
// column: target: string -- name of the target
// column: target_id: string -- its entity id
// column: relation_status: string -- status of the sanctions relation
// column: label: string -- display label, e.g. considers-blacklisting
// column: confidence: float -- highest confidence of the evidence
// column: evidence_count: integer -- number of evidence sentences
// column: first_seen: date -- earliest article date, or null
// column: last_seen: date -- latest article date, or null
// column: relation_id: string -- relation id
// order: sanctioner_id, target_id, relation_status, relation_id
MATCH (s:Entity)-[r:SANCTIONS]->(t:Entity)
WHERE ($status IS NULL OR r.status = $status)
  AND ($by IS NULL OR any(k IN s.match_keys WHERE k IN $by))
  AND ($country IS NULL OR any(k IN t.match_keys WHERE k IN $country)
       OR EXISTS {
         MATCH (t)-[h:HEADQUARTERED_IN]->(c:Entity)
         WHERE h.status <> 'denied'
           AND (any(k IN c.match_keys WHERE k IN $country))
       })
RETURN s.name AS sanctioner, s.id AS sanctioner_id, t.name AS target, t.id AS target_id,
       r.status AS relation_status, r.label AS label, r.confidence AS confidence,
       r.evidence_count AS evidence_count, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.id AS relation_id
ORDER BY sanctioner_id, target_id, relation_status, relation_id
