"""Build the knowledge graph: read, extract (cached), resolve, aggregate, store.

:func:`build_graph` turns extraction results and an entity resolution into a
:class:`~graph.model.KnowledgeGraph`; :func:`build` is ``relgraph build``:
it reads documents, extracts only those the store's extraction cache does
not hold (key: document id, text hash, ``Extractor.version``), resolves
entities over every stored document, aggregates and writes the store
atomically.

The store accumulates: documents from earlier builds stay until retracted
(``relgraph retract DOC_ID``); a document whose text changed is re-extracted
and replaces its old result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, Sequence

from extraction.records import DocumentResult
from graph.model import Article, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id
from ontology import Ontology, load_ontology
from relgraph.errors import InputError, RelgraphError


class ResolutionLike(Protocol):
    """What :func:`build_graph` needs of ``graph.resolve.Resolution``."""

    entities: dict

    def entity_id(self, doc_id: str, name: str) -> str: ...


class UnresolvedEntityError(RelgraphError):
    """A relation names an entity that entity resolution did not map to an id."""


def build_graph(results: Sequence[DocumentResult], resolution: ResolutionLike, ontology: Ontology | None = None) -> KnowledgeGraph:
    """Aggregate extraction results into a KnowledgeGraph.

    results: one DocumentResult per document.
    resolution: maps (doc id, entity name) to canonical entity ids and holds
        the canonical entities (``graph.resolve.resolve`` output).
    ontology: tells which predicates are symmetric; None for the bundled one.

    One Statement per (subject id, predicate, object id, status, role):
    confidence is the highest of its relations, the display label the one of
    its most confident relation, first/last seen the earliest/latest article
    date among its evidence. Symmetric predicates are stored once per pair,
    subject id < object id. A relation whose two ends resolve to the same
    entity is dropped (a self-loop made by merging names). Only entities that
    take part in a statement enter the graph: every node is evidenced.
    """
    onto = ontology or load_ontology()
    kg = KnowledgeGraph()
    # statement id -> [(confidence, label, subject, predicate, object, status, role)], evidence ids
    best: dict[str, tuple[float, str]] = {}
    parts: dict[str, tuple[str, str, str, str, str | None]] = {}
    evidence_of: dict[str, set[str]] = {}

    for result in results:
        doc = result.document
        kg.articles[doc.id] = Article(id=doc.id, title=doc.title, date=doc.date, url=doc.url, source=doc.source)
        for rel in result.relations:
            try:
                subj = resolution.entity_id(doc.id, rel.subject)
                obj = resolution.entity_id(doc.id, rel.object)
            except KeyError as exc:
                raise UnresolvedEntityError(
                    f"document {doc.id!r}: relation {rel.subject} {rel.predicate} {rel.object} names an entity "
                    f"that entity resolution did not map ({exc}); this is a bug, please report it with the document"
                ) from None
            if subj == obj:
                continue
            if onto.predicate(rel.predicate).symmetric and obj < subj:
                subj, obj = obj, subj
            sid = statement_id(subj, rel.predicate, obj, rel.status, rel.role)
            parts[sid] = (subj, rel.predicate, obj, rel.status, rel.role)
            # Highest confidence wins; ties go to the alphabetically first label (deterministic).
            key = (rel.confidence, rel.label)
            if sid not in best or (key[0] > best[sid][0]) or (key[0] == best[sid][0] and key[1] < best[sid][1]):
                best[sid] = key
            evid = evidence_id(doc.id, rel.start, rel.end)
            evidence_of.setdefault(sid, set()).add(evid)
            ev = kg.evidence.get(evid)
            if ev is None:
                kg.evidence[evid] = Evidence(
                    id=evid, doc_id=doc.id, text=rel.sentence, start=rel.start, end=rel.end,
                    attributed_to=rel.attributed_to,
                )
            elif ev.attributed_to is None and rel.attributed_to:
                ev.attributed_to = rel.attributed_to

    for sid in sorted(parts):
        subj, pred, obj, status, role = parts[sid]
        evids = sorted(evidence_of[sid])
        dates = sorted(d for d in (kg.articles[kg.evidence[e].doc_id].date for e in evids) if d)
        confidence, label = best[sid]
        kg.statements[sid] = Statement(
            id=sid, subject=subj, predicate=pred, object=obj, status=status, label=label, role=role,
            confidence=confidence, evidence=evids,
            first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        )
    used = {s.subject for s in kg.statements.values()} | {s.object for s in kg.statements.values()}
    for eid in sorted(used):
        try:
            kg.entities[eid] = resolution.entities[eid]
        except KeyError:
            raise UnresolvedEntityError(
                f"entity id {eid!r} is used by a relation but missing from the resolution's entities; this is a bug"
            ) from None
    used_evidence = {e for s in kg.statements.values() for e in s.evidence}
    kg.evidence = {k: kg.evidence[k] for k in sorted(used_evidence)}
    kg.articles = dict(sorted(kg.articles.items()))
    return kg


def _resolve(results, gazetteer, curation):
    from graph.resolve import resolve

    return resolve(results, gazetteer, curation)


def graph_from_results(
    results: Sequence[DocumentResult],
    *,
    gazetteer: str | None = None,
    curation: str | None = None,
) -> KnowledgeGraph:
    """Resolve entities over all results (gazetteer + curation file) and aggregate.

    results: every document's extraction result.
    gazetteer: gazetteer YAML path; None for the bundled one.
    curation: curation YAML path; None for ``$RELGRAPH_CURATION`` or
        ``relgraph-curation.yaml`` (a missing file means no decisions).
    """
    from extraction.gazetteer import load_gazetteer
    from graph.curation import load_curation

    resolution = _resolve(list(results), load_gazetteer(gazetteer), load_curation(curation))
    return build_graph(results, resolution)


@dataclass
class BuildSummary:
    """What ``relgraph build`` did, for the analyst's first look.

    documents_read: documents read from the inputs.
    documents_new: of those, extracted in this run (new or changed text or rules).
    documents_cached: of those, taken from the extraction cache.
    documents_failed: bad files or lines skipped (see the warnings).
    documents_total: documents in the store after the build.
    entities_by_type: entity type -> count.
    relations_by_predicate: predicate -> status -> number of relations (statements).
    evidence, articles: counts in the graph.
    store: the store path; triples: RDF triples written.
    """

    documents_read: int = 0
    documents_new: int = 0
    documents_cached: int = 0
    documents_failed: int = 0
    documents_total: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_predicate: dict[str, dict[str, int]] = field(default_factory=dict)
    evidence: int = 0
    articles: int = 0
    store: str = ""
    triples: int = 0
    neo4j: Any = None

    @property
    def entities(self) -> int:
        return sum(self.entities_by_type.values())

    @property
    def relations(self) -> int:
        return sum(sum(v.values()) for v in self.relations_by_predicate.values())

    def to_json(self) -> dict[str, Any]:
        """The summary as a JSON-ready dict (``relgraph build --format json``)."""
        from dataclasses import asdict

        d = asdict(self)
        d["neo4j"] = None if self.neo4j is None else str(self.neo4j)
        d["entities"], d["relations"] = self.entities, self.relations
        return d

    def tables(self) -> list:
        """Rich tables for the terminal: documents, entities by type,
        relations by predicate with a column per status."""
        from rich import box
        from rich.table import Table

        docs = Table(title="Documents", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        for col in ("read", "extracted", "cached", "failed", "in store"):
            docs.add_column(col, justify="right")
        docs.add_row(*(str(v) for v in (
            self.documents_read, self.documents_new, self.documents_cached,
            self.documents_failed, self.documents_total,
        )))

        ents = Table(title=f"Entities ({self.entities})", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        ents.add_column("type")
        ents.add_column("count", justify="right")
        for etype, n in sorted(self.entities_by_type.items(), key=lambda kv: (-kv[1], kv[0])):
            ents.add_row(etype, str(n))

        rels = Table(
            title=f"Relations ({self.relations}; {self.evidence} evidence sentences in {self.articles} articles)",
            title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
        )
        rels.add_column("predicate", no_wrap=True)
        rels.add_column("total", justify="right", no_wrap=True)
        rels.add_column("by status")
        order = sorted(self.relations_by_predicate.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        for pred, counts in order:
            by_status = ", ".join(f"{st} {n}" for st, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
            rels.add_row(pred, str(sum(counts.values())), by_status)
        return [docs, ents, rels]


def summarize(kg: KnowledgeGraph) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Entities by type and statements by predicate and status, sorted by name."""
    types = Counter(e.type for e in kg.entities.values())
    preds: dict[str, Counter] = {}
    for s in kg.statements.values():
        preds.setdefault(s.predicate, Counter())[s.status] += 1
    return dict(sorted(types.items())), {p: dict(sorted(c.items())) for p, c in sorted(preds.items())}


