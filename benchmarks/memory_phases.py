"""``relgraph build`` in this process, with its memory broken down by phase.

The child of ``bench_memory --phases``; also runnable on its own::

    python -m benchmarks.memory_phases --store /tmp/s corpus.jsonl            # RSS only
    python -m benchmarks.memory_phases --store /tmp/s corpus.jsonl --tracemalloc

The build's steps are wrapped (nothing in relgraph changes): reading the
inputs, the extraction cache read, the extractor's version (a cached
rebuild) or its construction (spaCy model, rules), extraction, entity
resolution, aggregation (``build_graph``) and the store write, whose own
steps are the cache file, the graph's quads, the index quads, and the
compaction and flush after them. At every step boundary the script reads
the process's peak RSS (``VmHWM``) since the last boundary and resets it
(``/proc/self/clear_refs``), so each step gets the highest RSS reached
inside it, not only the RSS at its ends. With ``--tracemalloc`` it also
gives the Python heap (current and peak, from :mod:`tracemalloc`) per step
and the largest live allocation sites at the end of each step (slower,
about twice the time; Oxigraph's and spaCy's native memory is not traced).

Prints one JSON object: ``phases`` (in order: name, seconds, RSS at the
end, peak RSS inside, Python heap end/peak when traced), ``top`` (step ->
largest live allocation sites) and ``summary`` (the build's JSON summary).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import re
import sys
import time
import tracemalloc
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR = Path("/proc/self/clear_refs")


def _kib(field: str) -> float:
    m = re.search(rf"^{field}:\s+(\d+)\s+kB", _STATUS.read_text(), re.M)
    return int(m.group(1)) / 1024 if m else float("nan")


class Phases:
    """Timeline of named steps; a boundary closes the current segment."""

    def __init__(self, traced: bool, top: int = 8, sites_at: frozenset[str] = frozenset()):
        self.traced = traced
        self.sites_at = sites_at
        self.top = top
        self.stack: list[str] = []
        self.open: dict[str, dict] = {}
        self.done: list[dict] = []
        self.names: set[str] = set()
        self.sites: dict[str, list[str]] = {}
        self.can_reset = True
        self.t0 = time.perf_counter()
        self.process_peak = _kib("VmHWM")  # imports so far
        self._reset()

    def _reset(self) -> None:
        if self.can_reset:
            try:
                _CLEAR.write_text("5")
            except OSError:
                self.can_reset = False
        if self.traced:
            tracemalloc.reset_peak()

    def boundary(self) -> None:
        """Fold the peak since the last boundary into every open step, then reset it."""
        hwm = _kib("VmHWM")
        self.process_peak = max(self.process_peak, hwm)
        heap_now, heap_peak = tracemalloc.get_traced_memory() if self.traced else (0, 0)
        for rec in self.open.values():
            rec["peak_rss"] = max(rec["peak_rss"], hwm)
            rec["peak_heap"] = max(rec["peak_heap"], heap_peak / 2**20)
        self._reset()
        return heap_now

    def enter(self, name: str) -> None:
        self.boundary()
        # The same step twice (e.g. two bulk loads) gets a numbered name.
        base, n = name, 2
        while name in self.open or name in self.names:
            name, n = f"{base} #{n}", n + 1
        self.names.add(name)
        self.stack.append(name)
        now = time.perf_counter()
        self.open[name] = {"phase": "/".join(self.stack), "seq": len(self.names), "start": round(now - self.t0, 2), "t": now,
                           "rss_start": _kib("VmRSS"),
                           "peak_rss": 0.0, "peak_heap": 0.0}

    def leave(self) -> None:
        heap_now = self.boundary()
        name = self.stack.pop()
        rec = self.open.pop(name)
        rec["seconds"] = round(time.perf_counter() - rec.pop("t"), 2)
        rec["rss_end"] = _kib("VmRSS")
        if self.traced:
            rec["heap_end"] = heap_now / 2**20
        if self.traced and name in self.sites_at:
            snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            self.sites[rec["phase"]] = [
                f"{s.size / 2**20:8.1f} MiB {s.count:>9} blocks  {s.traceback[0].filename.rsplit('/', 2)[-1]}:{s.traceback[0].lineno}"
                for s in snap.statistics("lineno")[: self.top]
            ]
        if not self.traced:
            rec.pop("peak_heap")
        for k in ("rss_start", "rss_end", "peak_rss", "peak_heap", "heap_end"):
            if k in rec:
                rec[k] = round(rec[k], 1)
        self.done.append(rec)

    def wrap(self, owner, attr: str, name: str, *, generator: bool = False, every: int = 0) -> None:
        """Replace ``owner.attr`` by a wrapper that makes its call a step."""
        fn = getattr(owner, attr)
        phases = self

        if generator:
            @functools.wraps(fn)
            def gen(*args, **kwargs):
                phases.enter(name)
                try:
                    for i, item in enumerate(fn(*args, **kwargs), 1):
                        if every and i % every == 0:
                            phases.samples.append((name, i, round(_kib("VmRSS"), 1)))
                        yield item
                finally:
                    phases.leave()
            setattr(owner, attr, gen)
        else:
            @functools.wraps(fn)
            def call(*args, **kwargs):
                phases.enter(name)
                try:
                    return fn(*args, **kwargs)
                finally:
                    phases.leave()
            setattr(owner, attr, call)

    samples: list = []


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--store", required=True)
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap (slower)")
    ap.add_argument("--sites-at", default="resolution,aggregation",
                    help="steps after which --tracemalloc lists the largest live allocation sites (slow at 10k)")
    ap.add_argument("--sample-every", type=int, default=1000, help="RSS sample every N extracted documents")
    args = ap.parse_args(argv)

    if args.tracemalloc:
        tracemalloc.start(1)
    phases = Phases(args.tracemalloc, sites_at=frozenset(filter(None, args.sites_at.split(","))))
    phases.samples = []

    import extraction.readers as readers
    import graph.build as build_mod
    import graph.store as store_mod
    from relgraph.config import Settings

    phases.wrap(readers, "read_documents", "read", generator=True)
    phases.wrap(store_mod.EmbeddedStore, "load_cache", "cache read")
    try:
        import extraction.version as version_mod
    except ImportError:  # older code: the version came from the loaded Extractor
        version_mod = None
    if version_mod is not None:
        phases.wrap(version_mod, "extractor_version", "extractor version")
    if hasattr(build_mod, "_extractor"):
        # Newer code makes the Extractor only when something is to be extracted; importing
        # extraction.pipeline here would import spaCy into every measured build.
        make = build_mod._extractor

        def extractor(kwargs):
            ex = make(kwargs)
            phases.wrap(ex, "extract_many", "extraction", generator=True, every=args.sample_every)
            return ex

        build_mod._extractor = extractor
        phases.wrap(build_mod, "_extractor", "extractor (model, rules)")
    else:
        import extraction.pipeline as pipeline

        phases.wrap(pipeline.Extractor, "__init__", "extractor (model, rules)")
        phases.wrap(pipeline.Extractor, "extract_many", "extraction", generator=True, every=args.sample_every)
    phases.wrap(build_mod, "_resolve", "resolution")
    import graph.resolve as resolve_mod

    for owner, attr, name in ((resolve_mod._Resolver, "__init__", "mentions"),
                              (resolve_mod._Resolver, "_same_name_other_type", "same name"),
                              (resolve_mod._Resolver, "_short_names", "short names"),
                              (resolve_mod._Resolver, "_fuzzy", "fuzzy"),
                              (resolve_mod._Builder, "apply", "curation"),
                              (resolve_mod._Builder, "build", "entities")):
        if hasattr(owner, attr):
            phases.wrap(owner, attr, name)
    phases.wrap(build_mod, "build_graph", "aggregation")
    phases.wrap(store_mod.EmbeddedStore, "save", "store write")
    phases.wrap(store_mod, "_bulk_extend", "bulk load")

    settings = dataclasses.replace(Settings.from_env(), store=Path(args.store))
    phases.enter("build")
    summary = build_mod.build(args.paths, settings, processes=1)
    phases.leave()
    phases.boundary()
    print(json.dumps({
        "process_peak_rss": round(phases.process_peak, 1),
        "phases": sorted(phases.done, key=lambda d: d["seq"]), "samples": phases.samples, "top": phases.sites,
        "reset_ok": phases.can_reset,
        "summary": summary.to_json(),
    }, indent=1))


if __name__ == "__main__":
    main()
