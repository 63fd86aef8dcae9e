"""A content fingerprint of a whole Neo4j database, to compare two loads."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    """Counts and a hash over every node (labels, properties) and every
    relationship (type, end ids, properties) of a database."""

    nodes: int
    relationships: int
    properties: int
    digest: str


def _plain(value):
    # Neo4j temporal values and lists become JSON-stable values.
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def snapshot(driver, database: str | None = None) -> Snapshot:
    """Fingerprint the database (nodes are identified by their ``id`` property).

    driver: an open driver.
    database: database name, None for the default.
    """
    nodes, rels = [], []
    props = 0
    with driver.session(database=database) as s:
        for rec in s.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p"):
            p = {k: _plain(v) for k, v in rec["p"].items()}
            props += len(p)
            nodes.append(json.dumps([sorted(rec["l"]), p], sort_keys=True, ensure_ascii=False))
        for rec in s.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p"):
            p = {k: _plain(v) for k, v in rec["p"].items()}
            props += len(p)
            rels.append(json.dumps([rec["t"], rec["a"], rec["b"], p], sort_keys=True, ensure_ascii=False))
    h = hashlib.sha256()
    for line in sorted(nodes) + ["--"] + sorted(rels):
        h.update(line.encode("utf-8") + b"\n")
    return Snapshot(len(nodes), len(rels), props, h.hexdigest())
