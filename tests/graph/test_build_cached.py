"""A rebuild whose documents are all cached decides so without the spaCy
model (extraction.version), and still re-extracts when a rule file changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import extraction.rules as rules_module
import graph.build as build_module
from graph.build import build
from relgraph.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_cached_rebuild_builds_no_extractor_until_a_rule_file_changes(extractor, tmp_path, monkeypatch):
    settings = Settings(store=tmp_path / "store", model=Settings.from_env().model)
    curation = str(tmp_path / "none.yaml")
    first = build([ROOT / "examples"], settings, curation=curation, extractor=extractor)
    assert first.documents_new == first.documents_read > 0
    cache = (settings.store / "current" / "extractions.jsonl").read_bytes()

    built: list[dict] = []

    def spy(kwargs):
        built.append(kwargs)
        return extractor

    monkeypatch.setattr(build_module, "_extractor", spy)
    again = build([ROOT / "examples"], settings, curation=curation)
    assert built == []
    assert (again.documents_new, again.documents_cached) == (0, first.documents_read)
    assert (settings.store / "current" / "extractions.jsonl").read_bytes() == cache
    assert (again.entities_by_type, again.relations_by_predicate) == (first.entities_by_type, first.relations_by_predicate)

    # One more line in a pattern file: a new version, so every document is extracted again.
    patterns = tmp_path / "patterns"
    shutil.copytree(rules_module.PATTERN_DIR, patterns)
    target = sorted(patterns.glob("*.jsonl"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(rules_module, "PATTERN_DIR", patterns)
    changed = build([ROOT / "examples"], settings, curation=curation)
    assert built == [{"model": settings.model}]
    assert (changed.documents_new, changed.documents_cached) == (first.documents_read, 0)
