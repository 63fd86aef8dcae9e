"""The embedded store: the extraction cache and the graph as RDF, on disk.

Layout of the store directory (default ``.relgraph/store``)::

    store/
      current -> gen-000003        # symlink to the live generation
      gen-000003/
        extractions.jsonl          # one cached DocumentResult per line
        oxigraph/                  # Oxigraph store: the KnowledgeGraph as RDF
        meta.json                  # base IRI, build inputs, counts
      write.lock, read.lock        # flock files (writers; readers vs clean-up)

Every write builds a complete new generation in a ``tmp-*`` directory beside
the live one, renames it to ``gen-N`` and then replaces the ``current``
symlink with :func:`os.replace` (atomic on POSIX). A build killed at any
point leaves ``current`` pointing at the previous, complete generation;
left-over ``tmp-*`` and old ``gen-*`` directories are removed by the next
write when no reader holds them.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import pyoxigraph as ox

from extraction.records import DocumentResult
from graph.model import KnowledgeGraph
from graph.serialize import dumps_line, loads_line, result_from_dict, result_to_dict
from relgraph.config import DEFAULT_BASE_IRI
from relgraph.errors import QueryError, StoreError

FORMAT_VERSION = 1
_GEN = re.compile(r"^gen-(\d{6,})$")

# Named graph of facts derived from the graph at build time for the prepared queries (not
# exported, not read back by read_graph: both read the default graph only). Version 1:
#   ?entity rg:relationCount n ; rg:neighbourCount m      (entities with a relation)
#           rg:relationRank i ; rg:typeRank j             (1-based place by relations descending,
#                                                          then id; among all / among its type)
#   ?statement rg:sameTripleAs ?other                     (same subject, predicate, object)
# Version 2 adds, per sanctions statement, the values `sanctions` returns (see sanctions_rows):
#   ?statement rg:sanctionsRank i ; rg:sanctionerId ... ; rg:sanctionerName ... ; rg:targetId ... ;
#              rg:targetName ... ; rg:rowStatus ... ; rg:rowLabel ... ; rg:rowConfidence ... ;
#              rg:rowEvidenceCount ... ; rg:rowFirstSeen ... ; rg:rowLastSeen ... ; rg:rowRelationId ...
INDEX_GRAPH = "https://w3id.org/relgraph/ns#index"
INDEX_VERSION = 2
_RG = "https://w3id.org/relgraph/ns#"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
# Quads per call of Oxigraph's bulk loader. The loader buffers what it is given (up to about
# 2 GB per thread) before writing, so one call for the whole graph held some 650 bytes per quad
# until the end: the largest part of a build's peak memory, growing with the corpus. Batches keep
# that buffer bounded; the stored quads are the same. Each batch adds its own overlapping files,
# which made queries 2-3 times slower until compacted, so a store of several batches is compacted
# (Store.optimize, 0.3 s at 4,000 articles).
_BULK_BATCH = 100_000


def index_quads(kg: KnowledgeGraph, base_iri: str) -> Iterator[ox.Quad]:
    """The query index of a graph: per-entity relation and neighbour counts, and the
    statements that share their subject, predicate and object (graph ``INDEX_GRAPH``).

    kg: the graph being stored.
    base_iri: base of its data IRIs (as for graph.rdf.kg_quads).

    Counting relations per entity, or pairing statements of one triple, is a scan of
    every statement in SPARQL; done here once per build, ``most_connected`` and
    ``contested`` read a few index triples instead. Counts follow the Cypher of those
    queries: every statement counts, whatever its status; a statement from an entity
    to itself makes the entity its own neighbour.
    """
    from graph.rdf import Iris
    from ontology import load_ontology

    onto = load_ontology()
    iris = Iris(base_iri)
    graph = ox.NamedNode(INDEX_GRAPH)
    relations: dict[str, int] = {}
    neighbours: dict[str, set[str]] = {}
    same_triple: dict[tuple[str, str, str], list[str]] = {}
    for sid in sorted(kg.statements):
        st = kg.statements[sid]
        for a, b in ((st.subject, st.object), (st.object, st.subject)):
            neighbours.setdefault(a, set()).add(b)
        relations[st.subject] = relations.get(st.subject, 0) + 1
        if st.object != st.subject:
            relations[st.object] = relations.get(st.object, 0) + 1
        same_triple.setdefault((st.subject, st.predicate, st.object), []).append(sid)
    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=_XSD_INTEGER)

    # The order of most_connected: relations descending, then id. A rank lets the query keep
    # its first `limit` rows inside the engine instead of handing every entity to Python.
    ranked = sorted(relations, key=lambda eid: (-relations[eid], eid))
    type_seen: dict[str, int] = {}
    count_rel, count_nb = ox.NamedNode(_RG + "relationCount"), ox.NamedNode(_RG + "neighbourCount")
    rank_all, rank_type = ox.NamedNode(_RG + "relationRank"), ox.NamedNode(_RG + "typeRank")
    for i, eid in enumerate(ranked, 1):
        node = ox.NamedNode(iris.entity(eid))
        entity = kg.entities.get(eid)
        # The type as the query reads it: the local name of the entity's class IRI.
        etype = onto.entity_type(entity.type).iri.rsplit("#", 1)[-1] if entity else ""
        type_seen[etype] = type_seen.get(etype, 0) + 1
        yield ox.Quad(node, count_rel, integer(relations[eid]), graph)
        yield ox.Quad(node, count_nb, integer(len(neighbours[eid])), graph)
        yield ox.Quad(node, rank_all, integer(i), graph)
        yield ox.Quad(node, rank_type, integer(type_seen[etype]), graph)
    same = ox.NamedNode(_RG + "sameTripleAs")
    for sids in same_triple.values():
        for a in sids:
            for b in sids:
                if a != b:
                    yield ox.Quad(ox.NamedNode(iris.statement(a)), same, ox.NamedNode(iris.statement(b)), graph)
    for sid, values in sanctions_rows(kg, iris, onto):
        node = ox.NamedNode(iris.statement(sid))
        for name, value in values:
            yield ox.Quad(node, ox.NamedNode(_RG + name), value, graph)


def sanctions_rows(kg: KnowledgeGraph, iris, onto) -> list[tuple[str, list[tuple[str, ox.Literal]]]]:
    """(statement id, [(index property, value)]) of every sanctions statement, in the index graph.

    Each value is the RDF term ``queries/sanctions.rq`` returns for the statement, as the
    main graph gives it (the entities' ``rg:entityId`` and ``rdfs:label``, the status and
    relation id from their IRIs, ``rg:confidence`` as xsd:decimal, dates only when ISO), and
    ``rg:sanctionsRank`` is the statement's place in that query's order (sanctioner id, target
    id, status, relation id). The query reads each property as one scan of the sanctions
    statements, hash-joined on the statement: reading them from the main graph took one index
    lookup per value and row, and sorting compared strings read back from the store (over 20 s
    at 1M relations).
    """
    from graph.rdf import _date, _decimal, _integer

    sanctions = _RG + "sanctions"
    rows = []
    for sid in sorted(kg.statements):
        st = kg.statements[sid]
        s, t = kg.entities.get(st.subject), kg.entities.get(st.object)
        if s is None or t is None or onto.predicate(st.predicate).iri != sanctions:
            continue  # the query needs both entities' names and ids
        status = onto.status(st.status).iri.split("#", 1)[1]  # STRAFTER(STR(?status), "#")
        relation_id = iris.statement(sid).rsplit("/", 1)[-1]  # REPLACE(STR(?r), "^.*/", "")
        values = [("sanctionerId", ox.Literal(st.subject)), ("sanctionerName", ox.Literal(s.name)),
                  ("targetId", ox.Literal(st.object)), ("targetName", ox.Literal(t.name)),
                  ("rowStatus", ox.Literal(status)), ("rowLabel", ox.Literal(st.label)),
                  ("rowConfidence", _decimal(st.confidence)), ("rowEvidenceCount", _integer(len(st.evidence))),
                  ("rowRelationId", ox.Literal(relation_id))]
        for name, value in (("rowFirstSeen", st.first_seen), ("rowLastSeen", st.last_seen)):
            if (lit := _date(value)) is not None:
                values.append((name, lit))
        rows.append(((st.subject, st.object, status, relation_id), sid, values))
    rows.sort(key=lambda r: r[0])
    return [(sid, [("sanctionsRank", _integer(rank)), *values]) for rank, (_, sid, values) in enumerate(rows, 1)]


def _bulk_extend(store: ox.Store, quads: Iterator[ox.Quad]) -> int:
    """Add quads to a new store with the bulk loader, ``_BULK_BATCH`` at a time;
    returns the number of batches."""
    quads = iter(quads)
    batches = 0
    while batch := list(itertools.islice(quads, _BULK_BATCH)):
        store.bulk_extend(batch)
        batches += 1
    return batches


def text_hash(text: str) -> str:
    """SHA-1 of a document's text (the extraction cache key with id and extractor version)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedResult:
    """One line of ``extractions.jsonl``.

    result: the extraction result.
    text_sha1: hash of the document text it was extracted from.
    extractor: the ``Extractor.version`` that produced it.
    """

    result: DocumentResult
    text_sha1: str
    extractor: str


