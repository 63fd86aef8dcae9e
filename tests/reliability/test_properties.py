"""Property-based tests (hypothesis) of the readers and of name
normalization: arbitrary input never crashes them, every bad line is
accounted for, and normalized names and ids keep their promised shape.

Example counts are modest (the machine has two cores); the totals are
recorded in docs/reliability.md.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from extraction.readers import read_documents
from relgraph.errors import InputError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, suffix: str):
    """Write data to a fresh file and read it; returns (path, docs, errors)."""
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"input{suffix}"
        p.write_bytes(data)
        errors: list[InputError] = []
        docs = list(read_documents([str(p)], on_error=errors.append))
        return str(p), docs, errors


# --- readers ---------------------------------------------------------------------------------


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".jsonl"]))
def test_arbitrary_bytes_never_crash_a_reader(data, suffix):
    path, docs, errors = _read(data, suffix)
    for e in errors:
        assert isinstance(e, InputError) and e.source == path
        assert "\n" not in str(e)
    if suffix != ".jsonl":
        # A text file is one document or one error, never both or neither.
        assert len(docs) + len(errors) == 1, (docs, errors)
    for doc in docs:
        assert doc.text.strip() and doc.id


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)
doc_objects = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200)},
    optional={
        "id": st.text(max_size=20) | st.integers() | st.none(),
        "title": st.text(max_size=40) | st.none() | st.integers(),
        "date": st.sampled_from(["2019-05-23", "May 23, 2019", "yesterday", "2019-02-30"]) | st.text(max_size=12),
        "url": st.text(max_size=40),
        "extra": json_values,
    },
)
# Characters str.splitlines() breaks on besides \n and \r; lines must not break there.
OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
jsonl_lines = st.one_of(
    doc_objects.map(lambda o: json.dumps(o, ensure_ascii=False)),
    doc_objects.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=80).filter(lambda s: "\n" not in s and "\r" not in s),
)


def _no_other_breaks(line: str) -> bool:
    return not any(c in line for c in OTHER_LINE_BREAKS)


@SETTINGS
@given(st.lists(jsonl_lines.filter(_no_other_breaks), min_size=1, max_size=12))
@example(["\x00"])
@example(['{"id": "a", "text": "x"}', "", "{"])
def test_every_jsonl_line_is_a_document_or_an_error(lines):
    _check_jsonl_lines(lines)


@SETTINGS
@given(st.lists(jsonl_lines, min_size=1, max_size=12))
def test_every_jsonl_line_is_a_document_or_an_error_with_any_characters(lines):
    _check_jsonl_lines(lines)


def _check_jsonl_lines(lines: list[str]) -> None:
    path, docs, errors = _read(("\n".join(lines) + "\n").encode("utf-8"), ".jsonl")
    if any("\x00" in line for line in lines):
        # A NUL byte marks the whole file as binary: one error for the file.
        assert docs == [] and len(errors) == 1 and errors[0].line is None
        return
    if not any(line.strip() for line in lines):
        assert docs == [] and len(errors) == 1 and errors[0].line is None  # an empty file
        return
    read_lines = {int(d.origin.rsplit(":", 1)[1]) for d in docs}
    error_lines = [e.line for e in errors]
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            assert n not in read_lines and n not in error_lines
        elif n not in read_lines:
            assert n in error_lines, f"line {n} {line!r} was neither read nor reported"
    assert all(e.source == path and e.line is not None and 1 <= e.line <= len(lines) for e in errors)
    assert len({d.id for d in docs}) == len(docs)  # ids unique
    for d in docs:
        assert d.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.date)


# --- name normalization ----------------------------------------------------------------------

from graph.normalize import compact, load_lexicon, name_key, slug, tokens, zh_key  # noqa: E402
from ontology import load_ontology  # noqa: E402

LEX = load_lexicon()
TYPES = sorted(load_ontology().entity_types)
# Names built from the lexicon's own words find the corner cases (titles,
# articles, suffixes next to each other) that random text rarely hits.
lexicon_words = st.sampled_from(sorted(
    {w for s in LEX.legal_suffixes for w in s} | LEX.leading_articles | LEX.person_titles | {"acme", "e.sun", "u.s."}
))
names = st.one_of(
    st.text(max_size=60),
    st.lists(lexicon_words, min_size=1, max_size=5).map(" ".join),
    st.lists(lexicon_words | st.text(alphabet="abcXYZ.'’&-,é大華 ", min_size=1, max_size=6), min_size=1, max_size=6).map(" ".join),
)


@SETTINGS
@given(names)
def test_tokens_never_raise_and_are_idempotent(name):
    toks = tokens(name)
    assert all(t and t == t.casefold() for t in toks)
    assert tokens(" ".join(toks)) == toks


@SETTINGS
@given(names, st.sampled_from(TYPES))
@example("Mr The Acme", "Person")
def test_name_key_is_idempotent(name, etype):
    key = name_key(name, etype, LEX)
    assert name_key(" ".join(key), etype, LEX) == key


@SETTINGS
@given(names)
def test_slug_and_zh_key_shapes(name):
    s = slug(name)
    assert s == "" or ID_RE.match(s), s
    assert slug(s) == s
    z = zh_key(name)
    assert zh_key(z) == z
    assert compact(tokens(name)) == compact(tokens(compact(tokens(name))))


# --- stable entity ids -----------------------------------------------------------------------

from extraction.records import DocEntity, Document, DocumentResult  # noqa: E402
from graph.resolve import resolve  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names.filter(lambda n: n.strip()), st.sampled_from(TYPES)), min_size=1, max_size=8))
def test_resolved_entity_ids_are_stable_and_well_formed(mentions):
    results = [
        DocumentResult(document=Document(id=f"d{i}", text=name), entities=(DocEntity(name, etype),))
        for i, (name, etype) in enumerate(mentions)
    ]
    first = resolve(results)
    for eid in first.entities:
        assert ID_RE.match(eid), eid
    # Same input, same ids, whatever the document order.
    again = resolve(list(reversed(results)))
    assert sorted(first.entities) == sorted(again.entities)
    for r in results:
        name = r.entities[0].name
        assert first.entity_id(r.document.id, name) == again.entity_id(r.document.id, name)
