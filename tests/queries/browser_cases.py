"""What the Browser check runs: one parameter set per prepared query, over the fixture graph.

Values are what a user types to ``relgraph query``; :func:`expected_params`
turns them into what Browser's ``:params`` needs (entity parameters as lists
of match keys, every declared parameter set).
"""

from __future__ import annotations

from typing import Any, Mapping

from queries.catalog import load_catalog
from queries.runner import lookup_params

# Every query, with values that return rows from tests/queries/fixtures.example_graph.
BROWSER_RUNS: dict[str, dict[str, Any]] = {
    "relations": {"entity": "Hikvision"},
    "sanctions": {"status": "considered"},
    "deal_contest": {"target": "Mercuries Life"},
    "paths": {"source": "Hikvision", "target": "Huawei", "max_hops": 3},
    "neighbourhood": {"entity": "hikvision", "hops": 2},
    "evidence": {"subject": "US", "object": "Hikvision"},
    "people": {"organization": "Hikvision"},
    "timeline": {"entity": "Huawei"},
    "most_connected": {"limit": 5},
    "contested": {},
}


def expected_params(name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The ``:params`` map Browser needs to run query NAME as ``relgraph query`` would.

    name: query name. values: parameters as a user gives them.
    """
    query = load_catalog().get(name)
    bound = lookup_params(query, query.bind(values))
    return {k: list(v) if isinstance(v, tuple) else v for k, v in bound.items()}