@dataclass(frozen=True)
class StoreStats:
    """What the store holds.

    path: the store directory; generation: the live generation directory name.
    documents: cached extraction results; triples: RDF triples in the graph.
    entities/statements/evidence/articles: graph counts.
    built_at: ISO timestamp of the last write; base_iri: IRIs of the data.
    """

    path: str
    generation: str
    documents: int
    triples: int
    entities: int
    statements: int
    evidence: int
    articles: int
    built_at: str
    base_iri: str


@dataclass(frozen=True)
class RetractSummary:
    """What retracting a document removed from the embedded store.

    doc_id: the document; evidence/statements/entities: how many were removed.
    """

    doc_id: str
    evidence: int
    statements: int
    entities: int


@dataclass
class _Lock:
    path: Path
    fh: Any = field(default=None, repr=False)

    def acquire(self, mode: int) -> bool:
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, mode)
            return True
        except BlockingIOError:
            self.fh.close()
            self.fh = None
            return False

    def release(self) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _to_term(name: str, value: Any):
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, float):
        return ox.Literal(value)
    if isinstance(value, str):
        return ox.Literal(value)
    if isinstance(value, tuple) and value:
        # A tuple (not a list, which is more likely a mistake) is a set of alternatives.
        return [_to_term(name, v) for v in value]
    raise QueryError(
        f"parameter {name!r}: cannot bind a {type(value).__name__}; use str, int, float, bool, pyoxigraph.NamedNode or a non-empty tuple of them"
    )


