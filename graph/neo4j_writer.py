"""Write a :class:`~graph.model.KnowledgeGraph` into Neo4j and read it back.

The shape is the one of ``docs/architecture.md`` ("Neo4j shape") and
``docs/neo4j.md``::

    (:Entity:<TypeLabel> {id, name, aliases, tagged_aliases, wikidata, lei, ticker, match_keys})
      -[:<PREDICATE_TYPE> {id, predicate, status, label, role, confidence,
                          evidence_count, first_seen, last_seen, evidence_ids}]->
    (:Entity:<TypeLabel>)
    (:Evidence {id, text, start, end, doc_id, attributed_to})-[:IN_ARTICLE]->(:Article {id, title, date, url, source})
    (:Evidence)-[:MENTIONS]->(:Entity)
    (:Entity)-[:HAS_KEY]->(:Key {key})

``Key`` nodes (one per distinct match key, unique) make the prepared
queries' entity lookup an index seek: ``MATCH (k:Key)<-[:HAS_KEY]-(e:Entity)
WHERE k.key IN $entity`` instead of a scan of every entity's ``match_keys``.

Labels and relationship types come only from the ontology's closed list
(checked again here before they reach query text); every value travels as a
parameter. Writes are batched ``UNWIND $rows AS row MERGE ...`` statements
(CREATE on a first load, see :func:`load`), each batch in its own
``session.execute_write`` transaction, from two sessions at once (``workers``)
so that the client packs one batch while the server writes another; the
transaction functions are idempotent because the driver retries them. The
node phases return the elementIds of what they wrote, and the phases that
link nodes find them by elementId instead of an index lookup (a load assumes
that nobody deletes relgraph nodes while it runs, as :func:`retract` would). Rows are lists (``row[0]`` is
the id), which the driver packs in half the time of maps. Nodes are written
before the relationships that need them, one statement per label or
relationship type, and properties are set one by one (``SET n.p = row[1]``)
rather than from a map (``SET n += row.props``): a map could hold the merge
key, so the planner would add an ``Eager`` operator that materialises every
batch before writing it (``tests/graph/test_neo4j_writer.py`` checks the
plans).

Dates are ISO ``YYYY-MM-DD`` strings, as in the ``neo4j-admin`` import files
of :mod:`graph.neo4j_csv`, so both ways of filling Neo4j give the same graph.

Example::

    driver = connect(Neo4jSettings.from_env())
    ensure_schema(driver, load_ontology())
    summary = load(driver, kg, load_ontology())
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Callable, Iterator

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement
from ontology import Ontology, load_ontology
from graph.keys import entity_keys
from relgraph.config import Neo4jSettings
from relgraph.errors import Neo4jUnavailable, OntologyError

# A second guard besides the ontology parser: nothing else may be spliced into query text.
_SAFE_NAME = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
# Node labels that are not entity types.
STRUCTURAL_LABELS = ("Entity", "Evidence", "Article")
# Lookup nodes of the match keys; not an entity, evidence or article.
KEY_LABEL = "Key"
# A Key node holds the first KEY_PREFIX characters of a key: a RANGE index
# refuses values over 8 kB (a 1,000-character string is at most 4 kB in
# UTF-8). Queries seek the prefixes of their keys, then check the entity's
# full ``match_keys``; the .cypher files repeat this number.
KEY_PREFIX = 1000


def key_node(key: str) -> str:
    """The ``key`` of the Key node a match key is linked through (its first KEY_PREFIX characters).

    key: a match key.
    """
    return key[:KEY_PREFIX]

HINT = "start one with `scripts/neo4j start` (or `docker compose up -d neo4j`) and set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD"


def _safe(name: str) -> str:
    if not _SAFE_NAME.match(name):
        raise OntologyError(f"Neo4j name {name!r} is not a safe label or type; fix the ontology's rg:neo4jLabel/rg:neo4jType")
    return name


# --- connection -------------------------------------------------------------------------


def connect(settings: Neo4jSettings):
    """Open a driver and check that the server answers and accepts the credentials.

    settings: URI, user, password (None when auth is off) and database.
    Returns a ``neo4j.Driver``; raises Neo4jUnavailable naming the URI (never
    the password) when the server is unreachable or refuses the login.
    """
    import neo4j
    from neo4j import exceptions as nex

    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=settings.auth(), max_transaction_retry_time=settings.retry_seconds
        )
    except (ValueError, nex.ConfigurationError) as exc:
        raise Neo4jUnavailable(f"Neo4j URI {settings.uri!r} is not valid ({exc}); use e.g. bolt://127.0.0.1:7687") from None
    try:
        driver.verify_connectivity()
        with driver.session(database=settings.database) as session:
            session.run("RETURN 1").consume()
    except nex.AuthError:
        driver.close()
        raise Neo4jUnavailable(
            f"Neo4j at {settings.redacted()} refused the credentials; check NEO4J_USER/NEO4J_PASSWORD "
            "(`scripts/neo4j env` prints the local server's)"
        ) from None
    except (nex.ServiceUnavailable, nex.SessionExpired, OSError) as exc:
        driver.close()
        raise Neo4jUnavailable(f"cannot reach Neo4j at {settings.redacted()}: {type(exc).__name__}; {HINT}") from None
    except nex.ClientError as exc:
        driver.close()
        # e.g. Neo.ClientError.Database.DatabaseNotFound
        raise Neo4jUnavailable(f"Neo4j at {settings.redacted()}: {exc.message}; check NEO4J_DATABASE/--database") from None
    return driver


# --- schema -----------------------------------------------------------------------------


def schema_statements(ontology: Ontology) -> list[str]:
    """The ``CREATE CONSTRAINT/INDEX ... IF NOT EXISTS`` statements for an ontology.

    ontology: labels and relationship types come from it.
    """
    stmts = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in STRUCTURAL_LABELS
    ]
    stmts.append(f"CREATE CONSTRAINT key_key IF NOT EXISTS FOR (n:{KEY_LABEL}) REQUIRE n.key IS UNIQUE")
    # A TEXT index for name searches in Neo4j Browser (`WHERE e.name CONTAINS ...`;
    # a RANGE index refuses values over 8 kB, which would fail the whole load).
    # No prepared query uses it: they find entities through :Key.
    stmts.append("CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name)")
    stmts.append("CREATE INDEX evidence_doc_id IF NOT EXISTS FOR (n:Evidence) ON (n.doc_id)")
    for et in ontology.entity_types.values():
        # Older loaders made a TEXT index on each type label's name: no query used
        # them, and each was one more index update per entity written.
        stmts.append(f"DROP INDEX {_safe(et.neo4j_label).lower()}_name_text IF EXISTS")
    for p in ontology.predicates.values():
        rtype = _safe(p.neo4j_type)
        stmts.append(f"CREATE INDEX rel_{rtype.lower()}_id IF NOT EXISTS FOR ()-[r:{rtype}]-() ON (r.id)")
        stmts.append(f"CREATE INDEX rel_{rtype.lower()}_status IF NOT EXISTS FOR ()-[r:{rtype}]-() ON (r.status)")
    return stmts


def ensure_schema(driver, ontology: Ontology | None = None, *, database: str | None = None) -> int:
    """Create the constraints and indexes the loader and the queries rely on.

    driver: an open driver (see :func:`connect`).
    ontology: the vocabulary; None for the bundled one.
    database: database name, None for the server default.
    Returns the number of schema statements run (all are ``IF NOT EXISTS``).
    """
    stmts = schema_statements(ontology or load_ontology())
    with driver.session(database=database) as session:
        for stmt in stmts:
            session.run(stmt).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(stmts)


# --- rows -------------------------------------------------------------------------------


# Property names per node or relationship kind, in the order the rows carry them.
ENTITY_PROPS = ("name", "aliases", "tagged_aliases", "wikidata", "lei", "ticker", "match_keys")
ARTICLE_PROPS = ("title", "date", "url", "source")
EVIDENCE_PROPS = ("text", "start", "end", "doc_id", "attributed_to")
STATEMENT_PROPS = ("predicate", "status", "label", "role", "confidence", "evidence_count", "first_seen",
                   "last_seen", "evidence_ids")


def _set(var: str, names: tuple[str, ...], first: int = 1) -> str:
    """``SET v.a = row[1], v.b = row[2], ...``: one property at a time, so no plan turns eager.

    var: the variable. names: the properties, in row order. first: the row index of the first.
    """
    return "SET " + ", ".join(f"{var}.{n} = row[{first + i}]" for i, n in enumerate(names))


def _wire(row: dict, names: tuple[str, ...], head: tuple[str, ...] = ("id",)) -> list:
    """A row as Neo4j receives it: a list (``head`` values, then the properties in order).

    Lists, not maps: the driver packs every key of every map row again, which
    took twice the time of the values alone (3.1 s against 1.5 s for 100k relation rows).
    """
    props = row["props"]
    return [*(row[h] for h in head), *(props[n] for n in names)]


def entity_row(e: Entity) -> dict:
    return {
        "id": e.id,
        "props": {
            "name": e.name,
            "aliases": sorted({text for text, _ in e.aliases if text != e.name}),
            # Language-tagged aliases again as "text@lang", so read_graph (and RDF export from Neo4j) keeps the tags.
            "tagged_aliases": sorted({f"{text}@{lang}" for text, lang in e.aliases if lang}) or None,
            "wikidata": e.wikidata, "lei": e.lei, "ticker": e.ticker,
            # Derived lookup keys (graph.keys); prepared queries find entities by them.
            "match_keys": entity_keys(e),
        },
    }


def article_row(a: Article) -> dict:
    return {"id": a.id, "props": {"title": a.title, "date": a.date, "url": a.url, "source": a.source}}


def evidence_row(ev: Evidence) -> dict:
    return {
        "id": ev.id, "doc_id": ev.doc_id,
        "props": {"text": ev.text, "start": ev.start, "end": ev.end, "doc_id": ev.doc_id,
                  "attributed_to": ev.attributed_to},
    }


def statement_row(st: Statement) -> dict:
    evidence = sorted(st.evidence)
    return {
        "id": st.id, "subject": st.subject, "object": st.object,
        "props": {
            "predicate": st.predicate, "status": st.status, "label": st.label, "role": st.role,
            "confidence": float(st.confidence), "evidence_count": len(evidence),
            "first_seen": st.first_seen, "last_seen": st.last_seen, "evidence_ids": evidence,
        },
    }


# Unlinks an entity from the keys it no longer has and deletes keys left without an entity.
_KEYS_AT = 1 + ENTITY_PROPS.index("match_keys")  # match_keys in an entity's wire row
STALE_KEYS = (
    f"UNWIND $rows AS row MATCH (e:Entity {{id: row[0]}}) WHERE e.match_keys <> row[{_KEYS_AT}] "
    f"MATCH (e)-[h:HAS_KEY]->(k:{KEY_LABEL}) WHERE NOT k.key IN [x IN row[{_KEYS_AT}] | left(x, {KEY_PREFIX})] "
    "DELETE h "
    "WITH DISTINCT k WHERE NOT EXISTS { (k)<-[:HAS_KEY]-() } DELETE k"
)


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


@dataclass
class LoadSummary:
    """What a load wrote.

    entities, articles, evidence, relationships, mentions: rows sent per kind.
    keys: entity-to-key links sent (one per match key of each entity).
    by_type: relationship rows per relationship type.
    batches: write transactions run.
    created: True when the database held no relgraph data, so the load CREATEd instead of MERGEd.
    phases: (phase, rows, seconds) in the order written: entities, match keys
        (rows: Key nodes), articles, bare articles, evidence and links (rows:
        evidence nodes, each with its IN_ARTICLE and MENTIONS links), relations.
    """

    entities: int = 0
    articles: int = 0
    evidence: int = 0
    relationships: int = 0
    mentions: int = 0
    keys: int = 0
    batches: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    created: bool = False
    phases: list[tuple[str, int, float]] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.entities} entities, {self.relationships} relationships, {self.evidence} evidence, "
                f"{self.articles} articles, {self.mentions} mentions in {self.batches} batches")

    def lines(self) -> list[str]:
        """Human-readable lines for the command line."""
        out = [
            f"entities       {self.entities}",
            f"articles       {self.articles}",
            f"evidence       {self.evidence}",
            f"relationships  {self.relationships}",
            f"mentions       {self.mentions}",
            f"match keys     {self.keys}",
        ]
        out += [f"  {t:<16} {n}" for t, n in sorted(self.by_type.items())]
        out.append(f"batches        {self.batches}")
        return out


def _write_batch(session, batch: list, query: str, retry: str | None) -> list:
    """One batch in one write transaction (the driver retries it on transient errors).

    Returns the records the statement returns, as lists of values.

    retry: the statement a retried attempt runs (None: ``query`` again). A
        CREATE statement names its MERGE twin here: the failed attempt may
        have committed before its connection broke, and only MERGE can run
        twice without writing twice.
    """
    from neo4j import exceptions as nex

    attempts = 0

    def work(tx) -> list:
        nonlocal attempts
        attempts += 1
        return tx.run(query if attempts == 1 or retry is None else retry, rows=batch).values()

    try:
        return session.execute_write(work)
    except (nex.ServiceUnavailable, nex.SessionExpired) as exc:
        # The driver has retried for its whole window; every batch written so far is kept.
        raise Neo4jUnavailable(
            f"lost Neo4j during the load ({type(exc).__name__}); "
            "once it is back run `relgraph load` again (loading is idempotent)"
        ) from None


def _write(rows: list, query: str, sessions: list, summary: LoadSummary, batch_size: int,
           progress: Callable[[int], None] | None, retry: str | None = None, found: dict | None = None) -> None:
    """Run ``query`` over ``rows`` in batches, one write transaction each.

    sessions: open sessions, one per concurrent writer. With more than one,
        each takes the next batch as soon as its previous one is written, from
        its own thread, so that the client packs one batch while the server
        writes another; this returns when every batch is written. Batches of
        one phase must not depend on each other (a later phase may depend on
        an earlier one). Two batches that lock the same node wait for each
        other; a deadlock between them is a transient error the driver retries.
    retry: see :func:`_write_batch`.
    found: where the (key, value) pairs the statement returns go (None: it returns nothing).
    The first failure stops the other writers after their current batch and is raised.
    """
    batches = list(_chunks(rows, batch_size))
    lock = threading.Lock()

    def done(batch: list, records: list) -> None:
        with lock:
            if found is not None:
                found.update(records)
            summary.batches += 1
            if progress is not None:
                progress(len(batch))

    if len(sessions) == 1 or len(batches) < 2:
        for batch in batches:
            done(batch, _write_batch(sessions[0], batch, query, retry))
        return
    todo = iter(batches)
    failed = threading.Event()

    def writer(session) -> None:
        while not failed.is_set():
            with lock:
                batch = next(todo, None)
            if batch is None:
                return
            try:
                records = _write_batch(session, batch, query, retry)
            except BaseException:
                failed.set()
                raise
            done(batch, records)

    with ThreadPoolExecutor(max_workers=len(sessions), thread_name_prefix="relgraph-load") as pool:
        futures = [pool.submit(writer, s) for s in sessions]
    for f in futures:
        f.result()  # the first failure, if any


def holds_relgraph_data(session) -> bool:
    """Whether the database holds any node of the labels the loader writes.

    session: an open session on the database.
    """
    return any(session.run(f"MATCH (n:{label}) RETURN 1 LIMIT 1").single() is not None
               for label in (*STRUCTURAL_LABELS, KEY_LABEL))


def load_statements(label_or_type: str, kind: str, *, create: bool, others: tuple[str, ...] = ()) -> str:
    """The write statement of one phase of :func:`load` (see there), as CREATE or MERGE.

    label_or_type: the entity type label (kind "entities") or relationship
        type (kind "relations"); "" for the other kinds.
    kind: entities, keys, articles, bare articles, evidence (the nodes with
        their IN_ARTICLE and MENTIONS links) or relations.
    create: CREATE for a database without relgraph data, else MERGE.
    others: for entities, the other type labels an entity loses (MERGE only).
    """
    op = "CREATE" if create else "MERGE"
    if kind == "entities":
        label = _safe(label_or_type)
        if create:
            return (f"UNWIND $rows AS row CREATE (e:Entity:{label} {{id: row[0]}}) {_set('e', ENTITY_PROPS)} "
                    "RETURN row[0], elementId(e)")
        # An entity whose type changed between builds loses its old type label.
        remove = f" REMOVE e:{':'.join(_safe(o) for o in others)}" if others else ""
        return (f"UNWIND $rows AS row MERGE (e:Entity {{id: row[0]}}) {_set('e', ENTITY_PROPS)} "
                f"SET e:{label}{remove} RETURN row[0], elementId(e)")
    if kind == "keys":
        # One row per Key node with the entities it links, so CREATE makes each Key once.
        return (f"UNWIND $rows AS row {op} (k:{KEY_LABEL} {{key: row[0]}}) "
                f"WITH k, row UNWIND row[1] AS eid MATCH (e:Entity) WHERE elementId(e) = eid {op} (e)-[:HAS_KEY]->(k)")
    if kind == "articles":
        return f"UNWIND $rows AS row {op} (a:Article {{id: row[0]}}) {_set('a', ARTICLE_PROPS)} RETURN row[0], elementId(a)"
    if kind == "bare articles":
        # Evidence of a document the graph has no metadata for still gets its
        # Article; a bare MERGE keeps what Neo4j may already hold about it.
        return f"UNWIND $rows AS id {op} (a:Article {{id: id}}) RETURN id, elementId(a)"
    if kind == "evidence":
        # The node, then its article and the entities it mentions (the two
        # columns after the properties), in one statement.
        at = 1 + len(EVIDENCE_PROPS)
        return (f"UNWIND $rows AS row {op} (v:Evidence {{id: row[0]}}) {_set('v', EVIDENCE_PROPS)} "
                f"WITH v, row MATCH (a:Article) WHERE elementId(a) = row[{at}] {op} (v)-[:IN_ARTICLE]->(a) "
                f"WITH v, row UNWIND row[{at + 1}] AS eid MATCH (e:Entity) WHERE elementId(e) = eid "
                f"{op} (v)-[:MENTIONS]->(e)")
    if kind == "relations":
        rtype = _safe(label_or_type)
        return ("UNWIND $rows AS row "
                "MATCH (s:Entity) WHERE elementId(s) = row[1] MATCH (o:Entity) WHERE elementId(o) = row[2] "
                f"{op} (s)-[r:{rtype} {{id: row[0]}}]->(o) {_set('r', STATEMENT_PROPS, 3)}")
    raise ValueError(f"unknown load phase {kind!r}")


def load(driver, kg: KnowledgeGraph, ontology: Ontology | None = None, *, database: str | None = None,
         batch_size: int = 2000, progress: Callable[[int], None] | None = None, workers: int = 2) -> LoadSummary:
    """Merge a knowledge graph into Neo4j: idempotent, incremental, batched.

    driver: an open driver (see :func:`connect`).
    kg: the graph to write; what it says about a node or relationship
        replaces what Neo4j held (counts, dates, evidence ids), and nothing
        absent from it is deleted (use :func:`retract` for that).
    ontology: labels and relationship types come from it; None for the bundled one.
    database: database name, None for the server default.
    batch_size: rows per write transaction.
    progress: called with the number of rows after each batch (from the
        writers' threads, one call at a time).
    workers: concurrent write sessions, each in its own thread (see :func:`_write`).
    Raises OntologyError when the graph uses a type or predicate the ontology lacks.

    Into a database holding no Entity, Evidence, Article or Key node (a first
    load) every statement CREATEs instead of MERGEs: nothing can match yet,
    and CREATE skips the lookups and locks of MERGE. A batch the driver
    retries runs the MERGE statement, so a batch committed before its
    connection broke is not written twice; a load interrupted and run again
    finds relgraph data and MERGEs throughout. ``summary.created`` tells
    which way a load went.
    """
    import time

    onto = ontology or load_ontology()
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    summary = LoadSummary()
    type_labels = sorted({_safe(et.neo4j_label) for et in onto.entity_types.values()})

    entities_by_label: dict[str, list[dict]] = {}
    for eid in sorted(kg.entities):
        e = kg.entities[eid]
        label = _safe(onto.entity_type(e.type).neo4j_label)
        entities_by_label.setdefault(label, []).append(_wire(entity_row(e), ENTITY_PROPS))
    rels_by_type: dict[str, list[dict]] = {}
    mentions: set[tuple[str, str]] = set()
    for sid in sorted(kg.statements):
        st = kg.statements[sid]
        onto.status(st.status)
        rtype = _safe(onto.predicate(st.predicate).neo4j_type)
        rels_by_type.setdefault(rtype, []).append(_wire(statement_row(st), STATEMENT_PROPS, ("id", "subject", "object")))
        for vid in st.evidence:
            if vid in kg.evidence:
                mentions.add((vid, st.subject))
                mentions.add((vid, st.object))
    for rows in rels_by_type.values():
        # A subject's relations in the same batches: its node and relationship
        # chain are locked and read once per batch, not once per relation.
        rows.sort(key=lambda r: (r[1], r[0]))

    with ExitStack() as stack:
        sessions = [stack.enter_context(driver.session(database=database)) for _ in range(workers)]
        create = summary.created = not holds_relgraph_data(sessions[0])

        # Node ids -> elementIds, as the node phases return them: the phases
        # that link nodes find them by elementId, not by an index lookup.
        node: dict[str, str] = {}
        article: dict[str, str] = {}

        def write(rows: list, kind: str, label: str = "", found: dict | None = None, **kw) -> None:
            _write(rows, load_statements(label, kind, create=create, **kw), sessions, summary, batch_size, progress,
                   load_statements(label, kind, create=False, **kw) if create else None, found)

        def phase(name: str, rows: list, kind: str, label: str = "", found: dict | None = None, **kw) -> None:
            t0 = time.perf_counter()
            write(rows, kind, label, found, **kw)
            summary.phases.append((name, len(rows), time.perf_counter() - t0))

        t0 = time.perf_counter()
        n_entities = 0
        for label, rows in sorted(entities_by_label.items()):
            if not create:
                # Keys an entity no longer has (renamed, alias dropped) first: only
                # entities already in Neo4j with other keys match.
                _write(rows, STALE_KEYS, sessions, summary, batch_size, None)
            write(rows, "entities", label, node, others=tuple(t for t in type_labels if t != label))
            n_entities += len(rows)
        summary.entities = n_entities
        summary.phases.append(("entities", n_entities, time.perf_counter() - t0))

        linked: dict[str, list[str]] = {}
        for _, ents in sorted(entities_by_label.items()):
            for row in ents:
                for k in sorted({key_node(k) for k in row[_KEYS_AT]}):
                    linked.setdefault(k, []).append(node.get(row[0]))
        summary.keys = sum(map(len, linked.values()))
        phase("match keys", [[k, ids] for k, ids in sorted(linked.items())], "keys")

        rows = [_wire(article_row(kg.articles[k]), ARTICLE_PROPS) for k in sorted(kg.articles)]
        phase("articles", rows, "articles", found=article)
        summary.articles = len(rows)
        bare = sorted({ev.doc_id for ev in kg.evidence.values()} - set(kg.articles))
        phase("bare articles", bare, "bare articles", found=article)

        # Evidence nodes with their links (article, mentioned entities) in one
        # statement: one evidence written and linked without a lookup. Rows
        # sorted by document, so concurrent batches mostly lock other articles.
        mentioned: dict[str, list[str]] = {}
        for vid, eid in sorted(mentions):
            mentioned.setdefault(vid, []).append(node.get(eid))
        rows = [[*_wire(evidence_row(ev), EVIDENCE_PROPS), article.get(ev.doc_id), mentioned.get(ev.id, [])]
                for ev in sorted(kg.evidence.values(), key=lambda ev: (ev.doc_id, ev.id))]
        phase("evidence and links", rows, "evidence")
        summary.evidence = len(rows)
        summary.mentions = len(mentions)

        t0 = time.perf_counter()
        for rtype, rows in sorted(rels_by_type.items()):
            write([[r[0], node.get(r[1]), node.get(r[2]), *r[3:]] for r in rows], "relations", rtype)
            summary.relationships += len(rows)
            summary.by_type[rtype] = len(rows)
        summary.phases.append(("relations", summary.relationships, time.perf_counter() - t0))
    return summary


def load_into_neo4j(kg: KnowledgeGraph, settings: Neo4jSettings, *, ontology: Ontology | None = None,
                    batch_size: int = 2000, progress: Callable[[int], None] | None = None) -> LoadSummary:
    """Connect, create the schema and load ``kg`` (what ``build --neo4j`` and ``load`` run).

    kg: the graph to load.
    settings: where Neo4j is (its database is used).
    ontology: None for the bundled one.
    batch_size: rows per write transaction.
    progress: called with the number of rows after each batch.
    """
    onto = ontology or load_ontology()
    driver = connect(settings)
    try:
        ensure_schema(driver, onto, database=settings.database)
        try:
            return load(driver, kg, onto, database=settings.database, batch_size=batch_size, progress=progress)
        except Neo4jUnavailable as exc:
            raise Neo4jUnavailable(f"{settings.redacted()}: {exc}") from None
    finally:
        driver.close()


def load_store(settings, *, batch_size: int = 2000, progress: Callable[[int], None] | None = None) -> LoadSummary:
    """Read the embedded store and load it into Neo4j (``relgraph load``).

    settings: relgraph Settings (store path and Neo4j connection).
    batch_size: rows per write transaction.
    progress: called with the number of rows after each batch.
    """
    from graph.store import EmbeddedStore

    kg = EmbeddedStore(settings.store).read_graph()
    return load_into_neo4j(kg, settings.neo4j, batch_size=batch_size, progress=progress)


# --- retraction -------------------------------------------------------------------------


@dataclass
class RetractSummary:
    """What :func:`retract` changed in Neo4j.

    articles, evidence: nodes deleted.
    relationships_deleted: relations left without evidence, deleted.
    relationships_updated: relations that lost some evidence and remain.
    entities_deleted: entities left with no relationship and no mention.
    """

    articles: int = 0
    evidence: int = 0
    relationships_deleted: int = 0
    relationships_updated: int = 0
    entities_deleted: int = 0

    def __str__(self) -> str:
        return (f"{self.evidence} evidence, {self.articles} article(s), {self.relationships_deleted} relationships "
                f"deleted ({self.relationships_updated} updated), {self.entities_deleted} entities deleted")


def retract(driver, doc_id: str, *, database: str | None = None) -> RetractSummary:
    """Remove a document from Neo4j: its Article and Evidence, and the relations left without evidence.

    driver: an open driver.
    doc_id: the document id (``Article.id``).
    database: database name, None for the server default.
    Relations that keep some evidence get their ``evidence_ids``,
    ``evidence_count`` and first/last seen dates recomputed; their
    confidence is kept (per-evidence confidence is not held in Neo4j).
    Entities left without any relationship or mention are deleted too.
    Returns a :class:`RetractSummary`; all zeros when the document is unknown.
    """

    def work(tx) -> RetractSummary:
        s = RetractSummary()
        ids = tx.run(
            "MATCH (v:Evidence) WHERE v.doc_id = $doc RETURN collect(v.id) AS ids", doc=doc_id
        ).single()["ids"]
        touched: list[str] = []
        if ids:
            touched = tx.run(
                "MATCH (v:Evidence)-[:MENTIONS]->(e:Entity) WHERE v.id IN $ids RETURN collect(DISTINCT e.id) AS ids",
                ids=ids,
            ).single()["ids"]
            rec = tx.run(
                "MATCH (:Entity)-[r]->(:Entity) WHERE r.evidence_ids IS NOT NULL "
                "AND any(x IN r.evidence_ids WHERE x IN $ids) "
                "WITH r, [x IN r.evidence_ids WHERE NOT x IN $ids] AS keep "
                "CALL (r, keep) { "
                "  WITH r, keep WHERE size(keep) = 0 DELETE r RETURN 1 AS deleted "
                "  UNION ALL "
                "  WITH r, keep WHERE size(keep) > 0 "
                "  OPTIONAL MATCH (v:Evidence)-[:IN_ARTICLE]->(a:Article) WHERE v.id IN keep "
                "  WITH r, keep, min(a.date) AS first, max(a.date) AS last "
                "  SET r.evidence_ids = keep, r.evidence_count = size(keep), r.first_seen = first, r.last_seen = last "
                "  RETURN 0 AS deleted "
                "} "
                "RETURN sum(deleted) AS deleted, count(*) - sum(deleted) AS updated",
                ids=ids,
            ).single()
            s.relationships_deleted, s.relationships_updated = rec["deleted"], rec["updated"]
            s.evidence = tx.run(
                "MATCH (v:Evidence) WHERE v.id IN $ids DETACH DELETE v RETURN count(*) AS n", ids=ids
            ).single()["n"]
        s.articles = tx.run(
            "MATCH (a:Article {id: $doc}) DETACH DELETE a RETURN count(*) AS n", doc=doc_id
        ).single()["n"]
        if touched:
            # Its match keys do not keep an entity; keys left without any entity go with it.
            rec = tx.run(
                "MATCH (e:Entity) WHERE e.id IN $ids AND NOT EXISTS { (e)-[r]-() WHERE type(r) <> 'HAS_KEY' } "
                f"OPTIONAL MATCH (e)-[:HAS_KEY]->(k:{KEY_LABEL}) "
                "WITH e, collect(k.key) AS keys DETACH DELETE e "
                "RETURN count(*) AS n, reduce(acc = [], ks IN collect(keys) | acc + ks) AS keys", ids=touched
            ).single()
            s.entities_deleted = rec["n"]
            tx.run(f"MATCH (k:{KEY_LABEL}) WHERE k.key IN $keys AND NOT EXISTS {{ (k)<-[:HAS_KEY]-() }} DELETE k",
                   keys=rec["keys"]).consume()
        return s

    with driver.session(database=database) as session:
        return session.execute_write(work)


# --- reading back -----------------------------------------------------------------------


def neighbourhood_ids(driver, entity: str, hops: int, *, database: str | None = None) -> set[str]:
    """Ids of the entities within ``hops`` relations of an entity, pulled from Neo4j.

    driver: an open driver.
    entity: id, name or alias (case-insensitive); every entity so named is a centre.
    hops: radius in relations (either direction, any status).
    database: database name, None for the server default.
    Raises QueryError when no entity has that id, name or alias.
    """
    from relgraph.errors import QueryError

    def work(tx):
        found = tx.run(
            "MATCH (e:Entity) WHERE e.id = $name OR toLower(e.name) = toLower($name) "
            "OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($name)) RETURN collect(e.id) AS ids",
            name=entity,
        ).single()["ids"]
        seen, frontier = set(found), list(found)
        # One query per hop: path bounds cannot be parameters, and a BFS stops early on small neighbourhoods.
        for _ in range(hops):
            if not frontier:
                break
            nxt = tx.run(
                "MATCH (e:Entity)-[r]-(n:Entity) WHERE e.id IN $ids AND r.evidence_ids IS NOT NULL "
                "RETURN collect(DISTINCT n.id) AS ids", ids=frontier,
            ).single()["ids"]
            frontier = [i for i in nxt if i not in seen]
            seen.update(frontier)
        return seen

    with driver.session(database=database) as session:
        ids = session.execute_read(work)
    if not ids:
        raise QueryError(f"no entity named {entity!r} in Neo4j; give an entity id, name or alias")
    return ids


def read_graph(driver, ontology: Ontology | None = None, *, database: str | None = None,
               entity_ids: set[str] | None = None) -> KnowledgeGraph:
    """Read the relgraph graph (or the part among some entities) back from Neo4j.

    driver: an open driver.
    ontology: maps labels and relationship types back to type and predicate keys.
    database: database name, None for the server default.
    entity_ids: only these entities, the relations among them, their evidence
        and articles (see :func:`neighbourhood_ids`); None for the whole graph.
    Aliases keep their language tags (``tagged_aliases``); an alias equal to
    the name without a tag is dropped, as in the RDF export.
    """
    onto = ontology or load_ontology()
    type_by_label = {et.neo4j_label: et.key for et in onto.entity_types.values()}
    pred_by_type = {p.neo4j_type: p.key for p in onto.predicates.values()}
    kg = KnowledgeGraph()

    def work(tx):
        if entity_ids is None:
            ents = list(tx.run("MATCH (e:Entity) RETURN e, labels(e) AS labels ORDER BY e.id"))
            arts = list(tx.run("MATCH (a:Article) RETURN a ORDER BY a.id"))
            evs = list(tx.run("MATCH (v:Evidence) RETURN v ORDER BY v.id"))
            rels = list(tx.run(
                "MATCH (s:Entity)-[r]->(o:Entity) WHERE r.evidence_ids IS NOT NULL "
                "RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS p ORDER BY r.id"
            ))
            return ents, arts, evs, rels
        ids = sorted(entity_ids)
        ents = list(tx.run("MATCH (e:Entity) WHERE e.id IN $ids RETURN e, labels(e) AS labels ORDER BY e.id", ids=ids))
        rels = list(tx.run(
            "MATCH (s:Entity)-[r]->(o:Entity) WHERE s.id IN $ids AND o.id IN $ids AND r.evidence_ids IS NOT NULL "
            "RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS p ORDER BY r.id", ids=ids,
        ))
        evids = sorted({v for rec in rels for v in rec["p"]["evidence_ids"]})
        evs = list(tx.run("MATCH (v:Evidence) WHERE v.id IN $ids RETURN v ORDER BY v.id", ids=evids))
        docs = sorted({rec["v"]["doc_id"] for rec in evs})
        arts = list(tx.run("MATCH (a:Article) WHERE a.id IN $ids RETURN a ORDER BY a.id", ids=docs))
        return ents, arts, evs, rels

    with driver.session(database=database) as session:
        ents, arts, evs, rels = session.execute_read(work)
    for rec in ents:
        n = rec["e"]
        types = [type_by_label[lb] for lb in rec["labels"] if lb in type_by_label]
        # The most specific type: one whose ancestors include every other found.
        etype = next((t for t in types if all(onto.is_a(t, o) for o in types)), types[0] if types else None)
        if etype is None:
            raise OntologyError(f"Neo4j entity {n['id']!r} has no label of the ontology (labels {rec['labels']})")
        kg.entities[n["id"]] = Entity(
            id=n["id"], name=n.get("name") or n["id"], type=etype,
            aliases=_aliases(n.get("aliases") or [], n.get("tagged_aliases") or []),
            wikidata=n.get("wikidata"), lei=n.get("lei"), ticker=n.get("ticker"),
        )
    for rec in arts:
        a = rec["a"]
        kg.articles[a["id"]] = Article(id=a["id"], title=a.get("title"), date=_iso(a.get("date")),
                                       url=a.get("url"), source=a.get("source"))
    for rec in evs:
        v = rec["v"]
        kg.evidence[v["id"]] = Evidence(id=v["id"], doc_id=v["doc_id"], text=v.get("text") or "",
                                        start=int(v.get("start") or 0), end=int(v.get("end") or 0),
                                        attributed_to=v.get("attributed_to"))
    for rec in rels:
        p = rec["p"]
        pred = p.get("predicate") or pred_by_type.get(rec["t"])
        if pred is None:
            raise OntologyError(f"Neo4j relationship type {rec['t']} is not in the ontology")
        kg.statements[p["id"]] = Statement(
            id=p["id"], subject=rec["s"], predicate=pred, object=rec["o"], status=p.get("status") or "asserted",
            label=p.get("label") or pred, role=p.get("role"), confidence=float(p.get("confidence") or 0.0),
            evidence=sorted(p.get("evidence_ids") or []),
            first_seen=_iso(p.get("first_seen")), last_seen=_iso(p.get("last_seen")),
        )
    return kg


def _aliases(texts: list[str], tagged: list[str]) -> list[tuple[str, str | None]]:
    """(text, lang) pairs from the ``aliases`` and ``tagged_aliases`` properties.

    texts: alias texts. tagged: ``text@lang`` strings (absent in graphs imported
    from CSV, whose aliases then come back untagged).
    """
    pairs = [tuple(t.rsplit("@", 1)) for t in tagged if "@" in t]
    with_tag = {text for text, _ in pairs}
    pairs += [(t, None) for t in texts if t not in with_tag]
    return sorted(set(pairs), key=lambda a: (a[0], a[1] or ""))


def _iso(value) -> str | None:
    """Dates as ISO strings whether Neo4j holds strings or ``date`` values."""
    if value is None:
        return None
    return value.iso_format() if hasattr(value, "iso_format") else str(value)


def counts(driver, *, database: str | None = None) -> dict[str, int]:
    """Node, relationship and property counts (for tests and ``load`` output).

    driver: an open driver. database: None for the server default.
    """
    q = (
        "CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS node_props } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS rel_props } "
        "RETURN nodes, node_props, rels, rel_props"
    )
    with driver.session(database=database) as session:
        rec = session.execute_read(lambda tx: tx.run(q).single())
    return {k: int(rec[k] or 0) for k in ("nodes", "node_props", "rels", "rel_props")}

