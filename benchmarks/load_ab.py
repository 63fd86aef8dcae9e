"""A/B of the Neo4j loader on your own running server: wall time, this
process's CPU and the server's CPU (from /proc) of each load, for the
working tree's loader with 1 or more write sessions and for the loader of
an older commit, alternated so that machine noise falls on every side.

Server CPU is the figure that the machine's load disturbs least: wall time
on a shared 2-core machine is mostly waiting for a core.

The database is emptied before each side (``--wipe`` must be given), so
point it at a server of your own: ``NEO4J_URI`` (default
bolt://127.0.0.1:7687, auth off) and the server's pid file under
``RELGRAPH_NEO4J_HOME`` (``run/neo4j.pid``, as ``scripts/neo4j`` writes it).

Example::

    python -m benchmarks.load_ab --wipe --relations 100000 --sides f9a9e18,1,2,f9a9e18,1,2
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import synth
from benchmarks._common import ROOT
from graph import neo4j_writer
from ontology import load_ontology


def writer_of(commit: str):
    """graph/neo4j_writer.py of a commit, imported as a module of its own."""
    text = subprocess.run(["git", "show", f"{commit}:graph/neo4j_writer.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp(prefix="relgraph-load-ab-")) / f"writer_{commit}.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def server_cpu(pid: int) -> float:
    """User + system CPU seconds of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wipe(driver) -> None:
    with driver.session() as s:
        s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS").consume()
        s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS").consume()


def main(argv: list[str] | None = None) -> None:
    import neo4j

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, help="default relations / 10")
    ap.add_argument("--sides", default="1,2,1,2",
                    help="comma-separated: a number is the working tree's loader with that many write sessions, "
                         "anything else a commit whose loader runs (default 1,2,1,2)")
    ap.add_argument("--wipe", action="store_true", help="required: the database is emptied before each side")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if not args.wipe:
        ap.error("--wipe is required: every side starts from an empty database")
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    home = Path(os.environ.get("RELGRAPH_NEO4J_HOME", Path.home() / ".cache" / "relgraph" / "neo4j"))
    pid = int((home / "run" / "neo4j.pid").read_text().split()[0])
    onto = load_ontology()
    kg = synth.graph(args.entities or args.relations // 10, args.relations, args.seed)
    modules: dict[str, object] = {}
    reference = None
    print(f"# load_ab: {len(kg.statements)} relations, {len(kg.entities)} entities, server {uri} (pid {pid})")
    with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
        for side in args.sides.split(","):
            if side.isdigit():
                module, kw = neo4j_writer, {"workers": int(side)}
            else:
                if side not in modules:
                    modules[side] = writer_of(side)
                module, kw = modules[side], {}
            wipe(driver)
            neo4j_writer.ensure_schema(driver, onto)
            for name in ("first", "re-load"):
                cpu, server, t0 = time.process_time(), server_cpu(pid), time.perf_counter()
                summary = module.load(driver, kg, onto, **kw)
                wall = time.perf_counter() - t0
                print(f"{side:>8} {name:<7} wall {wall:6.1f} s  client CPU {time.process_time() - cpu:5.1f} s  "
                      f"server CPU {server_cpu(pid) - server:6.1f} s | "
                      + ", ".join(f"{n} {s:.1f}" for n, _, s in summary.phases)
                      + " | load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
                counts = neo4j_writer.counts(driver)
                if reference is None:
                    reference = counts
                elif counts != reference:
                    print(f"# DIFFERENT GRAPH: {counts} against {reference}", flush=True)
    print(f"# every side's graph: {reference}")


if __name__ == "__main__":
    main()
