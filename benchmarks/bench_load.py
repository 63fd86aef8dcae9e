"""Neo4j load throughput: relgraph's loader vs a per-row MERGE loader (floor)
vs ``neo4j-admin database import full`` of the same graph (ceiling).

All three write the same graph (entities, articles, evidence, relations,
mentions; the shape of docs/architecture.md) from one synthetic
KnowledgeGraph, into a private server on ports 27687/27474 that this script
starts and stops. Throughput is relations (statements) per second of wall
time for the whole graph, so the three figures compare directly.

- relgraph: ``graph.neo4j_writer.load`` (``--workers`` concurrent write
  sessions) into an empty database with the
  schema in place (batched UNWIND ... CREATE, as it finds no relgraph data),
  then again over the loaded graph (batched UNWIND ... MERGE: the idempotent
  re-load ``relgraph load`` does after every build); each with its phases.
- floor: the same MERGE statements one row per auto-commit transaction, on
  the first ``--naive-relations`` relations and what they reference (it is
  too slow for the whole graph; its rate is per relation of that subgraph).
- ceiling: CSV files from ``graph.neo4j_csv`` and the offline import tool
  (JVM start included; the tool's own figure is printed too), run once
  before the relgraph loads and once after them, so that a change in the
  machine's load during the run shows; the ratios use the mean of the two.
  It can only fill an empty database and builds no indexes; the time to
  build the loader's constraints and indexes on the imported graph is
  printed too (not part of the ratios).

Example::

    python -m benchmarks.bench_load                    # 100k relations
    python -m benchmarks.bench_load --relations 1000000 --entities 100000
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks import synth
from benchmarks._common import BenchNeo4j, header, neo4j_server, table, timed
from graph.model import KnowledgeGraph
from graph.neo4j_csv import write_import_files
from graph.neo4j_writer import ensure_schema, entity_row, evidence_row, key_node, load, statement_row
from ontology import load_ontology


def subgraph(kg: KnowledgeGraph, n: int) -> KnowledgeGraph:
    """The first ``n`` relations and the entities, evidence and articles they use."""
    sub = KnowledgeGraph()
    for sid in list(kg.statements)[:n]:
        st = kg.statements[sid]
        sub.statements[sid] = st
        for eid in (st.subject, st.object):
            sub.entities[eid] = kg.entities[eid]
        for vid in st.evidence:
            ev = kg.evidence[vid]
            sub.evidence[vid] = ev
            if ev.doc_id in kg.articles:
                sub.articles[ev.doc_id] = kg.articles[ev.doc_id]
    return sub


def naive_load(driver, kg: KnowledgeGraph) -> int:
    """One auto-commit MERGE per row, the way a first script usually loads a graph.

    driver: an open driver. kg: the graph. Returns the rows written.
    """
    onto = load_ontology()
    rows = 0
    with driver.session() as session:
        for e in kg.entities.values():
            label = onto.entity_type(e.type).neo4j_label
            row = entity_row(e)
            session.run(f"MERGE (e:Entity {{id: $row.id}}) SET e:{label}, e += $row.props", row=row).consume()
            rows += 1
            for key in {key_node(k) for k in row["props"]["match_keys"]}:
                session.run("MATCH (e:Entity {id: $id}) MERGE (k:Key {key: $key}) MERGE (e)-[:HAS_KEY]->(k)",
                            id=e.id, key=key).consume()
                rows += 1
        for a in kg.articles.values():
            session.run("MERGE (a:Article {id: $id}) SET a.title = $title, a.date = $date, a.url = $url, a.source = $source",
                        id=a.id, title=a.title, date=a.date, url=a.url, source=a.source).consume()
            rows += 1
        for ev in kg.evidence.values():
            session.run("MERGE (v:Evidence {id: $row.id}) SET v += $row.props "
                        "MERGE (a:Article {id: $row.doc_id}) MERGE (v)-[:IN_ARTICLE]->(a)", row=evidence_row(ev)).consume()
            rows += 1
        for st in kg.statements.values():
            rtype = onto.predicate(st.predicate).neo4j_type
            session.run("MATCH (s:Entity {id: $row.subject}) MATCH (o:Entity {id: $row.object}) "
                        f"MERGE (s)-[r:{rtype} {{id: $row.id}}]->(o) SET r += $row.props", row=statement_row(st)).consume()
            rows += 1
            for vid in st.evidence:
                for eid in (st.subject, st.object):
                    session.run("MATCH (v:Evidence {id: $v}) MATCH (e:Entity {id: $e}) MERGE (v)-[:MENTIONS]->(e)",
                                v=vid, e=eid).consume()
                    rows += 1
    return rows


def phases(summary) -> str:
    """The load's phases (``LoadSummary.phases``) as "name rows seconds" on one line."""
    return ", ".join(f"{name} {n:,} rows {sec:.1f} s" for name, n, sec in summary.phases)


