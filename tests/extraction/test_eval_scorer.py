"""The scorer on hand-made records: answers known in advance."""

from __future__ import annotations

import json

import pytest

from extraction.evaluate import (
    CORE_PREDICATES, Report, evaluate, names_match, normalise_name, parse_gold_line,
)
from extraction.records import Alias, DocEntity, Document, DocumentResult, Relation

TEXT = (
    "E.Sun Financial Holding Co (玉山金控) outbid CTBC Financial Holding Co for Mercuries Life "
    "Insurance Co. The DBS Foundation works in partnership with CCILU Ltd. "
    "The US is considering sanctions on Hangzhou Hikvision Digital Technology Co."
)
GOLD_TRIPLES = [
    {"subject": "E.Sun Financial Holding Co", "predicate": "outbids", "object": "CTBC Financial Holding Co"},
    {"subject": "E.Sun Financial Holding Co", "predicate": "bids-for", "object": "Mercuries Life Insurance Co"},
    {"subject": "DBS Foundation", "predicate": "partners-with", "object": "CCILU Ltd"},
    {"subject": "US", "predicate": "sanctions", "object": "Hikvision", "status": "considered"},
]


def gold_doc(triples=GOLD_TRIPLES, text=TEXT, doc_id="d1"):
    line = json.dumps({"id": doc_id, "text": text, "source": "written for relgraph", "triples": triples})
    return parse_gold_line(line, "gold.jsonl", 1)


def rel(subject, predicate, obj, status="asserted", doc_id="d1", sentence="s."):
    return Relation(
        subject=subject, subject_type="Company", predicate=predicate, object=obj, object_type="Company",
        status=status, label=predicate, role=None, confidence=0.9, attributed_to=None,
        doc_id=doc_id, sentence=sentence, start=0, end=len(sentence),
    )


def extractor_returning(relations, entities=()):
    def extract(doc: Document) -> DocumentResult:
        return DocumentResult(document=doc, entities=tuple(entities), relations=tuple(relations))
    return extract


PERFECT = [
    rel("E.Sun Financial Holding Co", "outbids", "CTBC Financial Holding Co"),
    rel("E.Sun Financial Holding Co", "bids-for", "Mercuries Life Insurance Co"),
    rel("DBS Foundation", "partners-with", "CCILU Ltd"),
    rel("United States government", "sanctions", "Hangzhou Hikvision Digital Technology Co", "considered"),
]


def test_perfect_extraction_scores_one():
    report = evaluate([gold_doc()], extractor_returning(PERFECT))
    total = report.overall()
    assert (total.tp, total.fp, total.fn) == (4, 0, 0)
    assert total.precision == total.recall == total.f1 == 1.0
    assert report.errors == []


def test_partial_extraction_counts_fp_and_fn_per_predicate():
    predicted = [
        PERFECT[0],
        rel("Mercuries Life Insurance Co", "acquires", "CTBC Financial Holding Co"),  # wrong
    ]
    report = evaluate([gold_doc()], extractor_returning(predicted))
    total = report.overall()
    assert (total.tp, total.fp, total.fn) == (1, 1, 3)
    assert total.precision == pytest.approx(0.5)
    assert total.recall == pytest.approx(0.25)
    assert total.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert (report.per_predicate["acquires"].fp, report.per_predicate["acquires"].tp) == (1, 0)
    assert report.per_predicate["bids-for"].fn == 1
    assert report.per_predicate["outbids"].f1 == 1.0
    kinds = sorted((e.kind, e.predicate) for e in report.errors)
    assert kinds == [("FN", "bids-for"), ("FN", "partners-with"), ("FN", "sanctions"), ("FP", "acquires")]


def test_fn_error_carries_the_sentence_naming_both_entities():
    report = evaluate([gold_doc()], extractor_returning([]))
    fn = next(e for e in report.errors if e.predicate == "partners-with")
    assert fn.sentence == "The DBS Foundation works in partnership with CCILU Ltd."


def test_symmetric_predicate_matches_in_either_direction_but_others_do_not():
    predicted = [
        rel("CCILU Ltd", "partners-with", "DBS Foundation"),
        rel("CTBC Financial Holding Co", "outbids", "E.Sun Financial Holding Co"),  # reversed: wrong
    ]
    report = evaluate([gold_doc()], extractor_returning(predicted))
    assert report.per_predicate["partners-with"].tp == 1
    assert (report.per_predicate["outbids"].tp, report.per_predicate["outbids"].fp) == (0, 1)