_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#integer": int,
    "http://www.w3.org/2001/XMLSchema#int": int,
    "http://www.w3.org/2001/XMLSchema#long": int,
    "http://www.w3.org/2001/XMLSchema#decimal": float,
    "http://www.w3.org/2001/XMLSchema#double": float,
    "http://www.w3.org/2001/XMLSchema#float": float,
}


def _from_term(term) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _NUMERIC:
            try:
                return _NUMERIC[dt](term.value)
            except ValueError:
                return term.value
        if dt == "http://www.w3.org/2001/XMLSchema#boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _first_group(query: str) -> int:
    """Index of the ``{`` opening the outermost WHERE group, skipping comments,
    strings and IRIs of the prologue and SELECT clause."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            nl = query.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if c in "\"'":
            long = query.startswith(c * 3, i)
            delim = c * 3 if long else c
            j = i + len(delim)
            while j < n and not query.startswith(delim, j):
                j += 2 if query[j] == "\\" else 1
            i = j + len(delim)
            continue
        if c == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])
            if m:
                i += m.end()
                continue
        if c == "{":
            return i
        i += 1
    raise QueryError("SPARQL query has no WHERE { ... } group to bind parameters into")


def bind_values(query: str, terms: Mapping[str, Any]) -> str:
    """The query with ``VALUES`` for each parameter at the start of its WHERE group.

    query: SPARQL text. terms: variable name -> pyoxigraph term.

    Terms are written in their N-Triples form, which pyoxigraph escapes
    (quotes, backslashes, newlines) and validates (IRIs), so a value can never
    become query syntax. An inline VALUES at the start of the group binds the
    variable for every pattern and FILTER of the group, like a substitution.
    (pyoxigraph's own ``substitutions`` only accepts projected variables.)
    """
    if not terms:
        return query
    at = _first_group(query) + 1
    # A list of terms (from a tuple value) is one VALUES block of its own with a row per term (the
    # variable takes each in turn, e.g. the match keys of an entity parameter).
    names = sorted(k for k, t in terms.items() if not isinstance(t, list))
    values = ""
    if names:
        values = "VALUES (" + " ".join(f"?{k}" for k in names) + ") { (" + " ".join(str(terms[k]) for k in names) + ") } "
    for k in sorted(k for k, t in terms.items() if isinstance(t, list)):
        values += f"VALUES ?{k} {{ " + " ".join(str(t) for t in terms[k]) + " } "
    return query[:at] + " " + values + query[at:]


class EmbeddedStore:
    """The on-disk store of one relgraph corpus.

    path: the store directory (created by the first :meth:`save`).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._writer: _Lock | None = None

    @contextlib.contextmanager
    def writing(self) -> Iterator["EmbeddedStore"]:
        """Hold the store's write lock for a whole read-modify-write (a build).

        Another process already writing gives a StoreError at once rather
        than a silent lost update. Re-entrant within this object.
        """
        if self._writer is not None:
            yield self
            return
        self.path.mkdir(parents=True, exist_ok=True)
        lock = _Lock(self.path / "write.lock")
        if not lock.acquire(fcntl.LOCK_EX | fcntl.LOCK_NB):
            raise StoreError(
                f"{self.path}: another relgraph build or retract is writing this store; "
                "wait for it to finish or pass another --store"
            )
        self._writer = lock
        try:
            yield self
        finally:
            self._writer = None
            lock.release()

    # --- layout -----------------------------------------------------------------------

    @property
    def _current(self) -> Path:
        return self.path / "current"

    def exists(self) -> bool:
        """True when a complete generation is live."""
        return self._current.is_symlink() and (self._current / "meta.json").is_file()

    def _live(self) -> Path:
        if not self.exists():
            raise StoreError(f"{self.path}: no relgraph store here; run relgraph build PATH first (or pass --store DIR)")
        return self.path / os.readlink(self._current)

    def meta(self) -> dict[str, Any]:
        """The live generation's ``meta.json`` (base IRI, build inputs, counts)."""
        live = self._live()
        try:
            return json.loads((live / "meta.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise StoreError(f"{live / 'meta.json'}: unreadable ({exc}); rebuild with relgraph build PATH") from exc

    @contextlib.contextmanager
    def reading(self) -> Iterator[tuple[ox.Store, dict[str, Any]]]:
        """Open the live generation read-only: yields (Oxigraph store, meta).

        A shared lock keeps a concurrent writer from deleting this generation
        while it is read.
        """
        lock = _Lock(self.path / "read.lock") if self.path.is_dir() else None
        if lock is not None:
            lock.acquire(fcntl.LOCK_SH)
        try:
            live = self._live()
            meta = self.meta()
            try:
                store = ox.Store.read_only(str(live / "oxigraph"))
            except OSError as exc:
                raise StoreError(f"{live / 'oxigraph'}: cannot open the graph store ({exc}); rebuild with relgraph build PATH") from exc
            try:
                yield store, meta
            finally:
                del store
                gc.collect()
        finally:
            if lock is not None:
                lock.release()

    # --- the extraction cache ---------------------------------------------------------

    def load_cache(self) -> dict[str, CachedResult]:
        """The extraction cache keyed by document id; empty when there is no store yet."""
        if not self.exists():
            return {}
        source = self._live() / "extractions.jsonl"
        cache: dict[str, CachedResult] = {}
        try:
            fh = open(source, encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{source}: cannot read the extraction cache ({exc.strerror}); rebuild with relgraph build PATH") from exc
        with fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                record = loads_line(line, str(source), lineno)
                try:
                    result = result_from_dict(record["result"])
                    cache[result.document.id] = CachedResult(result, record["text_sha1"], record.get("extractor", ""))
                except (KeyError, TypeError, ValueError) as exc:
                    raise StoreError(f"{source}:{lineno}: malformed cache line ({exc}); rebuild with relgraph build PATH") from exc
        return cache

    def load_results(self) -> list[DocumentResult]:
        """Every cached DocumentResult, sorted by document id (empty without a store)."""
        return [c.result for _, c in sorted(self.load_cache().items())]

    # --- writing -------------------------------------------------------------------------

    def save(
        self,
        results: Sequence[DocumentResult],
        kg: KnowledgeGraph,
        *,
        base_iri: str | None = None,
        extractor_versions: Mapping[str, str] | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Path:
        """Replace the store's content with these results and graph, atomically.

        results: every document's extraction result (the new cache, complete).
        kg: the graph built from them.
        base_iri: base IRI of the data IRIs; None keeps the live one (or the default).
        extractor_versions: doc id -> Extractor.version for the cache key; ids
            not given keep the version cached for the same text, else "".
        meta: extra build inputs to record (gazetteer and curation paths).
        Returns the new generation directory.
        """
        from graph.rdf import check_base_iri, kg_quads

        versions = dict(extractor_versions or {})
        with self.writing():
            previous = self.meta() if self.exists() else {}
            base = check_base_iri(base_iri or previous.get("base_iri") or DEFAULT_BASE_IRI)
            # The cached versions are needed only for ids extractor_versions lacks; a build
            # gives every id, so it does not read (and hold) the whole cache a second time.
            old_cache = self.load_cache() if any(versions.get(r.document.id) is None for r in results) else {}
            self._clean_up()
            tmp = Path(tempfile.mkdtemp(prefix="tmp-", dir=self.path))
            with open(tmp / "extractions.jsonl", "w", encoding="utf-8") as fh:
                for r in sorted(results, key=lambda r: r.document.id):
                    digest = text_hash(r.document.text)
                    version = versions.get(r.document.id)
                    if version is None:
                        cached = old_cache.get(r.document.id)
                        version = cached.extractor if cached and cached.text_sha1 == digest else ""
                    fh.write(dumps_line({
                        "doc_id": r.document.id, "text_sha1": digest, "extractor": version,
                        "result": result_to_dict(r),
                    }) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            ox_store = ox.Store(str(tmp / "oxigraph"))
            triples = 0
            def counted():
                nonlocal triples
                for q in kg_quads(kg, base):
                    triples += 1
                    yield q
            batches = _bulk_extend(ox_store, counted()) + _bulk_extend(ox_store, index_quads(kg, base))
            if batches > 2:
                ox_store.optimize()
            ox_store.flush()
            del ox_store
            gc.collect()
            record = {
                "format": FORMAT_VERSION,
                "base_iri": base,
                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "documents": len(results),
                "triples": triples,
                "entities": len(kg.entities),
                "statements": len(kg.statements),
                "evidence": len(kg.evidence),
                "articles": len(kg.articles),
                "index": INDEX_VERSION,
                **{k: previous.get(k) for k in ("gazetteer", "curation") if k in previous},
                **dict(meta or {}),
            }
            (tmp / "meta.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            _fsync_dir(tmp)
            return self._swap_in(tmp)

    def _next_generation(self) -> str:
        numbers = [int(m.group(1)) for p in self.path.iterdir() if (m := _GEN.match(p.name))]
        return f"gen-{max(numbers, default=0) + 1:06d}"

    def _swap_in(self, tmp: Path) -> Path:
        """Rename the finished temp dir to a generation and point ``current`` at it."""
        gen = self.path / self._next_generation()
        os.rename(tmp, gen)
        link = self.path / f".current-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(gen.name, link)
        os.replace(link, self._current)
        _fsync_dir(self.path)
        self._clean_up()
        return gen

    def _clean_up(self) -> None:
        """Remove unfinished temp dirs and old generations when no reader holds them."""
        live = os.readlink(self._current) if self._current.is_symlink() else None
        read_lock = _Lock(self.path / "read.lock")
        if not read_lock.acquire(fcntl.LOCK_EX | fcntl.LOCK_NB):
            return  # a reader is busy; the next write cleans up
        try:
            for p in self.path.iterdir():
                if p.name.startswith(".current-"):
                    p.unlink(missing_ok=True)
                elif p.is_dir() and (p.name.startswith("tmp-") or (_GEN.match(p.name) and p.name != live)):
                    shutil.rmtree(p, ignore_errors=True)
        finally:
            read_lock.release()

    # --- reading the graph -------------------------------------------------------------

    def read_graph(self) -> KnowledgeGraph:
        """The stored KnowledgeGraph, rebuilt from its RDF (the Neo4j loader reads this)."""
        from graph.rdf import kg_from_triples

        with self.reading() as (store, _meta):
            return kg_from_triples(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT (or ASK) over the stored graph with safely bound parameters.

        query: SPARQL text; the prefixes rg, rdf, rdfs, xsd, owl, skos, prov,
            dcterms, wd and ent/rel/ev/art (data IRIs) are predeclared.
        bindings: variable name (without ``?``) -> value; str/int/float/bool
            become typed literals, pyoxigraph terms pass through, a non-empty
            tuple binds the variable to each of its values in turn. Values are
            substituted as RDF terms, never pasted into the query text.
        Returns one dict per solution (variable -> Python value; IRIs as str,
        numbers as int/float, dates as ISO str, unbound as None); ASK gives
        ``[{"result": bool}]``.
        """
        from graph.rdf import PREFIXES

        terms = {k.lstrip("?$"): _to_term(k, v) for k, v in (bindings or {}).items()}
        for name in terms:
            if not _VARNAME.match(name):
                raise QueryError(f"parameter name {name!r} is not a SPARQL variable name (letters, digits, _)")
        query = bind_values(query, terms)
        with self.reading() as (store, meta):
            if "rg:index" in query and meta.get("index") != INDEX_VERSION:
                raise StoreError(
                    f"the store {self.path} was built without the query index this query reads; "
                    "run `relgraph build` again to rebuild it"
                )
            base = meta.get("base_iri", DEFAULT_BASE_IRI)
            prefixes = dict(PREFIXES, ent=base + "entity/", rel=base + "relation/",
                            ev=base + "evidence/", art=base + "article/")
            try:
                answer = store.query(query, prefixes=prefixes)
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from exc
            if isinstance(answer, ox.QueryBoolean):
                return [{"result": bool(answer)}]
            if isinstance(answer, ox.QuerySolutions):
                names = [v.value for v in answer.variables]
                return [{n: _from_term(sol[n]) for n in names} for sol in answer]
            raise QueryError("only SELECT and ASK queries are supported; CONSTRUCT/DESCRIBE belong to relgraph export")

    def stats(self) -> StoreStats:
        """Counts of the live generation (read from its meta, no graph scan)."""
        meta = self.meta()
        return StoreStats(
            path=str(self.path), generation=os.readlink(self._current),
            documents=meta.get("documents", 0), triples=meta.get("triples", 0),
            entities=meta.get("entities", 0), statements=meta.get("statements", 0),
            evidence=meta.get("evidence", 0), articles=meta.get("articles", 0),
            built_at=meta.get("built_at", ""), base_iri=meta.get("base_iri", DEFAULT_BASE_IRI),
        )

    # --- retraction ----------------------------------------------------------------------

    def retract(self, doc_id: str) -> RetractSummary:
        """Remove a document: its cached extraction, evidence and article, and any
        statement or entity left without evidence; rewrites the store atomically.

        doc_id: the document id (as ``relgraph build`` printed it).

        The graph is rebuilt from the remaining extraction results with the
        gazetteer and curation file of the last build, so the result equals a
        build that never saw the document.
        """
        with self.writing():
            return self._retract(doc_id)

    def _retract(self, doc_id: str) -> RetractSummary:
        from graph.build import graph_from_results

        cache = self.load_cache()
        if doc_id not in cache:
            known = ", ".join(sorted(cache)[:5]) + (" ..." if len(cache) > 5 else "")
            raise StoreError(f"document {doc_id!r} is not in the store {self.path}; stored ids: {known or 'none'}")
        meta = self.meta()
        before = self.read_graph()
        remaining = [c.result for k, c in sorted(cache.items()) if k != doc_id]
        kg = graph_from_results(remaining, gazetteer=meta.get("gazetteer"), curation=meta.get("curation"))
        self.save(remaining, kg, extractor_versions={k: c.extractor for k, c in cache.items() if k != doc_id})
        return RetractSummary(
            doc_id=doc_id,
            evidence=len(set(before.evidence) - set(kg.evidence)),
            statements=len(set(before.statements) - set(kg.statements)),
            entities=len(set(before.entities) - set(kg.entities)),
        )
