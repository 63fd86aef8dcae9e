"""Building the graph: aggregation rules, the extraction cache, idempotent and
incremental builds, and retraction.

Most tests use a small scripted extractor (sentences of the form
"Subject <verb> Object.") so that the cache logic can be checked by counting
extractions; entity resolution, the store and the RDF writer are the real
ones. ``test_end_to_end_on_examples`` runs the real spaCy extractor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from extraction.records import DocEntity, Document, DocumentResult, Relation
from graph.build import build, build_graph, retract
from graph.model import Entity
from graph.rdf import export_store
from graph.store import EmbeddedStore
from relgraph.cli import cli
from relgraph.config import Settings
from relgraph.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]

# verb phrase -> (predicate, status, label)
VERBS = {
    "considers sanctioning": ("sanctions", "considered", "considers-sanctioning"),
    "sanctions": ("sanctions", "asserted", "sanctions"),
    "acquires": ("acquires", "asserted", "acquires"),
    "partners with": ("partners-with", "asserted", "partners-with"),
}
TYPES = {"Ruritania": "GovernmentBody", "Acme Widgets": "Company", "Borduria Bank": "Company",
         "Zenda Systems": "Company", "Acme": "Company"}
_SENTENCE = re.compile(r"^(?P<s>.+?) (?P<v>" + "|".join(sorted(VERBS, key=len, reverse=True)) + r") (?P<o>.+?)\.$")


class ScriptedExtractor:
    """Extracts "Subject verb Object." lines; records the documents it sees."""

    version = "scripted-1"

    def __init__(self):
        self.seen: list[str] = []

    def extract_many(self, docs, *, batch_size=64, n_process=1):
        for doc in docs:
            self.seen.append(doc.id)
            yield self.extract(doc)

    def extract(self, doc: Document) -> DocumentResult:
        entities: dict[str, DocEntity] = {}
        relations = []
        offset = 0
        for line in doc.text.split("\n"):
            m = _SENTENCE.match(line)
            if m:
                pred, status, label = VERBS[m["v"]]
                for name in (m["s"], m["o"]):
                    entities.setdefault(name, DocEntity(name, TYPES[name]))
                relations.append(Relation(
                    m["s"], TYPES[m["s"]], pred, m["o"], TYPES[m["o"]], status, label, None,
                    0.5 + 0.1 * len(relations), None, doc.id, line, offset, offset + len(line),
                ))
            offset += len(line) + 1
        return DocumentResult(doc, tuple(entities.values()), tuple(relations))


DOCS = [
    {"id": "a1", "date": "2024-03-01", "title": "Ruritania weighs sanctions", "url": "https://example.org/a1",
     "text": "Ruritania considers sanctioning Acme Widgets.\nAcme Widgets acquires Zenda Systems."},
    {"id": "a2", "date": "2024-03-05",
     "text": "Ruritania considers sanctioning Acme Widgets.\nZenda Systems partners with Borduria Bank."},
]
NEW = {"id": "a3", "date": "2024-04-10",
       "text": "Ruritania considers sanctioning Acme Widgets.\nBorduria Bank partners with Zenda Systems."}


def write_corpus(path: Path, docs) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture()
def env(tmp_path):
    settings = Settings(store=tmp_path / "store")
    corpus = write_corpus(tmp_path / "corpus.jsonl", DOCS)
    curation = str(tmp_path / "no-curation.yaml")  # absent: no decisions, whatever the working directory holds
    return settings, corpus, curation


def run(settings, paths, curation, extractor=None):
    return build(paths, settings, curation=curation, extractor=extractor or ScriptedExtractor())


def sanction(kg):
    (st,) = [s for s in kg.statements.values() if s.predicate == "sanctions"]
    return st


def test_build_aggregates_relations_into_evidenced_statements(env):
    settings, corpus, curation = env
    summary = run(settings, [corpus], curation)
    kg = EmbeddedStore(settings.store).read_graph()
    st = sanction(kg)
    assert (st.status, st.evidence_count, st.first_seen, st.last_seen) == ("considered", 2, "2024-03-01", "2024-03-05")
    assert {kg.evidence[e].doc_id for e in st.evidence} == {"a1", "a2"}
    assert kg.articles["a1"].url == "https://example.org/a1"
    assert (summary.documents_read, summary.documents_new, summary.documents_total) == (2, 2, 2)
    assert summary.relations_by_predicate == {"acquires": {"asserted": 1}, "partners-with": {"asserted": 1},
                                              "sanctions": {"considered": 1}}
    assert summary.entities == len(kg.entities) == 4


def test_rebuild_is_idempotent_and_extracts_nothing(env, tmp_path):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    store = EmbeddedStore(settings.store)
    first_graph = store.read_graph()
    first_cache = (store.path / "current" / "extractions.jsonl").read_bytes()
    export_store(settings.store, "ttl", tmp_path / "one.ttl")
    again = ScriptedExtractor()
    summary = run(settings, [corpus], curation, again)
    assert again.seen == [] and (summary.documents_new, summary.documents_cached) == (0, 2)
    assert store.read_graph() == first_graph
    assert (store.path / "current" / "extractions.jsonl").read_bytes() == first_cache
    export_store(settings.store, "ttl", tmp_path / "two.ttl")
    assert isomorphic(rdflib.Graph().parse(tmp_path / "one.ttl"), rdflib.Graph().parse(tmp_path / "two.ttl"))


def test_incremental_build_adds_evidence_and_bumps_counts(env, tmp_path):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    extractor = ScriptedExtractor()
    summary = run(settings, [write_corpus(tmp_path / "new.jsonl", [NEW])], curation, extractor)
    assert extractor.seen == ["a3"]
    assert (summary.documents_read, summary.documents_new, summary.documents_total) == (1, 1, 3)
    kg = EmbeddedStore(settings.store).read_graph()
    st = sanction(kg)
    assert (st.evidence_count, st.first_seen, st.last_seen) == (3, "2024-03-01", "2024-04-10")
    # Symmetric: "Borduria Bank partners with Zenda Systems" is the statement of a2, reversed.
    (partner,) = [s for s in kg.statements.values() if s.predicate == "partners-with"]
    assert partner.evidence_count == 2 and partner.subject < partner.object


def test_changed_text_or_rules_are_re_extracted(env):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    changed = [dict(DOCS[0]), DOCS[1]]
    changed[0]["text"] = "Ruritania sanctions Acme Widgets."
    write_corpus(corpus, changed)
    ex = ScriptedExtractor()
    run(settings, [corpus], curation, ex)
    assert ex.seen == ["a1"]
    kg = EmbeddedStore(settings.store).read_graph()
    assert sorted((s.predicate, s.status) for s in kg.statements.values()) == [
        ("partners-with", "asserted"), ("sanctions", "asserted"), ("sanctions", "considered")]
    newer = ScriptedExtractor()
    newer.version = "scripted-2"
    run(settings, [corpus], curation, newer)
    assert newer.seen == ["a1", "a2"]


def test_retract_removes_evidence_and_orphaned_statements(env, tmp_path):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    result = retract(settings, "a1")
    kg = EmbeddedStore(settings.store).read_graph()
    assert "a1" not in kg.articles and all(e.doc_id != "a1" for e in kg.evidence.values())
    assert sanction(kg).evidence_count == 1 and sanction(kg).first_seen == "2024-03-05"
    assert not [s for s in kg.statements.values() if s.predicate == "acquires"]
    assert (result.store.evidence, result.store.statements) == (2, 1)
    # The same graph as a build that never saw a1.
    alone = Settings(store=tmp_path / "alone")
    run(alone, [write_corpus(tmp_path / "a2.jsonl", [DOCS[1]])], curation)
    assert EmbeddedStore(alone.store).read_graph() == kg


def test_retract_unknown_document_lists_stored_ids(env):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    with pytest.raises(StoreError, match=r"document 'zz' is not in the store .*; stored ids: a1, a2"):
        retract(settings, "zz")


def test_cli_retract_prints_what_was_removed(env):
    settings, corpus, curation = env
    run(settings, [corpus], curation)
    r = CliRunner().invoke(cli, ["--store", str(settings.store), "retract", "a2"])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "retracted a2: 2 evidence, 1 relations, 1 entities removed from the store"


def test_build_graph_drops_self_loops_and_keeps_only_evidenced_entities():
    doc = Document("d", "Acme acquires Acme Widgets.\nAcme Widgets acquires Zenda Systems.")
    result = ScriptedExtractor().extract(doc)

    class Resolution:
        entities = {e.id: e for e in (Entity("acme-widgets", "Acme Widgets", "Company"),
                                      Entity("zenda-systems", "Zenda Systems", "Company"),
                                      Entity("borduria-bank", "Borduria Bank", "Company"))}

        def entity_id(self, doc_id, name):
            return "acme-widgets" if name.startswith("Acme") else name.lower().replace(" ", "-")

    kg = build_graph([result], Resolution())
    assert [(s.subject, s.object) for s in kg.statements.values()] == [("acme-widgets", "zenda-systems")]
    assert sorted(kg.entities) == ["acme-widgets", "zenda-systems"]
    assert len(kg.evidence) == 1


def test_build_graph_keeps_the_highest_confidence_and_its_label():
    text = "Ruritania sanctions Acme Widgets."
    rels = [
        Relation("Ruritania", "GovernmentBody", "sanctions", "Acme Widgets", "Company", "asserted", label, None, conf,
                 None, doc_id, text, 0, len(text))
        for doc_id, label, conf in (("x", "bars", 0.6), ("y", "blacklists", 0.9), ("z", "bans", 0.7))
    ]
    results = [DocumentResult(Document(r.doc_id, text), (), (r,)) for r in rels]

    class Resolution:
        entities = {"ruritania": Entity("ruritania", "Ruritania", "GovernmentBody"),
                    "acme": Entity("acme", "Acme Widgets", "Company")}

        def entity_id(self, doc_id, name):
            return "ruritania" if name == "Ruritania" else "acme"

    st = sanction(build_graph(results, Resolution()))
    assert (st.confidence, st.label, st.evidence_count) == (0.9, "blacklists", 3)


def test_end_to_end_on_examples(extractor, tmp_path):
    """The real extractor on examples/: the issue's headline relation is in
    the store with its status and evidence sentence, found by SPARQL, and
    the store's export conforms to the shapes."""
    from graph.rdf import validate_file

    settings = Settings(store=tmp_path / "store")
    summary = build([ROOT / "examples"], settings, curation=str(tmp_path / "none.yaml"), extractor=extractor)
    assert summary.documents_total >= 1 and summary.relations > 0
    rows = EmbeddedStore(settings.store).sparql(
        """SELECT ?status ?text WHERE {
             ?st rdf:subject ?s ; rdf:predicate rg:sanctions ; rdf:object ?o ; rg:status ?status ;
                 prov:wasDerivedFrom ?ev .
             ?s rg:wikidata ?qid . ?o rdfs:label ?oname . ?ev rg:text ?text .
             FILTER(CONTAINS(?oname, "Hikvision"))
           }""",
        {"qid": "Q48525"},  # the United States government
    )
    considered = [r["text"] for r in rows if r["status"].endswith("#considered")]
    assert any("Hikvision" in text for text in considered), rows
    export_store(settings.store, "ttl", tmp_path / "examples.ttl")
    result = validate_file(tmp_path / "examples.ttl")
    assert result.conforms, result.violations


