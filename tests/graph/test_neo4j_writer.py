"""The Neo4j loader against a real server: counts, idempotency, incremental
loads, retraction, schema, evidence on every relationship, ontology-driven
labels and types, read-back, connection errors."""

from __future__ import annotations

import dataclasses

import pytest

from graph import neo4j_writer as w
from graph.keys import entity_keys
from graph.model import Entity, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id
from ontology import load_ontology, parse_ontology
from relgraph.config import Neo4jSettings
from relgraph.errors import Neo4jUnavailable, OntologyError
from tests.queries.fixtures import example_graph


def _load(db, kg, **kw):
    return w.load(db.driver, kg, database=db.database, **kw)


def _one(db, query, **params):
    return db.run(query, params)[0][0]


def _keys(kg) -> tuple[int, int]:
    """(distinct match keys, entity-to-key links) of a graph."""
    per_entity = [entity_keys(e) for e in kg.entities.values()]
    return len({k for ks in per_entity for k in ks}), sum(map(len, per_entity))


def test_counts_after_load(neo4j_db):
    kg = example_graph()
    summary = _load(neo4j_db, kg)
    assert (summary.entities, summary.relationships, summary.evidence, summary.articles) == (14, 18, 15, 5)
    assert _one(neo4j_db, "MATCH (e:Entity) RETURN count(e)") == len(kg.entities)
    assert _one(neo4j_db, "MATCH (:Entity)-[r]->(:Entity) RETURN count(r)") == len(kg.statements)
    assert _one(neo4j_db, "MATCH (v:Evidence)-[:IN_ARTICLE]->(:Article) RETURN count(v)") == len(kg.evidence)
    assert _one(neo4j_db, "MATCH (a:Article) RETURN count(a)") == len(kg.articles)
    assert _one(neo4j_db, "MATCH ()-[r:SANCTIONS]->() RETURN count(r)") == 2
    assert _one(neo4j_db, "MATCH (:Entity:Company {id: 'hikvision'}) RETURN count(*)") == 1
    assert _one(neo4j_db, "MATCH (:Entity:Country {id: 'china'}) RETURN count(*)") == 1
    r = neo4j_db.run(
        "MATCH (:Entity {id: 'us-government'})-[r:SANCTIONS {status: 'considered'}]->(:Entity {id: 'hikvision'}) "
        "RETURN r.label AS label, r.evidence_count AS n, r.first_seen AS first, r.last_seen AS last, "
        "r.confidence AS c, r.predicate AS p"
    )[0]
    assert (r["label"], r["n"], r["first"], r["last"], r["c"], r["p"]) == (
        "considers-blacklisting", 2, "2019-05-22", "2019-05-24", 0.85, "sanctions")
    # The evidence of a relationship is one index lookup away.
    texts = neo4j_db.run(
        "MATCH (:Entity {id: 'us-government'})-[r:SANCTIONS {status: 'considered'}]->() "
        "MATCH (v:Evidence) WHERE v.id IN r.evidence_ids RETURN v.text AS t ORDER BY t"
    )
    assert [t["t"][:10] for t in texts] == ["The US adm", "The US is "]


def test_loading_twice_changes_nothing(neo4j_db):
    kg = example_graph()
    _load(neo4j_db, kg)
    first = w.counts(neo4j_db.driver, database=neo4j_db.database)
    _load(neo4j_db, kg, batch_size=3)  # other batch boundaries, same result
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == first
    keys, links = _keys(kg)
    assert first["nodes"] == 34 + keys and first["rels"] == 18 + 15 + 34 + links


def test_incremental_load_adds_evidence_and_moves_last_seen(neo4j_db):
    earlier = example_graph(without=("hik2",))
    _load(neo4j_db, earlier)
    q = ("MATCH (:Entity {id: 'us-government'})-[r:SANCTIONS {status: 'considered'}]->() "
         "RETURN r.evidence_count AS n, r.last_seen AS last, size(r.evidence_ids) AS ids")
    assert [tuple(r.values()) for r in neo4j_db.run(q)] == [(1, "2019-05-22", 1)]
    _load(neo4j_db, example_graph())
    assert [tuple(r.values()) for r in neo4j_db.run(q)] == [(2, "2019-05-24", 2)]
    assert _one(neo4j_db, "MATCH ()-[r:SANCTIONS]->() RETURN count(r)") == 2  # updated, not duplicated


