"""RDF export: every format parses with rdflib and with Oxigraph to the same
triples, conforms to the SHACL shapes, and carries status, provenance,
aliases and authority ids the way docs/rdf.md says."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from graph import rdf
from graph.model import KnowledgeGraph
from graph.store import EmbeddedStore
from relgraph.cli import cli
from relgraph.errors import ExportError
from tests.queries.fixtures import HOSTILE, example_graph

RG = rdflib.Namespace("https://w3id.org/relgraph/ns#")
ENT = rdflib.Namespace("https://w3id.org/relgraph/id/entity/")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS}


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return example_graph()


def export_bytes(kg: KnowledgeGraph, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    rdf.export_graph(kg, fmt, buf, **kw)
    return buf.getvalue()


def rdflib_parse(data: bytes, fmt: str):
    g = rdflib.Dataset() if fmt == "nq" else rdflib.Graph()
    g.parse(data=data, format=RDFLIB_FORMAT[fmt])
    return g


def rdflib_count(g) -> int:
    if isinstance(g, rdflib.Dataset):
        return sum(1 for _ in g.quads((None, None, None, None)))
    return len(g)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq"])
def test_rdflib_and_oxigraph_read_the_same_number_of_triples(kg, fmt):
    data = export_bytes(kg, fmt)
    ox_count = sum(1 for _ in ox.parse(data, format=OX_FORMAT[fmt]))
    assert rdflib_count(rdflib_parse(data, fmt)) == ox_count
    # Every format holds the same statements (nq adds only graph names).
    assert ox_count == sum(1 for _ in ox.parse(export_bytes(kg, "nt"), format=ox.RdfFormat.N_TRIPLES))


def test_jsonld_parses_with_rdflib_to_the_turtle_triples(kg):
    from rdflib.compare import isomorphic

    assert isomorphic(rdflib_parse(export_bytes(kg, "jsonld"), "jsonld"), rdflib_parse(export_bytes(kg, "ttl"), "ttl"))


def test_nquads_put_the_ontology_in_its_own_graph(kg):
    quads = list(ox.parse(export_bytes(kg, "nq"), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name for q in quads}
    assert graphs == {ox.DefaultGraph(), ox.NamedNode(rdf.ONTOLOGY_GRAPH)}
    onto = [q for q in quads if q.graph_name == ox.NamedNode(rdf.ONTOLOGY_GRAPH)]
    assert len(onto) == len(rdf.ontology_triples())


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "jsonld"])
def test_every_export_format_conforms_to_the_shapes(kg, fmt, tmp_path):
    out = tmp_path / f"graph.{fmt}"
    rdf.export_graph(kg, fmt, out)
    result = rdf.validate_file(out)
    assert result.conforms, result.violations
    assert result.triples > 500


def test_export_without_ontology_still_conforms(kg, tmp_path):
    out = tmp_path / "data.ttl"
    with_onto = rdf.export_graph(kg, "ttl", tmp_path / "all.ttl").triples
    without = rdf.export_graph(kg, "ttl", out, include_ontology=False).triples
    assert without == with_onto - len(rdf.ontology_triples())
    assert rdf.validate_file(out).conforms


def test_validation_reports_focus_node_and_message_for_broken_data(kg, tmp_path):
    lines = export_bytes(kg, "nt").decode("utf-8").splitlines()
    # Drop the article link of one evidence sentence and its statement's evidence count.
    victim = next(l for l in lines if "/ns#inArticle>" in l)
    focus = victim.split(" ")[0].strip("<>")
    bad = tmp_path / "bad.nt"
    bad.write_text("\n".join(l for l in lines if l != victim) + "\n", encoding="utf-8")
    result = rdf.validate_file(bad)
    assert not result.conforms
    assert [v.focus for v in result.violations] == [focus]
    assert "rg:inArticle" in result.violations[0].message


def test_considered_sanction_has_statement_status_and_evidence_via_sparql(kg):
    store = ox.Store()
    store.load(export_bytes(kg, "ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(store.query(
        """PREFIX rg: <https://w3id.org/relgraph/ns#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?text ?url ?date WHERE {
          ?s rg:entityId "us-government" . ?o rg:entityId "hikvision" .
          ?s rg:sanctions ?o .
          ?st rdf:subject ?s ; rdf:predicate rg:sanctions ; rdf:object ?o ; rg:status rg:considered ;
              prov:wasDerivedFrom ?ev .
          ?ev rg:text ?text ; rg:inArticle ?art . ?art dcterms:date ?date .
          OPTIONAL { ?art rg:url ?url }
        } ORDER BY ?text"""
    ))
    assert [r["text"].value for r in rows] == [
        "The US administration is considering Huawei-like sanctions on Hikvision.",
        "The US is deliberating whether to add Hikvision to a blacklist.",
    ]
    assert rows[1]["url"].value.startswith("https://www.taipeitimes.com/")
    assert rows[1]["date"] == ox.Literal("2019-05-22", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))


def test_denied_relation_has_a_statement_node_but_no_direct_triple(kg):
    g = rdflib_parse(export_bytes(kg, "ttl"), "ttl")
    hw, doj = ENT["huawei"], ENT["us-department-of-justice"]
    statuses = {g.value(st, RG.status) for st in g.subjects(rdflib.RDF.subject, doj) if g.value(st, rdflib.RDF.object) == hw}
    assert statuses == {RG.asserted, RG.denied}
    # The asserted accusation gives the one direct triple; the denial adds none.
    assert list(g.triples((doj, RG.accuses, hw))) == [(doj, RG.accuses, hw)]
    only_denied = example_graph(without=("doj",))
    g2 = rdflib_parse(export_bytes(only_denied, "ttl"), "ttl")
    assert (doj, RG.accuses, hw) not in g2


def test_entities_carry_language_tagged_aliases_and_wikidata_same_as(kg):
    g = rdflib_parse(export_bytes(kg, "ttl"), "ttl")
    hik = ENT["hikvision"]
    assert (hik, rdflib.RDF.type, RG.Company) in g
    assert rdflib.Literal("杭州海康威視數字技術", lang="zh") in set(g.objects(hik, SKOS.altLabel))
    assert rdflib.Literal("Hikvision") in set(g.objects(hik, SKOS.altLabel))
    us = ENT["us-government"]
    assert (us, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q48525")) in g
    assert g.value(us, rdflib.RDFS.label) == rdflib.Literal("United States government")


def test_statement_node_carries_role_confidence_dates_and_count(kg):
    g = rdflib_parse(export_bytes(kg, "ttl"), "ttl")
    (st,) = [s for s in g.subjects(RG.role, None)
             if g.value(s, rdflib.RDF.subject) == ENT["lu-kang"]]
    assert g.value(st, RG.role) == rdflib.Literal("spokesman")
    sanction = next(s for s in g.subjects(RG.status, RG.considered))
    assert g.value(sanction, RG.evidenceCount).toPython() == 2
    assert float(g.value(sanction, RG.confidence).toPython()) == 0.85
    assert str(g.value(sanction, RG.firstSeen)) == "2019-05-22"
    assert str(g.value(sanction, RG.lastSeen)) == "2019-05-24"


def test_triples_read_back_into_the_same_graph(kg):
    assert rdf.kg_from_triples(rdf.kg_triples(kg)) == kg


def test_hostile_names_stay_literals(kg):
    g = rdflib_parse(export_bytes(kg, "nt"), "nt")
    assert g.value(ENT["hostile-co"], rdflib.RDFS.label) == rdflib.Literal(HOSTILE)


def test_base_iri_rewrites_every_data_iri(kg):
    data = export_bytes(kg, "nt", base_iri="https://example.org/kg/", include_ontology=False).decode()
    assert "https://w3id.org/relgraph/id/" not in data
    assert "<https://example.org/kg/entity/hikvision>" in data


@pytest.mark.parametrize("bad", ["relative/", "https://example.org/no-slash", "https://exa mple.org/"])
def test_bad_base_iri_is_refused_with_the_fix(kg, bad):
    with pytest.raises(ExportError, match="must be an absolute IRI ending in '/' or '#'"):
        export_bytes(kg, "ttl", base_iri=bad)


def test_unknown_format_lists_the_valid_ones(kg):
    with pytest.raises(ExportError, match="valid formats: jsonld, nq, nt, ttl"):
        export_bytes(kg, "xml")


# --- through the store and the command line ------------------------------------------


@pytest.fixture()
def store_path(tmp_path, kg):
    path = tmp_path / "store"
    EmbeddedStore(path).save([], kg)
    return path


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "jsonld"])
def test_store_export_equals_in_memory_export(store_path, kg, fmt, tmp_path):
    from rdflib.compare import isomorphic

    out = tmp_path / f"store.{fmt}"
    summary = rdf.export_store(store_path, fmt, out)
    direct = export_bytes(kg, fmt)
    assert summary.triples == rdflib_count(rdflib_parse(direct, fmt))
    a, b = rdflib_parse(out.read_bytes(), fmt), rdflib_parse(direct, fmt)
    if fmt != "nq":
        assert isomorphic(a, b)


def test_store_export_with_other_base_iri_streams_rewritten_iris(store_path, kg):
    buf = io.BytesIO()
    rdf.export_store(store_path, "nt", buf, "https://example.org/kg/", include_ontology=False)
    expected = export_bytes(kg, "nt", base_iri="https://example.org/kg/", include_ontology=False)
    assert sorted(buf.getvalue().splitlines()) == sorted(expected.splitlines())


def test_cli_export_then_validate(store_path, tmp_path):
    runner = CliRunner()
    out = tmp_path / "graph.ttl"
    r = runner.invoke(cli, ["--store", str(store_path), "export", "--format", "ttl", "--out", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["validate", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"{out}: conforms (")


def test_cli_validate_exits_1_and_lists_violations(kg, tmp_path):
    lines = export_bytes(kg, "nt").decode().splitlines()
    bad = tmp_path / "bad.nt"
    kept = [l for l in lines if "/ns#docId> " not in l.split(" ", 1)[-1][:40]]
    bad.write_text("\n".join(kept) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["validate", str(bad)])
    assert r.exit_code == 1
    first, *rest = r.output.splitlines()
    assert first == f"{bad}: does not conform: {len(kg.articles)} violation(s) in {len(kept)} triples"
    assert all("an article needs exactly one rg:docId" in line for line in rest)


def test_cli_export_without_store_says_to_build(tmp_path, capsys):
    from relgraph.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["--store", str(tmp_path / "none"), "export"])
    assert exc.value.code == 1
    assert capsys.readouterr().err.strip() == (
        f"relgraph: error: {tmp_path / 'none'}: no relgraph store here; run relgraph build PATH first (or pass --store DIR)"
    )


def test_cli_validate_unparseable_file_is_one_line(tmp_path, capsys):
    from relgraph.cli import main

    bad = tmp_path / "broken.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(bad)])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"relgraph: error: {bad}: not valid turtle:") and err.count("\n") == 1


def test_a_predicate_outside_its_domain_and_range_is_a_warning(tmp_path):
    kg = example_graph()
    st = next(s for s in kg.statements.values() if s.predicate == "works-for" and s.subject == "lu-kang")
    st.predicate = "outbids"  # a person outbidding a ministry: the object type is not allowed
    out = tmp_path / "odd.ttl"
    rdf.export_graph(kg, "ttl", out)
    r = CliRunner().invoke(cli, ["validate", str(out)])
    assert r.exit_code == 0, r.output
    first, warning = r.output.splitlines()
    assert first.endswith("triples, 1 warning(s))")
    assert warning == (f"  warning: https://w3id.org/relgraph/id/relation/{st.id}: "
                       "the object's type is not an allowed object type of this predicate")
