"""Feedback on entity parameters: a value that matches no entity is a one-line error
suggesting close names; one that matches several entities is named on stderr, with how
to pick one by id. On both backends."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from graph import neo4j_writer
from graph.store import EmbeddedStore
from queries.catalog import load_catalog
from queries.runner import check_entities, cypher_lookup, sparql_lookup
from relgraph.errors import QueryError
from tests.queries.fixtures import graph_with_two_ctbcs

BACKENDS = ["embedded", "neo4j"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    EmbeddedStore(path).save([], graph_with_two_ctbcs())
    return path


@pytest.fixture(params=BACKENDS)
def lookup(request, store_dir):
    if request.param == "embedded":
        return sparql_lookup(EmbeddedStore(store_dir).sparql)
    db = request.getfixturevalue("neo4j_db")
    neo4j_writer.load(db.driver, graph_with_two_ctbcs(), database=db.database)
    return cypher_lookup(db.driver, db.database)


def _check(lookup, name, **params):
    q = load_catalog().get(name)
    return check_entities(q, q.bind(params), lookup)


def test_a_misspelt_name_is_an_error_suggesting_the_entity(lookup):
    with pytest.raises(QueryError) as info:
        _check(lookup, "relations", entity="Hikvison")
    message = str(info.value)
    assert "\n" not in message
    assert "entity='Hikvison' matches no entity" in message
    assert "'Hikvision' (Hangzhou Hikvision Digital Technology Co, id hikvision)" in message


def test_the_parameter_in_error_is_the_one_named(lookup):
    with pytest.raises(QueryError, match=r"target='Huawey' matches no entity; did you mean 'Huawei'"):
        _check(lookup, "paths", source="Hikvision", target="Huawey")


def test_nothing_close_says_so(lookup):
    with pytest.raises(QueryError, match="no entity has a similar name or alias"):
        _check(lookup, "timeline", entity="zzqxv")


def test_a_shared_name_lists_every_entity_and_how_to_pick_one(lookup):
    notes = _check(lookup, "neighbourhood", entity="CTBC")
    assert len(notes) == 1
    assert "entity='CTBC' matches 2 entities: CTBC Bank Co (id ctbc-bank), CTBC Financial Holding Co (id ctbc-fhc)" in notes[0]
    assert "--param entity=ctbc-bank" in notes[0]


def test_a_unique_match_and_an_unset_optional_entity_say_nothing(lookup):
    assert _check(lookup, "deal_contest", target="Mercuries Life") == ()
    assert _check(lookup, "contested") == ()
    assert _check(lookup, "neighbourhood", entity="ctbc-fhc") == ()


def _cli(store_dir, *args):
    return subprocess.run([sys.executable, "-m", "relgraph.cli", "query", *args], capture_output=True, text=True,
                          env=dict(os.environ, RELGRAPH_STORE=str(store_dir)), timeout=300)


def test_cli_notes_go_to_stderr_and_rows_stay_json(store_dir):
    proc = _cli(store_dir, "neighbourhood", "-p", "entity=CTBC", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert {r["neighbour_id"] for r in json.loads(proc.stdout)} >= {"ctbc-bank", "ctbc-fhc"}
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("relgraph: note: entity='CTBC' matches 2 entities")


def test_cli_unknown_entity_exits_1_with_one_line(store_dir):
    proc = _cli(store_dir, "timeline", "-p", "entity=Huawey")
    assert proc.returncode == 1
    assert proc.stdout == ""
    [line] = proc.stderr.strip().splitlines()
    assert "did you mean 'Huawei' (Huawei Technologies Co, id huawei)?" in line