def test_build_and_retract_with_neo4j(neo4j_db, env):
    """``build --neo4j`` loads what the store holds; ``retract --neo4j``
    removes the document from both."""
    import os
    from dataclasses import replace

    from graph import neo4j_writer
    from relgraph.config import Neo4jSettings

    settings, corpus, curation = env
    settings = replace(settings, neo4j=Neo4jSettings(
        uri=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:17687"), user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD") or None, database=neo4j_db.database,
    ))
    build([corpus], settings, curation=curation, extractor=ScriptedExtractor(), neo4j=True)
    in_neo4j = neo4j_writer.read_graph(neo4j_db.driver, database=neo4j_db.database)
    assert sorted(in_neo4j.statements) == sorted(EmbeddedStore(settings.store).read_graph().statements)
    retract(settings, "a1", neo4j=True)
    in_neo4j = neo4j_writer.read_graph(neo4j_db.driver, database=neo4j_db.database)
    in_store = EmbeddedStore(settings.store).read_graph()
    assert sorted(in_neo4j.statements) == sorted(in_store.statements)
    assert sorted(in_neo4j.evidence) == sorted(in_store.evidence)
    assert "a1" not in in_neo4j.articles


def test_cli_build_prints_tables_and_json(tmp_path, extractor):
    """``relgraph build`` with the real model: the analyst's tables, then the
    same summary as JSON on a cached rebuild, with bad lines warned about."""
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        json.dumps({"id": "n1", "date": "2024-05-02",
                    "text": "The US is considering sanctions on Hikvision, people familiar with the matter said."}) + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    base = ["--store", str(tmp_path / "store")]  # the model of the extractor fixture (RELGRAPH_SPACY_MODEL)
    r = runner.invoke(cli, [*base, "build", str(corpus), "--curation", str(tmp_path / "none.yaml")])
    assert r.exit_code == 1, r.output  # the good document is built; the broken line sets the status
    for title in ("Documents", "Entities (", "Relations ("):
        assert title in r.output
    r = runner.invoke(cli, [*base, "build", str(corpus), "--curation", str(tmp_path / "none.yaml"), "--format", "json"])
    assert r.exit_code == 1, r.output
    summary = json.loads(r.stdout)
    assert (summary["documents_read"], summary["documents_new"], summary["documents_cached"],
            summary["documents_failed"]) == (1, 0, 1, 1)
    assert summary["relations_by_predicate"]["sanctions"] == {"considered": 1}
