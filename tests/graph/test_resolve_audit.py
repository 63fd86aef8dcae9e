"""Resolution quality against the hand-made entity gold: the issue's targets
(zero wrong merges, under 2% duplicate entities), and that the audit notices
both kinds of error."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.gazetteer import load_gazetteer
from graph.audit import audit, load_gold
from graph.curation import parse_curation
from graph.resolve import resolve
from graph.serialize import loads_line, result_from_dict
from relgraph.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "graph" / "gold"


@pytest.fixture(scope="module")
def results():
    path = GOLD / "extractions.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [result_from_dict(loads_line(line, str(path), n)) for n, line in enumerate(lines, start=1) if line.strip()]


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD / "entities.yaml")


def test_targets_on_hand_made_extraction(results, gold):
    report = audit(results, resolve(results, load_gazetteer()), *gold)
    assert report.gold >= 30 and not report.missing, report.format()
    assert report.wrong_merges == [], report.format()
    assert report.duplicate_rate < 0.02, report.format()


def test_without_gazetteer_still_no_wrong_merge(results, gold):
    report = audit(results, resolve(results, ()), *gold)
    assert report.wrong_merges == [], report.format()


def test_audit_counts_a_wrong_merge(results, gold):
    bad = parse_curation("- merge: [ctbc-financial-holding, ctbc-bank]\n", "cur.yaml")
    report = audit(results, resolve(results, load_gazetteer(), bad), *gold)
    assert len(report.wrong_merges) == 1
    assert "CTBC Financial Holding Co" in report.wrong_merges[0] and "CTBC Bank" in report.wrong_merges[0]


def test_audit_counts_duplicates_and_curation_fixes_them(results, gold):
    res = resolve(results, load_gazetteer())
    before = audit(results, res, *gold)
    assert len(before.duplicates) == 1 and "E.Sun" in before.duplicates[0]
    # The analyst decides that "E.Sun" in these articles is the holding.
    fix = parse_curation("- merge: [esun-financial-holding, company-esun]\n", "cur.yaml")
    after = audit(results, resolve(results, load_gazetteer(), fix), *gold)
    assert after.duplicates == [] and after.wrong_merges == []


@pytest.mark.parametrize("text, message", [
    ("same: [[]]\n", "same entry 1: expected a non-empty list of names"),
    ("same:\n  - {type: Bank, names: [A]}\n", "same entry 1: type 'Bank' is not one of"),
    ("apart: [[A, B, C]]\n", "apart entry 1: expected two names"),
    ("clusters: []\n", "expected a mapping with keys same and apart"),
])
def test_gold_file_errors(tmp_path, text, message):
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_gold(path)


def test_targets_on_real_extraction(extractor, gold):
    """The same audit on the real extractor's output for examples/ and the dev texts."""
    from extraction.readers import read_documents

    docs = list(read_documents([ROOT / "examples", GOLD / "dev"], on_error=None, strict=True))
    results = list(extractor.extract_many(docs))
    report = audit(results, resolve(results, load_gazetteer()), *gold)
    assert report.wrong_merges == [], report.format()
    assert report.duplicate_rate < 0.02, report.format()
