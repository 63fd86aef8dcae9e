"""The catalog of prepared queries: ``NAME.cypher`` + ``NAME.rq`` pairs.

Each query is two files beside this module sharing one header, a block of
comment lines at the top (``//`` in Cypher, ``#`` in SPARQL)::

    // title: Relations of an entity
    // answers: Every relation in which the entity is subject or object.
    // param: entity: entity -- entity id, name or alias (matched by normalised key)
    // param: status: string = null -- only relations with this status
    // param: limit: integer = 25 (1..1000) -- at most this many rows
    // column: subject: string -- subject name
    // order: predicate, subject

A parameter of type ``entity`` is a string the runner turns into match
keys (:func:`graph.keys.lookup_keys`) before binding: the query receives
a list of keys and finds every entity with one of them (``rg:matchKey`` in
SPARQL, ``match_keys`` in Cypher). A parameter without ``= default`` is required; ``(min..max)`` bounds an
integer. Parameters are ``$name`` placeholders in both languages (``$name``
is a SPARQL variable, bound as an RDF term by the embedded store). A
parameter named ``limit`` is special: SPARQL cannot take ``LIMIT`` from a
variable, so the embedded runner applies it to the ordered rows.

Column types: ``string``, ``integer``, ``float``, ``boolean``, ``date``
(an ISO ``YYYY-MM-DD`` string on both backends).

Example::

    >>> from queries.catalog import load_catalog
    >>> q = load_catalog().get("relations")
    >>> q.bind({"entity": "Hikvision"})["status"] is None
    True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

from relgraph.errors import DataFileError, QueryError

PARAM_TYPES = ("string", "entity", "integer", "float", "boolean")
COLUMN_TYPES = ("string", "integer", "float", "boolean", "date")

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_LINE = re.compile(
    r"^(?P<name>[a-z][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+)"
    r"(?:\s*=\s*(?P<default>\S+))?"
    r"(?:\s*\((?P<min>-?\d+)\.\.(?P<max>-?\d+)\))?"
    r"\s*--\s*(?P<doc>.+)$"
)
_COLUMN_LINE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+)\s*--\s*(?P<doc>.+)$")
# $name placeholders, outside string literals and comments (stripped first).
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HEADER_KEY = re.compile(r"^[a-z_]+\s*:")
_STRINGS = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


@dataclass(frozen=True)
class Param:
    """A declared query parameter.

    name: placeholder name (``entity`` for ``$entity``).
    type: one of PARAM_TYPES.
    required: True when the header gives no default.
    default: value used when not given (None = unset).
    minimum, maximum: inclusive bounds for integers, or None.
    doc: one-line description.
    """

    name: str
    type: str
    required: bool
    default: Any
    minimum: int | None
    maximum: int | None
    doc: str

    def describe(self) -> str:
        """``name: type = default`` for listings."""
        if self.required:
            return f"{self.name}: {self.type}"
        return f"{self.name}: {self.type} = {json.dumps(self.default)}"

    def coerce(self, value: Any, query: str) -> Any:
        """Convert a command-line string (or a Python value) to the declared type.

        value: the given value. query: the query name, for messages.
        """
        if value is None:
            return None
        where = f"query {query}: parameter {self.name}"
        if self.type in ("string", "entity"):
            if not isinstance(value, str):
                raise QueryError(f"{where} must be a string, got {value!r}")
            return value
        if self.type == "boolean":
            if isinstance(value, bool):
                return value
            low = str(value).strip().lower()
            if low in ("true", "yes", "1"):
                return True
            if low in ("false", "no", "0"):
                return False
            raise QueryError(f"{where} must be true or false, got {value!r}")
        if self.type == "integer":
            try:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                out = int(value)
            except (TypeError, ValueError):
                raise QueryError(f"{where} must be an integer, got {value!r}") from None
            if (self.minimum is not None and out < self.minimum) or (self.maximum is not None and out > self.maximum):
                raise QueryError(f"{where} must be between {self.minimum} and {self.maximum}, got {out}")
            return out
        try:
            return float(value)
        except (TypeError, ValueError):
            raise QueryError(f"{where} must be a number, got {value!r}") from None


@dataclass(frozen=True)
class Column:
    """A result column: name, type (one of COLUMN_TYPES) and description."""

    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Query:
    """One prepared query.

    name: file stem (``relations``). title, answers, order: from the header.
    params, columns: declared parameters and result columns, in header order.
    cypher, sparql: the query texts.
    sparql_params: the parameters the SPARQL uses (``limit`` may be left to the runner).
    """

    name: str
    title: str
    answers: str
    order: str
    params: tuple[Param, ...]
    columns: tuple[Column, ...]
    cypher: str
    sparql: str
    sparql_params: frozenset[str] = frozenset()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Check and complete the parameters of one run.

        values: name -> value (strings from the command line are converted).
        Returns every declared parameter, defaults filled in.
        Raises QueryError naming missing or unexpected parameters and listing the valid ones.
        """
        valid = ", ".join(p.describe() for p in self.params) or "none"
        unexpected = sorted(set(values) - {p.name for p in self.params})
        if unexpected:
            raise QueryError(f"query {self.name}: unexpected parameter {', '.join(unexpected)}; parameters: {valid}")
        missing = [p.name for p in self.params if p.required and values.get(p.name) is None]
        if missing:
            raise QueryError(
                f"query {self.name}: missing parameter {', '.join(missing)} (--param {missing[0]}=VALUE); parameters: {valid}"
            )
        return {
            p.name: p.coerce(values[p.name], self.name) if values.get(p.name) is not None else p.default
            for p in self.params
        }


