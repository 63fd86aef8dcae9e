"""networkx analytics: centralities, communities, paths and Gephi files on
graphs with answers known in advance."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import (
    analyze, ego_subgraph, pagerank, resolve_entity, to_networkx, undirected, write_gexf, write_graphml,
)
from graph.model import Entity, KnowledgeGraph, Statement, statement_id
from relgraph.errors import QueryError
from tests.queries.fixtures import HOSTILE, example_graph


def _star(n: int = 4) -> KnowledgeGraph:
    """A hub sanctioning n leaves, one leaf also suing another."""
    kg = KnowledgeGraph()
    kg.entities["hub"] = Entity("hub", "Hub", "GovernmentBody")
    for i in range(n):
        kg.entities[f"l{i}"] = Entity(f"l{i}", f"Leaf {i}", "Company")
        sid = statement_id("hub", "sanctions", f"l{i}", "asserted", None)
        kg.statements[sid] = Statement(sid, "hub", "sanctions", f"l{i}", "asserted", "sanctions", None, 0.9, ["e"])
    sid = statement_id("l0", "sues", "l1", "asserted", None)
    kg.statements[sid] = Statement(sid, "l0", "sues", "l1", "asserted", "sues", None, 0.5, ["e"])
    return kg


def test_pagerank_matches_the_textbook_values():
    # A path a-b-c: by symmetry a and c are equal, b is highest, all sum to one.
    g = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_edge_attributes(g, 1, "weight")
    pr = pagerank(g)
    assert pr["a"] == pytest.approx(pr["c"])
    assert pr["b"] == pytest.approx(0.4864864, abs=1e-6)  # (1-d)/3 + d*(pr_a + pr_c), solved exactly
    assert sum(pr.values()) == pytest.approx(1.0)


def test_hub_ranks_first_on_every_measure():
    report, _ = analyze(_star(), top=3)
    assert report.pagerank[0].id == "hub"
    assert report.degree[0].id == "hub" and report.degree[0].score == 1.0
    assert report.nodes == 5 and report.edges == 5


def test_communities_split_the_two_contests():
    report, _ = analyze(example_graph(), top=5)
    groups = [set(c.members) for c in report.communities]
    deal = next(g for g in groups if "esun-fhc" in g)
    assert deal == {"esun-fhc", "ctbc-fhc", "mercuries-life"}
    assert "us-government" not in deal
    assert sum(len(g) for g in groups) == report.nodes  # a partition


def test_neighbourhood_restricts_the_graph_and_gives_paths_from_the_centre():
    report, g = analyze(example_graph(), entity="Huang Fanghong", hops=2, top=5)
    assert set(g.nodes) == {"huang-fanghong", "hikvision", "china", "msci-asia-pacific", "us-government"}
    assert report.paths and all(p[0] == "Huang Fanghong" for p in report.paths)
    assert ["Huang Fanghong", "Hangzhou Hikvision Digital Technology Co", "China"] in report.paths


def test_parallel_relations_stay_separate_edges_and_add_weight():
    g = to_networkx(example_graph())
    assert g.number_of_edges("esun-fhc", "mercuries-life") == 3  # bids-for, planned and completed acquisition
    assert undirected(g)["esun-fhc"]["mercuries-life"]["weight"] == 3


def test_ego_subgraph_radius():
    g = to_networkx(_star())
    assert set(ego_subgraph(g, "l2", 1).nodes) == {"l2", "hub"}
    assert set(ego_subgraph(g, "l2", 2).nodes) == {"hub", "l0", "l1", "l2", "l3"}


def test_entity_names_resolve_case_insensitively_and_errors_are_clear():
    kg = example_graph()
    assert resolve_entity(kg, "washington") == "us-government"
    assert resolve_entity(kg, HOSTILE.upper()) == "hostile-co"
    with pytest.raises(QueryError, match="no entity named 'Atlantis'"):
        resolve_entity(kg, "Atlantis")


def test_graphml_round_trips_with_scalar_attributes(tmp_path):
    _, g = analyze(example_graph())
    path = write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == 14 and back.number_of_edges() == 18
    assert back.nodes["hikvision"]["type"] == "Company"
    edge = next(d for _, _, d in back.edges(data=True) if d.get("label") == "considers-blacklisting")
    assert edge["status"] == "considered" and edge["evidence_count"] == 2 and edge["first_seen"] == "2019-05-22"


def test_gexf_is_written_and_readable(tmp_path):
    _, g = analyze(example_graph())
    back = nx.read_gexf(write_gexf(g, tmp_path / "g.gexf"))
    assert back.number_of_nodes() == 14 and back.number_of_edges() == 18
    assert back.nodes["hikvision"]["label"] == "Hangzhou Hikvision Digital Technology Co"


def test_empty_graph_gives_an_empty_report():
    report, _ = analyze(KnowledgeGraph())
    assert (report.nodes, report.edges, report.pagerank, report.communities) == (0, 0, [], [])
