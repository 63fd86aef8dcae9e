"""The store's graph is written in bulk-loader batches (to bound memory);
a graph larger than one batch must be stored whole, index included."""

from __future__ import annotations

import pyoxigraph as ox

import graph.store as store_module
from graph.store import EmbeddedStore
from tests.queries.fixtures import example_graph


def all_quads(store: EmbeddedStore) -> list[str]:
    with store.reading() as (ox_store, _meta):
        return sorted(str(q) for q in ox_store)


def test_a_graph_of_many_batches_is_stored_whole(tmp_path, monkeypatch):
    kg = example_graph()
    whole = EmbeddedStore(tmp_path / "whole")
    whole.save([], kg)
    monkeypatch.setattr(store_module, "_BULK_BATCH", 7)
    batched = EmbeddedStore(tmp_path / "batched")
    batched.save([], kg)
    quads = all_quads(batched)
    assert len(quads) > 10 * 7  # many batches, in the default graph and the index graph
    assert quads == all_quads(whole)
    assert batched.read_graph() == kg
    assert batched.stats().triples == whole.stats().triples
    with batched.reading() as (ox_store, _meta):
        index = list(ox_store.quads_for_pattern(None, None, None, ox.NamedNode(store_module.INDEX_GRAPH)))
    assert index
