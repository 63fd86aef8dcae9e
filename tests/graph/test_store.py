"""The embedded store: round trips, safe SPARQL parameters, and crash safety
(an interrupted or killed write leaves the previous store intact)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from extraction.records import Alias, DocEntity, Document, DocumentResult, Relation
from graph.store import EmbeddedStore
from relgraph.errors import QueryError, StoreError
from tests.queries.fixtures import HOSTILE, example_graph

ROOT = Path(__file__).resolve().parents[2]


def a_result(doc_id: str = "d1", text: str = "Acme Corp (愛克米) sues Beta Ltd.") -> DocumentResult:
    return DocumentResult(
        document=Document(doc_id, text, title="T", date="2020-01-02", url="https://example.org/a", source="S", origin="x.jsonl:1"),
        entities=(
            DocEntity("Acme Corp", "Company", (Alias("愛克米", "zh"), Alias("Acme")), "acme"),
            DocEntity("Beta Ltd", "Company"),
        ),
        relations=(
            Relation("Acme Corp", "Company", "sues", "Beta Ltd", "Company", "asserted", "sues", None, 0.8,
                     "lawyers", doc_id, text, 0, len(text), trigger="sues", rule="sues-v1"),
        ),
        dropped=({"reason": "range", "predicate": "works-for"},),
    )


@pytest.fixture()
def store(tmp_path) -> EmbeddedStore:
    s = EmbeddedStore(tmp_path / "store")
    s.save([a_result()], example_graph())
    return s


def test_missing_store_says_to_build_first(tmp_path):
    s = EmbeddedStore(tmp_path / "nothing")
    for call in (s.read_graph, s.stats, lambda: s.sparql("ASK {}")):
        with pytest.raises(StoreError, match=r"no relgraph store here; run relgraph build PATH first"):
            call()
    assert s.load_results() == []


def test_graph_and_extractions_read_back_equal(store):
    assert store.read_graph() == example_graph()
    (back,) = store.load_results()
    assert back == a_result()
    assert back.dropped == a_result().dropped  # not part of equality, kept anyway
    assert back.relations[0].rule == "sues-v1"


def test_stats_count_what_was_saved(store):
    kg = example_graph()
    st = store.stats()
    assert (st.documents, st.entities, st.statements, st.evidence, st.articles) == (
        1, len(kg.entities), len(kg.statements), len(kg.evidence), len(kg.articles))
    assert st.triples == len(store.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))
    assert st.generation == "gen-000001"


def test_sparql_binds_parameters_as_data(store):
    rows = store.sparql("SELECT ?id WHERE { ?e rdfs:label ?name ; rg:entityId ?id }", {"name": HOSTILE})
    assert rows == [{"id": "hostile-co"}]
    # A value written to break out of a string literal stays one literal.
    evil = 'x" } ?e ?p ?o . FILTER(true) } #'
    assert store.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": evil}) == []
    assert store.sparql("ASK { ?e rdfs:label ?name }", {"name": evil}) == [{"result": False}]


def test_sparql_parameters_reach_filters_and_come_back_typed(store):
    rows = store.sparql(
        "SELECT ?st ?n ?c WHERE { ?st rg:evidenceCount ?n ; rg:confidence ?c FILTER(?n >= ?min) }", {"min": 2}
    )
    assert [(r["n"], r["c"]) for r in rows] == [(2, 0.85)]


def test_sparql_errors_are_query_errors(store):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        store.sparql("SELECT WHERE {")
    with pytest.raises(QueryError, match="is not a SPARQL variable name"):
        store.sparql("SELECT ?x WHERE { ?x ?p ?o }", {"x y": 1})
    with pytest.raises(QueryError, match="cannot bind a list"):
        store.sparql("SELECT ?x WHERE { ?x ?p ?o }", {"x": [1]})


def test_a_failure_before_the_swap_keeps_the_previous_store(store, monkeypatch):
    before = store.read_graph()

    def boom(self, tmp):
        raise RuntimeError("simulated crash before the swap")

    monkeypatch.setattr(EmbeddedStore, "_swap_in", boom)
    with pytest.raises(RuntimeError):
        store.save([], example_graph(without=("hik1", "hik2")))
    monkeypatch.undo()
    assert store.read_graph() == before
    assert store.stats().generation == "gen-000001"
    # The next write clears the half-written directory and succeeds.
    store.save([], example_graph(without=("hik1",)))
    assert sorted(p.name for p in store.path.iterdir() if p.is_dir() and not p.is_symlink()) == ["gen-000002"]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_killed_writer_leaves_the_previous_store_intact(store, sig, tmp_path):
    """A child process writes a new generation, pauses halfway through the
    Oxigraph load, and is killed; the parent still reads the old store."""
    ready = tmp_path / "ready"
    child = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        import graph.rdf
        from graph.store import EmbeddedStore
        from tests.queries.fixtures import example_graph
        real = graph.rdf.kg_quads
        def slow(kg, base, ontology=None):
            for i, q in enumerate(real(kg, base, ontology)):
                if i == 50:
                    open({str(ready)!r}, "w").close()
                    time.sleep(60)
                yield q
        graph.rdf.kg_quads = slow
        EmbeddedStore({str(store.path)!r}).save([], example_graph(without=("hik1", "hik2", "hw1")))
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert proc.poll() is None, "the writer exited before the pause"
            assert time.monotonic() < deadline, "the writer never reached the pause"
            time.sleep(0.1)
        assert any(p.name.startswith("tmp-") for p in store.path.iterdir())
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert store.read_graph() == example_graph()
    assert store.load_results() == [a_result()]
    store.save([], example_graph())
    assert not any(p.name.startswith("tmp-") for p in store.path.iterdir())


def test_old_generations_are_removed_after_a_swap(store):
    store.save([], example_graph())
    store.save([], example_graph())
    assert sorted(p.name for p in store.path.iterdir() if p.is_dir() and not p.is_symlink()) == ["gen-000003"]
    assert os.readlink(store.path / "current") == "gen-000003"


def test_corrupt_cache_line_names_file_and_line(store):
    cache = store.path / "current" / "extractions.jsonl"
    cache.write_text(cache.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"extractions\.jsonl:2: not JSON .*relgraph build PATH"):
        store.load_results()


def test_a_second_writer_is_refused_while_one_is_writing(store):
    other = EmbeddedStore(store.path)
    with store.writing():
        with pytest.raises(StoreError, match=r"another relgraph build or retract is writing this store; wait"):
            other.save([], example_graph())
        store.save([], example_graph())  # the holder itself may write (re-entrant)
    other.save([], example_graph())
    assert other.stats().generation == "gen-000003"
