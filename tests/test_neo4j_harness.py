"""The Neo4j test harness itself: a real server, written to and read back, wiped between tests."""

from __future__ import annotations

import pytest


def test_server_is_neo4j_5(neo4j_db):
    rows = neo4j_db.run("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition")
    assert rows[0]["name"] == "Neo4j Kernel"
    assert rows[0]["versions"][0].startswith("5.")


def test_write_a_node_and_read_it_back(neo4j_db):
    neo4j_db.run(
        "CREATE (:Organization {id: $id, name: $name, aliases: $aliases})",
        {"id": "org:acme", "name": "Acme Corp", "aliases": ["ACME", "Acme"]},
    )
    # Read back through a separate session, as a different client would.
    with neo4j_db.session() as session:
        record = session.run("MATCH (o:Organization {id: 'org:acme'}) RETURN o").single()
    node = record["o"]
    assert set(node.labels) == {"Organization"}
    assert node["name"] == "Acme Corp"
    assert node["aliases"] == ["ACME", "Acme"]
    assert neo4j_db.node_count() == 1


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_starts_on_an_empty_database(neo4j_db, round_):
    # Whichever round runs second sees what the wipe left of the first one.
    assert neo4j_db.node_count() == 0
    assert neo4j_db.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS c")[0]["c"] == 0
    assert neo4j_db.run("SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*) AS c")[0]["c"] == 0

    neo4j_db.run("CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE")
    neo4j_db.run("CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)")
    neo4j_db.run(
        "CREATE (a:Person {id: 'p1', name: 'Ada'})-[:WORKS_FOR {since: 2020}]->(:Organization {id: 'o1'})"
    )
    rel = neo4j_db.run("MATCH (:Person {id: 'p1'})-[r:WORKS_FOR]->(o) RETURN r.since AS since, o.id AS org")
    assert [(r["since"], r["org"]) for r in rel] == [(2020, "o1")]