def build(
    paths: Iterable[str | Path],
    settings,
    *,
    strict: bool = False,
    processes: int = 1,
    on_error: Callable[[InputError], None] | None = None,
    gazetteer: str | None = None,
    curation: str | None = None,
    extractor=None,
    neo4j: bool = False,
    show_progress: bool = False,
) -> BuildSummary:
    """Run ``relgraph build``: read, extract what is new, resolve, aggregate, store.

    paths: files, directories or ``-`` (see ``extraction.readers``).
    settings: relgraph Settings (model, store, base IRI, Neo4j).
    strict: stop at the first bad input instead of skipping it.
    processes: spaCy worker processes for extraction.
    on_error: called with each InputError (bad file or line); None ignores them
        (they are still counted).
    gazetteer: gazetteer YAML path; None for the bundled one.
    curation: curation YAML path; None for the default file.
    extractor: an ``extraction.pipeline.Extractor`` to reuse; None builds one
        with ``settings.model`` when there is anything to extract.
    neo4j: also load the graph into Neo4j (``settings.neo4j``).
    show_progress: a progress bar on stderr while extracting.
    """
    from extraction.readers import read_documents
    from graph.store import EmbeddedStore, text_hash

    if processes < 1:
        raise InputError("--processes", None, f"must be at least 1, got {processes}")
    summary = BuildSummary(store=str(settings.store))
    failed: list[InputError] = []

    def report(err: InputError) -> None:
        failed.append(err)
        if on_error is not None:
            on_error(err)

    docs = list(read_documents(list(paths), on_error=report, strict=strict))
    summary.documents_read = len(docs)
    summary.documents_failed = len(failed)

    store = EmbeddedStore(settings.store)
    with store.writing():
        # The list is handed over: _build_locked empties it once it knows what to extract, so
        # that the texts of cached documents are not held twice through resolution and the store.
        return _build_locked(store, docs, summary, settings, processes=processes, gazetteer=gazetteer,
                             curation=curation, extractor=extractor, neo4j=neo4j, show_progress=show_progress,
                             paths=paths)


