"""The command line as a user meets it: help everywhere, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from relgraph.cli import cli

EXPECTED_COMMANDS = {"extract", "build", "load", "query", "queries", "export", "eval"}


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


def test_issue_commands_exist():
    assert EXPECTED_COMMANDS <= set(cli.commands), sorted(EXPECTED_COMMANDS - set(cli.commands))


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    cmd = cli
    for name in path:
        cmd = cmd.commands[name]
    assert cmd.help and cmd.help.strip(), f"relgraph {' '.join(path)} has no help text"
    if not isinstance(cmd, click.Group):
        assert "Example" in result.output, f"relgraph {' '.join(path)} --help shows no example"


def _run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "relgraph.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
    )


def test_unknown_command_is_one_line_error():
    proc = _run("no-such-command")
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relgraph: error:"), proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_input_file_is_one_line_error(tmp_path):
    proc = _run("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "missing.txt" in proc.stderr


def test_export_neo4j_admin_writes_import_files(tmp_path):
    """The CSV export lands in a directory with the arguments file; stdout is refused."""
    from graph.model import Entity, Evidence, KnowledgeGraph, Statement, Article
    from graph.store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    kg = KnowledgeGraph(
        entities={"a": Entity("a", "Acme Corp", "Company"), "b": Entity("b", "Beta Ltd", "Company")},
        statements={"s1": Statement("s1", "a", "acquires", "b", "asserted", "acquires", None, 0.9, ["e1"])},
        evidence={"e1": Evidence("e1", "d1", "Acme Corp bought Beta Ltd.", 0, 26)},
        articles={"d1": Article("d1")},
    )
    store.save([], kg)
    runner = CliRunner()
    out = tmp_path / "import"
    r = runner.invoke(cli, ["--store", str(tmp_path / "store"), "export", "--format", "neo4j-admin", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "import.args").is_file()
    assert "rels-ACQUIRES.csv" in {p.name for p in out.iterdir()}
    r = runner.invoke(cli, ["--store", str(tmp_path / "store"), "export", "--format", "neo4j-admin"])
    assert r.exit_code != 0 and "--out DIR" in str(r.exception or r.output)
