"""Latency of every prepared query on both backends, on one generated graph.

The graph (``benchmarks.synth.graph``) is written to a temporary embedded
store (Oxigraph, SPARQL) and imported into a private Neo4j server (Cypher;
filled with ``neo4j-admin database import`` from ``graph.neo4j_csv`` for
speed, then given relgraph's schema). Each query runs with ``--params``
different parameter sets drawn from the graph (hub and ordinary entities),
``--runs`` times in all per backend after one warm-up call per set; the two
backends get the same calls, interleaved, and their answers are compared.

Example::

    python -m benchmarks.bench_queries                     # 10k entities / 100k relations
    python -m benchmarks.bench_queries --entities 100000 --relations 1000000
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks import synth
from benchmarks._common import header, neo4j_server, percentile, table, timed
from graph.model import KnowledgeGraph
from graph.neo4j_csv import write_import_files
from graph.neo4j_writer import ensure_schema
from graph.store import EmbeddedStore
from ontology import load_ontology
from queries.catalog import load_catalog
from queries.runner import run_cypher, run_sparql


def parameter_sets(kg: KnowledgeGraph, query, n: int, rng: random.Random) -> list[dict]:
    """``n`` parameter sets for a query: its required entity parameters filled
    with entities of the graph (half of them among the most connected), other
    parameters at their defaults.

    kg: the graph. query: a catalog Query. n: how many sets. rng: random source.
    """
    degree = Counter()
    for st in kg.statements.values():
        degree[st.subject] += 1
        degree[st.object] += 1
    hubs = [e for e, _ in degree.most_common(50)]
    ordinary = list(degree)
    by_pred: dict[str, list] = {}
    for st in kg.statements.values():
        by_pred.setdefault(st.predicate, []).append(st)

    def entity(prefer: str | None = None, side: str = "object") -> str:
        if prefer and by_pred.get(prefer) and rng.random() < 0.8:
            return getattr(rng.choice(by_pred[prefer]), side)
        return rng.choice(hubs) if rng.random() < 0.5 else rng.choice(ordinary)

    sets = []
    statements = list(kg.statements.values())
    for _ in range(n):
        values: dict = {}
        for p in query.params:
            if not p.required:
                continue
            if p.name == "organization":
                values[p.name] = entity("works-for")
            elif p.name == "target" and "source" not in {q.name for q in query.params}:
                values[p.name] = entity("bids-for")
            elif p.name in ("source", "target"):
                st = rng.choice(statements)  # two entities one relation apart, so a path exists
                values["source"], values["target"] = st.subject, st.object
            elif p.name == "subject":
                values[p.name] = entity(rng.choice(sorted(by_pred)), side="subject")
            else:
                values[p.name] = entity()
        sets.append(query.bind(values))
    return sets


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--params", type=int, default=10, help="parameter sets per query")
    ap.add_argument("--runs", type=int, default=30, help="timed calls per query and backend")
    ap.add_argument("--heap", default="2g", help="Neo4j JVM heap")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    header(f"bench_queries: {args.entities} entities, {args.relations} relations")
    t_gen, kg = timed(lambda: synth.graph(args.entities, args.relations, args.seed))
    print(f"# graph: {len(kg.entities)} entities, {len(kg.statements)} relations, {len(kg.evidence)} evidence "
          f"(generated in {t_gen:.1f} s)")
    onto = load_ontology()
    catalog = load_catalog()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="relgraph-bench-queries-"))
    results: dict[tuple[str, str], list[float]] = {}
    mismatches: Counter = Counter()
    try:
        store = EmbeddedStore(work / "store")
        t_store, _ = timed(lambda: store.save([], kg))
        plan = write_import_files(kg, work / "csv", onto)
        with neo4j_server(fresh=True, heap=args.heap) as server:
            server.stop()
            server.admin_import(plan.arguments("neo4j"))
            server.start()
            with server.driver() as driver:
                t_schema, _ = timed(lambda: ensure_schema(driver, onto))
                print(f"# embedded store written in {t_store:.1f} s; Neo4j imported, schema built in {t_schema:.1f} s")
                for query in catalog:
                    sets = parameter_sets(kg, query, args.params, rng)
                    backends = {
                        "embedded": lambda p, q=query: run_sparql(q, p, store.sparql),
                        "neo4j": lambda p, q=query: run_cypher(q, p, driver),
                    }
                    for p in sets:  # warm-up, and the two answers compared
                        answers = {name: run(p) for name, run in backends.items()}
                        if sorted(map(repr, answers["embedded"].rows)) != sorted(map(repr, answers["neo4j"].rows)):
                            mismatches[query.name] += 1
                    for i in range(args.runs):
                        p = sets[i % len(sets)]
                        order = list(backends.items()) if i % 2 == 0 else list(backends.items())[::-1]
                        for name, run in order:
                            t0 = time.perf_counter()
                            run(p)
                            results.setdefault((query.name, name), []).append((time.perf_counter() - t0) * 1000)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = []
    for name in sorted({q for q, _ in results}):
        e, n = results[(name, "embedded")], results[(name, "neo4j")]
        rows.append([name, percentile(e, 50), percentile(e, 95), percentile(n, 50), percentile(n, 95),
                     f"{mismatches[name]}/{args.params}"])
    table(rows, ["query", "embedded p50 ms", "embedded p95 ms", "neo4j p50 ms", "neo4j p95 ms", "answers differ"])


if __name__ == "__main__":
    main()
