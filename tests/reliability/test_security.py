"""Security: text from articles stays data all the way through (embedded
store, Neo4j, prepared queries, RDF export); labels and relationship types
come only from the ontology; credentials are never printed; servers bind
127.0.0.1 only."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph.model import Entity, KnowledgeGraph, Statement
from graph.store import EmbeddedStore
from ontology import load_ontology, parse_ontology
from relgraph.config import Neo4jSettings
from relgraph.errors import OntologyError

from . import synthetic
from .conftest import ROOT, assert_no_traceback, cli_env, run_cli

# Names an attacker (or a badly scraped page) could put into an article.
HOSTILE = [
    "Robert'); DROP TABLE companies;--",
    'Acme"}) MATCH (n) DETACH DELETE n //',
    "Evil` Corp`) DETACH DELETE n WITH 1 AS x MATCH (m:`Entity",
    "{name: 'Injected', id: 'admin'} Holdings",
    "$rows $entity Partners",
    "Quote\"Double'Single\\Backslash Industries",
    "Turtle <http://evil.example/x> ; a rg:Company . @prefix x: <y> Ltd",
    "SPARQL } ; DROP ALL ; INSERT DATA { <a> <b> <c> } Trading",
    "Control\x07Bell\x1b[31mEscape\tTab\rReturn Co",
    "Nul\x00Byte Ventures",
    "Newline\nIn Name Group",
    "\u202eRTL override\u200b zero-width Fund",
    "<script>alert('x')</script> Media",
    "Long " + "Name" * 500 + " Company",  # 2 kB
]
# Beyond the 8 kB key limit of Neo4j's RANGE index on Entity.name.
HUGE_NAME = "Huge " + "Name" * 5000 + " Company"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A store whose entities are exactly the hostile names."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    kg = synthetic.write_store(path, synthetic.results(len(HOSTILE), 3, names=HOSTILE, seed=3))
    return path, kg


def test_hostile_names_survive_resolution_and_the_embedded_store(hostile_store):
    path, kg = hostile_store
    names = {e.name for e in kg.entities.values()}
    assert names == set(HOSTILE)
    id_re = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
    assert all(id_re.match(i) for i in kg.entities), sorted(kg.entities)
    assert EmbeddedStore(path).read_graph() == kg


@pytest.mark.parametrize("fmt,parsers", [
    ("ttl", ("turtle", ox.RdfFormat.TURTLE)),
    ("nt", ("nt", ox.RdfFormat.N_TRIPLES)),
    ("nq", ("nquads", ox.RdfFormat.N_QUADS)),
    ("jsonld", ("json-ld", None)),
])
def test_hostile_names_round_trip_through_rdf_export(tmp_path, hostile_store, fmt, parsers):
    from graph.rdf import export_store

    path, kg = hostile_store
    out = tmp_path / f"graph.{fmt}"
    summary = export_store(path, fmt, str(out), include_ontology=False)
    rdflib_format, ox_format = parsers
    g = rdflib.Dataset() if fmt == "nq" else rdflib.Graph()
    g.parse(out, format=rdflib_format)
    triples = [q[:3] for q in g.quads((None, None, None, None))] if fmt == "nq" else list(g)
    labels = {str(o) for _, p, o in triples if p == rdflib.RDFS.label}
    assert set(HOSTILE) <= labels
    assert len(triples) == summary.triples
    if ox_format is not None:
        parsed = list(ox.parse(path=str(out), format=ox_format))
        assert len(parsed) == summary.triples
        ox_labels = {q.object.value for q in parsed if q.predicate.value == str(rdflib.RDFS.label)}
        assert set(HOSTILE) <= ox_labels
    # Nothing a name said became a node or a predicate: no IRI outside the data and vocabularies.
    assert not any("evil.example" in str(t) for s_, p_, _ in triples for t in (s_, p_))
    assert all(isinstance(s_, (rdflib.URIRef, rdflib.BNode)) for s_, _, _ in triples)


def _settings_for(neo4j_db) -> Neo4jSettings:
    import os

    return Neo4jSettings.from_env({k: v for k, v in os.environ.items() if k.startswith("NEO4J_")}).override(
        uri=neo4j_db.uri, database=neo4j_db.database)


def test_hostile_names_round_trip_through_neo4j_and_prepared_queries(hostile_store, neo4j_db):
    from graph.neo4j_writer import load_into_neo4j, read_graph
    from queries.catalog import load_catalog
    from queries.runner import run_cypher, run_sparql

    path, kg = hostile_store
    load_into_neo4j(kg, _settings_for(neo4j_db))
    names = {r["n"] for r in neo4j_db.run("MATCH (e:Entity) RETURN e.name AS n")}
    assert names == set(HOSTILE)
    back = read_graph(neo4j_db.driver, database=neo4j_db.database)
    assert {k: (e.name, e.type) for k, e in back.entities.items()} == {k: (e.name, e.type) for k, e in kg.entities.items()}
    assert back.statements == kg.statements
    assert {k: v.text for k, v in back.evidence.items()} == {k: v.text for k, v in kg.evidence.items()}

    query = load_catalog().get("relations")
    store = EmbeddedStore(path)
    for name in HOSTILE:
        params = query.bind({"entity": name})
        neo = run_cypher(query, params, neo4j_db.driver, neo4j_db.database)
        emb = run_sparql(query, params, store.sparql)
        assert neo.rows, f"no relations found for {name[:60]!r}"
        assert all(name in (r["subject"], r["object"]) for r in neo.records())
        assert neo.rows == emb.rows
    # The queries changed nothing.
    assert neo4j_db.run("MATCH (n) WHERE NOT n:Key RETURN count(n) AS c")[0]["c"] == (
        len(kg.entities) + len(kg.evidence) + len(kg.articles))
    assert neo4j_db.run("MATCH (k:Key) WHERE NOT (k)<-[:HAS_KEY]-(:Entity) RETURN count(k) AS c")[0]["c"] == 0


def test_huge_entity_name_loads_into_neo4j(tmp_path, neo4j_db):
    from graph.neo4j_writer import load_into_neo4j

    kg = synthetic.write_store(tmp_path / "store", synthetic.results(2, 2, names=[HUGE_NAME, "Plain Name Co", "Other Co"]))
    load_into_neo4j(kg, _settings_for(neo4j_db))
    assert HUGE_NAME in {r["n"] for r in neo4j_db.run("MATCH (e:Entity) RETURN e.name AS n")}


def _tiny_graph(**statement_changes) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.entities["company-a"] = Entity("company-a", "A", "Company")
    kg.entities["company-b"] = Entity("company-b", "B", "Company")
    st = Statement(id="s1", subject="company-a", predicate="sues", object="company-b", status="asserted",
                   label="sues", role=None, confidence=0.9)
    kg.statements["s1"] = replace(st, **statement_changes)
    return kg


@pytest.mark.parametrize("change", [
    {"predicate": "SUES]->(o) WITH o MATCH (n) DETACH DELETE n //"},
    {"predicate": "owns"},
    {"status": "'}) DETACH DELETE n //"},
])
def test_predicate_or_status_outside_the_ontology_is_refused_before_any_query(neo4j_db, change):
    from graph.neo4j_writer import load

    neo4j_db.run("CREATE (:Sentinel {id: 'keep'})")
    with pytest.raises(OntologyError) as info:
        load(neo4j_db.driver, _tiny_graph(**change), database=neo4j_db.database)
    assert "valid" in str(info.value)
    # Refused before the first write: not even the two valid entities were merged.
    assert [r["labels"] for r in neo4j_db.run("MATCH (n) RETURN labels(n) AS labels")] == [["Sentinel"]]


def test_entity_type_outside_the_ontology_is_refused(neo4j_db):
    from graph.neo4j_writer import load

    kg = _tiny_graph()
    kg.entities["company-b"].type = "Company:Admin {x: 1})"
    with pytest.raises(OntologyError):
        load(neo4j_db.driver, kg, database=neo4j_db.database)
    assert neo4j_db.node_count() == 0


@pytest.mark.parametrize("field,value", [
    ("rg:neo4jType", '"SANCTIONS]->() DETACH DELETE n //"'),
    ("rg:neo4jType", '"sanctions"'),
    ("rg:neo4jType", '"SANC`TIONS"'),
])
def test_ontology_with_unsafe_neo4j_names_is_refused(field, value):
    ttl = load_ontology().turtle
    pattern = re.compile(r'(rg:neo4jType\s+)"SANCTIONS"')
    assert pattern.search(ttl), "the bundled ontology changed shape; update this test"
    hostile = pattern.sub(lambda m: m.group(1) + value, ttl, count=1)
    with pytest.raises(OntologyError) as info:
        parse_ontology(hostile, source="hostile.ttl")
    assert "hostile.ttl" in str(info.value)


def test_schema_and_load_queries_use_only_ontology_names():
    from graph.neo4j_writer import schema_statements

    onto = load_ontology()
    allowed = {et.neo4j_label for et in onto.entity_types.values()} | {"Entity", "Evidence", "Article", "Key"}
    types = {p.neo4j_type for p in onto.predicates.values()}
    for stmt in schema_statements(onto):
        for name in re.findall(r"\(n:(\w+)\)", stmt):
            assert name in allowed, stmt
        for name in re.findall(r"\[r:(\w+)\]", stmt):
            assert name in types, stmt


# --- credentials -----------------------------------------------------------------------------


def _all_text_under(path: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in path.rglob("*") if p.is_file())


@pytest.mark.parametrize("how", ["environment", "option", "dotenv"])
def test_password_never_appears_in_output_or_files(tmp_path, fault_server, how):
    store = tmp_path / "store"
    synthetic.write_store(store, synthetic.results(4, 3))
    cwd = tmp_path / "work"
    cwd.mkdir()
    env = cli_env(NEO4J_URI=fault_server.uri, NEO4J_USER="neo4j")
    args = ["--store", str(store), "load"]
    if how == "environment":
        env["NEO4J_PASSWORD"] = fault_server.password
    elif how == "option":
        args += ["--password", fault_server.password]
    else:
        (cwd / ".env").write_text(f"NEO4J_PASSWORD={fault_server.password}\n", encoding="utf-8")
    ok = run_cli(*args, cwd=cwd, env=env, timeout=180)
    assert ok.returncode == 0, ok.stderr
    bad = run_cli("--store", str(store), "load", "--uri", "bolt://127.0.0.1:1", "--password", fault_server.password,
                  cwd=cwd, env=cli_env(), timeout=120)
    assert bad.returncode != 0
    assert_no_traceback(bad)
    for proc in (ok, bad):
        assert fault_server.password not in proc.stdout + proc.stderr
    files = _all_text_under(store) + _all_text_under(cwd).replace(f"NEO4J_PASSWORD={fault_server.password}", "")
    assert fault_server.password not in files


def test_no_credentials_in_tracked_files():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert ".env" not in tracked
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT)
    assert ignored.returncode == 0, ".env must be in .gitignore"
    # A literal value after NEO4J_PASSWORD= / NEO4J_AUTH=neo4j/ that looks like a real password;
    # variables ($X, %q, {..}) and documented placeholders are fine. This suite's own
    # throwaway password for its private server is excluded.
    assignment = re.compile(r"NEO4J_(?:PASSWORD\s*[=:]|AUTH\s*[=:]\s*['\"]?neo4j/)\s*['\"]?([^\s'\"$%{}<>()\[\],]{8,})")
    placeholder = re.compile(r"change-?me|example|your-|<|password\b", re.I)
    suspicious = []
    for name in tracked:
        p = ROOT / name
        if name.startswith("tests/reliability/") or not p.is_file():
            continue
        for m in assignment.finditer(p.read_text(encoding="utf-8", errors="replace")):
            if not placeholder.search(m.group(1)):
                suspicious.append(f"{name}: {m.group(0)}")
    assert suspicious == []


# --- servers bind 127.0.0.1 ------------------------------------------------------------------


def test_local_neo4j_config_binds_loopback_only(fault_server):
    conf = (fault_server.home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    addresses = dict(re.findall(r"^(server\.[\w.]*(?:listen|advertised)_address)=(.*)$", conf, re.M))
    assert addresses["server.default_listen_address"] == "127.0.0.1"
    for key, value in addresses.items():
        assert value.split(":")[0] == "127.0.0.1", f"{key}={value}"


def test_running_neo4j_listens_on_loopback_only(fault_server):
    pid = fault_server.pid()
    assert pid is not None
    out = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=True).stdout
    mine = [ln for ln in out.splitlines() if f"pid={pid}," in ln]
    assert mine, out
    for line in mine:
        local = line.split()[3]
        host = local.rsplit(":", 1)[0].strip("[]")
        assert host in {"127.0.0.1", "::ffff:127.0.0.1", "::1"}, line
    ports = {int(ln.split()[3].rsplit(":", 1)[1]) for ln in mine}
    assert {fault_server.bolt_port, fault_server.http_port} <= ports


def test_docker_compose_publishes_on_loopback_only():
    path = ROOT / "docker-compose.yml"
    if not path.exists():
        pytest.skip("no docker-compose.yml yet")
    import yaml

    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, service in (spec.get("services") or {}).items():
        for port in service.get("ports") or []:
            text = port if isinstance(port, str) else str(port.get("host_ip", "")) + ":" + str(port.get("published", ""))
            assert text.startswith("127.0.0.1:"), f"service {name} publishes {port!r} beyond this machine"


def test_hostile_query_parameters_on_the_command_line_stay_data(hostile_store, tmp_path):
    import json

    from .conftest import tree_checksum

    path, kg = hostile_store
    before = tree_checksum(path)
    for name in HOSTILE[:8] + ["x' } ; DROP ALL ; SELECT * { ?s ?p ?o", "') RETURN 1 UNION MATCH (n) DETACH DELETE n //"]:
        proc = run_cli("--store", str(path), "query", "relations", "--param", f"entity={name}", "--format", "json",
                       cwd=tmp_path, timeout=120)
        assert_no_traceback(proc)
        if name in HOSTILE:
            assert proc.returncode == 0, proc.stderr
            rows = json.loads(proc.stdout)
            assert rows and all(name in (r["subject"], r["object"]) for r in rows), proc.stdout[:500]
        else:
            # An injection attempt is just a name that matches no entity: a one-line error, no rows.
            assert proc.returncode == 1, proc.stdout[:500]
            errors = [line for line in proc.stderr.splitlines() if line.startswith("relgraph: error:")]
            assert len(errors) == 1 and "matches no entity" in errors[0], proc.stderr
            assert proc.stdout.strip() in ("", "[]")
    assert tree_checksum(path) == before
    assert EmbeddedStore(path).read_graph() == kg


# Article text with hostile names: whatever name extraction cuts from them must
# reach the store, Neo4j and the RDF export as the same data, never as syntax.
HOSTILE_TEXTS = [
    'Acme Corp agreed to acquire Quote\'s "Bracket" {DETACH DELETE} Holdings Inc for $2 billion.',
    "Acme Corp agreed to acquire O'Brien `Backtick` Ltd for $2 billion.",
    "Acme Corp agreed to acquire Brace}{ MATCH (n) DETACH DELETE n Ltd for $2 billion.",
    "Acme Corp agreed to acquire Robert'); DROP TABLE Ltd for $2 billion.",
]


def test_hostile_names_in_article_text_round_trip_from_extraction(tmp_path, extractor, neo4j_db):
    import json

    from graph.build import build
    from graph.neo4j_writer import load_into_neo4j
    from graph.rdf import export_graph
    from relgraph.config import Settings

    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"h{i}", "text": t}) + "\n" for i, t in enumerate(HOSTILE_TEXTS)),
                      encoding="utf-8")
    settings = replace(Settings.from_env(), store=tmp_path / "store", neo4j=_settings_for(neo4j_db))
    build([str(corpus)], settings, curation=str(tmp_path / "none.yaml"), extractor=extractor)
    kg = EmbeddedStore(settings.store).read_graph()
    extracted = {r.object for res in EmbeddedStore(settings.store).load_results() for r in res.relations}
    # Extraction found the deals and kept some of the hostile punctuation in the names.
    assert len(kg.statements) >= 3, kg.statements
    assert any(set(name) & set("`'\"{}();") for name in extracted), extracted
    stored = {e.name for e in kg.entities.values()}
    assert extracted <= stored

    load_into_neo4j(kg, settings.neo4j)
    in_neo4j = {r["n"] for r in neo4j_db.run("MATCH (e:Entity) RETURN e.name AS n")}
    assert in_neo4j == stored

    out = tmp_path / "hostile.nt"
    with out.open("wb") as fh:
        export_graph(kg, "nt", fh, settings.base_iri)
    labels = {str(o) for _, p, o in rdflib.Graph().parse(out, format="nt")
              if str(p) == "http://www.w3.org/2000/01/rdf-schema#label"}
    assert stored <= labels
