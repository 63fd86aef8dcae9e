"""Rule units on hand-built spaCy Docs (words, heads, deps, ents): no model.

Each case is a sentence as a parser would analyse it; the assertions are the
relations an analyst would expect from the bundled pattern and lexicon files.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extraction.entities import EntityLinker
from extraction.gazetteer import parse_gazetteer
from extraction.pipeline import build_matcher
from extraction.relations import RelationFinder
from extraction.rules import load_rules
from ontology import load_ontology


# A fixed gazetteer, so these rule tests do not depend on the bundled entries.
GAZETTEER = """
- id: us-government
  name: United States government
  type: GovernmentBody
  metonyms: [US, Washington]
- id: united-states
  name: United States
  type: Country
  aliases: [US]
"""


@pytest.fixture(scope="module")
def kit():
    onto = load_ontology()
    gazetteer = parse_gazetteer(GAZETTEER, "test", set(onto.entity_types))
    rules = load_rules(set(onto.predicates), set(onto.statuses))
    vocab = spacy.blank("en").vocab
    matcher, by_key = build_matcher(vocab, rules)
    return vocab, matcher, by_key, EntityLinker(gazetteer, rules), RelationFinder(rules, onto)


def run(kit, rows):
    """rows: (word, lemma, pos, tag, dep, head, ent) per token; returns {(s, p, o, status)} and relations."""
    vocab, matcher, by_key, linker, finder = kit
    words, lemmas, pos, tags, deps, heads, ents = zip(*rows)
    doc = Doc(vocab, words=list(words), lemmas=list(lemmas), pos=list(pos), tags=list(tags),
              deps=list(deps), heads=list(heads), ents=list(ents))
    ents_ = linker.link(doc)
    rels, dropped = finder.find(doc, ents_, matcher(doc), by_key, "t")
    return {(r.subject, r.predicate, r.object, r.status) for r in rels}, rels, dropped




ACTIVE = [
    ("Acme", "Acme", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "nsubj", 2, "I-ORG"),
    ("acquired", "acquire", "VERB", "VBD", "ROOT", 2, "O"),
    ("Widget", "Widget", "PROPN", "NNP", "compound", 4, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "dobj", 2, "I-ORG"),
    (".", ".", "PUNCT", ".", "punct", 2, "O"),
]

PASSIVE = [
    ("Widget", "Widget", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "nsubjpass", 3, "I-ORG"),
    ("was", "be", "AUX", "VBD", "auxpass", 3, "O"),
    ("acquired", "acquire", "VERB", "VBN", "ROOT", 3, "O"),
    ("by", "by", "ADP", "IN", "agent", 3, "O"),
    ("Acme", "Acme", "PROPN", "NNP", "compound", 6, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "pobj", 4, "I-ORG"),
]

# The US is deliberating whether to add Hikvision, Dahua Co and others to a blacklist
LIST_ADD = [
    ("The", "the", "DET", "DT", "det", 1, "O"),
    ("US", "US", "PROPN", "NNP", "nsubj", 3, "B-GPE"),
    ("is", "be", "AUX", "VBZ", "aux", 3, "O"),
    ("deliberating", "deliberate", "VERB", "VBG", "ROOT", 3, "O"),
    ("whether", "whether", "SCONJ", "IN", "mark", 6, "O"),
    ("to", "to", "PART", "TO", "aux", 6, "O"),
    ("add", "add", "VERB", "VB", "ccomp", 3, "O"),
    ("Hikvision", "Hikvision", "PROPN", "NNP", "dobj", 6, "B-ORG"),
    (",", ",", "PUNCT", ",", "punct", 7, "O"),
    ("Dahua", "Dahua", "PROPN", "NNP", "compound", 10, "B-ORG"),
    ("Co", "Co", "PROPN", "NNP", "conj", 7, "I-ORG"),
    ("and", "and", "CCONJ", "CC", "cc", 10, "O"),
    ("others", "other", "NOUN", "NNS", "conj", 10, "O"),
    ("to", "to", "ADP", "IN", "prep", 6, "O"),
    ("a", "a", "DET", "DT", "det", 15, "O"),
    ("blacklist", "blacklist", "NOUN", "NN", "pobj", 13, "O"),
]

# E.Sun's bid for Mercuries Life Insurance Co
NOMINAL = [
    ("E.Sun", "E.Sun", "PROPN", "NNP", "poss", 2, "B-ORG"),
    ("'s", "'s", "PART", "POS", "case", 0, "O"),
    ("bid", "bid", "NOUN", "NN", "ROOT", 2, "O"),
    ("for", "for", "ADP", "IN", "prep", 2, "O"),
    ("Mercuries", "Mercuries", "PROPN", "NNP", "compound", 6, "B-ORG"),
    ("Life", "Life", "PROPN", "NNP", "compound", 6, "I-ORG"),
    ("Insurance", "Insurance", "PROPN", "NNP", "pobj", 3, "I-ORG"),
]

# Acme Corp did not buy Widget Inc
NEGATED = [
    ("Acme", "Acme", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "nsubj", 4, "I-ORG"),
    ("did", "do", "AUX", "VBD", "aux", 4, "O"),
    ("not", "not", "PART", "RB", "neg", 4, "O"),
    ("buy", "buy", "VERB", "VB", "ROOT", 4, "O"),
    ("Widget", "Widget", "PROPN", "NNP", "compound", 6, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "dobj", 4, "I-ORG"),
]

# Acme Corp will merge with Widget Inc
SYMMETRIC = [
    ("Widget", "Widget", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "nsubj", 3, "I-ORG"),
    ("will", "will", "AUX", "MD", "aux", 3, "O"),
    ("merge", "merge", "VERB", "VB", "ROOT", 3, "O"),
    ("with", "with", "ADP", "IN", "prep", 3, "O"),
    ("Acme", "Acme", "PROPN", "NNP", "compound", 6, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "pobj", 4, "I-ORG"),
]

# Tim Cook, chief executive of Acme Corp
APPOSITIVE = [
    ("Tim", "Tim", "PROPN", "NNP", "compound", 1, "B-PERSON"),
    ("Cook", "Cook", "PROPN", "NNP", "ROOT", 1, "I-PERSON"),
    (",", ",", "PUNCT", ",", "punct", 1, "O"),
    ("chief", "chief", "ADJ", "JJ", "amod", 4, "O"),
    ("executive", "executive", "NOUN", "NN", "appos", 1, "O"),
    ("of", "of", "ADP", "IN", "prep", 4, "O"),
    ("Acme", "Acme", "PROPN", "NNP", "compound", 7, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "pobj", 5, "I-ORG"),
]

# Miami Heat guard Terry Rozier was charged
TITLE = [
    ("Miami", "Miami", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Heat", "Heat", "PROPN", "NNP", "compound", 2, "I-ORG"),
    ("guard", "guard", "NOUN", "NN", "compound", 4, "O"),
    ("Terry", "Terry", "PROPN", "NNP", "compound", 4, "B-PERSON"),
    ("Rozier", "Rozier", "PROPN", "NNP", "nsubjpass", 6, "I-PERSON"),
    ("was", "be", "AUX", "VBD", "auxpass", 6, "O"),
    ("charged", "charge", "VERB", "VBN", "ROOT", 6, "O"),
]


def test_active_voice(kit):
    found, rels, _ = run(kit, ACTIVE)
    assert found == {("Acme Corp", "acquires", "Widget Inc", "asserted")}
    assert rels[0].rule == "verb-dobj" and rels[0].label == "acquires"


def test_passive_voice_with_agent(kit):
    found, _, _ = run(kit, PASSIVE)
    assert found == {("Acme Corp", "acquires", "Widget Inc", "asserted")}


def test_list_addition_coordination_metonymy_and_considered_status(kit):
    found, rels, dropped = run(kit, LIST_ADD)
    assert found == {
        ("United States government", "sanctions", "Hikvision", "considered"),
        ("United States government", "sanctions", "Dahua Co", "considered"),
    }
    assert {r.label for r in rels} == {"considers-blacklisting"}
    # "others" is not an entity: a candidate dropped with a reason, not a relation
    assert any(d.get("object") == "others" for d in dropped)


def test_nominal_trigger_with_possessive_subject(kit):
    found, _, _ = run(kit, NOMINAL)
    assert found == {("E.Sun", "bids-for", "Mercuries Life Insurance", "asserted")}


def test_negation_gives_denied(kit):
    found, rels, _ = run(kit, NEGATED)
    assert found == {("Acme Corp", "acquires", "Widget Inc", "denied")}
    assert rels[0].label == "denies-buying"


def test_symmetric_predicate_in_canonical_order_and_planned(kit):
    found, _, _ = run(kit, SYMMETRIC)
    assert found == {("Acme Corp", "merges-with", "Widget Inc", "planned")}


def test_appositive_role(kit):
    _, rels, _ = run(kit, APPOSITIVE)
    assert [(r.subject, r.predicate, r.object, r.role) for r in rels] == [
        ("Tim Cook", "works-for", "Acme Corp", "chief executive")]


def test_title_before_name(kit):
    _, rels, _ = run(kit, TITLE)
    # "was charged" has no agent: no accuses relation without an accuser
    assert [(r.subject, r.predicate, r.object, r.role) for r in rels] == [
        ("Terry Rozier", "works-for", "Miami Heat", "guard")]


def test_ontology_violation_is_dropped_with_reason(kit):
    rows = ACTIVE[:3] + [("Ohio", "Ohio", "PROPN", "NNP", "dobj", 2, "B-GPE")]  # "acquired <a place>"
    found, _, dropped = run(kit, rows)
    assert found == set()
    assert any(d["reason"] == "ontology: acquires does not allow Company -> Place" for d in dropped)


# Acme Corp sold Widget Inc to Gadget Co
SOLD_TO = [
    ("Acme", "Acme", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "nsubj", 2, "I-ORG"),
    ("sold", "sell", "VERB", "VBD", "ROOT", 2, "O"),
    ("Widget", "Widget", "PROPN", "NNP", "compound", 4, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "dobj", 2, "I-ORG"),
    ("to", "to", "ADP", "IN", "dative", 2, "O"),
    ("Gadget", "Gadget", "PROPN", "NNP", "compound", 7, "B-ORG"),
    ("Co", "Co", "PROPN", "NNP", "pobj", 5, "I-ORG"),
]

# the merger of Acme Corp and Widget Inc was completed
MERGER_OF = [
    ("the", "the", "DET", "DT", "det", 1, "O"),
    ("merger", "merger", "NOUN", "NN", "nsubjpass", 9, "O"),
    ("of", "of", "ADP", "IN", "prep", 1, "O"),
    ("Widget", "Widget", "PROPN", "NNP", "compound", 4, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "pobj", 2, "I-ORG"),
    ("and", "and", "CCONJ", "CC", "cc", 4, "O"),
    ("Acme", "Acme", "PROPN", "NNP", "compound", 7, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "conj", 4, "I-ORG"),
    ("was", "be", "AUX", "VBD", "auxpass", 9, "O"),
    ("completed", "complete", "VERB", "VBN", "ROOT", 9, "O"),
]

# Acme Corp and Widget Inc each hold 5 percent of Gadget Co
PERCENT = [
    ("Acme", "Acme", "PROPN", "NNP", "compound", 1, "B-ORG"),
    ("Corp", "Corp", "PROPN", "NNP", "nsubj", 6, "I-ORG"),
    ("and", "and", "CCONJ", "CC", "cc", 1, "O"),
    ("Widget", "Widget", "PROPN", "NNP", "compound", 4, "B-ORG"),
    ("Inc", "Inc", "PROPN", "NNP", "conj", 1, "I-ORG"),
    ("each", "each", "ADV", "RB", "advmod", 6, "O"),
    ("hold", "hold", "VERB", "VBP", "ROOT", 6, "O"),
    ("5", "5", "NUM", "CD", "nummod", 8, "O"),
    ("percent", "percent", "NOUN", "NN", "dobj", 6, "O"),
    ("of", "of", "ADP", "IN", "prep", 8, "O"),
    ("Gadget", "Gadget", "PROPN", "NNP", "compound", 11, "B-ORG"),
    ("Co", "Co", "PROPN", "NNP", "pobj", 9, "I-ORG"),
]


def test_sale_to_a_buyer_gives_both_sides(kit):
    found, _, _ = run(kit, SOLD_TO)
    assert found == {("Acme Corp", "divests", "Widget Inc", "asserted"),
                     ("Gadget Co", "acquires", "Widget Inc", "asserted")}


def test_merger_of_a_and_b_is_one_symmetric_pair(kit):
    found, _, _ = run(kit, MERGER_OF)
    assert found == {("Acme Corp", "merges-with", "Widget Inc", "completed")}


def test_percent_holdings_of_coordinated_holders(kit):
    found, _, _ = run(kit, PERCENT)
    assert found == {("Acme Corp", "holds-stake-in", "Gadget Co", "asserted"),
                     ("Widget Inc", "holds-stake-in", "Gadget Co", "asserted")}
