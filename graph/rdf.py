"""The KnowledgeGraph as RDF: writing quads, reading them back, exporting
and validating.

The shape is the one of ``docs/architecture.md`` and ``docs/rdf.md``:
entities typed by ontology classes, a direct triple per relation (except
denied ones, see :func:`kg_quads`), a ``rg:RelationStatement`` node per
relation carrying status, confidence, role, dates and ``prov:wasDerivedFrom``
links to ``rg:Evidence`` sentences, which point to their ``rg:Article``.

Everything here works on pyoxigraph terms so that large graphs stream from
the store to the output file without a second in-memory graph.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator
from urllib.parse import quote

import pyoxigraph as ox

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement
from ontology import NS, Ontology, load_ontology
from graph.keys import entity_keys
from relgraph.config import DEFAULT_BASE_IRI
from relgraph.errors import DataFileError, ExportError, InputError

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
WD = "http://www.wikidata.org/entity/"
ONTOLOGY_GRAPH = "https://w3id.org/relgraph/ns"

PREFIXES = {
    "rg": NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS,
    "prov": PROV, "dcterms": DCTERMS, "wd": WD,
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_TYPE = _n(RDF + "type")
_XSD_DATE = _n(XSD + "date")
_XSD_DECIMAL = _n(XSD + "decimal")
_XSD_INTEGER = _n(XSD + "integer")
_XSD_ANYURI = _n(XSD + "anyURI")


@dataclass(frozen=True)
class Iris:
    """Data IRIs under one base IRI.

    base: the base IRI, ending in ``/`` or ``#``.
    """

    base: str

    def entity(self, eid: str) -> str:
        return f"{self.base}entity/{eid}"

    def statement(self, sid: str) -> str:
        return f"{self.base}relation/{sid}"

    def evidence(self, evid: str) -> str:
        return f"{self.base}evidence/{evid}"

    def article(self, doc_id: str) -> str:
        return f"{self.base}article/{quote(doc_id, safe='')}"


def check_base_iri(base_iri: str) -> str:
    """The base IRI if it is absolute and ends in ``/`` or ``#``.

    base_iri: the IRI to check; raises ExportError naming it otherwise.
    """
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+[/#]$", base_iri or ""):
        raise ExportError(
            f"base IRI {base_iri!r} must be an absolute IRI ending in '/' or '#', e.g. {DEFAULT_BASE_IRI}"
        )
    return base_iri


def _decimal(value: float) -> ox.Literal:
    # xsd:decimal has no exponent form; six places hold every confidence we emit.
    text = format(Decimal(str(round(float(value), 6))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return ox.Literal(text, datatype=_XSD_DECIMAL)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


def _date(value: str | None) -> ox.Literal | None:
    # Readers normalise dates to ISO; anything else would be an invalid xsd:date.
    if value and _ISO_DATE.match(value):
        return ox.Literal(value, datatype=_XSD_DATE)
    return None


def _string(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def kg_triples(kg: KnowledgeGraph, base_iri: str = DEFAULT_BASE_IRI, ontology: Ontology | None = None) -> Iterator[ox.Triple]:
    """The RDF triples of a knowledge graph, in a deterministic order.

    kg: the graph to write.
    base_iri: base of entity/relation/evidence/article IRIs.
    ontology: the vocabulary (entity classes, predicate and status IRIs);
        None for the bundled one.

    A denied relation gets its statement node but no direct triple: a direct
    ``subject predicate object`` triple would assert what the text denies.
    """
    onto = ontology or load_ontology()
    iris = Iris(check_base_iri(base_iri))
    T = ox.Triple
    p = {name: _n(iri) for name, iri in {
        "entityId": NS + "entityId", "label": RDFS + "label", "pref": SKOS + "prefLabel",
        "alt": SKOS + "altLabel", "sameAs": OWL + "sameAs", "wikidata": NS + "wikidata",
        "lei": NS + "lei", "ticker": NS + "ticker", "subject": RDF + "subject",
        "predicate": RDF + "predicate", "object": RDF + "object", "status": NS + "status",
        "displayLabel": NS + "displayLabel", "confidence": NS + "confidence", "role": NS + "role",
        "evidenceCount": NS + "evidenceCount", "firstSeen": NS + "firstSeen",
        "lastSeen": NS + "lastSeen", "derived": PROV + "wasDerivedFrom", "text": NS + "text",
        "start": NS + "start", "end": NS + "end", "attributedTo": NS + "attributedTo",
        "inArticle": NS + "inArticle", "docId": NS + "docId", "title": DCTERMS + "title",
        "date": DCTERMS + "date", "url": NS + "url", "publisher": DCTERMS + "publisher",
        "matchKey": NS + "matchKey",
    }.items()}
    statement_cls = _n(NS + "RelationStatement")
    evidence_cls = _n(NS + "Evidence")
    article_cls = _n(NS + "Article")
    denied = onto.statuses.get("denied")

    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        s = _n(iris.entity(eid))
        yield T(s, _TYPE, _n(onto.entity_type(e.type).iri))
        yield T(s, p["entityId"], ox.Literal(eid))
        yield T(s, p["label"], ox.Literal(e.name))
        yield T(s, p["pref"], ox.Literal(e.name))
        for text, lang in sorted(set(e.aliases), key=lambda a: (a[0], a[1] or "")):
            if text != e.name or lang:
                yield T(s, p["alt"], _string(text, lang))
        if e.wikidata:
            yield T(s, p["sameAs"], _n(WD + e.wikidata))
            yield T(s, p["wikidata"], ox.Literal(e.wikidata))
        if e.lei:
            yield T(s, p["lei"], ox.Literal(e.lei))
        if e.ticker:
            yield T(s, p["ticker"], ox.Literal(e.ticker))
        # Derived lookup keys (graph.keys): an entity parameter of a prepared
        # query is bound to keys and found by index, not by a scan of names.
        for key in entity_keys(e):
            yield T(s, p["matchKey"], ox.Literal(key))

    seen_direct: set[tuple[str, str, str]] = set()
    for sid in sorted(kg.statements):
        st = kg.statements[sid]
        subj, obj = _n(iris.entity(st.subject)), _n(iris.entity(st.object))
        pred = _n(onto.predicate(st.predicate).iri)
        status = onto.status(st.status)
        direct = (st.subject, st.predicate, st.object)
        # Two statuses of one pair (planned, then completed) share one direct triple.
        if (denied is None or status.key != denied.key) and direct not in seen_direct:
            seen_direct.add(direct)
            yield T(subj, pred, obj)
        s = _n(iris.statement(sid))
        yield T(s, _TYPE, statement_cls)
        yield T(s, p["subject"], subj)
        yield T(s, p["predicate"], pred)
        yield T(s, p["object"], obj)
        yield T(s, p["status"], _n(status.iri))
        yield T(s, p["displayLabel"], ox.Literal(st.label))
        yield T(s, p["confidence"], _decimal(st.confidence))
        if st.role:
            yield T(s, p["role"], ox.Literal(st.role))
        yield T(s, p["evidenceCount"], _integer(len(st.evidence)))
        for key, value in (("firstSeen", st.first_seen), ("lastSeen", st.last_seen)):
            lit = _date(value)
            if lit is not None:
                yield T(s, p[key], lit)
        for evid in sorted(st.evidence):
            yield T(s, p["derived"], _n(iris.evidence(evid)))

    for evid in sorted(kg.evidence):
        ev = kg.evidence[evid]
        s = _n(iris.evidence(evid))
        yield T(s, _TYPE, evidence_cls)
        yield T(s, p["text"], ox.Literal(ev.text))
        yield T(s, p["start"], _integer(ev.start))
        yield T(s, p["end"], _integer(ev.end))
        if ev.attributed_to:
            yield T(s, p["attributedTo"], ox.Literal(ev.attributed_to))
        yield T(s, p["inArticle"], _n(iris.article(ev.doc_id)))

    for doc_id in sorted(kg.articles):
        a = kg.articles[doc_id]
        s = _n(iris.article(doc_id))
        yield T(s, _TYPE, article_cls)
        yield T(s, p["docId"], ox.Literal(doc_id))
        if a.title:
            yield T(s, p["title"], ox.Literal(a.title))
        lit = _date(a.date)
        if lit is not None:
            yield T(s, p["date"], lit)
        if a.url:
            yield T(s, p["url"], ox.Literal(a.url, datatype=_XSD_ANYURI))
        if a.source:
            yield T(s, p["publisher"], ox.Literal(a.source))


def kg_quads(kg: KnowledgeGraph, base_iri: str = DEFAULT_BASE_IRI, ontology: Ontology | None = None) -> Iterator[ox.Quad]:
    """:func:`kg_triples` as quads in the default graph (what the store holds)."""
    for t in kg_triples(kg, base_iri, ontology):
        yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())


def ontology_triples(ontology: Ontology | None = None) -> list[ox.Triple]:
    """The ontology's own triples (parsed from its Turtle)."""
    onto = ontology or load_ontology()
    return [q.triple for q in ox.parse(onto.turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)]