def test_retract_removes_document_and_relations_left_without_evidence(neo4j_db):
    _load(neo4j_db, example_graph())
    summary = w.retract(neo4j_db.driver, "test-2025-11-esun", database=neo4j_db.database)
    assert (summary.articles, summary.evidence, summary.relationships_deleted) == (1, 2, 2)
    assert _one(neo4j_db, "MATCH (a:Article {id: 'test-2025-11-esun'}) RETURN count(a)") == 0
    assert _one(neo4j_db, "MATCH (v:Evidence {doc_id: 'test-2025-11-esun'}) RETURN count(v)") == 0
    assert _one(neo4j_db, "MATCH ()-[r:ACQUIRES {status: 'completed'}]->() RETURN count(r)") == 0
    assert _one(neo4j_db, "MATCH ()-[r:HOLDS_STAKE_IN]->() RETURN count(r)") == 0
    # The same graph as a build that never saw the document.
    expected = example_graph(only_docs=tuple(a for a in example_graph().articles if a != "test-2025-11-esun"))
    assert w.read_graph(neo4j_db.driver, database=neo4j_db.database).statements == expected.statements


def test_retract_keeps_relations_with_other_evidence_and_updates_them(neo4j_db):
    _load(neo4j_db, example_graph())
    summary = w.retract(neo4j_db.driver, "tt-2019-05-24-china", database=neo4j_db.database)
    assert summary.relationships_updated == 1
    r = neo4j_db.run(
        "MATCH ()-[r:SANCTIONS {status: 'considered'}]->() "
        "RETURN r.evidence_count AS n, r.last_seen AS last, r.first_seen AS first, r.evidence_ids AS ids"
    )[0]
    assert (r["n"], r["first"], r["last"], len(r["ids"])) == (1, "2019-05-22", "2019-05-22", 1)
    # Lu Kang and the ministry only appeared in that article: gone with their relation.
    assert summary.entities_deleted >= 2
    assert _one(neo4j_db, "MATCH (e:Entity {id: 'lu-kang'}) RETURN count(e)") == 0


def test_retract_of_unknown_document_changes_nothing(neo4j_db):
    _load(neo4j_db, example_graph())
    before = w.counts(neo4j_db.driver, database=neo4j_db.database)
    summary = w.retract(neo4j_db.driver, "no-such-doc", database=neo4j_db.database)
    assert dataclasses.astuple(summary) == (0, 0, 0, 0, 0)
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == before


def test_schema_constraints_and_relationship_indexes_exist(neo4j_db):
    onto = load_ontology()
    w.ensure_schema(neo4j_db.driver, onto, database=neo4j_db.database)
    w.ensure_schema(neo4j_db.driver, onto, database=neo4j_db.database)  # idempotent
    constraints = neo4j_db.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {(c["labelsOrTypes"][0], c["properties"][0]) for c in constraints if "UNIQUE" in c["type"]}
    assert {("Entity", "id"), ("Article", "id"), ("Evidence", "id")} <= unique
    indexes = neo4j_db.run(
        "SHOW INDEXES YIELD entityType, labelsOrTypes, properties WHERE entityType = 'RELATIONSHIP' RETURN *"
    )
    indexed = {i["labelsOrTypes"][0] for i in indexes if i["properties"] == ["id"]}
    assert indexed == {p.neo4j_type for p in onto.predicates.values()}
    # A duplicate entity id is refused by the constraint.
    with pytest.raises(Exception, match="already exists"):
        neo4j_db.run("CREATE (:Entity {id: 'dup'}) CREATE (:Entity {id: 'dup'})")


def test_every_relationship_between_entities_has_evidence(neo4j_db):
    _load(neo4j_db, example_graph())
    rows = neo4j_db.run(
        "MATCH (:Entity)-[r]->(:Entity) "
        "OPTIONAL MATCH (v:Evidence) WHERE v.id IN r.evidence_ids "
        "WITH r, count(v) AS found RETURN count(r) AS rels, "
        "sum(CASE WHEN found = 0 OR found <> r.evidence_count THEN 1 ELSE 0 END) AS bad"
    )[0]
    assert rows["rels"] == 18 and rows["bad"] == 0


EXTRA_PREDICATE = """
rg:lobbies a owl:ObjectProperty ;
    rdfs:label "lobbies"@en ;
    rdfs:comment "Actor lobbies a government body."@en ;
    rg:key "lobbies" ;
    rg:neo4jType "LOBBIES" ;
    rg:allowedSubject rg:Company , rg:Organization ;
    rg:allowedObject rg:GovernmentBody .
"""


