"""Reading the data files that drive relgraph (lexicons, rules, gazetteer,
curation): one place that turns a YAML syntax error into a one-line
DataFileError naming the file and line."""

from __future__ import annotations

import yaml

from relgraph.errors import DataFileError


def parse_yaml(text: str, source: str):
    """Parse YAML text; a syntax error raises DataFileError ``source:line: ...``.

    text: the YAML text.
    source: file name used in messages.
    Returns the parsed value (None for an empty document).
    """
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        raise DataFileError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
