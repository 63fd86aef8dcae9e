"""RDF export throughput: relgraph's exporter vs pyoxigraph serialising the
same triples, side by side, per format.

A generated graph is saved to a temporary embedded store. Then, for each
format and for ``--repeat`` rounds (best round kept, the contenders
alternating):

- ``relgraph export``: ``graph.rdf.export_store`` (streams the store's
  quads, rewrites the base IRI on the fly, adds the ontology, writes the file);
- ``relgraph export --source neo4j`` path: ``graph.rdf.export_graph`` from
  an in-memory KnowledgeGraph (builds the triples in Python);
- pyoxigraph ``Store.dump`` of the same store's default graph (Rust only);
- pyoxigraph ``serialize`` of the same triples already in a Python list.

Throughput is triples per second of the file relgraph writes (data plus
ontology triples).

Example::

    python -m benchmarks.bench_export                       # 100k relations
    python -m benchmarks.bench_export --relations 1000000 --entities 100000
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from benchmarks import synth
from benchmarks._common import header, table, timed
from graph.rdf import export_graph, export_store
from graph.store import EmbeddedStore

FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, help="default relations / 10")
    ap.add_argument("--repeat", type=int, default=3, help="rounds per contender; the best is kept")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    n_ent = args.entities or max(1000, args.relations // 10)

    header(f"bench_export: {args.relations} relations, {n_ent} entities")
    t_graph, kg = timed(lambda: synth.graph(n_ent, args.relations, args.seed))
    print(f"# graph: {len(kg.statements)} statements, {len(kg.entities)} entities, generated in {t_graph:.1f} s",
          flush=True)
    work = Path(tempfile.mkdtemp(prefix="relgraph-bench-export-"))
    rows = []
    try:
        store = EmbeddedStore(work / "store")
        t_save, _ = timed(lambda: store.save([], kg))
        with store.reading() as (ox_store, _meta):
            triples = [q.triple for q in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        print(f"# store: {len(triples)} data triples, written in {t_save:.1f} s; load %.2f %.2f %.2f" % os.getloadavg(),
              flush=True)
        for fmt, rdf_format in FORMATS.items():
            out = work / f"out.{fmt}"

            def relgraph_store():
                return export_store(store.path, fmt, out).triples

            def relgraph_kg():
                return export_graph(kg, fmt, out).triples

            def ox_dump():
                with store.reading() as (ox_store, _meta):
                    ox_store.dump(str(out), rdf_format, from_graph=ox.DefaultGraph())
                return len(triples)

            def ox_serialize():
                with open(out, "wb") as fh:
                    ox.serialize(triples, fh, rdf_format)
                return len(triples)

            contenders = {"relgraph export (store)": relgraph_store, "relgraph export_graph (in memory)": relgraph_kg,
                          "pyoxigraph Store.dump": ox_dump, "pyoxigraph serialize(list)": ox_serialize}
            best: dict[str, tuple[float, int]] = {}
            for r in range(args.repeat):
                names = list(contenders) if r % 2 == 0 else list(contenders)[::-1]
                for name in names:
                    seconds, n = timed(contenders[name])
                    # Each figure as soon as it is measured: a full-size run takes long and may be cut short.
                    print(f"# {fmt} round {r + 1}: {name}: {n} triples in {seconds:.1f} s; "
                          "load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
                    if name not in best or seconds < best[name][0]:
                        best[name] = (seconds, n)
            base = best["pyoxigraph serialize(list)"]
            for name, (seconds, n) in best.items():
                rows.append([fmt, name, n, seconds, n / seconds, f"{(n / seconds) / (base[1] / base[0]):.2f}"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table(rows, ["format", "writer", "triples", "best s", "triples/s", "vs serialize(list)"])


if __name__ == "__main__":
    main()
