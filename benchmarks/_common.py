"""Shared pieces of the benchmark scripts: machine description, timing,
tables, and a private Neo4j server on its own ports and home.

The server is started with ``scripts/neo4j`` on ports 27687/27474 (auth off)
with its home under ``~/.cache/relgraph/neo4j-bench`` (override with
``RELGRAPH_BENCH_NEO4J_HOME``), so a benchmark never touches the development
or test servers. Every script stops the server it started.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j"
NEO4J_VERSION = os.environ.get("RELGRAPH_NEO4J_VERSION", "5.26.30")
BENCH_HOME = Path(os.environ.get("RELGRAPH_BENCH_NEO4J_HOME", Path.home() / ".cache" / "relgraph" / "neo4j-bench"))
BOLT_PORT = int(os.environ.get("RELGRAPH_BENCH_BOLT_PORT", "27687"))
HTTP_PORT = int(os.environ.get("RELGRAPH_BENCH_HTTP_PORT", "27474"))


def machine() -> str:
    """One line: CPU model, cores, memory, load average, Python."""
    model = platform.processor() or "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        m = re.search(r"^Model name:\s*(.+)$", out, re.M)
        model = m.group(1).strip() if m else model
    except OSError:
        pass
    mem = ""
    try:
        kib = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    load = ", load %.2f %.2f %.2f" % os.getloadavg()
    return f"{model}, {os.cpu_count()} cores{mem}{load}, Python {platform.python_version()}"


def header(title: str) -> None:
    print(f"# {title}")
    print(f"# machine: {machine()}")
    print(f"# date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")


def table(rows: list[list], head: list[str]) -> None:
    """Print rows as an aligned plain-text table."""
    cells = [[str(c) for c in head]] + [[f"{c:,.1f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    numeric = [any(isinstance(r[i], (int, float)) for r in rows) for i in range(len(head))]
    for n, r in enumerate(cells):
        print("  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """(seconds, result) of one call."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if 0 < p < 100 else (
        min(values) if p <= 0 else max(values))


# --- Neo4j --------------------------------------------------------------------------------


def neo4j_lib() -> Path:
    """The jars scripts/neo4j assembles (installs them if missing)."""
    lib = Path(os.environ.get("RELGRAPH_CACHE", Path.home() / ".cache" / "relgraph")) / f"neo4j-{NEO4J_VERSION}" / "lib"
    if not (lib / f"neo4j-server-{NEO4J_VERSION}.jar").exists():
        subprocess.run([str(SCRIPT), "install"], check=True)
    return lib


def _port_or_free(port: int) -> int:
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) != 0:
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    print(f"# port {port} is taken by another server; using {free}")
    return free


class BenchNeo4j:
    """A Neo4j server for one benchmark run (auth off, its own home and ports).

    home: server home; wiped by :meth:`wipe`.
    heap: JVM heap, e.g. ``2g``.
    """

    def __init__(self, home: Path = BENCH_HOME, heap: str = "2g"):
        self.home = home
        self.heap = heap
        # Another server may hold the usual ports (several people share the
        # machine); then take free ones rather than fail.
        self.bolt = _port_or_free(BOLT_PORT)
        self.http = _port_or_free(HTTP_PORT)
        self.uri = f"bolt://127.0.0.1:{self.bolt}"

    def _env(self) -> dict:
        return dict(os.environ, RELGRAPH_NEO4J_HOME=str(self.home), NEO4J_BOLT_PORT=str(self.bolt),
                    NEO4J_HTTP_PORT=str(self.http), NEO4J_AUTH="none", NEO4J_HEAP=self.heap)

    def script(self, command: str) -> None:
        run = subprocess.run([str(SCRIPT), command], env=self._env(), capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"scripts/neo4j {command} failed: {run.stdout}{run.stderr}".strip())

    def start(self) -> None:
        self.script("start")

    def stop(self) -> None:
        self.script("stop")

    def wipe(self) -> None:
        """Stop the server and delete its data (the next start is empty)."""
        self.script("wipe")

    def driver(self):
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=None)

    def admin_import(self, arguments: list[str]) -> tuple[float, str]:
        """Run ``neo4j-admin database import full`` on the (stopped) server's home.

        arguments: what follows ``full`` (database name first).
        Returns (wall seconds including JVM start, the tool's own "IMPORT DONE in" figure).
        """
        self.script("install")  # makes the home and links lib/ when missing
        lib = neo4j_lib()
        env = dict(os.environ, NEO4J_HOME=str(self.home), NEO4J_CONF=str(self.home / "conf"))
        cmd = ["java", "-cp", f"{lib}/*", "org.neo4j.server.startup.Neo4jAdminCommand",
               "database", "import", "full", "--overwrite-destination=true", *arguments]
        t0 = time.perf_counter()
        # The tool writes import.report in its working directory: keep it in the server's home.
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=self.home)
        seconds = time.perf_counter() - t0
        if run.returncode != 0:
            raise RuntimeError(f"neo4j-admin import failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
        m = re.search(r"IMPORT DONE in ([^.]+)\.", run.stdout)
        return seconds, m.group(1) if m else "?"


@contextmanager
def neo4j_server(fresh: bool = True, heap: str = "2g") -> Iterator[BenchNeo4j]:
    """Start the benchmark server (wiped first when ``fresh``) and stop it after."""
    server = BenchNeo4j(heap=heap)
    # A plain `kill` of the benchmark must still stop the server below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if fresh:
        server.wipe()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def have_java() -> bool:
    return shutil.which("java") is not None
