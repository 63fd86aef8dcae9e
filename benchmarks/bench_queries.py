"""Latency of every prepared query on both backends, on one generated graph.

The graph (``benchmarks.synth.graph``) is written to a temporary embedded
store (Oxigraph, SPARQL) and imported into a private Neo4j server (Cypher;
filled with ``neo4j-admin database import`` from ``graph.neo4j_csv`` for
speed, then given relgraph's schema). Each query runs with ``--params``
different parameter sets drawn from the graph (hub and ordinary entities),
``--runs`` times in all per backend after one warm-up call per set; the two
backends get the same calls, interleaved, and their answers are compared.
Calls run in a child process; one that takes longer than ``--budget``
seconds is cut off and the query is reported as slower than the budget.

Example::

    python -m benchmarks.bench_queries                     # 10k entities / 100k relations
    python -m benchmarks.bench_queries --entities 100000 --relations 1000000
    python -m benchmarks.bench_queries --queries sanctions,paths   # only these (names as in queries/)
"""

from __future__ import annotations

import argparse
import multiprocessing
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


class Worker:
    """Runs queries in a child process so that a call can be cut off.

    Some queries can run for minutes on one backend; a pyoxigraph query
    cannot be interrupted in-process, so a call that passes the budget
    kills the child (and, for Neo4j, terminates its transaction).

    store: the embedded store path. uri: Neo4j Bolt URI.
    """

    def __init__(self, store: Path, uri: str):
        self.store, self.uri = store, uri
        self.ctx = multiprocessing.get_context("fork")
        self.proc = None

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_serve, args=(child, str(self.store), self.uri), daemon=True)
        self.proc.start()

    def call(self, backend: str, name: str, params: dict, budget: float) -> tuple[float, tuple] | None:
        """(milliseconds, rows) of one call, or None when it passed ``budget`` seconds."""
        if self.proc is None or not self.proc.is_alive():
            self._start()
        self.conn.send((backend, name, params))
        if self.conn.poll(budget):
            ok, value = self.conn.recv()
            if not ok:
                raise RuntimeError(f"{name} on {backend} failed: {value}")
            return value
        self.close()
        if backend == "neo4j":
            import neo4j

            with neo4j.GraphDatabase.driver(self.uri, auth=None) as driver:
                ids = [r["id"] for r in driver.execute_query(
                    "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery "
                    "WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN id").records]
                try:
                    if ids:
                        driver.execute_query("TERMINATE TRANSACTIONS $ids", ids=ids)
                except neo4j.exceptions.Neo4jError as exc:
                    # It may have finished meanwhile; the next call shows if not.
                    print(f"# could not terminate {ids}: {exc.message}")
        return None

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.proc = None


def _serve(conn, store_path: str, uri: str) -> None:
    import neo4j

    store = EmbeddedStore(store_path)
    catalog = load_catalog()
    driver = neo4j.GraphDatabase.driver(uri, auth=None)
    while True:
        backend, name, params = conn.recv()
        query = catalog.get(name)
        try:
            t0 = time.perf_counter()
            if backend == "embedded":
                result = run_sparql(query, params, store.sparql)
            else:
                result = run_cypher(query, params, driver)
            conn.send((True, ((time.perf_counter() - t0) * 1000, result.rows)))
        except Exception as exc:  # sent to the parent, which raises it
            conn.send((False, f"{type(exc).__name__}: {exc}"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--params", type=int, default=5, help="parameter sets per query")
    ap.add_argument("--runs", type=int, default=20, help="timed calls per query and backend")
    ap.add_argument("--budget", type=float, default=20.0, help="seconds after which a call is cut off")
    ap.add_argument("--heap", default="2g", help="Neo4j JVM heap")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--queries", default="",
                    help="comma-separated query names to run (default: every prepared query)")
    args = ap.parse_args(argv)
    catalog = list(load_catalog())
    if args.queries:
        names = [n.strip() for n in args.queries.split(",") if n.strip()]
        known = {q.name for q in catalog}
        if unknown := [n for n in names if n not in known]:
            ap.error(f"unknown query {', '.join(unknown)}; the queries are {', '.join(sorted(known))}")
        catalog = [q for q in catalog if q.name in names]

    header(f"bench_queries: {args.entities} entities, {args.relations} relations")
    t_gen, kg = timed(lambda: synth.graph(args.entities, args.relations, args.seed))
    print(f"# graph: {len(kg.entities)} entities, {len(kg.statements)} relations, {len(kg.evidence)} evidence "
          f"(generated in {t_gen:.1f} s)")
    onto = load_ontology()
    work = Path(tempfile.mkdtemp(prefix="relgraph-bench-queries-"))
    results: dict[tuple[str, str], list[float]] = {}
    cut: set[tuple[str, str]] = set()
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
            worker = Worker(work / "store", server.uri)
            try:
                for query in catalog:
                    # Drawn per query, so that --queries leaves each query's parameter sets as they are.
                    sets = parameter_sets(kg, query, args.params, random.Random(f"{args.seed}:{query.name}"))
                    for p in sets:  # warm-up, and the two answers compared
                        answers = {}
                        for backend in ("embedded", "neo4j"):
                            if (query.name, backend) in cut:
                                continue
                            got = worker.call(backend, query.name, p, args.budget)
                            if got is None:
                                cut.add((query.name, backend))
                            else:
                                answers[backend] = sorted(map(repr, got[1]))
                        if len(answers) == 2 and answers["embedded"] != answers["neo4j"]:
                            mismatches[query.name] += 1
                    for i in range(args.runs):
                        p = sets[i % len(sets)]
                        for backend in (("embedded", "neo4j") if i % 2 == 0 else ("neo4j", "embedded")):
                            if (query.name, backend) in cut:
                                continue
                            got = worker.call(backend, query.name, p, args.budget)
                            if got is None:
                                cut.add((query.name, backend))
                            else:
                                results.setdefault((query.name, backend), []).append(got[0])
                    print(f"# {query.name}: " + "; ".join(
                        f"{b} " + (f"> {args.budget:g} s" if (query.name, b) in cut else
                                   f"p50 {percentile(results[(query.name, b)], 50):.1f} ms "
                                   f"p95 {percentile(results[(query.name, b)], 95):.1f} ms")
                        for b in ("embedded", "neo4j")), flush=True)
            finally:
                worker.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def cell(name: str, backend: str, p: int):
        if (name, backend) in cut:
            return f"> {args.budget:g} s"
        return percentile(results[(name, backend)], p)

    rows = []
    for query in catalog:
        name = query.name
        rows.append([name, cell(name, "embedded", 50), cell(name, "embedded", 95), cell(name, "neo4j", 50),
                     cell(name, "neo4j", 95),
                     "n/a" if {(name, "embedded"), (name, "neo4j")} & cut else f"{mismatches[name]}/{args.params}"])
    table(rows, ["query", "embedded p50 ms", "embedded p95 ms", "neo4j p50 ms", "neo4j p95 ms", "answers differ"])
    print(f"# a cell '> {args.budget:g} s' means one call passed the budget and was cut off (no further calls)")


if __name__ == "__main__":
    main()
