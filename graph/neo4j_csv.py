"""CSV files for ``neo4j-admin database import full`` from a KnowledgeGraph.

The offline import tool is the fastest way to fill an empty Neo4j database;
it builds the store files directly instead of running transactions. The
files written here hold the same graph the Neo4j loader writes (see
``docs/architecture.md``, "Neo4j shape"):

- one node file per entity type, labelled ``Entity:<type label>``, plus
  ``Evidence`` and ``Article`` node files;
- one relationship file per ontology relationship type, plus ``IN_ARTICLE``
  (evidence to article) and ``MENTIONS`` (evidence to the subject and object
  of every statement it supports);
- ``Key`` nodes, one per distinct match key, and ``HAS_KEY`` links from each
  entity to its keys (the index the prepared queries find entities by).

Every file starts with its own typed header (``id:ID(Entity)``,
``start:long``, ``evidence_ids:string[]``), so the files are
self-describing. Node ids live in four id spaces (``Entity``, ``Evidence``,
``Article``, ``Key``) and are also stored as the ``id`` property (``key``
for a Key). Empty strings mean
"no value" (``--ignore-empty-strings``); the importer cannot write an empty
list, so an entity without aliases gets no ``aliases`` property where the
loader stores ``[]`` (and a statement without evidence, which a build never
makes, no ``evidence_ids``); list elements are separated by
U+001F, a character that cannot occur in names. Files whose fields contain
line breaks (evidence sentences, titles) are listed for
``--multiline-fields`` so the importer only parses those slowly.

Example::

    plan = write_import_files(kg, "neo4j-import/")
    # then, with the server stopped:
    # neo4j-admin database import full neo4j @neo4j-import/import.args
    args = plan.arguments(database="neo4j")
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ontology import Ontology, load_ontology
from graph.keys import entity_keys
from graph.neo4j_writer import key_node
from relgraph.errors import ExportError

from .model import Article, KnowledgeGraph

ARRAY_DELIMITER = "\x1f"
ARGS_FILE = "import.args"

# Header of each file kind; the loader's property names (architecture.md).
ENTITY_HEADER = ("id:ID(Entity)", "name", "aliases:string[]", "wikidata", "lei", "ticker", "match_keys:string[]")
EVIDENCE_HEADER = ("id:ID(Evidence)", "text", "start:long", "end:long", "doc_id", "attributed_to")
ARTICLE_HEADER = ("id:ID(Article)", "title", "date", "url", "source")
STATEMENT_HEADER = (
    ":START_ID(Entity)", ":END_ID(Entity)", "id", "predicate", "status", "label", "role",
    "confidence:double", "evidence_count:long", "first_seen", "last_seen", "evidence_ids:string[]",
)
IN_ARTICLE_HEADER = (":START_ID(Evidence)", ":END_ID(Article)")
MENTIONS_HEADER = (":START_ID(Evidence)", ":END_ID(Entity)")
KEY_HEADER = ("key:ID(Key)",)
HAS_KEY_HEADER = (":START_ID(Entity)", ":END_ID(Key)")


@dataclass
class ImportFiles:
    """The files written for one graph and how to pass them to the import tool.

    directory: where the files are.
    nodes: (labels, file name) pairs, labels like ``("Entity", "Company")``.
    relationships: (relationship type, file name) pairs.
    multiline: file names whose fields contain line breaks.
    counts: rows written per file name.
    """

    directory: Path
    nodes: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    relationships: list[tuple[str, str]] = field(default_factory=list)
    multiline: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return sum(self.counts[name] for _, name in self.nodes)

    @property
    def relationship_count(self) -> int:
        return sum(self.counts[name] for _, name in self.relationships)

    def arguments(self, database: str = "neo4j", absolute: bool = True) -> list[str]:
        """Arguments for ``neo4j-admin database import full`` (after ``full``).

        database: name of the database to create.
        absolute: give file paths as absolute paths; False gives them relative
            to :attr:`directory` (for the args file kept beside them).
        """

        def path(name: str) -> str:
            return str((self.directory / name).resolve()) if absolute else name

        # The database name goes first: the file lists of --nodes and
        # --relationships take every following word as another file.
        args = [
            database,
            "--id-type=string",
            "--ignore-empty-strings=true",
            "--array-delimiter=U+001F",
            "--normalize-types=true",
        ]
        if self.multiline:
            args.append("--multiline-fields-format=v2")
            args.append("--multiline-fields=" + ",".join(path(n) for n in self.multiline))
        for labels, name in self.nodes:
            args.append(f"--nodes={':'.join(labels)}={path(name)}")
        for rtype, name in self.relationships:
            args.append(f"--relationships={rtype}={path(name)}")
        return args


class _CsvFile:
    """A CSV file being written, tracking rows and line breaks in fields."""

    def __init__(self, path: Path, header: tuple[str, ...]):
        self.path = path
        self.handle = path.open("w", encoding="utf-8", newline="")
        # RFC 4180 quoting (doubled quotes) is what the importer expects by default.
        self.writer = csv.writer(self.handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        self.writer.writerow(header)
        self.rows = 0
        self.multiline = False

    def write(self, row: list[str]) -> None:
        if not self.multiline and any("\n" in v or "\r" in v for v in row):
            self.multiline = True
        self.writer.writerow(row)
        self.rows += 1

    def close(self) -> None:
        self.handle.close()


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _array(values: list[str], what: str) -> str:
    for v in values:
        if ARRAY_DELIMITER in v:
            raise ExportError(f"{what}: value {v!r} contains U+001F, which the CSV export uses as list separator; remove it")
    return ARRAY_DELIMITER.join(values)


def write_import_files(kg: KnowledgeGraph, directory: str | Path, ontology: Ontology | None = None) -> ImportFiles:
    """Write the graph as neo4j-admin import CSV files and an args file.

    kg: the graph to write.
    directory: output directory, created if missing; files of the same names
        are overwritten.
    ontology: labels and relationship types come from it (default: bundled).
    Returns the :class:`ImportFiles` describing what was written. The file
    ``import.args`` beside them holds the arguments, one per line, for
    ``neo4j-admin database import full <database> @import.args`` (the
    database name must come before the args file).
    """
    onto = ontology or load_ontology()
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: cannot create the export directory: {exc.strerror}") from exc
    plan = ImportFiles(directory=out)
    files: dict[str, _CsvFile] = {}

    def open_file(name: str, header: tuple[str, ...]) -> _CsvFile:
        f = files.get(name)
        if f is None:
            f = files[name] = _CsvFile(out / name, header)
        return f

    keys: dict[str, list[str]] = {}
    try:
        for eid in sorted(kg.entities):
            ent = kg.entities[eid]
            labels = onto.labels_for(ent.type)
            name = f"nodes-{labels[-1]}.csv"
            if name not in files:
                plan.nodes.append((labels, name))
            # As the loader: distinct alias texts other than the name, sorted.
            aliases = sorted({text for text, _ in ent.aliases if text != ent.name})
            keys[ent.id] = entity_keys(ent)
            open_file(name, ENTITY_HEADER).write([
                ent.id, ent.name, _array(aliases, f"entity {ent.id} aliases"),
                _opt(ent.wikidata), _opt(ent.lei), _opt(ent.ticker),
                _array(keys[ent.id], f"entity {ent.id} match keys"),
            ])
        if keys:
            plan.nodes.append((("Key",), "nodes-Key.csv"))
            plan.relationships.append(("HAS_KEY", "rels-HAS_KEY.csv"))
            f = open_file("nodes-Key.csv", KEY_HEADER)
            for key in sorted({key_node(k) for ks in keys.values() for k in ks}):
                f.write([key])
            links = open_file("rels-HAS_KEY.csv", HAS_KEY_HEADER)
            for eid, ks in keys.items():
                for key in sorted({key_node(k) for k in ks}):
                    links.write([eid, key])
        # The loader links every evidence to its article, creating a bare
        # Article for a document the graph has no metadata for; so do we.
        article_ids = set(kg.articles) | {ev.doc_id for ev in kg.evidence.values()}
        if article_ids:
            plan.nodes.append((("Article",), "nodes-Article.csv"))
            f = open_file("nodes-Article.csv", ARTICLE_HEADER)
            for aid in sorted(article_ids):
                a = kg.articles.get(aid) or Article(aid)
                f.write([a.id, _opt(a.title), _opt(a.date), _opt(a.url), _opt(a.source)])
        if kg.evidence:
            plan.nodes.append((("Evidence",), "nodes-Evidence.csv"))
            plan.relationships.append(("IN_ARTICLE", "rels-IN_ARTICLE.csv"))
            f = open_file("nodes-Evidence.csv", EVIDENCE_HEADER)
            links = open_file("rels-IN_ARTICLE.csv", IN_ARTICLE_HEADER)
            for vid in sorted(kg.evidence):
                ev = kg.evidence[vid]
                f.write([ev.id, ev.text, str(ev.start), str(ev.end), ev.doc_id, _opt(ev.attributed_to)])
                links.write([ev.id, ev.doc_id])

        mentions: set[tuple[str, str]] = set()
        for sid in sorted(kg.statements):
            st = kg.statements[sid]
            rtype = onto.predicate(st.predicate).neo4j_type
            name = f"rels-{rtype}.csv"
            if name not in files:
                plan.relationships.append((rtype, name))
            open_file(name, STATEMENT_HEADER).write([
                st.subject, st.object, st.id, st.predicate, st.status, st.label, _opt(st.role),
                repr(float(st.confidence)), str(len(st.evidence)), _opt(st.first_seen), _opt(st.last_seen),
                _array(sorted(st.evidence), f"statement {st.id} evidence"),
            ])
            for vid in st.evidence:
                if vid in kg.evidence:
                    mentions.add((vid, st.subject))
                    mentions.add((vid, st.object))
        if mentions:
            plan.relationships.append(("MENTIONS", "rels-MENTIONS.csv"))
            f = open_file("rels-MENTIONS.csv", MENTIONS_HEADER)
            for vid, eid in sorted(mentions):
                f.write([vid, eid])
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the import files: {exc.strerror}") from exc
    finally:
        for f in files.values():
            f.close()

    plan.nodes.sort(key=lambda item: item[1])
    plan.relationships.sort(key=lambda item: item[1])
    for name, f in files.items():
        plan.counts[name] = f.rows
        if f.multiline:
            plan.multiline.append(name)
    plan.multiline.sort()
    (out / ARGS_FILE).write_text("\n".join(plan.arguments(absolute=True)[1:]) + "\n", encoding="utf-8")
    return plan


def export_neo4j_admin(settings, out: str | Path) -> ImportFiles:
    """Write the embedded store's graph as neo4j-admin import files
    (what ``relgraph export --format neo4j-admin --out DIR`` runs).

    settings: relgraph Settings (the store path is used).
    out: the output directory; ``-`` is refused (the import needs files).
    """
    from graph.store import EmbeddedStore

    if out is None or str(out) == "-":
        raise ExportError("--format neo4j-admin writes several CSV files; give a directory with --out DIR")
    kg = EmbeddedStore(settings.store).read_graph()
    return write_import_files(kg, out)
