"""Shared test fixtures.

Neo4j fixtures live in ``tests/neo4j_fixtures.py``. Heavy resources (the
spaCy model, the extractor) are loaded once per session. When ``CI`` or
``RELGRAPH_REQUIRE_NEO4J`` is set, a missing model or server fails the run
instead of skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["tests.neo4j_fixtures"]
EXAMPLES = ROOT / "examples"


def required() -> bool:
    """True when missing services or models must fail the run, not skip."""
    return bool(os.environ.get("CI") or os.environ.get("RELGRAPH_REQUIRE_NEO4J"))


@pytest.fixture(scope="session")
def extractor():
    """The real extractor with the configured spaCy model, loaded once."""
    from extraction.pipeline import Extractor
    from relgraph.config import Settings
    from relgraph.errors import ModelError

    try:
        return Extractor(model=Settings.from_env().model)
    except ModelError as exc:
        if required():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
