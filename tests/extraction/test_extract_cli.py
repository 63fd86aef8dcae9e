"""``relgraph extract`` through the real command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from relgraph.cli import cli, main
from extraction.records import RELATION_FIELDS


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "relgraph extract" in result.output


def test_jsonl_output_and_bad_input_exit_status(tmp_path, capsys):
    good = tmp_path / "news.txt"
    good.write_text("Acme Corp acquired Widget Inc last year.\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    try:
        main(["extract", str(good), str(bad), "--explain"])
        code = 0
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 1  # a bad input, after processing the rest
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["subject"], r["predicate"], r["object"], r["doc_id"]) for r in rows] == [
        ("Acme Corp", "acquires", "Widget Inc", "news")]
    assert list(rows[0]) == list(RELATION_FIELDS)
    assert f"relgraph: warning: {bad}:1: not valid JSON" in err


def test_strict_stops_with_one_line(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    try:
        main(["extract", "--strict", str(bad)])
    except SystemExit as exc:
        assert exc.code == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"relgraph: error: {bad}: empty file; remove it or add text"]
