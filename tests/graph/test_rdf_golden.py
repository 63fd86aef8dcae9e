"""Golden-file test: a small graph's Turtle export, compared by graph
isomorphism with ``tests/graph/golden/small.ttl``.

When the RDF shape changes on purpose, regenerate the file with
``RELGRAPH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/graph/test_rdf_golden.py``
and review the diff in git.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id
from graph.rdf import export_graph

GOLDEN = Path(__file__).parent / "golden" / "small.ttl"


def small_graph() -> KnowledgeGraph:
    """Two articles, four entities, three relations (one denied, one with a role)."""
    doc1, doc2 = "tt-2019-05-23", "note-2019-05-24"
    s1 = "The US is deliberating whether to add Hikvision to a blacklist, people familiar with the matter said."
    s2 = "Hikvision denied that it supplies cameras to the US government."
    s3 = "Hikvision spokesman Chen Lin said the firm follows the law."
    ev = [
        Evidence(evidence_id(doc1, 0, len(s1)), doc1, s1, 0, len(s1), "people familiar with the matter"),
        Evidence(evidence_id(doc2, 0, len(s2)), doc2, s2, 0, len(s2)),
        Evidence(evidence_id(doc2, len(s2) + 1, len(s2) + 1 + len(s3)), doc2, s3, len(s2) + 1, len(s2) + 1 + len(s3)),
    ]
    kg = KnowledgeGraph()
    kg.articles = {
        doc1: Article(doc1, "US weighs Hikvision blacklist", "2019-05-23",
                      "https://www.taipeitimes.com/News/biz/archives/2019/05/23/2003715644", "Taipei Times"),
        doc2: Article(doc2, None, "2019-05-24", None, "written for relgraph tests"),
    }
    kg.entities = {
        "us-government": Entity("us-government", "United States government", "GovernmentBody",
                                [("US", None), ("美國政府", "zh")], wikidata="Q48525"),
        "hikvision": Entity("hikvision", "Hangzhou Hikvision Digital Technology Co", "Company",
                            [("Hikvision", None), ("杭州海康威視數字技術", "zh")], ticker="002415.SZ"),
        "chen-lin": Entity("chen-lin", "Chen Lin", "Person"),
    }
    rows = [
        ("us-government", "sanctions", "hikvision", "considered", "considers-blacklisting", None, 0.85, [ev[0]]),
        ("hikvision", "supplies", "us-government", "denied", "denies-supplying", None, 0.7, [ev[1]]),
        ("chen-lin", "works-for", "hikvision", "asserted", "works-for", "spokesman", 0.75, [ev[2]]),
    ]
    for subj, pred, obj, status, label, role, conf, evs in rows:
        sid = statement_id(subj, pred, obj, status, role)
        dates = sorted(kg.articles[e.doc_id].date for e in evs)
        kg.statements[sid] = Statement(sid, subj, pred, obj, status, label, role, conf,
                                       sorted(e.id for e in evs), dates[0], dates[-1])
    kg.evidence = {e.id: e for e in ev}
    return kg


def test_small_export_matches_golden_file():
    buf = io.BytesIO()
    export_graph(small_graph(), "ttl", buf, include_ontology=False)
    if os.environ.get("RELGRAPH_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(buf.getvalue())
    actual = to_isomorphic(rdflib.Graph().parse(data=buf.getvalue(), format="turtle"))
    expected = to_isomorphic(rdflib.Graph().parse(GOLDEN, format="turtle"))
    if actual != expected:
        _both, only_actual, only_expected = graph_diff(actual, expected)
        diff = "\n".join(
            ["only in the export:"] + sorted(f"  + {t}" for t in only_actual.serialize(format="nt").splitlines() if t)
            + ["only in the golden file:"] + sorted(f"  - {t}" for t in only_expected.serialize(format="nt").splitlines() if t)
        )
        raise AssertionError(f"export differs from {GOLDEN.name}:\n{diff}")
