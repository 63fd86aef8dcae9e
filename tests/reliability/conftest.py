"""Helpers for the reliability suite: running the CLI as a user does,
fingerprinting the embedded store, and a dedicated Neo4j server that the
fault tests may stop and restart without disturbing the shared one.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, required

# Ports of the dedicated server: RELGRAPH_FAULT_BOLT_PORT/RELGRAPH_FAULT_HTTP_PORT,
# else free ports chosen at start, so that it never collides with (or stops)
# the shared test server or anyone else's.
# Long enough to make it obvious in any output; never a real credential.
FAULT_PASSWORD = "rg-fault-pw-7Qx9zK2m"


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a ``relgraph`` subprocess: ours, minus any NEO4J_*
    settings of the developer (tests pass their own), plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 300, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``relgraph ARGS`` in a fresh interpreter and capture its output (text).

    args: command-line arguments after ``relgraph``.
    cwd: working directory (where a ``.env`` would be read).
    env: environment; :func:`cli_env` when None.
    timeout: seconds before the run counts as hung.
    stdin: bytes fed to standard input.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "relgraph.cli", *args], input=stdin, capture_output=True,
        cwd=cwd, env=env if env is not None else cli_env(), timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
    )


def start_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start ``relgraph ARGS`` without waiting (for signal and fault tests)."""
    return subprocess.Popen(
        [sys.executable, "-m", "relgraph.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=cwd, env=env if env is not None else cli_env(),
    )


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    """A user mistake must never show a Python traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]


def tree_checksum(path: Path) -> str:
    """SHA-256 over every file's relative path and bytes under ``path``
    (empty string for a missing directory): equal sums mean untouched."""
    if not path.exists():
        return ""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
        h.update(f.relative_to(path).as_posix().encode() + b"\0")
        if f.is_file():
            h.update(f.read_bytes())
        h.update(b"\1")
    return h.hexdigest()


def free_port() -> int:
    """A TCP port nothing listens on right now (on 127.0.0.1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- a dedicated Neo4j server -------------------------------------------------------------


@dataclass
class FaultServer:
    """A Neo4j started with ``scripts/neo4j`` under a private home.

    home: its RELGRAPH_NEO4J_HOME; uri: its Bolt URI; password: of user neo4j.
    """

    home: Path
    uri: str
    password: str
    bolt_port: int
    http_port: int

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        env.update(
            RELGRAPH_NEO4J_HOME=str(self.home), NEO4J_BOLT_PORT=str(self.bolt_port),
            NEO4J_HTTP_PORT=str(self.http_port), NEO4J_AUTH=f"neo4j/{self.password}",
        )
        return env

    def script(self, action: str, timeout: float = 240) -> subprocess.CompletedProcess:
        """Run ``scripts/neo4j ACTION`` for this server."""
        return subprocess.run(
            [str(ROOT / "scripts" / "neo4j"), action], env=self._env(), capture_output=True,
            text=True, timeout=timeout,
        )

    def pid(self) -> int | None:
        pidfile = self.home / "run" / "neo4j.pid"
        try:
            pid = int(pidfile.read_text().strip())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def driver(self):
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", self.password))

    def wipe_data(self) -> None:
        """Delete every node and relationship (schema stays)."""
        with self.driver() as d, d.session() as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


@pytest.fixture(scope="session")
def fault_server(tmp_path_factory) -> FaultServer:
    """A Neo4j with auth on (password :data:`FAULT_PASSWORD`) on its own
    ports and home, that fault tests may stop and start; stopped at the end."""
    home = tmp_path_factory.mktemp("fault-neo4j")
    bolt = int(os.environ.get("RELGRAPH_FAULT_BOLT_PORT") or free_port())
    http = int(os.environ.get("RELGRAPH_FAULT_HTTP_PORT") or free_port())
    server = FaultServer(home, f"bolt://127.0.0.1:{bolt}", FAULT_PASSWORD, bolt, http)
    if not (ROOT / "scripts" / "neo4j").exists():
        msg = "scripts/neo4j is missing; the fault tests need it to start their own Neo4j"
        pytest.fail(msg) if required() else pytest.skip(msg)
    proc = server.script("start")
    if proc.returncode != 0:
        msg = f"scripts/neo4j start failed: {(proc.stderr or proc.stdout).strip()[-500:]}"
        pytest.fail(msg) if required() else pytest.skip(msg)
    yield server
    server.script("stop")
    pid = server.pid()
    if pid is not None:  # the script gave up; do not leave a JVM behind
        os.kill(pid, signal.SIGKILL)


def pytest_collection_modifyitems(config, items):
    """Tests on the private fault server talk to Neo4j too: mark them ``neo4j``
    so that ``-m "not neo4j"`` leaves them out with the others."""
    for item in items:
        if "fault_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)