def _header(text: str, prefix: str) -> tuple[list[tuple[int, str]], str]:
    """The header lines (line number, content without the comment prefix) and the body."""
    lines = text.splitlines()
    header: list[tuple[int, str]] = []
    i = 0
    while i < len(lines) and lines[i].lstrip().startswith(prefix):
        content = lines[i].lstrip()[len(prefix):].strip()
        # A comment that is not "key: ..." (one lower-case word) starts the body: the
        # query's own comments may follow the header directly.
        if content and not _HEADER_KEY.match(content):
            break
        header.append((i + 1, content))
        i += 1
    return header, "\n".join(lines[i:])


def _strip(text: str, comment: str) -> str:
    """Query text without string literals and comments (for placeholder scanning)."""
    out = []
    for line in _STRINGS.sub('""', text).splitlines():
        cut = line.find(comment)
        out.append(line if cut < 0 else line[:cut])
    return "\n".join(out)


def _default(raw: str | None, ptype: str, where: str) -> Any:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        raise DataFileError(f"{where}: default {raw!r} is not a JSON value (use null, 2, \"text\", true)") from None
    expected = {"string": str, "entity": str, "integer": int, "float": (int, float), "boolean": bool}[ptype]
    if value is not None and (not isinstance(value, expected) or (ptype == "integer" and isinstance(value, bool))):
        raise DataFileError(f"{where}: default {raw} is not a {ptype}")
    return value


