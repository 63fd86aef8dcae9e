"""``relgraph export --source neo4j``: a graph loaded into the real Neo4j and
read back exports the same RDF as the embedded store."""

from __future__ import annotations

import io

import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from graph import neo4j_writer
from graph.rdf import export_graph, export_store
from graph.store import EmbeddedStore
from tests.queries.fixtures import example_graph


def parse(data: bytes) -> rdflib.Graph:
    return to_isomorphic(rdflib.Graph().parse(data=data, format="nt"))


def test_export_from_neo4j_equals_export_from_the_store(neo4j_db, tmp_path):
    kg = example_graph()
    neo4j_writer.ensure_schema(neo4j_db.driver, database=neo4j_db.database)
    neo4j_writer.load(neo4j_db.driver, kg, database=neo4j_db.database)
    from_neo4j = neo4j_writer.read_graph(neo4j_db.driver, database=neo4j_db.database)
    a = io.BytesIO()
    export_graph(from_neo4j, "nt", a)
    EmbeddedStore(tmp_path / "store").save([], kg)
    b = io.BytesIO()
    export_store(tmp_path / "store", "nt", b)
    left, right = parse(a.getvalue()), parse(b.getvalue())
    if left != right:
        _, only_neo4j, only_store = graph_diff(left, right)
        raise AssertionError(
            "exports differ:\n" + only_neo4j.serialize(format="nt") + "---\n" + only_store.serialize(format="nt")
        )
