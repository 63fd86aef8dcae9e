"""Relative dates anchored to the article date (extraction/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.dates import anchor_date, parse_doc_date

FRIDAY = date(2025, 5, 16)


@pytest.mark.parametrize("sentence, expected", [
    ("Acme said on Thursday it would buy Widget.", "2025-05-15"),
    ("Acme said on Friday it would buy Widget.", "2025-05-16"),          # the article's own day
    ("Acme said last Friday it would buy Widget.", "2025-05-09"),        # strictly before
    ("Acme sued Widget yesterday.", "2025-05-15"),
    ("Acme sued Widget today.", "2025-05-16"),
    ("Acme sued Widget last week.", "2025-W19"),
    ("Acme sued Widget last month.", "2025-04"),
    ("Acme bought Widget last year.", "2024"),
    ("Acme bought Widget in 2019.", None),                               # no relative expression
])
def test_relative_expressions_are_anchored(sentence, expected):
    assert anchor_date(sentence, FRIDAY) == expected


def test_no_article_date_no_anchor():
    assert parse_doc_date(None) is None and parse_doc_date("May 2025") is None
    assert anchor_date("Acme sued Widget yesterday.", parse_doc_date(None)) is None
    assert parse_doc_date("2025-05-16T08:00:00Z") == FRIDAY


def test_relations_carry_event_date_only_when_anchored(extractor):
    from extraction.records import RELATION_FIELDS, Document

    dated = extractor.extract(Document(id="d", text="Acme Corp sued Widget Inc on Thursday.", date="2025-05-16"))
    rel = next(r for r in dated.relations if r.predicate == "sues")
    assert rel.event_date == "2025-05-15" and rel.to_json()["event_date"] == "2025-05-15"
    undated = extractor.extract(Document(id="u", text="Acme Corp sued Widget Inc on Thursday."))
    rel = next(r for r in undated.relations if r.predicate == "sues")
    assert rel.event_date is None and list(rel.to_json()) == list(RELATION_FIELDS)
