"""The extractor's version without the spaCy model (extraction/version.py).

A cached rebuild decides what to re-extract from ``extractor_version``
alone, so it must equal ``Extractor.version`` and change whenever the
model's name or version, or any rule or lexicon file, changes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extraction.rules as rules_module
from extraction.gazetteer import load_gazetteer
from extraction.version import extractor_version, model_meta
from relgraph.config import Settings


@pytest.fixture(scope="module")
def model_dir(extractor):
    """The data directory of the installed model (what spacy.load reads), or a skip."""
    import spacy.util

    package = spacy.util.get_package_path(Settings.from_env().model)
    meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    assert (data / "meta.json").is_file(), data
    return data


def test_equals_the_loaded_extractors_version(extractor):
    assert extractor_version(Settings.from_env().model) == extractor.version


def test_equals_it_for_a_model_given_as_a_directory_and_another_gazetteer(model_dir, tmp_path):
    from extraction.pipeline import Extractor

    gaz = load_gazetteer(None)[:20]
    ex = Extractor(model=str(model_dir), gazetteer=gaz)
    assert extractor_version(str(model_dir), gazetteer=gaz) == ex.version
    assert ex.version != extractor_version(str(model_dir))  # the gazetteer counts


def test_does_not_import_spacy():
    code = ("import sys; from extraction.version import extractor_version; "
            "v = extractor_version(); print(v, 'spacy' in sys.modules, 'thinc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert len(out[0]) == 16 and out[1:] == ["False", "False"]


def write_meta(path: Path, model_dir: Path, **changes) -> str:
    """A model directory holding only the installed model's meta.json, with changes."""
    path.mkdir(exist_ok=True)
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update(changes)
    (path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return str(path)


def test_changes_with_the_models_name_or_version(model_dir, tmp_path):
    meta = model_meta(str(model_dir))
    model = tmp_path / "model"
    same = extractor_version(write_meta(model, model_dir))
    assert same is not None and same == extractor_version(str(model))
    newer = extractor_version(write_meta(model, model_dir, version=meta["version"] + ".post1"))
    renamed = extractor_version(write_meta(model, model_dir, name=meta["name"] + "_other"))
    assert len({same, newer, renamed}) == 3
    # The name asked for counts too: the same meta.json under another path.
    assert extractor_version(write_meta(tmp_path / "twin", model_dir)) != same


def test_changes_with_any_pattern_file(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(rules_module.PATTERN_DIR, patterns)
    before = extractor_version(patterns=patterns)
    assert before == extractor_version()
    target = sorted(patterns.glob("*.jsonl"))[-1]
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # one more (blank) line
    assert extractor_version(patterns=patterns) != before


def test_changes_with_any_lexicon_file(tmp_path, monkeypatch):
    lexicons = tmp_path / "lexicons"
    shutil.copytree(rules_module.LEXICON_DIR, lexicons)
    monkeypatch.setattr(rules_module, "LEXICON_DIR", lexicons)
    before = extractor_version()
    places = lexicons / "countries.txt"
    places.write_text(places.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert extractor_version() != before


def test_without_a_readable_meta_it_gives_none(tmp_path):
    assert extractor_version("blank:en") is None
    assert extractor_version(str(tmp_path / "no-such-model")) is None
    (tmp_path / "empty").mkdir()
    assert extractor_version(str(tmp_path / "empty")) is None
