"""Interrupting ``relgraph build`` with SIGINT or SIGTERM at several points
leaves the embedded store as it was before the build or complete, never
half-written, and the next build recovers."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from graph.store import EmbeddedStore

from .conftest import ROOT, run_cli, start_cli

DATA = Path(__file__).parent / "data"


def content(store: Path):
    """What a reader sees: cached documents (id -> text hash) and the graph."""
    s = EmbeddedStore(store)
    assert s.exists(), f"{store} has no live generation"
    cache = {k: c.text_sha1 for k, c in s.load_cache().items()}
    kg = s.read_graph()
    # A complete generation: every cached document is an article of the graph.
    assert set(kg.articles) == set(cache)
    return cache, kg


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The store before (seed corpus only) and the complete store after also
    building the extra corpus, each built by the CLI."""
    base = tmp_path_factory.mktemp("interrupt")
    corpus_a = base / "a"
    corpus_a.mkdir()
    shutil.copy(ROOT / "examples" / "seed-news.txt", corpus_a / "seed-news.txt")
    corpus_ab = base / "ab"
    shutil.copytree(corpus_a, corpus_ab)
    shutil.copy(DATA / "corpus-extra.jsonl", corpus_ab / "extra.jsonl")

    before = base / "before"
    proc = run_cli("--store", str(before), "build", str(corpus_a), cwd=base)
    assert proc.returncode == 0, proc.stderr
    complete = base / "complete"
    shutil.copytree(before, complete, symlinks=True)
    proc = run_cli("--store", str(complete), "build", str(corpus_ab), cwd=base)
    assert proc.returncode == 0, proc.stderr
    before_content, complete_content = content(before), content(complete)
    assert before_content != complete_content
    return {"base": base, "corpus": corpus_ab, "before": before, "complete": complete,
            "before_content": before_content, "complete_content": complete_content}


def _wait_for(pred, proc, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if pred():
            return True
        time.sleep(0.001)
    return False


def _entries(store: Path, prefix: str) -> set[str]:
    try:
        return {e.name for e in os.scandir(store) if e.name.startswith(prefix)}
    except FileNotFoundError:
        return set()


# Points in a build, each found by watching the process, not by timing:
# 0.5 s in (interpreter start-up and imports); the moment spaCy's compiled
# modules are mapped into the process (loading the model, then extracting);
# the moment the new generation's temp directory appears (writing the
# store); the moment it is renamed to gen-N (swapping it in).
POINTS = ["startup", "model", "writing", "swapped"]


def _spacy_loaded(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as fh:
            return any("/spacy/" in line and ".so" in line for line in fh)
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("point", POINTS)
def test_interrupted_build_leaves_store_before_or_complete(stores, tmp_path, sig, point):
    store = tmp_path / "store"
    shutil.copytree(stores["before"], store, symlinks=True)
    gens = _entries(store, "gen-")
    proc = start_cli("--store", str(store), "build", str(stores["corpus"]), cwd=stores["base"])
    try:
        if point == "startup":
            time.sleep(0.5)
            hit = proc.poll() is None
        elif point == "model":
            hit = _wait_for(lambda: _spacy_loaded(proc.pid), proc, 300)
        elif point == "writing":
            hit = _wait_for(lambda: _entries(store, "tmp-"), proc, 300)
        else:
            hit = _wait_for(lambda: _entries(store, "gen-") - gens, proc, 300)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode("utf-8", "replace")
    assert hit, f"the build ended before point {point!r}"
    now = content(store)
    state = "before" if now == stores["before_content"] else "complete" if now == stores["complete_content"] else "other"
    print(f"{point} {sig.name}: exit {proc.returncode}, store {state}")
    assert state in ("before", "complete"), err[-2000:]
    if sig == signal.SIGINT and point != "startup":
        assert proc.returncode == 130 and err.rstrip().endswith("relgraph: interrupted"), err[-2000:]
    # The next build finishes the job and cleans up what the interrupted one left.
    if point == "writing":
        proc2 = run_cli("--store", str(store), "build", str(stores["corpus"]), cwd=stores["base"])
        assert proc2.returncode == 0, proc2.stderr
        assert content(store) == stores["complete_content"]
        assert not _entries(store, "tmp-")
