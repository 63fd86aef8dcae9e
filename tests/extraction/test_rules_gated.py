"""GatedMatcher gives exactly the matches of one DependencyMatcher over all rules (real model)."""

from __future__ import annotations

from spacy.matcher import DependencyMatcher

from extraction.rules import GatedMatcher, gate_words

TEXTS = [
    "Orrin Capital topped Belcourt Partners' offer for Fairlie Inns on Monday.",
    "The US Commerce Department added Karsk Shipping to the entity list, a spokesman said.",
    "Ruth Keegan, chief executive of Halberton Insurance, said the bank would not sell its stake in Cardew Group.",
    "Shares rose 3 percent in quiet trading.",
    "Larkspur Motors and Quinton Cells agreed to merge; Pembroke Labs sued Ostler Pharma.",
]


def test_gate_words_are_the_narrowest_word_list(extractor):
    by_id = {r.id: r for r in extractor.rules.patterns}
    assert gate_words(by_id["outbid-target"]) == frozenset({"outbid"})
    assert gate_words(by_id["verb-dobj"]) == frozenset(extractor.rules.verb_triggers)


def test_gated_matches_equal_a_single_matcher(extractor):
    nlp = extractor.nlp
    single = DependencyMatcher(nlp.vocab)
    for rule in extractor.rules.patterns:
        single.add(rule.id, [list(rule.pattern)])
    gated = GatedMatcher(nlp.vocab, extractor.rules.patterns)
    assert len(gated.groups) < len(extractor.rules.patterns)
    for doc in nlp.pipe(TEXTS):
        expected = sorted((m, tuple(t)) for m, t in single(doc))
        got = sorted((m, tuple(t)) for m, t in gated(doc))
        assert got == expected, doc.text
        assert expected or doc.text.startswith("Shares")
