"""The library behind ``relgraph entities``: each function is one command.

Read commands (list, show, candidates, audit) resolve the current inputs:
the embedded store's extraction cache, or the paths given (text inputs are
extracted, ``extractions.jsonl``-style files are read as they are).
Mutating commands (merge, split, unmerge, rename, set-type, distinct) only
append a decision to the curation file; ``relgraph build`` applies it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from extraction.records import DocumentResult
from relgraph.errors import EntityError, InputError

from .curation import append_decision, default_curation_path, load_curation
from .resolve import Resolution, resolve


def _is_results_file(path: Path) -> bool:
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "document" in first and "entities" in first
    return False


def load_results(paths: Sequence[str], settings, gazetteer: str | None = None) -> list[DocumentResult]:
    """The extraction results to resolve.

    paths: inputs; empty for the embedded store's extraction cache. A
        ``.jsonl`` file of extraction results (the store's
        ``extractions.jsonl`` format) is read as is; other inputs are read
        and extracted with ``settings.model``.
    settings: relgraph Settings (store path, spaCy model).
    gazetteer: gazetteer YAML path for extraction; None for the bundled one.
    """
    if not paths:
        from .store import EmbeddedStore

        store = EmbeddedStore(settings.store)
        results = store.load_results() if store.exists() else []
        if not results:
            raise EntityError(f"store {settings.store} holds no documents; run `relgraph build PATH` or give input paths")
        return sorted(results, key=lambda r: r.document.id)
    from .serialize import loads_line, result_from_dict

    results: list[DocumentResult] = []
    texts: list[str] = []
    for p in paths:
        path = Path(p)
        if _is_results_file(path):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip():
                    try:
                        results.append(result_from_dict(loads_line(line, str(path), n)))
                    except (KeyError, TypeError) as exc:
                        raise InputError(str(path), n, f"not an extraction result ({exc}); give text files or a store's extractions.jsonl") from exc
        else:
            texts.append(p)
    if texts:
        from extraction.gazetteer import load_gazetteer
        from extraction.pipeline import Extractor
        from extraction.readers import read_documents

        docs = list(read_documents(texts, on_error=None, strict=True))
        extractor = Extractor(model=settings.model, gazetteer=load_gazetteer(gazetteer))
        results.extend(extractor.extract_many(docs))
    return sorted(results, key=lambda r: r.document.id)


def current(paths: Sequence[str], settings, gazetteer: str | None, curation: str | None) -> tuple[list[DocumentResult], Resolution]:
    """Resolve the current inputs with the gazetteer and curation file.

    paths, settings, gazetteer: as for :func:`load_results`.
    curation: curation file; None for the default.
    """
    from extraction.gazetteer import load_gazetteer

    results = load_results(paths, settings, gazetteer)
    return results, resolve(results, load_gazetteer(gazetteer), load_curation(curation))


def _row(cols: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip()


def _table(header: Sequence[str], rows: list[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(_row([str(c) for c in r], widths) for r in [header, *rows])


def list_entities(paths: Sequence[str], settings, gazetteer: str | None = None, curation: str | None = None,
                  etype: str | None = None) -> str:
    """``relgraph entities list``: one line per entity (id, type, mentions, name).

    paths, settings, gazetteer, curation: see :func:`current`.
    etype: only entities of this type; None for all.
    """
    _, res = current(paths, settings, gazetteer, curation)
    rows = [
        (e.id, e.type, str(len(res.mentions.get(e.id, ()))), e.name)
        for e in res.entities.values() if etype is None or e.type == etype
    ]
    return _table(("id", "type", "mentions", "name"), rows)


def show_entity(entity_id: str, paths: Sequence[str], settings, gazetteer: str | None = None,
                curation: str | None = None) -> str:
    """``relgraph entities show ID``: everything known about one entity.

    entity_id: the entity id.
    paths, settings, gazetteer, curation: see :func:`current`.
    """
    _, res = current(paths, settings, gazetteer, curation)
    e = res.entities.get(entity_id)
    if e is None:
        raise EntityError(f"no entity {entity_id!r}; see `relgraph entities list` for ids")
    lines = [f"id: {e.id}", f"name: {e.name}", f"type: {e.type}"]
    for field_name in ("wikidata", "lei", "ticker"):
        if getattr(e, field_name):
            lines.append(f"{field_name}: {getattr(e, field_name)}")
    if e.aliases:
        lines.append("aliases: " + ", ".join(f"{t} ({lang})" if lang else t for t, lang in e.aliases))
    lines.append("mentions:")
    lines += [f"  {doc}: {name}" for doc, name in res.mentions.get(entity_id, ())]
    if res.reasons.get(entity_id):
        lines.append("merged because:")
        lines += [f"  {r}" for r in res.reasons[entity_id]]
    related = [c for c in res.candidates if entity_id in (c.a, c.b)]
    if related:
        lines.append("candidates:")
        lines += [f"  {c.b if c.a == entity_id else c.a}  {c.score:.2f}  {c.reason}" for c in related]
    return "\n".join(lines)


def list_candidates(paths: Sequence[str], settings, gazetteer: str | None = None, curation: str | None = None,
                    min_score: float = 0.0) -> str:
    """``relgraph entities candidates``: likely duplicates, best first.

    paths, settings, gazetteer, curation: see :func:`current`.
    min_score: hide pairs scoring below this (0..1).
    """
    _, res = current(paths, settings, gazetteer, curation)
    rows = [(f"{c.score:.2f}", c.a, c.b, c.reason) for c in res.candidates if c.score >= min_score]
    if not rows:
        return "no candidates"
    return _table(("score", "a", "b", "why"), rows)


def audit_entities(gold_path: str, paths: Sequence[str], settings, gazetteer: str | None = None,
                   curation: str | None = None):
    """``relgraph entities audit GOLD``: wrong merges and duplicates against gold.

    gold_path: the gold YAML file (see :mod:`graph.audit`).
    paths, settings, gazetteer, curation: see :func:`current`.
    Returns the :class:`graph.audit.AuditReport`.
    """
    from .audit import audit, load_gold

    gold, apart = load_gold(gold_path)
    results, res = current(paths, settings, gazetteer, curation)
    return audit(results, res, gold, apart)


def decide(decision: dict, settings, gazetteer: str | None = None, curation: str | None = None) -> str:
    """Append a curation decision, after checking its ids against the store.

    decision: the mapping, e.g. ``{"merge": ["a", "b"]}``.
    settings: relgraph Settings (the store to check ids against).
    gazetteer: gazetteer YAML path; None for the bundled one.
    curation: curation file; None for the default.
    Returns the message to show.
    """
    from .store import EmbeddedStore

    path = Path(curation) if curation else default_curation_path()
    action = next(k for k in decision if k not in ("into", "aliases", "name", "id", "type", "note"))
    ids = decision[action] if isinstance(decision[action], list) else [decision[action]]
    checked = ""
    store = EmbeddedStore(settings.store)
    if store.exists():
        _, res = current((), settings, gazetteer, str(path))
        unknown = [i for i in ids if i not in res.entities]
        if unknown:
            raise EntityError(f"no entity {', '.join(map(repr, unknown))} in store {settings.store}; see `relgraph entities list` for ids")
    else:
        checked = f" (ids not checked: no store at {settings.store})"
    d = append_decision(path, decision)
    return f"{path}: entry {d.entry}: {d.action} {', '.join(d.ids)}{checked}; run `relgraph build` to apply"
