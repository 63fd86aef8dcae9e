"""Terminal output shared by commands: one-line warnings and progress bars
on stderr (stdout is kept for data), tables on stdout."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    """Print one warning line to stderr, e.g. ``file.jsonl:3: not JSON``."""
    err.print(f"relgraph: warning: {message}", markup=False)


def progress(transient: bool = True) -> Progress:
    """A progress bar on stderr; hidden when stderr is not a terminal."""
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=transient, disable=not sys.stderr.isatty(),
    )
