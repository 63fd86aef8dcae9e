"""Relations of one document from dependency-pattern matches.

The pattern matcher (matcher.TreeMatcher, built once from ``data/patterns/*.jsonl``) finds a
trigger and, depending on the pattern, its object, subject and preposition.
This module turns each match into relations:

- the trigger lexicon entry (``data/lexicons/triggers.yaml``) gives the
  predicate and checks the construction (direct object, passive, preposition);
- a missing subject comes from the governing clause: the verb's ``nsubj``,
  else the subject of the clause it is the complement of ("is deliberating
  whether to add X"), and for a noun trigger its possessor, a "by" phrase or
  the subject of its support verb ("is considering sanctions on X");
- each conjunct of the subject and object gives one relation;
- the status comes from the status lexicon along the governing chain; the
  source from a reporting clause;
- ``title_relations`` adds works-for from titles before a person's name
  ("ministry spokesman Lu Kang");
- across sentences, a definite event noun with no named party ("opposed the
  decision", "sued to block the deal") refers to the nearest earlier sanction
  or deal of the document, and "A outbid B" with A's bid for or purchase of C
  elsewhere in the document means both bid for C (x 0.9).

Confidence = pattern confidence x argument factors (1.0 named mention or
metonym, 0.95 gazetteer alias, 0.85 definite description, 0.8 pronoun or
antecedent) x 0.9 when the subject was inherited from a governing clause,
rounded to 2 places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from ontology import Ontology

from .dates import anchor_date, parse_doc_date
from .entities import DocEntities, normalize
from .records import Relation
from .rules import PatternRule, Rules, Trigger, load_word_lists

HOW_FACTOR = {"mention": 1.0, "metonym": 1.0, "alias": 0.95, "description": 0.85, "pronoun": 0.8, "antecedent": 0.8}
_CLIMB = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "attr", "acl", "advcl", "oprd"}
_INHERIT = {"xcomp", "ccomp", "advcl", "conj", "acomp"}  # acomp: "it was firmly opposed to ..."
_RELATIVE = {"which", "that", "who"}
# a place can be bought or sanctioned, so NER's place type stands there; nothing sells a place it
# spins off, so a divested "place" is a firm NER mistyped ("will spin off Polyvant")
_PLACE_DEALS = {"acquires", "bids-for", "outbids", "sanctions"}
# what a listed state, province or city does as its government ("Illinois sued Deere", see RelationFinder._emit)
_STATE_ACTS = {"sues", "accuses", "sanctions", "opposes", "urges", "works-for"}
# subordinators of a clause with its own time: the main clause's status does not reach into it
_TIME_MARKS = {"after", "before", "when", "since", "because", "as", "while", "although", "though", "until", "once"}
_PARTICLES = {"off", "away", "out"}  # "walked away from", parsed as an adverb
_INCLUDING = {"including", "include", "like", "among"}  # "among them X"
# Word lists for constructions the patterns cannot express: data/lexicons/construction_words.yaml.
_WORDS = load_word_lists()
_STAKES, _ALLEGE, _INTENT_NOUNS, _GROUPS = _WORDS["stakes"], _WORDS["allege"], _WORDS["intent_nouns"], _WORDS["groups"]
_OBJECT_CONTROL, _STATUS_HEADS, _RECEIVING = _WORDS["object_control"], _WORDS["status_heads"], _WORDS["receiving"]
# what shareholders do with an offer, or are advised to, and by whom (see RelationFinder._shareholder_verdicts)
_VERDICTS, _REJECTIONS = _WORDS["shareholder_verdicts"], _WORDS["shareholder_rejections"]
_ADVISING, _SHAREHOLDER_NOUNS = _WORDS["advising_verbs"], _WORDS["shareholder_nouns"]
_DEAL_ONLY, _SUE, _BID_NOUNS, _DEAL_NOUNS = _WORDS["deal_only"], _WORDS["sue"], _WORDS["bid_nouns"], _WORDS["deal_nouns"]
_WRONGS = _WORDS["wrongdoing_nouns"]
_MISCONDUCT_VERBS, _MISCONDUCT_NOUNS = _WORDS["misconduct_verbs"], _WORDS["misconduct_nouns"] | _WORDS["wrongdoing_nouns"]
_HALTING, _FLOWS, _MADE = _WORDS["trade_halting_verbs"], _WORDS["trade_flows"], _WORDS["made_verbs"]
_BATCHES, _PORTIONS, _FRACTIONS = _WORDS["batches"], _WORDS["portions"], _WORDS["fractions"]
_BUSINESS_ROLES = _WORDS["business_roles"]
_CORPORATE_ROLES = _WORDS["corporate_roles"]  # a bare "chief executive X" is never a state body's
_PERSON_ROLES = _BUSINESS_ROLES | _WORDS["person_only_roles"]
_STATE_ROLES = _WORDS["state_roles"]
_DEFENDANT_VERBS, _REJECTING_PHRASAL = _WORDS["defendant_verbs"], _WORDS["rejecting_phrasal_verbs"]
_CHOOSING = _WORDS["choosing_verbs"]
_REST_HOLDERS = _WORDS["rest_holding_verbs"]
_TARGETING = _WORDS["targeting_verbs"]
_SOLD_PARTS = _WORDS["sold_parts"]  # "buy the chemicals division of Y": not a purchase of Y
_TENDERING = _WORDS["tendering_verbs"]  # "has agreed to tender its shares": the holder sells
_MEASURES = _WORDS["measure_nouns"]  # "The measures target X": the story's sanctions
_CLAIMING = _WORDS["claiming_verbs"]  # "sued B, arguing it had broken the bylaws": the plaintiff accuses B
_PLEDGING = _WORDS["pledging_verbs"]  # "committed to accept the offer": planned
_LEADING_VERBS = _WORDS["leading_verbs"]  # "Akeso, founded by chief executive X": X works for Akeso
_PROSECUTING = _WORDS["prosecution_verbs"]  # "X was indicted on ..., the Justice Department said"
_PLEADING = _WORDS["pleading_verbs"]  # "pleaded guilty to charges brought by X", "..., the Justice Department said"
_SUIT_NOUNS = _WORDS["suit_anaphors"]  # what parties join: "Four states joined the lawsuit"
_STAKE_BUILDING = _WORDS["stake_building_verbs"]
_OPPOSITION_NOUNS = _WORDS["opposition_nouns"]  # "bowing to opposition from X": X opposes the deal's parties
_DEAL_ENDS = _WORDS["deal_ending_participles"]
_ACCEPTING = _WORDS["accepting_verbs"]
_NEW_FIRM = _WORDS["new_firm_modifiers"]
_HOSTILE = _WORDS["hostile_pursuits"]
_OFFER_NOUNS, _RIVAL_WORDS = _WORDS["offer_nouns"], _WORDS["rival_words"]
_DONE = ("asserted", "completed")  # statuses of a thing that has happened
_CONTROL_NOUNS, _PARENT_NOUNS, _SPIN_WORDS = _WORDS["control_nouns"], _WORDS["parent_nouns"], _WORDS["spin_words"]
_VENTURE_NOUNS, _VENTURE_VERBS = _WORDS["venture_nouns"], _WORDS["venture_verbs"]
_STATE_WORDS, _STATE_OWNED = _WORDS["state_words"], _WORDS["state_owned"]
_APPOINTING, _STAYING = _WORDS["appointing_verbs"], _WORDS["staying_verbs"]
_ORG_WORDS, _GOVERNING, _PARTS, _HOLDINGS = _WORDS["org_words"], _WORDS["governing"], _WORDS["parts"], _WORDS["holdings"]
_AFFILIATES = _WORDS["affiliates"]
_OWNED_GROUP_NOUNS = _WORDS["owned_group_nouns"]
_UNIT_OR_PARENT_NOUNS = _WORDS["unit_list_nouns"] | _WORDS["parent_nouns"]  # "FAM, the investment arm of ..."
_MEMBER_GROUPS = _WORDS["member_groups"]
_FOUNDER_WORDS = _WORDS["founder_words"]
_OFFICE_PARTS = _WORDS["office_parts"]
_JOINT_ADVERBS, _JOINT_PAYING = _WORDS["joint_adverbs"], _WORDS["joint_paying_verbs"]
_SPUN_VERBS = _WORDS["spun_verbs"]
_RULER_PRONOUNS = {"he", "she", "it", "they"}
_UNIT_LIST_NOUNS, _UNIT_RUNNING, _UNIT_LISTING = (_WORDS["unit_list_nouns"], _WORDS["unit_running_verbs"],
                                                 _WORDS["unit_listing_verbs"])
_TIES_VERBS, _TIES_NOUNS = _WORDS["ties_verbs"], _WORDS["ties_nouns"]
_PORTFOLIOS = _WORDS["portfolio_words"]  # "Transport Minister X": part of the title
_HEADS_OF_STATE = _WORDS["head_of_state_words"]
_COURT_WORDS = _WORDS["court_words"]
_GOODS, _ACTS = _WORDS["goods"], _WORDS["acts"]
# what a definite event noun without a named party refers back to (see RelationFinder._antecedents)
_DEALS = frozenset({"acquires", "bids-for", "merges-with"})
_ANAPHORS = {**{w: _DEALS | {"sanctions"} for w in _WORDS["event_anaphors"]},
             **{w: frozenset({"sanctions"}) for w in _WORDS["measure_anaphors"]},
             **{w: _DEALS for w in _WORDS["deal_anaphors"]},
             **{w: frozenset({"accuses"}) for w in _WORDS["accusation_anaphors"]},
             **{w: frozenset({"sues"}) for w in _WORDS["suit_anaphors"]}}
_MEASURES_ONLY = _WORDS["measure_anaphors"]
_ANAPHOR_PREDICATES = frozenset({"opposes", "sues"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_STAKE_PURCHASES, _MAJORITY_WORDS = _WORDS["stake_purchases"], _WORDS["majority_words"]
_BARRED, _STAKE_CUTS, _DEAL_FAILURES = _WORDS["barred_parties"], _WORDS["stake_cuts"], _WORDS["deal_failures"]
_OWNERSHIP = _WORDS["ownership_verbs"]
_REACTION_VERBS, _REACTION_ADJS = _WORDS["reaction_verbs"], _WORDS["reaction_adjectives"]
_RULINGS = _WORDS["ruling_nouns"]
_HALTED = _WORDS["halted_activities"]
_DETAINING = _WORDS["detaining_verbs"]  # sanctions only with goods as object (see find)
_SUBORDINATES = _WORDS["subordinate_nouns"]  # "ordered its ports to detain ...": the orderer acts
_OFFICE_EVENTS = _WORDS["office_events"]  # "vote against the re-election of X": X is opposed
_DECREES = _WORDS["decree_nouns"]  # "signed an order banning ...": the signer bans
_DEALINGS = _WORDS["dealing_nouns"]  # "banning transactions with X", "barred firms from dealings with X"
_CONTEST_NOUNS = _WORDS["contest_nouns"]  # "ending a bidding war with X" (see RelationFinder._ended_contests)
_WINNING_VERBS = _WORDS["winning_verbs"]  # "clearing the way for X to buy Y" (see RelationFinder._cleared_ways)
_PASSIVE_SANCTIONS = _WORDS["passive_sanction_verbs"]  # "were added at the same time", "was also targeted"
# what a target's answer is about: a measure, an act, a charge, a suit or a ruling (see _target_reactions)
_ACCUSING_DOCUMENTS = _WORDS["accusing_documents"]
_ROUND_NOUNS, _ROUND_LEADING = _WORDS["round_nouns"], _WORDS["round_leading_verbs"]
_ANSWERED_REPORTS = _WORDS["accusation_anaphors"] | _ACCUSING_DOCUMENTS
_ANSWERED = _MEASURES_ONLY | _WORDS["event_anaphors"] | _WORDS["accusation_anaphors"] | _WORDS["suit_anaphors"] | _RULINGS
_FINE_WORDS = _WORDS["fine_words"]
_RETALIATION, _BLOCKING = _WORDS["retaliation_verbs"], _WORDS["blocking_verbs"]
# rules where an ownership verb's object is the firm owned outright ("Y, owned by X", "X owns Y")
_OWNED_RULES = frozenset({"verb-dobj", "verb-passive", "verb-passive-acl", "verb-passive-in-parts", "verb-passive-acl-in-parts"})
_UNIT_NOUNS = frozenset({"group", "team", "segment", "department"})  # what a manager runs (with _PARTS)
_PEOPLE_GROUPS = _WORDS["people_groups"]
# what a party's wrongdoing is said of besides goods, acts and units: "Lukashenko's government", "X's software"
_STATE_NOUNS = frozenset({"government", "administration", "regime", "software", "product"})


def _with_lemma(doc: Doc, words) -> list[Token]:
    """The tokens of ``doc`` whose lemma is one of ``words``, read with ``Doc.to_array`` so that no Token
    object is made for the others (the document passes look for a few nouns or verbs each)."""
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in words}
    return [doc[i] for i, lem in enumerate(doc.to_array([LEMMA]).tolist()) if lem in wanted]


# rules whose trigger is a holder noun and whose object is the company held ("Y's largest shareholder")
_HOLDER_RULES = frozenset({"noun-poss", "noun-poss-conj", "noun-compound-holder"})
# what a holder is called: "buying out founder A and investor B" buys their shares, not A or B
_HOLDER_NOUNS, _PRIVATE_COMPOUNDS = _WORDS["holder_nouns"], _WORDS["private_compounds"]


def _percent(tok: Token) -> float | None:
    """The percentage a stake or "percent" noun states ("a 77 percent stake", "60 percent of Y"), or None."""
    for pct in [tok, *tok.children]:
        if pct.lower_ in ("percent", "%", "per") or pct.lower_ == "cent" and pct.i and pct.doc[pct.i - 1].lower_ == "per":
            for num in pct.children:
                if num.dep_ in ("nummod", "compound") and num.like_num:
                    try:
                        return float(num.text.replace(",", ""))
                    except ValueError:
                        return None
    return None


def _majority(stake: Token, bought: bool) -> bool:
    """Whether a stake is a majority one: "majority" or "controlling", more than 50 percent, or (when
    bought) "the remaining 60 percent" -- whoever buys the rest owns the whole."""
    if any(k.lemma_.lower() in _MAJORITY_WORDS or k.lower_ in _MAJORITY_WORDS
           for k in stake.children if k.dep_ in ("amod", "compound", "nmod")):
        return True
    value = _percent(stake)
    if value is not None and value > 50:
        return True
    return bought and any(k.lemma_.lower() in ("remaining", "rest") for k in stake.children if k.dep_ == "amod")


class RelationFinder:
    """Turns pattern matches into relations (built once per Extractor).

    rules: loaded rule data. ontology: the ontology (domain/range, symmetry).
    """

    def __init__(self, rules: Rules, ontology: Ontology):
        self.rules = rules
        self.onto = ontology
        self.status_labels = {c.key: c.label for c in rules.statuses}
        self.role_words = rules.role_heads | rules.role_modifiers
        self._suit_nouns: dict[str, str] | None = None  # noun triggers of sues and accuses (_suits_by), built once
        # the verbs that sanction in the passive without an agent (_agentless_sanctions)
        self._passive_sanctions = frozenset(
            lemma for lemma, ts in rules.verb_triggers.items() if any(t.predicate == "sanctions" for t in ts)
        ) - _HALTING - {"curb"} | _PASSIVE_SANCTIONS
        # the nouns that name sanctions ("The sanctions cover X": _listed_targets)
        self._sanction_nouns = frozenset(
            lemma for lemma, ts in rules.noun_triggers.items() if any(t.predicate == "sanctions" for t in ts))
        # the one-word cues of a state body in entity_types.yaml ("Department", "Ministry", ...) but "Government":
        # a body a president's title never belongs to (_title_org)
        self._body_words = frozenset(w.lower() for t, ws in rules.type_cues if t == "GovernmentBody"
                                     for w in ws if " " not in w) - {"government"}

    # -- helpers --------------------------------------------------------------
    def _trigger(self, rule: PatternRule, nodes: dict[str, Token]) -> Trigger | None:
        trig = nodes["trigger"]
        lemma = trig.lemma_.lower()
        is_verb = trig.pos_ in ("VERB", "AUX", "ADJ") and rule.id not in ("list-add", "list-add-deep", "noun-prep-mistagged")
        if rule.id == "noun-prep-mistagged":
            lemma = trig.lower_  # "a 6.1 percent holding" tagged VERB: the word form is the noun
        entries = (self.rules.verb_triggers if is_verb else self.rules.noun_triggers).get(lemma, ())
        # "hit back at X": the parser gives "back" as an adverb as often as a particle
        prt = {c.lower_ for c in trig.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "back"}
        for e in entries:
            if e.particle and e.particle not in prt:
                continue
            if not e.particle and prt & {"off", "over", "out"} and lemma in ("take", "spin", "sell"):
                continue
            if rule.id in ("list-add", "list-add-deep") and not e.list:
                continue
            if rule.symmetric_only and not self.onto.predicate(e.predicate).symmetric:
                continue
            if rule.id == "verb-dobj" and not e.direct:
                continue
            if rule.direct_only is not None and e.direct != rule.direct_only:
                continue  # "paid $3 billion for Y": only verbs whose object follows a preposition
            if rule.predicate_map is not None and e.predicate not in rule.predicate_map:
                continue
            if rule.passive and not e.passive:
                continue
            if rule.id == "verb-clausal" and not e.clausal:
                continue
            if (rule.id in _HOLDER_RULES) != e.poss_object and not (e.poss_object and "prep" in nodes):
                continue  # "Y's largest shareholder": only holder nouns take their possessor as the object
            if e.modifiers and not any(c.dep_ in ("amod", "compound") and c.lower_ in e.modifiers
                                       for c in trig.children):
                continue  # "legal action against Y", not any action
            if rule.check_prep and "prep" in nodes and nodes["prep"].lower_ not in e.preps:
                continue
            return e
        return None

    def _ended_period(self, verb: Token) -> bool:
        """A past-tense verb bounded by a period that is over: "ran Holcim for eight years", "led the group
        until his death", "ran Imperial from 2013 to 2019" (words in roles.yaml)."""
        if verb.tag_ != "VBD":
            return False
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ in self.rules.ended_period:
                return True
            if prep.lower_ == "for" and any(t.lower_ in self.rules.period_nouns for t in prep.subtree):
                return True
            if prep.lower_ == "from" and any(t.dep_ == "prep" and t.lower_ in ("to", "until")
                                             for t in (*prep.subtree, *verb.children)):
                return True  # "to 2019" may hang on "from" or on the verb
        return False

    @staticmethod
    def _counted_members(group: Token, ents: DocEntities) -> list[Token]:
        """The named members given in apposition to a counted group, with their conjuncts: "two other
        publishers, B and C", "two of its former executives, A and B"."""
        counted = [group, *(p for k in group.children if k.dep_ == "prep" and k.lower_ == "of"
                            for p in k.children if p.dep_ == "pobj")]
        return [t for g in counted for a in g.children if a.dep_ == "appos" and ents.token_mention[a.i] != -1
                for t in (a, *a.conjuncts)]

    def _departed(self, person: Token) -> bool:
        """Whether a relative clause on the person says they left in the past: "Founder X, who had left months
        earlier", "X, who stepped down in May" (departure_verbs in roles.yaml; "step" only with "down")."""
        for rel in person.children:
            if rel.dep_ == "relcl" and rel.tag_ in ("VBD", "VBN") and rel.lemma_.lower() in self.rules.departure_verbs \
                    and (rel.lemma_.lower() != "step" or any(k.dep_ == "prt" and k.lower_ == "down" for k in rel.children)):
                return True
        return False

    def _verb_subject(self, verb: Token, deps=("nsubj",)) -> tuple[Token | None, bool]:
        """The subject of a verb, inheriting from governing clauses. Returns (token, inherited)."""
        cur, inherited, came_from, via_participle = verb, False, None, False
        # "Y agreed to be bought by X, spurning a rival offer from Z": Y spurned it, not the buyer named in the
        # passive above (a participle that wins or beats is the buyer's: "..., topping a rival offer")
        refusing = verb.tag_ == "VBG" and verb.lemma_.lower() in _RECEIVING
        for _ in range(5):
            # the subject nearest the verb ("Robotics start-up Pellam Robotics raised": two nsubj)
            # (not an emphatic "itself" when the clause names its subject: "Prosus, ..., has itself trimmed ...")
            kids = [c for c in cur.children if not (c.lower_ in ("itself", "themselves") and any(
                k.dep_ == c.dep_ and k.i != c.i for k in cur.children))]
            for c in sorted(kids, key=lambda t: abs(t.i - cur.i)):
                if c.dep_ in deps or (inherited and c.dep_ == "nsubj") or (
                        inherited and c.dep_ == "nsubjpass" and (came_from in ("xcomp", "conj") or refusing and via_participle)):
                    # "X is set to buy Y", "X was forced to sell Y": the passive subject does the xcomp;
                    # "Cosan, which is controlled by Ometto and owns Raizen": and the coordinated verb
                    if c.lower_ in _RELATIVE and cur.dep_ == "relcl":
                        return cur.head, inherited  # "Acme, which bought Y": the noun the clause describes
                    return c, inherited
            for c in cur.children if not (refusing and via_participle) else ():
                if c.dep_ == "agent":  # "was placed on a list by the British government"
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p, inherited
            if cur.dep_ == "amod" and cur.tag_ == "VBG" and cur.head.lemma_.lower() in _BID_NOUNS:
                # "offered $12 a share, topping rival bids from B", parsed with "topping" on the bids: the bidder
                # is the subject of the clause above
                n = cur.head
                while n.pos_ not in ("VERB", "AUX") and n.head.i != n.i:
                    n = n.head
                if n.pos_ not in ("VERB", "AUX"):
                    return None, inherited
                cur, inherited = n, True
                continue
            if cur.dep_ == "amod" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head, inherited  # "Zurich-based Helvetia Re Group"
            if cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and cur.tag_ == "VBG" \
                    and cur.head.lemma_.lower() in self.rules.noun_triggers:
                s, _ = self._noun_subject(cur.head, None)  # "filed a lawsuit accusing Y": who filed it
                return s, True
            to_rel = cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if (cur.dep_ == "acl" or to_rel) and cur.head.pos_ in ("NOUN", "PROPN"):  # "nearing a deal to buy Y"
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                    return cur.head, True  # "Acme, based in Ohio": the noun is the subject
                n = cur.head
                for c in n.children:
                    if c.dep_ == "poss":
                        return c, True  # "Musk's offer to buy Twitter"
                # "is in talks to buy X", "won approval to acquire X": the clause above
                for _ in range(3):
                    if n.pos_ in ("VERB", "AUX") or n.head.i == n.i:
                        break
                    n = n.head
                if n.pos_ not in ("VERB", "AUX"):
                    return None, True
                cur, inherited = n, True
                continue
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.lemma_.lower() in _INTENT_NOUNS \
                    and cur.head.head.head.pos_ in ("VERB", "AUX"):
                cur, inherited = cur.head.head.head, True  # "has no intention of making an offer"
                continue
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX") \
                    and cur.tag_ == "VBG" and cur.head.lower_ in ("by", "after", "before", "in", "while", "through"):
                cur, inherited = cur.head.head, True  # "Beijing retaliated by banning exports to the US"
                continue
            if cur.dep_ not in _INHERIT or cur.head.i == cur.i:
                return None, inherited
            participle = cur.dep_ == "advcl" and cur.tag_ in ("VBG", "VBN")  # "..., raising its bid"
            if cur.dep_ in ("ccomp", "advcl") and not participle and not any(
                    c.dep_ in ("aux", "mark") and c.lower_ in ("to", "whether") for c in cur.children):
                return None, inherited  # a finite clause has its own subject
            if cur.head.lemma_.lower() in self.rules.reporting_verbs:
                return None, inherited
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _OBJECT_CONTROL and not via_participle:
                ctl = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
                if ctl is not None and not (ctl.lemma_.lower() in _SUBORDINATES and any(
                        k.dep_ == "poss" and k.lower_ in ("its", "their") for k in ctl.children)):
                    return ctl, True  # "ordered the company to sell its stake": the company sells
                # ("ordered its ports to detain gloves made by X": the orderer acts through its own staff)
            # "ordered A and B to end their venture, accusing Mexico of ...": the participle is the orderer's
            via_participle = via_participle or participle
            came_from = cur.dep_
            cur, inherited = cur.head, True
        return None, inherited

    def _prenominal_pair(self, noun: Token, ents: DocEntities) -> tuple[Token, Token] | None:
        """Two named parties joined by a hyphen or slash before a noun ("the Acme-Beta merger"), or None."""
        if noun.pos_ != "NOUN" or noun.left_edge.i == noun.i:
            return None
        span = noun.doc[noun.left_edge.i:noun.i]
        if not any(t.text in ("-", "/", "–") for t in span):
            return None
        found: list[int] = []
        for t in span:
            mi = ents.token_mention[t.i]
            if mi != -1 and mi not in found:
                found.append(mi)
        if len(found) != 2:
            return None
        a, b = (ents.mentions[mi] for mi in found)
        if not any(t.text in ("-", "/", "–") for t in noun.doc[a.end - 1:b.start + 1]):
            return None
        return noun.doc[a.end - 1], noun.doc[b.end - 1]

    @staticmethod
    def _its_referent(noun: Token) -> Token | None:
        """The named object of the governing verb when ``noun`` ("its purchase") is the object of a
        purpose clause: "sued Pinecone to block its purchase of Y" (its = Pinecone), else None.

        noun: a noun with a possessive pronoun, the direct object of a verb.
        """
        verb = noun.head
        gov = verb.head if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i else None
        if gov is None:
            return None
        return next((k for k in gov.children if k.dep_ == "dobj" and k.pos_ == "PROPN"), None)

    def _holder(self, noun: Token) -> Token | None:
        """Who a role noun describes: "X, Y's largest shareholder", "Y's top shareholder, X", "X is ...",
        "X, one of Y's biggest investors"."""
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head  # "X, Y's co-founder and largest shareholder": who the first noun describes
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "among") \
                and noun.head.head.dep_ in ("appos", "attr"):
            noun = noun.head.head  # "one of Y's biggest investors": the one
        if noun.dep_ == "appos":
            return noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_.lower() in ("be", "remain", "become"):
            s, _ = self._verb_subject(noun.head.head)  # "A and B are among Y's largest shareholders"
            return s
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (noun.head.head.pos_ == "NUM" or noun.head.head.lower_ in (
                "some", "several", "both")):
            top = noun.head.head  # "two of Y's largest shareholders, A and B, made ...": the names after the comma
            after = top.right_edge.i + 1
            if after + 1 < len(noun.doc) and noun.doc[after].text == "," and noun.doc[after + 1].pos_ == "PROPN":
                k = after + 1
                while k + 1 < len(noun.doc) and noun.doc[k + 1].pos_ == "PROPN":
                    k += 1
                return noun.doc[k]
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            return noun.head  # "Y's top shareholder Halvard Group opposed the deal"
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("be", "become", "remain"):
            # "Frontline, whose largest shareholder is John Fredriksen", "Y's biggest shareholders are A and B"
            attr = next((c for c in noun.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
            if attr is not None:
                return attr
        app = next((c for c in noun.children if c.dep_ == "appos"), None)
        if app is not None:
            return app
        if noun.dep_ in ("attr", "oprd") and noun.head.lemma_.lower() in ("be", "become", "remain"):
            s, _ = self._verb_subject(noun.head)
            return s
        left = noun.left_edge.i
        if left >= 2 and noun.doc[left].lower_ in ("a", "an", "the") and noun.doc[left - 1].text == "," \
                and noun.doc[left - 2].pos_ == "PROPN" and noun.dep_ not in ("nsubj", "nsubjpass"):
            return noun.doc[left - 2]  # "from Bayer and Viking Global, an existing backer of Ginkgo": hung elsewhere
        return None

    def _noun_subject(self, noun: Token, entry: Trigger | None) -> tuple[Token | None, bool]:
        if entry is not None and entry.predicate == "merges-with" and not any(c.dep_ == "poss" for c in noun.children):
            side = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), None)
            if side is not None and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
                return side, False  # "the merger of A with B": A is one side, B (the "with") the other
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ == "whose":
                rel = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
                if rel is not None:
                    return rel.head, False  # "X, whose holdings include Y": X
            if c.dep_ == "poss" and (entry is None or entry.poss_subject):
                if c.lower_ in ("its", "their") and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
                    named = self._its_referent(noun)
                    if named is not None:
                        return named, False  # "sued Pinecone to block its purchase of Y": its = Pinecone
                    s, inh = self._verb_subject(noun.head)  # "Broadcom closed its acquisition of VMware"
                    if s is not None:
                        return s, inh
                gov = noun.head.head if noun.dep_ == "pobj" else noun
                if gov.pos_ == "ADV" and gov.dep_ == "advmod":
                    gov = gov.head  # "walked away from its offer"
                if c.lower_ in ("its", "their") and noun.dep_ == "pobj" and gov.pos_ == "VERB":
                    s, inh = self._verb_subject(gov)
                    if s is not None and s.pos_ == "NOUN" and s.lemma_.lower() in _GROUPS:
                        return s, inh  # "a consortium led by X walked away from its offer": the consortium's
                        # (a pronoun cannot reach a group that is no entity; the group's named members bid)
                if c.pos_ == "PROPN" and noun.dep_ == "dobj" and noun.lemma_.lower() in _STAKES \
                        and noun.head.lemma_.lower() in _STAKE_PURCHASES:
                    s, inh = self._verb_subject(noun.head)  # "agreed to buy Holcim's stakes in A": Holcim sells them
                    if s is not None:
                        return s, inh
                return c, False
            if c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and noun.lemma_.lower() not in _STAKES):
                for p in c.children:  # "a stake in Y bought from Z": Z is the seller, not the holder
                    if p.dep_ == "pobj":
                        return p, False
        head = noun.head
        if noun.dep_ == "appos":
            return head, False
        left = noun.left_edge.i
        if entry is not None and entry.predicate == "subsidiary-of" and left >= 2 and noun.doc[left].lower_ in ("the", "a", "an") \
                and noun.doc[left - 1].text == "," and noun.doc[left - 2].pos_ == "PROPN":
            # "a stake in Tokopedia, the e-commerce arm of GoTo": the parser hung the description on the verb,
            # but it describes the name it follows
            return noun.doc[left - 2], False
        if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.i != noun.i:
            return self._noun_subject(head, None)  # "signed a cooperation agreement", "are in merger talks"
        if noun.dep_ == "dobj" and head.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in head.children):
            by = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                       for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
            if by is not None:
                return by, False  # "criticised the takeover of Y by Z": the parser hung "by Z" on the verb
        if noun.dep_ == "dobj" and noun.lemma_.lower() in _STAKES:
            given = next((k for k in head.children if k.dep_ == "dative" and k.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if given is not None:
                return given, False  # "an investment that will give IHH a 31 percent stake in Fortis": IHH holds it
        if noun.dep_ == "pobj" and noun.lemma_.lower() in _STAKES and head.lower_ == "for" \
                and head.head.lemma_.lower() in ("return", "exchange") and head.head.dep_ == "pobj":
            verb = head.head.head.head  # "sell its unit to Grab in return for a stake in Grab": the seller's
            if verb.pos_ in ("VERB", "AUX"):
                s, _ = self._verb_subject(verb)
                return s, True
        if noun.dep_ in ("dobj", "attr", "oprd") and head.lemma_.lower() in self.rules.support_verbs:
            s, _ = self._verb_subject(head)
            return s, True
        if noun.dep_ == "dobj" and head.lemma_.lower() in ("approve", "back", "endorse") and entry is not None \
                and entry.predicate == "merges-with":
            board = next((k for k in head.children if k.dep_ == "nsubj" and k.lemma_.lower() in _GOVERNING), None)
            owner = next((k for k in board.children if k.dep_ == "poss" and k.pos_ == "PROPN"), None) if board is not None else None
            if owner is not None:
                return owner, True  # "SK Innovation's board approved a merger with SK E&S": the board's firm merges
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() in self.rules.support_verbs:
            by = next((p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if by is not None:
                return by, False  # "sanctions against X were announced by the EU"
        if noun.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in self.rules.support_verbs \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            s, _ = self._verb_subject(head.head)  # "announced a partnership to build ...", parsed as a clause subject
            return s, True
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and (
                head.head.lemma_.lower() in _BATCHES or noun.lemma_.lower() in _STAKES
                and head.head.lemma_.lower() in _DEAL_NOUNS):
            # "agreed a 14th package of sanctions", "completed the purchase of a majority stake in Y"
            return self._noun_subject(head.head, None)  # "agreed a 14th package of sanctions against Russia"
        if noun.dep_ == "pobj" and noun.lemma_.lower() in _STAKES and head.lower_ == "with" and head.head.lemma_.lower() == "leave":
            left = next((k for k in head.head.children if k.dep_ == "dobj"), None)
            if left is not None:
                return left, False  # "the deal leaves X with a 10 percent stake": X holds it
        if noun.dep_ == "pobj" and noun.lemma_.lower() in _STAKES and head.lower_ == "for" \
                and head.head.lemma_.lower() in _STAKE_PURCHASES:
            s, _ = self._verb_subject(head.head)  # "will invest $5 billion for a 10 percent stake in Y"
            return s, True
        if noun.dep_ == "pobj" and head.lower_ in ("in", "into", "with", "under", "through", "on", "about", "among", "from") \
                and not (entry is not None and entry.predicate == "subsidiary-of"):
            # (not "sanctions on two subsidiaries of Y": a unit is no event the verb's subject takes part in)
            cur = head.head
            for _ in range(8):
                if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                s, _ = self._verb_subject(cur)
                return s, True
        owner = next((c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
                      and c.ent_type_ in ("GPE", "ORG", "NORP")), None)
        if owner is not None:
            return owner, False  # "was added to the US entity list", "EU sanctions on Russia"
        return None, False

    def _status(self, trig: Token, extra: Token | None) -> str:
        chain = [trig] + ([extra] if extra is not None else [])
        shared: set[int] = set()
        cur = chain[-1]
        for _ in range(6):
            if cur.dep_ in ("nsubj", "nsubjpass") and cur.pos_ == "NOUN" and (any(
                    cue.key == "completed" and cur.head.lemma_.lower() in cue.verbs for cue in self.rules.statuses)
                    or cur.head.lemma_.lower() in _DEAL_FAILURES):
                chain.append(cur.head)  # "the merger was completed", "the deal closed", "talks to sell Y collapsed"
                break
            if cur.dep_ == "compound" and cur.head.lemma_.lower() in _STATUS_HEADS:
                chain.append(cur.head)  # "in merger talks with Y", "a takeover plan"
                cur = cur.head
                continue
            if cur.dep_ == "conj" and cur.pos_ == "VERB" and cur.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux") for c in cur.children):
                chain.append(cur.head)  # "will invest in X and develop chips with X": the shared "will"
                shared.add(len(chain) - 1)  # only its auxiliaries: "terminated the deal and sued X" sues
                cur = cur.head
                continue
            if (cur.dep_ not in _CLIMB and not (cur.dep_ == "advmod" and cur.lower_ in _PARTICLES) and not (
                    cur.dep_ == "relcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))) or cur.head.i == cur.i:
                break
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in cur.children):
                break  # "agreed to buy Y a year after Y rejected an approach": the main clause's plan is not the rejection's
            if cur.dep_ == "pcomp" and cur.head.lower_ in _TIME_MARKS:
                break  # "agreed to a takeover by X after twice rejecting its offers": so is a preposition's clause
            head = cur.head
            hl = head.lemma_.lower()
            if hl in self.rules.reporting_verbs or hl in self.rules.reporting_nouns:
                break
            if cur.pos_ in ("NOUN", "PROPN") and head.pos_ in ("VERB", "AUX") and hl not in self.rules.support_verbs \
                    and not any(hl in cue.verbs for cue in self.rules.statuses):
                break  # "will sell its stake in Y": the stake is held, the plan is about selling
            chain.append(head)
            cur = head
        found = None
        for k, tok in enumerate(chain):
            lemma = tok.lemma_.lower()
            kids = [c for c in tok.children]
            # "called off talks", "walked away from its bid": a phrasal verb is listed with its particle
            phrasal = next((f"{lemma} {c.lower_}" for c in kids if c.dep_ == "prt" or c.dep_ == "advmod"
                            and c.lower_ in _PARTICLES), lemma)
            # "a judge blocked the deal" ends it; "sued to block the deal" only tries
            trying = lemma in _BLOCKING and (tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in kids))
            if k in shared:
                if found is None:
                    found = next((cue.key for cue in self.rules.statuses
                                  if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cue.aux for c in kids)), None)
                continue
            for cue in self.rules.statuses:
                if any(c.dep_ in ("neg", "det") and c.lower_ in cue.neg for c in kids):
                    return cue.key
                if cue.key == "denied" and k > 0 and (lemma in cue.verbs or phrasal in cue.verbs
                                                      or tok.pos_ == "VERB" and lemma in _DEAL_FAILURES) and not trying:
                    return cue.key
            if found is None:
                for cue in self.rules.statuses:
                    if (k > 0 and tok.pos_ in ("VERB", "AUX") and (lemma in cue.verbs or phrasal in cue.verbs)
                            and not (trying and cue.key == "denied")) \
                            or (k > 0 and tok.pos_ == "NOUN" and lemma in cue.nouns) \
                            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in cue.aux for c in kids) \
                            or any(c.dep_ == "amod" and c.lower_ in cue.modifiers for c in kids):
                        found = cue.key
                        break
        top = chain[-1]
        if found is None and top.dep_ == "ROOT" and top.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
            found = "planned"  # "Acme to buy Widget for $2 billion" (a headline's infinitive)
        return found or "asserted"

    def _phrase(self, tok: Token, ents: DocEntities) -> str | None:
        if tok.pos_ == "PRON":
            return None  # "they said": no named source
        mi = ents.token_mention[tok.i]
        if mi != -1:
            return ents.clusters[ents.mentions[mi].cluster].name
        words = [t for t in tok.subtree if not t.is_punct]
        if len(words) > 8:
            words = [t for t in tok.lefts if t.dep_ in ("compound", "amod")] + [tok]
        while words and words[0].dep_ == "det":
            words = words[1:]
        return " ".join(t.text for t in words) or tok.text

    def _attribution(self, trig: Token, ents: DocEntities) -> str | None:
        prev, cur = trig, trig.head
        path = [trig]
        while cur.i != prev.i:
            path.append(cur)
            lemma = cur.lemma_.lower()
            if cur.pos_ in ("VERB", "AUX") and lemma in self.rules.reporting_verbs and prev.dep_ in ("ccomp", "xcomp"):
                for c in cur.children:
                    if c.dep_ == "nsubj":
                        return self._phrase(c, ents)
            if cur.pos_ in ("NOUN", "PROPN") and lemma in self.rules.reporting_nouns and prev.dep_ in ("acl", "ccomp"):
                mods = [t for t in cur.lefts if t.dep_ in ("compound", "amod", "poss")]
                return " ".join(t.text for t in (*mods, cur))
            prev, cur = cur, cur.head
        for tok in path:
            for c in tok.children:
                if c.dep_ in ("parataxis", "advcl") and c.lemma_.lower() in self.rules.reporting_verbs and c.i > trig.i:
                    for s in c.children:
                        if s.dep_ == "nsubj":
                            return self._phrase(s, ents)
                if c.dep_ == "prep" and c.lower_ == "according":
                    for to in c.children:
                        for p in to.children:
                            if p.dep_ == "pobj":
                                return self._phrase(p, ents)
        return None

    # -- main -------------------------------------------------------------------
    def find(self, doc: Doc, ents: DocEntities, matches, rules_by_key, doc_id: str, doc_date: str | None = None):
        """Relations and dropped candidates of one document.

        doc: the parsed document. ents: its entities. matches: TreeMatcher output (rule id, token per pattern node).
        rules_by_key: match id -> PatternRule. doc_id: the document id.
        doc_date: the article date (ISO), which anchors relative dates ("on Thursday").
        Returns (list of Relation, list of dropped dicts).
        """
        cands: list[dict] = []
        dropped: list[dict] = []
        pending: list[tuple] = []  # arguments that refer back to an earlier deal or sanction
        groups: list[tuple] = []  # "the two companies": sanction targets named earlier
        pairs: list[tuple] = []  # "the two companies filed suit": both sides of the deal named earlier
        for match_id, token_ids in matches:
            rule = rules_by_key[match_id]
            nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(rule.pattern, token_ids)}
            if "of" in nodes and "prep" in nodes and any(
                    a.dep_ == "appos" for a in nodes["prep"].ancestors if a.i != nodes["of"].i and nodes["of"] in a.ancestors):
                continue  # "the takeover of Y, the parent of Z": Z is Y's, the deal is not for it
            verb = nodes.get("verb")
            if verb is not None and verb.lemma_.lower() in _REJECTING_PHRASAL:
                # "turned down / beat back a bid from B" rejects it, "turned to a proposal from B" does not; and
                # "beat back" is no topping ("A beat B's bid for Y" is)
                receiving = any(n["RIGHT_ID"] == "verb" and _RECEIVING & set(n["RIGHT_ATTRS"].get("LEMMA", {}).get("IN", ()))
                                for n in rule.pattern)
                if receiving != any(k.dep_ == "prt" and k.lower_ in ("back", "down", "off") for k in verb.children):
                    continue
            entry = None
            if rule.predicate == "works-for":
                predicate, gerund = "works-for", "working-for"
            else:
                entry = self._trigger(rule, nodes)
                if entry is None and rule.predicate is None:
                    continue
                predicate = rule.predicate or entry.predicate
                gerund = self.rules.gerunds.get(predicate, predicate) if rule.predicate else entry.gerund
                if rule.predicate_map is not None and entry is not None and rule.predicate_map[predicate] != predicate:
                    # "Y rejected X's takeover approach": the takeover is only bid for
                    predicate = rule.predicate_map[predicate]
                    gerund = self.rules.gerunds.get(predicate, predicate)
            trig = nodes["trigger"]
            private = nodes.get("private")
            if private is not None and not any(
                    t.lower_ == "private" and (t.i + 1 == len(doc) or doc[t.i + 1].lower_ not in _PRIVATE_COMPOUNDS)
                    for t in trig.subtree):
                continue  # "take 75 percent ..., buying out private equity investor X": no take-private
            if rule.id == "verb-dobj-clause" and any(c.dep_ == "dobj" for c in trig.children):
                continue  # the verb has its own object: the clause subject is not it
            if predicate in ("acquires", "bids-for") and "prep" in nodes and "of" in nodes and nodes["prep"].lower_ == "of" \
                    and nodes["prep"].head.lemma_.lower() in _SOLD_PARTS:
                continue  # "its purchase of the chemicals division of Y": a part of Y is bought, not Y
            if predicate == "acquires" and trig.pos_ == "NOUN" and trig.dep_ == "compound" \
                    and trig.head.lemma_.lower() in _BID_NOUNS:
                continue  # "a takeover offer for Y": the offer is the bid ("offer" reads it); nothing is bought yet
            if predicate == "acquires" and trig.pos_ == "VERB" and (
                    trig.dep_ == "acl" and trig.head.lemma_.lower() in _BID_NOUNS
                    or trig.dep_ == "xcomp" and trig.head.lemma_.lower() in ("offer", "bid")
                    or trig.dep_ == "advcl" and trig.head.lemma_.lower() in ("offer", "bid") and any(
                        k.dep_ == "aux" and k.lower_ == "to" for k in trig.children)):
                # ("offered $11 a share to take Y private": the purpose of an offer is bid for)
                # "its proposal to buy Y", "offered to buy Y": only a bid (an agreement to buy is a purchase)
                predicate, gerund = "bids-for", self.rules.gerunds.get("bids-for", "bidding-for")
            seller = trig.head
            if trig.dep_ == "pobj" and seller.lower_ == "of" and seller.head.lemma_.lower() in ("all", "rest", "remainder") \
                    and seller.head.dep_ == "dobj":
                seller = seller.head.head  # "sold all of its stake in Y"
            if predicate in ("holds-stake-in", "invests-in") and trig.pos_ == "NOUN" and seller.tag_ in ("VBD", "VBN") and any(
                    t.predicate == "divests" for t in self.rules.verb_triggers.get(seller.lemma_.lower(), ())):
                continue  # "sold its stake in Y": no longer held ("plans to sell its stake": still held)
            if rule.id == "said-wrongdoing" and any(k.dep_ == "neg" or k.dep_ == "aux" and k.lower_ in _MODALS
                                                    for k in nodes["clause"].children):
                continue  # "said X would not mislead investors", "said X may have breached ...": no charge made
            inherited = False
            subj = nodes.get("subject")
            if rule.id == "on-list" or rule.id.startswith("under-sanctions"):
                # "X has been on the US entity list", "under US sanctions": the owner, named before it, sanctions
                subj = next((c for c in trig.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                             and c.ent_type_ in ("GPE", "ORG", "NORP")), None)
                if subj is None and rule.id != "on-list":
                    subj = next((p for k in trig.children if k.dep_ == "prep" and k.lower_ in ("from", "by")
                                 for p in k.children if p.dep_ == "pobj"), None)  # "under sanctions from the EU"
                if subj is None:
                    continue
            if subj is None:
                anchor = nodes.get("verb")
                if anchor is not None and predicate == "bids-for" and anchor.lemma_.lower() in _RECEIVING \
                        and trig.lemma_.lower() in _BID_NOUNS:
                    # "received an offer from X for its unit": the receiver does not bid; the bidder
                    # is the "from" (on the verb or the noun), or unnamed
                    subj = next((p for h in (anchor, trig) for c in h.children if c.dep_ == "prep"
                                 and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"), None)
                    if subj is None:
                        continue
                elif anchor is not None:
                    subj, inherited = self._verb_subject(anchor)
                    if subj is None and entry is not None and entry.pos == "noun":
                        subj, inherited = self._noun_subject(trig, entry)  # "was added to the US entity list"
                elif entry is not None and entry.pos == "noun" or entry is None and trig.pos_ == "NOUN":
                    subj, inherited = self._noun_subject(nodes.get("head", trig), entry)
                    if subj is None and predicate == "divests" and trig.dep_ == "dobj" and trig.head.pos_ == "VERB" \
                            and any(k.dep_ == "poss" and k.lower_ in ("its", "their") for p in trig.children
                                    if p.dep_ == "prep" and p.lower_ == "of" for o in p.children for k in o.children):
                        # "Acme's board approved the sale of its network": its owner, the verb's subject, sells
                        subj, _ = self._verb_subject(trig.head)
                        inherited = True
                else:
                    subj, inherited = self._verb_subject(trig, entry.subject_deps if entry else ("nsubj",))
            obj = nodes.get("object")
            if obj is not None and obj.tag_ == "WDT" and obj.dep_ == "pobj":
                rel = next((a for a in obj.ancestors if a.dep_ == "relcl"), None)
                if rel is not None:
                    obj = rel.head  # "Mitsubishi Motors, in which Nissan is the largest shareholder"
            if entry is not None and entry.poss_object:
                # "Y's largest shareholder": the possessor is held, the holder is the noun's referent
                poss = next((c for c in trig.children if c.dep_ == "poss"), None)
                if poss is not None and obj is not None and rule.id not in _HOLDER_RULES:
                    subj, obj, inherited = obj, poss, False  # "Beta's sale to Acme": Acme buys Beta
                else:
                    obj = poss if poss is not None else obj
                    subj, inherited = self._holder(trig), False
            if rule.object_is_clause_subject:
                # "B agreed to be acquired by A": B is the subject of the governing clause
                anchor = nodes.get("verb")
                if anchor is not None and _crosses_clause(trig, anchor) \
                        and not rule.id.startswith("role-appointed-as-clause"):
                    continue  # "A agreed to buy B after the chipmaker walked away from an agreed takeover by C"
                obj, _ = self._verb_subject(anchor if anchor is not None else trig.head)
                if obj is None:
                    continue
                if predicate == "works-for":
                    # "Tata Sons named X as the next chief executive and managing director of Air India": the firm
                    # of the post, when named, not the one that fills it
                    post = next((p for t in (trig, *trig.conjuncts) for k in t.children if k.dep_ == "prep" and k.lower_ == "of"
                                 for p in k.children if p.dep_ == "pobj" and ents.token_mention[p.i] != -1), None)
                    if post is not None:
                        obj = post
            if obj is not None and obj.lower_ in ("it", "them", "him", "her") and (trig.dep_ in ("advcl", "acl") and trig.tag_ == "VBG"
                                                                     or trig.dep_ == "conj" and trig.head.pos_ == "VERB"):
                # "blacklisted X and accused it of ...": the same object as the first verb
                # "A sued B, accusing it of ...": the pronoun is the main verb's object
                main_obj = next((c for c in trig.head.children if c.dep_ == "dobj"), None)
                if trig.dep_ == "acl":
                    # "a door maker that sued B in 2016, accusing it of ...": the object of the clause before
                    main_obj = next((c for k in trig.head.children if k.dep_ == "relcl" and k.i < trig.i
                                     for c in k.children if c.dep_ == "dobj"), None)
                if main_obj is not None and main_obj.lemma_.lower() in self.rules.noun_triggers:
                    # "imposed sanctions on X, accusing it of ...": the measure's target
                    main_obj = next((p for k in main_obj.children if k.dep_ == "prep" and k.lower_ in ("on", "against")
                                     for p in k.children if p.dep_ == "pobj"), None)
                if main_obj is not None:
                    obj = main_obj
            if predicate == "opposes" and trig.lemma_.lower() in ("block", "freeze") and obj is not None \
                    and obj.lemma_.lower() in _HOLDINGS:
                # "blocking the company's US assets": a freeze, i.e. a sanction on the owner
                predicate, gerund = "sanctions", self.rules.gerunds.get("sanctions", "sanctioning")
            if trig.pos_ == "VERB" and trig.lemma_.lower() in ("block", "restrict", "cut", "suspend", "limit") \
                    and obj is not None and obj.lemma_.lower() == "access":
                # "Turkey blocked access to Instagram": a sanction on the service, not opposition to a deal
                target = next((p for k in obj.children if k.dep_ == "prep" and k.lower_ == "to"
                               for p in k.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
                if target is None:
                    continue  # "restricting their access to US technology": the named party is the one cut off
                predicate, gerund, obj = "sanctions", self.rules.gerunds.get("sanctions", "sanctioning"), target
            if predicate == "opposes" and trig.lemma_.lower() in _DEAL_ONLY and (obj is None or obj.lemma_.lower() not in _ACTS):
                continue  # "sued to stop the merger" opposes; "stopped the Celtics" does not
            if predicate == "sanctions" and trig.lemma_.lower() in _HALTING and (obj is None or obj.lemma_.lower() not in _FLOWS) \
                    and not (obj is not None and obj.lemma_.lower() in _HALTED and any(
                        k.dep_ == "poss" or k.dep_ == "prep" and k.lower_ == "of" for k in obj.children)):
                continue  # "suspended imports of X from Y" sanctions Y, "suspended X's activities" X; "suspended its dividend" nothing
            if predicate == "sanctions" and trig.lemma_.lower() in _DETAINING and (obj is None or obj.lemma_.lower() not in _GOODS):
                continue  # "detained gloves made by X" sanctions X; "detained the executive" is no sanction
            if predicate == "merges-with" and obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == "into" \
                    and any(k.dep_ == "amod" and k.lower_ in _NEW_FIRM for k in obj.children):
                continue  # "agreed to merge into a new holding company called Z": Z is what the merger makes
            people = obj is not None and obj.ent_type_ == "NORP" and obj.tag_ == "NNPS"  # "Americans"
            if predicate == "sanctions" and trig.pos_ == "VERB" and obj is not None and (
                    people or obj.lemma_.lower() in _BARRED and ents.token_mention[obj.i] == -1):
                # "barred US firms / Americans from selling chips to X": X, never the people barred
                target = self._barred_target(trig)
                if target is not None:
                    obj = target
                elif people:
                    continue
            if predicate == "headquartered-in" and trig.head.lemma_.lower() in _AFFILIATES and ents.token_mention[trig.head.i] == -1:
                continue  # "China-based units of Y": the units are there, Y need not be
            if predicate in ("sanctions", "accuses", "sues") and obj is not None and obj.lemma_.lower() in _AFFILIATES \
                    and ents.token_mention[obj.i] == -1 and not any(
                        k.dep_ == "appos" or k.dep_ == "prep" and k.lower_ in ("including", "like") for k in obj.children):
                # "added several units of Y to the entity list", "fined the local unit of Y": Y, the unnamed parts' owner
                obj = next((p for k in obj.children if k.dep_ == "prep" and k.lower_ == "of"
                            for p in k.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), obj)
            governor = trig.head
            if trig.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lemma_.lower() in _PORTIONS | {"many"}:
                governor = governor.head.head  # "lifting most of the bloc's sanctions on X"
            if predicate == "sanctions" and trig.pos_ == "NOUN" and governor.lemma_.lower() in self.rules.ending_verbs:
                # "lifted sanctions on X": the sanctions end (visible with --explain)
                dropped.append(dict(reason=f"measure ended ({governor.text} {trig.text})", predicate=predicate,
                                    object=obj.text if obj is not None else None, trigger=trig.text, rule=rule.id,
                                    sentence=trig.sent.text, doc_id=doc_id))
                continue
            if obj is not None and obj.lower_ == "whose":
                rel = next((a for a in trig.ancestors if a.dep_ == "relcl"), None)
                # "Santos, whose chief executive is X": Santos; "Zomato, whose founder, X, said", parsed as an appositive
                obj = rel.head if rel is not None else trig.head if trig.dep_ == "appos" else None
                if obj is None:
                    continue
            elif rule.id == "role-pron-appos":
                # "Lyra said its chairwoman, X, would retire": its = the speaker; "sanctioned Y and its
                # chairman, X": its = the first conjunct; elsewhere the pronoun is left alone
                rep = trig.head.head if trig.dep_ in ("nsubj", "nsubjpass") and trig.head.dep_ == "ccomp" else None
                if rep is not None and rep.lemma_.lower() in self.rules.reporting_verbs:
                    obj = next((k for k in rep.children if k.dep_ == "nsubj"), None)
                elif trig.dep_ == "conj" and trig.head.pos_ == "PROPN":
                    obj = trig.head
                elif trig.dep_ == "conj" and trig.head.pos_ == "NOUN" and any(
                        k.dep_ == "poss" and k.pos_ == "PROPN" for k in trig.head.children):
                    # "Israel's security minister, A, and its finance minister, B": the first role's owner
                    obj = next(k for k in trig.head.children if k.dep_ == "poss" and k.pos_ == "PROPN")
                elif trig.dep_ in ("nsubj", "nsubjpass") and trig.head.dep_ == "conj" and trig.head.head.pos_ in ("VERB", "AUX"):
                    # "Velo will keep its brand ..., and its chief executive, X, will join ...": the first clause's subject
                    obj = next((k for k in trig.head.head.children if k.dep_ == "nsubj" and k.pos_ == "PROPN"), None)
                else:
                    obj = None
                if obj is None:
                    continue
            # "the half of Y it did not already own" (the clause hung on the portion or, misparsed, after it)
            rest_of = obj is not None and (obj.lemma_.lower() in ("all", "rest", "remainder", "balance") or any(
                r.i > obj.i and r.lemma_.lower() in ("own", "hold", "control") and r.dep_ in ("relcl", "ccomp")
                and any(k.dep_ == "neg" for k in r.children) for r in obj.sent))
            if obj is not None and rest_of and predicate in ("bids-for", "acquires") and obj.lemma_.lower() in ("share", "stock") \
                    and (owner := next((k for k in obj.children if k.dep_ == "compound" and k.pos_ == "PROPN"), None)) is not None:
                # "an offer for the MultiChoice Group shares it does not already own": it holds the others
                cands.append(dict(rule=rule, predicate="holds-stake-in", gerund=self.rules.gerunds.get(
                    "holds-stake-in", "holding-stake-in"), trig=trig, subj=subj, obj=owner, inherited=inherited,
                    role=None, anchor=nodes.get("verb"), status="asserted"))
            if obj is not None and (predicate == "bids-for" or predicate == "acquires" and rest_of) and (
                    obj.lemma_.lower() in _PORTIONS or obj.lemma_.lower() in _FRACTIONS):
                # "a tender offer for all of Y", "a bid for the rest of Y", "its offer for the 49 percent of Y",
                # "pay $20 billion for the half of Y it did not already own" (and so holds the other half)
                part = obj
                obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), obj)
                if obj is not part and rest_of and part.lemma_.lower() not in ("all",):
                    cands.append(dict(rule=rule, predicate="holds-stake-in", gerund=self.rules.gerunds.get(
                        "holds-stake-in", "holding-stake-in"), trig=trig, subj=subj, obj=obj, inherited=inherited,
                        role=None, anchor=nodes.get("verb"), status="asserted"))
            if rule.symmetric_only:
                # "A and B agreed to merge": the pair is the coordinated subject
                if not self.onto.predicate(predicate).symmetric:
                    continue
                if subj is not None and subj.lower_ == "their" and trig.head.pos_ in ("VERB", "AUX"):
                    subj, inherited = self._verb_subject(trig.head)  # "A and B called off their merger"
                if subj is not None and subj.lower_ in ("they", "their", "we") and not subj.conjuncts:
                    # "A and B said they would form a joint venture": the coordinated speakers
                    rep_verb = next((a for a in subj.ancestors if a.lemma_.lower() in self.rules.reporting_verbs), None)
                    # ("Regional lenders A and B said ...", parsed with two subjects: the coordinated one)
                    speakers = [k for k in rep_verb.children if k.dep_ == "nsubj"] if rep_verb is not None else []
                    speaker = next((k for k in speakers if k.conjuncts), speakers[0] if speakers else None)
                    if speaker is not None and speaker.conjuncts:
                        subj, inherited = speaker, True
                listed = self._listed_members(trig, ents) if trig.lemma_.lower() in _MEMBER_GROUPS else []
                if not listed and subj is not None and subj.dep_ == "nsubj" and not (obj is not None and obj.conjuncts):
                    listed = self._subject_run(subj.head, ents)  # "A, B, C and Abu Dhabi firm D are forming a venture"
                if len(listed) > 2 or len(listed) == 2 and not (obj is not None and obj.conjuncts):
                    # "a consortium of A, B and C" the parser split: every pair of the members the text lists
                    for i, a in enumerate(listed):
                        for b in listed[i + 1:]:
                            cands.append(dict(rule=rule, predicate=predicate, gerund=gerund, trig=trig, subj=a, obj=b,
                                              inherited=False, role=None, anchor=None, status=rule.status,
                                              title_org=True))
                    continue
                if obj is not None and obj.conjuncts:
                    subj, obj, inherited = obj, obj.conjuncts[0], False  # "the merger of A and B"
                elif subj is not None and subj.conjuncts:
                    obj = subj.conjuncts[0]
                elif subj is not None and subj.dep_ == "nsubj" and (other := next(
                        (k for k in subj.head.children if k.dep_ == "nsubj" and k.i < subj.i), None)) is not None:
                    subj, obj = other, subj  # "A and rival B signed a partnership", parsed as two subjects
                elif (pair := self._prenominal_pair(trig, ents)) is not None:
                    (subj, obj), inherited = pair, False  # "the $2bn Acme-Beta merger"
                elif trig.pos_ == "NOUN" and subj is not None and ents.token_mention[subj.i] != -1 and (first := next(
                        (k for k in subj.lefts if k.dep_ in ("nmod", "compound") and ents.token_mention[k.i] not in
                         (-1, ents.token_mention[subj.i]) and ents.mentions[ents.token_mention[k.i]].end < len(doc)
                         and doc[ents.mentions[ents.token_mention[k.i]].end].lower_ == "and"
                         and ents.clusters[ents.mentions[ents.token_mention[k.i]].cluster].type in ("Company", "Organization")
                         and not any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in k.children)),  # not "A and Germany's B"
                        None)) is not None:
                    # "A and battery maker B formed a joint venture", parsed as one noun phrase with A inside it
                    subj, obj = doc[ents.mentions[ents.token_mention[first.i]].end - 1], subj
                elif subj is not None and any(a.dep_ == "appos" and a.conjuncts for a in subj.children):
                    # "Two lenders, A and B, plan to merge"
                    subj = next(a for a in subj.children if a.dep_ == "appos" and a.conjuncts)
                    obj = subj.conjuncts[0]
                else:
                    continue
            elif predicate == "divests":
                if obj is not None and trig.pos_ == "VERB" and any(
                        t.lower_ == "to" and t.dep_ == "aux" for t in obj.subtree if t.i < obj.i):
                    # "sold Y to investment firm Z", parsed as two objects: Z buys Y, Z is not sold
                    other = next((k for k in trig.children if k.dep_ == "dobj" and k.i < obj.i), None)
                    if other is not None:
                        cands.append(dict(rule=rule, predicate="acquires", gerund="buying", trig=trig, subj=obj,
                                          obj=other, inherited=False, role=None, anchor=nodes.get("verb"),
                                          status=rule.status))
                    continue
                if obj is not None and obj.lemma_.lower() in _PORTIONS | _FRACTIONS:
                    # "sold part of its stake in Y", "sold two thirds of its Y shares": and keeps the rest
                    part = obj
                    obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj"), obj)
                    if part.lemma_.lower() not in ("all", "rest", "remainder", "bulk") and obj is not part and subj is not None \
                            and (obj.lemma_.lower() in _STAKES or obj.lower_ in _STAKES):
                        held = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                                     for p in c.children if p.dep_ == "pobj"), None) or next(
                            (c for c in obj.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"), None)
                        if held is not None:
                            cands.append(dict(rule=rule, predicate="holds-stake-in", trig=trig, subj=subj, obj=held,
                                              gerund=self.rules.gerunds.get("holds-stake-in", "holding-stake-in"),
                                              inherited=inherited, role=None, anchor=nodes.get("verb"), status=None))
                if obj is not None and obj.lower_ in ("itself", "themselves"):
                    # "agreed to sell itself to Z": the seller is what is bought, nothing is divested
                    buyer = next((p for c in trig.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                  for p in c.children if p.dep_ == "pobj"), None)
                    if buyer is not None and subj is not None:
                        cands.append(dict(rule=rule, predicate="acquires", gerund="buying", trig=trig, subj=buyer,
                                          obj=subj, inherited=False, role=None, anchor=nodes.get("verb"),
                                          status=rule.status))
                    continue
                # "holding" may lemmatise to "hold"; "exited its investment in Y"
                stake = obj.lemma_.lower() in _STAKES | {"investment"} or obj.lower_ in _STAKES
                stake_tok = obj
                pct = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "of" else None
                if pct is not None and pct.lower_ in ("percent", "%") and _percent(pct) is not None:
                    stake, stake_tok = True, pct  # "sell 10 percent of Y to Z": Z takes a stake (a majority: buys Y)
                if stake:
                    # "sold its stake in Y": what is divested is Y
                    obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                                for p in c.children if p.dep_ == "pobj"), obj)
                buyer = next((p for t in (trig, stake_tok, obj) if t is not None for c in t.children
                              if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                              for p in c.children if p.dep_ == "pobj"), None)
                if buyer is None and trig.pos_ == "NOUN":
                    # "the sale of its unit, Y, to Z"
                    holders = (trig, obj) + ((trig.head,) if trig.dep_ == "dobj" else ())  # "completed the sale of Y to Z"
                    buyer = next((p for t in holders for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
                                  for p in c.children if p.dep_ == "pobj"), None)
                if buyer is None and obj is not None and obj.pos_ == "NOUN" and ents.token_mention[obj.i] == -1 \
                        and obj.i + 2 < len(doc) and doc[obj.i + 1].text == "," and ents.token_mention[obj.i + 2] != -1:
                    # "sell its consumer business, Mainland Group, to Lactalis": "to" hung on the name after the noun
                    named = ents.mentions[ents.token_mention[obj.i + 2]]
                    buyer = next((p for t in doc[named.start:named.end] for c in t.children
                                  if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"), None)
                if buyer is not None:
                    # "sold Y to Z": Z buys Y (or takes the stake in Y, and buys Y when it is a majority stake)
                    cands.append(dict(rule=rule, predicate="holds-stake-in" if stake else "acquires",
                                      gerund="taking-stake-in" if stake else "buying", trig=trig, subj=buyer,
                                      obj=obj, inherited=False, role=None, anchor=nodes.get("verb"),
                                      status=rule.status))
                    if stake and _majority(stake_tok, bought=False):
                        cands.append(dict(cands[-1], predicate="acquires", gerund="buying"))
            role = None
            if predicate == "works-for" and any(t.lower_ in self.rules.role_blockers
                                                for t in trig.doc[max(trig.i - 4, trig.sent.start):trig.i]):
                continue  # "the former chief financial officer of Y": no longer works there
            if predicate == "works-for" and trig.pos_ == "VERB" and trig.dep_ == "pcomp" and trig.head.lower_ in ("after", "before"):
                continue  # "joined MTN after running Old Mutual's emerging markets business": a past post
            if predicate == "holds-stake-in" and trig.pos_ == "NOUN" and any(
                    k.dep_ == "amod" and k.lower_ in self.rules.role_blockers for k in trig.children):
                continue  # "Inmarsat's former owners, A and B": they no longer hold it
            if predicate == "works-for" and self._ended_period(trig):
                continue  # "who ran Pemex throughout the previous administration": a post that has ended
            if predicate == "works-for" and subj is not None and self._departed(subj):
                continue  # "X, who had left months earlier": no longer there
            if predicate == "works-for" and (trig.lemma_.lower() in ("found", "co-found", "cofound", "establish") or
                                             trig.lemma_ == "set" and any(c.dep_ == "prt" for c in trig.children)):
                role = "founder"  # "Y was founded by X", "Y, set up in 2012 by X"
            elif predicate == "works-for" and trig.lemma_.lower() in ("run", "head", "lead", "chair", "manage") \
                    and subj is not None:
                # "is led by chief executive X", "run by chairman X": the title before the name
                title = [c for c in subj.lefts if c.dep_ in ("compound", "amod") and ents.token_mention[c.i] == -1]
                words = sorted({t.i: t for c in title for t in c.subtree if ents.token_mention[t.i] == -1}.items())
                role = " ".join(t.text for _, t in words).lower() or None
            elif predicate == "works-for" and trig.pos_ not in ("VERB", "AUX"):
                role = " ".join(t.text for t in (*[c for c in trig.lefts if c.dep_ in ("compound", "amod")
                                                    and ents.token_mention[c.i] == -1], trig)).lower()  # not "halden executive"
            if rule.all_parties:
                # "A outbid B for C", "B was outbid by A for C": both bid for C
                for p in trig.children:
                    party = p if p.dep_ in ("nsubj", "nsubjpass", "dobj") else next(
                        (x for x in p.children if x.dep_ == "pobj"), None) if p.dep_ == "agent" else None
                    if party is not None:
                        cands.append(dict(rule=rule, predicate=predicate, gerund=gerund, trig=trig, subj=party,
                                          obj=obj, inherited=False, role=None, anchor=None, status=rule.status))
                continue
            cands.append(dict(rule=rule, predicate=predicate, gerund=gerund, trig=trig, subj=subj, obj=obj,
                              inherited=inherited, role=role, anchor=nodes.get("verb"), status=rule.status,
                              # "Y, owned by X": whole ownership, whose predicate depends on who owns (_emit)
                              ownership=predicate == "holds-stake-in" and trig.pos_ == "VERB" and rule.id in _OWNED_RULES
                              # "owned by A, B and C", "owned by firms A and B": several owners hold stakes
                              and not (subj is not None and (subj.conjuncts or subj.tag_ in ("NNS", "NNPS")))
                              and trig.lemma_.lower() in _OWNERSHIP and obj is not None
                              and obj.lemma_.lower() not in _FRACTIONS | _STAKES | _PORTIONS
                              and not any(t.like_num or t.lemma_.lower() in _FRACTIONS | _STAKES | _MAJORITY_WORDS
                                          for t in [*(t for k in trig.children if k.dep_ not in ("nsubj", "nsubjpass", "agent")
                                                      for t in k.subtree), *trig.doc[max(trig.i - 3, 0):trig.i]])))
            if predicate in ("acquires", "holds-stake-in") and obj is not None and not rule.object_is_clause_subject:
                # "bought Y from Z", "bought a stake in Y from Z": Z sells
                holders = (trig,) + ((trig.head,) if trig.pos_ == "NOUN" and trig.head.pos_ == "VERB" else ()) \
                    + ((obj,) if ents.token_mention[obj.i] != -1 else ()) \
                    + tuple(a for a in obj.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                            and ents.token_mention[obj.i] != -1)  # "buy Y, a software firm, from Z"
                seller = next((p for h in holders for k in h.children if k.dep_ == "prep" and k.lower_ == "from"
                               for p in k.children if p.dep_ == "pobj"), None)
                if seller is None:
                    # "paid $2.7 billion for the 89 percent of Y held by A and B": the holders sell
                    of_obj = [p for k in obj.children if k.dep_ == "prep" and k.lower_ == "of"
                              for p in k.children if p.dep_ == "pobj"]  # "the 89 percent of Y held by A"
                    held = next((k for h in (obj, *of_obj, obj.head, obj.head.head) for k in h.children
                                 if k.dep_ == "acl" and k.tag_ == "VBN" and k.lemma_.lower() == "hold"), None)
                    seller = next((p for k in held.children if k.dep_ == "agent"
                                   for p in k.children if p.dep_ == "pobj"), None) if held is not None else None
                    sold = of_obj[0] if seller is not None and of_obj else obj  # the firm, not "the 89 percent"
                else:
                    sold = obj
                if seller is not None:
                    cands.append(dict(rule=rule, predicate="divests", gerund=self.rules.gerunds.get("divests", "divesting"),
                                      trig=trig, subj=seller, obj=sold, inherited=False, role=None,
                                      anchor=nodes.get("verb"), status=rule.status))
        for c in list(cands):
            t = c["trig"]
            if c["predicate"] == "accuses" and t.dep_ == "acl" and t.tag_ == "VBG" and any(
                    e.predicate == "sues" for e in self.rules.noun_triggers.get(t.head.lemma_.lower(), ())):
                # "filed a lawsuit accusing Y of ...": the suit is against Y
                cands.append(dict(c, predicate="sues", gerund=self.rules.gerunds.get("sues", "suing"), status=None))
            suit = self._suit_for(t) if c["predicate"] == "opposes" else None
            if suit is not None:
                # "sued to block the deal", "filed a lawsuit seeking to block X's purchase of Y": the suit is
                # against whom the block is
                cands.append(dict(c, predicate="sues", gerund=self.rules.gerunds.get("sues", "suing"), trig=suit,
                                  anchor=None, status=None))
            if c["predicate"] == "sues" and c["obj"] is not None:
                # "sued B, alleging that ...": the allegation is against the defendant
                holders = (c["trig"],) + ((c["trig"].head,) if c["trig"].dep_ == "dobj" else ())
                # (not "accusing Novo of ...": a named accused is the verb's own relation)
                if any(k.dep_ == "advcl" and k.lemma_.lower() in _ALLEGE and not any(
                        d.dep_ == "dobj" and d.pos_ == "PROPN" for d in k.children)
                       for h in holders for k in h.children) or any(
                        k.dep_ == "prep" and k.lower_ == "for" and p.dep_ == "pobj" and p.lemma_.lower() in _WRONGS
                        for h in (c["trig"], c["obj"]) for k in h.children for p in k.children):  # "sued B for patent infringement"
                    cands.append(dict(c, predicate="accuses", gerund=self.rules.gerunds.get("accuses", "accusing"),
                                      status=None))
        cands.extend(self._repeated_preps(cands))
        cands.extend(self._suits_by(doc))
        cands.extend(self._pleas(doc))
        cands.extend(self._said_wrongs(doc))
        cands.extend(self._chosen_offers(doc))
        cands.extend(self._per_share_offers(doc))
        cands.extend(self._shareholder_verdicts(doc))
        self._stakes(cands)
        self._retaliations(cands)
        self._sanction_reasons(cands)
        cands.extend(self._titles(doc, ents))
        cands.extend(self._owners_firms(doc, ents))
        cands.extend(self._named_parents(doc, ents))
        cands.extend(self._named_ventures(doc, ents))
        cands.extend(self._state_owned(doc))
        cands.extend(self._unit_lists(doc, ents))
        cands.extend(self._round_members(doc, ents))
        cands.extend(self._appointments(doc, ents))
        cands.extend(self._leaving_holders(doc, ents))
        cands.extend(self._joint_actions(doc))
        cands.extend(self._spun_from(doc))
        cands.extend(self._judged_bids(doc))
        # people named with a title or role keep the Person type (see _emit)
        for c in cands:
            if c["predicate"] == "works-for" and c["subj"] is not None:
                mi = ents.token_mention[c["subj"].i]
                if mi != -1:
                    ents.titled.add(ents.mentions[mi].cluster)

        relations: dict[tuple, Relation] = {}
        self._trigger_at: dict[tuple, int] = {}  # relation key -> its trigger token (for _antecedents)
        # sanctions on a counted, unnamed group ("added 11 Chinese companies to its Entity List"): the sanctioner
        # of the names listed after it (_story_sanctioner)
        self._unnamed_sanctions: list[Relation] = []
        self._unnamed_nouns: set[str] = set()  # their group nouns ("companies"), named again when listed
        self._doc_id = doc_id
        text = ents.text
        anchor = parse_doc_date(doc_date)
        event_dates: dict[int, str | None] = {}
        for c in cands:
            trig, rule = c["trig"], c["rule"]
            sent = trig.sent
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            sentence = text[start:end]
            if start not in event_dates:
                event_dates[start] = anchor_date(sentence, anchor)
            c["event_date"] = event_dates[start]
            if c["subj"] is None:
                dropped.append(dict(reason="no subject found", predicate=c["predicate"], trigger=trig.text,
                                    rule=rule.id, sentence=sentence, doc_id=doc_id))
                continue
            if c["predicate"] == "merges-with" and rule.id == "verb-prep" and trig.pos_ == "VERB":
                moved = next((k for k in trig.children if k.dep_ == "dobj"), None)
                if moved is not None and moved.pos_ in ("NOUN", "PROPN"):
                    # "Tata will merge Vistara into Air India": the one merged is the object, not the owner
                    c["subj"] = moved
            status = c.get("status") or self._status(trig, c["anchor"])
            attributed = self._attribution(trig, ents)
            title = c.get("title_org", False)
            # "A, B and C formed a venture": every pair (objects hold the other conjuncts)
            subjects = [c["subj"]] if title else [c["subj"], *c["subj"].conjuncts]
            if rule.id in _APPOS_OWNER_RULES:
                # "put A, the parent of B, and C on its list": a name after ", and" continues the outer list
                subjects = [k for k in subjects if k is c["subj"] or not (
                    k.left_edge.i >= 2 and doc[k.left_edge.i - 1].lower_ == "and" and doc[k.left_edge.i - 2].text == ",")]
            if c["predicate"] == "holds-stake-in" and trig.tag_ == "NN" and trig.left_edge.i == c["subj"].i + 2 \
                    and doc[c["subj"].i + 1].text == "," and doc[trig.left_edge.i].lower_ in ("a", "an"):
                subjects = [c["subj"]]  # "from Bayer and Viking Global, an existing backer of Ginkgo": the last only
            if c["predicate"] in ("subsidiary-of", "holds-stake-in"):
                # "the Finnish state's investment company Solidium and FAM, the investment arm of the Wallenberg
                # family foundations": a conjunct described as another's unit is not this owner's
                subjects = [k for k in subjects if k is c["subj"] or not _described_as_unit(k)]
            if c["predicate"] == "works-for":
                # "A, chief executive of X, and B, head of Y": a conjunct with its own title works elsewhere
                subjects = [k for k in subjects if k is c["subj"] or not any(
                    a.dep_ == "appos" and a.lower_ in self.rules.role_heads for a in k.children)]
            rel = next((a for a in (trig, *trig.ancestors) if a.dep_ == "relcl" and a.head.i == c["subj"].i), None)
            if rel is not None:
                # "ING, which owns a quarter of TMB, and Thanachart Capital are ...": the clause describes the
                # name it follows, not the conjuncts after it ("A and B, which together own Y" keeps A)
                subjects = [s for s in subjects if s is c["subj"] or s.i < rel.left_edge.i]
            if not title:
                # "A and two other publishers, B and C, sued Y": the counted conjunct's named members act
                subjects.extend(t for s_tok in list(subjects) if s_tok.tag_ == "NNS" and ents.token_mention[s_tok.i] == -1
                                for t in self._counted_members(s_tok, ents) if t not in subjects)
            if not title and ents.token_mention[c["subj"].i] == -1:
                # "a group of investors including A, B and C": every named member
                inner = self._unwrap(c["subj"], c["predicate"], subject=True)
                if inner is not None and inner.conjuncts:
                    subjects.extend(t for t in inner.conjuncts if t not in subjects)
            # (the name an appositive describes is one owner, not its conjuncts: "put PVH Corp, the owner of
            # Calvin Klein, and Illumina on its list")
            objects = [c["obj"]] if title or rule.id in _APPOS_OWNER_RULES else [c["obj"], *c["obj"].conjuncts]
            if not title:
                # "a takeover by a consortium of A, B and C": every member named, however the parser split the list
                subjects.extend(t for t in self._listed_members(c["subj"], ents) if t not in subjects)
                if c["subj"] is not None and c["subj"].dep_ == "nsubj" and c["subj"].head.pos_ in ("VERB", "AUX") \
                        and not c["inherited"]:
                    # "A, B and Abu Dhabi investment firm C sued Y": the subject names the text lists
                    subjects.extend(t for t in self._subject_run(c["subj"].head, ents) if t not in subjects)
                objects.extend(t for t in self._listed_members(c["obj"], ents) if t not in objects)
            if not title:
                # "Canada's Intact Financial and Denmark's Tryg", parsed as "[Intact Financial and Denmark]'s Tryg"
                subjects += [p for s_tok in list(subjects) for p in self._paired_possessors(s_tok, ents) if p not in subjects]
                objects += [p for o_tok in list(objects) for p in self._paired_possessors(o_tok, ents) if p not in objects]
            if rule.id == "poss-firm":
                subjects, objects = [c["subj"]], [c["obj"]]  # "Tencent's WeChat and Meta's Instagram": each its own
            # "will hold 51 percent of the venture and Honda 49 percent": a conjunct followed by its own
            # share is the subject of a gapped clause, not another object
            objects = [o for o in objects if o is c["obj"] or not (
                o.i + 2 < len(doc) and doc[o.i + 1].like_num and doc[o.i + 2].lower_ in ("percent", "%"))]
            if c["predicate"] == "acquires" and trig.lemma_.lower() == "buy" and any(
                    k.dep_ == "prt" and k.lower_ == "out" for k in trig.children):
                # "buying out founder A and investor B": their shares are bought, not A or B
                objects = [o for o in objects if not any(k.dep_ in ("compound", "appos") and k.lemma_.lower() in _HOLDER_NOUNS
                                                         for k in o.children)]
            if not title:
                # "put A, China's largest chipmaker, and B on its list": B parsed as a conjunct of A's appositive
                objects += [k for o in list(objects) for a in o.children if a.dep_ == "appos"
                            for k in a.conjuncts if k.pos_ == "PROPN" and k not in objects]
                if c["predicate"] in ("sanctions", "accuses"):
                    # "sanctions on President A, his wife B and Vice President C": the named people after the
                    # described one are targets too
                    objects += [k for o in list(objects) for a in o.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                                and ents.token_mention[a.i] == -1 for b in a.children
                                if b.dep_ == "appos" and ents.token_mention[b.i] != -1
                                for k in (b, *b.conjuncts) if k not in objects]
            if not title:
                # "imposed sanctions on A and on its chief executive B": the coordinated preposition's object too
                for o_tok in list(objects):
                    prep = o_tok.head
                    if o_tok.dep_ == "pobj" and prep.dep_ == "prep":
                        holders = (prep, prep.head, prep.head.head)  # the "and on B" may hang on the verb
                        if prep.head.head.dep_ == "prep":
                            holders += (prep.head.head.head,)  # "responded with sanctions on A ..., and on B"
                        for pc in (k for h in holders for k in h.children if k.dep_ == "conj" and k.lower_ == prep.lower_):
                            objects.extend(p for p in pc.children if p.dep_ == "pobj" and p not in objects)
            if not title:
                # "adding A Optics and B Photonics to the list", parsed as one noun phrase: A is a name of its own
                for o_tok in list(objects):
                    mo = ents.token_mention[o_tok.i]
                    if mo == -1:
                        continue
                    for k in o_tok.lefts:
                        mk = ents.token_mention[k.i]
                        if mk != -1 and mk != mo and k.dep_ in ("nmod", "compound"):
                            after = ents.mentions[mk].end
                            last = doc[after - 1]
                            if after < len(doc) and doc[after].lower_ in ("and", ",") and last not in objects:
                                objects.append(last)
            if not title:
                # "sanctions on nine Britons, among them A and B": the named members, not the counted group
                for o_tok in list(objects):
                    named = self._among_named(o_tok, ents)
                    if named:
                        objects.remove(o_tok)
                        objects.extend(t for t in named if t not in objects)
            employer = c["predicate"] == "works-for"  # "US Senator X": the state as employer
            if not title:
                # "14 firms, including A and B": every named member of an unnamed group
                for o_tok in list(objects):
                    if ents.token_mention[o_tok.i] == -1 and o_tok.tag_ not in ("WDT", "WP"):  # "A and B, which he bought": B
                        listed = ents.listed_after(o_tok)
                        included = self._included_in_clause(o_tok, ents)
                        inner = self._unwrap(o_tok, c["predicate"], subject=False) or ents.named_after(o_tok) or listed \
                            or included
                        if inner is not None and inner in (listed, included) and inner not in objects:
                            objects.append(inner)  # "sanctions on three hacking groups, A, B and C": A too
                        if o_tok.tag_ == "NNS" and ents.named_after(o_tok) is not None:
                            # "sanctions on US defence contractors A and B", the parser hanging B elsewhere: the
                            # names the text lists after the plural descriptor
                            objects.extend(t for t in self._name_run(ents, o_tok.i + 1, o_tok.sent.end, described=True)
                                           if t not in objects)
                        if inner is not None:
                            objects.extend(t for t in inner.conjuncts if t not in objects)
                            # "including drone maker A and chip designer B": B hangs on the first descriptor
                            objects.extend(t for a in inner.children if a.dep_ == "appos"
                                           for t in (a, *a.conjuncts) if t not in objects)
                        elif o_tok.i in self._unit_members:
                            # "agreed to sell its game studios A and B": the units listed with the noun
                            objects.remove(o_tok)
                            objects.extend(t for t in self._unit_members[o_tok.i] if t not in objects)
                        elif o_tok.tag_ in ("CD", "NNS") and o_tok is not c["obj"]:
                            # "sued Rio Tinto and two of its former executives, A and B": the counted conjunct's
                            # named members
                            members = [t for t in self._counted_members(o_tok, ents) if t not in objects]
                            if members:
                                objects.remove(o_tok)
                                objects.extend(members)
            if not title and c["predicate"] in ("sues", "accuses", "sanctions"):
                # "sued Vyera Pharmaceuticals, its parent Phoenixus AG and former chief executive Martin Shkreli": the
                # names the text lists, each with its description
                for o_tok in list(objects):
                    mi = ents.token_mention[o_tok.i]
                    if mi != -1 and any(a.dep_ == "appos" and any(k.dep_ == "poss" and k.lower_ in ("its", "their")
                                                                  for k in a.children) for a in o_tok.children):
                        run = self._name_run(ents, ents.mentions[mi].start, o_tok.sent.end, described=True)
                        objects.extend(t for t in run[1:] if t not in objects)
            if c["predicate"] == "works-for":
                # "director of the FTC's Bureau of Competition": the agency or firm the office belongs to
                for o_tok in list(objects):
                    mi = ents.token_mention[o_tok.i]
                    if mi == -1 or doc[ents.mentions[mi].start].lower_ not in _OFFICE_PARTS:
                        continue
                    st = ents.mentions[mi].start
                    owner = next((k for t in doc[st:ents.mentions[mi].end] for k in t.children
                                  if k.dep_ == "poss" and ents.token_mention[k.i] != -1), None)
                    if owner is None and st >= 2 and doc[st - 1].tag_ == "POS" and ents.token_mention[st - 2] != -1:
                        owner = doc[st - 2]
                    if owner is not None:
                        objects[objects.index(o_tok)] = owner
            o0 = c["obj"]
            if not title and o0 is not None and o0.dep_ == "dobj" and o0.head.i == trig.i and trig.pos_ == "VERB" \
                    and o0.pos_ == "NOUN" and ents.token_mention[o0.i] == -1 and trig.i + 1 < o0.i \
                    and ents.token_mention[trig.i + 1] != -1 and ents.mentions[ents.token_mention[trig.i + 1]].start == trig.i + 1 \
                    and doc[trig.i + 1] in o0.subtree and ents.resolve(o0, acting=False) is None:
                # "sued Google and Canadian lyrics licensing firm LyricFind", parsed with "lyrics" as the object and
                # the names inside it: the names the text lists after the verb
                first = ents.mentions[ents.token_mention[trig.i + 1]]
                listed = self._name_run(ents, trig.i + 1, trig.sent.end, described=True) \
                    if first.end < len(doc) and doc[first.end].lower_ in ("and", ",") else []
                if len(listed) >= 2:
                    objects = [o for o in objects if o is not o0] + [t for t in listed if t not in objects]
            if not title and c["predicate"] in ("opposes", "sues"):
                # "blocked the merger of A with B", "opposed A's merger with B": both sides of a merger
                for o_tok in list(objects):
                    # not "opposes A's merger with B": the possessor's plan (the phrasing inventory's reading)
                    if ents.token_mention[o_tok.i] == -1 and not any(k.dep_ == "poss" for k in o_tok.children) and any(
                            e.predicate == "merges-with" for e in self.rules.noun_triggers.get(o_tok.lemma_.lower(), ())):
                        heads = [o_tok] + [p for k in o_tok.children if k.dep_ == "prep" and k.lower_ == "of"
                                           for p in k.children if p.dep_ == "pobj"]
                        objects.extend(p for h in heads for k in h.children if k.dep_ == "prep" and k.lower_ == "with"
                                       for p in k.children if p.dep_ == "pobj" and p not in objects)
                        # "the merger of A's rail business with B": A's side
                        objects.extend(p for h in heads[1:] if ents.token_mention[h.i] == -1 for p in h.children
                                       if p.dep_ == "poss" and p.pos_ == "PROPN" and p not in objects)
            for s_tok in subjects:
                pair = self._pair_anaphor(s_tok)  # "the two companies": both sides, not one of them
                s_res = None if pair else ents.resolve(s_tok, acting=True)
                # "A and B agreed to take stakes in each other": each holds the other
                each = [t for t in subjects if t is not s_tok] if len(subjects) == 2 and len(objects) == 1 \
                    and _reciprocal(objects[0]) else objects
                for o_tok in each:
                    group = c["predicate"] == "sanctions" and self._group_anaphor(o_tok)
                    o_res = None if group else ents.resolve(o_tok, acting=employer)  # not one of "the two companies"
                    if o_res is None and title and o_tok.lemma_.lower() in self.rules.descriptions:
                        ci = ents.description(o_tok)  # "ministry spokesman": a bare description
                        o_res = (ci, "description") if ci is not None else None
                    if o_res is None and rule.object_possessor:
                        # "in the insurer's sale process", "in the auction for Y", "for a stake in Y"
                        inner = o_tok
                        for _ in range(2):
                            nxt = next((p for p in inner.children if p.dep_ == "poss"), None) or next(
                                (x for p in inner.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "in")
                                 for x in p.children if x.dep_ == "pobj"), None)
                            if nxt is None:
                                break
                            o_res = ents.resolve(nxt, acting=False)
                            if o_res is not None:
                                break
                            inner = nxt
                    if s_res is None and not pair:
                        inner = self._unwrap(s_tok, c["predicate"], subject=True)
                        s_res = ents.resolve(inner, acting=True) if inner is not None else None
                    if o_res is None and not group:
                        inner = self._unwrap(o_tok, c["predicate"], subject=False)
                        o_res = ents.resolve(inner, acting=employer) if inner is not None else None
                    if o_res is None and c["predicate"] in ("acquires", "divests") and o_tok.lemma_.lower() in _PARTS:
                        o_res = ents.unit_name(o_tok)  # "its Tessane packaging business": NER took the name for a place
                    if s_res is not None and o_res is None and self._anaphor(o_tok, c["predicate"], rule.id):
                        pending.append((c, s_res, o_tok, status, attributed, sentence, start, end))
                        continue
                    if s_res is not None and group:
                        groups.append((c, s_res, o_tok, status, attributed, sentence, start, end))
                        continue
                    if s_res is None and o_res is not None and pair:
                        pairs.append((c, s_tok, o_res, status, attributed, sentence, start, end))
                        continue
                    if s_res is not None and o_res is None and c["predicate"] == "sanctions" and o_tok.tag_ == "NNS" \
                            and status in ("asserted", "completed"):
                        s_ent = ents.clusters[s_res[0]]
                        if self.onto.allows("sanctions", s_ent.type, "Company"):
                            self._unnamed_nouns.add(o_tok.lemma_.lower())
                            self._unnamed_sanctions.append(Relation(
                                subject=s_ent.name, subject_type=s_ent.type, predicate="sanctions", object="",
                                object_type="", status="asserted", label=self._label("sanctions", "asserted", c["gerund"]),
                                role=None, confidence=round(c["rule"].confidence * HOW_FACTOR[s_res[1]], 2),
                                attributed_to=None, doc_id=doc_id, sentence=sentence, start=start, end=end,
                                trigger=trig.text, rule=rule.id))
                    if s_res is None or o_res is None:
                        which = "subject" if s_res is None else "object"
                        dropped.append(dict(reason=f"{which} is not a known entity", predicate=c["predicate"],
                                            trigger=trig.text, rule=rule.id, subject=s_tok.text, object=o_tok.text,
                                            sentence=sentence, doc_id=doc_id))
                        continue
                    if s_res[0] == o_res[0]:
                        continue
                    if o_tok.lower_ in ("its", "their") and len(subjects) > 1 and any(
                            (ents.resolve(k, acting=True) or (None,))[0] == o_res[0] for k in subjects):
                        continue  # "A and B remain its dominant investors": "its" is not one of them
                    self._emit(c, s_res, o_res, status, attributed, ents, sentence, start, end, doc_id,
                               relations, dropped)
        self._antecedents(pending, ents, doc_id, relations, dropped)
        self._group_antecedents(groups, ents, doc_id, relations, dropped)
        self._pair_antecedents(pairs, ents, doc_id, relations, dropped)
        self._contest_bids(relations)
        self._accepted_takeovers(doc, ents, relations)
        self._raised_offers(doc, ents, relations)
        self._hostile_bids(doc, ents, relations)  # after the owned offers: "a tender offer ..., a rare hostile bid"
        self._rejected_offers(doc, ents, relations)
        self._offered_purchases(doc, ents, relations)  # after every pass that names an offer's owner
        self._reversed_purchases(relations)
        self._priced_purchases(doc, relations)
        self._contest_winners(relations)
        self._cleared_ways(doc, ents, relations)
        self._ended_contests(doc, ents, relations)
        self._spurned_rivals(relations)
        self._agentless_sanctions(doc, ents, relations)
        self._parents_sales(relations)
        self._named_sellers(ents, relations)
        self._implied_holdings(ents, relations)
        self._bare_stakes(doc, ents, relations, doc_id)
        self._sold_units(relations)
        self._unowned_rest(doc, ents, relations)
        self._remaining_stakes(doc, ents, relations)
        self._listed_targets(doc, ents, relations)
        self._office_holders(doc, ents, relations, doc_id, doc_date)
        self._pressed_sanctioners(relations)
        self._accused_targets(doc, ents, relations)
        self._fined_for(doc, relations)
        self._target_reactions(doc, ents, relations)
        self._opposition_from(doc, ents, relations)
        self._suit_claims(doc, relations)
        self._suit_joiners(doc, ents, relations)
        self._blocked_defendants(relations)
        self._tendered_holdings(doc, ents, relations)
        self._deepened_ties(doc, relations)
        self._venture_owners(doc, relations)
        self._joint_bidders(doc, ents, relations)
        self._combined_units(doc, relations)
        self._outcomes(doc, ents.text, relations)
        merged = {(r.subject, r.object, r.start) for r in relations.values() if r.predicate == "merges-with"}
        out = [r for r in relations.values()
               if not (r.predicate == "partners-with" and (r.subject, r.object, r.start) in merged and r.rule != "combined-units")]
        return out, dropped  # "will tie up in a merger": the merger, not also a partnership

    @staticmethod
    def _barred_target(trig: Token) -> Token | None:
        """Whom a ban on dealing is aimed at: "barred US firms from selling parts to X" (X), "banned
        investors from buying shares of Chinese companies, including X" (the companies, unwrapped later).
        None when the verb bars no dealing ("sanctioned three shipping companies, including X")."""
        deal = next((p for k in trig.children if k.dep_ == "prep" and k.lower_ == "from"
                     for p in k.children if p.dep_ in ("pcomp", "pobj") and p.tag_ == "VBG"), None)
        if deal is None:
            # "barred US firms from transactions with Mexican lenders A and B": the dealing's other party
            return next((w for k in trig.children if k.dep_ == "prep" and k.lower_ == "from"
                         for p in k.children if p.dep_ == "pobj" and p.lemma_.lower() in _DEALINGS
                         for c in p.children if c.dep_ == "prep" and c.lower_ == "with"
                         for w in c.children if w.dep_ == "pobj"), None)
        for verb in (deal, *deal.conjuncts):
            party = next((p for k in verb.children if k.dep_ in ("prep", "dative") and k.lower_ in ("to", "with", "in", "from")
                          for p in k.children if p.dep_ == "pobj"), None)
            if party is not None:
                return party
        thing = next((k for k in deal.children if k.dep_ == "dobj"), None)
        if thing is not None and thing.lemma_.lower() in _STAKES | {"stock", "security", "bond", "product", "equipment"}:
            return next((p for k in thing.children if k.dep_ == "prep" and k.lower_ in ("of", "in", "from")
                         for p in k.children if p.dep_ == "pobj"), None)
        return thing if thing is not None and thing.pos_ == "PROPN" else None

    @staticmethod
    def _included_in_clause(group: Token, ents: DocEntities) -> Token | None:
        """The first name "including" or "among them" gives a plural group the parser hung inside the group's
        relative clause: "sanctions on 28 people it accused of violating its sovereignty, including A, B and C"
        ("including" on "sovereignty"); None when the group has no such clause or the clause names no one."""
        if group.tag_ != "NNS":
            return None
        rel = next((k for k in group.children if k.dep_ == "relcl"), None)
        if rel is None:
            return None
        doc = group.doc
        for t in rel.subtree:
            if t.lower_ == "including" and t.dep_ == "prep":
                named = next((p for p in t.children if p.dep_ == "pobj" and ents.token_mention[p.i] != -1), None)
                if named is not None:
                    return named
            if t.lower_ == "among" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("them", "whom"):
                # "producers it accused of ..., among them parts maker X": the first name after "them" (past
                # its descriptor), wherever the parser hung "among"
                k = next((j for j in range(t.i + 2, min(t.i + 7, group.sent.end)) if ents.token_mention[j] != -1), None)
                if k is not None and all(doc[j].is_lower for j in range(t.i + 2, k)):
                    return doc[ents.mentions[ents.token_mention[k]].end - 1]
        return None

    @staticmethod
    def _among_named(group: Token, ents: DocEntities) -> list[Token]:
        """The names after "among them" that follow a counted group ("ten Europeans, among them A and B"),
        wherever the parser hung them; [] when the group is not counted or no name follows."""
        if not any(k.dep_ == "nummod" for k in group.children):
            return []
        doc, end = group.doc, group.sent.end
        j = group.i + 1
        while j < min(group.i + 3, end) and doc[j].is_punct:
            j += 1
        if j + 1 >= end or doc[j].lower_ != "among" or doc[j + 1].lower_ not in ("them", "whom", "those"):
            return []
        head = doc[j].head
        if head.pos_ == "PROPN" and head.i > j:
            names = [head, *head.conjuncts]  # "among" hung on the first name
        else:
            names = [a for a in doc[j + 1].children if a.dep_ == "appos" for a in (a, *a.conjuncts)]
        if not names:
            # the parser lost the list: the named people (a group of people) or firms after "among them"
            people = group.ent_type_ == "NORP" or group.lemma_.lower() in _PEOPLE_GROUPS
            want = ("Person",) if people else ("Company", "Organization")
            tm = ents.token_mention
            names = [doc[ents.mentions[tm[k]].end - 1] for k in range(j + 2, end)
                     if tm[k] != -1 and ents.mentions[tm[k]].start == k
                     and ents.clusters[ents.mentions[tm[k]].cluster].type in want]
        # "..., among them A, and on B": the coordinated preposition hung on the first name
        return names + [p for t in names for k in t.children if k.dep_ == "conj" and k.pos_ == "ADP"
                        for p in k.children if p.dep_ == "pobj"]

    def _retaliations(self, cands: list[dict]) -> None:
        """"X hit back at Y with tariffs on Z": the counter-measure named with "with" sanctions Y too."""
        for c in list(cands):
            t = c["trig"]
            if c["predicate"] != "opposes" or t.pos_ != "VERB" or t.lemma_.lower() not in _RETALIATION:
                continue
            measure = next((p for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for p in k.children
                            if p.dep_ == "pobj" and any(e.predicate == "sanctions"
                                                        for e in self.rules.noun_triggers.get(p.lemma_.lower(), ()))), None)
            if measure is not None:
                cands.append(dict(c, predicate="sanctions", gerund=self.rules.gerunds.get("sanctions", "sanctioning"),
                                  trig=measure, status=None, anchor=None))

    def _sanction_reasons(self, cands: list[dict]) -> None:
        """A sanction given with its reason accuses the target: "put X on its blacklist, saying the
        company had enabled abuses" -- what the sanctioner says the target did (the clause's subject
        must be the target, by name or description; resolution checks it). A pronoun ("saying it had ...") is
        left to _accused_targets, which gives it the sentence's targets."""
        accuses = self.rules.gerunds.get("accuses", "accusing")
        for c in list(cands):
            if c["predicate"] != "sanctions" or c["obj"] is None:
                continue
            t = c["trig"]
            for holder in (t, c["anchor"], t.head if t.pos_ == "NOUN" and t.head.pos_ == "VERB" else None):
                if holder is None:
                    continue
                say = next((k for k in holder.children if k.dep_ == "advcl" and k.tag_ == "VBG"
                            and k.lemma_.lower() in ("say", "claim", "argue", "cite", "allege", "contend")), None)
                if say is None:
                    continue
                clause = next((k for k in say.children if k.dep_ == "ccomp"), None)
                if clause is not None and any(k.dep_ == "agent" for k in clause.children):
                    break  # "saying the unit could be exploited by Beijing": what others could do, no charge
                target = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
                if target is not None and target.lemma_.lower() in _GOODS | {"product", "action", "activity", "work"}:
                    # "saying the chipmaker's products posed risks": the products' owner
                    target = next((k for k in target.children if k.dep_ == "poss"), target)
                obj = c["obj"]
                if obj.lemma_.lower() in _HOLDINGS:
                    # "froze the assets of A and B, saying they had ...": the owners
                    obj = next((p for k in obj.children if k.dep_ == "prep" and k.lower_ == "of"
                                for p in k.children if p.dep_ == "pobj"), obj)
                if target is not None and (target.tag_ in ("NNS", "NNPS") and target.lemma_.lower() in self.rules.descriptions
                                           or target.lower_ == "they") and (obj.conjuncts or obj.head.conjuncts):
                    # "added A and B to its list, saying the spyware makers supplied ...": each target
                    cands.append(dict(c, predicate="accuses", gerund=accuses, status=None, obj=obj))
                elif target is not None and target.lower_ not in ("it", "they", "this", "that", "he", "she"):
                    # a pronoun ("saying it had ...") is resolved to the sentence's targets by _accused_targets
                    cands.append(dict(c, predicate="accuses", gerund=accuses, obj=target, status=None))
                break

    def _suit_for(self, block: Token) -> Token | None:
        """The suit an opposing verb is the aim of: "sued to block" (a suit verb with no object of its own),
        "a lawsuit seeking to stop" (a suit noun), or None."""
        tok = block
        for _ in range(3):
            if tok.dep_ not in ("xcomp", "advcl", "acl", "relcl") or tok.head.i == tok.i:
                return None
            tok = tok.head
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in _SUE and not any(k.dep_ == "dobj" for k in tok.children):
                return tok
            if tok.pos_ == "NOUN" and any(e.predicate == "sues" for e in self.rules.noun_triggers.get(lemma, ())):
                return tok
        return None

    @staticmethod
    def _repeated_preps(cands: list[dict]) -> list[dict]:
        """More objects of a noun trigger after a repeated preposition the parser hung on the verb:
        "imposed sanctions on A, ..., and on its chief executive B", "hit back with sanctions on A and on B"."""
        out = []
        for c in cands:
            t, obj = c["trig"], c["obj"]
            if obj is None or t.pos_ != "NOUN" or obj.dep_ != "pobj" or obj.head.head.i != t.i:
                continue
            prep = obj.head
            gov = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" else None
            if gov is None or gov.pos_ not in ("VERB", "AUX"):
                continue
            for k in gov.children:
                if k.dep_ == "prep" and k.lower_ == prep.lower_ and k.i > obj.i and k.i > 0 \
                        and t.doc[k.i - 1].lower_ == "and":
                    more = next((p for p in k.children if p.dep_ == "pobj"), None)
                    if more is not None:
                        out.append(dict(c, obj=more))
        return out

    def _chosen_offers(self, doc: Doc) -> list[dict]:
        """outbids and bids-for candidates from a seller's choice between two offers: "Sanofi chose an
        offer from A over a rival bid from B for a stake in C" (A outbids B; both bid for C, or for the
        chooser itself when no "for" names the target)."""
        out = []
        for verb in _with_lemma(doc, _CHOOSING):
            offer = next((k for k in verb.children if k.dep_ == "dobj" and k.lemma_.lower() in _BID_NOUNS), None)
            if offer is None:
                continue
            over = next((p for h in (verb, offer) for k in h.children if k.dep_ == "prep" and k.lower_ == "over"
                         for p in k.children if p.dep_ == "pobj" and p.lemma_.lower() in _BID_NOUNS), None)

            def bidder(n: Token) -> Token | None:
                # "an offer from A", "the Chinese miner's friendly offer"
                return next((p for k in n.children if k.dep_ == "prep" and k.lower_ in ("from", "by")
                             for p in k.children if p.dep_ == "pobj"), None) \
                    or next((k for k in n.children if k.dep_ == "poss"), None)
            if over is None or bidder(offer) is None or bidder(over) is None:
                continue
            winner, loser = bidder(offer), bidder(over)
            target = next((p for h in (offer, over, verb) for k in h.children if k.dep_ == "prep" and k.lower_ == "for"
                           for p in k.children if p.dep_ == "pobj"), None)
            if target is None:
                target, _ = self._verb_subject(verb)
            base = dict(rule=_CHOSEN_RULE, trig=verb, inherited=False, role=None, anchor=None, status="asserted")
            out.append(dict(base, predicate="outbids", gerund=self.rules.gerunds.get("outbids", "outbidding"),
                            subj=winner, obj=loser))
            if target is not None:
                for party in (winner, loser):
                    out.append(dict(base, predicate="bids-for", gerund=self.rules.gerunds.get("bids-for", "bidding-for"),
                                    subj=party, obj=target))
        return out

    def _shareholder_verdicts(self, doc: Doc) -> list[dict]:
        """bids-for candidates (and the target's opposes, for a rejection) from what a firm's shareholders do or are
        told to do with an offer whose bidder is named: "Boral's board recommended that shareholders accept the
        offer from Seven Group", "Metro's boards urged shareholders to reject a takeover offer from EPGC", "Just Eat
        shareholders backed Takeaway.com's offer". The offer is for the shareholders' firm: the one named with
        them, else the one whose board (or the firm itself) gives the advice."""
        out = []
        for verb in _with_lemma(doc, _VERDICTS | _REJECTIONS):
            offer = next((k for k in verb.children if k.dep_ == "dobj" and k.lemma_.lower() in _BID_NOUNS), None)
            if offer is None or any(k.dep_ == "prep" and k.lower_ == "for" for k in offer.children):
                continue  # "an offer for Y": the relation rules read it
            bidder = next((k for k in offer.children if k.dep_ == "poss" and k.pos_ == "PROPN"), None) or next(
                (p for k in offer.children if k.dep_ == "prep" and k.lower_ in ("from", "by")
                 for p in k.children if p.dep_ == "pobj" and p.pos_ != "PRON"), None)
            if bidder is None:
                continue
            holders = next((k for k in verb.children if k.dep_ == "nsubj"), None)
            adviser = verb.head if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _ADVISING else None
            if holders is None and verb.dep_ == "xcomp" and adviser is not None:
                holders = next((k for k in adviser.children if k.dep_ == "dobj"), None)  # "urged shareholders to reject"
            if holders is None or holders.lemma_.lower() not in _SHAREHOLDER_NOUNS:
                continue
            target = next((k for k in holders.children if k.dep_ in ("compound", "poss") and k.pos_ == "PROPN"), None)
            if target is None and adviser is not None:
                target = self._verb_subject(adviser)[0]  # "Boral's board" (unwrapped to Boral), "the company"
            if target is None:
                continue
            base = dict(rule=_VERDICT_RULE, trig=verb, inherited=False, role=None, anchor=None, status="asserted")
            out.append(dict(base, predicate="bids-for", gerund=self.rules.gerunds.get("bids-for", "bidding-for"),
                            subj=bidder, obj=target))
            if verb.lemma_.lower() in _REJECTIONS:
                out.append(dict(base, predicate="opposes", gerund=self.rules.gerunds.get("opposes", "opposing"),
                                subj=target, obj=bidder))
        return out

    def _per_share_offers(self, doc: Doc) -> list[dict]:
        """bids-for candidates from an offer priced per share of the target, the target named only there:
        "forcing Glencore to raise its offer to 3.05 of its shares for each Xstrata share"."""
        out = []
        for share in _with_lemma(doc, ("share",)):
            if not any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in share.children) \
                    and share.head.lower_ != "per":
                continue
            target = next((c for c in share.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"), None)
            verb = next((a for a in share.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if target is None or verb is None:
                continue
            offer = next((k for k in verb.children if k.dep_ in ("dobj", "nsubj", "nsubjpass")
                          and k.lemma_.lower() in _BID_NOUNS), None)
            if offer is None and verb.lemma_.lower() not in ("offer", "bid"):
                continue
            if offer is not None and any(k.dep_ == "prep" and k.lower_ == "for" for k in offer.children):
                continue  # "its offer for Y": the relation rules read it
            owner = next((k for k in offer.children if k.dep_ == "poss"), None) if offer is not None else None
            bidder = owner if owner is not None and owner.lower_ not in ("its", "their") else self._verb_subject(verb)[0]
            if bidder is None:
                continue
            out.append(dict(rule=_PER_SHARE_RULE, predicate="bids-for", gerund=self.rules.gerunds.get("bids-for", "bidding-for"),
                            trig=offer if offer is not None else verb, subj=bidder, obj=target, inherited=False, role=None,
                            anchor=None, status="asserted"))
        return out

    def _owners_firms(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """holds-stake-in candidates from a person's or a family's named firm: "Gina Rinehart's Hancock Prospecting",
        "Mukesh Ambani's Reliance Industries", "the Kwek family's Hong Leong Group" (the wire's way of naming a
        controlling owner). The person has a full name; the possessive ends the person's name (or "family") and
        the firm's name follows it directly."""
        out = []
        tm = ents.token_mention
        # the possessor is a name's last token or "family": no Token is made for the rest of the document
        ends = sorted({m.end - 1 for m in ents.mentions if m.end + 1 < len(doc)} | {t.i for t in _with_lemma(doc, ("family",))})
        for tok in (doc[i] for i in ends):
            if tok.dep_ != "poss" or tok.i + 2 >= len(doc) or doc[tok.i + 1].tag_ != "POS":
                continue
            owner = tok
            if tok.lower_ == "family":
                # "the Kwek family's Hong Leong Group": the family, named by its surname
                owner = next((k for k in tok.children if k.dep_ == "compound" and k.pos_ == "PROPN"
                              and tm[k.i] != -1 and ents.mentions[tm[k.i]].end == tok.i), None)
                if owner is None or ents.clusters[ents.mentions[tm[owner.i]].cluster].type not in ("Person", "Organization", "Company"):
                    continue
            else:
                if tm[tok.i] == -1:
                    continue
                pm = ents.mentions[tm[tok.i]]
                person = ents.clusters[pm.cluster]
                if person.type != "Person" or len(person.name.split()) < 2 or pm.end != tok.i + 1:
                    continue
            fi = tm[tok.i + 2]
            if fi == -1 or ents.mentions[fi].start != tok.i + 2:
                continue
            firm = ents.mentions[fi]
            if ents.clusters[firm.cluster].type not in ("Company", "Organization") or not (
                    firm.start <= tok.head.i < firm.end or tok.head.i == firm.end and tok.head.lower_ == "group"):
                continue  # (on any word of the firm's name: "Richard Desmond's Northern & Shell", parsed on "Northern")
            out.append(dict(rule=_OWNER_FIRM_RULE, predicate="holds-stake-in", gerund=self.rules.gerunds.get(
                "holds-stake-in", "holding-stake-in"), trig=doc[firm.end - 1], subj=owner, obj=doc[firm.end - 1],
                inherited=False, role=None, anchor=None, status="asserted", title_org=True))
            # (title_org: the one name, not its conjuncts: "David Martinez's Fintech Advisory and Grupo Clarin")
        return out

    def _suits_by(self, doc: Doc) -> list[dict]:
        """sues candidates from a suit named by its plaintiff only, whose defendant is the subject of the
        verb that takes the suit ("Fox agreed to settle a lawsuit by Dominion": Dominion sues Fox).

        Only verbs a defendant does to a suit count (defendant_verbs: settle, face, fight, ...);
        a suit with an "against" object is read by the patterns.
        """
        out = []
        if self._suit_nouns is None:
            self._suit_nouns = {lemma: e.predicate for lemma, entries in self.rules.noun_triggers.items()
                                for e in entries if e.predicate in ("sues", "accuses")}
        for noun in _with_lemma(doc, self._suit_nouns):
            up = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
            if up is not None and up.lower_ == "guilty":
                up = up.head  # "to" hung on "guilty"
            if up is not None and up.lemma_.lower() in _PLEADING:
                taker = up  # "pleaded guilty to charges brought by X": the one who pleads faces them
            elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DEFENDANT_VERBS:
                taker = noun.head
            else:
                continue
            if any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
                continue
            # the parser may hang "by X" on the verb ("to settle a lawsuit by X"); "a lawsuit brought by X",
            # "settled accusations by X that ..." (an accusation noun gives accuses)
            plaintiff = next((p for c in (*noun.children, *(k for k in taker.children if k.i > noun.i))
                              if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"), None) \
                or next((p for a in noun.children if a.dep_ == "acl" and a.lemma_.lower() in ("bring", "file", "make", "level")
                         for c in a.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if plaintiff is None:
                continue
            # "a lawsuit brought by A against the company and B": the defendants named on the clause
            # (the parser may hang "against" on the last plaintiff)
            against = [p for a in noun.children if a.dep_ == "acl" for c in a.subtree
                       if c.dep_ == "prep" and c.lower_ == "against" for p in c.children if p.dep_ == "pobj"]
            if against:
                defendants, inherited = [t for p in against for t in (p, *p.conjuncts)], False
                if any(t.pos_ == "NOUN" and t.lemma_.lower() in self.rules.descriptions for t in defendants):
                    # "against the company and B": the company that settles it
                    own, inherited = self._verb_subject(taker)
                    defendants = [own if t.pos_ == "NOUN" and t.lemma_.lower() in self.rules.descriptions else t
                                  for t in defendants]
                    defendants = [t for t in defendants if t is not None]
            else:
                defendant, inherited = self._verb_subject(taker)
                defendants = [defendant] if defendant is not None else []
            predicate = self._suit_nouns[noun.lemma_.lower()]
            for plaintiff_tok in (plaintiff, *plaintiff.conjuncts):
                for defendant in defendants:
                    out.append(dict(rule=_SUIT_BY_RULE, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate),
                                    trig=noun, subj=plaintiff_tok, obj=defendant, inherited=inherited, role=None, anchor=None,
                                    status="asserted"))
        return out

    def _pleas(self, doc: Doc) -> list[dict]:
        """accuses candidates from a guilty plea or a prosecution a state body reports: "X pleaded guilty to
        exporting chip tools to a military university, the US Justice Department said", "X was indicted on
        fraud charges, the Justice Department said", "A federal grand jury indicted X ..., the department said"
        (the department accuses X). The plea or prosecution must be what the reporting verb says, with no named
        agent of its own; the reporter is its subject, and only a state body accuses this way (see _emit)."""
        out = []
        for verb in _with_lemma(doc, _PLEADING | _PROSECUTING):
            if verb.pos_ != "VERB":
                continue
            if verb.lemma_.lower() in _PLEADING:
                if not any(k.lower_ == "guilty" for k in verb.children):
                    continue
                defendant = next((k for k in verb.children if k.dep_ == "nsubj"), None)
            elif any(k.dep_ == "auxpass" for k in verb.children):
                # "X was indicted on charges of ..., the Justice Department said" (no agent, or an unnamed one)
                if any(k.dep_ == "agent" and any(p.pos_ == "PROPN" for p in k.children) for k in verb.children):
                    continue
                defendant = next((k for k in verb.children if k.dep_ == "nsubjpass"), None)
            else:
                # "A federal grand jury indicted X ..., the Justice Department said": an unnamed accuser
                subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
                if subj is None or subj.pos_ != "NOUN":
                    continue
                defendant = next((k for k in verb.children if k.dep_ == "dobj"), None)
            report = verb.head if verb.dep_ == "ccomp" else None
            if report is None or report.lemma_.lower() not in self.rules.reporting_verbs:
                continue
            reporter = next((k for k in report.children if k.dep_ == "nsubj"), None)
            if reporter is None or defendant is None or reporter.pos_ != "PROPN":
                continue
            out.append(dict(rule=_PLEA_RULE, predicate="accuses", gerund=self.rules.gerunds.get("accuses", "accusing"),
                            trig=verb, subj=reporter, obj=defendant, inherited=False, role=None, anchor=None,
                            status="asserted", prosecutor=True))
        return out

    def _judged_bids(self, doc: Doc) -> list[dict]:
        """bids-for candidates from a bid its target judges: "The board of Cerved said a tender offer from ION
        did not reflect the value of the company", "Axiare said a takeover bid from Colonial undervalued its
        portfolio" (the bid, with its bidder and no target of its own, is what the target's statement is
        about; the target is the speaker, or the firm whose board speaks)."""
        out = []
        for bid in _with_lemma(doc, _BID_NOUNS):
            if bid.pos_ != "NOUN" or bid.dep_ not in ("nsubj", "nsubjpass") or bid.tag_ != "NN" \
                    or any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in bid.children):
                continue
            bidder = next((p for c in bid.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                           for p in c.children if p.dep_ == "pobj"), None)
            verb = bid.head
            report = verb.head if verb.dep_ == "ccomp" else None
            if bidder is None or report is None or report.lemma_.lower() not in self.rules.reporting_verbs:
                continue
            speaker = next((c for c in report.children if c.dep_ == "nsubj"), None)
            if speaker is None:
                continue
            if speaker.lemma_.lower() in _GOVERNING:  # "the board of Cerved": the firm whose board it is
                speaker = next((p for c in speaker.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj"), None) or next(
                    (c for c in speaker.children if c.dep_ == "poss"), None)
            if speaker is None:
                continue
            out.append(dict(rule=_JUDGED_BID_RULE, predicate="bids-for", gerund=self.rules.gerunds.get("bids-for", "bidding-for"),
                            trig=bid, subj=bidder, obj=speaker, inherited=False, role=None, anchor=None, status="asserted"))
            lemma = verb.lemma_.lower()
            if lemma in _UNDERVALUING or lemma in _VALUING and any(c.dep_ == "neg" for c in verb.children):
                # "said the offer undervalued the company / did not reflect its value": the target rejects it
                out.append(dict(rule=_JUDGED_BID_RULE, predicate="opposes", gerund=self.rules.gerunds.get("opposes", "opposing"),
                                trig=bid, subj=speaker, obj=bidder, inherited=False, role=None, anchor=None,
                                status="asserted"))
        return out

    def _spun_from(self, doc: Doc) -> list[dict]:
        """divests candidates from a unit told as spun off from its parent: "Navient, spun off from Sallie Mae
        in 2014", "Motif, which was spun out of Ginkgo Bioworks", "Adevinta, the classifieds business spun off
        by Schibsted" (the parent after by, from or out of; the unit the participle describes)."""
        out = []
        for v in _with_lemma(doc, _SPUN_VERBS):
            if v.pos_ != "VERB" or not any(k.lower_ in ("off", "out") and k.dep_ in ("prt", "prep") for k in v.children):
                continue
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                unit = v.head  # "Navient, spun off from Sallie Mae"
            elif any(k.dep_ == "auxpass" for k in v.children):
                unit = next((k for k in v.children if k.dep_ == "nsubjpass"), None)  # "Motif, which was spun out of Y"
                if unit is not None and unit.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    unit = v.head
            elif not any(k.dep_ == "dobj" for k in v.children) and any(
                    k.dep_ == "prep" and k.lower_ in ("from", "out") for k in v.children):
                # "Halvard Lending Corp, spun off from Corvane Bank in 2014, said ...", parsed with "spun" as the
                # main verb: spinning off takes an object, so a subject without one is the unit
                unit = next((k for k in v.children if k.dep_ == "nsubj"), None)
            else:
                continue
            parent = next((p for k in v.children if k.dep_ in ("agent", "prep") and k.lower_ in ("by", "from", "of")
                           for p in k.children if p.dep_ == "pobj"), None) or next(
                (p for k in v.children if k.lower_ == "out" for o in k.children if o.lower_ == "of"
                 for p in o.children if p.dep_ == "pobj"), None)  # "spun out of Y"
            if unit is None or parent is None:
                continue
            out.append(dict(rule=_SPUN_RULE, predicate="divests", gerund=self.rules.gerunds.get("divests", "divesting"),
                            trig=v, subj=parent, obj=unit, inherited=False, role=None, anchor=None, status=None))
        return out

    def _joint_actions(self, doc: Doc) -> list[dict]:
        """partners-with candidates from two parties that act jointly: "Statoil agreed with Rosneft to jointly
        explore for oil" (the party named with "with"), "AbbVie agreed to pay Genmab $750 million upfront to
        jointly develop three antibodies" (the party paid or signed with, whose joint work the payment is for)."""
        out = []
        for adv in _with_lemma(doc, _JOINT_ADVERBS):
            verb = adv.head
            if adv.dep_ != "advmod" or verb.pos_ != "VERB" or verb.tag_ == "VBN" or verb.dep_ in ("amod", "acl"):
                continue  # (not "a jointly owned company", which other passes read)
            gov = next((a for a in verb.ancestors if a.pos_ == "VERB"), None) if verb.dep_ in ("xcomp", "advcl") else None
            subj, inherited = self._verb_subject(verb)
            if subj is None and gov is not None:
                subj, inherited = self._verb_subject(gov)[0], True  # "agreed to pay X $1 billion upfront to jointly ..."
            if subj is None:
                continue
            partner = None
            for v in (gov, verb) if gov is not None else (verb,):
                partner = next((p for k in v.children if k.dep_ == "prep" and k.lower_ == "with"
                                for p in k.children if p.dep_ == "pobj"), None)
                if partner is None and v is not verb and v.lemma_.lower() in _JOINT_PAYING:
                    partner = next((k for k in v.children if k.dep_ in ("dative", "dobj") and k.pos_ == "PROPN"), None)
                if partner is not None:
                    break
            if partner is None or partner.i == subj.i:
                continue
            out.append(dict(rule=_JOINT_RULE, predicate="partners-with",
                            gerund=self.rules.gerunds.get("partners-with", "partnering-with"), trig=verb, subj=subj,
                            obj=partner, inherited=inherited, role=None, anchor=None, status=None))
        return out

    def _said_wrongs(self, doc: Doc) -> list[dict]:
        """accuses candidates from wrongdoing a named reporter says a named party did: "The Justice Department
        said Odebrecht had paid about $788 million in bribes", "Healey said McKinsey had defrauded the state",
        "The FBI said North Korea was responsible for the theft". The reported clause must name its doer and
        an act of wrongdoing (``misconduct_verbs``; ``misconduct_nouns`` and ``wrongdoing_nouns`` in it), with no
        negation or modal ("said X would not mislead investors", "said X may have ...": no charge made)."""
        out = []
        for report in _with_lemma(doc, _SAYING):
            if report.pos_ != "VERB":
                continue
            reporter = next((k for k in report.children if k.dep_ == "nsubj"), None)
            clause = next((k for k in report.children if k.dep_ == "ccomp" and k.pos_ in ("VERB", "AUX")), None)
            if reporter is None or clause is None or reporter.pos_ != "PROPN":
                continue
            if any(k.dep_ == "neg" or k.dep_ == "aux" and k.lower_ in _MODALS for k in clause.children) \
                    or clause.lemma_.lower() in _PLEADING | _ADMITTING:
                continue  # (a plea or an admission reported is no charge of the reporter's: see _pleas)
            doer = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            if doer is None or doer.pos_ != "PROPN" or doer.i == reporter.i:
                continue
            if not any(t.pos_ == "VERB" and t.lemma_.lower() in _MISCONDUCT_VERBS
                       or t.pos_ == "NOUN" and t.lemma_.lower() in _MISCONDUCT_NOUNS for t in clause.subtree):
                continue
            out.append(dict(rule=_SAID_RULE, predicate="accuses", gerund=self.rules.gerunds.get("accuses", "accusing"),
                            trig=clause, subj=reporter, obj=doer, inherited=False, role=None, anchor=None,
                            status="asserted"))
        return out

    def _stakes(self, cands: list[dict]) -> None:
        """Stakes bought: "paid $16 billion for a 77 percent stake in Y" and "bought 60 percent of Y" hold
        a stake in Y (not a purchase of the stake noun); a majority stake bought is a purchase of Y too."""
        stake_gerund = self.rules.gerunds.get("holds-stake-in", "holding-stake-in")
        for c in list(cands):
            obj, trig = c["obj"], c["trig"]
            if c["predicate"] == "acquires" and obj is not None and (
                    obj.lemma_.lower() in _STAKES or obj.lower_ in _STAKES or obj.lemma_.lower() in _FRACTIONS):
                company = next((p for k in obj.children if k.dep_ == "prep" and k.lower_ in ("in", "of")
                                for p in k.children if p.dep_ == "pobj"), None)
                if company is None:
                    continue
                c.update(predicate="holds-stake-in", gerund=stake_gerund, obj=company)
                if _majority(obj, bought=True):
                    cands.append(dict(c, predicate="acquires", gerund="buying"))
                seller = next((k for k in obj.children if k.dep_ == "poss" and k.pos_ == "PROPN"), None)
                if seller is not None and trig.lemma_.lower() in _STAKE_PURCHASES:
                    # "agreed to buy Holcim's stakes in A and B": Holcim sells them
                    cands.append(dict(c, predicate="divests", gerund=self.rules.gerunds.get("divests", "divesting"),
                                      subj=seller, inherited=False))
            elif c["predicate"] == "holds-stake-in" and trig.pos_ == "NOUN" and (trig.lemma_.lower() in _STAKES or trig.lower_ in _STAKES):
                verb = trig.head if trig.dep_ == "dobj" else trig.head.head if trig.dep_ == "pobj" else None
                if verb is not None and verb.lemma_.lower() in _STAKE_PURCHASES and _majority(trig, bought=True):
                    cands.append(dict(c, predicate="acquires", gerund="buying"))
                if verb is not None and verb.lemma_.lower() in _STAKE_CUTS:
                    # "trimmed its stake in Y": part of it is sold, the rest still held
                    cands.append(dict(c, predicate="divests", gerund=self.rules.gerunds.get("divests", "divesting")))
            elif c["predicate"] == "invests-in" and trig.pos_ == "VERB" and any(
                    (t.lemma_.lower() in _STAKES or t.lower_ in _STAKES) and t.dep_ == "pobj" and t.head.lower_ == "for"
                    for t in trig.subtree):
                # "will invest $1 billion in Y for a 10 percent stake": the stake it buys
                cands.append(dict(c, predicate="holds-stake-in", gerund=stake_gerund))


    def _outcomes(self, doc: Doc, text: str, relations: dict) -> None:
        """A deal's outcome told later with the deal as subject -- "The deal closed in June", "The merger
        was abandoned after regulators objected", "the takeover collapsed" -- gives the nearest earlier
        purchase or merger of the document that status, on the outcome's sentence (the earlier sentence
        keeps its own status as its evidence says)."""
        deal_kinds = _ANAPHORS.get("deal", frozenset()) - {"bids-for"}
        verbs = {c.key: c.verbs for c in self.rules.statuses if c.key in ("completed", "denied")}
        at = self._trigger_at
        if not any(r.predicate in deal_kinds for r in relations.values()):
            return
        for tok in _with_lemma(doc, (w for w, kinds in _ANAPHORS.items() if kinds & deal_kinds)):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _ANAPHORS \
                    or not (_ANAPHORS[tok.lemma_.lower()] & deal_kinds) \
                    or not any(k.dep_ == "det" and k.lower_ in _DEFINITE for k in tok.children):
                continue
            verb = tok.head
            if verb.tag_ not in ("VBD", "VBN") or any(k.dep_ in ("aux", "neg") and k.lower_ not in ("was", "were", "has", "had", "have", "been", "be")
                                                      for k in verb.children):
                continue  # "is expected to close", "would be completed", "did not close": no outcome yet
            lemma = verb.lemma_.lower()
            passive = tok.dep_ == "nsubjpass"
            if lemma in verbs.get("completed", ()):
                status = "completed"
            elif passive and lemma in verbs.get("denied", ()) or lemma in _DEAL_FAILURES \
                    or lemma == "fall" and any(k.lower_ in ("through", "apart") for k in verb.children):
                status = "denied"
            else:
                continue
            ante = max(((key, r) for key, r in relations.items() if r.predicate in deal_kinds and at[key] < tok.i
                        and r.start < tok.sent.start_char), key=lambda kv: at[kv[0]], default=None)
            if ante is None or ante[1].status == status:
                continue
            rel = ante[1]
            start, end = tok.sent.start_char, tok.sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            key = (rel.subject, rel.predicate, rel.object, start)
            if key not in relations:
                relations[key] = replace(rel, status=status, label=self._label(rel.predicate, status),
                                         sentence=text[start:end], start=start, end=end,
                                         confidence=round(rel.confidence * 0.9, 2), trigger=verb.text,
                                         rule=f"{rel.rule}+outcome", event_date=None)
                at[key] = tok.i

    def _contest_bids(self, relations: dict) -> None:
        """A bidding contest has two bidders: "A outbid B" with A's purchase of or bid for C elsewhere in
        the document ("Disney completed its takeover of Fox, ending a contest in which it outbid Comcast")
        means both A and B bid for C. Added on the outbids sentence when the document does not say so."""
        rels = list(relations.values())
        for win in (r for r in rels if r.predicate == "outbids"):
            targets = [r for r in rels if r.subject == win.subject and r.predicate in ("bids-for", "acquires")
                       and r.object != win.object]
            if len({r.object for r in targets}) != 1:
                continue  # no target, or several: which one the contest was for is not clear
            target = targets[0]
            for bidder, btype in ((win.subject, win.subject_type), (win.object, win.object_type)):
                key = (bidder, "bids-for", target.object, win.start)
                if any(r.subject == bidder and r.predicate == "bids-for" and r.object == target.object for r in rels):
                    continue
                relations[key] = replace(
                    win, subject=bidder, subject_type=btype, predicate="bids-for", object=target.object,
                    object_type=target.object_type, status="asserted", label="bids-for",
                    confidence=round(win.confidence * 0.9, 2), rule=f"{win.rule}+contest")

    def _contest_winners(self, relations: dict) -> None:
        """The winner of a contest for a firm outbid the others that bid for it: "Occidental won its fight for
        Anadarko after Chevron declined to raise its offer" gives (Occidental, outbids, Chevron), on the
        winning sentence, for every other bidder for the same firm the sentence names."""
        rels = list(relations.values())
        wins = [r for r in rels if r.predicate == "acquires" and r.rule.startswith("won-auction-for") and r.status != "denied"]
        for win in wins:
            for rival in rels:
                if rival.predicate != "bids-for" or rival.object != win.object or rival.subject == win.subject \
                        or rival.start != win.start or rival.status == "denied" \
                        or any(w.subject == rival.subject and w.object == win.object for w in wins):
                    continue  # (not a co-winner: "TIM, Telefonica Brasil and Claro won the auction for Y")
                key = (win.subject, "outbids", rival.subject, win.start)
                if key not in relations:
                    relations[key] = replace(win, predicate="outbids", object=rival.subject,
                                             object_type=rival.subject_type, status="asserted", label="outbids",
                                             confidence=round(min(win.confidence, rival.confidence) * 0.9, 2),
                                             rule=f"{win.rule}+rival")

    @staticmethod
    def _contest_outcome(relations: dict, base: Relation, winner: tuple[str, str], loser: tuple[str, str],
                         bidder: tuple[str, str], target: tuple[str, str]) -> None:
        """(winner, outbids, loser) and the bidder's bid for the target, each a (name, type), on ``base``'s
        sentence; the bid only when the document does not have it yet (_ended_contests, _cleared_ways)."""
        start = base.start
        relations.setdefault((winner[0], "outbids", loser[0], start), replace(
            base, subject=winner[0], subject_type=winner[1], predicate="outbids", object=loser[0],
            object_type=loser[1], label="outbids"))
        if not any(r.subject == bidder[0] and r.predicate == "bids-for" and r.object == target[0]
                   for r in relations.values()):
            relations[(bidder[0], "bids-for", target[0], start)] = replace(
                base, subject=bidder[0], subject_type=bidder[1], predicate="bids-for", object=target[0],
                object_type=target[1], label="bids-for")

    def _spurned_rivals(self, relations: dict) -> None:
        """A target that agrees to one buyer while spurning or rejecting a rival's offer chose the buyer over the
        rival: "Y agreed to be acquired by X, spurning a rival cash offer from Z" gives (X, outbids, Z), when the
        sentence has one buyer of Y."""
        for r in list(relations.values()):
            if r.predicate != "bids-for" or r.rule != "bid-received-participle":
                continue
            buyers = {(d.subject, d.subject_type) for d in relations.values() if d.predicate == "acquires"
                      and d.start == r.start and d.object == r.object and d.subject != r.subject and d.status != "denied"}
            if len(buyers) != 1:
                continue
            (buyer, btype), = buyers
            if self.onto.allows("outbids", btype, r.subject_type):
                self._contest_outcome(relations, replace(r, rule="spurned-rival", confidence=round(r.confidence * 0.85, 2)),
                                      (buyer, btype), (r.subject, r.subject_type), (r.subject, r.subject_type),
                                      (r.object, r.object_type))

    def _ended_contests(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A purchase "ending a bidding war with" a rival was won over that rival: "AusNet agreed to be bought by
        Brookfield ..., ending a bidding war with APA Group" gives (Brookfield, outbids, APA Group) and APA's bid
        for AusNet, on that sentence, when the sentence has one buyer and one target."""
        for noun in _with_lemma(doc, _CONTEST_NOUNS):
            end = noun.head
            if noun.dep_ != "dobj" or end.lemma_.lower() not in ("end", "conclude", "close") or end.dep_ != "advcl":
                continue
            rivals = [p for k in noun.children if k.dep_ == "prep" and k.lower_ in ("with", "against")
                      for p in k.children if p.dep_ == "pobj"]
            if not rivals:
                continue
            sent = noun.sent
            deals = [r for r in relations.values() if r.start == sent.start_char and r.predicate == "acquires"
                     and r.status != "denied"]
            if len({(r.subject, r.object) for r in deals}) != 1:
                continue
            deal = deals[0]
            rival_toks = [t for r in rivals for t in (r, *r.conjuncts)]
            inner = [self._unwrap(t, "bids-for", subject=True) for t in rival_toks]  # "a consortium of A and B"
            rival_toks += [t for i in inner if i is not None for t in (i, *i.conjuncts)]
            for tok in rival_toks:
                res = ents.resolve(tok, acting=True)
                if res is None:
                    continue
                rival = ents.clusters[res[0]]
                if rival.name in (deal.subject, deal.object) or not self.onto.allows("outbids", deal.subject_type, rival.type):
                    continue
                base = replace(deal, status="asserted", role=None, trigger=noun.text, rule="contest-ended",
                               confidence=round(deal.confidence * 0.8, 2), event_date=None, attributed_to=None)
                self._contest_outcome(relations, base, (deal.subject, deal.subject_type), (rival.name, rival.type),
                                      (rival.name, rival.type), (deal.object, deal.object_type))

    def _cleared_ways(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A bidder that drops out "clearing the way for" another to buy the target was outbid by it: "CNOOC
        withdrew its bid for Unocal, clearing the way for Chevron to buy the California oil company" gives
        (Chevron, outbids, CNOOC) and Chevron's bid for Unocal, on that sentence, when the one who stepped aside
        bid for (or agreed to buy) exactly one firm in the document."""
        for way in _with_lemma(doc, ("way",)):
            clear = way.head
            if way.dep_ != "dobj" or clear.lemma_.lower() not in ("clear", "pave", "open"):
                continue
            buy = next((k for k in way.children if k.dep_ in ("relcl", "acl") and k.lemma_.lower() in _WINNING_VERBS), None) \
                or next((k for k in clear.children if k.dep_ in ("advcl", "xcomp") and k.lemma_.lower() in _WINNING_VERBS), None)
            winner = next((k for k in buy.children if k.dep_ == "nsubj"), None) if buy is not None else None
            loser = self._verb_subject(clear)[0]
            w_res = ents.resolve(winner, acting=True) if winner is not None else None
            l_res = ents.resolve(loser, acting=True) if loser is not None else None
            if w_res is None or l_res is None or w_res[0] == l_res[0]:
                continue
            win, lose = ents.clusters[w_res[0]], ents.clusters[l_res[0]]
            bids = [r for r in relations.values() if r.subject == lose.name and r.predicate in ("bids-for", "acquires")]
            if len({r.object for r in bids}) != 1 or bids[0].object == win.name:
                continue
            target = bids[0]
            sent = way.sent
            base = replace(target, status="asserted", role=None, sentence=sent.text, start=sent.start_char,
                           end=sent.end_char, trigger=way.head.text, rule="cleared-way",
                           confidence=round(target.confidence * 0.8, 2), event_date=None, attributed_to=None)
            if self.onto.allows("outbids", win.type, lose.type):
                self._contest_outcome(relations, base, (win.name, win.type), (lose.name, lose.type),
                                      (win.name, win.type), (target.object, target.object_type))

    def _agentless_sanctions(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A sanction told in the passive with no agent is the story's: "The Commerce Department added X to its
        Entity List. Y and Z were added at the same time" and "Velta Energy was also sanctioned" give the
        sanctioner of the sanctions told before, on the passive's sentence, when every sanction before it has
        the same sanctioner. "Added", "placed" and "put" count only with a list or sanctions after "to", "on" or
        "under", or right after a listing."""
        for verb in _with_lemma(doc, self._passive_sanctions):
            if verb.tag_ != "VBN" or any(k.dep_ == "agent" for k in verb.children):
                continue
            targets = [k for k in verb.children if k.dep_ == "nsubjpass"]
            if not targets or verb.dep_ in ("amod", "acl", "relcl"):
                continue  # "sanctioned firms", "the companies added to the list": not the news of the clause
            last = self._story_sanctioner(relations, verb.sent.start_char, before=True)
            if last is None:
                continue
            if verb.lemma_.lower() in _PASSIVE_SANCTIONS:
                onto = [p for k in verb.children if k.dep_ == "prep" and k.lower_ in ("to", "on", "under")
                        for p in k.children if p.dep_ == "pobj"]
                listed = any(t.lemma_.lower() in ("list", "blacklist", "sanction") for t in onto) \
                    or verb.lemma_.lower() in ("add", "list") and not onto and last.rule.startswith("list-add")
                if not listed and verb.lemma_.lower() not in ("target", "designate"):
                    continue
            sanctioner, stype = last.subject, last.subject_type
            sent = verb.sent
            for target in self._list_members(targets, ents):
                if target.name == sanctioner or not self.onto.allows("sanctions", stype, target.type):
                    continue
                key = (sanctioner, "sanctions", target.name, sent.start_char)
                if key not in relations:
                    relations[key] = replace(last, object=target.name, object_type=target.type, status="asserted",
                                             label="sanctions", sentence=sent.text, start=sent.start_char,
                                             end=sent.end_char, trigger=verb.text, rule="agentless-passive",
                                             confidence=round(last.confidence * 0.8, 2), event_date=None)

    def _story_sanctioner(self, relations: dict, at: int, before: bool = False) -> Relation | None:
        """The sanction the document told last up to character ``at`` (before it, with ``before``), when every
        sanction told so far, on named or on unnamed targets ("added 11 Chinese companies to its Entity List"),
        has the same sanctioner; else None."""
        told = [r for r in (*relations.values(), *self._unnamed_sanctions) if r.predicate == "sanctions"
                and (r.start < at if before else r.start <= at)]
        if len({(r.subject, r.subject_type) for r in told}) != 1:
            return None
        return max(told, key=lambda r: (r.start, bool(r.object)))

    def _accepted_takeovers(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A target that agreed to be bought accepted its buyer's offer: "Y agreed to be taken over by X",
        "Y agreed to a takeover by X", "Y accepted a takeover by X" give (X, bids-for, Y), asserted (the offer
        was made), on the purchase's sentence, when the document does not say so already."""
        for key, r in list(relations.items()):
            if r.predicate != "acquires" or key not in self._trigger_at:
                continue
            trig = doc[self._trigger_at[key]]
            if trig.pos_ == "VERB" and trig.dep_ == "xcomp" and any(k.dep_ == "auxpass" for k in trig.children):
                accept = trig.head  # "agreed to be bought by X"
            elif trig.pos_ == "NOUN":
                # "agreed to a takeover by X" / "accepted a takeover by X" ("by X" on the noun or the verb)
                accept = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ == "to" else \
                    trig.head if trig.dep_ == "dobj" else None
                if accept is None or not any(k.dep_ == "prep" and k.lower_ == "by" for t in (trig, accept) for k in t.children):
                    continue
            else:
                continue
            if accept.lemma_.lower() not in _ACCEPTING:
                continue
            target = next((k for k in accept.children if k.dep_ == "nsubj"), None)
            if target is not None and target.pos_ == "NOUN":  # "Mannesmann's supervisory board agreed to ..."
                target = next((k for k in target.children if k.dep_ == "poss"), None)
            res = ents.resolve(target, acting=True) if target is not None else None
            if res is None or ents.clusters[res[0]].name != r.object:
                continue
            if any(x.predicate == "bids-for" and x.subject == r.subject and x.object == r.object for x in relations.values()):
                continue
            relations[(r.subject, "bids-for", r.object, r.start)] = replace(
                r, predicate="bids-for", status="asserted", label="bids-for", rule=f"{r.rule}+accepted",
                confidence=round(r.confidence * 0.9, 2))

    @staticmethod
    def _reversed_purchases(relations: dict) -> None:
        """Two firms that buy each other on one sentence: the purchase read from "a deal valuing <description>"
        is the one that guessed wrong ("Maxar agreed to be acquired by Advent ..., in a deal valuing the
        satellite imagery company at $6.4 billion": the description is Maxar, not Advent)."""
        buys = {(r.subject, r.object, r.start): key for key, r in relations.items() if r.predicate == "acquires"}
        for (a, b, start), key in list(buys.items()):
            if (b, a, start) in buys and relations[key].rule.startswith("noun-valuing"):
                del relations[key]

    @staticmethod
    def _blocked_defendants(relations: dict) -> None:
        """A suit brought to block a deal opposes every defendant it names: "The FTC sued Edwards and JenaValve
        to block Edwards' planned acquisition of the heart valve maker" gives (FTC, opposes, JenaValve) as well
        as the buyer's, on the sentence where the suit's opposition was read."""
        rels = list(relations.values())
        for r in rels:
            if r.predicate != "opposes" or r.trigger.lower() not in _BLOCKING | {"stop", "prevent"} or not any(
                    x.predicate == "sues" and x.subject == r.subject and x.object == r.object and x.start == r.start
                    for x in rels):
                continue  # (the blocking of a sued party: "sued A ... to block ...")
            for x in rels:
                if x.predicate == "sues" and x.subject == r.subject and x.start == r.start and x.object != r.object \
                        and (r.subject, "opposes", x.object, r.start) not in relations:
                    relations[(r.subject, "opposes", x.object, r.start)] = replace(
                        r, object=x.object, object_type=x.object_type, rule=f"{r.rule}+defendant",
                        confidence=round(r.confidence * 0.9, 2))

    def _priced_purchases(self, doc: Doc, relations: dict) -> None:
        """A planned purchase of a company whose own sentence prices it per share is a bid for it ("Expedia
        agreed to buy Orbitz for $12 a share in cash"), however many purchases the document reports (the
        one-purchase case, with the price anywhere in the document, is _offered_purchases'). Not a unit its
        parent sells, which has no share price of its own."""
        rels = list(relations.values())
        for r in rels:
            if r.predicate != "acquires" or r.status != "planned" or r.object_type != "Company" or any(
                    x.predicate in ("bids-for", "outbids") and x.object == r.object for x in rels) or any(
                    x.predicate == "divests" and x.object == r.object or x.predicate == "subsidiary-of"
                    and x.subject == r.object for x in rels):
                continue
            sent = doc.char_span(r.start, r.end, alignment_mode="expand")
            price = next((t for t in sent or () if t.lower_ == "apiece" or t.lemma_ == "share" and t.i > 0
                          and doc[t.i - 1].lower_ in ("a", "per")), None) if sent is not None else None
            if price is not None:
                relations[(r.subject, "bids-for", r.object, r.start)] = replace(
                    r, predicate="bids-for", status="asserted", label="bids-for", role=None,
                    trigger=price.text, rule=f"{r.rule}+per-share", confidence=round(r.confidence * 0.8, 2))

    def _offered_purchases(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """The one purchase a document reports is what its offer is for: "Irongate agreed to buy Wexford ...
        The offer of 310 pence a share represents a premium of 38 percent" gives (Irongate, bids-for, Wexford)
        on the offer's sentence, when the document names one buyer and one target, no other bid, and the
        offer names no other owner, target or actor ("Mylan had fought off the drugmaker's offer")."""
        rels = list(relations.values())
        # (a purchase that failed was still bid for: "X's takeover of Y collapsed ... it had raised its offer")
        buys = {(r.subject, r.object) for r in rels if r.predicate == "acquires"}
        if len(buys) != 1:
            return
        ((buyer, target),) = buys
        if any(r.predicate in ("bids-for", "outbids") for r in rels):
            return  # a bid the text attributes already, the buyer's or another's: nothing is left to infer
        purchase = min((r for r in rels if r.predicate == "acquires"), key=lambda r: r.start)
        parties = {buyer, target}

        def named(tok: Token | None) -> str | None:
            res = ents.resolve(tok, acting=True) if tok is not None else None
            return ents.clusters[res[0]].name if res is not None else None

        for tok in _with_lemma(doc, _OFFER_NOUNS):
            if tok.pos_ != "NOUN" or any(k.dep_ in ("amod", "compound") and k.lower_ in _RIVAL_WORDS for k in tok.children):
                continue  # "a rival offer", "a competing bid": another bidder's
            owner = next((k for k in tok.children if k.dep_ == "poss" and k.lower_ not in ("its", "their")), None) or next(
                (p for k in tok.children if k.dep_ == "prep" and k.lower_ in ("by", "from") for p in k.children
                 if p.dep_ == "pobj"), None)
            if owner is not None and named(owner) != buyer:
                continue
            aim = next((p for k in tok.children if k.dep_ == "prep" and k.lower_ == "for" for p in k.children
                        if p.dep_ == "pobj"), None)
            if aim is not None and named(aim) not in (None, target):
                continue
            if tok.dep_ in ("dobj", "pobj", "nsubjpass"):  # "Mylan fought off ... offer": the actor is another firm
                verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                actor, _ = self._verb_subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
                if actor is not None and named(actor) not in (None, *parties):
                    continue
            sent = tok.sent
            key = (buyer, "bids-for", target, sent.start_char)
            relations[key] = replace(
                purchase, predicate="bids-for", status="asserted", label="bids-for", role=None,
                sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=tok.text,
                rule=f"{purchase.rule}+offer", confidence=round(purchase.confidence * 0.8, 2))
            return
        if purchase.status == "planned" and purchase.object_type == "Company" and not any(
                r.predicate == "divests" and r.object == target or r.predicate == "subsidiary-of" and r.subject == target
                for r in rels):
            # "agreed to buy Blue Buffalo for $40 a share in cash": a price offered to the target's shareholders
            # is a bid for it, though the text never calls it an offer (a unit a parent sells has no such price)
            price = next((t for t in doc if t.lower_ == "apiece" or t.lemma_ == "share" and t.i > 0
                          and doc[t.i - 1].lower_ in ("a", "per")), None)
            if price is not None:
                relations[(buyer, "bids-for", target, purchase.start)] = replace(
                    purchase, predicate="bids-for", status="asserted", label="bids-for", role=None,
                    trigger=price.text, rule=f"{purchase.rule}+per-share", confidence=round(purchase.confidence * 0.8, 2))

    def _label(self, predicate: str, status: str, gerund: str | None = None) -> str:
        """A relation's display label: the predicate when asserted, else the status and the gerund
        ("plans-taking-stake-in"); the gerund defaults to the predicate's own (gerunds in triggers.yaml)."""
        prefix = self.status_labels.get(status)
        if not prefix:
            return predicate
        return f"{prefix}-{gerund or self.rules.gerunds.get(predicate, predicate)}"

    @staticmethod
    def _sold_units(relations: dict) -> None:
        """A unit its parent has sold is no longer held: "Hartwell Media sold its magazine division, Hartwell
        Press" keeps the divestment but not the holding that "its unit, Y" gives (a sale still to come keeps
        both; so does a spin-off, of which a parent often keeps part)."""
        done = {(r.subject, r.object) for r in relations.values() if r.predicate == "divests" and r.status in _DONE
                and not any(w in r.trigger.lower() for w in _SPIN_WORDS)}  # a parent may keep part of a spin-off
        for key, r in list(relations.items()):
            if r.predicate == "holds-stake-in" and r.rule.endswith("+parent") and (r.subject, r.object) in done:
                del relations[key]

    def _parents_sales(self, relations: dict) -> None:
        """A unit bought from its named parent is the parent's sale: "Seplat agreed to buy ExxonMobil's Nigerian
        unit, Mobil Producing Nigeria" gives (ExxonMobil, divests, Mobil Producing Nigeria) with the purchase's
        status, on the sentence that names both the purchase and the parent."""
        parents = {(r.subject, r.start): r for r in relations.values() if r.predicate == "subsidiary-of" and r.status != "denied"}
        sold = {(r.subject, r.object) for r in relations.values() if r.predicate == "divests"}
        for r in list(relations.values()):
            unit = parents.get((r.object, r.start)) if r.predicate == "acquires" and r.status != "denied" else None
            if unit is None or unit.object == r.subject or (unit.object, r.object) in sold:
                continue
            sold.add((unit.object, r.object))
            relations[(unit.object, "divests", r.object, r.start)] = replace(
                r, subject=unit.object, subject_type=unit.object_type, predicate="divests",
                label=self._label("divests", r.status), role=None, rule=f"{r.rule}+parent-seller",
                confidence=round(min(r.confidence, unit.confidence) * 0.9, 2))

    def _named_sellers(self, ents: DocEntities, relations: dict) -> None:
        """A unit bought that bears the name of another firm of the story is that firm's sale: "Royal Bank of
        Canada completed its purchase of HSBC Bank Canada" gives (HSBC Holdings, divests, HSBC Bank Canada) with
        the purchase's status, when the document names HSBC Holdings. The parent's name must open the unit's,
        whole ("Smiths" in "Smiths Medical") or without its legal form ("Toshiba Corp" in "Toshiba Visual
        Solutions"); a document with two such firms names the one whose whole name opens the unit's."""
        forms = ents.linker.legal_forms
        firms = [c for c in ents.clusters if c.type in ("Company", "Organization")]
        sold = {r.object for r in relations.values() if r.predicate == "divests"}
        for r in list(relations.values()):
            if r.predicate != "acquires" or r.status == "denied" or r.object in sold:
                continue
            unit = r.object.split()
            whole, bare = [], []
            for c in firms:
                words = c.name.split()
                if c.name in (r.object, r.subject) or r.object in c.aliases or r.subject in c.aliases:
                    continue
                core = words[:-1] if len(words) > 1 and words[-1].rstrip(".") in forms else words
                if len(words) < len(unit) and unit[:len(words)] == words:
                    whole.append(c)
                elif core is not words and len(core) < len(unit) and unit[:len(core)] == core:
                    bare.append(c)
            found = whole or bare
            if len(found) != 1:
                continue
            parent = found[0]
            sold.add(r.object)
            relations[(parent.name, "divests", r.object, r.start)] = replace(
                r, subject=parent.name, subject_type=parent.type, predicate="divests",
                label=self._label("divests", r.status), role=None, rule=f"{r.rule}+named-seller",
                confidence=round(r.confidence * 0.8, 2))

    def _bare_stakes(self, doc: Doc, ents: DocEntities, relations: dict, doc_id: str) -> None:
        """A stake told with its size but not its company names the one other firm of the sentence: "Corvane
        shares jumped after Halvard said it had built a 7 percent stake" gives (Halvard, holds-stake-in,
        Corvane). The stake noun has a percentage and no "in" or "of"; its holder is the subject of its verb;
        any other number of firms in the sentence leaves it alone."""
        for noun in _with_lemma(doc, ("stake", "holding", "shareholding")):
            if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or any(
                    k.dep_ == "prep" and k.lower_ in ("in", "of") for k in noun.children):
                continue
            if not any(t.lower_ in ("percent", "%", "pct") for t in noun.subtree):
                continue
            verb = noun.head
            if verb.lemma_.lower() not in _STAKE_BUILDING or any(
                    k.dep_ in ("poss", "acl") or k.dep_ == "prep" and k.lower_ in ("from", "to") for k in noun.children):
                continue  # "sold a 5 percent stake", "bought a stake from X", "its stake": not a holding of the other firm
            subj = self._verb_subject(verb, ("nsubj",))[0]
            res = ents.resolve(subj, acting=True) if subj is not None else None
            if res is None or ents.clusters[res[0]].type not in ("Company", "Organization", "Person"):
                continue
            holder = ents.clusters[res[0]]
            sent = noun.sent
            firms = {ents.mentions[ents.token_mention[t.i]].cluster for t in sent if ents.token_mention[t.i] != -1
                     and ents.clusters[ents.mentions[ents.token_mention[t.i]].cluster].type == "Company"} - {res[0]}
            if len(firms) != 1:
                continue
            held = ents.clusters[firms.pop()]
            key = (holder.name, "holds-stake-in", held.name, sent.start_char)
            if key in relations or any(r.predicate == "holds-stake-in" and r.subject == holder.name
                                       and r.start == sent.start_char for r in relations.values()):
                continue
            status = self._status(verb, None)
            relations[key] = Relation(
                subject=holder.name, subject_type=holder.type, predicate="holds-stake-in", object=held.name,
                object_type=held.type, status=status, label=self._label("holds-stake-in", status), role=None,
                confidence=0.6, attributed_to=None, doc_id=doc_id,
                sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=noun.text, rule="bare-stake")

    def _implied_holdings(self, ents: DocEntities, relations: dict) -> None:
        """Holdings that other relations imply, on their sentence:
        - a seller holds what it has not sold yet: "Whitbread agreed to sell Costa Coffee", "will buy AOC from
          Lone Star Funds", "denied it was exploring a sale of Ostara Agri" (asserted); a sale done ("sold",
          "completed the sale") gives none;
        - control bought is a majority held: "KKR took control of Fuji Soft", "will take full control of NTT
          Docomo" (with the purchase's status, as a majority stake bought does);
        - money put into a company buys a stake in it: "Nvidia will invest $5 billion in Intel", "led a funding
          round in Wayve" (with the investment's status; a factory or project funded, or a place invested in
          that NER took for a firm, is no holding)."""
        held = {(r.subject, r.object) for r in relations.values() if r.predicate == "holds-stake-in"}
        for r in list(relations.values()):
            if r.predicate == "divests" and r.status not in _DONE:
                status, suffix, confidence = "asserted", "+seller", round(r.confidence * 0.9, 2)
            elif r.predicate == "acquires" and r.trigger.lower() in _CONTROL_NOUNS:
                status, suffix, confidence = r.status, "+control", r.confidence
            elif r.predicate == "invests-in" and r.object_type == "Company" and normalize(r.object) not in ents.linker.known_places:
                status, suffix, confidence = r.status, "+investor", r.confidence
            else:
                continue
            if (r.subject, r.object) in held:
                continue
            held.add((r.subject, r.object))
            relations[(r.subject, "holds-stake-in", r.object, r.start)] = replace(
                r, predicate="holds-stake-in", status=status, label=self._label("holds-stake-in", status), role=None,
                rule=f"{r.rule}{suffix}", confidence=confidence)

    def _unowned_rest(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """"Rio Tinto raised its offer for the 49 percent of Turquoise Hill it does not already own", "agreed to
        pay $20.1 billion for the half of Grupo Modelo it did not already own": whoever bids for or buys the
        part of Y it does not own holds the rest of Y. Read from the words, since the parser often hangs the
        clause elsewhere: a part ("the third of Y", "the Y shares") right before "it does not own". Added
        on that sentence, for the one bidder or buyer of Y there."""
        parts = _PORTIONS | _FRACTIONS | _STAKES
        for verb in _with_lemma(doc, _OWNERSHIP | {"hold"}):
            subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ not in ("it", "they", "which", "that") or subj.i == 0 \
                    or not any(k.dep_ == "neg" for k in verb.children):
                continue
            last = doc[subj.i - 1]  # the end of "the 49 percent of Turquoise Hill" or "the Modelo shares"
            if last.lemma_.lower() in parts:
                owned = next((t for t in reversed(doc[last.sent.start:last.i]) if t.dep_ == "compound"
                              and t.head.i == last.i), None)
            else:
                root = last if last.dep_ != "compound" else last.head
                prep = root.head if root.dep_ == "pobj" else None
                owned = last if prep is not None and prep.lower_ in ("of", "in") and prep.head.lemma_.lower() in parts else None
            res = ents.resolve(owned, acting=False) if owned is not None else None
            if res is None:
                continue
            target = ents.clusters[res[0]].name
            start = verb.sent.start_char
            deals = [r for r in relations.values() if r.start == start and r.object == target
                     and r.predicate in ("acquires", "bids-for") and r.status != "denied"]
            if len({r.subject for r in deals}) != 1:
                continue
            deal = deals[0]
            key = (deal.subject, "holds-stake-in", target, start)
            if key not in relations:
                relations[key] = replace(deal, predicate="holds-stake-in", status="asserted", label="holds-stake-in",
                                         trigger=verb.text, rule=f"{deal.rule}+rest", role=None,
                                         confidence=round(deal.confidence * 0.9, 2))

    def _named_parents(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """holds-stake-in candidates from a parent or owner named beside what it owns: "Google parent Alphabet",
        "Coach owner Tapestry", "Google's parent Alphabet", "TikTok and its Chinese parent ByteDance"."""
        out = []
        for noun in _with_lemma(doc, _PARENT_NOUNS):
            if noun.pos_ != "NOUN":
                continue
            if any(k.lower_ in self.rules.role_blockers for k in noun.children):
                continue  # "Inmarsat's former owners"
            base = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun  # "parent company"
            if base.dep_ == "compound" and base.head.pos_ == "PROPN":
                parent = base.head  # "Google parent Alphabet Inc"
            else:
                parent = next((k for k in base.children if k.dep_ == "appos" and k.pos_ == "PROPN"), None)
            around = [noun, base] + ([parent] if parent is not None and parent.i == base.head.i else [])
            owned = next((k for t in around for k in t.children if k.dep_ in ("compound", "poss")
                          and k.pos_ in ("PROPN", "NOUN") and k.i < noun.i), None)  # "Google's parent Alphabet"
            conj = next((t for t in reversed(around) if t.dep_ == "conj"), None)
            if owned is None and conj is not None and any(
                    k.dep_ == "poss" and k.lower_ in ("its", "their") for t in around for k in t.children):
                owned = conj.head  # "TikTok and its parent ByteDance", "Prosus and its parent Naspers"
            if parent is not None and owned is not None:
                out.append(dict(rule=_NAMED_PARENT_RULE, predicate="holds-stake-in", gerund=self.rules.gerunds.get(
                    "holds-stake-in", "holding-stake-in"), trig=noun, subj=parent, obj=owned, inherited=False,
                    role=None, anchor=None, status="asserted", title_org=True))  # (the one name, not its conjuncts)
        return out

    def _appointments(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """works-for candidates from an appointment the dependency patterns miss: "CSX named Hunter Harrison its
        chief executive" (the role parsed as the name's appositive), "Hyundai Motor named Jose Munoz, its chief
        operating officer, as its next chief executive" (the parser's "a motor named X": the firm is the head the
        verb hangs on), and the appointee's present role "its chief operating officer" at the same firm."""
        out = []
        heads, tm = self.rules.role_heads, ents.token_mention
        for verb in _with_lemma(doc, _APPOINTING):
            if verb.pos_ != "VERB":
                continue
            person = next((k for k in verb.children if k.dep_ in ("dobj", "oprd") and tm[k.i] != -1
                           and ents.clusters[ents.mentions[tm[k.i]].cluster].type == "Person"), None)
            if person is None:
                continue
            if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.dep_ == "ROOT" and tm[verb.head.i] != -1:
                firm, holders = verb.head, (verb, verb.head)  # "Hyundai Motor named X ... as ...": one clause
            else:
                firm, holders = self._verb_subject(verb)[0], (verb,)
            if firm is None or any(t.lower_ in self.rules.role_blockers for t in doc[verb.i:person.i]):
                continue
            roles = [a for a in person.children if a.dep_ == "appos" and a.lemma_.lower() in heads
                     and any(k.dep_ == "poss" and k.lower_ == "its" for k in a.children)]  # "X, its chief operating officer"
            roles += [p for h in holders for k in h.children if k.dep_ == "prep" and k.lower_ == "as" and k.i > person.i
                      for p in k.children if p.dep_ == "pobj" and p.lemma_.lower() in heads]
            for role in roles:
                if any(t.dep_ == "prep" and t.lower_ in ("of", "at") for t in role.subtree):
                    continue  # "as the next chief executive of Air India": the patterns read the named employer
                words = [t for t in role.subtree if t.i <= role.i and t.dep_ not in ("poss", "det", "punct")
                         and t.lower_ not in ("next", "new")]
                out.append(dict(rule=_APPOINTED_RULE, predicate="works-for", gerund="working-for", trig=role,
                                subj=person, obj=firm, inherited=False, anchor=None, status="asserted",
                                role=" ".join(t.text for t in words).lower(), title_org=True))
        return out

    def _leaving_holders(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """works-for candidates from a holder who is about to leave a post or stays on, the firm named only by the
        clause above: "Warner Music Group named X as its next chief executive, succeeding Stephen Cooper, who
        will step down early next year", "Woolworths Group said Brad Banducci will step down as chief
        executive", "succeeding Kenichiro Yoshida, who will remain chairman". Not a departure told in the past
        ("who stepped down in May"), nor a successor's predecessor the text says nothing more of."""
        out = []
        heads, tm = self.rules.role_heads, ents.token_mention
        for verb in _with_lemma(doc, _STAYING):
            lemma = verb.lemma_
            if verb.pos_ not in ("VERB", "AUX") or verb.tag_ in ("VBD", "VBN"):
                continue
            if lemma == "step" and not any(k.dep_ in ("prt", "advmod") and k.lower_ in ("down", "aside") for k in verb.children):
                continue
            person = next((k for k in verb.children if k.dep_ == "nsubj"), None)
            if person is not None and person.lower_ == "who" and verb.dep_ == "relcl":
                person = verb.head
            if person is None or tm[person.i] == -1 or ents.clusters[ents.mentions[tm[person.i]].cluster].type != "Person":
                continue
            role = next((p for k in verb.children if k.dep_ == "prep" and k.lower_ == "as" for p in k.children
                         if p.dep_ == "pobj" and p.lemma_.lower() in heads), None) or next(
                (k for k in verb.children if k.dep_ in ("attr", "oprd", "acomp", "xcomp") and k.lemma_.lower() in heads), None)
            if lemma == "remain" and role is None:
                continue  # "who will remain with the company" says no post
            if role is not None and any(k.dep_ == "prep" and k.lower_ in ("of", "at") for k in role.children):
                continue  # "step down as chief executive of Acme": the patterns read the named firm
            firm = None
            for a in verb.ancestors:
                if a.pos_ not in ("VERB", "AUX") or a.i == verb.i:
                    continue
                s = next((k for k in a.children if k.dep_ == "nsubj" and tm[k.i] != -1), None)
                if s is not None and ents.clusters[ents.mentions[tm[s.i]].cluster].type in ("Company", "Organization"):
                    firm = s
                    break
            if firm is not None:
                words = [t for t in role.subtree if t.i <= role.i and t.dep_ not in ("poss", "det")] if role is not None else []
                out.append(dict(rule=_LEAVING_RULE, predicate="works-for", gerund="working-for", trig=verb,
                                subj=person, obj=firm, inherited=True, anchor=None, status="asserted",
                                role=" ".join(t.text for t in words).lower() or None, title_org=True))
        return out

    def _round_members(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """invests-in candidates (the holding follows, see _implied_holdings) for the investors of a funding
        round named apart from the company that raised it: "Hugging Face raised $235 million in a funding round
        ... Salesforce Ventures led the round, which also included Google, Amazon and Nvidia", "SAP also took
        part in the round". The company is the round's own "for"/"in" object, else the one subject of "raise"
        in the document whose money went into a round."""
        rounds = [t for t in _with_lemma(doc, _ROUND_NOUNS) if t.pos_ == "NOUN"]
        if not rounds:
            return []
        raisers = {}
        for verb in _with_lemma(doc, ("raise",)):
            if verb.pos_ == "VERB" and any(p.lemma_.lower() in _ROUND_NOUNS for k in verb.children
                                           if k.dep_ == "prep" and k.lower_ == "in" for p in k.children):
                subj = self._verb_subject(verb)[0]
                res = ents.resolve(subj, acting=True) if subj is not None else None
                if res is not None and ents.clusters[res[0]].type == "Company":
                    raisers.setdefault(res[0], subj)
        out = []
        gerund = self.rules.gerunds.get("invests-in", "investing-in")
        for r in rounds:
            company = next((p for k in r.children if k.dep_ == "prep" and k.lower_ in ("in", "for", "into")
                            for p in k.children if p.dep_ == "pobj"), None)
            if company is None and len(raisers) == 1 and any(k.dep_ == "det" and k.lower_ in _DEFINITE for k in r.children):
                company = next(iter(raisers.values()))  # "the round": the one raised in the document
            if company is None:
                continue
            investors = []
            if r.dep_ == "dobj" and r.head.lemma_.lower() in _ROUND_LEADING:
                investors += [k for k in r.head.children if k.dep_ == "nsubj"]  # "X led the round"
            if r.dep_ == "pobj" and r.head.lower_ == "in" and (r.head.head.lemma_.lower() in ("participate", "invest")
                                                              or r.head.head.lemma_.lower() == "take" and any(
                        k.dep_ == "dobj" and k.lower_ == "part" for k in r.head.head.children)):
                investors += [k for k in r.head.head.children if k.dep_ == "nsubj"]  # "X took part in the round"
            # "the round, which also included A, B and C" (the names read as a run: the parser splits such lists)
            listed = [n for k in r.children if k.dep_ == "relcl" and k.lemma_.lower() == "include"
                      for d in k.children if d.dep_ == "dobj"
                      for n in (self._name_run(ents, d.left_edge.i, r.sent.end) or [d])]
            if not investors and not listed or any(k.dep_ == "prep" and k.lower_ in ("in", "for", "into") for k in r.children):
                continue  # (none named, or "led a funding round in Y", which the patterns read)
            out.extend(dict(rule=_ROUND_RULE, predicate="invests-in", gerund=gerund, trig=r, subj=inv, obj=company,
                            inherited=False, role=None, anchor=None, status="asserted",
                            title_org=inv in listed) for inv in investors + listed)
        return out

    @staticmethod
    def _name_run(ents: DocEntities, k: int, stop: int, described: bool = False) -> list[Token]:
        """The last tokens of the names listed from token k on, before token stop: "A, B and C" (names
        joined by commas and "and"; described: each name may carry lower-case words after it, "the Bushnell
        optics and Bell helmet brands", or before it, "including bond manager A and equity specialist B");
        [] when no name starts at k."""
        doc, tm = ents.doc, ents.token_mention
        out = []
        while True:
            j = k
            while described and j < stop:
                if (doc[j].pos_ in ("NOUN", "ADJ") or doc[j].tag_ == "VBG") and (
                        doc[j].is_lower or doc[j].ent_type_ == "NORP" and tm[j] == -1) \
                        or doc[j].lower_ in ("its", "their") and j + 1 < stop and doc[j + 1].pos_ in ("NOUN", "ADJ"):
                    j += 1  # a descriptor before the name ("Australian bus company Kinetic", "its parent Phoenixus AG")
                    continue
                place = ents.mentions[tm[j]] if tm[j] != -1 and ents.mentions[tm[j]].start == j else None
                e = place.end if place is not None else j
                while e < stop and doc[e].is_lower and doc[e].pos_ == "NOUN":
                    e += 1
                if place is not None and place.end + 1 < stop and (
                        ents.clusters[place.cluster].type in ("Country", "Place", "GovernmentBody")
                        and doc[place.end].tag_ == "POS"
                        or e > place.end and e < stop and tm[e] != -1 and ents.mentions[tm[e]].start == e):
                    # "Russia's Rosneft", "Abu Dhabi investment firm MGX": the place or name describes the name after it
                    j = e if e > place.end else place.end + 1
                    continue
                break
            if j < stop and tm[j] != -1 and ents.mentions[tm[j]].start == j:
                k = j
            if not (k < stop and tm[k] != -1 and ents.mentions[tm[k]].start == k and ents.mentions[tm[k]].end <= stop):
                break
            k = ents.mentions[tm[k]].end
            out.append(doc[k - 1])
            k += k < stop and doc[k].tag_ == "POS"  # "Arby's" named without its "'s"
            j = k
            while described and j < stop and doc[j].pos_ == "NOUN" and doc[j].is_lower:
                j += 1
            if j < stop and (doc[j].text == "," or doc[j].lower_ == "and"):
                k = j
            comma = k < stop and doc[k].text == ","
            k += comma
            if k < stop and doc[k].lower_ == "and":
                k += 1
            elif not comma:
                break
        return out

    def _unit_lists(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """subsidiary-of candidates (the owner's holdings follow, see _emit) for the names a firm's units,
        brands or chains are listed by: before the noun ("its American Tourister and Hartmann brands"), after
        it ("Pepco Holdings' utilities, Pepco, Delmarva Power and Atlantic City Electric", "two subsidiaries
        of BGI, A and B", "Legg Mason's affiliates, including bond manager A and equity specialist B"), or after the verb it includes them with ("its brands include A and B"). The owner
        is the noun's possessor, its "of" firm, or the firm that runs, owns or operates it ("runs the Arby's
        and Sonic restaurant chains"). A person's name in such a list is the brand's (Jimmy John's)."""
        out = []
        tm = ents.token_mention
        gerund = self.rules.gerunds.get("subsidiary-of", "being-subsidiary-of")
        self._unit_members: dict[int, list[Token]] = {}  # unit noun -> its named members (objects, see find)

        def owner_like(tok: Token) -> bool:
            if tok.lower_ in ("its", "their"):
                return True
            mi = tm[tok.i]
            # a possessor NER took for a person may be a firm or an owner (_emit makes a person's unit a holding);
            # a person who runs a brand only manages it ("Filosa previously ran the Jeep brand")
            kinds = ("Company", "Organization", "Person") if tok.dep_ == "poss" else ("Company", "Organization")
            return mi != -1 and ents.clusters[ents.mentions[mi].cluster].type in kinds

        for noun in _with_lemma(doc, _UNIT_LIST_NOUNS | _OWNED_GROUP_NOUNS):
            if noun.pos_ != "NOUN":
                continue
            # "Oleg Deripaska and companies he controls, including A and B", "three channels he owns, A, B and C":
            # the owner is the clause's subject (a pronoun: the name the noun is coordinated with)
            ruled = next((k for k in noun.children if k.dep_ == "relcl" and k.lemma_.lower() in _UNIT_RUNNING
                          and not any(c.dep_ in ("dobj", "nsubjpass") for c in k.children)), None) \
                if noun.tag_ == "NNS" else None
            ruler = next((c for c in ruled.children if c.dep_ == "nsubj"), None) if ruled is not None else None
            if ruler is None and noun.lemma_.lower() not in _UNIT_LIST_NOUNS:
                continue
            top = noun
            while top.dep_ == "conj" and (top.head.pos_ == "PROPN" or top.head.pos_ == "NOUN" and any(
                    k.dep_ == "compound" and k.pos_ == "PROPN" for k in top.head.children)):
                # "runs the Arby's, Buffalo Wild Wings and Sonic restaurant chains", "the Bushnell optics and Bell
                # helmet brands": the names' head (not "Kraken's parent, Payward Inc, and an affiliate")
                top = top.head
            # the possessive of the noun phrase, wherever the parser hung it ("its A and B brands": on A)
            owner = next((t for t in doc[min(top.left_edge.i, noun.left_edge.i):noun.i] if t.dep_ == "poss"), None)
            left = owner.right_edge.i + 1 if owner is not None else noun.left_edge.i
            if owner is None:
                owner = next((p for k in noun.children if k.dep_ == "prep" and k.lower_ == "of"
                              for p in k.children if p.dep_ == "pobj"), None)
            if owner is None and ruler is not None:
                owner = noun.head if ruler.lower_ in _RULER_PRONOUNS and noun.dep_ == "conj" \
                    and noun.head.pos_ == "PROPN" else ruler
                left = noun.left_edge.i
            if owner is None and top.dep_ == "dobj" and top.head.lemma_.lower() in _UNIT_RUNNING:
                owner = self._verb_subject(top.head)[0]
                left = top.left_edge.i
            elif owner is None and top.dep_ == "pobj" and (
                    top.head.lower_ == "behind" or top.head.lower_ == "of" and top.head.head.lemma_.lower() in _PARENT_NOUNS):
                # "Endeavour Group, the owner of the Dan Murphy's and BWS liquor chains", "JDE Peet's, the coffee
                # group behind the Jacobs and L'Or brands"
                h = top.head.head
                owner = h.head if h.dep_ == "appos" and h.head.pos_ == "PROPN" else None
                left = top.left_edge.i
            if owner is None or not (owner_like(owner) or ruler is not None and (
                    owner.lower_ in _RULER_PRONOUNS or tm[owner.i] != -1
                    and ents.clusters[ents.mentions[tm[owner.i]].cluster].type == "Person")):
                continue
            members = []
            k = next((j for j in range(left, noun.i) if tm[j] != -1), None)
            if k is not None and not (noun.tag_ == "NN" and (noun.i + 1 < len(doc) and tm[noun.i + 1] != -1 or any(
                    a.dep_ == "appos" and tm[a.i] != -1 and a.left_edge.i == noun.i + 2 and doc[noun.i + 1].text == ","
                    for a in noun.children))):
                # (not "its DIY chain Homebase", "its lotteries and Keno business, The Lottery Corporation": the
                # name after the noun is the unit's)
                members += self._name_run(ents, k, noun.i, described=True)  # "its A and B brands"
            if noun.tag_ == "NN" and noun.i + 1 < len(doc) and tm[noun.i + 1] != -1 and owner.i < noun.i \
                    and ents.mentions[tm[noun.i + 1]].start == noun.i + 1:
                # "Meta's messaging service WhatsApp", "its DIY chain Homebase": the name right after the noun
                members.append(doc[ents.mentions[tm[noun.i + 1]].end - 1])
            if noun.tag_ == "NNS":
                # "two subsidiaries of BGI, A and B" (the names may be parsed as the owner's conjuncts)
                after = ruled.right_edge.i + 1 if ruled is not None \
                    else ents.mentions[tm[owner.i]].end if owner.i > noun.i else noun.i + 1
                after += after < len(doc) and doc[after].text == ","
                including = after < len(doc) and doc[after].lower_ == "including"
                members += self._name_run(ents, after + including, noun.sent.end, described=including)
                if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in _UNIT_LISTING:
                    members += self._name_run(ents, noun.head.i + 1, noun.sent.end)  # "its brands include A, B"
            for m in members:
                mention = ents.mentions[tm[m.i]]
                cluster = ents.clusters[mention.cluster]
                if mention.text != cluster.name and cluster.name.startswith(mention.text + " "):
                    continue  # "its Warner Bros film studios" linked to Warner Bros Discovery: a short form, no unit
                if cluster.type == "Person":
                    cluster.type = "Company"
                if m.i == owner.i or cluster.type not in ("Company", "Organization"):
                    continue
                self._unit_members.setdefault(noun.i, []).append(m)
                out.append(dict(rule=_UNIT_LISTS_RULE, predicate="subsidiary-of", gerund=gerund, trig=noun, subj=m,
                                obj=owner, inherited=False, role=None, anchor=None, status="asserted", title_org=True,
                                firm_owner=True))
        return out

    def _state_owned(self, doc: Doc) -> list[dict]:
        """holds-stake-in candidates from a firm its state owns: "Turkey's state-owned Halkbank", "Brazil's
        state-controlled oil company Petrobras", "Chinese state-run X", "Cubametales, Cuba's state-run oil
        importer" (the state named in the same noun phrase)."""
        out = []
        for t in doc:
            if t.lower_ not in _STATE_OWNED or t.dep_ != "amod" or t.i < 2 or doc[t.i - 1].text != "-" \
                    or doc[t.i - 2].lower_ not in _STATE_WORDS:
                continue
            head = t.head
            firm = head if head.pos_ == "PROPN" else next(
                (k for k in head.children if k.dep_ == "appos" and k.pos_ == "PROPN"), None) or (
                head.head if head.dep_ == "appos" and head.head.pos_ == "PROPN" else None)  # "Cubametales, Cuba's state-run oil importer"
            state = next((k for k in head.children if k.dep_ == "poss" and k.ent_type_ == "GPE"), None) or next(
                (k for k in head.children if k.dep_ in ("amod", "compound") and k.i < t.i
                 and k.ent_type_ in ("GPE", "NORP")), None)
            if firm is not None and state is not None:
                out.append(dict(rule=_STATE_OWNED_RULE, predicate="holds-stake-in", gerund=self.rules.gerunds.get(
                    "holds-stake-in", "holding-stake-in"), trig=t, subj=state, obj=firm, inherited=False, role=None,
                    anchor=None, status="asserted", title_org=True))
        return out

    def _subject_run(self, verb: Token, ents: DocEntities) -> list[Token]:
        """The names listed as a verb's subject, read from the text when they fill it exactly ("OpenAI,
        SoftBank Group, Oracle and Abu Dhabi investment firm MGX are forming ...", which the parser splits);
        [] unless three or more."""
        ns = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if ns is None:
            return []
        until = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb.i])
        if ns.left_edge.i >= until:
            return []
        run = self._name_run(ents, ns.left_edge.i, until, described=True)
        return run if len(run) >= 3 and run[-1].i + 1 == until else []

    def _listed_members(self, group: Token | None, ents: DocEntities) -> list[Token]:
        """The named members listed after "a consortium of" (or syndicate, group), by the text: "a consortium of
        Blackstone Infrastructure Partners, Global Infrastructure Partners and Cascade Investment", "a consortium
        of Australian bus company Kinetic and Spanish infrastructure investor Globalvia"."""
        if group is not None and group.dep_ == "pobj" and group.head.lower_ == "of" and group.head.head.pos_ == "NOUN":
            group = group.head.head  # the member the parser hung on "of"
        if group is None or group.pos_ != "NOUN" or group.lemma_.lower() not in _MEMBER_GROUPS \
                or ents.token_mention[group.i] != -1:
            return []
        of = next((k for k in group.children if k.dep_ == "prep" and k.lower_ == "of"), None)
        return self._name_run(ents, of.i + 1, group.sent.end, described=True) if of is not None else []

    @staticmethod
    def _paired_possessors(tok: Token, ents: DocEntities) -> list[Token]:
        """The first firm of "Canada's Intact Financial and Denmark's Tryg" when the parser made it the
        possessor of the second ("[Intact Financial and Denmark]'s Tryg"): a firm possessor with a place
        conjunct that has its own "'s"."""
        doc, tm = tok.doc, ents.token_mention
        out = []
        for k in tok.children:
            if k.dep_ != "poss" or tm[k.i] == -1 or ents.clusters[ents.mentions[tm[k.i]].cluster].type not in ("Company", "Organization"):
                continue
            if any(c.dep_ == "conj" and c.ent_type_ == "GPE" and c.i + 1 < len(doc) and doc[c.i + 1].tag_ == "POS"
                   for c in k.children):
                out.append(k)
        return out

    @staticmethod
    def _venture_name(v: Token) -> Token | None:
        """The name a venture noun gives its venture: "a joint venture, Motional", "a venture called Mobile
        Drive", "Ionity, a joint venture", "Nevada Gold Mines is a joint venture"."""
        name = next((k for k in v.children if k.dep_ == "appos" and k.pos_ == "PROPN"), None) or next(
            (p for k in v.children if k.dep_ == "acl" and k.lemma_.lower() in ("call", "name", "dub")
             for p in k.children if p.dep_ in ("oprd", "attr", "dobj") and p.pos_ == "PROPN"), None)
        if name is None and v.dep_ == "appos" and v.head.pos_ == "PROPN":
            name = v.head
        if name is None and v.dep_ == "attr" and v.head.lemma_ == "be":
            name = next((k for k in v.head.children if k.dep_ == "nsubj" and k.pos_ == "PROPN"), None)
        return name

    def _named_ventures(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """holds-stake-in candidates for the partners of a named joint venture: "Ionity, a joint venture of
        BMW and Daimler", "Cooper Chengshan, Cooper's joint venture", "BMW and Daimler launched Ionity, a joint
        venture", "set up a joint venture, Motional, with Aptiv" (the partners' own partnership comes from the
        venture's stakes, see _venture_owners). The name is a venture's whatever NER guessed."""
        out = []
        self._bare_ventures: list[tuple[int, object]] = []  # (name token, cluster): ventures named with no partners
        gerund = self.rules.gerunds.get("holds-stake-in", "holding-stake-in")
        for v in _with_lemma(doc, _VENTURE_NOUNS):
            name = self._venture_name(v) if v.pos_ == "NOUN" else None
            if name is None or ents.token_mention[name.i] == -1:
                continue
            parties = [(p, v) for k in v.children if k.dep_ == "prep" and k.lower_ in ("of", "between")
                       for p in k.children if p.dep_ == "pobj"]
            parties += [(k, v) for k in v.children if k.dep_ == "poss" and ents.token_mention[k.i] != -1]
            top = name if v.dep_ == "appos" and v.head.i == name.i else v
            verb = top.head if top.dep_ == "dobj" and top.head.lemma_.lower() in _VENTURE_VERBS else None
            if verb is not None:
                subj, _ = self._verb_subject(verb)
                parties += [(subj, verb)] if subj is not None else []
                parties += [(p, verb) for h in (v, verb) for k in h.children if k.dep_ == "prep" and k.lower_ == "with"
                            for p in k.children if p.dep_ == "pobj"]
            cluster = ents.clusters[ents.mentions[ents.token_mention[name.i]].cluster]
            if not parties:
                if any(k.dep_ == "det" and k.lower_ in _DEFINITE for k in v.children):
                    self._bare_ventures.append((name.i, cluster))  # "The venture, called Mobile Drive, ..."
                continue
            if cluster.type in ("Person", "Place"):
                cluster.type = "Company"  # NER's guess at an unknown name; the text calls it a venture
            out.extend(dict(rule=_VENTURE_RULE, predicate="holds-stake-in", gerund=gerund, trig=trig, subj=tok,
                            obj=name, inherited=False, role=None, anchor=None) for tok, trig in parties)
        return out

    def _hostile_bids(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A hostile bid is one its target opposes: "X launched a hostile bid for Y", "its hostile offer for Y",
        "ending an eight-month hostile battle" give (Y, opposes, X) on the bid's sentence, for the bid or
        purchase of that sentence whose target the hostile noun names (or, unnamed, is the only one)."""
        rels = [r for r in relations.values() if r.predicate in ("bids-for", "acquires")]
        if not rels:
            return
        for adj in _with_lemma(doc, ("hostile",)):
            noun = adj.head
            if adj.dep_ not in ("amod", "compound"):
                continue
            if noun.lemma_.lower() not in _HOSTILE:
                continue
            named = next((p for k in noun.children if k.dep_ == "prep" and k.lower_ in ("for", "of")
                          for p in k.children if p.dep_ == "pobj"), None)
            res = ents.resolve(named, acting=False) if named is not None else None
            target = ents.clusters[res[0]].name if res is not None else None
            sent = [r for r in rels if r.start == noun.sent.start_char and (target is None or r.object == target)]
            # "chose Z's friendly offer over a hostile bid from X": the hostile bid is X's, for the sentence's target
            owner = next((p for k in noun.children if k.dep_ == "prep" and k.lower_ in ("from", "by")
                          for p in k.children if p.dep_ == "pobj"), None) \
                or next((k for k in noun.children if k.dep_ == "poss" and k.lower_ not in ("its", "their")), None)
            ores = ents.resolve(owner, acting=True) if owner is not None else None
            bidder = ents.clusters[ores[0]] if ores is not None else None
            if bidder is not None and len({r.object for r in sent}) == 1 and bidder.name != sent[0].object:
                r = sent[0]
                for sub, stype, pred, obj, otype in ((r.object, r.object_type, "opposes", bidder.name, bidder.type),
                                                     (bidder.name, bidder.type, "bids-for", r.object, r.object_type)):
                    key = (sub, pred, obj, r.start)
                    if key not in relations and self.onto.allows(pred, stype, otype):
                        relations[key] = replace(r, subject=sub, subject_type=stype, predicate=pred, object=obj,
                                                 object_type=otype, status="asserted", label=pred, role=None,
                                                 trigger=adj.text, rule=f"{r.rule}+hostile-owner",
                                                 confidence=round(r.confidence * 0.8, 2))
                continue
            if len({(r.subject, r.object) for r in sent}) != 1:
                continue  # no deal in the sentence, or several: whose bid is hostile is not clear
            r = sent[0]
            if any(x.predicate == "opposes" and x.subject == r.object and x.object == r.subject for x in relations.values()):
                continue
            if not self.onto.allows("opposes", r.object_type, r.subject_type):
                continue
            relations[(r.object, "opposes", r.subject, r.start)] = replace(
                r, subject=r.object, subject_type=r.object_type, object=r.subject, object_type=r.subject_type,
                predicate="opposes", status="asserted", label="opposes", role=None, trigger=adj.text,
                rule=f"{r.rule}+hostile", confidence=round(r.confidence * 0.85, 2))

    def _raised_offers(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """"A agreed to buy C ..., after raising its offer to 62 euros a share": an offer named by its owner
        alone ("its offer", "the Danish brewer's bid") is a bid for what the owner buys or bids for in the
        same sentence. Added on that sentence when the sentence does not say so already."""
        rels = [r for r in relations.values() if r.predicate in ("acquires", "bids-for", "holds-stake-in")]
        if not rels:
            return
        for tok in _with_lemma(doc, _BID_NOUNS):
            if tok.pos_ != "NOUN":
                continue
            # an offer "for" an entity is read where it stands, but a competing one is also the rival's in the
            # sentence's contest ("KKR took control of Fuji Soft after Bain withdrew its competing offer for the
            # Japanese software developer"); a "for" that names no entity names nothing
            named = {ents.clusters[res[0]].name for k in tok.children if k.dep_ == "prep" and k.lower_ in ("for", "to")
                     for p in k.children if p.dep_ == "pobj" for res in [ents.resolve(p, acting=False)] if res is not None}
            competing = any(k.dep_ == "amod" and k.lower_ in ("competing", "rival") for k in tok.children)
            if named and not competing:
                continue
            owner = next((k for k in tok.children if k.dep_ == "poss"), None)
            # "agreed to buy Y through a tender offer", "won control of Y, capping an unsolicited offer": the
            # offer is the means or the end of the sentence's deal
            means = owner is None and (tok.dep_ == "pobj" and tok.head.lower_ in ("through", "via") or tok.dep_ == "dobj"
                                       and tok.head.tag_ == "VBG" and tok.head.dep_ == "advcl"
                                       and tok.head.lemma_.lower() in _DEAL_ENDS
                                       # "launched a tender offer to raise its stake in Y": the offer buys the stake
                                       or any(k.dep_ in ("acl", "relcl") and k.pos_ == "VERB" and any(
                                           c.dep_ == "aux" and c.lower_ == "to" for c in k.children) and any(
                                           t.lemma_.lower() in _STAKES for t in k.subtree) for k in tok.children))
            if owner is None and not means:
                continue
            if owner is not None and owner.lower_ in ("its", "their") and tok.dep_ == "dobj":
                s_tok, _ = self._verb_subject(tok.head)  # "the Danish brewer lifted its offer": the brewer's
                owner = s_tok if s_tok is not None else owner
            res = ents.resolve(owner, acting=True) if owner is not None else None
            start = tok.sent.start_char
            # a stake raised through a tender offer is bid for; otherwise only purchases and bids are
            same = [r for r in rels if r.start == start and r.status != "denied"
                    and (r.predicate != "holds-stake-in" or means)]
            rival = None
            if res is not None:
                name = ents.clusters[res[0]].name
                mine = [r for r in same if r.subject == name]
                if not mine and len({r.object for r in same}) == 1 and same[0].object != name:
                    # "A won its fight for C after B declined to raise its offer": B's offer is for C too
                    rival = (name, ents.clusters[res[0]].type)
                same = mine or (same if rival else [])
            elif owner is not None and owner.lower_ not in ("its", "their"):
                continue
            if len({r.object for r in same}) != 1 or named and same[0].object not in named:
                continue  # no deal in the sentence, or several: which one the offer is for is not clear
            deal = same[0]
            if rival is not None:
                winner = deal
                deal = replace(deal, subject=rival[0], subject_type=rival[1])
                if winner.predicate == "acquires" and winner.status != "denied" and any(
                        k.dep_ == "amod" and k.lower_ in ("competing", "rival") for k in tok.children):
                    # "KKR took control of Fuji Soft after Bain withdrew its competing offer": KKR outbid Bain
                    okey = (winner.subject, "outbids", rival[0], start)
                    relations.setdefault(okey, replace(winner, predicate="outbids", object=rival[0], object_type=rival[1],
                                                       status="asserted", label="outbids", trigger=tok.text,
                                                       rule="competing-offer", confidence=round(winner.confidence * 0.85, 2)))
                    wkey = (winner.subject, "bids-for", winner.object, start)
                    relations.setdefault(wkey, replace(winner, predicate="bids-for", status="asserted", label="bids-for",
                                                       trigger=tok.text, rule="competing-offer",
                                                       confidence=round(winner.confidence * 0.85, 2)))
            key = (deal.subject, "bids-for", deal.object, start)
            if key in relations or any(r.predicate == "bids-for" and r.subject == deal.subject
                                       and r.object == deal.object for r in rels):
                continue
            relations[key] = replace(deal, predicate="bids-for", status="asserted", label="bids-for",
                                     trigger=tok.text, rule="owned-offer", confidence=round(deal.confidence * 0.9, 2))

    def _remaining_stakes(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """"X owns 77 percent of Y ... and Z holds the rest / the remaining 3 percent": a stake named only as
        the rest is in the company whose stakes the same or the previous sentence describes (when that is
        one company)."""
        rels = [r for r in relations.values() if r.predicate in ("holds-stake-in", "acquires")]
        if not rels:
            return
        for verb in _with_lemma(doc, _REST_HOLDERS):
            share = next((k for k in verb.children if k.dep_ == "dobj"), None)
            if share is None or any(k.dep_ == "prep" and k.lower_ in ("in", "of") for k in share.children):
                continue
            lemma = share.lemma_.lower()
            if not (lemma in _PORTIONS and lemma in ("rest", "remainder", "balance") or lemma in _STAKES | {"percent", "%"}
                    and any(k.dep_ == "amod" and k.lower_ in ("remaining", "other") for k in share.children)):
                continue
            holder, inherited = self._verb_subject(verb)
            if holder is None or inherited:
                continue  # "X owns 20 percent and Y holds the rest": only a holder of its own
            parties = [holder, *holder.conjuncts]
            if ents.resolve(holder, acting=False) is None:
                named = next((k for k in holder.children if k.dep_ == "appos"), None)  # "two investors, A and B"
                if named is not None:
                    parties = [named, *named.conjuncts, *holder.conjuncts]
            for party in parties:
                self._add_remaining(party, verb, ents, rels, relations)

    def _listed_targets(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """"The targets included X and Y", "Among those targeted was X", "Those named include X", "The other
        companies targeted are X, Y and Z", "The withhold release order covers X": more targets of the document's
        one sanctioner so far, on their own sentence."""
        for tok in _with_lemma(doc, ("include", "among", "be", "cover", "comprise", "target")):
            named: list[Token] = []
            if tok.pos_ in ("VERB", "AUX") and tok.lower_ != "among":
                subj = next((k for k in tok.children if k.dep_ == "nsubj"), None)
                if subj is None:
                    continue
                lemma = subj.lemma_.lower()
                listing = lemma == "target" or any(k.dep_ == "acl" and k.lemma_.lower() in _TARGETING for k in subj.children) \
                    or tok.lemma_ == "include" and subj.tag_ == "NNS" and lemma in self._unnamed_nouns and any(
                        k.dep_ == "det" and k.lower_ == "the" for k in subj.children)  # "17 companies ... The companies include X"
                if tok.lemma_ == "be" and not (listing and subj.tag_ in ("NNS", "DT") or lemma == "target" and subj.tag_ == "NNS"):
                    continue  # "The other companies targeted are X", "The targets were X" (not "the target is X")
                if not listing and not (tok.lemma_ in ("cover", "include", "target")
                                        and (lemma in self._sanction_nouns or lemma in _DECREES or lemma in _MEASURES)
                                        and any(k.dep_ == "det" and k.lower_ in ("the", "this", "these") for k in subj.children)):
                    continue  # (also "The measures target X"; not "hit": "the measures quickly hit X" is their toll)
                named = [k for k in tok.children if k.dep_ in ("dobj", "attr")]
            elif tok.dep_ == "prep" and tok.lower_ == "among":
                those = next((k for k in tok.children if k.dep_ == "pobj"), None)
                if those is not None and (those.lemma_.lower() == "target" or any(
                        k.dep_ == "acl" and k.lemma_.lower() in _TARGETING for k in those.children)):
                    named = [k for k in tok.head.children if k.dep_ in ("nsubj", "attr") and k.i != tok.i]
            if not named:
                continue
            sent = tok.sent
            ref = self._story_sanctioner(relations, sent.start_char) or self._announced_sanctioner(doc, ents, sent)
            if ref is None:
                continue
            # "added 11 companies to its Entity List, accusing them of ...": the group's charge is theirs too
            charged = not ref.object and self._charges_group(doc.char_span(ref.start, ref.end, alignment_mode="expand"))
            for c in self._list_members(named, ents):
                if c.name == ref.subject or not self.onto.allows("sanctions", ref.subject_type, c.type):
                    continue
                for predicate in ("sanctions", "accuses") if charged else ("sanctions",):
                    key = (ref.subject, predicate, c.name, sent.start_char)
                    if key not in relations and self.onto.allows(predicate, ref.subject_type, c.type):
                        relations[key] = replace(ref, predicate=predicate, object=c.name, object_type=c.type,
                                                 status="asserted", label=predicate, sentence=sent.text,
                                                 start=sent.start_char, end=sent.end_char, trigger=tok.text,
                                                 rule="listed-target" + ("+charged" if predicate == "accuses" else ""),
                                                 confidence=round(ref.confidence * 0.85, 2), attributed_to=None,
                                                 role=None, event_date=None)

    def _announced_sanctioner(self, doc: Doc, ents: DocEntities, sent) -> Relation | None:
        """The state that announced sanctions with no target before ``sent`` ("The European Union adopted its
        14th package of sanctions", "The US Treasury announced new sanctions"): a sanction noun that is the
        object of a verb whose subject is one state body or country; the only such state of the document."""
        found = {}
        for noun in (t for t in _with_lemma(doc, ("sanction",)) if t.i < sent.start):
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head.head if noun.dep_ == "pobj" and \
                noun.head.head.dep_ == "dobj" else None  # "adopted its package of sanctions"
            if verb is None or verb.pos_ != "VERB":
                continue
            subj, _ = self._verb_subject(verb)
            res = ents.resolve(subj, acting=True) if subj is not None else None
            if res is None or ents.clusters[res[0]].type not in ("GovernmentBody", "Country", "Organization"):
                continue  # (the EU and the UN are international bodies)
            found[res[0]] = (noun, verb)
        if len(found) != 1:
            return None
        ((ci, (noun, verb)),) = found.items()
        c, s0 = ents.clusters[ci], noun.sent
        return Relation(subject=c.name, subject_type=c.type, predicate="sanctions", object="", object_type="",
                        status="asserted", label="sanctions", role=None, confidence=0.7, attributed_to=None,
                        doc_id=self._doc_id, sentence=s0.text, start=s0.start_char, end=s0.end_char, trigger=verb.text,
                        rule="announced-sanctions")

    @staticmethod
    def _charges_group(span) -> bool:
        """Whether a sentence charges the group it sanctions: "accusing them of ...", "saying they had ..."."""
        for verb in span or ():
            if verb.tag_ != "VBG" or verb.lemma_.lower() not in _CLAIMING:
                continue
            if verb.lemma_.lower() == "accuse":
                if any(k.dep_ == "dobj" and k.lower_ == "them" for k in verb.children):
                    return True
            elif any(k.dep_ == "ccomp" and any(n.dep_ in ("nsubj", "nsubjpass") and n.lower_ == "they" for n in k.children)
                     for k in verb.children):
                return True
        return False

    @staticmethod
    def _list_members(heads: list[Token], ents: DocEntities) -> list:
        """The entities a list names, in order: every entity inside the heads' phrases that no preposition,
        possessive or clause puts aside ("CCCC Dredging Group, a unit of China Communications Construction Co,
        and ... Guangzhou Haige Communications Group" names the first and the last, not the parent). The parser
        seldom gives a long list of names its true shape, so the names are found anywhere in the phrase."""
        out, seen = [], set()
        for head in heads:
            for t in head.subtree:
                x, ok = t, True
                while x.i != head.i:
                    if x.dep_ == "pobj" and x.head.lower_ in _INCLUDING and x.head.head.pos_ == "NOUN" \
                            and ents.token_mention[x.head.head.i] == -1:
                        x = x.head.head  # "three companies ..., including A and B": the named members
                        continue
                    if x.dep_ in ("prep", "pobj", "poss", "relcl", "acl", "agent", "advcl", "ccomp", "npadvmod", "amod"):
                        ok = False
                        break
                    x = x.head
                if not ok or ents.token_mention[t.i] == -1:
                    continue  # a name, not a description that refers back ("the company")
                if t.dep_ in ("compound", "nmod") and t.head.pos_ == "NOUN" and ents.token_mention[t.head.i] == -1:
                    continue  # "US regulators": a name that only qualifies an unnamed party
                res = ents.resolve(t, acting=False)
                if res is None or res[0] in seen:
                    continue
                seen.add(res[0])
                out.append(ents.clusters[res[0]])
        return out

    def _add_partners(self, relations: dict, base: Relation, a: tuple[str, str], b: tuple[str, str], rule: str,
                      **fields) -> None:
        """Add (A, partners-with, B) in canonical order, modelled on ``base`` (its sentence and evidence), unless
        the pair is there already or the ontology refuses it. a, b: (name, type)."""
        (sa, ta), (sb, tb) = sorted([a, b])
        key = (sa, "partners-with", sb, base.start)
        if sa != sb and key not in relations and self.onto.allows("partners-with", ta, tb):
            relations[key] = replace(base, subject=sa, subject_type=ta, object=sb, object_type=tb, predicate="partners-with",
                                     label="partners-with", role=None, rule=rule,
                                     confidence=round(base.confidence * 0.85, 2), **fields)

    def _combined_units(self, doc: Doc, relations: dict) -> None:
        """Two firms that combine their businesses ("agreed to combine their ride-hailing businesses", "the
        merger of their oil and gas businesses") go on as partners in what they combine, besides the merger the
        text names: (A, partners-with, B) with the merger's status."""
        at = self._trigger_at
        for key, r in list(relations.items()):
            if r.predicate != "merges-with" or key not in at:
                continue
            trig = doc[at[key]]
            parts = [k for k in trig.children if k.dep_ == "dobj"] + [
                p for k in trig.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
            if not any(p.lemma_.lower() in _PARTS and any(k.dep_ == "poss" and k.lower_ == "their" for k in p.children)
                       for p in parts):
                continue
            self._add_partners(relations, r, (r.subject, r.subject_type), (r.object, r.object_type), "combined-units")

    def _joint_bidders(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """Firms that make one bid or purchase together are partners: "a takeover proposal from A and B",
        "agreed to sell its unit to A and B ..., choosing their joint offer" give (A, partners-with, B) with the
        deal's status. Not a plural noun ("offers from A and B" are separate bids) nor a sentence that calls the
        parties rivals."""
        at = self._trigger_at
        groups: dict[tuple[int, str], dict] = {}
        for key, r in relations.items():
            if r.predicate not in ("bids-for", "acquires") or key not in at or r.status == "denied" \
                    or r.subject_type not in ("Company", "Organization"):
                continue
            groups.setdefault((at[key], r.object), {}).setdefault(r.subject, r)
        for (ti, _), by_subject in groups.items():
            if len(by_subject) < 2:
                continue
            trig = doc[ti]
            if trig.tag_ in ("NNS", "NNPS") or any(t.lemma_.lower() in _RIVAL_WORDS for t in trig.sent) \
                    or trig.lemma_.lower() not in _BID_NOUNS or trig.pos_ != "NOUN":
                continue  # (a contest's winner and loser both bid: "outbid B", "beating B's offer")
            if any(x.predicate == "outbids" and x.start == trig.sent.start_char for x in relations.values()):
                continue
            if any(len(n.split()) < 2 and normalize(n) not in ents.linker.companies for n in by_subject):
                # (one word of a name with "and" in it: "Mitsubishi UFJ Trust and Banking")
                continue
            names = sorted(by_subject)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    r = by_subject[a]
                    if any(x.predicate == "partners-with" and {x.subject, x.object} == {a, b} for x in relations.values()):
                        continue
                    relations[(a, "partners-with", b, r.start)] = replace(
                        r, predicate="partners-with", object=b, object_type=by_subject[b].subject_type,
                        label=self._label("partners-with", r.status), role=None, rule=f"{r.rule}+joint",
                        confidence=round(r.confidence * 0.8, 2))

    def _venture_owners(self, doc: Doc, relations: dict) -> None:
        """The owners of a venture are partners: "X, a venture owned in equal parts by A, B and C" and "A, B and
        C launched X, a joint venture" give each pair (A, partners-with, B) besides their stakes; owners of any
        other firm are not partners for it. A venture the document names after the one venture partnership it
        tells of is the partners': "A and B agreed to set up a joint venture ... The venture, called X, ..."
        gives both of them a stake in X, with the partnership's status."""
        at = self._trigger_at
        owners: dict[tuple[int, str], list] = {}
        for key, r in relations.items():
            if r.predicate != "holds-stake-in" or r.status == "denied" or key not in at:
                continue
            verb = doc[at[key]]
            if verb.dep_ == "acl" and verb.head.lemma_.lower() in _VENTURE_NOUNS or r.rule == _VENTURE_RULE.id:
                owners.setdefault((verb.i, r.object), []).append(r)
        ventures = {}
        for key, r in relations.items():
            if r.predicate == "partners-with" and r.status in ("asserted", "completed", "planned") and key in at:
                trig = doc[at[key]]
                if trig.lemma_.lower() in _VENTURE_NOUNS or any(
                        k.dep_ == "dobj" and k.lemma_.lower() in _VENTURE_NOUNS for k in trig.children):
                    ventures.setdefault((r.subject, r.object), r)
        for i, jv in self._bare_ventures:
            pairs = [r for r in ventures.values() if r.start <= doc[i].idx and jv.name not in (r.subject, r.object)]
            if len(pairs) != 1:
                continue
            r = pairs[0]
            if jv.type in ("Person", "Place"):
                jv.type = "Company"
            for party, ptype in ((r.subject, r.subject_type), (r.object, r.object_type)):
                if self.onto.allows("holds-stake-in", ptype, jv.type):
                    sent = doc[i].sent
                    relations.setdefault((party, "holds-stake-in", jv.name, sent.start_char), replace(
                        r, subject=party, subject_type=ptype, predicate="holds-stake-in", object=jv.name,
                        object_type=jv.type, label=self._label("holds-stake-in", r.status), role=None,
                        rule=_VENTURE_RULE.id + "+named-later", confidence=round(r.confidence * 0.8, 2),
                        sentence=sent.text.strip(), start=sent.start_char, end=sent.start_char + len(sent.text.strip())))
        for rels in owners.values():
            for i, r1 in enumerate(rels):
                for r2 in rels[i + 1:]:
                    self._add_partners(relations, r1, (r1.subject, r1.subject_type), (r2.subject, r2.subject_type),
                                       "venture-owners")

    def _deepened_ties(self, doc: Doc, relations: dict) -> None:
        """A stake or an investment that deepens a partnership makes the two firms partners: "Toyota will take
        a 4.9 percent stake in Suzuki, deepening a partnership under which ...", "will invest $400 million in
        Pony.ai, strengthening its ties with the start-up". The clause of the ties (``ties_verbs`` and
        ``ties_nouns``) hangs on the verb of the stake or investment. The partnership is there already (asserted),
        however planned the stake; a denied stake gives none."""
        at = self._trigger_at
        for key, r in list(relations.items()):
            if r.predicate not in ("holds-stake-in", "invests-in") or r.status == "denied" or key not in at:
                continue
            verb = next((a for a in [doc[at[key]], *doc[at[key]].ancestors] if a.pos_ == "VERB"), None)
            if verb is None or not any(
                    k.dep_ in ("advcl", "xcomp", "conj") and k.tag_ == "VBG" and k.lemma_.lower() in _TIES_VERBS
                    and any(d.dep_ == "dobj" and d.lemma_.lower() in _TIES_NOUNS for d in k.children)
                    for k in verb.children):
                continue
            self._add_partners(relations, r, (r.subject, r.subject_type), (r.object, r.object_type), "deepened-ties",
                               status="asserted")

    def _accused_targets(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A sanction's stated charge accuses its targets when the charge names them only by a pronoun or a
        description: "imposed sanctions on A, B and C, accusing them of ...", "blacklisted X, ..., accusing him
        of ...", "sanctioned President X, accusing the leftist leader of ...", "shut X's stores, citing safety
        violations". The sanctioner and the targets are the sentence's one sanctioner and its targets; "him"
        and "her" take the persons among them, "it" and a singular description the one target."""
        rulings = ("rule", "find", "conclude")
        for verb in _with_lemma(doc, ("accuse", "cite", "say", "allege", "claim", *rulings)):
            if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp", "acl"):
                continue
            if verb.lemma_.lower() in ("accuse", "cite"):
                obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
            else:
                # "sanctioned X, saying it had processed ...": the pronoun subject of what was said; "fined X,
                # ruling that the online travel agency had abused ...": a ruling's description of the target too,
                # and what was said of a firm described ("saying the Chinese online marketplace had passed ...")
                ruling = verb.lemma_.lower() in rulings
                clause = next((k for k in verb.children if k.dep_ == "ccomp"), None)
                obj = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass") and (
                    k.lower_ in ("it", "they", "he", "she") or k.pos_ == "NOUN" and any(
                        d.dep_ == "det" and d.lower_ == "the" for d in k.children) and (
                        ruling or k.lemma_.lower() in self.rules.descriptions))), None) if clause is not None else None
            if obj is None or any(ents.token_mention[k.i] != -1 for k in obj.subtree if not (
                    verb.lemma_.lower() in rulings and k.dep_ == "compound" and k.head.i == obj.i
                    or k.dep_ == "amod" and k.ent_type_ == "NORP" and k.head.i == obj.i)):
                continue  # a named party ("accusing manufacturers such as A and B") is the verb's own relation
                # (a ruling's "the Alphabet unit" describes the target by its parent's name, "the Chinese
                # marketplace" by its nationality)
            if verb.lemma_.lower() == "cite" and not any(
                    t.lemma_.lower() in _WRONGS or t.lemma_.lower() in ("labour", "labor") and any(
                        k.lower_ == "forced" for k in t.children) for t in obj.subtree):
                # "citing fire safety violations", "citing evidence of forced labour", "citing their involvement
                # in corruption"; not "citing national security"
                continue
            sent = verb.sent
            sanctions = [r for r in relations.values() if r.predicate == "sanctions" and r.start == sent.start_char]
            if len({r.subject for r in sanctions}) != 1:
                continue
            targets = {r.object: r for r in sanctions}
            people = {n: r for n, r in targets.items() if r.object_type == "Person"}
            low = obj.lower_
            if verb.lemma_.lower() == "cite" or low in ("them", "they") or obj.tag_ in ("NNS", "NNPS"):
                chosen = targets
            elif low in ("him", "her", "he", "she"):
                chosen = people if len(people) == 1 else {}
            elif low == "it" or obj.pos_ == "NOUN":
                single = {n: r for n, r in targets.items() if n not in people} if low == "it" else targets
                chosen = single if len(single) == 1 else (people if obj.pos_ == "NOUN" and len(people) == 1 else {})
            else:
                chosen = {}
            for name, ref in chosen.items():
                key = (ref.subject, "accuses", name, sent.start_char)
                if key not in relations and self.onto.allows("accuses", ref.subject_type, ref.object_type):
                    relations[key] = replace(ref, predicate="accuses", label="accuses", status="asserted",
                                             trigger=verb.text, rule="sanction-charge", role=None,
                                             confidence=round(ref.confidence * 0.9, 2))

    def _fined_for(self, doc: Doc, relations: dict) -> None:
        """A fine accuses the fined party: "fined Teva 462 million euros for abusing its dominant position",
        "fined X over price fixing", and a fine whose reason the sentence leaves out. A stated reason (a gerund
        or a wrongdoing noun, ``wrongdoing_nouns``, after "for" or "over" on the fining verb) is the evidence's
        trigger (``fine_words``: the word forms, as the small model lemmatizes "fined" as "fin")."""
        at = self._trigger_at
        for key, r in list(relations.items()):
            if r.predicate != "sanctions" or key not in at:
                continue
            verb = doc[at[key]]
            if verb.pos_ != "VERB" or verb.lower_ not in _FINE_WORDS:
                continue
            # the reason hangs on the verb or on the sum ("fined X 300 million euros for running a cartel")
            holders = [verb, *(k for k in verb.children if k.dep_ in ("dobj", "npadvmod") and k.pos_ in ("NOUN", "NUM", "SYM"))]
            reason = next((p for h in holders for k in h.children if k.dep_ == "prep" and k.lower_ in ("for", "over")
                           for p in k.children if p.dep_ == "pcomp" and p.tag_ == "VBG"
                           or p.dep_ == "pobj" and p.lemma_.lower() in _WRONGS), None)
            if r.status not in ("asserted", "completed"):
                continue  # "is weighing a fine": no finding yet
            # a fine is a finding of wrongdoing even when its reason is told elsewhere ("fined Apple 500 million
            # euros, the first penalties under the Digital Markets Act"): the gold sets give it 41 times in 42
            akey = (r.subject, "accuses", r.object, r.start)
            if akey not in relations and self.onto.allows("accuses", r.subject_type, r.object_type):
                relations[akey] = replace(r, predicate="accuses", label="accuses", status="asserted",
                                          trigger=(reason or verb).text, rule="fine-reason" if reason is not None else "fine",
                                          role=None, confidence=round(r.confidence * (0.9 if reason is not None else 0.8), 2))

    def _tendered_holdings(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """Holders who tender their shares into an offer, or accept it, sell what they hold: "JAB Holding, which
        owns about two-thirds of JDE Peet's, has agreed to tender its shares", "co-founders A and B, who control a
        large block of the shares, have committed to accept it" give (holder, divests, target) when the document
        has the holder's stake in a target of its bid or purchase; planned when agreed or committed to."""
        targets = {r.object for r in relations.values() if r.predicate in ("bids-for", "acquires") and r.status != "denied"}
        if not targets:
            return
        for verb in _with_lemma(doc, _TENDERING):
            if verb.pos_ != "VERB":
                continue
            obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
            if verb.lemma_.lower() == "accept" and (obj is None or not (obj.lemma_.lower() in _BID_NOUNS or obj.lower_ == "it")):
                continue  # "accept the offer", "accept it"; not "accept the ruling"
            if verb.lemma_.lower() == "tender" and obj is not None and obj.lemma_.lower() not in _STAKES | {"share"}:
                continue  # "tender its shares"; not "tender an offer"
            chain, up = [verb], verb
            while up.dep_ in ("xcomp", "ccomp") and up.head.i != up.i and len(chain) < 4:
                up = up.head
                chain.append(up)
            if any(k.dep_ == "neg" for t in chain for k in t.children):
                continue  # "will not tender its shares", "did not intend to tender": nothing is sold
            subj, _ = self._verb_subject(verb)
            if subj is None:
                continue
            holders = [subj, *subj.conjuncts]
            inner = self._unwrap(subj, "divests", subject=True) if ents.token_mention[subj.i] == -1 else None
            if inner is not None:
                holders += [inner, *inner.conjuncts]  # "shareholders including A, B and C"
            planned = any(a.lemma_.lower() in _PLEDGING for a in (verb.head,) if verb.dep_ == "xcomp") or any(
                k.dep_ == "aux" and k.lower_ in ("will", "would") for k in verb.children)
            sent = verb.sent
            # "co-founders A and B, who together control a large block of the shares, have committed to accept
            # it": holders the clause describes hold the one target of the document
            owning = any(k.dep_ == "relcl" and k.lemma_.lower() in ("own", "control", "hold")
                         for t in (subj, *subj.conjuncts, *([subj.head] if subj.dep_ == "appos" else [])) for k in t.children)
            for h in holders:
                res = ents.resolve(h, acting=True)
                if res is None:
                    continue
                name = ents.clusters[res[0]].name
                held = [r for r in relations.values() if r.predicate == "holds-stake-in" and r.subject == name
                        and r.object in targets]
                if not held and owning and len(targets) == 1:
                    (target,) = targets
                    deal = next(r for r in relations.values() if r.object == target and r.predicate in ("bids-for", "acquires"))
                    stake = replace(deal, subject=name, subject_type=ents.clusters[res[0]].type, predicate="holds-stake-in",
                                    status="asserted", label="holds-stake-in", sentence=sent.text, start=sent.start_char,
                                    end=sent.end_char, trigger=verb.text, rule="tendered-holding",
                                    confidence=round(deal.confidence * 0.75, 2), attributed_to=None, role=None,
                                    event_date=None)
                    if self.onto.allows("holds-stake-in", stake.subject_type, stake.object_type):
                        relations.setdefault((name, "holds-stake-in", target, sent.start_char), stake)
                        held = [stake]
                for r in held:
                    key = (name, "divests", r.object, sent.start_char)
                    if key in relations or any(x.predicate == "divests" and x.subject == name and x.object == r.object
                                               for x in relations.values()):
                        continue
                    status = "planned" if planned else "asserted"
                    relations[key] = replace(r, predicate="divests", status=status, label=self._label("divests", status),
                                             sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                             trigger=verb.text, rule="tendered-holding",
                                             confidence=round(r.confidence * 0.8, 2), attributed_to=None, role=None,
                                             event_date=None)

    def _suit_claims(self, doc: Doc, relations: dict) -> None:
        """What a plaintiff argues while suing accuses the defendant: "A sued B, arguing it had broken the
        bylaws", "sued B, saying the lender had breached the loan terms", "..., that sued B in 2016, accusing it
        of ...". The claim is a participle on the suing verb (``claiming_verbs``) whose clause, or whose object
        for "accuse", names the defendant by a pronoun or a description; the suit is the sentence's one
        plaintiff's, and "it" or a singular description needs one defendant."""
        for verb in _with_lemma(doc, _CLAIMING):
            if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.lemma_.lower() not in _SUE:
                continue
            if verb.lemma_.lower() == "accuse":
                named = next((k for k in verb.children if k.dep_ == "dobj"), None)
            else:
                clause = next((k for k in verb.children if k.dep_ == "ccomp"), None)
                if clause is None or any(k.dep_ == "aux" and k.lower_ in ("would", "could", "will", "may", "might")
                                         for k in clause.children):
                    continue  # "sued to block the deal, saying it would harm competition": a forecast, not a charge
                named = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            if named is None or not (named.lower_ in ("it", "they", "them") or named.pos_ == "NOUN" and any(
                    k.dep_ == "det" and k.lower_ == "the" for k in named.children)
                    and named.lemma_.lower() in self.rules.descriptions):
                continue
            sent = verb.sent
            suits = [r for r in relations.values() if r.predicate == "sues" and r.start == sent.start_char
                     and r.status in ("asserted", "completed")]
            if not suits or len({r.object for r in suits}) > 1 and named.lower_ not in ("they", "them"):
                continue
            for r in suits:
                key = (r.subject, "accuses", r.object, r.start)
                if key not in relations and self.onto.allows("accuses", r.subject_type, r.object_type):
                    relations[key] = replace(r, predicate="accuses", label="accuses", status="asserted", trigger=verb.text,
                                             rule="suit-claim", role=None, confidence=round(r.confidence * 0.85, 2))

    def _suit_joiners(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """Parties who join a lawsuit sue its defendants: "The lawsuit, joined by Minnesota and New York, said
        ...", "Four states, including New York and Illinois, joined the lawsuit" give each joiner's sues against
        every defendant of the nearest plaintiff before it in the document, on the joining sentence."""
        for verb in _with_lemma(doc, ("join",)):
            if verb.pos_ != "VERB":
                continue
            if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.lemma_.lower() in _SUIT_NOUNS:
                heads = [p for k in verb.children if k.dep_ == "agent" for p in k.children if p.dep_ == "pobj"]
            elif any(k.dep_ == "dobj" and k.lemma_.lower() in _SUIT_NOUNS for k in verb.children):
                heads = [k for k in verb.children if k.dep_ == "nsubj"]
            else:
                continue
            named = {c.name for c in self._list_members(heads, ents)}
            joiners, seen = [], set()
            for t in verb.sent:  # each member as a party acting ("Minnesota" sues as its government)
                mi = ents.token_mention[t.i]
                if mi == -1 or ents.clusters[ents.mentions[mi].cluster].name not in named:
                    continue
                res = ents.resolve(t, acting=True)
                if res is not None and res[0] not in seen:
                    seen.add(res[0])
                    c = ents.clusters[res[0]]
                    if c.type == "Place" and c.gazetteer_id is None and ents.known_place(c):
                        c.type = "GovernmentBody"  # "joined by Minnesota": a listed state that acts, as _emit reads it
                    joiners.append(c)
            if not joiners:
                continue
            earlier = [r for r in relations.values() if r.predicate == "sues" and r.start <= verb.sent.start_char
                       and r.status in ("asserted", "completed")]
            if not earlier:
                continue
            plaintiff = max(earlier, key=lambda r: r.start).subject
            suits = [r for r in earlier if r.subject == plaintiff]
            sent = verb.sent
            for j in joiners:
                for r in suits:
                    key = (j.name, "sues", r.object, sent.start_char)
                    if j.name in (r.object, plaintiff) or key in relations or not self.onto.allows("sues", j.type, r.object_type):
                        continue
                    relations[key] = replace(r, subject=j.name, subject_type=j.type, status="asserted", label="sues",
                                             sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                             trigger=verb.text, rule="joined-suit", attributed_to=None, event_date=None,
                                             confidence=round(r.confidence * 0.8, 2))

    def _opposition_from(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """Opposition a deal met, told as a noun with its source: "called off their merger, bowing to opposition
        from activist investor X", "approved the sale to Y, overriding objections from its biggest shareholder,
        X", "despite sharp criticism from the government in Berlin". X opposes the parties of the sentence's
        deals: both sides of a merger or a purchase, the seller of a sale, the buyer of a stake."""
        for noun in _with_lemma(doc, _OPPOSITION_NOUNS):
            if noun.pos_ != "NOUN":
                continue
            sources = [p for k in noun.children if k.dep_ == "prep" and k.lower_ in ("from", "by")
                       for p in k.children if p.dep_ == "pobj"]
            # "resistance from Italy's government and from two of its biggest shareholders, A and B"
            sources += [p for k in noun.children if k.dep_ == "prep" and k.lower_ == "from"
                        for c in k.conjuncts if c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
            if not sources:
                continue
            sent = noun.sent
            # the sentence's deals (a merger called off too: "called off their merger, bowing to opposition"),
            # and its stakes bought or held, not a holder described ("its biggest shareholder, X")
            deals = [r for r in relations.values() if r.start == sent.start_char and (
                r.predicate == "merges-with" or r.status != "denied" and (
                    r.predicate in ("acquires", "divests", "bids-for")
                    or r.predicate == "holds-stake-in" and r.trigger.lower().rstrip("s") not in _HOLDER_NOUNS))]
            if not deals:
                continue
            parties = {}
            sold = {r.object for r in deals if r.predicate == "divests"}  # a unit sold is no party
            for r in deals:
                parties[r.subject] = r.subject_type
                if r.predicate in ("acquires", "merges-with", "bids-for") and r.object_type == "Company" \
                        and r.object not in sold:
                    parties[r.object] = r.object_type
            base = deals[0]
            opposers = []
            for src in sources:
                found = self._list_members([src], ents)  # "from its biggest shareholder, Vivendi": the name
                if not found and ents.token_mention[src.i] == -1:
                    res = ents.resolve(src, acting=True)  # "from Italy's government"
                    if res is not None and ents.clusters[res[0]].name not in parties:  # not "from the company"
                        found = [ents.clusters[res[0]]]
                opposers += [c for c in found if c not in opposers]
            for o in opposers:
                for name, ptype in parties.items():
                    key = (o.name, "opposes", name, sent.start_char)
                    if name == o.name or key in relations or not self.onto.allows("opposes", o.type, ptype):
                        continue
                    relations[key] = replace(base, subject=o.name, subject_type=o.type, predicate="opposes",
                                             object=name, object_type=ptype, status="asserted", label="opposes",
                                             role=None, trigger=noun.text, rule="opposition-from",
                                             confidence=round(base.confidence * 0.75, 2), attributed_to=None)

    def _target_reactions(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """A target's answer to a sanction, charge or suit opposes whoever brought it, when the answer names
        no party: "Teva said it disagreed with the decision and would appeal", "Live Nation vowed to fight it",
        "Zhipu said the decision lacked a factual basis", "NSO said it was dismayed by the decision".

        The speaker is the subject of a reaction verb or adjective (``reaction_verbs``, ``reaction_adjectives``)
        or of a reporting verb whose clause is about the measure ("said the ruling was ..."). It must be a
        target of an earlier sanction of the document, or of a charge or suit by a state; what it answers, when
        said, is a definite measure, ruling, charge or suit noun or "it". It opposes every such party. A firm
        answering another firm's suit or claims only denies them ("said the claims were baseless").
        """
        adverse = [r for r in relations.values() if r.predicate in ("sanctions", "accuses", "sues")
                   and not r.rule.startswith(_STANDING_RULES)]
        if not adverse:
            return

        def about_measure(tok: Token | None) -> bool:
            if tok is None:
                return True
            if tok.lower_ in ("it", "them"):
                return True
            return tok.pos_ == "NOUN" and tok.lemma_.lower() in _ANSWERED and any(
                k.dep_ in ("det", "poss") and (k.lower_ in _DEFINITE or k.pos_ == "PRON") for k in tok.children) \
                and not any(k.dep_ in ("poss", "compound", "nmod") and k.pos_ == "PROPN" for k in tok.children)

        def about_report(tok: Token | None) -> bool:
            # "called the report groundless", "called Hindenburg's report misleading": a firm's accusations
            return tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ANSWERED_REPORTS and any(
                k.dep_ in ("det", "poss") for k in tok.children)

        for tok in doc:
            lemma = tok.lemma_.lower()
            speaker_of = None
            answered = None
            if tok.pos_ == "VERB" and lemma in _REACTION_VERBS:
                objs = [k for k in tok.children if k.dep_ == "dobj"] + [
                    p for k in tok.children if k.dep_ == "prep" and k.lower_ in ("with", "against")
                    for p in k.children if p.dep_ == "pobj"]
                if len(objs) > 1 or objs and not about_measure(objs[0]) or not objs and lemma not in ("appeal", "disagree", "fight"):
                    continue
                speaker_of = tok
            elif tok.lower_ in _REACTION_ADJS and tok.pos_ in ("ADJ", "VERB"):  # the word: "dismayed" is lemmatized "dismay"
                objs = [p for k in tok.children if k.dep_ in ("prep", "agent") and k.lower_ in ("by", "with", "at")
                        for p in k.children if p.dep_ == "pobj"]  # "was dismayed by the decision": an agent
                if objs and not about_measure(objs[0]):
                    continue
                speaker_of = tok.head if tok.dep_ == "acomp" else tok
            elif lemma == "call" and tok.pos_ == "VERB":
                # "called the allegations egregious", "called the challenge misguided": a judgement of the measure
                obj = next((k for k in tok.children if k.dep_ == "dobj"), None)
                clause = next((k for k in tok.children if k.dep_ == "ccomp"), None)
                judged = obj is not None and any(k.dep_ == "amod" and k.i > obj.i for k in obj.children) \
                    or obj is not None and any(k.dep_ in ("oprd", "xcomp") for k in tok.children)
                if clause is not None and obj is None:
                    obj = next((k for k in clause.children if k.dep_ == "nsubj"), None)
                    judged = True
                if obj is None or not judged or obj.lower_ in ("it", "them") or not (about_measure(obj) or about_report(obj)):
                    continue
                speaker_of, answered = tok, obj
            elif lemma in self.rules.reporting_verbs and tok.pos_ == "VERB":
                clause = next((k for k in tok.children if k.dep_ == "ccomp"), None)
                subj = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
                if subj is None or subj.lower_ in ("it", "them") or not (about_measure(subj) or about_report(subj)):
                    continue
                speaker_of, answered = tok, subj
            else:
                continue
            speaker = self._verb_subject(speaker_of, ("nsubj", "nsubjpass"))[0]
            if speaker is None:
                continue
            res = ents.resolve(speaker, acting=True)
            if res is None:
                continue
            target = ents.clusters[res[0]].name
            sent = tok.sent
            brought = {}
            for r in adverse:
                if r.object == target and r.start <= sent.start_char and r.subject != target and (
                        r.subject_type in ("Country", "GovernmentBody") or r.predicate == "sanctions"
                        or r.predicate == "accuses" and about_report(answered) and (
                            answered.lemma_.lower() in _ACCUSING_DOCUMENTS or any(
                                k.dep_ == "poss" and k.pos_ == "PROPN" for k in answered.children))):
                    # not a firm's suit or claims: "said the claims were baseless"; but a firm's report that accused
                    # the speaker is answered by it ("Joyy called the report groundless": Joyy opposes Muddy Waters)
                    brought.setdefault(r.subject, r)
            for actor, ref in brought.items():
                key = (target, "opposes", actor, sent.start_char)
                if any(k[:3] == key[:3] for k in relations):
                    continue  # one answer per pair: the first the document gives, or the rules' own
                if not self.onto.allows("opposes", ref.object_type, ref.subject_type):
                    continue
                relations[key] = replace(ref, subject=target, subject_type=ref.object_type, predicate="opposes",
                                         object=actor, object_type=ref.subject_type, status="asserted",
                                         label="opposes", role=None, attributed_to=None, event_date=None,
                                         sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                         trigger=tok.text, rule="target-reaction",
                                         confidence=round(ref.confidence * 0.8, 2))

    @staticmethod
    def _pressed_sanctioners(relations: dict) -> None:
        """A state, or the target itself, that urges the document's sanctioner opposes it: "India banned 59
        Chinese apps. Beijing urged New Delhi to correct its mistake" (China opposes India). Not a firm pressing
        another firm, and not one the sanctioner pressed."""
        targets = {(r.subject, r.object) for r in relations.values() if r.predicate == "sanctions"}
        sanctioners = {sub for sub, _ in targets}
        for key, r in list(relations.items()):
            if r.predicate != "urges" or r.object not in sanctioners or r.subject in sanctioners:
                continue
            if r.subject_type not in ("Country", "GovernmentBody") and (r.object, r.subject) not in targets:
                continue
            okey = (r.subject, "opposes", r.object, r.start)
            if okey not in relations:
                relations[okey] = replace(r, predicate="opposes", label="opposes", rule="urged-sanctioner",
                                          confidence=round(r.confidence * 0.9, 2))

    def _state_clusters(self, ents: DocEntities, state: str) -> list[int]:
        """The document's clusters that stand for ``state``: its government first, then the country."""
        linker = ents.linker
        forms = {normalize(state)} | {normalize(c) for c, s in self.rules.capitals.items() if s == state}
        entry = linker.by_surface.get(normalize(state))
        if entry is not None:
            forms |= {normalize(n) for n in entry.names()}
        govs, countries = [], []
        for ci, c in enumerate(ents.clusters):
            names = {normalize(c.name), *(normalize(a) for a in c.aliases)}
            if c.type == "GovernmentBody" and any(linker.metonyms.get(n) is not None
                                                  and linker.metonyms[n].id == c.gazetteer_id for n in forms):
                govs.append(ci)
            elif c.type in ("Country", "Place") and names & forms:
                countries.append(ci)
        return govs + countries

    def _office_title(self, doc: Doc, m) -> set[str]:
        """The title words a mention carries: before the name ("Prime Minister X", "commerce secretary X")
        or in an appositive after it ("X, Iran's foreign minister"); empty if none."""
        words = set()
        j = m.start - 1
        while j >= 0 and doc[j].lower_ in self.role_words:
            words.add(doc[j].lower_)
            j -= 1
        if m.end < len(doc) and doc[m.end].text == ",":
            for t in doc[m.end + 1:min(len(doc), m.end + 6)]:
                if t.is_punct:
                    break
                if t.lower_ in self.rules.role_heads and t.dep_ == "appos" and t.head.i == m.end - 1:
                    words |= {k.lower_ for k in t.subtree if k.lower_ in self.role_words}
        return words

    def _office_holders(self, doc: Doc, ents: DocEntities, relations: dict, doc_id: str, doc_date: str | None) -> None:
        """A well-known holder of a state office (office_holders.yaml) whom the text gives a title ("President
        Donald Trump ordered ...", "X, the foreign minister, ...") works for the state the document names, the
        office as role; the list only says which state. The office must be held in the article's month; in an
        article without a date the title must name the office. Cited on the sentence of the first titled mention.
        A bare title the sentence gave to another national government gives way to the dated office."""
        offices = self.rules.offices
        if not offices:
            return
        month = doc_date[:7] if doc_date and len(doc_date) >= 7 else None
        done: set[int] = set()
        for m in ents.mentions:
            ci = m.cluster
            if ci < 0 or ci in done or ents.clusters[ci].type != "Person":
                continue
            done.add(ci)
            person = ents.clusters[ci]
            held = next((offices[k] for n in (person.name, *person.aliases)
                         for k in [" ".join(n.lower().split())] if k in offices), None)
            if held is None:
                continue
            titles = [(x, t) for x in ents.mentions if x.cluster == ci for t in [self._office_title(doc, x)] if t]
            if not titles:
                continue  # the sentence must say the person holds an office; the list only says which state's
            if month is not None:
                held = tuple(o for o in held if o.held_in(month))
            else:
                words = set().union(*(t for _, t in titles))
                held = tuple(o for o in held if set(o.role.split()) & words)
            state_clusters = {o.state: self._state_clusters(ents, o.state) for o in held}
            offices_states = {ents.clusters[si].name for cs in state_clusters.values() for si in cs}
            # national governments: the gazetteer entries places stand for ("Washington": the US government)
            gov_ids = {e.id for e in ents.linker.metonyms.values()}
            governments = {c.name for c in ents.clusters if c.type == "GovernmentBody" and c.gazetteer_id in gov_ids}
            for key, r in list(relations.items()):
                if held and r.subject == person.name and r.predicate == "works-for" and r.rule == "title-prefix" \
                        and r.object in governments and r.object not in offices_states:
                    # a bare title the sentence gave to another state ("... the Trump administration threatened
                    # tariffs. Finance Minister Bruno Le Maire said ..."): the dated office says whose minister
                    del relations[key]
            if any(r.subject == person.name and r.predicate == "works-for" and r.object_type in ("GovernmentBody", "Country")
                   for r in relations.values()):
                continue  # "Treasury Secretary X": the text already names the state body the person works for
            cite = titles[0][0]
            sent = doc[cite.start].sent
            for office in held:
                states = state_clusters[office.state]
                if not states:
                    continue
                si = states[0]
                if ents.clusters[si].type == "Place":  # "Tehran condemned ...": the capital stands for the state
                    si = ents.country_of_capital(ents.clusters[si].name, acting=True)
                    if si is None:
                        continue
                state = ents.clusters[si]
                if not self.onto.allows("works-for", "Person", state.type):
                    continue
                relations[(person.name, "works-for", state.name, sent.start_char)] = Relation(
                    subject=person.name, subject_type="Person", predicate="works-for", object=state.name,
                    object_type=state.type, status="asserted", label="works-for", role=office.role, confidence=0.8,
                    attributed_to=None, doc_id=doc_id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
                    trigger=doc[cite.start].text, rule="office-holder")

    @staticmethod
    def _add_remaining(holder: Token, verb: Token, ents: DocEntities, rels: list, relations: dict) -> None:
        """One holder of "the rest" (see _remaining_stakes)."""
        res = ents.resolve(holder, acting=False)
        if res is None:
            return
        name, htype = ents.clusters[res[0]].name, ents.clusters[res[0]].type
        sent = verb.sent
        prev = verb.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        near = []
        for lo in (sent.start_char, prev):
            near = [r for r in rels if lo <= r.start <= sent.start_char and name not in (r.object, r.subject)]
            if near:
                break
        if len({r.object for r in near}) != 1:
            return
        ref = near[-1]
        key = (name, "holds-stake-in", ref.object, sent.start_char)
        if key not in relations:
            relations[key] = replace(ref, subject=name, subject_type=htype, predicate="holds-stake-in", status="asserted",
                                     label="holds-stake-in", sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                     trigger=verb.text, rule="remaining-stake", confidence=round(ref.confidence * 0.85, 2),
                                     attributed_to=None, role=None)

    def _rejected_offers(self, doc: Doc, ents: DocEntities, relations: dict) -> None:
        """"Y agreed to a takeover by X, after rejecting a lower approach": an offer rejected with no bidder
        named is the bidder's of the one deal for Y in the sentence; Y opposes that bidder.

        The offer may be the verb's object, a relative pronoun for it ("the approach, which its rival had
        rejected"), or its passive subject ("after two approaches were rejected", "having seen two lower
        approaches rebuffed"). The rejecter is the verb's subject; when it is not a known entity ("the car
        insurer turned down ...") or not named (a passive), it is the one target of the sentence's deals.
        A bidder named only by a description ("a proposal from its larger rival") counts as unnamed.
        """
        rels = [r for r in relations.values() if r.predicate in ("acquires", "bids-for")]
        if not rels:
            return
        for verb in _with_lemma(doc, _RECEIVING | _REJECTING_PHRASAL):
            if verb.lemma_.lower() in ("accept", "get", "receive", "welcome"):
                continue
            if verb.lemma_.lower() in _REJECTING_PHRASAL and not any(
                    k.dep_ == "prt" and k.lower_ in ("down", "off") for k in verb.children):
                continue  # "turned down", "fended off"; not "turned to"
            passive = False
            offer = next((k for k in verb.children if k.dep_ == "dobj" and k.lemma_.lower() in _BID_NOUNS), None)
            if offer is None and verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in _BID_NOUNS and any(
                    k.dep_ in ("dobj", "mark") and k.lower_ in ("which", "that") for k in verb.children) \
                    and not any(k.dep_ == "dobj" and k.lower_ not in ("which", "that") for k in verb.children):
                offer = verb.head  # "the all-share approach, which its domestic rival had rejected"
            if offer is None and verb.tag_ == "VBN" and not any(k.dep_ == "agent" for k in verb.children):
                offer = next((k for k in verb.children if k.dep_ in ("nsubjpass", "nsubj") and k.lemma_.lower() in _BID_NOUNS), None)
                passive = offer is not None  # "after two approaches were rejected", "seen two approaches rebuffed"
            if offer is None:
                continue

            def named(k: Token) -> bool:
                return ents.resolve(k, acting=True) is not None
            if any(k.dep_ in ("poss", "compound") and k.pos_ in ("PROPN", "PRON") or k.dep_ == "prep"
                   and k.lower_ in ("from", "by") and any(named(p) for p in k.children if p.dep_ == "pobj")
                   for k in offer.children):
                continue  # a bidder is named: the relation rules read it
            start = verb.sent.start_char
            here = [r for r in rels if r.start == start]
            rejecter = None if passive else self._verb_subject(verb)[0]
            res = ents.resolve(rejecter, acting=True) if rejecter is not None else None
            if res is None and rejecter is not None:
                owner = next((k for k in rejecter.children if k.dep_ == "poss"), None)
                if owner is not None:
                    res = ents.resolve(owner, acting=True)  # "Sabadell's board rejected the bid"
                    if res is None and owner.pos_ == "PROPN":
                        continue  # a named owner we do not know; "the Milan bank's management" may be the target
            if res is not None:
                target, ttype = ents.clusters[res[0]].name, ents.clusters[res[0]].type
            elif len({r.object for r in here}) == 1:
                target, ttype = here[0].object, here[0].object_type  # the deal's target is who rejects
            else:
                continue
            deals = {(r.subject, r.subject_type) for r in here if r.object == target}
            if len(deals) != 1:
                continue
            (bidder, btype), = deals
            key = (target, "opposes", bidder, start)
            if key in relations or bidder == target:
                continue
            deal = next(r for r in here if r.object == target)
            relations[key] = replace(deal, subject=target, subject_type=ttype, predicate="opposes",
                                     object=bidder, object_type=btype, status="asserted", label="opposes",
                                     trigger=verb.text, rule="rejected-offer", confidence=round(deal.confidence * 0.9, 2))

    @staticmethod
    def _anaphor(tok: Token, predicate: str, rule_id: str = "") -> bool:
        """Whether an argument is a definite deal or measure noun with no named party ("opposed the
        decision", "sued to block the deal"), which may refer to an earlier relation of the document."""
        lemma = tok.lemma_.lower()
        if predicate not in _ANAPHOR_PREDICATES or tok.pos_ != "NOUN" or lemma not in _ANAPHORS:
            return False
        if _ANAPHORS[lemma] == {"accuses"} and not rule_id.startswith("call-judgement"):
            return False  # "called the accusations false" opposes the accuser; "rejected the claims" only denies them
        if lemma in _MEASURES_ONLY and any(k.dep_ == "poss" and k.lower_ in ("his", "her", "its", "their") for k in tok.children):
            return True  # "challenged his listing": the target's own pronoun, the sanctioner's measure
        return any(k.dep_ == "det" and k.lower_ in _DEFINITE for k in tok.children) \
            and not any(k.dep_ in ("poss", "compound", "nmod") and k.pos_ in ("PROPN", "PRON") for k in tok.children)

    def _antecedents(self, pending, ents, doc_id, relations, dropped) -> None:
        """Resolve "the deal", "the decision" and the like (see :meth:`_anaphor`) to the party behind the
        nearest relation before them in the document that they can refer to: the buyer, bidder or merging party of
        a deal, the sanctioner of a measure. "Halden agreed to buy Marlow. The FTC sued to block the deal"
        gives (FTC, opposes, Halden) and (FTC, sues, Halden). Unresolved ones are dropped with a reason."""
        if not pending:
            return
        at = self._trigger_at
        earlier = sorted(relations.items(), key=lambda kv: (at[kv[0]], kv[1].confidence))
        by_name = {cl.name: i for i, cl in enumerate(ents.clusters)}
        for c, s_res, o_tok, status, attributed, sentence, start, end in pending:
            kinds = _ANAPHORS[o_tok.lemma_.lower()]
            opposer = ents.clusters[s_res[0]].name
            found = [r for key, r in reversed(earlier) if r.predicate in kinds and at[key] < o_tok.i and r.subject != opposer
                     and not r.rule.startswith(_STANDING_RULES)
                     and (kinds != {"sues"} or r.object == opposer)]  # a suit: only its defendant opposes the plaintiff
            if any(k.dep_ == "amod" and k.lower_ in ("earlier", "previous", "prior", "original", "first") for k in o_tok.children):
                # "sued to stop the earlier deal": not the latest one; the one before it, if the document has one
                # ("blocked the original deal" may be the same deal, before it was changed: then keep it)
                found = [r for r in found if (r.subject, r.object) != (found[0].subject, found[0].object)] or found
            ante = found[0] if found else None
            ci = by_name.get(ante.subject) if ante is not None else None
            if ci is None:
                dropped.append(dict(reason="object refers to no earlier deal or sanction of the document",
                                    predicate=c["predicate"], trigger=c["trig"].text, rule=c["rule"].id,
                                    subject=opposer, object=o_tok.text, sentence=sentence, doc_id=doc_id))
                continue
            self._emit(c, s_res, (ci, "antecedent"), status, attributed, ents, sentence, start, end, doc_id,
                       relations, dropped)
            other = by_name.get(ante.object) if ante.predicate == "merges-with" and c["predicate"] == "opposes" else None
            if other is not None and ante.object != opposer:
                # "campaigned against the deal" after a merger: both sides of it
                self._emit(c, s_res, (other, "antecedent"), status, attributed, ents, sentence, start, end, doc_id,
                           relations, dropped)

    def _group_anaphor(self, tok: Token) -> bool:
        """Whether a sanction's object is a definite plural description of targets named before ("the two
        companies", "both producers", "the banks")."""
        return tok.tag_ == "NNS" and tok.lemma_.lower() in self.rules.descriptions and any(
            k.lower_ in ("the", "both", "these", "those") for k in tok.children if k.dep_ in ("det", "predet", "nummod", "amod"))

    @staticmethod
    def _pair_anaphor(tok: Token) -> bool:
        """Whether a subject is "the two companies" / "both sides" / "the pair": the parties of a deal named before."""
        return tok.tag_ == "NNS" and tok.lemma_.lower() in ("company", "side", "group", "firm", "party") and any(
            k.lower_ in ("two", "both") for k in tok.children if k.dep_ in ("nummod", "det", "predet")) \
            or tok.lower_ == "both" and tok.dep_ in ("nsubj", "nsubjpass")

    def _pair_antecedents(self, pairs, ents, doc_id, relations, dropped) -> None:
        """"Nippon Steel agreed to buy U.S. Steel ... the two companies filed suit against X": each side of the
        nearest earlier deal (purchase, bid, merger or venture) acts."""
        if not pairs:
            return
        at = self._trigger_at
        by_name = {cl.name: i for i, cl in enumerate(ents.clusters)}
        kinds = ("acquires", "bids-for", "merges-with", "partners-with")
        for c, s_tok, o_res, status, attributed, sentence, start, end in pairs:
            earlier = [(at[key], r) for key, r in relations.items() if r.predicate in kinds and at[key] < s_tok.i]
            if not earlier:
                continue
            deal = max(earlier, key=lambda x: x[0])[1]
            for name in (deal.subject, deal.object):
                ci = by_name.get(name)
                if ci is not None and ci != o_res[0]:
                    self._emit(c, (ci, "antecedent"), o_res, status, attributed, ents, sentence, start, end, doc_id,
                               relations, dropped)

    def _group_antecedents(self, groups, ents, doc_id, relations, dropped) -> None:
        """"Britain also sanctioned the two companies": the targets of the nearest earlier sanction sentence
        of the document (as many as the phrase counts, when it counts them)."""
        if not groups:
            return
        at = self._trigger_at
        by_name = {cl.name: i for i, cl in enumerate(ents.clusters)}
        counts = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
        for c, s_res, o_tok, status, attributed, sentence, start, end in groups:
            earlier = [(at[key], r) for key, r in relations.items() if r.predicate == "sanctions" and at[key] < o_tok.i
                       and not r.rule.startswith(_STANDING_RULES)
                       and r.start < start and r.object_type in ("Company", "Organization", "Person")]
            if not earlier:
                continue
            last = max(earlier, key=lambda x: x[0])[1].start  # the nearest earlier sentence with sanction targets
            targets = sorted({r.object for _, r in earlier if r.start == last})
            n = next((counts[k.lower_] for k in o_tok.children if k.lower_ in counts), None)
            if n is not None and len(targets) != n:
                dropped.append(dict(reason=f"'{o_tok.text}' counts {n} targets, the earlier sentence has {len(targets)}",
                                    predicate="sanctions", trigger=c["trig"].text, rule=c["rule"].id,
                                    object=o_tok.text, sentence=sentence, doc_id=doc_id))
                continue
            for name in targets:
                ci = by_name.get(name)
                if ci is not None:
                    self._emit(c, s_res, (ci, "antecedent"), status, attributed, ents, sentence, start, end, doc_id,
                               relations, dropped)

    def _emit(self, c, s_res, o_res, status, attributed, ents, sentence, start, end, doc_id, relations, dropped):
        s_ent, o_ent = ents.clusters[s_res[0]], ents.clusters[o_res[0]]
        predicate = c["predicate"]
        pred = self.onto.predicate(predicate)
        if pred.symmetric and o_ent.name < s_ent.name:
            s_ent, o_ent, s_res, o_res = o_ent, s_ent, o_res, s_res
        if predicate == "works-for" and s_ent.type in ("Company", "Organization") and o_ent.type in ("Company", "Organization") \
                and (c["role"] or "").split()[-1:] in (["partner"], ["partners"], ["ally"], ["allies"]):
            # "Renault, Nissan's partner in the alliance": two firms are partners, not employer and employee
            predicate = "partners-with"
            c = dict(c, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate), role=None)
            if o_ent.name < s_ent.name:
                s_ent, o_ent, s_res, o_res = o_ent, s_ent, o_res, s_res
        if predicate == "works-for" and s_ent.type == "Person" and (c["role"] or "") in ("owner", "co-owner", "majority owner"):
            # "its owner, X", "Chelsea owner X": a person who owns the firm holds it (the sets' convention)
            predicate = "holds-stake-in"
            c = dict(c, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate), role=None)
        if predicate == "member-of" and s_ent.type == "Person" and ents.has_title(s_ent) \
                and o_ent.type in ("Company", "Organization", "GovernmentBody") and c["trig"].lemma_.lower() in ("join", "rejoin"):
            # "chief executive X will join Oracle": a titled person who joins a firm works for it
            predicate = "works-for"
            c = dict(c, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate))
        if (c.get("firm_owner") or predicate == "subsidiary-of" and c["obj"].lower_ in ("its", "their")) \
                and o_ent.type in ("GovernmentBody", "Country"):
            # "The Justice Department sued Live Nation, saying it used its Ticketmaster unit": a unit's owner is a
            # firm, not the state
            dropped.append(dict(reason=f"a unit's owner is not a state actor ({o_ent.type})", subject=s_ent.name,
                                predicate=predicate, object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id,
                                sentence=sentence, doc_id=doc_id))
            return
        family = predicate == "subsidiary-of" and f"{o_ent.name} family" in sentence
        if predicate == "subsidiary-of" and (o_ent.type == "Person" and len(o_ent.name.split()) > 1 or family) \
                and not {w.lower() for w in o_ent.name.split()} & (self.rules.org_heads | _ORG_WORDS):
            # "EP Group, the investment company of billionaire X", "Artemis, the holding company of the Pinault
            # family": a person or a family owns it, i.e. holds a stake
            predicate, s_ent, o_ent, s_res, o_res = "holds-stake-in", o_ent, s_ent, o_res, s_res
            c = dict(c, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate))
        elif predicate == "subsidiary-of" and c["trig"].lemma_.lower() == "company" and any(
                k.dep_ in ("amod", "compound") and k.lower_ == "holding" for k in c["trig"].children) \
                and o_ent.type == "Company":
            # "Hanjin KAL, the holding company of Korean Air": the holding company owns the firm, not the reverse
            self._emit(dict(c, predicate="holds-stake-in", gerund=self.rules.gerunds.get("holds-stake-in"), ownership=False),
                       s_res, o_res, status, attributed, ents, sentence, start, end, doc_id, relations, dropped)
            s_ent, o_ent, s_res, o_res = o_ent, s_ent, o_res, s_res
        if not self.onto.allows(predicate, s_ent.type, o_ent.type) and o_ent.type in ("Place", "Country"):
            # "urged Beijing to ...": a place that cannot be the object acts as its government
            gi = ents.government_of(o_res[0], o_ent.name) or next(
                (g for a in o_ent.aliases for g in [ents.government_of(o_res[0], a)] if g is not None), None)
            if gi is None and o_ent.type == "Place":
                gi = ents.country_of_capital(o_ent.name, acting=False)  # "measures against Minsk": Belarus
            if gi is not None:
                o_res, o_ent = (gi, "metonym"), ents.clusters[gi]
        if not self.onto.allows(predicate, s_ent.type, o_ent.type) and predicate in _STATE_ACTS:
            # "Illinois sued Deere", "New York Attorney General X": a listed state, province or city that acts is
            # its government (not the sanctioned region of "sanctions on Crimea", the object of a sanction)
            for ent in (s_ent, o_ent):
                if ent.type == "Place" and ent.gazetteer_id is None and ents.known_place(ent) and (
                        ent is s_ent or predicate not in ("sanctions",)) and (
                        predicate != "works-for" or not set((c["role"] or "").split()) & _BUSINESS_ROLES):
                    t_s = "GovernmentBody" if ent is s_ent else s_ent.type
                    t_o = "GovernmentBody" if ent is o_ent else o_ent.type
                    if self.onto.allows(predicate, t_s, t_o):
                        ent.type = "GovernmentBody"
        if not self.onto.allows(predicate, s_ent.type, o_ent.type):
            # "acquired Hollow Oak Ales", "a stake in Fjellnes Gruber": spaCy often reads an unknown
            # two-word firm as a person; a predicate that never takes a person there settles it
            mistyped = []
            for ent in (s_ent, o_ent):
                # "a stake in Alibaba", "teamed up with OpenAI", "Nvidia chief executive": NER took a firm for a
                # place; not for deals, where a place can be what is bought ("acquired Ohio" stays dropped)
                listed = predicate == "sanctions" and any(t.list for t in self.rules.noun_triggers.get(c["trig"].lemma_.lower(), ()))
                # a deal for a "place" nobody knows as a place is a firm NER mistyped ("agreed to buy Seagen")
                unknown = predicate in ("acquires", "bids-for", "outbids") and not ents.known_place(ent)
                # "the Pittsburgh-based startup", "the San Jose, California-based company": the text says it is a place
                based = ent.type == "Place" and re.search(
                    re.escape(ent.name) + r"(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)?\s?-\s?(?:based|headquartered)\b", ents.text)
                place = ent.type == "Place" and ent.gazetteer_id is None and not based and (predicate not in _PLACE_DEALS or listed or unknown) and (
                    predicate != "works-for" or bool(set((c["role"] or "").split()) & _BUSINESS_ROLES))
                if place or ent.type == "Person" and ent.gazetteer_id is None and not ents.has_title(ent):
                    t_s = "Company" if ent is s_ent else s_ent.type
                    t_o = "Company" if ent is o_ent else o_ent.type
                    if self.onto.allows(predicate, t_s, t_o):
                        ent.type = "Company"
                    else:
                        mistyped.append(ent)
            if len(mistyped) == 2 and self.onto.allows(predicate, "Company", "Company"):
                # "Britvic agreed to be bought by Carlsberg": NER took one firm for a person, the other for a place
                s_ent.type = o_ent.type = "Company"
        if predicate == "works-for" and s_ent.type == "Company" and s_ent.gazetteer_id is None \
                and c["rule"].id != "title-prefix" and set((c["role"] or c["trig"].lower_).split()) & _PERSON_ROLES \
                and 2 <= len(s_ent.name.split()) <= 3 and all(w[:1].isupper() for w in s_ent.name.split()) \
                and not {w.lower() for w in s_ent.name.split()} & (self.rules.org_heads | _ORG_WORDS):
            s_ent.type = "Person"  # "Sandra Ikeda, Veritas Bank's head of ...": NER took the name for a firm
        words = {w.lower() for w in s_ent.name.split()}
        person = s_ent.type == "Person" and not words & (self.rules.org_heads | _ORG_WORDS) and (
            len(words) > 1 or f"{s_ent.name} family" in sentence)  # "Meta" alone may be a person to NER
        if c.get("ownership") and not person:
            # "Nexperia, owned by Wingtech", "Abra, which controls Gol": a firm that owns or controls another
            # is its parent, and holds it ("holder -> company it owns")
            self._emit(dict(c, ownership=False), s_res, o_res, status, attributed, ents, sentence, start, end,
                       doc_id, relations, dropped)
            predicate, s_ent, o_ent, s_res, o_res = "subsidiary-of", o_ent, s_ent, o_res, s_res
            c = dict(c, predicate=predicate, gerund=self.rules.gerunds.get(predicate, predicate))
        if c["rule"].id == "appos-compound-unit" and o_ent.type not in ("Company", "Organization"):
            # "Alpha, the US unit": a place before the unit noun says where the unit is, not who owns it
            dropped.append(dict(reason="a place before a unit noun is no owner", subject=s_ent.name, predicate=predicate,
                                object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id, sentence=sentence,
                                doc_id=doc_id))
            return
        if c["rule"].id == "poss-firm" and not c.get("rule_suffix") and not (
                s_ent.type == o_ent.type == "Company"
                and ents.token_mention[c["trig"].i + 1] == ents.token_mention[c["subj"].i] != -1
                and not any(k.pos_ == "NOUN" for k in c["subj"].children)
                and (o_ent.gazetteer_id is not None or normalize(o_ent.name) in ents.linker.companies
                     or o_ent.name.split()[-1].rstrip(".") in ents.linker.legal_forms)):
            # "Britain's Barclays", "Apple's Tim Cook", "Google's parent Alphabet": only a known firm's
            # possessive on another firm's bare name names its owner
            dropped.append(dict(reason="a possessive names an owner only between two companies", subject=s_ent.name,
                                predicate=predicate, object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id,
                                sentence=sentence, doc_id=doc_id))
            return
        if c["rule"].subject_types and s_ent.type not in c["rule"].subject_types and not (
                "Government" in c["rule"].subject_types and s_ent.type == "GovernmentBody"
                and s_ent.name.lower().endswith(" government")):
            # "the CMA ordered JD Sports to sell Footasylum": an antitrust remedy, not a state's forced sale
            dropped.append(dict(reason=f"rule {c['rule'].id} takes a {' or '.join(c['rule'].subject_types)} subject",
                                subject=s_ent.name, predicate=predicate, object=o_ent.name, trigger=c["trig"].text,
                                rule=c["rule"].id, sentence=sentence, doc_id=doc_id))
            return
        if c.get("prosecutor") and s_ent.type not in ("GovernmentBody", "Country"):
            # "its unit pleaded guilty, Glencore said": only a state reports a plea it obtained
            dropped.append(dict(reason="a plea reported by a non-state party is no accusation", subject=s_ent.name,
                                predicate=predicate, object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id,
                                sentence=sentence, doc_id=doc_id))
            return
        if predicate == "accuses" and {w.lower() for w in s_ent.name.split()} & _COURT_WORDS:
            # "Tesco infringed Lidl's trademark, the High Court ruled": a judgement, not an allegation
            dropped.append(dict(reason="a court's ruling is no accusation", subject=s_ent.name, predicate=predicate,
                                object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id, sentence=sentence,
                                doc_id=doc_id))
            return
        if predicate == "partners-with" and c["trig"].lemma_.lower() == "work" and (
                {s_ent.type, o_ent.type} & {"GovernmentBody", "Country"}):
            # "said it had been working with the regulator to resolve the issues": no partnership with the state
            dropped.append(dict(reason="working with a state actor", subject=s_ent.name, predicate=predicate,
                                object=o_ent.name, trigger=c["trig"].text, rule=c["rule"].id, sentence=sentence,
                                doc_id=doc_id))
            return
        if not self.onto.allows(predicate, s_ent.type, o_ent.type):
            dropped.append(dict(
                reason=f"ontology: {predicate} does not allow {s_ent.type} -> {o_ent.type}",
                subject=s_ent.name, predicate=predicate, object=o_ent.name, trigger=c["trig"].text,
                rule=c["rule"].id, sentence=sentence, doc_id=doc_id))
            return
        if predicate == "subsidiary-of" and not c.get("ownership"):
            # "Kakao Mobility, a unit of Kakao", "Tribune's WGN America": the parent owns its unit, so it
            # holds it ("holder -> company it owns"), as a firm "owned by" another already does above
            self._emit(dict(c, predicate="holds-stake-in", gerund=self.rules.gerunds.get("holds-stake-in"), role=None,
                            ownership=False, rule_suffix="+parent"), o_res, s_res, status, attributed, ents, sentence,
                       start, end, doc_id, relations, dropped)
        conf = c["rule"].confidence * HOW_FACTOR[s_res[1]] * HOW_FACTOR[o_res[1]] * (0.9 if c["inherited"] else 1.0)
        label = self._label(predicate, status, c["gerund"])
        rel = Relation(
            subject=s_ent.name, subject_type=s_ent.type, predicate=predicate, object=o_ent.name,
            object_type=o_ent.type, status=status, label=label, role=c["role"], confidence=round(conf, 2),
            attributed_to=attributed, doc_id=doc_id, sentence=sentence, start=start, end=end,
            trigger=c["trig"].text, rule=c["rule"].id + c.get("rule_suffix", ""), event_date=c.get("event_date"),
        )
        key = (rel.subject, predicate, rel.object, start)
        old = relations.get(key)
        if old is None or rel.confidence > old.confidence:
            relations[key] = rel
            self._trigger_at[key] = c["trig"].i

    def _unwrap(self, tok: Token, predicate: str, subject: bool) -> Token | None:
        """The named party inside a noun phrase that is not itself an entity, or None.

        "shares of Y", "the assets of Y", "a consortium led by Y", "imports from Y",
        "the US decision", "a plan by Y", "Y's board".
        tok: the argument token. predicate: the relation's predicate. subject: True for the subject.
        """
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head.head  # "the 49 percent stake in Altera, which it bought": what the clause describes
            return self._unwrap(noun, predicate, subject) or noun
        lemma = tok.lemma_.lower()
        kids = list(tok.children)

        def pobj(preps, head=tok):
            return next((p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                         for p in c.children if p.dep_ == "pobj"), None)

        if predicate in ("sanctions", "accuses", "sues") and not subject and tok.lower_ in self.rules.role_heads:
            office = pobj(("of",))
            found = next((c for c in office.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                          and c.left_edge.i == office.i + 2), None) if office is not None else None
            if found is not None:
                return found  # "sanctions on the president of Venezuela's Supreme Court, Maikel Moreno": the person
        if predicate == "works-for" and not subject and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" \
                and tok.head.head.lower_ in self.rules.role_heads:
            found = pobj(("of",))
            if found is not None and found.pos_ == "PROPN":
                return found  # "state secretary for economic affairs of the Netherlands": the state
        if predicate == "works-for" and not subject and tok.pos_ == "NOUN":
            found = next((c for c in kids if c.dep_ == "poss" and c.pos_ == "PROPN" and (
                lemma in _PARTS or lemma in _UNIT_NOUNS or c.ent_type_ not in ("GPE", "LOC", "NORP")
                and lemma not in _ACTS and lemma not in self.rules.noun_triggers)), None)
            if found is not None:
                # "X, who runs Acme's cloud group", "head of Deutsche Bank's corporate bank": X works for the owner
                return found
        if predicate == "accuses" and not subject and tok.pos_ == "NOUN" and (
                lemma in _GOODS or lemma in _ACTS or lemma in _PARTS or lemma in _STATE_NOUNS):
            # "the US arm of China Telecom": the owner named after "of" outranks the place before the noun
            found = (pobj(("of",)) if lemma in _PARTS else None) \
                or next((c for c in kids if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
                or (None if lemma in _PARTS else next(
                    (c for c in kids if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")), None))
            if found is not None:
                return found  # "said Canada's measures violated WTO rules", "Australian wine was being dumped"
        if predicate == "sanctions" and not subject and lemma in _HALTED:
            found = pobj(("of",))
            if found is not None and found.pos_ == "NOUN":
                found = next((k for k in found.children if k.dep_ == "appos" and k.pos_ == "PROPN"), found)
            if found is not None and found.pos_ == "PROPN":
                # "revoked the export licences of X", "suspended the operations of online marketplace X"
                return found
        if predicate in ("merges-with", "partners-with") and lemma in _PARTS:
            # "the merger of Siemens' rail business with Alstom", "called off the merger of its Indian
            # business with Zee": the business's owner is the party
            owner = next((c for c in kids if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN":
                return owner
            if owner is not None and owner.lower_ in ("its", "their"):
                verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is not None:
                    return self._verb_subject(verb)[0]
        if predicate == "outbids" and not subject and lemma in _BID_NOUNS:
            # "won the battle for Y, seeing off a hostile bid from B": the rival who made the bid
            found = next((c for c in kids if c.dep_ == "poss" and c.pos_ == "PROPN"), None) or pobj(("from", "by"))
            if found is not None:
                return found
        if predicate == "opposes" and not subject and lemma in _ACTS:
            by = pobj(("by", "from"))
            if by is not None and by.pos_ == "PROPN":
                return by  # "opposed unilateral sanctions by the United States": whose measure it is
            # (a sale "to" a named buyer opposes the buyer, as blocking a purchase does)
            sold = pobj(("of",)) if lemma == "sale" and not any(c.dep_ == "poss" for c in kids) \
                and pobj(("to",)) is None and pobj(("to",), tok.head) is None else None
            owner = next((c for c in sold.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) if sold is not None else None
            if owner is not None:
                return owner  # "would vote against the proposed sale of Halden's rolling mills": the seller's
        if predicate == "opposes" and not subject and lemma in _OFFICE_EVENTS:
            found = pobj(("of",))
            if found is not None:
                return found  # "vote against the re-election of chairperson Wendy Becker": the person
        if predicate == "opposes" and not subject and tok.pos_ == "NOUN" and lemma not in _ACTS and lemma not in _ANAPHORS:
            # "criticised Sikka's pay", "in retaliation for her visit": whose conduct it is
            found = next((c for c in kids if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in ("his", "her", "their"))), None)
            if found is not None:
                return found
        if lemma in _ACTS and not subject:
            rc = next((c for c in kids if c.dep_ == "relcl"), None)
            found = next((c for c in rc.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None) if rc is not None else None
            if found is not None:
                return found  # "retaliating against tariffs Washington placed on ...": whose act it is
        if lemma == "family":
            found = next((c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if found is not None:
                return found  # "the Glazer family controls the club": the family is named by its name
        if lemma in _GROUPS:
            led = next((c for c in kids if c.dep_ == "acl" and c.lemma_.lower() == "lead"), None)
            if led is not None:
                return next((p for a in led.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
            led = next((c for c in kids if c.dep_ in ("amod", "compound") and c.lower_ == "led"), None)
            if led is not None:  # "a Brookfield-led consortium": the leader named before "-led"
                return next((g for g in led.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.pos_ == "PROPN"), None)
            member = pobj(("of",))
            if member is not None and member.pos_ == "PROPN" and lemma in ("consortium", "syndicate", "group"):
                return member  # "a consortium of Cobalt Partners and Nordvik Capital": the members (each conjunct too)
        if predicate == "sanctions" and (lemma in _BATCHES or lemma in _PORTIONS) and tok.pos_ == "NOUN":
            inner = pobj(("of",))  # "tariffs on a range of US imports"
            if inner is not None and inner.lemma_.lower() in _GOODS:
                found = next((c for c in inner.children if c.dep_ in ("amod", "compound", "nmod")
                              and c.ent_type_ in ("GPE", "NORP")), None) or self._unwrap(inner, predicate, subject)
                if found is not None:
                    return found
        if tok.pos_ == "NOUN" and tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return tok.head  # "Yarrow Health, the hospital operator that bought X": the description's name
        if tok.pos_ == "NOUN":
            called = next((c for c in kids if c.dep_ == "acl" and c.lemma_.lower() in ("call", "name", "know", "dub")), None)

            if called is not None:  # "51 percent of the combined business, called VodafoneThree"
                found = next((p for p in called.children if p.dep_ in ("oprd", "attr", "dobj") and p.pos_ == "PROPN"), None) \
                    or next((p for c in called.children if c.dep_ == "prep" and c.lower_ == "as"
                             for p in c.children if p.dep_ == "pobj"), None)
                if found is not None:
                    return found
        if lemma in _GOVERNING:
            found = next((c for c in kids if c.dep_ == "poss"), None) or pobj(("of",)) or next(
                (c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if found is not None:
                return found  # "Norsk Telekom's board opposed", "the board of Y received a proposal", "the Tesco board"
        # a noun, or what the tagger took for a number or an adjective: "one of its employees, X",
        # "sued A and its subsidiary B"
        nominal = tok.pos_ == "NOUN" or tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids) \
            or tok.pos_ == "ADJ" and tok.dep_ == "conj" and any(c.dep_ == "poss" for c in kids)
        app = next((c for c in kids if c.dep_ == "appos" and c.pos_ == "PROPN"), None) if nominal else None
        if app is None and nominal and lemma in _PARTS and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            # "the spin-off of its North American business, Amrize": the name hung on the noun before "of"
            app = next((c for c in tok.head.head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and c.i == tok.right_edge.i + 2 and tok.doc[tok.right_edge.i + 1].text == ","), None)
        if app is not None:
            return app  # "Russian shipping group Volgatanker", "two makers, A and B"
        if tok.pos_ == "NOUN":
            # "placed 14 companies on a blacklist, including X": the list may carry the "including"
            # "slapped sanctions on three banks on Monday, including X": the "including" may hang on the verb
            govs = []
            top = tok
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head  # "added A and 35 other organisations, among them B, to its list"
            gov = top.head if top.dep_ == "dobj" else top.head.head if top.dep_ == "pobj" and top.head.dep_ == "prep" else None
            while gov is not None and len(govs) < 3:
                govs.append(gov)
                if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                    break
                gov = gov.head
            # (not the sellers or agents: "bought the company from investors including A and B", nor the
            # brands or rules it goes under: "will sell machines under brands including A and B")
            around = [p for g in govs for c in g.children if c.dep_ == "prep" and c.lower_ not in ("from", "by", "under")
                      for p in c.children if p.dep_ == "pobj"] + govs
            for holder in (tok, pobj(("of",)), tok.head if tok.dep_ == "dobj" else None, *around):
                if holder is not None and not subject:
                    inc = next((p for c in holder.children if c.dep_ == "prep" and c.lower_ in _INCLUDING
                                for p in c.children if p.dep_ == "pobj" and p.pos_ != "PRON"), None) or next(
                        (p for c in holder.children if c.dep_ == "prep" and c.lower_ == "such"
                         for a in c.children if a.lower_ == "as" for p in a.children if p.dep_ == "pobj"), None) or next(
                        (p for c in holder.children if c.dep_ == "prep" and c.lower_ == "as"
                         and any(a.lower_ == "such" for a in c.children)  # "such" parsed as a modifier of "as"
                         for p in c.children if p.dep_ == "pobj" and p.pos_ != "PRON"), None)
                    if inc is not None:
                        return inc  # "dozens of Chinese firms, including SMIC"
        if lemma in ("lawyer", "attorney", "counsel") and subject:
            return pobj(("for", "of"))  # "lawyers for Fairmont filed a complaint"
        if lemma in ("investor", "shareholder", "stockholder", "holder", "bondholder", "creditor") and not subject:
            # "investors in Y backed X's offer", "Y shareholders approved the takeover by X": the deal is for Y
            return pobj(("in", "of")) or next((c for c in kids if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
        if subject:
            if lemma in _GROUPS or lemma in ("investor", "buyer", "bidder", "firm", "company", "fund") \
                    or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _GROUPS:
                # "a group of investors including A, B and C": the named members act (each conjunct too)
                holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
                for h in (holder, pobj(("of",), holder)):
                    if h is not None:
                        inc = next((p for c in h.children if c.dep_ == "prep" and c.lower_ in _INCLUDING
                                    for p in c.children if p.dep_ == "pobj" and p.pos_ != "PRON"), None)
                        if inc is not None:
                            return inc
            if predicate == "opposes" and lemma in ("shareholder", "stockholder", "investor"):
                # "Family Dollar shareholders turned down a proposal from X": the company's owners speak for it
                found = next((c for c in kids if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None)
                if found is not None:
                    return found
                if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ADVISING:
                    # "Glass Ridge urged investors to vote against the merger": who urges them opposes it
                    return self._verb_subject(tok.head)[0]
            if lemma in ("offer", "bid", "proposal", "counterbid", "counteroffer", "approach"):
                # "A's higher offer beat B's"; "seeing off a hostile bid from B": B bid
                return next((c for c in kids if c.dep_ == "poss"), None) or pobj(("from", "by"))
            if lemma in ("unit", "subsidiary", "affiliate", "arm", "division", "vehicle"):
                return pobj(("of",))  # "sold it to a unit of Qamar Holdings": the group acts through its unit
            if lemma in _DECREES and predicate == "sanctions":
                # "signed an order banning transactions with X", "Trump's order barring ...": who issued it
                found = next((c for c in kids if c.dep_ == "poss"), None)
                if found is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                    found = self._verb_subject(tok.head)[0]
                return found
            return None
        if lemma in _PARTS and predicate in ("acquires", "divests", "bids-for", "holds-stake-in") or lemma in _STAKES and predicate in (
                "bids-for", "holds-stake-in", "divests"):
            # the named company before the noun outranks the possessor: "its Apple shares" are Apple's
            # ("buy the chemicals division of Y": Y sells a part of itself, Y is not bought)
            owned = pobj(("of",) if lemma in _PARTS else ("of", "in"))  # "the GSF chain in Britain": a place
            if owned is not None and predicate in ("acquires", "bids-for") and lemma in _SOLD_PARTS:
                owned = None
            found = owned or next((c for c in kids if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                                                and c.ent_type_ not in ("GPE", "LOC")), None) \
                or next((n for c in kids if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1
                         for n in c.children if n.dep_ == "compound" and n.pos_ == "PROPN" and n.i == c.i - 1
                         and n.ent_type_ in ("ORG", "PRODUCT")), None) \
                or next((p for r in kids if r.dep_ == "relcl" and r.lemma_.lower() in ("build", "hold", "own", "take", "acquire", "amass")
                         for p in [pobj(("in",), r)] if p is not None), None) \
                or next((c for c in kids if c.dep_ == "poss" and lemma in _STAKES), None)  # "sell its Coral Telecom unit"
            if found is None and lemma in _STAKES and tok.dep_ == "dobj":
                # "raised money by selling shares in BR Distribuidora": the "in" hung on the verb
                found = next((p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == tok.i + 1
                              for p in c.children if p.dep_ == "pobj"), None)
            if found is None and lemma in _PARTS:
                # "its Duracoat brand" (the name tagged as an adjective), "snack brand Crisply to Y"
                # (the name hung on the verb right after the noun)
                found = next((c for c in kids if c.dep_ == "amod" and c.ent_type_ in ("ORG", "PRODUCT")
                              and c.i < tok.i), None)  # not "the Wichita, Kansas-based business"
                if found is None and tok.dep_ == "dobj":
                    # "spun off its cereal business as WK Kellogg Co" ("as" on the verb or on the noun)
                    found = pobj(("as",), tok.head) or pobj(("as",))
                nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
                if found is None and nxt is not None and nxt.pos_ == "PROPN" and nxt.head.i == tok.head.i \
                        and nxt.dep_ in ("npadvmod", "appos", "dobj", "oprd", "nsubj"):
                    found = nxt
                if found is None and nxt is not None and nxt.text == "," and tok.i + 2 < len(tok.doc) \
                        and tok.doc[tok.i + 2].pos_ == "PROPN" and tok.doc[tok.i + 2].ent_type_:
                    k = tok.i + 2  # "spinning off its energy business, GD Vernova" with the name parsed elsewhere
                    while k + 1 < len(tok.doc) and tok.doc[k + 1].pos_ == "PROPN" and tok.doc[k + 1].ent_type_:
                        k += 1
                    found = tok.doc[k]
            return found
        if predicate == "sanctions" and not subject and lemma in _DEALINGS:
            found = pobj(("with",))
            if found is not None:  # "an order banning transactions with eight apps, including X": the other party
                return (self._unwrap(found, predicate, subject) if found.pos_ == "NOUN" else None) or found
        if lemma in _HOLDINGS and predicate == "sanctions":
            return pobj(("of",)) or next((c for c in kids if c.dep_ == "poss"), None)  # "froze the assets of Y"
            # "the assets of Y" (bought), "shares of Y" / "Y's shares" (a stake, not a purchase)
        if predicate == "sanctions" and (tok.pos_ in ("NUM", "SYM") or tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
                                         or lemma in ("worth", "value")):  # "on C$30 billion worth of US goods"
            inner = pobj(("of",))  # "tariffs on $50 billion of Chinese goods"
            if inner is None:
                inner = next((p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj"), None)
            if inner is not None and inner.i != tok.i:
                return self._unwrap(inner, predicate, subject) if inner.lemma_.lower() in _GOODS else inner
        if (lemma in _GOODS or lemma in _HALTED) and predicate == "sanctions":
            # "barred X's fertiliser", "a duty on Bombardier's jetliners", "suspended Worldcoin's activities"
            found = next((c for c in kids if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if found is not None:
                return found
            # "banned Kaspersky Lab products", "sales of Kaspersky software": the maker named before the goods
            # (not canola: a common word the tagger took for a name; nor the model of a plane a country owns:
            # "a Russian-registered Antonov An-124 cargo plane")
            found = next((c for c in kids if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i
                          and c.ent_type_ in ("ORG", "PRODUCT", "PERSON")), None)
            if found is not None and not any(k.ent_type_ in ("NORP", "GPE") for k in tok.subtree if k.i < tok.i):
                return found
            found = pobj(("from", "to", "into", "for"))
            if found is None:  # "machine tools bound for Russia", "steel imported from Vietnam", "cars made in China"
                found = next((p for c in kids if c.dep_ == "acl" for p in [pobj(
                    ("for", "to", "from", "in") if c.lemma_.lower() in _MADE else ("for", "to", "from"), c)] if p is not None), None)
            if found is None:  # "gloves made by Smart Glove": the maker
                found = next((p for c in kids if c.dep_ == "acl" and c.lemma_.lower() in _MADE for a in c.children
                              if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
            if found is None:  # "imports of chips made by X": the goods inside the flow
                inner = pobj(("of",))
                if inner is not None and inner.lemma_.lower() in _GOODS:
                    found = self._unwrap(inner, predicate, subject)
            if found is None and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
                found = pobj(("from",), tok.head.head)  # "tariffs on steel from Vietnam" attached to the verb
            if found is None and tok.dep_ in ("pobj", "dobj"):
                # "raised duties on solar panels from China", "restrict exports of chips to China":
                # the origin or destination hung on the governing verb
                verb = tok.head
                for _ in range(3):
                    if verb.pos_ == "VERB" or verb.head.i == verb.i:
                        break
                    verb = verb.head
                if verb.pos_ == "VERB":
                    found = pobj(("from", "to", "into"), verb)
                    if found is not None and found.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
                        found = None  # "from December"
            if found is None:  # "imports of Russian oil", "sales of Kaspersky Lab's software"
                inner = pobj(("of",))
                if inner is not None:
                    found = next((c for c in inner.children if c.dep_ in ("amod", "compound", "nmod")
                                  and c.ent_type_ in ("GPE", "NORP")), None) or next(
                        (c for c in inner.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if found is None:  # "tariffs on Chinese steel", "on US soybeans"
                found = next((c for c in kids if c.dep_ in ("amod", "compound", "nmod")
                              and c.ent_type_ in ("GPE", "NORP")), None)
            if found is None:  # "on Chinese-made electric vehicles"
                found = next((g for c in kids if c.dep_ in ("amod", "compound") for g in c.children
                              if g.dep_ in ("npadvmod", "amod", "compound", "nmod") and g.ent_type_ in ("GPE", "NORP")), None)
            return found
        if predicate == "sanctions" and tok.pos_ == "NOUN":
            # "duties on brandy imported from the EU", "a ban on fruit grown in Taiwan": any goods, by origin
            made = next((c for c in kids if c.dep_ == "acl" and c.tag_ == "VBN"
                         and c.lemma_.lower() in ("import", "make", "produce", "manufacture", "grow", "ship", "export")), None)
            if made is not None:
                return pobj(("from", "in"), made)
            if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against") and lemma not in _PEOPLE_GROUPS \
                    and lemma not in self.rules.descriptions and not any(c.dep_ == "appos" for c in kids):
                # "tariffs on Chilean copper": goods named by their country (not "sanctions on Iranian officials")
                found = next((c for c in kids if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")), None)
                if found is not None:
                    return found
        if predicate == "supplies" and tok.dep_ == "dobj":
            return pobj(("to", "for"))  # "supply concentrate to Y"
        if lemma in _ACTS and predicate in ("opposes", "sues"):  # "sued to block X's purchase of Y": X
            if tok.dep_ == "dobj" and tok.head.dep_ in ("xcomp", "advcl") and tok.head.head.lemma_.lower() in _SUE \
                    and not any(c.dep_ in ("poss", "compound") for c in kids):
                # "sued X to block the merger": the sued party's deal is blocked
                sued = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
                if sued is not None:
                    return sued
            poss = next((c for c in kids if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ in ("its", "their") and tok.dep_ == "dobj":
                named = self._its_referent(tok)  # "sued X to block its purchase of Y": X's purchase
                if named is not None:
                    return named
            return next((c for c in kids if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")), None) \
                or pobj(("by", "from")) or next((c for c in kids if c.dep_ == "amod" and c.ent_type_ == "NORP"), None) \
                or (pobj(("by",), tok.head) if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None) \
                or (pobj(("of", "between")) if lemma in ("merger", "combination", "tie-up") else None) \
                or ((pobj(("to",)) or (pobj(("to",), tok.head) if tok.dep_ == "dobj" else None))
                    if lemma == "sale" else None)  # "blocked the sale of X's unit to Y": the buyer
        return None

    def _title_org(self, person: Token, ents: DocEntities, state: bool = False, initial: bool = False,
                   head_of_state: bool = False, corporate: bool = False) -> Token | None:
        """The organization a bare title refers to ("Chief executive X said ..."), only when unambiguous.

        In order: the organization that is the subject of what the person says ("X said Acme
        would ..."), else the organization subject of the sentence's main clause ("Acme
        threatened to sue ..., chief executive X said"), else that of the previous sentence.
        A subject's possessor counts ("Acme's board approved ..."). A person who is not a
        speaker is linked only when the title opens the sentence ("Chief executive X blamed
        ...": the previous sentence's organization) or the person's clause is coordinated
        with the main clause ("Turkey's ministry condemned ..., and President X called ...").
        person: the last token of the person's name. state: the title is a state office
        (president, minister), which may belong to a country. initial: the title opens the sentence.
        head_of_state: the title is a president's or a prime minister's, never a ministry's or an agency's.
        corporate: the title is a firm's (chief executive, founder), never a state body's ("Chief executive X said
        the SEC was stifling innovation": not the SEC's).
        """
        kinds = ("Organization", "GovernmentBody", "Country") if state else \
            ("Company", "Organization") if corporate else ("Company", "Organization", "GovernmentBody")

        def org_subject(verb: Token) -> Token | None:
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != person.i and c.i != subject.i:
                    if any(ents.token_mention[k.i] == -1 or ents.token_mention[k.i] != ents.token_mention[c.i]
                           for k in c.conjuncts):
                        return None  # "Britain and Canada announced ...": which one is not said (not "Legal & General")
                    owners = [k for k in c.children if k.dep_ == "poss" and k.pos_ == "PROPN"]
                    edge = c.left_edge
                    if not state and edge.i < c.i and ents.token_mention[edge.i] != -1 \
                            and (initial or edge.sent.start == person.sent.start) \
                            and ents.mentions[ents.token_mention[edge.i]].end < c.i \
                            and c.doc[ents.mentions[ents.token_mention[edge.i]].end].lower_ in self.role_words:
                        owners.append(edge)  # "Anixter chief executive X said ..., and chairman Y backed it"
                    # "Turkey's foreign ministry condemned ..., and President X": the country, not its ministry
                    for arg in ((*owners, c) if state else (c, *owners)):
                        res = ents.resolve(arg, acting=False)
                        if res is not None and head_of_state and ents.clusters[res[0]].type == "GovernmentBody" \
                                and {w.lower() for w in ents.clusters[res[0]].name.split()} & self._body_words:
                            continue  # "The Treasury Department cut off ... President X said": not the department's
                        if res is not None and state and ents.clusters[res[0]].regulator:
                            continue  # "Britain's media regulator Ofcom ... Foreign Secretary X": not the regulator's
                        if res is not None and ents.clusters[res[0]].type in kinds:
                            return arg
                        if state and res is not None and ents.clusters[res[0]].type == "Place" \
                                and ents.country_of_capital(arg.text, acting=True) is not None:
                            return arg  # "Finance Minister X said Paris would not back down": the capital's state
            return None

        led = person.head if person.dep_ == "appos" and person.head.lower_ in self.role_words else person
        if led.dep_ == "pobj" and led.head.dep_ == "agent" and led.head.head.dep_ in ("acl", "relcl", "advcl") \
                and led.head.head.lemma_.lower() in _LEADING_VERBS and not state:
            # "Akeso, founded by chief executive X", "the group, led by chief executive X" (or "led by chairman and
            # chief executive X", the name parsed as the first title's apposition)
            firm = led.head.head.head
            if led.head.head.dep_ == "advcl":  # "Zoox will remain a business ..., led by chief executive X"
                firm = next((k for k in firm.children if k.dep_ == "nsubj"), firm)
            if firm.pos_ == "NOUN" and firm.dep_ == "attr" and firm.head.lemma_.lower() in ("be", "remain", "become"):
                # "Zoox will remain a standalone business within Amazon, led by chief executive X": what it is
                firm = next((k for k in firm.head.children if k.dep_ == "nsubj"), firm)
            res = ents.resolve(firm, acting=True) if led is person or ents.token_mention[firm.i] != -1 \
                or firm.pos_ == "PROPN" else None
            if res is not None and ents.clusters[res[0]].type in kinds:
                return firm
        subject = person
        if not state and led.dep_ == "pobj" and led.head.lower_ == "under":
            # "Citi is exiting retail banking ... under chief executive X", "the first big disposal under chief
            # executive X", "would refocus ... under new chief executive X": the firm of the clause
            verb = next((a for a in led.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            found = org_subject(verb) if verb is not None else None
            if found is None and verb is not None and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl"):
                found = org_subject(verb.head)
            if found is not None:
                return found
        if person.dep_ == "appos" and person.head.dep_ == "nsubj" and person.head.lower_ in self.role_words:
            subject = person.head  # "President and chief executive X said ...", parsed with X on the title
        verb = subject.head if subject.dep_ == "nsubj" else None
        if verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.rules.reporting_verbs:
            found = org_subject(verb.head)  # "Apple said chief operating officer X will hand over ..."
            if found is not None:
                return found
        if verb is None:
            if person.dep_ == "poss" and not state:
                # "Boeing agreed to sell ..., part of chief executive X's effort to ...": the sentence's firm
                return org_subject(person.sent.root)
            return None
        sent = person.sent
        # "Mannesmann fought the bid, with chairman X arguing ...": an absolute "with" clause of the main one
        with_clause = verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ == "with" and verb.head.dep_ == "prep" \
            and (verb.head.head.i == sent.root.i or verb.head.head.dep_ == "ccomp" and verb.head.head.head.i == sent.root.i)
        if state and not (verb.i == sent.root.i or verb.dep_ == "conj" and verb.head.i == sent.root.i or with_clause):
            return None  # "matching the levy President X announced": a clause of another subject
        if verb.lemma_.lower() not in self.rules.reporting_verbs:
            # (or coordinated with what the main clause reports: "Acme said its board approved the deal, and
            # chief executive X called it ...")
            coordinated = verb.dep_ == "conj" and (verb.head.i == sent.root.i or verb.head.dep_ == "ccomp"
                                                   and verb.head.head.i == sent.root.i and not state)
            # "Google agreed to buy Looker, as cloud chief X sought to catch up": the main clause's firm
            framed = not state and verb.dep_ == "advcl" and verb.head.i == sent.root.i and any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)
            if not (initial and verb.i == sent.root.i or coordinated or framed or with_clause):
                return None  # only a speaker, a main clause's subject or a coordinated clause's subject
            if coordinated or framed or with_clause:
                return org_subject(sent.root)
        else:
            lead = None if state else self._story_firm(person, ents)
            for c in verb.children:
                if c.dep_ == "ccomp":
                    found = org_subject(c)
                    if found is not None and lead is not None and (ents.resolve(found, acting=False) or (None,))[0] != lead:
                        # "Chief executive X said Bostik would give the group ...": the firm spoken of is the
                        # story's other party; the speaker serves the firm the story leads with
                        found = None
                    if found is not None:
                        return found
        if sent.root.i != verb.i:
            found = org_subject(sent.root)
            if found is not None:
                return found
        prev = sent
        for _ in range(3):
            if prev.start == 0:
                break
            prev = person.doc[prev.start - 1].sent
            found = org_subject(prev.root)
            if found is not None:
                return found
            # a sentence about a person ("Elhedery ... takes over in September") passes the story's firm on
            subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            res = ents.resolve(subj, acting=False) if subj is not None else None
            person_named = subj is not None and (subj.ent_type_ == "PERSON" or any(
                c.type == "Person" and c.name.split()[-1] == subj.text for c in ents.clusters))
            if not (res is not None and ents.clusters[res[0]].type == "Person" or person_named):
                break
        return None

    @staticmethod
    def _office_body(role: Token, ents: DocEntities) -> Token | None:
        """The body a bare office title is named after, when the document names exactly one ("Competition
        Commissioner X said ...": the European Commission of the story); None otherwise."""
        body = role.lower_[:-2] if role.lower_.endswith("er") else None
        if body is None or len(body) < 6:
            return None
        found = {m.cluster: m for m in ents.mentions if m.cluster >= 0
                 and ents.clusters[m.cluster].type in ("GovernmentBody", "Organization")
                 and body in {w.lower() for w in ents.clusters[m.cluster].name.split()}}
        if len(found) != 1:
            return None
        m = min(found.values(), key=lambda x: x.start)
        return role.doc[m.end - 1]

    @staticmethod
    def _story_firm(person: Token, ents: DocEntities) -> int | None:
        """The cluster of the company that is the subject of the story's first sentence, when the person's
        own sentence is not the first one; else None."""
        lead = RelationFinder._lead_subject(person.doc, ents)
        return lead[1] if lead is not None and person.i >= next(iter(person.doc.sents)).end else None

    @staticmethod
    def _lead_subject(doc: Doc, ents: DocEntities) -> tuple[Token, int] | None:
        """The subject of the story's first sentence and its cluster, when that is one company; else None."""
        lead = next(iter(doc.sents))
        subj = next((c for c in lead.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        res = ents.resolve(subj, acting=False) if subj is not None and not subj.conjuncts else None
        return (subj, res[0]) if res is not None and ents.clusters[res[0]].type == "Company" else None

    def _lead_firm(self, person: Token, ents: DocEntities) -> Token | None:
        """The firm a story is about, for a speaker with a bare business title that no clause ties to a firm
        ("Chief executive X said the deal would ..."): the subject of the story's first sentence, when that
        is a company and the person's own sentence names no other company."""
        subject = person.head if person.dep_ == "appos" and person.head.lower_ in self.role_words else person
        verb = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else None
        under = subject.dep_ == "pobj" and subject.head.lower_ == "under"  # "the biggest deal under chief executive X"
        if not under and (verb is None or verb.pos_ not in ("VERB", "AUX")):
            return None
        speaker = verb is not None and verb.lemma_.lower() in self.rules.reporting_verbs
        if verb is not None and (verb.lemma_.lower() in self.rules.departure_verbs or any(
                k.dep_ == "prt" and k.lower_ == "down" for k in verb.children)):
            return None  # "chief executive X left the company", "will step down": not the story firm's man now
        lead = self._lead_subject(person.doc, ents)
        if lead is None:
            return None
        subj, res = lead[0], (lead[1],)
        tm = ents.token_mention
        if any(tm[t.i] != -1 and ents.mentions[tm[t.i]].cluster != res[0]
               and ents.clusters[ents.mentions[tm[t.i]].cluster].type == "Company" for t in person.sent):
            return None
        # a speaker; else a title that opens its sentence ("Chairman X thanked her"), or one in a sentence
        # that names the firm ("the biggest deal under chief executive X; Gilead also bought ...")
        opening = person.doc[subject.left_edge.i].is_sent_start
        if not speaker and not opening and not any(
                tm[t.i] != -1 and ents.mentions[tm[t.i]].cluster == res[0] for t in person.sent):
            return None
        return subj

    @staticmethod
    def _listed_state(person: Token, ents: DocEntities) -> Token | None:
        """The one country named as a possessor earlier in the list a titled person is part of ("sanctions on
        Colombia's President A, his wife and Interior Minister B": B serves Colombia), or None. A list the
        parser splits across two prepositions ("on Turkey's ministries and on three officials, Defence
        Minister C") is not reached."""
        top = person
        while top.dep_ in ("conj", "appos", "pobj", "prep") and top.head.pos_ not in ("VERB", "AUX") \
                and top.head.i != top.i:
            top = top.head
        states = {}
        for t in top.subtree:
            if t.i >= person.i:
                break
            if t.dep_ == "poss" and ents.token_mention[t.i] != -1:
                c = ents.mentions[ents.token_mention[t.i]].cluster
                if ents.clusters[c].type == "Country":
                    states.setdefault(c, t)
        return next(iter(states.values())) if len(states) == 1 else None

    def _titles(self, doc: Doc, ents: DocEntities) -> list[dict]:
        """works-for candidates from a title before a person: "<org> <role> <Person>"."""
        out = []
        words, heads, blockers = self.role_words, self.rules.role_heads, self.rules.role_blockers
        tm = ents.token_mention
        for m in list(ents.mentions):
            if m.label != "PERSON" or m.start == 0 or ents.clusters[m.cluster].type != "Person":
                continue
            j = m.start - 1

            def is_role(t: Token) -> bool:
                return t.lower_ in words or t.tag_ == "NNS" and t.lemma_.lower() in words  # "Archer co-founders A and B"

            def role_word(k: int) -> bool:
                # "co-founder" is three tokens; "co-founder and chief executive X" two roles; "Under Secretary X"
                # (not "under President X")
                # "Malaysia's Transport Minister X": a portfolio before a state office, however NER tagged it
                # "chairman, president and chief executive X": a comma between two roles
                return is_role(doc[k]) or doc[k].lower_ == "co" and k + 2 < m.start and doc[k + 1].text == "-" \
                    or k > 0 and doc[k].text in ("-", "and", ",") and doc[k - 1].lower_ in words | {"co"} \
                    and k + 1 < m.start and is_role(doc[k + 1]) \
                    or doc[k].lower_ == "under" and k + 1 < m.start and doc[k + 1].lower_ == "secretary" \
                    or doc[k].lower_ in _PORTFOLIOS and k + 1 < m.start and doc[k + 1].lower_ in _STATE_ROLES
            while j >= 0 and (tm[j] == -1 or doc[j].lower_ in _PORTFOLIOS) and role_word(j) and not doc[j].is_sent_start:
                j -= 1
            bare = False
            if j >= 0 and tm[j] == -1 and doc[j].lower_ in words and doc[j].is_sent_start:
                j, bare = j - 1, True  # "Chief executive Elena Marsh said ...": no organization before the title
            if j > 0 and doc[j].tag_ == "POS" and tm[j - 1] != -1:
                j -= 1  # "Halvard Group's chief executive Maria Olsen": the possessor employs
            if j == m.start - 2 and doc[j + 1].tag_ == "POS" and tm[j] != -1 \
                    and ents.clusters[ents.mentions[tm[j]].cluster].type == "Company" \
                    and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass", "appos", "conj", "pobj", "dobj") \
                    and not any(t.lower_ in blockers for t in doc[max(0, j - 4):j]):
                # "Glencore's Ivan Glasenberg ran the enlarged company", "DuPont's Ed Breen will run it": the firm's man
                out.append(dict(rule=_TITLE_RULE, predicate="works-for", gerund="working-for", trig=doc[j],
                                subj=doc[m.end - 1], obj=doc[j], inherited=False, anchor=None, status="asserted",
                                role=None, title_org=True))
                continue
            role_toks = [t for t in doc[j + 1:m.start] if t.tag_ != "POS"]
            while role_toks and role_toks[0].lower_ in ("of", "the", "and", "-"):
                role_toks.pop(0)
            # (not founders: the sets give a founder no post unless the text says the founder runs the firm)
            plural = bool(role_toks) and role_toks[-1].tag_ == "NNS" and role_toks[-1].lemma_.lower() in heads \
                and role_toks[-1].lemma_.lower() not in _FOUNDER_WORDS
            if not role_toks or role_toks[-1].lower_ not in heads and not plural:
                continue
            if any(t.lower_ in blockers for t in doc[max(0, j - 3):m.start]) or self._departed(doc[m.end - 1]):
                continue  # "former chief executive X", "Founder X, who had left months earlier"
            if j >= 0 and doc[j].lower_ == "whose":
                # "Qantas, whose chief executive Alan Joyce is due to hand over ...": the firm the clause describes
                rel = next((a for a in doc[m.end - 1].ancestors if a.dep_ == "relcl"), None)
                firm = rel.head if rel is not None else doc[j - 2] if j >= 2 and doc[j - 1].text == "," else None
                # (the parser may leave the clause unattached: "Qantas, whose chief executive X is due to ...")
                if firm is not None and tm[firm.i] != -1:
                    out.append(dict(rule=_TITLE_RULE, predicate="works-for", gerund="working-for", trig=role_toks[-1],
                                    subj=doc[m.end - 1], obj=firm, inherited=False, anchor=None, status="asserted",
                                    role=" ".join(t.text for t in role_toks).lower(), title_org=True))
                continue
            if not bare and (j < 0 or tm[j] == -1 and doc[j].pos_ != "PROPN" and not doc[j].is_title):
                bare = True  # "..., chief executive Maria Lindqvist said": a bare title inside the sentence
            roles = {t.lower_ for t in role_toks}
            state = bool(roles & _STATE_ROLES and not roles & _BUSINESS_ROLES) \
                or "general" in roles and bool(roles & _WORDS["general_offices"])  # "Assistant Attorney General X"
            if j >= 0 and tm[j] == -1 and doc[j].ent_type_ == "NORP" and not state \
                    and not any(doc[j].text == c.name or doc[j].text in c.aliases for c in ents.clusters):
                continue  # "Qatari banker X": a description, not a post at the firm of the story
            named = ents.clusters[ents.mentions[tm[j - 2]].cluster] if j >= 2 and tm[j - 2] != -1 else None
            if bare and named is not None and doc[j].lower_ in ("its", "their") and doc[j - 1].lower_ == "and" and (
                    named.type in ("Company", "Organization") or named.type == "Place" and not ents.known_place(named)):
                org = doc[j - 2]  # "sued Binance and its chief executive X": the firm just named (NER's place or not)
            elif bare and j >= 2 and doc[j].lower_ in ("its", "their") and doc[j - 1].pos_ == "ADP" and doc[j - 2].lower_ == "and":
                # "sanctions on Nordline AG, ..., and on its chief executive X": the firm named before
                org = next((doc[ents.mentions[tm[k]].end - 1] for k in range(j - 3, doc[j].sent.start - 1, -1)
                            if tm[k] != -1 and ents.clusters[ents.mentions[tm[k]].cluster].type in ("Company", "Organization")), None)
                if org is None:
                    continue
            elif bare and j >= 0 and doc[j].lower_ == "its" and roles & _BUSINESS_ROLES - {"founder", "co-founder", "cofounder"} \
                    and (ents.resolve(doc[j], acting=True) or (None,))[0] is not None \
                    and ents.clusters[ents.resolve(doc[j], acting=True)[0]].type in ("Company", "Organization"):
                org = doc[j]  # "on condition that its founder and chief executive X be installed": the firm "its" is
            elif bare:
                org = self._title_org(doc[m.end - 1], ents, state=state, initial=doc[j + 1].is_sent_start,
                                      head_of_state=state and bool(roles & _HEADS_OF_STATE),
                                      corporate=bool(roles & _CORPORATE_ROLES)) \
                    or (self._listed_state(doc[m.end - 1], ents) if state else None) \
                    or (self._lead_firm(doc[m.end - 1], ents) if not state else None) \
                    or (self._office_body(role_toks[-1], ents) if state else None)
                if org is None:
                    continue
            else:
                org = doc[j]
                if tm[j] == -1 and ents.resolve(org, acting=True) is None:
                    if roles & _BUSINESS_ROLES and not state and (org.is_title or org.is_upper) \
                            and (not org.is_sent_start or org.pos_ in ("PROPN", "VERB")) \
                            and org.pos_ not in ("DET", "PRON", "ADP") and org.lower_ not in self.role_words \
                            and org.lower_ not in self.rules.descriptions and org.ent_type_ not in ("GPE", "NORP", "LOC"):
                        ents.employer_name(org)  # "Signify chief executive X": a name NER missed, not another firm
                    else:
                        # an ambiguous short name before the title, or a capitalised modifier ("Competition commissioner X")
                        org = self._title_org(doc[m.end - 1], ents, state=state, initial=doc[j].is_sent_start) or org
            org_c = ents.clusters[ents.mentions[tm[j]].cluster] if not bare and tm[j] != -1 else None
            if org_c is not None and org_c.type == "Place" and not (
                    org_c.gazetteer_id is None and ({t.lower_ for t in role_toks} & _BUSINESS_ROLES
                                                    or state and ents.known_place(org_c))):
                # a business role means NER took a firm for a place; "Texas Governor X", "New York Attorney
                # General X": a state office of a listed state or city works for its government (see _emit)
                continue
            # "US President X", "Germany's economy minister X": a state office works for the country (the sets'
            # convention for heads of state, ministers and officials)
            role = " ".join(t.lemma_ if t is role_toks[-1] and plural else t.text for t in role_toks).lower().replace(" - ", "-")
            # "Archer co-founders Brett Adcock and Adam Goldstein": a plural title names every coordinated person
            people = [doc[m.end - 1]] + ([k for k in self._name_run(ents, m.start, doc[m.start].sent.end)[1:]
                                          if ents.clusters[ents.mentions[tm[k.i]].cluster].type == "Person"]
                                         if plural else [])
            for person in people:
                out.append(dict(rule=_TITLE_RULE, predicate="works-for", gerund="working-for", trig=role_toks[-1],
                                subj=person, obj=org, inherited=False, anchor=None, status="asserted",
                                role=role, title_org=True))
        return out


def _described_as_unit(tok: Token) -> bool:
    """Whether a name is followed by its own description as another's unit or parent: "FAM, the investment arm
    of the Wallenberg family foundations" (however the parser hung the description)."""
    doc = tok.doc
    k = tok.i + 1
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("the", "a", "an"):
        return False
    k += 2
    while k < len(doc) and k < tok.i + 8 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
        if doc[k].lemma_.lower() in _UNIT_OR_PARENT_NOUNS and k + 1 < len(doc) and doc[k + 1].lower_ == "of":
            return True
        k += 1
    return False


def _reciprocal(tok: Token) -> bool:
    """Whether an argument is "each other" or "one another"."""
    return tok.lower_ in ("other", "another") and any(k.lower_ in ("each", "one") for k in tok.children) \
        or tok.lower_ in ("other", "another") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("each", "one")


def _crosses_clause(tok: Token, top: Token) -> bool:
    """Whether the path from tok up to its ancestor top passes into another clause (adverbial, complement
    or coordinated); relative clauses and infinitive complements ("agreed to recommend a takeover") do not count."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("advcl", "ccomp", "conj", "parataxis") and tok.pos_ in ("VERB", "AUX"):
            return True
        tok = tok.head
    return False


# rules that find a standing measure the story recalls ("has been under US sanctions since 2011", "is on the entity
# list"): no later "the decision", reaction or "the two companies" refers to it
_STANDING_RULES = ("under-sanctions", "on-list")
_PER_SHARE_RULE = PatternRule(id="offer-per-share", source="extraction/relations.py", confidence=0.7, pattern=())
# patterns whose object is the name an appositive owner noun describes ("Y, X's subsidiary", "X, the parent of Y")
_APPOS_OWNER_RULES = frozenset({"appos-parent-of", "appos-poss-unit", "appos-compound-unit"})
_VERDICT_RULE = PatternRule(id="shareholders-verdict", source="extraction/relations.py", confidence=0.7, pattern=())
_CHOSEN_RULE = PatternRule(id="chosen-offer-over", source="extraction/relations.py", confidence=0.75, pattern=())
_PLEA_RULE = PatternRule(id="reported-prosecution", source="extraction/relations.py", confidence=0.7, pattern=())
_SAID_RULE = PatternRule(id="said-wrongdoing-act", source="extraction/relations.py", confidence=0.65, pattern=())
_SAYING, _MODALS, _ADMITTING = _WORDS["wrongdoing_reporting_verbs"], _WORDS["modal_auxiliaries"], _WORDS["admitting_verbs"]
_SUIT_BY_RULE = PatternRule(id="suit-by-plaintiff", source="extraction/relations.py", confidence=0.75, pattern=())
_OWNER_FIRM_RULE = PatternRule(id="owner-poss-firm", source="extraction/relations.py", confidence=0.65, pattern=())
_LEAVING_RULE = PatternRule(id="leaving-holder", source="extraction/relations.py", confidence=0.7, pattern=())
_APPOINTED_RULE = PatternRule(id="appointed-role", source="extraction/relations.py", confidence=0.75, pattern=())
_ROUND_RULE = PatternRule(id="round-members", source="extraction/relations.py", confidence=0.7, pattern=())
_UNDERVALUING, _VALUING = _WORDS["undervaluing_verbs"], _WORDS["valuing_verbs"]
_JUDGED_BID_RULE = PatternRule(id="bid-judged-by-target", source="extraction/relations.py", confidence=0.7, pattern=())
_SPUN_RULE = PatternRule(id="spun-off-from", source="extraction/relations.py", confidence=0.7, pattern=())
_JOINT_RULE = PatternRule(id="joint-action", source="extraction/relations.py", confidence=0.7, pattern=())
_UNIT_LISTS_RULE = PatternRule(id="unit-lists", source="extraction/relations.py", confidence=0.7, pattern=())
_STATE_OWNED_RULE = PatternRule(id="state-owned", source="extraction/relations.py", confidence=0.7, pattern=())
_VENTURE_RULE = PatternRule(id="venture-partner", source="extraction/relations.py", confidence=0.7, pattern=())
_NAMED_PARENT_RULE = PatternRule(id="named-parent", source="extraction/relations.py", confidence=0.7, pattern=())
_TITLE_RULE = PatternRule(id="title-prefix", source="extraction/relations.py", confidence=0.85, pattern=())