def test_the_ontology_drives_relationship_types(neo4j_db):
    base = load_ontology()
    onto = parse_ontology(base.turtle + EXTRA_PREDICATE, source="test-ontology.ttl")
    kg = example_graph()
    ev = Evidence(evidence_id("test-undated", 500, 540), "test-undated", "Huawei lobbies the US government.", 500, 540)
    sid = statement_id("huawei", "lobbies", "us-government", "asserted", None)
    kg.evidence[ev.id] = ev
    kg.statements[sid] = Statement(sid, "huawei", "lobbies", "us-government", "asserted", "lobbies", None, 0.6, [ev.id])
    w.ensure_schema(neo4j_db.driver, onto, database=neo4j_db.database)
    summary = w.load(neo4j_db.driver, kg, onto, database=neo4j_db.database)
    assert summary.by_type["LOBBIES"] == 1
    assert _one(neo4j_db, "MATCH (:Entity {id: 'huawei'})-[r:LOBBIES]->(:Entity {id: 'us-government'}) RETURN r.id") == sid
    assert _one(neo4j_db, "SHOW INDEXES YIELD labelsOrTypes WHERE labelsOrTypes = ['LOBBIES'] RETURN count(*)") >= 1
    # The bundled ontology does not know the predicate: the loader refuses instead of inventing a type.
    with pytest.raises(OntologyError, match="unknown predicate 'lobbies'"):
        w.load(neo4j_db.driver, kg, base, database=neo4j_db.database)


def test_entity_labels_come_from_the_ontology(neo4j_db):
    kg = KnowledgeGraph(entities={"x": Entity("x", "X", "Spaceship")})
    with pytest.raises(OntologyError, match="unknown entity type 'Spaceship'"):
        _load(neo4j_db, kg)
    assert neo4j_db.node_count() == 0


def test_changed_entity_type_replaces_the_label(neo4j_db):
    _load(neo4j_db, KnowledgeGraph(entities={"x": Entity("x", "X", "Organization")}))
    _load(neo4j_db, KnowledgeGraph(entities={"x": Entity("x", "X", "Company")}))
    assert _one(neo4j_db, "MATCH (e:Entity {id: 'x'}) RETURN labels(e)") in (["Entity", "Company"], ["Company", "Entity"])


def test_read_graph_round_trips(neo4j_db):
    kg = example_graph()
    _load(neo4j_db, kg)
    back = w.read_graph(neo4j_db.driver, database=neo4j_db.database)
    assert back.statements == kg.statements
    assert back.evidence == kg.evidence
    assert back.articles == kg.articles
    assert {k: (e.name, e.type, e.ticker) for k, e in back.entities.items()} == {
        k: (e.name, e.type, e.ticker) for k, e in kg.entities.items()
    }
    # Aliases keep their language tags.
    assert back.entities["hikvision"].aliases == [("Hikvision", None), ("杭州海康威視數字技術", "zh")]
    assert _one(neo4j_db, "MATCH (e {id: 'china'}) RETURN e.tagged_aliases") == ["中國@zh"]


def test_hostile_values_are_stored_verbatim(neo4j_db):
    _load(neo4j_db, example_graph())
    assert _one(neo4j_db, "MATCH (e:Entity {id: 'hostile-co'}) RETURN e.name") == "x' OR 1=1 // } DETACH DELETE n"
    assert neo4j_db.node_count() == 34 + _keys(example_graph())[0]


def test_unreachable_server_is_a_one_line_error_without_the_password():
    settings = Neo4jSettings(uri="bolt://127.0.0.1:9", password="s3cret-pass")
    with pytest.raises(Neo4jUnavailable) as exc:
        w.connect(settings)
    message = str(exc.value)
    assert "bolt://127.0.0.1:9" in message and "scripts/neo4j start" in message
    assert "s3cret-pass" not in message and "\n" not in message


def test_bad_uri_is_a_one_line_error():
    with pytest.raises(Neo4jUnavailable, match="is not valid"):
        w.connect(Neo4jSettings(uri="http//nowhere"))


