"""`sanctions` on the embedded store reads the values the build copies into the index graph
(graph.store.sanctions_rows) instead of the statements' own triples: its rows must be the
ones the main graph gives, for every filter, in the query's order."""

from __future__ import annotations

import dataclasses

import pytest

from benchmarks.synth import graph
from graph.store import EmbeddedStore
from queries.catalog import load_catalog
from queries.runner import run_sparql
from tests.queries.fixtures import example_graph

# queries/sanctions.rq before the index: the same rows from the main graph, one lookup per value.
MAIN_GRAPH = """
PREFIX rg: <https://w3id.org/relgraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?sanctioner ?sanctioner_id ?target ?target_id ?relation_status ?label ?confidence
       ?evidence_count ?first_seen ?last_seen ?relation_id
WHERE {
  ?r a rg:RelationStatement ; rdf:predicate rg:sanctions ; rdf:subject ?s ; rdf:object ?t ; rg:status ?sv ;
     rg:displayLabel ?label ; rg:confidence ?confidence ; rg:evidenceCount ?evidence_count .
  ?s rg:entityId ?sanctioner_id ; rdfs:label ?sanctioner .
  ?t rg:entityId ?target_id ; rdfs:label ?target .
  OPTIONAL { ?r rg:firstSeen ?first_seen }
  OPTIONAL { ?r rg:lastSeen ?last_seen }
  BIND(STRAFTER(STR(?sv), "#") AS ?relation_status)
  BIND(REPLACE(STR(?r), "^.*/", "") AS ?relation_id)
  FILTER(!BOUND($status) || ?relation_status = $status)
  FILTER(!BOUND($by) || EXISTS { ?s rg:matchKey $by })
  FILTER(!BOUND($country) || EXISTS { ?t rg:matchKey $country }
         || EXISTS {
           ?h rdf:subject ?t ; rdf:predicate rg:headquartered-in ; rdf:object ?c ; rg:status ?h_status .
           FILTER(?h_status != rg:denied)
           ?c rg:matchKey $country .
         })
}
ORDER BY ?sanctioner_id ?target_id ?relation_status ?relation_id
"""


def _both(store, params):
    query = load_catalog().get("sanctions")
    bound = query.bind(params)
    indexed = run_sparql(query, bound, store.sparql)
    reference = run_sparql(dataclasses.replace(query, sparql=MAIN_GRAPH), bound, store.sparql)
    return indexed.rows, reference.rows


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("fixture"))
    s.save([], example_graph())
    return s


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("synth"))
    s.save([], graph(400, 4000, seed=11))
    return s


@pytest.mark.parametrize("params", [
    {}, {"status": "considered"}, {"country": "China"}, {"by": "Washington", "country": "中國"}, {"status": "denied"},
])
def test_fixture_rows_are_the_main_graphs(fixture_store, params):
    indexed, reference = _both(fixture_store, params)
    assert indexed == reference


def test_synthetic_rows_are_the_main_graphs_in_order(synth_store):
    indexed, reference = _both(synth_store, {})
    assert len(indexed) > 100 and indexed == reference
    # undated statements (no first/last seen) are among them and keep their nulls
    assert any(r[8] is None for r in indexed) or all(r[8] for r in reference)
    row = indexed[len(indexed) // 2]
    for params in ({"status": "threatened"}, {"by": row[1]}, {"status": row[4], "by": row[1]},
                   {"country": row[3]}):
        indexed, reference = _both(synth_store, params)
        assert indexed == reference and indexed, params