def test_alias_of_predicted_entity_matches_gold_name():
    text = "Acme said Globex Corp (寰宇) agreed to buy it."
    gold = gold_doc([{"subject": "寰宇", "predicate": "acquires", "object": "Acme", "status": "planned"}], text=text)
    entities = [DocEntity("Globex Corp", "Company", (Alias("寰宇", "zh"),)), DocEntity("Acme", "Company")]
    report = evaluate([gold], extractor_returning([rel("Globex Corp", "acquires", "Acme", "planned")], entities))
    assert report.overall().tp == 1
    # Without the alias the names share no token: a miss.
    report = evaluate([gold], extractor_returning([rel("Globex Corp", "acquires", "Acme", "planned")]))
    assert (report.overall().tp, report.overall().fp) == (0, 1)


def test_status_is_ignored_by_default_and_scored_with_match_status():
    predicted = [rel("United States government", "sanctions", "Hikvision", "asserted")]
    lenient = evaluate([gold_doc()], extractor_returning(predicted))
    assert lenient.per_predicate["sanctions"].tp == 1
    strict = evaluate([gold_doc()], extractor_returning(predicted), match_status=True)
    c = strict.per_predicate["sanctions"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    notes = {(e.kind, e.note) for e in strict.errors if e.predicate == "sanctions"}
    assert notes == {("FP", "status mismatch: gold considered"), ("FN", "status mismatch: predicted asserted")}


def test_same_relation_twice_counts_once():
    predicted = [PERFECT[2], rel("DBS Foundation", "partners-with", "CCILU Ltd", sentence="another.")]
    report = evaluate([gold_doc()], extractor_returning(predicted))
    assert (report.overall().tp, report.overall().fp) == (1, 0)


def test_unresolved_short_form_is_a_duplicate_not_a_false_positive():
    predicted = [PERFECT[3], rel("US", "sanctions", "Hikvision", "considered")]
    report = evaluate([gold_doc()], extractor_returning(predicted))
    assert (report.overall().tp, report.overall().fp, report.duplicates) == (1, 0, 1)


def test_relation_from_a_distractor_document_is_a_false_positive():
    gold = gold_doc([], text="Shares of Acme Corp and Globex Corp rose on Tuesday.")
    report = evaluate([gold], extractor_returning([rel("Acme Corp", "merges-with", "Globex Corp")]))
    assert (report.overall().tp, report.overall().fp, report.overall().fn) == (0, 1, 0)
    assert report.overall().precision == 0.0


@pytest.mark.parametrize("gold, predicted, expected", [
    ("E.Sun Financial Holding Co", "E.SUN FINANCIAL HOLDING CO., LTD.", True),   # case, punctuation, suffixes
    ("Mercuries Life Insurance", "Mercuries Life Insurance Co’s", True),          # possessive, curly apostrophe
    ("Hikvision", "Hangzhou Hikvision Digital Technology Co", True),              # token-wise containment
    ("Dahua", "Hangzhou Hikvision Digital Technology Co", False),
    ("Hik", "Hikvision", False),                                                  # tokens, not characters
    ("US", "US Department of Justice", False),                                    # a state inside a name
    ("Washington", "United States government", True),                            # gazetteer metonym
    ("China", "United States government", False),
    ("Apple", "Apple Inc", True),
    ("Group", "Formosa Group", False),                                            # suffix-only name keeps its token
])
def test_name_matching_rule(gold, predicted, expected):
    assert names_match(normalise_name(gold), normalise_name(predicted)) is expected


def test_report_json_and_table_show_the_same_figures():
    report = evaluate([gold_doc()], extractor_returning(PERFECT[:2]))
    data = report.to_json()
    assert data["overall"] == {"tp": 2, "fp": 0, "fn": 2, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert data["per_predicate"]["sanctions"]["fn"] == 1
    assert len(data["errors"]) == 2 and "errors" not in report.to_json(errors=False)
    json.dumps(data)  # serialisable

    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(report.table())
    text = console.export_text()
    assert "overall (micro)" in text and "core (first 12)" in text
    row = next(line for line in text.splitlines() if "overall" in line)
    assert "0.500" in row and "0.667" in row


def test_core_figures_exclude_other_predicates():
    text = "Hikvision is a member of the MSCI Asia Pacific Index."
    gold = gold_doc([{"subject": "Hikvision", "predicate": "member-of", "object": "MSCI Asia Pacific Index"}], text=text)
    report = evaluate([gold], extractor_returning([]))
    assert "member-of" not in CORE_PREDICATES
    assert report.overall().fn == 1 and report.overall(CORE_PREDICATES).fn == 0
    assert isinstance(report, Report)
