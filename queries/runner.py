"""Run prepared queries on the embedded store (SPARQL) or on Neo4j (Cypher).

Both runners return a :class:`Result` with the columns the query header
declares, in that order, and values of the declared types (dates as ISO
strings), so the two backends answer with identical rows.

Parameters travel only as parameters: Cypher ``$name`` parameters of
``session.execute_read``, and RDF terms bound by
:meth:`graph.store.EmbeddedStore.sparql`. A user's text never becomes query
text.

Example::

    result = run_query("sanctions", {"status": "considered"}, backend="embedded", settings=Settings.from_env())
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from queries.catalog import Query, load_catalog
from graph.keys import lookup_keys
from relgraph.errors import ConfigError, DataFileError, QueryError

BACKENDS = ("embedded", "neo4j")
FORMATS = ("table", "json", "csv")

# A SPARQL runner: (query text, bindings) -> rows of Python values.
SparqlFn = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Result:
    """Rows of one query run.

    query: the prepared query. params: the bound parameters.
    columns: column names (the header's). rows: one tuple per row.
    notes: one-line remarks for the user (an entity parameter that matched several entities).
    """

    query: Query
    params: Mapping[str, Any]
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def _value(value: Any, ctype: str) -> Any:
    """A backend value as the declared column type."""
    if value is None:
        return None
    if ctype == "date":
        return value.iso_format() if hasattr(value, "iso_format") else str(value)[:10]
    if ctype == "integer":
        return int(value)
    if ctype == "float":
        return float(value)
    if ctype == "boolean":
        return bool(value)
    return str(value)


def _shape(query: Query, raw: list[Mapping[str, Any]], backend: str) -> tuple[tuple[Any, ...], ...]:
    if raw and set(raw[0]) != set(query.column_names):
        got = ", ".join(sorted(raw[0]))
        raise DataFileError(
            f"queries/{query.name}.{'rq' if backend == 'embedded' else 'cypher'}: returns columns {got}; "
            f"the header declares {', '.join(query.column_names)}"
        )
    return tuple(tuple(_value(r.get(c.name), c.type) for c in query.columns) for r in raw)


def lookup_params(query: Query, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters as the query texts receive them: each ``entity`` value as its match keys.

    query: the prepared query.
    params: parameters as :meth:`Query.bind` returns them.
    Both runners call this, so both backends look entities up by the same keys.
    """
    return {
        k: tuple(lookup_keys(v)) if v is not None and (p := query.param(k)) is not None and p.type == "entity" else v
        for k, v in params.items()
    }


def run_sparql(query: Query, params: Mapping[str, Any], sparql: SparqlFn) -> Result:
    """Run the query's SPARQL with bound parameters.

    query: the prepared query.
    params: parameters as :meth:`Query.bind` returns them.
    sparql: the store's runner, e.g. ``EmbeddedStore(path).sparql``; it binds
        every given value as an RDF term. Unset parameters stay unbound.
    """
    # A tuple of keys binds as several VALUES rows (graph.store.bind_values). `limit` is bound
    # only when the SPARQL uses it (as a filter on a rank); the rows are cut to it below anyway.
    bindings = {k: v for k, v in lookup_params(query, params).items()
                if v is not None and (k != "limit" or k in query.sparql_params)}
    raw = sparql(query.sparql, bindings)
    rows = _shape(query, raw, "embedded")
    if "limit" in params and params["limit"] is not None:
        # SPARQL's LIMIT takes no variable; the rows are already in the query's order.
        rows = rows[: params["limit"]]
    return Result(query, dict(params), query.column_names, rows)


def run_cypher(query: Query, params: Mapping[str, Any], driver, database: str | None = None) -> Result:
    """Run the query's Cypher in a read transaction with parameters.

    query: the prepared query.
    params: parameters as :meth:`Query.bind` returns them (all declared ones).
    driver: an open Neo4j driver.
    database: database name, None for the server default.
    """
    def work(tx):
        return [rec.data() for rec in tx.run(query.cypher, lookup_params(query, params))]

    with driver.session(database=database) as session:
        raw = session.execute_read(work)
    return Result(query, dict(params), query.column_names, _shape(query, raw, "neo4j"))


# Entity lookups for feedback on entity parameters; keys and names travel as parameters.
_SPARQL_MATCHES = """SELECT DISTINCT ?id ?name WHERE { ?e rg:matchKey $key ; rg:entityId ?id ; rdfs:label ?name }"""
_SPARQL_NAMES = """SELECT ?id ?name ?alias WHERE {
  ?e rg:entityId ?id ; rdfs:label ?name .
  OPTIONAL { ?e skos:altLabel ?alias }
}"""
# Through the :Key index like the prepared queries (graph/neo4j_writer: Key nodes hold a key's
# first 1,000 characters; the full key is checked on the entity), not a scan of every entity.
_CYPHER_MATCHES = """MATCH (k:Key)<-[:HAS_KEY]-(e:Entity)
USING INDEX SEEK k:Key(key)
WHERE k.key IN [x IN $keys | left(x, 1000)] AND any(m IN e.match_keys WHERE m IN $keys)
RETURN DISTINCT e.id AS id, e.name AS name"""
_CYPHER_NAMES = "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases"

# rapidfuzz WRatio score (0-100) from which a name is offered as "did you mean".
SUGGEST_SCORE = 70
SUGGEST_MAX = 3


@dataclass(frozen=True)
class EntityLookup:
    """How one backend finds entities for feedback: by match keys, and every name.

    matches: keys -> [(id, name)] of the entities holding one of them.
    names: () -> [(id, name, name or alias)] of every entity: one row for its name, one per alias.
    """

    matches: Callable[[list[str]], list[tuple[str, str]]]
    names: Callable[[], list[tuple[str, str, str]]]


def sparql_lookup(sparql: SparqlFn) -> EntityLookup:
    """Entity lookups on the embedded store.

    sparql: the store's runner, e.g. ``EmbeddedStore(path).sparql``.
    """
    def names() -> list[tuple[str, str, str]]:
        out = []
        for r in sparql(_SPARQL_NAMES, {}):
            out.append((r["id"], r["name"], r["name"]))
            if r.get("alias"):
                out.append((r["id"], r["name"], r["alias"]))
        return out

    return EntityLookup(
        matches=lambda keys: [(r["id"], r["name"]) for r in sparql(_SPARQL_MATCHES, {"key": tuple(keys)})],
        names=names,
    )


def cypher_lookup(driver, database: str | None = None) -> EntityLookup:
    """Entity lookups on Neo4j.

    driver: an open Neo4j driver. database: database name, None for the server default.
    """
    def read(text: str, **params) -> list[dict[str, Any]]:
        with driver.session(database=database) as session:
            return session.execute_read(lambda tx: [rec.data() for rec in tx.run(text, params)])

    def names() -> list[tuple[str, str, str]]:
        out = []
        for r in read(_CYPHER_NAMES):
            out.append((r["id"], r["name"], r["name"]))
            out.extend((r["id"], r["name"], a) for a in r.get("aliases") or [])
        return out

    return EntityLookup(
        matches=lambda keys: [(r["id"], r["name"]) for r in read(_CYPHER_MATCHES, keys=list(keys))],
        names=names,
    )


def suggest(value: str, names: list[tuple[str, str, str]], limit: int = SUGGEST_MAX) -> list[str]:
    """Entities whose name or alias is close to a value that matched none, best first, as
    ``'Alias' (Name, id x)`` or ``'Name' (id x)``.

    value: what the user typed. names: (id, name, name or alias) of every entity.
    limit: at most this many entities.
    """
    from rapidfuzz import fuzz, process

    found: list[str] = []
    seen: set[str] = set()
    for _text, _score, i in process.extract(value, [text for _i, _n, text in names], scorer=fuzz.WRatio,
                                            limit=limit * 4, score_cutoff=SUGGEST_SCORE):
        eid, name, text = names[i]
        if eid in seen:
            continue
        seen.add(eid)
        found.append(f"{text!r} (id {eid})" if text == name else f"{text!r} ({name}, id {eid})")
        if len(found) == limit:
            break
    return found


def check_entities(query: Query, params: Mapping[str, Any], lookup: EntityLookup) -> tuple[str, ...]:
    """Look up every entity parameter: a value that matches no entity is an error naming
    close names; one that matches several gives a note listing them.

    query: the prepared query.
    params: parameters as :meth:`Query.bind` returns them.
    lookup: the backend's entity lookups.
    Returns the notes (one line each). Raises QueryError for a value that matches nothing.
    """
    notes = []
    for p in query.params:
        value = params.get(p.name)
        if p.type != "entity" or value is None:
            continue
        found = sorted(set(lookup.matches(lookup_keys(value))), key=lambda m: m[0])
        if not found:
            close = suggest(value, lookup.names())
            hint = "did you mean " + ", ".join(close) + "?" if close else "no entity has a similar name or alias;"
            raise QueryError(
                f"query {query.name}: {p.name}={value!r} matches no entity; {hint} "
                f"give an entity id, name or alias (relgraph entities list shows them)"
            )
        if len(found) > 1:
            listed = ", ".join(f"{name} (id {eid})" for eid, name in found)
            notes.append(
                f"{p.name}={value!r} matches {len(found)} entities: {listed}; the rows cover all of them; "
                f"to pick one, give its id, e.g. --param {p.name}={found[0][0]}"
            )
    return tuple(notes)


def run_query(name: str, params: Mapping[str, Any], *, backend: str = "embedded", settings=None) -> Result:
    """Run a prepared query by name (what ``relgraph query`` runs).

    name: query name (``relgraph queries`` lists them).
    params: parameter values; strings are converted to the declared types.
    backend: ``embedded`` (the store at ``settings.store``) or ``neo4j``.
    settings: relgraph Settings; None reads the environment.
    Entity parameters are looked up first (:func:`check_entities`): one that
    matches nothing raises QueryError; the result's notes name ambiguous ones.
    """
    from dataclasses import replace

    from relgraph.config import Settings

    settings = settings or Settings.from_env()
    query = load_catalog().get(name)
    bound = query.bind(params)
    if backend == "embedded":
        from graph.store import EmbeddedStore

        sparql = EmbeddedStore(settings.store).sparql
        notes = check_entities(query, bound, sparql_lookup(sparql))
        return replace(run_sparql(query, bound, sparql), notes=notes)
    if backend == "neo4j":
        from graph.neo4j_writer import connect

        driver = connect(settings.neo4j)
        try:
            notes = check_entities(query, bound, cypher_lookup(driver, settings.neo4j.database))
            return replace(run_cypher(query, bound, driver, settings.neo4j.database), notes=notes)
        finally:
            driver.close()
    raise ConfigError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``key=value`` strings from the command line as a dict.

    pairs: the ``--param`` values.
    """
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: write key=value, e.g. --param entity=Hikvision")
        out[key.strip()] = value
    return out


def render(result: Result, fmt: str) -> str:
    """The result as ``json`` (a list of objects), ``csv`` (with header) or ``table`` text.

    result: rows to render. fmt: one of FORMATS.
    """
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.columns)
        w.writerows(["" if v is None else v for v in row] for row in result.rows)
        return buf.getvalue().rstrip("\n")
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns, title=f"{result.query.name}: {len(result.rows)} row(s)", title_justify="left")
        for row in result.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        buf = io.StringIO()
        Console(file=buf, width=max(80, min(240, 20 * len(result.columns))), highlight=False).print(table)
        return buf.getvalue().rstrip("\n")
    raise ConfigError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def query_text(name: str, params: tuple[str, ...] | list[str], *, backend: str, fmt: str, settings) -> str:
    """Run a prepared query from ``key=value`` strings and render it (``relgraph query``);
    notes on ambiguous entity parameters go to stderr.

    name: query name. params: ``key=value`` strings.
    backend: ``embedded`` or ``neo4j``. fmt: one of FORMATS.
    settings: relgraph Settings.
    """
    result = run_query(name, parse_params(params), backend=backend, settings=settings)
    if result.notes:
        from relgraph import ui

        # stderr, so that json and csv on stdout stay clean.
        for note in result.notes:
            ui.err.print(f"relgraph: note: {note}", markup=False)
    return render(result, fmt)


def catalog_listing(fmt: str = "table") -> str:
    """The catalog as a table (name, title, parameters) or JSON (``relgraph queries``).

    fmt: ``table`` or ``json``.
    """
    catalog = load_catalog()
    if fmt == "json":
        return json.dumps([
            {"name": q.name, "title": q.title, "answers": q.answers,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default, "doc": p.doc}
                        for p in q.params],
             "columns": [{"name": c.name, "type": c.type, "doc": c.doc} for c in q.columns]}
            for q in catalog
        ], ensure_ascii=False, indent=2)
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "title", "params", title=f"{len(catalog)} prepared queries", title_justify="left")
    for q in catalog:
        table.add_row(q.name, q.title, ", ".join(p.describe() for p in q.params) or "-")
    buf = io.StringIO()
    Console(file=buf, width=140, highlight=False).print(table)
    return buf.getvalue().rstrip("\n")
