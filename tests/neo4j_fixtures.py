"""Pytest plugin: a real Neo4j server for tests.

Registered from ``tests/conftest.py`` with ``pytest_plugins = ["tests.neo4j_fixtures"]``.

Fixtures
--------
``neo4j_driver`` (session)
    A ``neo4j.Driver`` connected to ``NEO4J_URI`` (default ``bolt://127.0.0.1:17687``, the
    server ``scripts/test`` starts), user ``NEO4J_USER`` (default ``neo4j``), password
    ``NEO4J_PASSWORD`` (no password: no auth). Unreachable server: the test is skipped, or
    fails when ``CI`` or ``RELGRAPH_REQUIRE_NEO4J`` is set.
``neo4j_db`` (function)
    A :class:`Neo4jTestDatabase` (``.driver``, ``.database``, ``.run()``) on an empty
    database: every node, relationship, constraint and index (except the built-in token lookup
    indexes) is removed before the test, and again after it.

Safety: tests wipe the database, so the first wipe of a session refuses a database that already
holds nodes unless the run is managed (``CI``/``RELGRAPH_REQUIRE_NEO4J``, as ``scripts/test``
sets) or ``RELGRAPH_TEST_WIPE_OK=1`` is set. A shell with ``eval "$(scripts/neo4j env)"`` for
the development server thus cannot lose its data to a bare ``pytest``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pytest

DEFAULT_TEST_URI = "bolt://127.0.0.1:17687"
NEO4J_FIXTURES = {"neo4j_driver", "neo4j_db"}


def _required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("RELGRAPH_REQUIRE_NEO4J"))


def _unavailable(message: str):
    if _required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


@dataclass(frozen=True)
class Neo4jTestDatabase:
    """The database a test may write to; empty when the test starts."""

    driver: Any
    database: str
    uri: str

    def run(self, query: str, parameters: dict | None = None, **kwargs: Any) -> list:
        """Run one query in a managed write transaction and return its records."""
        records, _, _ = self.driver.execute_query(query, parameters, database_=self.database, **kwargs)
        return records

    def session(self, **kwargs: Any):
        return self.driver.session(database=self.database, **kwargs)

    def node_count(self) -> int:
        return self.run("MATCH (n) RETURN count(n) AS c")[0]["c"]

    def wipe(self) -> None:
        """Delete all data, then every constraint and index a test may have created."""
        with self.session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            for record in session.run("SHOW CONSTRAINTS YIELD name").data():
                session.run(f"DROP CONSTRAINT {_quote(record['name'])} IF EXISTS").consume()
            indexes = session.run(
                "SHOW INDEXES YIELD name, type, owningConstraint "
                "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name"
            ).data()
            for record in indexes:
                session.run(f"DROP INDEX {_quote(record['name'])} IF EXISTS").consume()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "neo4j: the test talks to a real Neo4j server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if NEO4J_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_driver():
    """A driver for the test Neo4j; skips (or fails, under CI) when there is none."""
    uri = os.environ.get("NEO4J_URI") or DEFAULT_TEST_URI
    hint = f"no Neo4j at {uri}: run `scripts/test`, or `scripts/neo4j start` and set NEO4J_URI"
    try:
        import neo4j
    except ImportError:
        _unavailable(f"the neo4j Python driver is not installed; {hint}")
    password = os.environ.get("NEO4J_PASSWORD") or None
    auth = (os.environ.get("NEO4J_USER") or "neo4j", password) if password else None
    driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=10)
    try:
        driver.verify_connectivity()
    except Exception as exc:  # ServiceUnavailable, AuthError, bad URI ...
        driver.close()
        reason = (str(exc).strip().splitlines() or [""])[0]
        _unavailable(f"{hint} ({type(exc).__name__}: {reason})")
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture(scope="session")
def _neo4j_wipe_checked(neo4j_driver) -> dict[str, bool]:
    return {}


@pytest.fixture
def neo4j_db(neo4j_driver, _neo4j_wipe_checked):
    """An empty database on the test server; wiped before and after the test."""
    database = os.environ.get("NEO4J_DATABASE") or "neo4j"
    db = Neo4jTestDatabase(neo4j_driver, database, os.environ.get("NEO4J_URI") or DEFAULT_TEST_URI)
    if database not in _neo4j_wipe_checked:
        if not (_required() or os.environ.get("RELGRAPH_TEST_WIPE_OK")) and db.node_count():
            _unavailable(
                f"database {database!r} at {db.uri} holds data and tests would wipe it; use `scripts/test` "
                "(its own server), or set RELGRAPH_TEST_WIPE_OK=1"
            )
        _neo4j_wipe_checked[database] = True
    db.wipe()
    yield db
    db.wipe()
