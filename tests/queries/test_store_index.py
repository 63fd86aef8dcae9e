"""The query index the embedded store writes at build time (graph.store.index_quads):
`most_connected` and `contested` read it instead of scanning every statement.
Parity with Neo4j is test_parity's; these pin what a user would notice on the
embedded store alone."""

from __future__ import annotations

import io
import json

import pytest

from graph.model import Statement, statement_id
from graph.rdf import export_store
from graph.store import EmbeddedStore
from queries.catalog import load_catalog
from queries.runner import run_sparql
from relgraph.errors import StoreError
from tests.queries.fixtures import example_graph


def _ask(store, name, **params):
    q = load_catalog().get(name)
    return run_sparql(q, q.bind(params), store.sparql).records()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.save([], example_graph())
    return s


def _degrees(kg):
    rel, nb = {}, {}
    for st in kg.statements.values():
        rel.setdefault(st.subject, set()).add(st.id)
        rel.setdefault(st.object, set()).add(st.id)
        nb.setdefault(st.subject, set()).add(st.object)
        nb.setdefault(st.object, set()).add(st.subject)
    return {e: (len(rel[e]), len(nb[e])) for e in rel}


def test_most_connected_counts_every_relation_of_every_entity(store):
    rows = _ask(store, "most_connected", limit=10000)
    assert {r["entity_id"]: (r["relations"], r["neighbours"]) for r in rows} == _degrees(example_graph())
    keys = [(-r["relations"], r["entity_id"]) for r in rows]
    assert keys == sorted(keys)


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_limit_keeps_the_first_rows_of_the_full_ranking(store, limit):
    full = _ask(store, "most_connected", limit=10000)
    assert _ask(store, "most_connected", limit=limit) == full[:limit]


@pytest.mark.parametrize("etype", ["Company", "Person", "GovernmentBody", "Country"])
def test_a_type_filter_ranks_within_the_type(store, etype):
    full = [r for r in _ask(store, "most_connected", limit=10000) if r["entity_type"] == etype]
    assert full, etype
    assert _ask(store, "most_connected", type=etype, limit=2) == full[:2]


def test_a_relation_to_itself_counts_once_and_makes_the_entity_its_own_neighbour(tmp_path):
    kg = example_graph()
    sid = statement_id("huawei", "partners-with", "huawei", "asserted", None)
    kg.statements[sid] = Statement(sid, "huawei", "partners-with", "huawei", "asserted", "partners-with", None, 0.5,
                                   list(next(iter(kg.statements.values())).evidence))
    s = EmbeddedStore(tmp_path / "store")
    s.save([], kg)
    before = {r["entity_id"]: r for r in _ask(EmbeddedStore(tmp_path / "store"), "most_connected", limit=10000)}
    base = _degrees(example_graph())["huawei"]
    assert (before["huawei"]["relations"], before["huawei"]["neighbours"]) == (base[0] + 1, base[1] + 1)


def test_contested_pairs_only_statements_of_one_triple(store):
    rows = _ask(store, "contested")
    assert {(r["subject_id"], r["predicate"], r["object_id"], r["kind"]) for r in rows} == {
        ("esun-fhc", "acquires", "mercuries-life", "considered-then-done"),
        ("us-department-of-justice", "accuses", "huawei", "asserted-and-denied"),
    }
    assert _ask(store, "contested", entity="Lu Kang") == []


def test_the_index_is_neither_exported_nor_read_back(store):
    assert store.read_graph().statements == example_graph().statements
    out = io.BytesIO()
    export_store(store.path, "nt", out, include_ontology=False)
    text = out.getvalue().decode("utf-8")
    assert "relationCount" not in text and "sameTripleAs" not in text and "relationRank" not in text


def test_a_store_built_before_the_index_says_to_rebuild(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.save([], example_graph())
    meta_path = s._live() / "meta.json"
    meta = json.loads(meta_path.read_text())
    del meta["index"]
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="run `relgraph build` again"):
        _ask(s, "most_connected")
    # Queries that do not read the index still answer.
    assert _ask(s, "relations", entity="Hikvision")