def parse_query(name: str, cypher: str, sparql: str, source: str = "queries") -> Query:
    """Parse and validate one query pair.

    name: the query name (file stem).
    cypher, sparql: the two file texts.
    source: directory named in error messages.
    Raises DataFileError naming file and line when a header is malformed,
    the headers differ, or a placeholder is not declared.
    """
    cfile, rfile = f"{source}/{name}.cypher", f"{source}/{name}.rq"
    if not _NAME.match(name):
        raise DataFileError(f"{cfile}: query name {name!r} must be lower case letters, digits and _")
    cheader, cbody = _header(cypher, "//")
    rheader, rbody = _header(sparql, "#")
    if [t for _, t in cheader] != [t for _, t in rheader]:
        for (cl, ct), (rl, rt) in zip(cheader + [(0, "<end of header>")] * 99, rheader + [(0, "<end of header>")] * 99):
            if ct != rt:
                raise DataFileError(
                    f"{rfile}:{rl or len(rheader) + 1}: header differs from {cfile}:{cl or len(cheader) + 1} "
                    f"({rt!r} vs {ct!r}); both files share one header"
                )
    fields: dict[str, str] = {}
    params: list[Param] = []
    columns: list[Column] = []
    for lineno, text in cheader:
        where = f"{cfile}:{lineno}"
        if not text:
            continue
        key, sep, rest = text.partition(":")
        key, rest = key.strip(), rest.strip()
        if not sep:
            raise DataFileError(f"{where}: header line needs 'key: value' (title, answers, param, column, order)")
        if key == "param":
            m = _PARAM_LINE.match(rest)
            if not m or m["type"] not in PARAM_TYPES:
                raise DataFileError(
                    f"{where}: malformed param; write 'param: NAME: TYPE [= DEFAULT] [(MIN..MAX)] -- what it means' "
                    f"with TYPE one of {', '.join(PARAM_TYPES)}"
                )
            if any(p.name == m["name"] for p in params):
                raise DataFileError(f"{where}: parameter {m['name']} declared twice")
            params.append(Param(
                name=m["name"], type=m["type"], required=m["default"] is None,
                default=_default(m["default"], m["type"], where),
                minimum=int(m["min"]) if m["min"] else None, maximum=int(m["max"]) if m["max"] else None,
                doc=m["doc"].strip(),
            ))
        elif key == "column":
            m = _COLUMN_LINE.match(rest)
            if not m or m["type"] not in COLUMN_TYPES:
                raise DataFileError(
                    f"{where}: malformed column; write 'column: NAME: TYPE -- what it holds' "
                    f"with TYPE one of {', '.join(COLUMN_TYPES)}"
                )
            columns.append(Column(m["name"], m["type"], m["doc"].strip()))
        elif key in ("title", "answers", "order"):
            fields[key] = (fields.get(key, "") + " " + rest).strip()
        else:
            raise DataFileError(f"{where}: unknown header key {key!r}; use title, answers, param, column, order")
    for key in ("title", "answers"):
        if key not in fields:
            raise DataFileError(f"{cfile}: header has no '{key}:' line")
    if not columns:
        raise DataFileError(f"{cfile}: header declares no 'column:'")
    declared = {p.name for p in params}
    clash = declared & {c.name for c in columns}
    if clash:
        # In SPARQL $x and ?x are one variable: a column cannot share a parameter's name.
        raise DataFileError(f"{cfile}: {', '.join(sorted(clash))} is both a parameter and a column; rename one")
    sparql_used: set[str] = set()
    for fname, body, comment in ((cfile, cbody, "//"), (rfile, rbody, "#")):
        used = set(_PLACEHOLDER.findall(_strip(body, comment)))
        if fname == rfile:
            sparql_used = used
        unknown = sorted(used - declared)
        if unknown:
            raise DataFileError(
                f"{fname}: placeholder ${unknown[0]} is not declared in the header; declared: {', '.join(sorted(declared)) or 'none'}"
            )
        unused = sorted(declared - used - ({"limit"} if fname == rfile else set()))
        if unused:
            raise DataFileError(f"{fname}: declared parameter {unused[0]} is never used as ${unused[0]}")
    return Query(
        name=name, title=fields["title"], answers=fields["answers"], order=fields.get("order", ""),
        params=tuple(params), columns=tuple(columns), cypher=cypher, sparql=sparql,
        sparql_params=frozenset(sparql_used),
    )


@dataclass(frozen=True)
class Catalog:
    """All prepared queries, keyed by name (sorted)."""

    queries: Mapping[str, Query]

    def get(self, name: str) -> Query:
        """The query called ``name``; QueryError lists the valid names."""
        try:
            return self.queries[name]
        except KeyError:
            raise QueryError(
                f"unknown query {name!r}; valid queries: {', '.join(self.queries)} (relgraph queries lists them)"
            ) from None

    def __iter__(self):
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Load and validate every bundled query pair once.

    Raises DataFileError when a ``.cypher`` file has no ``.rq`` twin (or the
    reverse) or a header is malformed.
    """
    root = resources.files(__package__)
    files = {p.name: p for p in root.iterdir() if p.is_file()}
    cyphers = {n[: -len(".cypher")] for n in files if n.endswith(".cypher")}
    rqs = {n[: -len(".rq")] for n in files if n.endswith(".rq")}
    for lonely in sorted(cyphers ^ rqs):
        have, lacks = (f"{lonely}.cypher", f"{lonely}.rq") if lonely in cyphers else (f"{lonely}.rq", f"{lonely}.cypher")
        raise DataFileError(f"queries/{have}: has no twin queries/{lacks}; every prepared query needs both")
    queries = {
        name: parse_query(
            name,
            files[f"{name}.cypher"].read_text(encoding="utf-8"),
            files[f"{name}.rq"].read_text(encoding="utf-8"),
        )
        for name in sorted(cyphers)
    }
    return Catalog(MappingProxyType(queries))
