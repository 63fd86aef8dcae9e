"""Extraction throughput: words per second of ``Extractor.extract_many`` vs
spaCy's own ``nlp.pipe`` on the same texts and model, 1 and 2 processes.

Both sides parse the same synthetic documents (``benchmarks.synth.corpus``)
with the same model and batch size; spaCy's side is the bare pipeline from
``spacy.load`` (what relgraph stands on), relgraph's side is everything
``relgraph extract`` does per document (the pipeline plus its newline
sentence splitter and gazetteer ruler, entity linking, the dependency
matcher and relation rules). Rounds alternate the two sides so that machine
noise falls on both; the best round of each is kept. Words are
whitespace-separated tokens of the input text.

Example::

    python -m benchmarks.bench_extract                   # 300 documents
    python -m benchmarks.bench_extract --docs 2000 --processes 1,2
"""

from __future__ import annotations

import argparse
import time

from benchmarks import synth
from benchmarks._common import header, table, timed
from extraction.records import Document
from relgraph.config import DEFAULT_MODEL


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="synthetic documents (about 100 words each)")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--processes", default="1,2", help="comma-separated process counts")
    ap.add_argument("--rounds", type=int, default=2, help="rounds per side and process count; the best is kept")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    import spacy

    from extraction.pipeline import Extractor

    header(f"bench_extract: {args.docs} documents, model {args.model}, batch_size {args.batch_size}")
    docs = [Document(id=r["id"], text=r["text"], date=r["date"], title=r["title"])
            for r in synth.corpus(args.docs, args.seed)]
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(args.model)
    extractor = Extractor(model=args.model)
    # Warm-up: first calls pay for lazy initialisation on both sides.
    list(nlp.pipe(texts[:20], batch_size=args.batch_size))
    list(extractor.extract_many(docs[:20], batch_size=args.batch_size))
    print(f"# {words} words; spaCy pipeline {nlp.pipe_names}; relgraph pipeline {extractor.nlp.pipe_names}")

    rows = []
    relations = 0
    for n_process in [int(p) for p in args.processes.split(",")]:
        def spacy_side():
            return sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=n_process))

        def relgraph_side():
            return sum(len(r.relations) for r in extractor.extract_many(docs, batch_size=args.batch_size, n_process=n_process))

        best = {"spacy": float("inf"), "relgraph": float("inf")}
        cpu = {"spacy": float("inf"), "relgraph": float("inf")}
        for r in range(args.rounds):
            for side in (("spacy", "relgraph") if r % 2 == 0 else ("relgraph", "spacy")):
                c0 = time.process_time()
                seconds, out = timed(spacy_side if side == "spacy" else relgraph_side)
                cpu[side] = min(cpu[side], time.process_time() - c0)
                best[side] = min(best[side], seconds)
                if side == "relgraph":
                    relations = out
        sp, rg = words / best["spacy"], words / best["relgraph"]
        # CPU time of this process: what the other jobs of a shared machine take from the wall clock does
        # not count; only meaningful with 1 process (worker processes' CPU is not this process's)
        by_cpu = f"{cpu['spacy'] / cpu['relgraph']:.2f}" if n_process == 1 else "n/a"
        rows.append([n_process, sp, rg, f"{rg / sp:.2f}", by_cpu])
    table(rows, ["processes", "spaCy nlp.pipe words/s", "relgraph extract words/s", "ratio (target >= 0.85)",
                 "ratio by CPU time"])
    if len(rows) > 1:
        print(f"# scaling {rows[0][0]} -> {rows[-1][0]} processes: spaCy {rows[-1][1] / rows[0][1]:.2f}x, "
              f"relgraph {rows[-1][2] / rows[0][2]:.2f}x")
    print(f"# relations extracted per run: {relations}")


if __name__ == "__main__":
    main()
