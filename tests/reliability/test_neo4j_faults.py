"""Faults against a real Neo4j: unreachable server, wrong password, and a
server stopped and restarted in the middle of ``relgraph load``.

The restart test uses its own server (``fault_server``: scripts/neo4j with a
private home and ports) so that stopping it disturbs no one.
"""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from . import synthetic
from .conftest import assert_no_traceback, cli_env, free_port, run_cli, start_cli, tree_checksum
from .neo4j_snapshot import snapshot


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("faults") / "store"
    synthetic.write_store(path, synthetic.results(5, 4))
    return path


@pytest.fixture(scope="module")
def large_store(tmp_path_factory):
    """A store of 3,000 relations, 3,000 evidence sentences, 400 entities, 300 articles."""
    path = tmp_path_factory.mktemp("faults") / "large-store"
    kg = synthetic.write_store(path, synthetic.results(300, 10))
    assert len(kg.statements) == 3000
    return path


def _one_error_line(proc) -> str:
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert_no_traceback(proc)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("relgraph: error:")]
    assert len(errors) == 1, proc.stderr
    return errors[0]


NEO4J_COMMANDS = {
    "load": ["load"],
    "export": ["export", "--source", "neo4j", "--format", "nt"],
    "query": ["query", "relations", "--param", "entity=Synthco 00001", "--backend", "neo4j"],
    "retract": ["retract", "synthetic-00000", "--neo4j"],
}


@pytest.mark.parametrize("command", ["load", "export", "query"])
def test_unreachable_neo4j_is_one_line_naming_uri_and_fix(tmp_path, small_store, command):
    before = tree_checksum(small_store)
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    proc = run_cli("--store", str(small_store), *NEO4J_COMMANDS[command], "--uri", uri, cwd=tmp_path, timeout=120)
    line = _one_error_line(proc)
    assert uri in line and "scripts/neo4j start" in line, line
    assert tree_checksum(small_store) == before


def test_unreachable_neo4j_from_environment(tmp_path, small_store):
    before = tree_checksum(small_store)
    uri = f"neo4j://127.0.0.1:{free_port()}"
    proc = run_cli("--store", str(small_store), "load", cwd=tmp_path, env=cli_env(NEO4J_URI=uri), timeout=120)
    line = _one_error_line(proc)
    assert uri in line and "scripts/neo4j start" in line, line
    assert tree_checksum(small_store) == before


def test_wrong_password_is_one_line_and_store_untouched(tmp_path, small_store, fault_server):
    before = tree_checksum(small_store)
    wrong = "not-the-password-4711"
    proc = run_cli("--store", str(small_store), "load", cwd=tmp_path,
                   env=cli_env(NEO4J_URI=fault_server.uri, NEO4J_USER="neo4j", NEO4J_PASSWORD=wrong), timeout=120)
    line = _one_error_line(proc)
    assert fault_server.uri in line and "NEO4J_PASSWORD" in line, line
    assert wrong not in proc.stdout + proc.stderr
    assert tree_checksum(small_store) == before
    with fault_server.driver() as d:
        assert d.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"] == 0


def _load(store, server, cwd, batch_size: int):
    env = cli_env(NEO4J_URI=server.uri, NEO4J_USER="neo4j", NEO4J_PASSWORD=server.password)
    return ["--store", str(store), "load", "--batch-size", str(batch_size)], env


# The driver retries a transaction for 30 s after its first failure, with
# exponential back-off (1, 2, 4, 8, 16, 32 s, jittered by 20%), so its last
# attempt comes at most about 60 s after the server went away.
MIN_OUTAGE_S = 65


@pytest.fixture(scope="module")
def restart_run(tmp_path_factory, large_store, fault_server):
    """One uninterrupted reference load, then the same load in batches of 25
    rows while the server is stopped for at least MIN_OUTAGE_S and started
    again, then (only if that load failed) a second run. Returns what
    happened and the snapshots."""
    cwd = tmp_path_factory.mktemp("restart")
    fault_server.wipe_data()
    args, env = _load(large_store, fault_server, cwd, 2000)
    proc = run_cli(*args, cwd=cwd, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with fault_server.driver() as d:
        reference = snapshot(d)

    fault_server.wipe_data()
    args, env = _load(large_store, fault_server, cwd, 25)
    load = start_cli(*args, cwd=cwd, env=env)
    fault: dict = {}

    def restart():
        # Stop once the load has written some evidence, i.e. in the middle.
        n = 0
        with fault_server.driver() as d:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and load.poll() is None:
                n = d.execute_query("MATCH (v:Evidence) RETURN count(v) AS c").records[0]["c"]
                if n >= 200:
                    break
                time.sleep(0.05)
        fault["evidence_at_stop"] = n
        fault["running_at_stop"] = load.poll() is None
        t0 = time.monotonic()
        fault["stop"] = fault_server.script("stop").returncode
        # Longer than the driver's whole retry window, so the outcome does not
        # depend on how fast this machine restarts Neo4j.
        time.sleep(max(0.0, MIN_OUTAGE_S - (time.monotonic() - t0)))
        fault["start"] = fault_server.script("start").returncode
        fault["outage_s"] = round(time.monotonic() - t0, 1)

    t = threading.Thread(target=restart)
    t.start()
    try:
        _, err = load.communicate(timeout=600)
    finally:
        t.join(timeout=600)
        if load.poll() is None:
            load.kill()
    fault["first_exit"] = load.returncode
    fault["first_stderr"] = err.decode("utf-8", "replace")
    fault["rerun_exit"] = None
    if load.returncode != 0:
        fault["rerun_exit"] = run_cli(*args, cwd=cwd, env=env, timeout=300).returncode
    with fault_server.driver() as d:
        after = snapshot(d)
    print(f"restart fault: { {k: v for k, v in fault.items() if k != 'first_stderr'} }")
    print("first load's last stderr lines:", *fault["first_stderr"].strip().splitlines()[-2:], sep="\n  ")
    return fault, reference, after


def test_neo4j_restart_during_load_loses_and_doubles_nothing(restart_run):
    fault, reference, after = restart_run
    assert fault["stop"] == 0 and fault["start"] == 0, fault
    assert fault["running_at_stop"], "the load finished before the fault; use a larger store or smaller batches"
    assert reference.relationships >= 3000 and reference.nodes >= 3700
    # The load survived the restart, or a second run completed it.
    assert fault["first_exit"] == 0 or fault["rerun_exit"] == 0, fault["first_stderr"][-3000:]
    assert after == reference


def test_neo4j_lost_during_load_is_survived_or_one_clean_line(restart_run):
    fault, _, _ = restart_run
    if fault["first_exit"] == 0:
        return
    err = fault["first_stderr"]
    assert "Traceback" not in err, err[-3000:]
    errors = [ln for ln in err.splitlines() if ln.startswith("relgraph: error:")]
    assert len(errors) == 1 and "relgraph load" in errors[0], err[-3000:]


def test_retract_with_unreachable_neo4j_leaves_the_store_untouched(tmp_path, small_store):
    store = tmp_path / "store"
    shutil.copytree(small_store, store, symlinks=True)
    before = tree_checksum(store)
    uri = f"bolt://127.0.0.1:{free_port()}"
    proc = run_cli("--store", str(store), *NEO4J_COMMANDS["retract"], "--uri", uri, cwd=tmp_path, timeout=120)
    line = _one_error_line(proc)
    assert uri in line, line
    assert tree_checksum(store) == before
