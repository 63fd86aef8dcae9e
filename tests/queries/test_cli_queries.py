"""``relgraph queries``, ``query``, ``load`` and ``analyze`` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from graph.store import EmbeddedStore
from tests.queries.fixtures import HOSTILE, example_graph


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-store")
    EmbeddedStore(path).save([], example_graph())
    return path


def _run(*args: str, store=None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    if store is not None:
        env["RELGRAPH_STORE"] = str(store)
    return subprocess.run([sys.executable, "-m", "relgraph.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def _error_line(proc) -> str:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_queries_lists_every_query_with_its_parameters():
    proc = _run("queries", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    listing = {q["name"]: q for q in json.loads(proc.stdout)}
    assert len(listing) == 10
    assert [p["name"] for p in listing["paths"]["params"]] == ["source", "target", "max_hops", "limit"]
    table = _run("queries").stdout
    assert "deal_contest" in table and "Deal contest around a target company" in table


def test_query_json_and_csv_on_the_embedded_store(store_dir):
    proc = _run("query", "sanctions", "--param", "status=considered", "--format", "json", store=store_dir)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["sanctioner_id"], r["target_id"]) for r in rows] == [("us-government", "hikvision")]
    proc = _run("query", "relations", "-p", f"entity={HOSTILE}", "--format", "csv", store=store_dir)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["subject"], r["object_id"]) for r in rows] == [(HOSTILE, "dahua")]


def test_query_errors_are_one_line(store_dir):
    assert "valid queries: contested, deal_contest" in _error_line(_run("query", "nope", store=store_dir))
    line = _error_line(_run("query", "paths", "-p", "source=Hikvision", store=store_dir))
    assert "missing parameter target" in line
    line = _error_line(_run("query", "relations", "-p", "entity=x", "-p", "colour=red", store=store_dir))
    assert "unexpected parameter colour" in line
    assert "write key=value" in _error_line(_run("query", "relations", "-p", "entity", store=store_dir))


def test_analyze_writes_gephi_files(store_dir, tmp_path):
    proc = _run("analyze", "--top", "3", "--graphml", str(tmp_path / "g.graphml"), "--format", "json", store=store_dir)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["nodes"] == 14 and len(report["pagerank"]) == 3
    assert (tmp_path / "g.graphml").stat().st_size > 0


def test_load_then_query_neo4j_matches_embedded(store_dir, neo4j_db):
    env = {"NEO4J_URI": neo4j_db.uri, "NEO4J_DATABASE": neo4j_db.database}
    proc = _run("load", "--batch-size", "7", store=store_dir, env_extra=env)
    assert proc.returncode == 0, proc.stderr
    assert "relationships  18" in proc.stdout and "SANCTIONS" in proc.stdout
    args = ("query", "deal_contest", "-p", "target=Mercuries Life", "--format", "json")
    neo = json.loads(_run(*args, "--backend", "neo4j", store=store_dir, env_extra=env).stdout)
    emb = json.loads(_run(*args, store=store_dir).stdout)
    assert neo == emb and len(neo) == 6


def test_load_without_a_server_names_the_uri_and_the_fix(store_dir):
    line = _error_line(_run("load", "--uri", "bolt://127.0.0.1:9", "--password", "s3cret-pass", store=store_dir))
    assert "bolt://127.0.0.1:9" in line and "scripts/neo4j start" in line and "s3cret-pass" not in line
