"""neo4j-admin import CSV files: content, errors, and a real import run."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
from pathlib import Path

import pytest

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id
from graph.keys import entity_keys
from graph.neo4j_csv import ARGS_FILE, write_import_files
from graph.neo4j_writer import read_graph
from relgraph.errors import ExportError, OntologyError
from tests.conftest import ROOT, required

NEO4J_VERSION = os.environ.get("RELGRAPH_NEO4J_VERSION", "5.26.30")


def small_graph() -> KnowledgeGraph:
    """Two relations, one with evidence; names with commas, quotes and a line break."""
    kg = KnowledgeGraph()
    kg.entities["us-government"] = Entity(
        "us-government", "United States government", "GovernmentBody",
        aliases=[("US", None), ("美國政府", "zh"), ('the "US"; Washington', None)], wikidata="Q48525",
    )
    kg.entities["hikvision"] = Entity("hikvision", "Hangzhou Hikvision Digital Technology Co, Ltd", "Company")
    kg.entities["china"] = Entity("china", "China", "Country")
    kg.articles["seed-news"] = Article("seed-news", "Title,\nsecond line", "2019-05-22", "https://example.org/a", "Taipei Times")
    ev = Evidence(evidence_id("seed-news", 0, 40), "seed-news", 'The US is "deliberating",\nsources said.', 0, 40,
                  "people familiar with the matter")
    kg.evidence[ev.id] = ev
    s1 = statement_id("us-government", "sanctions", "hikvision", "considered", None)
    kg.statements[s1] = Statement(s1, "us-government", "sanctions", "hikvision", "considered",
                                  "considers-blacklisting", None, 0.85, [ev.id], "2019-05-22", "2019-05-22")
    # Evidence from a document without Article metadata: the loader makes a bare Article.
    ev2 = Evidence(evidence_id("wire-1", 5, 50), "wire-1", "Hikvision, based in China, said ...", 5, 50)
    kg.evidence[ev2.id] = ev2
    s2 = statement_id("hikvision", "headquartered-in", "china", "asserted", None)
    kg.statements[s2] = Statement(s2, "hikvision", "headquartered-in", "china", "asserted",
                                  "headquartered-in", None, 0.6, [ev2.id])
    return kg


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_one_node_file_per_label_and_one_relationship_file_per_type(tmp_path):
    plan = write_import_files(small_graph(), tmp_path)
    assert plan.nodes == [
        (("Article",), "nodes-Article.csv"),
        (("Entity", "Company"), "nodes-Company.csv"),
        (("Entity", "Country"), "nodes-Country.csv"),
        (("Evidence",), "nodes-Evidence.csv"),
        (("Entity", "GovernmentBody"), "nodes-GovernmentBody.csv"),
        (("Key",), "nodes-Key.csv"),
    ]
    assert [t for t, _ in plan.relationships] == ["HAS_KEY", "HEADQUARTERED_IN", "IN_ARTICLE", "MENTIONS", "SANCTIONS"]
    keys = {e.id: entity_keys(e) for e in small_graph().entities.values()}
    # 3 entities, 2 articles (one bare), 2 evidence, one Key node per distinct match key
    assert plan.counts["nodes-Key.csv"] == len({k for ks in keys.values() for k in ks}) > 3
    assert plan.node_count == 7 + plan.counts["nodes-Key.csv"]
    # 2 statements + 2 IN_ARTICLE + 4 MENTIONS (subject and object of each statement) + the key links
    assert plan.relationship_count == 8 + sum(map(len, keys.values()))
    assert plan.multiline == ["nodes-Article.csv", "nodes-Evidence.csv"]


def test_fields_survive_a_csv_round_trip_with_typed_headers(tmp_path):
    write_import_files(small_graph(), tmp_path)
    gov = read_rows(tmp_path / "nodes-GovernmentBody.csv")
    assert gov[0] == ["id:ID(Entity)", "name", "aliases:string[]", "wikidata", "lei", "ticker", "match_keys:string[]"]
    assert gov[1][0] == "us-government"
    # The prepared queries' lookup keys: id, normalised name and aliases.
    assert {"us-government", "unitedstatesgovernment", "us", "uswashington", "美國政府"} <= set(gov[1][6].split("\x1f"))
    assert gov[1][2].split("\x1f") == ["US", 'the "US"; Washington', "美國政府"]
    company = read_rows(tmp_path / "nodes-Company.csv")
    assert company[1][1] == "Hangzhou Hikvision Digital Technology Co, Ltd"
    evidence = read_rows(tmp_path / "nodes-Evidence.csv")
    assert evidence[0][2:4] == ["start:long", "end:long"]
    assert evidence[1][1] == 'The US is "deliberating",\nsources said.'
    rel = read_rows(tmp_path / "rels-SANCTIONS.csv")
    header = rel[0]
    row = dict(zip(header, rel[1]))
    assert row[":START_ID(Entity)"] == "us-government" and row[":END_ID(Entity)"] == "hikvision"
    assert row["status"] == "considered" and row["confidence:double"] == "0.85"
    assert row["evidence_count:long"] == "1"


def test_args_file_lists_every_file_and_leaves_the_database_to_the_caller(tmp_path):
    plan = write_import_files(small_graph(), tmp_path)
    lines = (tmp_path / ARGS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines == plan.arguments()[1:]
    assert plan.arguments(database="news")[0] == "news"
    assert f"--relationships=SANCTIONS={(tmp_path / 'rels-SANCTIONS.csv').resolve()}" in lines
    assert f"--nodes=Entity:GovernmentBody={(tmp_path / 'nodes-GovernmentBody.csv').resolve()}" in lines


def test_unknown_entity_type_names_the_type(tmp_path):
    kg = small_graph()
    kg.entities["x"] = Entity("x", "X", "Spaceship")
    with pytest.raises(OntologyError, match="'Spaceship'.*valid types"):
        write_import_files(kg, tmp_path)


def test_list_separator_inside_a_name_is_refused(tmp_path):
    kg = small_graph()
    kg.entities["china"].aliases = [("Chi\x1fna", None)]
    with pytest.raises(ExportError, match="entity china aliases"):
        write_import_files(kg, tmp_path)


# --- a real import --------------------------------------------------------------------------


def neo4j_lib() -> Path | None:
    """The jars assembled by scripts/neo4j, if installed."""
    cache = Path(os.environ.get("RELGRAPH_CACHE", Path.home() / ".cache" / "relgraph"))
    lib = cache / f"neo4j-{NEO4J_VERSION}" / "lib"
    return lib if (lib / f"neo4j-server-{NEO4J_VERSION}.jar").exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_neo4j_admin_import_builds_the_loader_graph(tmp_path):
    """Import the files with the real tool into a scratch home, start a server on
    it and read the graph back."""
    lib = neo4j_lib()
    if lib is None:
        message = f"Neo4j {NEO4J_VERSION} jars not installed; run scripts/neo4j install"
        if required():
            pytest.fail(message)
        pytest.skip(message)
    import neo4j  # a hard dependency of relgraph: never skipped
    home = tmp_path / "neo4j-home"
    (home / "conf").mkdir(parents=True)
    (home / "lib").symlink_to(lib)
    plan = write_import_files(small_graph(), tmp_path / "csv")
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    run = subprocess.run(
        ["java", "-cp", f"{lib}/*", "org.neo4j.server.startup.Neo4jAdminCommand",
         "database", "import", "full", "--max-off-heap-memory=256m", *plan.arguments("neo4j")],
        env=env, capture_output=True, text=True, cwd=tmp_path,  # the tool writes import.report in its cwd
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "IMPORT DONE" in run.stdout

    bolt, http = free_port(), free_port()
    server_env = dict(os.environ, RELGRAPH_NEO4J_HOME=str(home), NEO4J_BOLT_PORT=str(bolt),
                      NEO4J_HTTP_PORT=str(http), NEO4J_AUTH="none", NEO4J_HEAP="512m")
    script = ROOT / "scripts" / "neo4j"
    started = subprocess.run([str(script), "start"], env=server_env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=None) as driver:
            gov = driver.execute_query(
                "MATCH (n:Entity:GovernmentBody {id: 'us-government'}) RETURN n", database_="neo4j"
            ).records[0]["n"]
            assert gov["aliases"] == ["US", 'the "US"; Washington', "美國政府"]
            assert gov["wikidata"] == "Q48525" and gov.get("lei") is None
            rel = driver.execute_query(
                "MATCH (:Entity {id: 'us-government'})-[r:SANCTIONS]->(:Entity:Company {id: 'hikvision'}) RETURN r",
                database_="neo4j",
            ).records[0]["r"]
            assert rel["status"] == "considered" and rel["confidence"] == 0.85
            assert rel["evidence_count"] == 1 and len(rel["evidence_ids"]) == 1
            evidence = driver.execute_query(
                "MATCH (e:Evidence)-[:IN_ARTICLE]->(a:Article {id: 'seed-news'}) "
                "WHERE e.id IN $ids RETURN e, a.title AS title, "
                "COUNT { (e)-[:MENTIONS]->(:Entity) } AS mentions",
                ids=rel["evidence_ids"], database_="neo4j",
            ).records[0]
            assert evidence["e"]["text"] == 'The US is "deliberating",\nsources said.'
            assert evidence["e"]["start"] == 0 and evidence["mentions"] == 2
            assert evidence["title"] == "Title,\nsecond line"
            counts = driver.execute_query(
                "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels",
                database_="neo4j",
            ).records[0]
            assert (counts["nodes"], counts["rels"]) == (plan.node_count, plan.relationship_count)
            # The loader's reader sees the graph it would have written itself.
            back = read_graph(driver, database="neo4j")
            expected = small_graph()
            for ent in expected.entities.values():
                ent.aliases = [(t, None) for t in sorted({t for t, _ in ent.aliases if t != ent.name})]
            expected.articles["wire-1"] = Article("wire-1")
            assert back == expected
    finally:
        subprocess.run([str(script), "stop"], env=server_env, capture_output=True, text=True)


def test_export_from_the_store_needs_a_directory(tmp_path):
    from graph.neo4j_csv import export_neo4j_admin
    from graph.store import EmbeddedStore
    from relgraph.config import Settings

    EmbeddedStore(tmp_path / "store").save([], small_graph())
    settings = Settings(store=tmp_path / "store")
    with pytest.raises(ExportError, match="give a directory with --out DIR"):
        export_neo4j_admin(settings, "-")
    plan = export_neo4j_admin(settings, tmp_path / "out")
    keys = plan.counts["nodes-Key.csv"]
    assert plan.node_count == 7 + keys and plan.relationship_count == 8 + plan.counts["rels-HAS_KEY.csv"]
    assert (tmp_path / "out" / ARGS_FILE).is_file()