def test_a_neighbourhood_is_pulled_from_neo4j_without_the_rest(neo4j_db):
    _load(neo4j_db, example_graph())
    ids = w.neighbourhood_ids(neo4j_db.driver, "HUANG FANGHONG", 2, database=neo4j_db.database)
    assert ids == {"huang-fanghong", "hikvision", "china", "msci-asia-pacific", "us-government"}
    sub = w.read_graph(neo4j_db.driver, database=neo4j_db.database, entity_ids=ids)
    assert set(sub.entities) == ids
    assert {(s.subject, s.predicate, s.object) for s in sub.statements.values()} == {
        ("huang-fanghong", "works-for", "hikvision"), ("hikvision", "headquartered-in", "china"),
        ("hikvision", "member-of", "msci-asia-pacific"), ("us-government", "sanctions", "hikvision"),
        # every relation among the entities of the neighbourhood, as networkx's ego graph
        ("china", "opposes", "us-government"), ("china", "urges", "us-government"),
    }
    assert set(sub.evidence) == {v for s in sub.statements.values() for v in s.evidence}
    assert set(sub.articles) == {"tt-2019-05-22-hikvision", "tt-2019-05-24-china"}
    with pytest.raises(Exception, match="no entity named 'Atlantis'"):
        w.neighbourhood_ids(neo4j_db.driver, "Atlantis", 1, database=neo4j_db.database)


def test_a_very_long_name_loads(neo4j_db):
    # Names are TEXT-indexed: a RANGE index would refuse values over 8 kB and fail the whole load.
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    long_name = "Huge " + "Name" * 5000 + " Co"
    _load(neo4j_db, KnowledgeGraph(entities={"x": Entity("x", long_name, "Company")}))
    assert _one(neo4j_db, "MATCH (e:Entity {id: 'x'}) RETURN size(e.name)") == len(long_name)


def _operators(plan: dict) -> list[str]:
    """Operator names of a plan (the driver's summary.plan dict) and its children."""
    return [plan["operatorType"].split("@")[0]] + [op for c in plan.get("children", []) for op in _operators(c)]


def _eager_before_a_write(plan: dict, above: tuple[str, ...] = ()) -> bool:
    """Whether an Eager operator has a write operator above it (the writes wait for every row).

    An Eager under only the result operators (a statement that returns the
    elementIds of what it wrote) buffers those results after every write of the batch.
    """
    op = plan["operatorType"].split("@")[0]
    if op == "Eager" and any(a not in ("ProduceResults", "Projection", "EmptyResult") for a in above):
        return True
    return any(_eager_before_a_write(c, (*above, op)) for c in plan.get("children", []))


def test_no_write_statement_plans_an_eager_operator_or_a_scan(neo4j_db, monkeypatch):
    """An Eager operator would hold every batch in memory before writing it; a
    scan would read every node of a label for each row."""
    seen: list[str] = []
    real = w._write

    def spy(rows, query, *a, **kw):
        retry = a[4] if len(a) > 4 else kw.get("retry")
        seen.extend(q for q in (query, retry) if q)  # the statement and its retry twin
        return real(rows, query, *a, **kw)

    monkeypatch.setattr(w, "_write", spy)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    first = _load(neo4j_db, example_graph())  # CREATE statements (and their MERGE twins)
    again = _load(neo4j_db, example_graph())  # MERGE statements
    assert (first.created, again.created) == (True, False)
    assert sum(q.startswith("UNWIND $rows AS row CREATE") for q in seen) >= 3
    assert len(set(seen)) >= 20
    assert sum("elementId(" in q and " MATCH " in q for q in set(seen)) >= 6  # keys, evidence, relations
    for query in set(seen) - {w.STALE_KEYS}:  # run for entities whose keys changed only
        with neo4j_db.session() as session:
            plan = session.run("EXPLAIN " + query, rows=[]).consume().plan
        assert not _eager_before_a_write(plan), query
        # Nodes are found by an index or by elementId, never by a scan.
        assert not {"NodeByLabelScan", "AllNodesScan"} & set(_operators(plan)), query


def test_each_match_key_is_one_indexed_node_linked_to_its_entities(neo4j_db):
    kg = example_graph()
    _load(neo4j_db, kg)
    assert _one(neo4j_db, "MATCH (k:Key) RETURN count(k)") == _keys(kg)[0]
    hik = _one(neo4j_db, "MATCH (e:Entity {id: 'hikvision'})-[:HAS_KEY]->(k:Key) RETURN collect(k.key)")
    assert sorted(hik) == entity_keys(kg.entities["hikvision"])


