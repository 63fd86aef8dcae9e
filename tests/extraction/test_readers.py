"""Reading inputs: ids, metadata, dates, and one error per bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from extraction.readers import normalize_date, read_documents
from extraction.records import content_id
from relgraph.errors import InputError


def read(paths, **kw):
    errors: list[InputError] = []
    docs = list(read_documents(paths, on_error=errors.append, **kw))
    return docs, errors


def test_text_and_markdown_files_in_a_directory(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First line.\nSecond line.\n", encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text("# A headline\nBody text.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    docs, errors = read([tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["a", "b/c"]
    assert docs[0].text == "First line.\nSecond line.\n"
    assert docs[1].title == "A headline" and docs[1].text == "Body text.\n"


def test_file_given_directly_uses_its_stem_and_reruns_are_identical(tmp_path):
    f = tmp_path / "seed-news.txt"
    f.write_text("Some news.", encoding="utf-8")
    assert read([f])[0] == read([f])[0]
    assert read([f])[0][0].id == "seed-news"


def test_jsonl_fields_and_dates(tmp_path):
    f = tmp_path / "docs.jsonl"
    lines = [
        {"id": "d1", "text": "One.", "title": "T", "date": "May 23, 2019", "url": "https://x", "source": "S"},
        {"id": "d2", "text": "Two.", "date": "2019-05-23T10:00:00Z"},
        {"text": "No id."},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs, errors = read([f])
    assert errors == []
    assert [(d.id, d.date) for d in docs] == [("d1", "2019-05-23"), ("d2", "2019-05-23"), (content_id("No id."), None)]
    assert (docs[0].title, docs[0].url, docs[0].source, docs[0].origin) == ("T", "https://x", "S", f"{f}:1")


@pytest.mark.parametrize("raw,iso", [("2019-05-23", "2019-05-23"), ("23 May 2019", "2019-05-23"),
                                     ("May 23, 2019", "2019-05-23"), ("2019-05-23T10:00:00+08:00", "2019-05-23"),
                                     ("next Tuesday", None), ("2019-13-01", None)])
def test_normalize_date(raw, iso):
    assert normalize_date(raw) == iso


def test_bad_lines_are_reported_and_the_rest_is_read(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "ok", "text": "Fine."}),
        "{not json",
        json.dumps({"id": "x"}),
        json.dumps({"id": "y", "text": "Y.", "title": 5}),
        json.dumps({"id": "z", "text": "Z.", "date": "someday"}),
        json.dumps({"id": "ok", "text": "Again."}),
        json.dumps([1, 2]),
    ]), encoding="utf-8")
    docs, errors = read([f])
    assert [d.id for d in docs] == ["ok", "z"]
    assert docs[1].date is None  # kept, undated
    assert [(e.line, e.message.split(" ")[0]) for e in errors] == [
        (2, "not"), (3, "field"), (4, "field"), (5, "unparseable"), (6, "duplicate"), (7, "expected")]
    assert all(e.source == str(f) for e in errors)


def test_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Good.", encoding="utf-8")
    docs, errors = read([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["good"]
    assert sorted(str(e).split(": ", 1)[1].split(";")[0] for e in errors) == [
        "binary file, not text", "empty file", "invalid UTF-8", "no such file or directory"]


def test_strict_raises_the_first_error(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "a", "text": "A."}\nnope\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"docs.jsonl:2: not valid JSON"):
        read([f], strict=True)


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Plain text from a pipe.\n")))
    docs, _ = read(["-"])
    assert [(d.id, d.origin) for d in docs] == [(content_id("Plain text from a pipe.\n"), "-")]
    payload = b'{"id": "s1", "text": "One."}\n\n{"id": "s2", "text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    docs, _ = read(["-"])
    assert [d.id for d in docs] == ["s1", "s2"]
