"""The synthetic corpus and graph generators the benchmarks stand on."""

from __future__ import annotations

import json

from benchmarks import synth
from ontology import load_ontology


def test_same_seed_same_corpus_and_another_seed_another():
    a = list(synth.corpus(30, seed=3))
    assert a == list(synth.corpus(30, seed=3))
    assert a != list(synth.corpus(30, seed=4))


def test_corpus_covers_every_predicate_and_status_within_the_ontology():
    onto = load_ontology()
    docs = list(synth.corpus(200, seed=1))
    triples = [t for d in docs for t in d["triples"]]
    assert {t["predicate"] for t in triples} == set(onto.predicates)
    assert {t["status"] for t in triples} == set(onto.statuses)
    for t in triples:
        assert onto.allows(t["predicate"], t["subject_type"], t["object_type"]), t
        assert t["subject"] != t["object"]
    for d in docs:
        for t in d["triples"]:
            assert t["subject"] in d["text"] and t["object"] in d["text"], (t, d["text"])


def test_corpus_has_many_distinct_entities_and_reads_as_relgraph_jsonl(tmp_path):
    from extraction.readers import read_documents

    path = tmp_path / "synth.jsonl"
    words = synth.write_corpus(path, 100, seed=2)
    names = {t[k] for line in path.read_text(encoding="utf-8").splitlines()
             for t in json.loads(line)["triples"] for k in ("subject", "object")}
    assert len(names) > 150
    docs = list(read_documents([str(path)], on_error=print, strict=True))
    assert len(docs) == 100 and docs[0].date == "2024-01-01"
    assert words == sum(len(d.text.split()) for d in docs)


def test_graph_has_the_requested_size_and_valid_references():
    onto = load_ontology()
    kg = synth.graph(400, 3000, seed=5)
    assert len(kg.entities) == 400 and len(kg.statements) == 3000
    assert {s.predicate for s in kg.statements.values()} == set(onto.predicates)
    for st in kg.statements.values():
        assert onto.allows(st.predicate, kg.entities[st.subject].type, kg.entities[st.object].type)
        assert st.evidence and all(v in kg.evidence for v in st.evidence)
        assert st.first_seen <= st.last_seen
    assert all(ev.doc_id in kg.articles for ev in kg.evidence.values())
    assert synth.graph(400, 3000, seed=5).statements.keys() == kg.statements.keys()
