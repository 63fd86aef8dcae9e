"""The extraction cache's extractor versions across saves: a version given by
the caller wins, a missing one is kept from the cache for unchanged text,
and a save that gives every version does not read the old cache at all
(``relgraph build`` passes all of them; reading the cache a second time cost
a full parse of extractions.jsonl and its memory on every build)."""

from __future__ import annotations

import json

import pytest

from extraction.records import DocEntity, Document, DocumentResult
from graph.model import KnowledgeGraph
from graph.store import EmbeddedStore
from relgraph.errors import StoreError


def result(doc_id: str, text: str) -> DocumentResult:
    return DocumentResult(document=Document(doc_id, text), entities=(DocEntity("Acme Corp", "Company"),), relations=())


def versions(store: EmbeddedStore) -> dict[str, str]:
    return {k: c.extractor for k, c in store.load_cache().items()}


def test_missing_versions_come_from_the_cache_for_unchanged_text(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.save([result("a", "one"), result("b", "two")], KnowledgeGraph(), extractor_versions={"a": "v1", "b": "v1"})
    s.save([result("a", "one"), result("b", "changed"), result("c", "new")], KnowledgeGraph(),
           extractor_versions={"c": "v2"})
    assert versions(s) == {"a": "v1", "b": "", "c": "v2"}


def test_a_save_with_every_version_does_not_read_the_old_cache(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.save([result("a", "one")], KnowledgeGraph(), extractor_versions={"a": "v1"})
    cache_file = s.path / "current" / "extractions.jsonl"
    cache_file.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"extractions\.jsonl:1"):
        s.save([result("a", "one")], KnowledgeGraph())  # needs the cached version: reads the broken file
    s.save([result("a", "one")], KnowledgeGraph(), extractor_versions={"a": "v2"})
    line = json.loads((s.path / "current" / "extractions.jsonl").read_text(encoding="utf-8"))
    assert (line["doc_id"], line["extractor"]) == ("a", "v2")
