"""The work a prepared Cypher query does grows with what it is asked, not with the graph.

PROFILE counts the rows each operator produced. On a synthetic graph with
hubs, the queries that start from an entity must read no more rows than the
relationships their parameters ask them to look at (one ring of a
neighbourhood for hops=1; the two ends' relationships for paths of up to 2),
where the earlier {1,2}/{1,3} path patterns enumerated every trail around a
hub whatever the parameter; `contested` must not expand back from every
relationship to its object (Expand(Into) on a hub reads the hub's
relationships once per relationship). Answers are test_parity's.
"""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.synth import graph
from graph import neo4j_writer as w
from queries.catalog import load_catalog
from queries.runner import lookup_params


def _profile(db, name: str, params: dict) -> tuple[list, dict]:
    query = load_catalog().get(name)
    with db.driver.session(database=db.database) as session:
        result = session.run("PROFILE " + query.cypher, lookup_params(query, query.bind(params)))
        rows = [r.data() for r in result]
        return rows, result.consume().profile


def _operators(plan: dict) -> list[tuple[str, int]]:
    """(operator, rows) of a profiled plan and its children."""
    own = (plan["operatorType"].split("@")[0], plan.get("rows", 0))
    return [own] + [op for c in plan.get("children", []) for op in _operators(c)]


@pytest.fixture(scope="module")
def synth_graph():
    return graph(600, 6000, seed=5)


@pytest.fixture
def loaded(neo4j_db, synth_graph):
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    w.load(neo4j_db.driver, synth_graph, database=neo4j_db.database)
    return neo4j_db


def _hubs(kg, n: int = 2) -> list[str]:
    degree = Counter()
    for st in kg.statements.values():
        degree[st.subject] += 1
        degree[st.object] += 1
    return [e for e, _ in degree.most_common(n)]


def _all_relationships(db, entity_id: str) -> int:
    """Every relationship of the entity, of any type (relations, evidence mentions, keys)."""
    return db.run("MATCH (e:Entity {id: $id}) RETURN COUNT { (e)--() } AS n", {"id": entity_id})[0]["n"]


def test_neighbourhood_of_one_hop_reads_only_the_first_ring(loaded, synth_graph):
    hub = _hubs(synth_graph)[0]
    rows, plan = _profile(loaded, "neighbourhood", {"entity": hub, "hops": 1})
    assert rows and {r["distance"] for r in rows} == {1}
    ring = _all_relationships(loaded, hub)
    ops = _operators(plan)
    # The old plan: a VarLengthExpand of every path of up to 2 relations (10-100x the ring).
    assert max(n for _, n in ops) <= ring, ops


def test_neighbourhood_of_two_hops_still_reaches_the_second_ring(loaded, synth_graph):
    hub = _hubs(synth_graph)[0]
    rows, _ = _profile(loaded, "neighbourhood", {"entity": hub, "hops": 2})
    assert {r["distance"] for r in rows} == {1, 2}


def test_paths_of_two_hops_read_only_the_ends_relationships(loaded, synth_graph):
    a, b = _hubs(synth_graph)
    rows, plan = _profile(loaded, "paths", {"source": a, "target": b, "max_hops": 2, "limit": 10000})
    assert rows and max(r["hops"] for r in rows) <= 2
    # Distinct lines, as paths.rq's SELECT DISTINCT (two paths may read the same).
    assert len(rows) == len({(r["hops"], r["path"]) for r in rows})
    ops = _operators(plan)
    # The old plan: a Repeat(Trail) of every trail of up to 3 relations from one end.
    assert max(n for _, n in ops) <= _all_relationships(loaded, a) + _all_relationships(loaded, b), ops
    assert not {"Repeat(Trail)", "VarLengthExpand(All)"} & {op for op, _ in ops}


