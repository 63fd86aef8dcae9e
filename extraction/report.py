"""Run extraction over paths and write the results (``relgraph extract``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, TextIO

from relgraph import ui
from relgraph.errors import InputError

from .pipeline import Extractor
from .readers import read_documents
from .records import DocumentResult, Relation


def format_dropped(d: dict) -> str:
    """One line describing a dropped candidate, for ``--explain``.

    d: a dict from :attr:`DocumentResult.dropped`.
    """
    args = f"{d.get('subject', '?')} -{d.get('predicate', '?')}-> {d.get('object', '?')}"
    sentence = " ".join(str(d.get("sentence", "")).split())
    if len(sentence) > 100:
        sentence = sentence[:97] + "..."
    return (f"dropped: {d.get('doc_id', '')}: {d['reason']}: {args} "
            f"(rule {d.get('rule', '?')}, trigger {d.get('trigger', '?')!r}): {sentence}")


def write_table(relations: list[Relation]) -> None:
    """Print relations as a table on stdout for people.

    relations: the relations to show.
    """
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("subject", "predicate", "object", "status", "label", "role", "conf", "source", "doc"):
        table.add_column(col, overflow="fold")
    for r in relations:
        table.add_row(r.subject, r.predicate, r.object, r.status, r.label, r.role or "",
                      f"{r.confidence:.2f}", r.attributed_to or "", r.doc_id)
    ui.out.print(table)


def run_extract(paths: Iterable[str | Path], *, model: str, fmt: str = "jsonl", explain: bool = False,
                strict: bool = False, batch_size: int = 64, processes: int = 1,
                out: TextIO | None = None) -> int:
    """Extract relations from the inputs and write them; returns the exit status.

    paths: files, directories or ``-``. model: spaCy pipeline name.
    fmt: ``jsonl`` (one Relation.to_json() per line) or ``table``.
    explain: print dropped candidates with reasons to stderr.
    strict: stop at the first bad input (raises InputError).
    batch_size / processes: passed to :meth:`Extractor.extract_many`.
    out: where JSONL goes (default: standard output).
    Returns 1 when any input could not be read (after processing the rest), else 0.
    """
    import sys

    out = out or sys.stdout
    failures: list[InputError] = []

    def on_error(err: InputError) -> None:
        failures.append(err)
        ui.warn(str(err))

    docs = list(read_documents(paths, on_error=on_error, strict=strict))
    extractor = Extractor(model=model)
    rows: list[Relation] = []
    with ui.progress() as bar:
        task = bar.add_task("extracting", total=len(docs))
        for result in extractor.extract_many(docs, batch_size=batch_size, n_process=processes):
            _emit(result, fmt, explain, out, rows)
            bar.advance(task)
    if fmt == "table":
        write_table(rows)
    return 1 if failures else 0


def _emit(result: DocumentResult, fmt: str, explain: bool, out: TextIO, rows: list[Relation]) -> None:
    if explain:
        for d in result.dropped:
            ui.err.print(format_dropped(d), markup=False)
    if fmt == "jsonl":
        for r in result.relations:
            out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    else:
        rows.extend(result.relations)
