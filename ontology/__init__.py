"""The relgraph ontology, loaded once into frozen objects.

The Turtle file ``relgraph.ttl`` beside this module is the single source of
truth. Extraction reads domain and range from it, the Neo4j writer reads
labels, relationship types and constraints, and the RDF exporter ships it.

Example::

    >>> from ontology import load_ontology
    >>> onto = load_ontology()
    >>> onto.predicate("sanctions").neo4j_type
    'SANCTIONS'
    >>> onto.allows("works-for", "Person", "Company")
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from relgraph.errors import OntologyError

NS = "https://w3id.org/relgraph/ns#"
DEFAULT_PATH = "relgraph.ttl"

# Neo4j names are checked against these before any query text uses them.
_NEO4J_NAME = re.compile(r"^[A-Z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class EntityType:
    """An entity class, e.g. ``Company``.

    key: canonical name used in records (``Company``).
    iri: the class IRI.
    label: human label.
    neo4j_label: node label in Neo4j (every entity also has ``Entity``).
    parent: key of the parent entity class, or None under ``Entity``.
    """

    key: str
    iri: str
    label: str
    comment: str
    neo4j_label: str
    parent: str | None


@dataclass(frozen=True)
class Predicate:
    """A relation predicate, e.g. ``sanctions``.

    key: canonical name (``bids-for``).
    iri: the property IRI.
    neo4j_type: Neo4j relationship type (``BIDS_FOR``).
    subject_types / object_types: entity type keys allowed as subject/object.
    symmetric: emitted once per pair, in canonical order.
    """

    key: str
    iri: str
    label: str
    comment: str
    neo4j_type: str
    subject_types: frozenset[str]
    object_types: frozenset[str]
    symmetric: bool


@dataclass(frozen=True)
class Status:
    """A relation status (SKOS concept), e.g. ``considered``."""

    key: str
    iri: str
    definition: str


@dataclass(frozen=True)
class Ontology:
    """The whole vocabulary. Mappings are read-only and keyed by ``key``."""

    namespace: str
    entity_types: Mapping[str, EntityType]
    predicates: Mapping[str, Predicate]
    statuses: Mapping[str, Status]
    source: str
    turtle: str

    def predicate(self, key: str) -> Predicate:
        """The predicate named ``key``; OntologyError lists valid names."""
        try:
            return self.predicates[key]
        except KeyError:
            raise OntologyError(
                f"unknown predicate {key!r}; valid predicates: {', '.join(sorted(self.predicates))}"
            ) from None

    def entity_type(self, key: str) -> EntityType:
        """The entity type named ``key``; OntologyError lists valid names."""
        try:
            return self.entity_types[key]
        except KeyError:
            raise OntologyError(
                f"unknown entity type {key!r}; valid types: {', '.join(sorted(self.entity_types))}"
            ) from None

    def status(self, key: str) -> Status:
        try:
            return self.statuses[key]
        except KeyError:
            raise OntologyError(
                f"unknown status {key!r}; valid statuses: {', '.join(sorted(self.statuses))}"
            ) from None

    def is_a(self, type_key: str, ancestor: str) -> bool:
        """True when ``type_key`` is ``ancestor`` or one of its subclasses."""
        seen = type_key
        while seen is not None:
            if seen == ancestor:
                return True
            et = self.entity_types.get(seen)
            seen = et.parent if et else None
        return False

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """Whether the predicate's domain and range admit these entity types
        (a subclass is admitted where its parent is)."""
        p = self.predicate(predicate)
        return any(self.is_a(subject_type, t) for t in p.subject_types) and any(
            self.is_a(object_type, t) for t in p.object_types
        )

    def labels_for(self, type_key: str) -> tuple[str, ...]:
        """Neo4j labels of an entity of this type: ``("Entity", "Company")``."""
        return ("Entity", self.entity_type(type_key).neo4j_label)


def _text(graph, subject, predicate) -> str:
    for value in graph.objects(subject, predicate):
        return str(value)
    return ""


def _local_key(iri: str) -> str:
    return iri[len(NS):] if iri.startswith(NS) else iri


def parse_ontology(turtle: str, source: str = "<string>") -> Ontology:
    """Parse and validate ontology Turtle into an :class:`Ontology`.

    Raises OntologyError naming the source when the file is malformed or a
    predicate refers to an undeclared class or has an unsafe Neo4j name.
    """
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    graph = rdflib.Graph()
    try:
        graph.parse(data=turtle, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types
        raise OntologyError(f"{source}: not valid Turtle: {exc}".splitlines()[0]) from exc
    rg = rdflib.Namespace(NS)

    entity_types: dict[str, EntityType] = {}
    for cls in graph.subjects(RDFS.subClassOf, None):
        key = _text(graph, cls, rg.key)
        label = _text(graph, cls, rg.neo4jLabel)
        if not key or not label:
            continue  # provenance classes carry no key
        parent = None
        for sup in graph.objects(cls, RDFS.subClassOf):
            sk = _local_key(str(sup))
            if sk != "Entity":
                parent = sk
        if not _NEO4J_NAME.match(label):
            raise OntologyError(f"{source}: class {key}: Neo4j label {label!r} is not a safe name")
        entity_types[key] = EntityType(
            key=key, iri=str(cls), label=_text(graph, cls, RDFS.label) or key,
            comment=_text(graph, cls, RDFS.comment), neo4j_label=label, parent=parent,
        )
    for et in entity_types.values():
        if et.parent is not None and et.parent not in entity_types:
            raise OntologyError(f"{source}: class {et.key}: parent {et.parent} is not an entity class")

    predicates: dict[str, Predicate] = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        ntype = _text(graph, prop, rg.neo4jType)
        if not ntype:
            continue  # structural properties (status, inArticle)
        key = _text(graph, prop, rg.key) or _local_key(str(prop))
        if not _NEO4J_NAME.match(ntype):
            raise OntologyError(f"{source}: predicate {key}: Neo4j type {ntype!r} is not a safe name")
        subj = frozenset(_local_key(str(o)) for o in graph.objects(prop, rg.allowedSubject))
        obj = frozenset(_local_key(str(o)) for o in graph.objects(prop, rg.allowedObject))
        for t in subj | obj:
            if t not in entity_types:
                raise OntologyError(
                    f"{source}: predicate {key}: allowed type {t} is not declared; "
                    f"declared: {', '.join(sorted(entity_types))}"
                )
        if not subj or not obj:
            raise OntologyError(f"{source}: predicate {key}: needs rg:allowedSubject and rg:allowedObject")
        predicates[key] = Predicate(
            key=key, iri=str(prop), label=_text(graph, prop, RDFS.label) or key,
            comment=_text(graph, prop, RDFS.comment), neo4j_type=ntype,
            subject_types=subj, object_types=obj,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
        )
    if len({p.neo4j_type for p in predicates.values()}) != len(predicates):
        raise OntologyError(f"{source}: two predicates share a Neo4j relationship type")

    statuses: dict[str, Status] = {}
    for concept in graph.subjects(RDF.type, rg.Status):
        key = _text(graph, concept, rg.key) or _local_key(str(concept))
        statuses[key] = Status(key=key, iri=str(concept), definition=_text(graph, concept, SKOS.definition))

    if not predicates or not entity_types or not statuses:
        raise OntologyError(f"{source}: needs entity classes, predicates and statuses")
    return Ontology(
        namespace=NS,
        entity_types=MappingProxyType(dict(sorted(entity_types.items()))),
        predicates=MappingProxyType(dict(sorted(predicates.items()))),
        statuses=MappingProxyType(statuses),
        source=source,
        turtle=turtle,
    )


@lru_cache(maxsize=8)
def load_ontology(path: str | None = None) -> Ontology:
    """Load the ontology once (cached per path).

    path: a Turtle file; None for the bundled ``relgraph.ttl``.
    """
    if path is None:
        text = resources.files(__name__).joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
        return parse_ontology(text, source=f"ontology/{DEFAULT_PATH}")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyError(f"{path}: cannot read ontology: {exc.strerror}") from exc
    return parse_ontology(text, source=str(path))
