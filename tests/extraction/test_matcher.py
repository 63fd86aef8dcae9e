"""TreeMatcher gives exactly the matches of spaCy's DependencyMatcher over every pattern rule
(real model, real rule files, every gold and phrasing text), and names bad patterns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from extraction.matcher import TreeMatcher
from extraction.rules import PatternRule
from relgraph.errors import DataFileError

TESTS = Path(__file__).parent


def _texts() -> list[str]:
    files = sorted((TESTS / "gold").glob("*.jsonl")) + [TESTS / "phrasings.jsonl"]
    return [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_tree_matcher_equals_spacy_dependency_matcher_on_every_gold_text(extractor):
    nlp = extractor.nlp
    reference = DependencyMatcher(nlp.vocab)
    for rule in extractor.rules.patterns:
        reference.add(rule.id, [list(rule.pattern)])
    ours = TreeMatcher(nlp.vocab, extractor.rules.patterns)
    texts = _texts()
    assert len(texts) > 500
    total = 0
    for doc in nlp.pipe(texts, batch_size=64):
        expected = sorted((m, tuple(t)) for m, t in reference(doc))
        got = sorted((m, tuple(t)) for m, t in ours(doc))
        assert got == expected, doc.text
        total += len(got)
    assert total > 1000  # the rules do match: the comparison is not between two empty lists


def test_a_sentence_without_trigger_words_matches_nothing(extractor):
    ours = TreeMatcher(extractor.nlp.vocab, extractor.rules.patterns)
    assert ours(extractor.nlp("Shares rose 3 percent in quiet trading on Tuesday.")) == []
    assert ours(extractor.nlp("")) == []


def _rule(pattern) -> PatternRule:
    return PatternRule(id="odd-rule", source="extra.jsonl:4", confidence=0.5, pattern=tuple(pattern))


@pytest.mark.parametrize("pattern, message", [
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "buy"}},
      {"LEFT_ID": "trigger", "REL_OP": ".", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}],
     r"extra.jsonl:4 \(odd-rule\): REL_OP '\.' is not supported"),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"SHAPE": "Xxxx"}}],
     r"extra.jsonl:4 \(odd-rule\): attribute 'SHAPE' is not supported"),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^bu"}}}],
     r"extra.jsonl:4 \(odd-rule\): LEMMA must be a string or"),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "buy"}},
      {"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}}],
     r"extra.jsonl:4 \(odd-rule\): LEFT_ID 'object' must name an earlier node"),
])
def test_unsupported_pattern_is_a_one_line_error_naming_file_and_rule(extractor, pattern, message):
    with pytest.raises(DataFileError, match=message):
        TreeMatcher(extractor.nlp.vocab, [_rule(pattern)])


def test_a_pattern_with_attributes_only_on_later_nodes_still_matches(extractor):
    # No word on the anchor: the rule is tried at every token.
    rule = _rule([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}},
                  {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}])
    doc = extractor.nlp("Orrin Capital bought Fairlie Inns and sold Cardew Group.")
    got = TreeMatcher(extractor.nlp.vocab, [rule])(doc)
    assert sorted(doc[t[1]].text for _, t in got) == ["Group", "Inns"]
