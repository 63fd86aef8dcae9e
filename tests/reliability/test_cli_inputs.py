"""Bad input through ``relgraph extract`` and ``relgraph build`` as a user
runs them: one warning line per problem naming file and line, the other
documents processed, exit status 1 when anything failed, ``--strict``
stopping at the first problem with the store untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.store import EmbeddedStore

from .conftest import assert_no_traceback, run_cli, tree_checksum

DATA = Path(__file__).parent / "data"
GOOD_IDS = {"extra-1", "extra-2", "extra-3", "extra-4", "extra-5"}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """A directory mixing the good extra corpus with every kind of bad input.

    Returns (directory, {problem: expected "file" or "file:line" prefix}).
    """
    d = tmp_path_factory.mktemp("bad-input") / "corpus"
    d.mkdir()
    good = [json.loads(line) for line in (DATA / "corpus-extra.jsonl").read_text(encoding="utf-8").splitlines()]
    lines = [
        json.dumps(good[0]),                                              # 1
        '{"id": "broken", "text": "Acme Corp sued Globex Inc."',           # 2 malformed JSON
        json.dumps({"id": "no-text", "title": "x"}),                       # 3 missing field
        json.dumps({"id": "bad-title", "text": "A text.", "title": 7}),    # 4 wrong-typed field
        json.dumps({**good[1], "date": "the other day"}),                  # 5 unknown date (kept undated)
        json.dumps({**good[2], "id": "extra-1"}),                          # 6 duplicate id
        json.dumps(good[2]),                                               # 7
        "[1, 2, 3]",                                                       # 8 not an object
        json.dumps(good[3]),                                               # 9
    ]
    (d / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "more.txt").write_text(good[4]["text"], encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "latin1.txt").write_bytes("Good first line.\nSoci\u00e9t\u00e9 G\u00e9n\u00e9rale sued Acme Corp.\n".encode("latin-1"))
    (d / "chinese.txt").write_text("\u7f8e\u570b\u8003\u616e\u5c07\u6d77\u5eb7\u5a01\u8996\u5217\u5165\u9ed1\u540d\u55ae\u3002" * 30, encoding="utf-8")
    names = [f"Company{i} Corp" for i in range(600)]
    (d / "long-sentence.txt").write_text(", ".join(names[:-1]) + " and " + names[-1] + " sued Globex Inc.", encoding="utf-8")
    expected = {
        "malformed": f"{d / 'news.jsonl'}:2:",
        "missing text": f"{d / 'news.jsonl'}:3:",
        "wrong type": f"{d / 'news.jsonl'}:4:",
        "unknown date": f"{d / 'news.jsonl'}:5:",
        "duplicate id": f"{d / 'news.jsonl'}:6:",
        "not an object": f"{d / 'news.jsonl'}:8:",
        "empty": f"{d / 'empty.txt'}:",
        "binary": f"{d / 'binary.txt'}:",
        "invalid utf-8": f"{d / 'latin1.txt'}:2:",
    }
    return d, expected


def _warnings(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("relgraph: warning:")]


def _check_warnings(stderr: str, expected: dict[str, str]) -> None:
    warnings = _warnings(stderr)
    for problem, prefix in expected.items():
        hits = [w for w in warnings if w.startswith(f"relgraph: warning: {prefix}")]
        assert len(hits) == 1, f"{problem}: expected one warning starting {prefix!r}, got {hits} in\n{stderr}"
    assert len(warnings) == len(expected), "\n".join(warnings)


def test_extract_reports_each_bad_input_and_processes_the_rest(bad_corpus, tmp_path):
    d, expected = bad_corpus
    proc = run_cli("extract", str(d), "--format", "jsonl", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    _check_warnings(proc.stderr, expected)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    docs = {r["doc_id"] for r in rows}
    assert GOOD_IDS - {"extra-5"} <= docs, docs  # extra-5 is more.txt, id "more"
    assert "more" in docs
    # Line 6 (Hooli text under the duplicate id extra-1) was skipped, not merged into extra-1.
    assert not any(r["sentence"].startswith("Hooli") and r["doc_id"] == "extra-1" for r in rows)
    assert "long-sentence" in docs
    assert not any(r["doc_id"] == "chinese" for r in rows)


def test_extract_strict_stops_at_the_first_problem(bad_corpus, tmp_path):
    d, _ = bad_corpus
    proc = run_cli("extract", str(d), "--strict", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    # Files are read in sorted order: binary.txt is the first problem.
    assert lines == [lines[0]] and lines[0].startswith(f"relgraph: error: {d / 'binary.txt'}:"), proc.stderr
    assert proc.stdout == ""


def test_build_reports_each_bad_input_and_stores_the_rest(bad_corpus, tmp_path):
    d, expected = bad_corpus
    store = tmp_path / "store"
    proc = run_cli("--store", str(store), "build", str(d), "--format", "json", cwd=tmp_path)
    assert_no_traceback(proc)
    _check_warnings(proc.stderr, expected)
    summary = json.loads(proc.stdout)
    assert summary["documents_failed"] == len(expected)
    articles = set(EmbeddedStore(store).read_graph().articles)
    assert GOOD_IDS - {"extra-5"} | {"more"} <= articles, articles
    assert proc.returncode == 1, "build must exit non-zero when inputs failed"


def test_build_strict_stops_and_leaves_the_store_untouched(bad_corpus, tmp_path):
    d, _ = bad_corpus
    store = tmp_path / "store"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(DATA / "corpus-extra.jsonl", good / "extra.jsonl")
    assert run_cli("--store", str(store), "build", str(good), cwd=tmp_path).returncode == 0
    before = tree_checksum(store)
    proc = run_cli("--store", str(store), "build", str(d), "--strict", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("relgraph: error:")]
    assert len(errors) == 1 and str(d / "binary.txt") in errors[0], proc.stderr
    assert tree_checksum(store) == before


def test_ten_megabyte_line_is_one_message_and_the_rest_is_processed(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(DATA / "corpus-extra.jsonl", d / "extra.jsonl")
    big = d / "huge.txt"
    big.write_text(("Acme Corp sued Globex Inc " * 400_000)[:10_000_000], encoding="utf-8")  # one 10 MB line
    proc = run_cli("extract", str(d), cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    warnings = _warnings(proc.stderr)
    assert len(warnings) == 1 and str(big) in warnings[0], proc.stderr
    assert GOOD_IDS <= {json.loads(line)["doc_id"] for line in proc.stdout.splitlines()}
