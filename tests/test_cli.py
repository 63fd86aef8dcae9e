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