def tool_seconds(figure: str) -> float | None:
    """Seconds of the import tool's "IMPORT DONE in 1m 2s 631ms" figure."""
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    parts = re.findall(r"(\d+)(ms|h|m|s)\b", figure)
    return sum(int(n) * units[u] for n, u in parts) or None


def count(driver) -> tuple[int, int]:
    rec = driver.execute_query("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels").records[0]
    return rec["nodes"], rec["rels"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000, help="relations in the graph (default 100000)")
    ap.add_argument("--entities", type=int, help="entities (default relations / 10)")
    ap.add_argument("--naive-relations", type=int, default=3000, help="relations loaded by the per-row loader")
    ap.add_argument("--batch-size", type=int, default=2000, help="rows per transaction of the relgraph loader")
    ap.add_argument("--workers", type=int, default=2, help="concurrent write sessions of the relgraph loader (default 2)")
    ap.add_argument("--heap", default="2g", help="Neo4j JVM heap")
    ap.add_argument("--pagecache", default="2g",
                    help="Neo4j page cache (NEO4J_PAGECACHE of scripts/neo4j; the store at 1M relations is about 1.5 GiB)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    n_ent = args.entities or max(1000, args.relations // 10)
    os.environ["NEO4J_PAGECACHE"] = args.pagecache  # the benchmark server's scripts/neo4j reads it

    header(f"bench_load: {args.relations} relations, {n_ent} entities, batch {args.batch_size}, workers {args.workers}, "
           f"heap {args.heap}, page cache {args.pagecache}")
    t_gen, kg = timed(lambda: synth.graph(n_ent, args.relations, args.seed))
    mentions = len({(v, e) for s in kg.statements.values() for v in s.evidence for e in (s.subject, s.object)})
    print(f"# graph: {len(kg.entities)} entities, {len(kg.statements)} relations, {len(kg.evidence)} evidence, "
          f"{len(kg.articles)} articles, {mentions} mentions (generated in {t_gen:.1f} s)")
    onto = load_ontology()
    rows = []
    work = Path(tempfile.mkdtemp(prefix="relgraph-bench-load-"))
    try:
        # The import runs before the relgraph loads and again after them, so the
        # ceiling is measured under the machine load of both ends of the run.
        t_csv, plan = timed(lambda: write_import_files(kg, work / "csv", onto))
        pre = BenchNeo4j(heap=args.heap)
        pre.wipe()
        t_import0, tool0 = pre.admin_import(plan.arguments("neo4j"))
        print(f"# neo4j-admin import, before the loads: {t_import0:.1f} s wall ({tool0} by its timer), "
              f"{len(kg.statements) / t_import0:.0f} relations/s; CSV written in {t_csv:.1f} s; "
              "load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
        with neo4j_server(fresh=True, heap=args.heap) as server:
            with server.driver() as driver:
                ensure_schema(driver, onto)
                cpu0 = time.process_time()
                t_first, summary = timed(lambda: load(driver, kg, onto, batch_size=args.batch_size, workers=args.workers))
                cpu_first, cpu0 = time.process_time() - cpu0, time.process_time()
                nodes, rels = count(driver)
                # Each figure as soon as it is measured: a full run takes long and may be cut short.
                print(f"# relgraph load, empty db ({'CREATE' if summary.created else 'MERGE'}): {t_first:.1f} s, "
                      f"{len(kg.statements) / t_first:.0f} relations/s (this process: {cpu_first:.1f} s CPU); {phases(summary)}"
                      "; load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
                t_again, again = timed(lambda: load(driver, kg, onto, batch_size=args.batch_size, workers=args.workers))
                cpu_again = time.process_time() - cpu0
                print(f"# relgraph re-load ({'CREATE' if again.created else 'MERGE'}): {t_again:.1f} s, "
                      f"{len(kg.statements) / t_again:.0f} relations/s (this process: {cpu_again:.1f} s CPU); {phases(again)}"
                      "; load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
                if count(driver) != (nodes, rels):
                    print("# WARNING: the re-load changed the node or relationship count", flush=True)
        rows.append(["relgraph load, empty db", len(kg.statements), t_first, len(kg.statements) / t_first])
        rows.append(["relgraph load, re-load", len(kg.statements), t_again, len(kg.statements) / t_again])

        sub = subgraph(kg, args.naive_relations)
        with neo4j_server(fresh=True, heap=args.heap) as server:
            with server.driver() as driver:
                ensure_schema(driver, onto)
                t_naive, _ = timed(lambda: naive_load(driver, sub))
        print(f"# per-row MERGE: {len(sub.statements)} relations in {t_naive:.1f} s; load %.2f %.2f %.2f"
              % os.getloadavg(), flush=True)
        rows.append([f"per-row MERGE (first {len(sub.statements)})", len(sub.statements), t_naive,
                     len(sub.statements) / t_naive])

        server.wipe()
        t_import, tool = server.admin_import(plan.arguments("neo4j"))
        print(f"# neo4j-admin import, after the loads: {t_import:.1f} s wall; load %.2f %.2f %.2f" % os.getloadavg(),
              flush=True)
        server.start()
        try:
            with server.driver() as driver:
                imported = count(driver)
                # The import builds no index: what the loader maintains as it
                # writes (constraints, the relationship id and status indexes)
                # is built here, for the "import + schema" figure.
                try:
                    t_schema, _ = timed(lambda: ensure_schema(driver, onto))
                except Exception as exc:  # e.g. awaitIndexes timing out: the figures above still count
                    t_schema = None
                    print(f"# schema build on the imported graph failed: {exc}", flush=True)
        finally:
            server.stop()
        if t_schema is not None:
            print(f"# schema (constraints and indexes) built on the imported graph in {t_schema:.1f} s; "
                  "load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
        for when, t, figure in (("before", t_import0, tool0), ("after", t_import, tool)):
            rows.append([f"neo4j-admin import {when} (wall, JVM incl.)", len(kg.statements), t, len(kg.statements) / t])
            t_tool = tool_seconds(figure)
            if t_tool:
                rows.append([f"neo4j-admin import {when} (its own timer)", len(kg.statements), t_tool,
                             len(kg.statements) / t_tool])
        rows.append(["CSV write + import", len(kg.statements), t_csv + t_import,
                     len(kg.statements) / (t_csv + t_import)])
        if t_schema is not None:
            rows.append(["import after + schema build", len(kg.statements), t_import + t_schema,
                         len(kg.statements) / (t_import + t_schema)])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table(rows, ["loader", "relations", "seconds", "relations/s"])
    print(f"# relgraph load into the empty db, by phase: {phases(summary)}")
    print(f"# relgraph re-load, by phase: {phases(again)}")
    print(f"# loaded graph: {nodes} nodes, {rels} relationships; imported: {imported[0]} nodes, {imported[1]} relationships"
          f" ({'same' if (nodes, rels) == imported else 'DIFFERENT'}); import tool reported {tool}; CSV written in {t_csv:.1f} s")
    # The ceiling is the tool's wall time: what a user waits for, JVM start
    # included; the mean of its two runs, each shown too.
    ceiling = len(kg.statements) / ((t_import0 + t_import) / 2)
    floor = len(sub.statements) / t_naive
    for name, rate in (("empty db", len(kg.statements) / t_first), ("re-load", len(kg.statements) / t_again)):
        print(f"ratio relgraph ({name}) / import: {rate / ceiling:.2f}  (target >= 0.20; "
              f"{rate * t_import0 / len(kg.statements):.2f} against the import before, "
              f"{rate * t_import / len(kg.statements):.2f} after)   relgraph ({name}) / per-row: {rate / floor:.1f}x")


if __name__ == "__main__":
    main()