# --- reading back ----------------------------------------------------------------------


def _value(term) -> str:
    return term.value


def kg_from_triples(triples: Iterable[ox.Triple | ox.Quad], ontology: Ontology | None = None) -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from triples in the shape :func:`kg_triples` writes.

    triples: triples or quads (graph names are ignored).
    ontology: the vocabulary used to map class, predicate and status IRIs to keys.
    """
    onto = ontology or load_ontology()
    class_key = {et.iri: et.key for et in onto.entity_types.values()}
    pred_key = {pr.iri: pr.key for pr in onto.predicates.values()}
    status_key = {st.iri: st.key for st in onto.statuses.values()}

    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode):
            continue
        by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)

    def one(props: dict, iri: str):
        values = props.get(iri)
        return values[0] if values else None

    def text(props: dict, iri: str) -> str | None:
        v = one(props, iri)
        return None if v is None else v.value

    kg = KnowledgeGraph()
    entity_by_iri: dict[str, str] = {}
    article_by_iri: dict[str, str] = {}
    for iri, props in by_subject.items():
        types = {t.value for t in props.get(RDF + "type", ())}
        ekeys = sorted(class_key[t] for t in types if t in class_key)
        if ekeys and NS + "entityId" in props:
            eid = text(props, NS + "entityId")
            aliases = sorted(
                ((lit.value, lit.language) for lit in props.get(SKOS + "altLabel", ())),
                key=lambda a: (a[0], a[1] or ""),
            )
            kg.entities[eid] = Entity(
                id=eid, name=text(props, RDFS + "label") or eid, type=ekeys[0], aliases=aliases,
                wikidata=text(props, NS + "wikidata"), lei=text(props, NS + "lei"),
                ticker=text(props, NS + "ticker"),
            )
            entity_by_iri[iri] = eid
        elif NS + "Article" in types:
            doc_id = text(props, NS + "docId")
            kg.articles[doc_id] = Article(
                id=doc_id, title=text(props, DCTERMS + "title"), date=text(props, DCTERMS + "date"),
                url=text(props, NS + "url"), source=text(props, DCTERMS + "publisher"),
            )
            article_by_iri[iri] = doc_id

    evidence_by_iri: dict[str, str] = {}
    for iri, props in by_subject.items():
        types = {t.value for t in props.get(RDF + "type", ())}
        if NS + "Evidence" in types:
            evid = iri.rsplit("/", 1)[-1]
            art = one(props, NS + "inArticle")
            kg.evidence[evid] = Evidence(
                id=evid, doc_id=article_by_iri.get(art.value, "") if art is not None else "",
                text=text(props, NS + "text") or "", start=int(text(props, NS + "start") or 0),
                end=int(text(props, NS + "end") or 0), attributed_to=text(props, NS + "attributedTo"),
            )
            evidence_by_iri[iri] = evid
    for iri, props in by_subject.items():
        types = {t.value for t in props.get(RDF + "type", ())}
        if NS + "RelationStatement" in types:
            sid = iri.rsplit("/", 1)[-1]
            kg.statements[sid] = Statement(
                id=sid,
                subject=entity_by_iri[one(props, RDF + "subject").value],
                predicate=pred_key[one(props, RDF + "predicate").value],
                object=entity_by_iri[one(props, RDF + "object").value],
                status=status_key[one(props, NS + "status").value],
                label=text(props, NS + "displayLabel") or "",
                role=text(props, NS + "role"),
                confidence=float(text(props, NS + "confidence") or 0.0),
                evidence=sorted(evidence_by_iri[e.value] for e in props.get(PROV + "wasDerivedFrom", ())),
                first_seen=text(props, NS + "firstSeen"),
                last_seen=text(props, NS + "lastSeen"),
            )
    for attr in ("entities", "statements", "evidence", "articles"):
        setattr(kg, attr, dict(sorted(getattr(kg, attr).items())))
    return kg


# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exporter:
    """One export format, registered under its short name.

    name: the short name (``ttl``).
    rdf_format: the pyoxigraph serialisation format.
    dataset: True when the format carries named graphs (N-Quads): the ontology
        then goes into its own graph ``<https://w3id.org/relgraph/ns>``.
    description: one line for ``--help`` and docs.
    """

    name: str
    rdf_format: ox.RdfFormat
    dataset: bool
    description: str


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    """Add an export format to the registry (the last registration wins)."""
    EXPORTERS[exporter.name] = exporter
    return exporter


register_exporter(Exporter("ttl", ox.RdfFormat.TURTLE, False, "Turtle, with prefixes"))
register_exporter(Exporter("nt", ox.RdfFormat.N_TRIPLES, False, "N-Triples, one triple per line"))
register_exporter(Exporter("nq", ox.RdfFormat.N_QUADS, True, "N-Quads: data in the default graph, the ontology in its own graph"))
register_exporter(Exporter("jsonld", ox.RdfFormat.JSON_LD, False, "JSON-LD (expanded, streamed by Oxigraph)"))


def exporter(name: str) -> Exporter:
    """The exporter named ``name``; ExportError lists the valid names."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; valid formats: {', '.join(sorted(EXPORTERS))}") from None


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote.

    format: the format name; out: the file path or ``-``; triples: statements written.
    """

    format: str
    out: str
    triples: int


class _Counter:
    def __init__(self, items: Iterable):
        self.items = items
        self.count = 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _rebase(term, old: str, new: str):
    if old == new or not isinstance(term, ox.NamedNode) or not term.value.startswith(old):
        return term
    return ox.NamedNode(new + term.value[len(old):])


def write_triples(
    triples: Iterable[ox.Triple],
    fmt: str,
    out: str | Path | BinaryIO | None,
    *,
    include_ontology: bool = True,
    ontology: Ontology | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
    source_base_iri: str | None = None,
) -> ExportSummary:
    """Serialise data triples (plus the ontology) to a file or stdout, streaming.

    triples: the data triples (the store's default graph, or :func:`kg_triples`).
    fmt: an export format name (see :data:`EXPORTERS`).
    out: a path, a binary file object, or None / ``-`` for stdout.
    include_ontology: ship the ontology's triples too.
    ontology: the vocabulary to ship; None for the bundled one.
    base_iri: base IRI of the output data IRIs.
    source_base_iri: base IRI the triples were written with; IRIs under it are
        rewritten to ``base_iri`` on the fly (no second copy of the graph).
    """
    exp = exporter(fmt)
    check_base_iri(base_iri)
    old = source_base_iri or base_iri

    def stream() -> Iterator:
        if old == base_iri and not exp.dataset:
            yield from triples  # the common case: no per-triple Python work
        else:
            for t in triples:
                t = ox.Triple(_rebase(t.subject, old, base_iri), t.predicate, _rebase(t.object, old, base_iri))
                yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) if exp.dataset else t
        if include_ontology:
            graph = ox.NamedNode(ONTOLOGY_GRAPH)
            for t in ontology_triples(ontology):
                yield ox.Quad(t.subject, t.predicate, t.object, graph) if exp.dataset else t

    counted = _Counter(stream())
    prefixes = dict(PREFIXES, ent=base_iri + "entity/", rel=base_iri + "relation/",
                    ev=base_iri + "evidence/", art=base_iri + "article/")
    kwargs = {"prefixes": prefixes} if exp.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    name = "-"
    try:
        if out is None or str(out) == "-":
            target = sys.stdout.buffer
            ox.serialize(counted, target, exp.rdf_format, **kwargs)
            target.flush()
        elif isinstance(out, (str, Path)):
            name = str(out)
            path = Path(out)
            if path.parent and not path.parent.is_dir():
                raise ExportError(f"{out}: directory {path.parent} does not exist; create it or choose another --out")
            # Write beside the target and rename, so a failed export never leaves half a file.
            tmp = path.with_name(f".{path.name}.tmp")
            try:
                with open(tmp, "wb") as fh:
                    ox.serialize(counted, fh, exp.rdf_format, **kwargs)
                tmp.replace(path)
            finally:
                tmp.unlink(missing_ok=True)
        else:
            ox.serialize(counted, out, exp.rdf_format, **kwargs)
            name = getattr(out, "name", "<stream>")
    except BrokenPipeError:
        raise  # the reader went away (| head); the CLI exits quietly
    except OSError as exc:
        raise ExportError(f"{name}: cannot write export: {exc.strerror or exc}") from exc
    return ExportSummary(format=exp.name, out=name, triples=counted.count)


def export_graph(
    kg: KnowledgeGraph,
    fmt: str,
    out: str | Path | BinaryIO | None,
    base_iri: str = DEFAULT_BASE_IRI,
    *,
    include_ontology: bool = True,
    ontology: Ontology | None = None,
) -> ExportSummary:
    """Export an in-memory KnowledgeGraph (e.g. one read from Neo4j).

    kg: the graph.
    fmt: ``ttl``, ``nt``, ``nq`` or ``jsonld``.
    out: path, binary file object, or None / ``-`` for stdout.
    base_iri: base IRI for data IRIs.
    include_ontology: ship the ontology too.
    ontology: vocabulary; None for the bundled one.
    """
    return write_triples(
        kg_triples(kg, base_iri, ontology), fmt, out,
        include_ontology=include_ontology, ontology=ontology, base_iri=base_iri,
    )


def export_store(
    store_path: str | Path,
    fmt: str,
    out: str | Path | BinaryIO | None,
    base_iri: str | None = None,
    *,
    include_ontology: bool = True,
) -> ExportSummary:
    """Export the embedded store, streaming its quads (what ``relgraph export`` runs).

    store_path: the store directory.
    fmt: ``ttl``, ``nt``, ``nq`` or ``jsonld``.
    out: path, binary file object, or None / ``-`` for stdout.
    base_iri: base IRI of the output; None keeps the one the store was built with.
    include_ontology: ship the ontology too.
    """
    from graph.store import EmbeddedStore

    store = EmbeddedStore(store_path)
    with store.reading() as (ox_store, meta):
        source_base = meta.get("base_iri", DEFAULT_BASE_IRI)
        triples = (q.triple for q in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return write_triples(
            triples, fmt, out, include_ontology=include_ontology,
            base_iri=base_iri or source_base, source_base_iri=source_base,
        )


def export_neo4j(settings, fmt: str, out, base_iri: str, *, include_ontology: bool = True) -> ExportSummary:
    """Export the graph held in Neo4j (read with ``graph.neo4j_writer.read_graph``).

    settings: Neo4jSettings; the other arguments as for :func:`export_graph`.
    """
    from graph import neo4j_writer  # written by the Neo4j engineer

    driver = neo4j_writer.connect(settings)
    try:
        kg = neo4j_writer.read_graph(driver, database=settings.database)
    finally:
        driver.close()
    return export_graph(kg, fmt, out, base_iri, include_ontology=include_ontology)


def export(settings, fmt: str, out, *, base_iri: str | None = None, source: str = "embedded",
           include_ontology: bool = True) -> ExportSummary:
    """Run ``relgraph export``: from the embedded store or from Neo4j.

    settings: relgraph Settings (store path, base IRI, Neo4j connection).
    fmt: export format name. out: path or ``-``.
    base_iri: output base IRI; None for the store's (embedded) or the settings' (neo4j).
    source: ``embedded`` or ``neo4j``.
    include_ontology: ship the ontology too.
    """
    exporter(fmt)
    if base_iri is not None:
        check_base_iri(base_iri)
    if source == "embedded":
        return export_store(settings.store, fmt, out, base_iri, include_ontology=include_ontology)
    if source == "neo4j":
        return export_neo4j(settings.neo4j, fmt, out, base_iri or settings.base_iri, include_ontology=include_ontology)
    raise ExportError(f"unknown source {source!r}; valid sources: embedded, neo4j")


# --- SHACL validation --------------------------------------------------------------------

_FORMATS_BY_SUFFIX = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".trig": "trig", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: focus node, property path (or None), severity, message."""

    focus: str
    path: str | None
    severity: str
    message: str


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of :func:`validate_file`.

    conforms: True when no violation was found.
    triples: triples read from the file.
    violations: the SHACL results, sorted by focus node.
    """

    conforms: bool
    triples: int
    violations: tuple[Violation, ...]


def load_shapes():
    """The bundled SHACL shapes (``ontology/shapes.ttl``) as an rdflib Graph."""
    from importlib import resources

    import rdflib

    text = resources.files("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    g = rdflib.Graph()
    try:
        g.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated parser errors
        raise DataFileError(f"ontology/shapes.ttl: not valid Turtle: {exc}".splitlines()[0]) from exc
    return g


def validate_graph(data) -> ValidationResult:
    """Validate an rdflib Graph or Dataset against the bundled shapes.

    data: the rdflib graph; the ontology is mixed in so that class targets
        reach subclasses even when the data was exported with ``--no-ontology``.
    """
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    merged = rdflib.Graph()
    if isinstance(data, rdflib.Dataset):
        for s, p, o, _g in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for triple in data:
            merged.add(triple)
    triples = len(merged)
    # The vocabulary is merged in (not ont_graph, which pyshacl mixes in only
    # with inference) so that class targets and predicate checks always work.
    merged.parse(data=load_ontology().turtle, format="turtle")
    conforms, report, _text = pyshacl.validate(
        merged, shacl_graph=load_shapes(), inference="none",
        advanced=True, allow_warnings=True,
    )
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        violations.append(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=None if path is None else str(path),
            severity=str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            message=str(report.value(result, SH.resultMessage) or ""),
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationResult(conforms=bool(conforms), triples=triples, violations=tuple(violations))


def validate_file(path: str | Path, fmt: str | None = None) -> ValidationResult:
    """Parse an RDF file and validate it against the SHACL shapes (``relgraph validate``).

    path: the file; its format is taken from the suffix unless fmt is given.
    fmt: an rdflib format name (``turtle``, ``nt``, ``nquads``, ``json-ld``).
    """
    import rdflib

    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), None, "no such file; give an export written by relgraph export --out FILE")
    rdf_format = fmt or _FORMATS_BY_SUFFIX.get(p.suffix.lower())
    if rdf_format is None:
        raise InputError(
            str(path), None,
            f"cannot tell the RDF format from the suffix {p.suffix!r}; "
            f"use one of {', '.join(sorted(_FORMATS_BY_SUFFIX))} or --format",
        )
    data = rdflib.Dataset() if rdf_format in ("nquads", "trig") else rdflib.Graph()
    try:
        data.parse(str(p), format=rdf_format)
    except Exception as exc:  # rdflib parsers raise many unrelated types
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(str(path), None, f"not valid {rdf_format}: {first}") from exc
    return validate_graph(data)