def test_prepared_queries_find_their_entity_by_an_index_seek(neo4j_db):
    from queries.catalog import load_catalog

    from benchmarks.synth import graph

    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    # Enough entities that the planner's statistics favour a seek over any scan.
    _load(neo4j_db, graph(2000, 2000, seed=3))
    checked = 0
    for query in load_catalog():
        if not any(p.type == "entity" and p.required for p in query.params):
            continue
        params = {p.name: ["hikvision"] if p.type == "entity" else p.default for p in query.params}
        with neo4j_db.session() as session:
            ops = _operators(session.run("EXPLAIN " + query.cypher, params).consume().plan)
        # A seek on the Key uniqueness constraint, never a scan of every entity.
        assert "NodeUniqueIndexSeek" in ops and "NodeByLabelScan" not in ops, (query.name, " ".join(ops))
        checked += 1
    assert checked >= 7


def test_a_key_longer_than_the_index_allows_still_finds_its_entity(neo4j_db):
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    # Two names alike in their first KEY_PREFIX characters share a Key node; the full key decides.
    a, b = "Huge " + "Name" * 5000 + " Alpha", "Huge " + "Name" * 5000 + " Beta"
    kg = KnowledgeGraph(entities={"a": Entity("a", a, "Organization"), "b": Entity("b", b, "Organization")})
    _load(neo4j_db, kg)
    assert _one(neo4j_db, "MATCH (k:Key) WHERE size(k.key) = $n RETURN count(k)", n=w.KEY_PREFIX) == 1
    params = {"entity": entity_keys(kg.entities["b"])}
    # The entity-match clause of the prepared queries (queries/*.cypher).
    ids = neo4j_db.run("MATCH (k:Key WHERE k.key IN [x IN $entity | left(x, 1000)])<-[:HAS_KEY]-(e:Entity) "
                       "WHERE any(k IN e.match_keys WHERE k IN $entity) RETURN DISTINCT e.id AS id", params)
    assert [r["id"] for r in ids] == ["b"]


def test_a_renamed_entity_loses_its_old_keys(neo4j_db):
    _load(neo4j_db, KnowledgeGraph(entities={"x": Entity("x", "Old Name Corp", "Company"),
                                             "y": Entity("y", "Shared Ltd", "Company")}))
    _load(neo4j_db, KnowledgeGraph(entities={"x": Entity("x", "New Name Corp", "Company")}))
    keys = _one(neo4j_db, "MATCH (:Entity {id: 'x'})-[:HAS_KEY]->(k:Key) RETURN collect(k.key)")
    assert sorted(keys) == entity_keys(Entity("x", "New Name Corp", "Company"))
    # The old name's keys belonged to x alone: gone, not left dangling.
    assert _one(neo4j_db, "MATCH (k:Key) WHERE NOT (k)<-[:HAS_KEY]-() RETURN count(k)") == 0
    assert _one(neo4j_db, "MATCH (k:Key {key: 'oldname'}) RETURN count(k)") == 0


def test_retract_deletes_the_keys_of_deleted_entities(neo4j_db):
    _load(neo4j_db, example_graph())
    w.retract(neo4j_db.driver, "tt-2019-05-24-china", database=neo4j_db.database)
    assert _one(neo4j_db, "MATCH (k:Key {key: 'lu-kang'}) RETURN count(k)") == 0
    assert _one(neo4j_db, "MATCH (k:Key) WHERE NOT (k)<-[:HAS_KEY]-() RETURN count(k)") == 0
    assert _one(neo4j_db, "MATCH (k:Key {key: 'hikvision'})<-[:HAS_KEY]-(e) RETURN e.id") == "hikvision"


class _Session:
    """A real session whose write transactions misbehave like a flaky network.

    twice: every transaction function commits and then runs again, as the
        driver's retry does when a commit's acknowledgement is lost.
    fail_after: after this many committed batches, ServiceUnavailable (the
        driver gave up), as when the server stays away.
    """

    def __init__(self, session, twice: bool = False, fail_after: int | None = None, batches: list | None = None):
        self.session, self.twice, self.fail_after = session, twice, fail_after
        self.batches = batches if batches is not None else [0]  # shared by the sessions of one load

    def run(self, *a, **kw):
        return self.session.run(*a, **kw)

    def execute_write(self, fn, *a):
        from neo4j.exceptions import ServiceUnavailable

        if self.fail_after is not None and self.batches[0] >= self.fail_after:
            raise ServiceUnavailable("test: server gone")
        result = self.session.execute_write(fn, *a)
        if self.twice:
            result = self.session.execute_write(fn, *a)
        self.batches[0] += 1
        return result


