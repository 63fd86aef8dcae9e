"""The ontology file and its SHACL shapes: what the loader and every writer rely on."""

from __future__ import annotations

from importlib import resources

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

from ontology import NS, load_ontology, parse_ontology
from relgraph.errors import OntologyError

RG = rdflib.Namespace(NS)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_bundled_ontology_has_the_documented_vocabulary(onto):
    assert sorted(onto.entity_types) == ["Company", "Country", "GovernmentBody", "Organization", "Person", "Place"]
    assert len(onto.predicates) == 18
    assert sorted(onto.statuses) == ["asserted", "completed", "considered", "denied", "planned", "threatened"]
    assert onto.is_a("Country", "Place") and not onto.is_a("Place", "Country")


def test_every_property_the_rdf_writer_uses_is_declared(onto):
    g = rdflib.Graph().parse(data=onto.turtle, format="turtle")
    used = ["entityId", "wikidata", "lei", "ticker", "status", "displayLabel", "confidence", "role",
            "evidenceCount", "firstSeen", "lastSeen", "text", "start", "end", "attributedTo", "inArticle",
            "docId", "url"]
    undeclared = [p for p in used if (RG[p], RDF.type, OWL.DatatypeProperty) not in g
                  and (RG[p], RDF.type, OWL.ObjectProperty) not in g]
    assert undeclared == []
    assert (RG.url, RDFS.range, rdflib.XSD.anyURI) in g


def test_adding_a_predicate_is_an_edit_to_the_turtle_only(onto):
    extra = onto.turtle + """
rg:licenses-to a owl:ObjectProperty ; rdfs:label "licenses to"@en ;
    rg:key "licenses-to" ; rg:neo4jType "LICENSES_TO" ;
    rg:allowedSubject rg:Company ; rg:allowedObject rg:Company .
"""
    bigger = parse_ontology(extra, "test")
    assert bigger.predicate("licenses-to").neo4j_type == "LICENSES_TO"
    assert bigger.allows("licenses-to", "Company", "Company")


def test_a_predicate_pointing_at_an_undeclared_class_names_it(onto):
    bad = onto.turtle + """
rg:employs a owl:ObjectProperty ; rg:key "employs" ; rg:neo4jType "EMPLOYS" ;
    rg:allowedSubject rg:Company ; rg:allowedObject rg:Robot .
"""
    with pytest.raises(OntologyError, match=r"bad\.ttl: predicate employs: allowed type Robot is not declared"):
        parse_ontology(bad, "bad.ttl")


def test_shapes_target_classes_declared_in_the_ontology(onto):
    shapes = rdflib.Graph().parse(
        data=resources.files("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    g = rdflib.Graph().parse(data=onto.turtle, format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets == {RG.Entity, RG.RelationStatement, RG.Evidence, RG.Article}
    assert all((t, RDF.type, OWL.Class) in g for t in targets)
    # Every property a shape constrains in the rg: namespace is declared in the ontology.
    paths = {p for p in shapes.objects(None, SH.path) if str(p).startswith(NS)}
    declared = set(g.subjects(RDF.type, OWL.DatatypeProperty)) | set(g.subjects(RDF.type, OWL.ObjectProperty)) \
        | set(g.subjects(RDF.type, OWL.AnnotationProperty))
    assert paths - declared == set()