def _release_memory() -> None:
    """Collect garbage and hand the C allocator's free pages back to the system
    (glibc ``malloc_trim``; nothing elsewhere)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _extractor(kwargs):
    from extraction.pipeline import Extractor

    return Extractor(**kwargs)


def _build_locked(store, docs, summary, settings, *, processes, gazetteer, curation, extractor, neo4j,
                  show_progress, paths) -> BuildSummary:
    from graph.store import text_hash

    cache = store.load_cache()
    versions = {k: c.extractor for k, c in cache.items()}
    results = {k: c.result for k, c in cache.items()}

    if docs:
        kwargs = {"model": settings.model}
        if extractor is None:
            if gazetteer is not None:
                from extraction.gazetteer import load_gazetteer

                kwargs["gazetteer"] = load_gazetteer(gazetteer)
            # The version without the spaCy model (None when its meta.json cannot be read so): a
            # rebuild whose documents are all cached then never imports spaCy or loads the model.
            from extraction.version import extractor_version

            version = extractor_version(**kwargs)
        if extractor is None and version is None:
            extractor = _extractor(kwargs)
        if extractor is not None:
            version = str(getattr(extractor, "version", ""))
        todo = [
            d for d in docs
            if not (d.id in cache and cache[d.id].text_sha1 == text_hash(d.text) and cache[d.id].extractor == version)
        ]
        summary.documents_new = len(todo)
        summary.documents_cached = len(docs) - len(todo)
        docs.clear()  # see build(); the cached results hold their own copies
        if todo:
            if made := extractor is None:
                extractor = _extractor(kwargs)
                version = str(extractor.version)
            from graph.serialize import interned
            from relgraph.ui import progress

            with progress() as bar:
                task = bar.add_task("extracting", total=len(todo)) if show_progress else None
                for r in extractor.extract_many(todo, n_process=processes):
                    results[r.document.id] = interned(r)
                    versions[r.document.id] = version
                    if task is not None:
                        bar.advance(task)
            if made:
                # The spaCy model (about 80 MiB) is not needed past this point; resolution and the
                # store write can reuse its memory.
                extractor = None
                _release_memory()

    if not results:
        raise InputError(
            ", ".join(str(p) for p in paths) or "(no paths)", None,
            "no documents to build from; give .txt, .md or .jsonl files or a directory of them",
        )
    ordered = [results[k] for k in sorted(results)]
    curation_path = curation
    if curation_path is None:
        from graph.curation import default_curation_path

        curation_path = str(default_curation_path().resolve())
    kg = graph_from_results(ordered, gazetteer=gazetteer, curation=curation_path)
    _release_memory()  # what resolution freed, before the store write's bulk loads
    gen = store.save(
        ordered, kg, base_iri=settings.base_iri, extractor_versions=versions,
        meta={"gazetteer": str(Path(gazetteer).resolve()) if gazetteer else None, "curation": curation_path},
    )
    summary.documents_total = len(ordered)
    summary.entities_by_type, summary.relations_by_predicate = summarize(kg)
    summary.evidence = len(kg.evidence)
    summary.articles = len(kg.articles)
    summary.triples = store.stats().triples
    summary.store = str(gen.parent)
    if neo4j:
        from graph.neo4j_writer import load_into_neo4j  # the Neo4j engineer's entry point

        summary.neo4j = load_into_neo4j(kg, settings.neo4j)
    return summary


@dataclass(frozen=True)
class RetractResult:
    """``relgraph retract``: the embedded store's summary and, with --neo4j, Neo4j's."""

    store: Any
    neo4j: Any = None


def retract(settings, doc_id: str, *, neo4j: bool = False) -> RetractResult:
    """Remove a document from the embedded store and, with ``neo4j``, from Neo4j.

    settings: relgraph Settings (store path, Neo4j connection).
    doc_id: the document id.
    neo4j: also retract it from Neo4j (``graph.neo4j_writer.retract``).
    """
    from graph.store import EmbeddedStore

    if not neo4j:
        return RetractResult(store=EmbeddedStore(settings.store).retract(doc_id))
    from graph import neo4j_writer  # the Neo4j engineer's half

    # Connect before touching the store, so an unreachable Neo4j leaves both as they were.
    driver = neo4j_writer.connect(settings.neo4j)
    try:
        store_summary = EmbeddedStore(settings.store).retract(doc_id)
        neo = neo4j_writer.retract(driver, doc_id, database=settings.neo4j.database)
    finally:
        driver.close()
    return RetractResult(store=store_summary, neo4j=neo)
