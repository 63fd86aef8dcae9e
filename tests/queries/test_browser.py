"""The favorites import in the real Neo4j Browser (5.24, served by the test server), in headless Chromium.

`relgraph queries --browser-export` writes a zip; dropped on Browser it must
list every prepared query by title under Favorites, a click must put the
query in the editor, and after the `:params`/`:param` commands its header
shows, running it must return the rows `relgraph query --backend neo4j` returns.

Needs playwright and Chromium (tests/queries/browser_check.py). Missing:
skipped, or failed when RELGRAPH_REQUIRE_BROWSER is set (as CI sets it).
"""

from __future__ import annotations

import os

import pytest

from graph import neo4j_writer
from queries.catalog import load_catalog
from queries.favorites import export_favorites
from queries.runner import run_cypher
from tests.queries.browser_cases import BROWSER_RUNS, expected_params
from tests.queries.fixtures import example_graph


def _unavailable(message: str):
    if os.environ.get("RELGRAPH_REQUIRE_BROWSER"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser_ready():
    from tests.queries import browser_check

    try:
        browser_check._sync_playwright()
        browser_check.chromium_path()
    except browser_check.BrowserUnavailable as exc:
        _unavailable(str(exc))
    return browser_check


def test_favorites_import_lists_every_query_and_runs_it(browser_ready, neo4j_db, tmp_path):
    if os.environ.get("NEO4J_PASSWORD"):
        _unavailable("the Browser check connects without auth; run it against a server with auth off (scripts/test)")
    uri = neo4j_db.uri.rsplit(":", 1)
    bolt_port = int(uri[1])
    http_port = int(os.environ.get("NEO4J_HTTP_PORT") or 17474)
    neo4j_writer.load(neo4j_db.driver, example_graph(), database=neo4j_db.database)
    catalog = load_catalog()
    expected = {
        name: run_cypher(catalog.get(name), catalog.get(name).bind(values), neo4j_db.driver, neo4j_db.database)
        for name, values in BROWSER_RUNS.items()
    }
    zip_path = tmp_path / "relgraph-favorites.zip"
    export_favorites(zip_path)

    report = browser_ready.run_check(
        http_port, bolt_port, zip_path,
        {name: expected_params(name, values) for name, values in BROWSER_RUNS.items()},
        shots=tmp_path / "shots",
    )

    assert {q.title for q in catalog} <= set(report.favorites)
    assert len(report.favorites) == len(set(report.favorites)), "a favorite was imported twice"
    assert [r.name for r in report.runs] == list(BROWSER_RUNS)
    for run in report.runs:
        assert run.editor_first_line == f"// {catalog.get(run.name).title}", run.name
        assert run.records == len(expected[run.name].rows), (run.name, run.status)
        assert run.records > 0, run.name
