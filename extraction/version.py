"""The extractor's version: the key that keeps an extraction cache valid.

``Extractor.version`` is a hash of what decides the relations a document
gives: the spaCy pipeline's name and version (from its ``meta.json``) and
the name it was asked for, the rule and lexicon files (``Rules.digest``),
the gazetteer and the ontology. :func:`extractor_version` computes the same
hash without loading the spaCy model or importing spaCy, so that a rebuild
whose documents are all cached never loads the model.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import Any, Mapping, Sequence


def model_meta(name: str) -> dict[str, Any] | None:
    """The ``meta.json`` of an installed spaCy pipeline, read without loading it.

    name: what ``spacy.load`` is given: an installed package name or a model
        directory. Found as ``spacy.load`` finds it: an installed
        distribution of that name is a package (its module's directory holds
        ``meta.json``), else an existing path is a model directory.
    Returns None when the file cannot be found or lacks ``name`` or
    ``version`` (``blank:``, a package of another layout): the caller then
    takes the meta of the loaded model.
    """
    if name.startswith("blank:"):
        return None
    try:
        importlib.metadata.distribution(name)
        package = True
    except Exception:  # spaCy's own is_package test catches everything too
        package = False
    try:
        if package:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                return None
            path = Path(spec.origin).parent / "meta.json"
        elif Path(name).exists():
            path = Path(name) / "meta.json"
        else:
            return None
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError):
        return None
    if not isinstance(meta, dict) or not meta.get("name") or not meta.get("version"):
        return None
    return meta


def version_hash(meta: Mapping[str, Any], model: str, rules_digest: str, gazetteer: Sequence, ontology_turtle: str) -> str:
    """16 hex digits over the model's name and version, the model name asked for,
    the rule files' digest, the gazetteer entries and the ontology's Turtle."""
    h = hashlib.sha1()
    h.update(f"{meta.get('name')}-{meta.get('version')}|{model}".encode())
    h.update(rules_digest.encode())
    h.update(repr(tuple(gazetteer)).encode())
    h.update(ontology_turtle.encode())
    return h.hexdigest()[:16]


def extractor_version(model: str | None = None, gazetteer=None, ontology=None, patterns: str | Path | None = None) -> str | None:
    """The ``version`` that ``Extractor(model, gazetteer, ontology, patterns)``
    would have, without loading the model; None when the model's
    ``meta.json`` cannot be read this way (then build the Extractor).

    model: spaCy pipeline name or directory; None for the default.
    gazetteer: gazetteer entries, a YAML path, or None for the bundled one.
    ontology: an Ontology, or None for the bundled one.
    patterns: a directory of pattern files, or None for the bundled ones.
    Loads and validates the rule files as the Extractor does (a bad file
    raises the same DataFileError).
    """
    from ontology import load_ontology
    from relgraph.config import DEFAULT_MODEL

    from .gazetteer import load_gazetteer
    from .rules import load_rules

    model = model or DEFAULT_MODEL
    meta = model_meta(model)
    if meta is None:
        return None
    onto = ontology or load_ontology()
    if gazetteer is None or isinstance(gazetteer, (str, Path)):
        gazetteer = load_gazetteer(str(gazetteer) if gazetteer is not None else None)
    rules = load_rules(set(onto.predicates), set(onto.statuses), pattern_dir=patterns)
    return version_hash(meta, model, rules.digest, tuple(gazetteer), onto.turtle)
