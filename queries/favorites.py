"""The prepared Cypher queries as Neo4j Browser favorites (``relgraph queries --browser-export``).

Neo4j Browser 5.24 imports favorites from a file dropped on its window, one
file per drop:

- a ``.zip``: every ``.cypher`` entry becomes a favorite at once. Entries
  sit at the zip's root: Browser 5.24 creates one folder per entry in a
  directory (ten folders all named ``relgraph`` for ten queries), so the
  favorites go to the top of *Local scripts* instead;
- a single ``.cypher`` file: Browser asks "Save to favorites" or "Paste in
  editor"; several files dropped together are ignored.

A favorite is named after its first line with ``//`` removed, so each
exported query starts with ``// <title>``, then the commands that set its
parameters (:func:`params_commands`), then the rest of the header.

Example::

    >>> from pathlib import Path
from typing import Any, Mapping
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "relgraph-favorites.zip"
    >>> len(export_favorites(out)) >= 10
    True
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, Mapping

from queries.catalog import Query, load_catalog
from relgraph.errors import ExportError

# Fixed entry timestamp, so the same catalog always gives the same zip bytes.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def browser_literal(value: Any) -> str:
    """A parameter value as Browser's ``:params``/``:param`` syntax (JSON is valid there).

    value: a Python value (entity parameters as lists of match keys).
    """
    return json.dumps(value, ensure_ascii=False)


def params_commands(query: Query, literals: Mapping[str, str]) -> list[str]:
    """The Browser commands that set a query's parameters before running it.

    query: the prepared query.
    literals: parameter name -> value as Browser syntax (see :func:`browser_literal`).
    ``:params {...}`` stores numbers as floats, and Cypher's ``LIMIT`` refuses
    ``25.0``; ``:param name => 25`` evaluates the value with Cypher and keeps an
    integer. So integer parameters come after the map, one ``=>`` line each
    (``:params`` replaces every parameter, ``:param`` sets one).
    """
    ints = [p for p in query.params if p.type == "integer"]
    others = [p for p in query.params if p.type != "integer"]
    commands = [":params {" + ", ".join(f"{p.name}: {literals[p.name]}" for p in others) + "}"]
    commands += [f":param {p.name} => {literals[p.name]}" for p in ints]
    return commands


def _template_literal(query: Query, name: str) -> str:
    """A placeholder or default for the header's example commands."""
    p = query.param(name)
    assert p is not None
    if p.type == "entity" and p.required:
        # Entity parameters are lists of match keys (graph.keys): an id or a normalised name.
        return "['<entity id or normalised name>']"
    if p.required:
        return f"<{p.type}>"
    return browser_literal(p.default)


def favorite_text(query: Query) -> str:
    """The query's Cypher as a Browser favorite: ``// <title>`` first, then header and body.

    query: the prepared query.
    """
    lines = query.cypher.splitlines()
    rest = [line for line in lines if not line.startswith("// title:")]
    commands = params_commands(query, {p.name: _template_literal(query, p.name) for p in query.params})
    head = [f"// {query.title}", f"// relgraph prepared query {query.name}; set its parameters first, e.g."]
    head += [f"// {c}" for c in commands]
    return "\n".join(head + rest).rstrip("\n") + "\n"


def export_favorites(dest: Path | str) -> list[str]:
    """Write every prepared Cypher query for Browser's favorites import.

    dest: a ``.zip`` file (drop it on Browser to import them all) or a directory (one ``NAME.cypher`` per query, to drop one by one).
    Returns the names of the files written (zip entries, or paths).
    """
    dest = Path(dest)
    catalog = load_catalog()
    files = [(f"{q.name}.cypher", favorite_text(q)) for q in catalog]
    try:
        if dest.suffix.lower() == ".zip":
            dest.parent.mkdir(parents=True, exist_ok=True)
            names = []
            with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for fname, text in files:
                    info = zipfile.ZipInfo(fname, date_time=_ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(info, text.encode("utf-8"))
                    names.append(info.filename)
            return names
        if dest.exists() and not dest.is_dir():
            raise ExportError(f"{dest}: exists and is not a directory; give a directory or a path ending in .zip")
        dest.mkdir(parents=True, exist_ok=True)
        written = []
        for fname, text in files:
            (dest / fname).write_text(text, encoding="utf-8")
            written.append(str(dest / fname))
        return written
    except OSError as exc:
        raise ExportError(f"{dest}: cannot write the favorites ({exc.strerror or exc}); choose a writable path") from None


def export_text(dest: Path | str) -> str:
    """Export the favorites and say what was written and how to import it (``relgraph queries --browser-export``).

    dest: a ``.zip`` file or a directory, as for :func:`export_favorites`.
    """
    written = export_favorites(dest)
    if Path(dest).suffix.lower() == ".zip":
        return (f"wrote {len(written)} prepared queries to {dest}: drag this one file onto Neo4j Browser; "
                "they appear under Favorites > Local scripts")
    return (f"wrote {len(written)} prepared queries to {dest}/: drag one .cypher file at a time onto Neo4j Browser "
            "and click 'Save to favorites' (Browser ignores several files dropped together; a .zip imports all)")