class _Driver:
    def __init__(self, driver, **kw):
        self.driver, self.kw, self.batches = driver, kw, [0]

    def session(self, **kw):
        import contextlib

        @contextlib.contextmanager
        def cm():
            with self.driver.session(**kw) as s:
                yield _Session(s, batches=self.batches, **self.kw)

        return cm()


def _wipe(db) -> None:
    db.run("MATCH (n) DETACH DELETE n")


def test_a_first_load_creates_and_a_second_merges_to_the_same_graph(neo4j_db):
    from benchmarks.synth import graph

    kg = graph(300, 1500, seed=5)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    first = _load(neo4j_db, kg, batch_size=97)
    created = w.counts(neo4j_db.driver, database=neo4j_db.database)
    again = _load(neo4j_db, kg, batch_size=97)
    assert (first.created, again.created) == (True, False)
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == created
    assert w.read_graph(neo4j_db.driver, database=neo4j_db.database).statements == kg.statements
    _wipe(neo4j_db)
    assert _load(neo4j_db, kg, batch_size=97).created  # empty again: CREATE again
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == created


def test_a_retried_create_batch_that_had_committed_writes_nothing_twice(neo4j_db):
    from benchmarks.synth import graph

    kg = graph(300, 1500, seed=5)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    _load(neo4j_db, kg, batch_size=97)
    reference = w.counts(neo4j_db.driver, database=neo4j_db.database)
    _wipe(neo4j_db)
    # Every batch commits and then runs again: the retry must take the MERGE statement.
    summary = w.load(_Driver(neo4j_db.driver, twice=True), kg, database=neo4j_db.database, batch_size=97, workers=2)
    assert summary.created
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == reference


# 52 batches of 97 rows: entities 1-7, keys 8-15, articles 16-17, evidence
# and links 18-34, relations 35-52.
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("fail_after", [3, 12, 25, 45])
def test_a_first_load_cut_short_and_run_again_writes_the_graph_once(neo4j_db, fail_after, workers):
    from benchmarks.synth import graph

    kg = graph(300, 1500, seed=5)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    _load(neo4j_db, kg, batch_size=97)
    reference = w.counts(neo4j_db.driver, database=neo4j_db.database)
    _wipe(neo4j_db)
    # Cut short in the entities, keys, evidence and links or relations phase.
    with pytest.raises(Neo4jUnavailable, match="run `relgraph load` again"):
        w.load(_Driver(neo4j_db.driver, fail_after=fail_after), kg, database=neo4j_db.database, batch_size=97,
               workers=workers)
    partial = w.counts(neo4j_db.driver, database=neo4j_db.database)
    assert 0 < partial["nodes"] + partial["rels"] < reference["nodes"] + reference["rels"]
    assert not _load(neo4j_db, kg, batch_size=97).created  # finds the partial graph: MERGE
    assert w.counts(neo4j_db.driver, database=neo4j_db.database) == reference


def _dump(db) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, ends, properties), sorted."""
    nodes = db.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = db.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.id, a.key) AS a, coalesce(b.id, b.key) AS b, "
                  "properties(r) AS p")
    return (sorted(repr((sorted(r["l"]), sorted(r["p"].items()))) for r in nodes),
            sorted(repr((r["t"], r["a"], r["b"], sorted(r["p"].items()))) for r in rels))


def test_concurrent_writers_give_the_graph_of_one_writer(neo4j_db):
    from benchmarks.synth import graph

    # Skewed degrees: hub entities and articles are linked from batches that run at once.
    kg = graph(200, 3000, seed=11)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    one = _load(neo4j_db, kg, batch_size=50, workers=1)
    reference = _dump(neo4j_db)
    _wipe(neo4j_db)
    three = _load(neo4j_db, kg, batch_size=50, workers=3)
    assert (one.created, three.created, one.batches) == (True, True, three.batches)
    assert _dump(neo4j_db) == reference
    assert len(reference[1]) == 3000 + len(kg.evidence) + one.mentions + one.keys
    _load(neo4j_db, kg, batch_size=50, workers=3)  # MERGE, concurrently
    assert _dump(neo4j_db) == reference