def test_contested_groups_relationships_instead_of_expanding_into_objects(loaded):
    rows, plan = _profile(loaded, "contested", {})
    assert rows
    ops = {op for op, _ in _operators(plan)}
    assert "Expand(Into)" not in ops, ops
    # With an entity: its own relationships only, found through the :Key index, no scan of every entity.
    entity = rows[0]["object_id"]
    some, plan = _profile(loaded, "contested", {"entity": entity})
    assert some and all(entity in (r["subject_id"], r["object_id"]) for r in some)
    assert {r["relation_id"] for r in rows if entity in (r["subject_id"], r["object_id"])} == {
        r["relation_id"] for r in some}
    ops = _operators(plan)
    assert "NodeUniqueIndexSeek" in {op for op, _ in ops}
    assert not [n for op, n in ops if op == "NodeByLabelScan" and n > 0], ops


# queries/most_connected.cypher before the degree count: every relationship of every entity expanded.
MOST_CONNECTED_EXPANDED = """
MATCH (e:Entity)-[r]-(n:Entity)
WHERE r.evidence_ids IS NOT NULL
WITH e, count(DISTINCT r) AS relations, count(DISTINCT n) AS neighbours
WITH e, relations, neighbours, [l IN labels(e) WHERE l <> 'Entity'][0] AS entity_type
WHERE $type IS NULL OR entity_type = $type
RETURN e.name AS entity, e.id AS entity_id, entity_type, relations, neighbours
ORDER BY relations DESC, entity_id
LIMIT $limit
"""


@pytest.mark.parametrize("params", [{"limit": 40}, {"type": "Company", "limit": 15}, {"type": "Person", "limit": 5}])
def test_most_connected_counts_from_degrees_as_by_expanding(loaded, synth_graph, params):
    # A relation of an entity to itself counts once, and makes it its own neighbour.
    hub = _hubs(synth_graph)[0]
    loaded.run("MATCH (e:Entity {id: $id}) CREATE (e)-[:SUES {id: 'loop', predicate: 'sues', status: 'asserted', "
               "evidence_ids: ['x']}]->(e)", {"id": hub})
    bound = {"type": None, **params}
    rows, plan = _profile(loaded, "most_connected", bound)
    expected = [r.data() for r in loaded.run(MOST_CONNECTED_EXPANDED, bound)]
    assert rows == expected and len(rows) == params["limit"]
    # No relationship of every entity is read: only those of the first $limit, for their neighbours.
    expanded = sum(n for op, n in _operators(plan) if op.startswith("Expand"))
    assert expanded <= sum(_all_relationships(loaded, r["entity_id"]) for r in rows), _operators(plan)


@pytest.mark.parametrize("entity, subject, object", [("huawei", "huawei", "huawei"), ("CTBC", "ctbc-bank", "ctbc-fhc")])
def test_contested_pairs_found_from_both_ends_come_once(neo4j_db, tmp_path, entity, subject, object):
    """A relation of an entity to itself, or between two entities of one name, is found both
    as an outgoing and as an incoming relation of the parameter: each pair is one row on both
    backends, as in the expanding query."""
    from graph.model import Statement, statement_id
    from graph.store import EmbeddedStore
    from queries.runner import run_cypher, run_sparql
    from tests.queries.fixtures import graph_with_two_ctbcs

    kg = graph_with_two_ctbcs()
    evidence = list(next(iter(kg.statements.values())).evidence)
    for status in ("planned", "completed", "denied", "considered", "asserted"):
        sid = statement_id(subject, "acquires", object, status, None)
        kg.statements[sid] = Statement(sid, subject, "acquires", object, status, "acquires", None, 0.5, evidence)
    w.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    w.load(neo4j_db.driver, kg, database=neo4j_db.database)
    store = EmbeddedStore(tmp_path / "store")
    store.save([], kg)
    query = load_catalog().get("contested")
    bound = query.bind({"entity": entity})
    rows = run_cypher(query, bound, neo4j_db.driver, database=neo4j_db.database).rows
    assert len(rows) == len(set(rows))
    # 4 not denied -> denied, and {considered, planned} -> {completed, asserted}
    assert len([r for r in rows if (r[1], r[4]) == (subject, object)]) == 8
    assert rows == run_sparql(query, bound, store.sparql).rows
