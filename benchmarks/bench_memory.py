"""Peak memory of ``relgraph build`` as the corpus grows.

For each size, a synthetic corpus (``benchmarks.synth.corpus``, one seed, so
a larger corpus extends a smaller one's vocabulary) is built into a fresh
store by ``relgraph build`` in its own process; the peak resident set size
of that process comes from ``wait4`` (``ru_maxrss``). A second ``build`` of
the same files (everything cached: no parsing, only resolution,
aggregation and the store) is measured too.

The rebuild is cached only while the extractor's version (spaCy model, rule
and lexicon files, gazetteer, ontology) stays the same; in a working tree
that others edit, a rule file changed between the two builds made the
"cached" rebuild extract every document again (4,000 articles: 612 s
instead of about 20). So every build runs from a copy of relgraph's
packages taken when the script starts (``--live-tree`` runs the working
tree instead), and the script reads each build's summary, prints how many
documents it extracted, and repeats a rebuild that was not fully cached (at
most twice), so that the rebuild column measures the cached path only.

Growth is at most linear when the memory added per article does not rise
with the corpus: the script prints the marginal MiB per 1,000 articles
between successive sizes and flags a step that costs more than 1.5 times
the first step's rate.

``--phases`` runs each build through ``benchmarks.memory_phases``, which
wraps the build's steps (reading, cache read, extractor version or model,
extraction, resolution and its parts, aggregation, store write and its bulk
loads) and gives each the peak RSS reached inside it; the script then
prints, per step, that peak and the RSS at its end for every size, and the
step's marginal MiB per 1,000 more articles, so a step that grows faster
than the corpus stands out.

Example::

    python -m benchmarks.bench_memory                         # 1k, 2k, 4k articles
    python -m benchmarks.bench_memory --sizes 1000,2000,4000,10000
    python -m benchmarks.bench_memory --sizes 2000,4000,10000 --phases
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import synth
from benchmarks._common import ROOT, header, table


PACKAGES = ("relgraph", "extraction", "graph", "ontology", "queries")


def snapshot_source(dest: Path) -> Path:
    """Copy relgraph's packages (code and data files) to ``dest``; builds run
    from there, so edits in the working tree during the run change nothing."""
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def build_rss(corpus: Path, store: Path, cwd: Path, processes: int, source: Path | None = None,
              phases: bool = False) -> tuple[float, float, dict]:
    """Run ``relgraph build`` in a child process; (peak RSS in MiB, seconds,
    the build's JSON summary).

    corpus: JSONL file. store: store directory. cwd: working directory (no
    curation file there). processes: ``-j``. source: a directory holding
    relgraph's packages to run (see :func:`snapshot_source`); None for the
    installed ``relgraph``. phases: run the build through
    ``benchmarks.memory_phases`` (``-j 1`` only); the summary then holds its
    ``phases`` too, and the peak is the one it measured (it resets the
    kernel's peak at each step, so ``ru_maxrss`` no longer is the peak).
    """
    env = dict(os.environ)
    if phases:
        if processes != 1:
            raise SystemExit("--phases measures a build in one process; drop --processes")
        cmd = [sys.executable, "-m", "benchmarks.memory_phases", "--store", str(store), str(corpus)]
        env["PYTHONPATH"] = os.pathsep.join([str(source) if source else "", str(ROOT),
                                             *filter(None, [env.get("PYTHONPATH")])])
    else:
        args = ["--store", str(store), "build", "-j", str(processes), "--format", "json", str(corpus)]
        if source is None:
            cmd = [str(Path(sys.executable).with_name("relgraph")), *args]
        else:
            cmd = [sys.executable, "-c", "import sys; from relgraph.cli import main; sys.argv[0] = 'relgraph'; main()", *args]
            env["PYTHONPATH"] = os.pathsep.join([str(source), *filter(None, [env.get("PYTHONPATH")])])
    # Files, not pipes: a pipe nobody reads until the end could fill and stall the build.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"relgraph build failed ({proc.returncode}): {err.read().decode()[-2000:]}")
        summary = json.loads(out.read().decode())
    if phases:
        return summary["process_peak_rss"], seconds, {**summary["summary"], "phases": summary["phases"]}
    # ru_maxrss is in KiB on Linux; with -j 2 the worker processes are not included.
    return usage.ru_maxrss / 1024, seconds, summary


def growth_verdict(sizes: list[int], peaks: list[float]) -> str:
    """Whether a peak grows at most linearly: no step between successive sizes may cost more MiB per
    1,000 articles than 1.5 times the first step's rate (plus 1 MiB of noise)."""
    first_rate = None
    for i in range(1, len(sizes)):
        step = (peaks[i] - peaks[i - 1]) / (sizes[i] - sizes[i - 1]) * 1000
        first_rate = step if first_rate is None else first_rate
        if first_rate > 0 and step > 1.5 * first_rate + 1:
            return f"FASTER THAN LINEAR between {sizes[i - 1]} and {sizes[i]} articles"
    return "linear or better"


def phase_table(runs: list[tuple[int, dict]], title: str) -> None:
    """Per step: peak RSS inside it and RSS at its end, per size, and the
    marginal MiB per 1,000 more articles of the peak between sizes; then each
    step's growth verdict (the whole build's peak is the largest step's, so it
    can rise faster when the peak moves from a flat step to a growing one while
    every step grows linearly)."""
    names: list[str] = []
    for _, summary in runs:
        for p in summary["phases"]:
            if p["phase"] not in names:
                names.append(p["phase"])
    by = [{p["phase"]: p for p in summary["phases"]} for _, summary in runs]
    head = ["step"] + [f"{n} peak/end MiB" for n, _ in runs] + [f"+MiB/1k {a}-{b}" for (a, _), (b, _) in zip(runs, runs[1:])] \
        + [f"s at {runs[-1][0]}"]
    rows = []
    for name in names:
        cells = [name]
        for d in by:
            p = d.get(name)
            cells.append(f"{p['peak_rss']:.0f}/{p['rss_end']:.0f}" if p else "-")
        for (a, da), (b, db) in zip(zip([n for n, _ in runs], by), zip([n for n, _ in runs[1:]], by[1:])):
            pa, pb = da.get(name), db.get(name)
            cells.append(f"{(pb['peak_rss'] - pa['peak_rss']) / (b - a) * 1000:.1f}" if pa and pb else "-")
        last = by[-1].get(name)
        cells.append(f"{last['seconds']:.1f}" if last else "-")
        rows.append(cells)
    print(f"# {title}: peak RSS inside each step / RSS at its end (MiB)")
    table(rows, head)
    sizes = [n for n, _ in runs]
    for name in names:
        if all(d.get(name) for d in by):
            print(f"# growth of step {name}: {growth_verdict(sizes, [d[name]['peak_rss'] for d in by])}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,2000,4000", help="comma-separated article counts")
    ap.add_argument("--processes", type=int, default=1, help="relgraph build -j")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--live-tree", action="store_true",
                    help="run the working tree's code and data instead of a copy taken at the start")
    ap.add_argument("--phases", action="store_true",
                    help="break each build's peak down by step (benchmarks.memory_phases): reading, cache read, "
                         "extractor, extraction, resolution, aggregation, store write")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    header(f"bench_memory: relgraph build on {', '.join(map(str, sizes))} synthetic articles")
    work = Path(tempfile.mkdtemp(prefix="relgraph-bench-memory-"))
    rows = []
    firsts: list[tuple[int, dict]] = []
    agains: list[tuple[int, dict]] = []
    try:
        source = None if args.live_tree else snapshot_source(work / "src")
        print(f"# code and data: {'the working tree' if source is None else f'a copy of {ROOT} taken at the start'}", flush=True)
        for n in sizes:
            corpus = work / f"synth-{n}.jsonl"
            words = synth.write_corpus(corpus, n, args.seed)
            rss, seconds, first = build_rss(corpus, work / f"store-{n}", work, args.processes, source, args.phases)
            print(f"# {n} articles, {words} words: build extracted {first['documents_new']}, "
                  f"peak {rss:.1f} MiB in {seconds:.1f} s; load %.2f %.2f %.2f" % os.getloadavg(), flush=True)
            for attempt in range(3):
                rss_cached, seconds_cached, again = build_rss(corpus, work / f"store-{n}", work, args.processes, source,
                                                              args.phases)
                print(f"# {n} articles: rebuild extracted {again['documents_new']} (cached {again['documents_cached']}), "
                      f"peak {rss_cached:.1f} MiB in {seconds_cached:.1f} s; load %.2f %.2f %.2f" % os.getloadavg(),
                      flush=True)
                if again["documents_new"] == 0:
                    break
                print(f"# {n} articles: the rebuild was not cached: the extractor version changed (rule, "
                      "lexicon or gazetteer files edited during the run); rebuilding again", flush=True)
            rows.append([n, words, rss, seconds, rss_cached, seconds_cached, again["documents_new"]])
            if args.phases:
                firsts.append((n, first))
                agains.append((n, again))
            shutil.rmtree(work / f"store-{n}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    out = []
    for i, (n, words, rss, seconds, rss_c, seconds_c, extracted) in enumerate(rows):
        rate = f"{(rss - rows[i - 1][2]) / (n - rows[i - 1][0]) * 1000:.1f}" if i else ""
        out.append([n, words, rss, rate, seconds, rss_c, seconds_c, extracted])
    verdict = growth_verdict([r[0] for r in rows], [r[2] for r in rows])
    table(out, ["articles", "words", "peak RSS MiB", "MiB per 1k more", "seconds", "rebuild peak MiB", "rebuild s",
                "rebuild extracted"])
    print(f"# growth of the whole build's peak: {verdict}"
          + ("" if args.phases else " (the peak is the largest step's; --phases judges each step)"))
    if args.phases:
        phase_table(firsts, "build in a fresh store")
        phase_table(agains, "cached rebuild")


if __name__ == "__main__":
    main()
