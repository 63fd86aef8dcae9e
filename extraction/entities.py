"""Entities of one document: spaCy mentions typed by the ontology, folded
into one entity per real-world thing inside the document.

Steps, all cheap next to the parse (no second parse; one pass over the
entities and tokens, two small matchers):

1. mentions from NER (+ the gazetteer entity ruler): ORG, FAC, GPE, LOC,
   PERSON; a leading "the" and a trailing possessive are dropped; spans are
   repaired: parts the tokenizer split off ("3M", "Cleveland-Cliffs",
   "Seven & i"), a legal form NER left off ("Airbus" + "SE"), an initialism
   ("SK Hynix"), two names run together ("X to Y", "Rusal and En+ Group"),
   a gazetteer name longer than NER's span, a name inside an amount
   ("fined Google 220 billion won"), an organization and the place after it
   ("Three UK"); untagged names are found in coordinations with
   organizations, before a firm appositive or "which" clause, and before a
   unit noun ("its Instant On business"); the place in "X-based" is a place;
2. a parenthesised Chinese name or acronym right after a mention becomes an
   :class:`Alias` of it (``Huawei Technologies Co (華為)``, ``(NBA)``);
3. mentions are clustered longest first: same gazetteer entry, same name or
   alias, a short form whose words are a subset of exactly one longer name
   once legal suffixes are dropped ("Dahua" -> "Zhejiang Dahua Technology
   Co"), unless the longer name only adds a place ("Vodafone Italia" is a
   unit of "Vodafone"), or an acronym of exactly one name ("HPE");
4. short forms NER missed elsewhere in the document are tagged too, also
   without their legal form ("Seven & i");
5. types: gazetteer type, else word cues (``entity_types.yaml``; a cue of
   several words such as "Central Bank" first), else Company for
   organizations, Country/Place for GPEs, Person; a person label is dropped
   for names starting with a company word ("Banco Santander"), one-word
   capitals ("BBVA") and names after a firm appositive; a name after a job
   title is a person ("Nissan chief executive Makoto Uchida").

Relation arguments that are not mentions are resolved on demand: state
metonymy ("Washington" acting -> the government entry), definite
descriptions ("the insurer", "the Japanese steelmaker", "its German rival";
see :meth:`DocEntities.description`), "it"/"its", "the government", and
noun phrases that are a gazetteer alias ("the US administration"). Nothing
is resolved when two entities fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.attrs import ORTH, POS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from relgraph.datafiles import parse_yaml
from relgraph.errors import DataFileError

from .gazetteer import GazetteerEntry
from .records import Alias, DocEntity
from .rules import LEXICON_DIR, Rules, load_word_lists

_WORDS = load_word_lists()
_GOVERNING = _WORDS["governing"]  # "Acme's board" acts for Acme
_STATE_ROLES = _WORDS["state_roles"]
_POSSESSED_PARTS = _WORDS["parts"] | {"group"}  # "its optical solutions group": a part of the possessor
_CHARGING_VERBS = _WORDS["charging_verbs"]  # "accused X of fraud at its unit": its = X
_HOLDER_WORDS = _WORDS["holder_nouns"]  # "X remains its largest shareholder": its = another firm
_PERSON_ONLY_ROLES = _WORDS["person_only_roles"]  # titles no firm has: "X, the United States ambassador"
_DEAL_OBJECT_WORDS = _WORDS["deal_object_words"]  # "buy Y", "the takeover of Y": Y is a deal's object
_PORTFOLIOS = _WORDS["portfolio_words"]  # "Defence Minister X": part of the title, not an organization  # "Texas Governor X" names no employer firm
_NEW_FIRM = _WORDS["new_firm_modifiers"]  # "the combined company" is no earlier firm
_PAIR_NOUNS = _WORDS["pair_nouns"]  # "the merger of A and B": two names
_STATE_DESCRIPTORS = _WORDS["state_descriptors"]  # "antitrust regulator CADE": the name is a state body's

LABELS = {"ORG", "FAC", "GPE", "LOC", "PERSON"}
# labels NER gives unknown firm names ("Acme Robotics" as WORK_OF_ART); kept only with a business cue
_MISLABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP"}
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]\w*$|^[A-Z]{2,}[a-z]*$")  # "VMware", "OpenAI", "SMIC"
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}
_PAREN = re.compile(r"\s*[(（]([^()（）]{1,60})[)）]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&.]{1,9}$")
_ALNUM = re.compile(r"^(?=.*\d)[A-Z][A-Z\d]{1,5}$")  # "TF1", "M6"
_ACRONYM_ONLY = re.compile(r"^[A-Z]{2,6}$")
_APOS = str.maketrans({"’": "'", "‘": "'"})
PRONOUNS = {"it", "its"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
_HONORIFICS = {"Mr", "Ms", "Mrs", "Dr", "Sir", "Dame", "Prof"}
_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "authorities"}
_BREAKS = {"to", "from", "by", "with", "in", "on", "at", "over", "after", "said", "says"}
_MAGNITUDES = frozenset({"million", "billion", "trillion", "mln", "bln", "bn"})


# Numeric entities NER may swallow a name into ("fined Google 220 billion won").
_NUMERIC = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
# Firm descriptions that also describe people ("Roman Abramovich, the billionaire owner of Chelsea").
_PERSON_NOUNS = {"owner", "investor", "developer", "designer", "rival", "trader", "builder", "contractor", "founder",
                 "partner", "supplier", "publisher", "broadcaster", "distributor", "provider"}
# Suffixes of hyphenated modifiers that are not part of a name ("Tokyo-based").
_JOIN_STOP = {"based", "listed", "owned", "backed", "controlled", "headquartered", "registered", "made", "led"}


def load_name_cues(path: Path | None = None) -> tuple[frozenset[str], ...]:
    """The legal-form words, name joiners, company-name first words and unit nouns of ``org_cues.yaml``.

    path: the lexicon file (default: the bundled one).
    Raises DataFileError naming the file and key when a list is malformed.
    """
    path = path or LEXICON_DIR / "org_cues.yaml"
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path)) or {}
    out = []
    for key in ("legal_forms", "joiners", "starts", "unit_nouns"):
        words = data.get(key) or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"{path}: {key}: expected a list of words, got {words!r} (quote yes/no/on/off)")
        out.append(frozenset(w.strip() for w in words))
    return tuple(out)


# parts of speech spaCy gives capitalised words of a firm's name it did not recognise ("Rite Aid": ADJ, NOUN)
_NAME_POS = frozenset({"NOUN", "ADJ", "VERB"})


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lookup key of a name: straight apostrophes, single spaces, lower case (cached: names recur)."""
    return " ".join(text.translate(_APOS).split()).lower()


def _clean(text: str) -> str:
    text = " ".join(text.translate(_APOS).split())
    for det in ("the ", "an ", "a "):
        if text[:len(det)].lower() == det:
            text = text[len(det):]
            break
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'") and text[-2:-1] == "s":
        text = text[:-1]
    return text.strip()


# the words before "for" inside a body's own name ("Center for Strategic and International Studies"); after
# any other word a "for" NER ran over joins two names ("Numetal for Essar Steel")
_FOR_NAMES = frozenset({"agency", "alliance", "association", "authority", "bureau", "campaign", "center", "centre",
                        "coalition", "commission", "committee", "council", "federation", "foundation", "fund",
                        "institute", "league", "network", "office", "organisation", "organization", "partnership",
                        "society", "trust", "union"})
_NAME_PARTICLES = frozenset({"al", "bin", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von"})


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    cluster: int = -1


@dataclass
class Cluster:
    name: str
    type: str
    label: str
    gazetteer_id: str | None = None
    aliases: dict[str, str | None] = field(default_factory=dict)
    core: frozenset[str] = frozenset()
    first: int = 0
    regulator: bool = False  # named right after "regulator" or "watchdog": a state body no minister heads

    def to_entity(self) -> DocEntity:
        aliases = tuple(Alias(t, lang) for t, lang in self.aliases.items() if t != self.name)
        return DocEntity(name=self.name, type=self.type, aliases=aliases, gazetteer_id=self.gazetteer_id)


class EntityLinker:
    """Built once per Extractor: gazetteer lookups and typing cues.

    gazetteer: the gazetteer entries. rules: the loaded rule data.
    """

    def __init__(self, gazetteer: tuple[GazetteerEntry, ...], rules: Rules):
        self.rules = rules
        self.by_surface: dict[str, GazetteerEntry] = {}
        self.metonyms: dict[str, GazetteerEntry] = {}
        for e in gazetteer:
            for name in e.names():
                self.by_surface.setdefault(normalize(name), e)
            for m in e.metonyms:
                self.metonyms.setdefault(normalize(m), e)
        self.countries = {normalize(c) for c in rules.countries}
        self.legal_forms, self.joiners, self.org_starts, self.unit_nouns = load_name_cues()
        self.suffixes = {w.lower() for w in self.legal_forms}
        self.cues = [(t, {w.lower().rstrip(".") for w in ws}) for t, ws in rules.type_cues]
        # multi-word cues of the non-company types beat a business head noun ("European Central Bank")
        self.phrase_cues = [(t, {c for c in cues if " " in c}) for t, cues in self.cues if t != "Company"]
        self.heads = {w.lower() for w in rules.org_heads}
        self.gazetteer = gazetteer
        # names of places in company unit names beyond the country list ("Vodafone Italia")
        self.places = {normalize(e.name) for e in gazetteer if e.type in ("Place", "Country")} | {
            "europe", "asia", "africa", "americas", "italia", "espana", "españa", "deutschland", "nederland",
            "uk", "us", "usa", "emea", "apac"}
        # every name known as a place: a "place" outside it in a deal is a firm NER mistyped (DocEntities.known_place)
        self.known_places = frozenset(self.places | self.countries | {normalize(p) for p in rules.places})
        self.companies = frozenset(normalize(n) for n in rules.companies)
        # names a list knows as a firm: companies.txt or the gazetteer (DocEntities._coordinated_cut)
        self.known_names = self.companies | frozenset(self.by_surface)
        self.descriptor_matcher: Matcher | None = None
        self.gazetteer_matcher: PhraseMatcher | None = None
        self._gaz_label: dict[int, str] = {}
        # English words of the model's lemmatizer tables: a capitalised word outside them is a name
        # even where the tagger calls it an adjective or a sentence's first noun (set by the pipeline)
        self.common_words: frozenset[str] | None = None

    def use_lemma_index(self, nlp) -> None:
        """Take the English words of the pipeline's rule lemmatizer (its WordNet index) as common words.

        nlp: the spaCy pipeline; a pipeline without a lookup-based lemmatizer leaves the set unknown.
        """
        try:
            index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        except (KeyError, AttributeError, ValueError):
            return
        self.common_words = frozenset(w for words in index.values() for w in words)

    def common_word(self, word: str) -> bool:
        """Whether a lower-case word is an English dictionary word (True when no dictionary is known)."""
        return self.common_words is None or word in self.common_words

    def build_matchers(self, vocab) -> None:
        """Compile the descriptor matcher ("signalling firm Trackwise") once for a vocabulary.

        vocab: the spaCy pipeline's vocabulary.
        """
        self.descriptor_matcher = Matcher(vocab)
        if self.rules.org_descriptors:
            name = {"POS": "PROPN", "ENT_TYPE": {"IN": ["", *sorted(_MISLABELS)]}, "OP": "+"}
            self.descriptor_matcher.add("DESCRIBED_ORG", [
                # the tagger reads some descriptors as adjectives ("signalling firm Trackwise")
                [{"LOWER": {"IN": sorted(self.rules.org_descriptors)}, "POS": {"IN": ["NOUN", "ADJ"]}}, name],
                [{"LOWER": "rival", "POS": "ADJ"}, name]], greedy="LONGEST")  # "Swiss rival viagogo"

        # Gazetteer names win over a shorter or overlapping NER span ("Committee on Foreign Investment"
        # + "the United States"); the entity ruler only fills gaps NER left.
        from spacy.lang.en import English

        make_doc = English(vocab=vocab).make_doc
        self.gazetteer_matcher = PhraseMatcher(vocab)
        label = {"Person": "PERSON", "Country": "GPE", "Place": "GPE"}
        for e in self.gazetteer:
            names = [n for n in e.names() if len(n.split()) > 1 and not _CJK.search(n)]
            if names:
                key = f"GAZ-{e.id}"
                self.gazetteer_matcher.add(key, [make_doc(n) for n in names])
                self._gaz_label[vocab.strings[key]] = label.get(e.type, "ORG")

    def cue_patterns(self) -> list[dict]:
        """Entity ruler pattern for capitalised names ending in a business head noun ("Verdant Energy")."""
        if not self.rules.org_heads:
            return []
        return [{"label": "ORG", "pattern": [
            {"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]},
             "LOWER": {"NOT_IN": ["the", "a", "an", "shares", "rival", "chief", "spokesman", "spokeswoman", "last",
                                  "this", "next", "biotech", "software", "mining", "industrial"]}, "OP": "+"},
            {"LOWER": {"IN": sorted(self.heads)}, "IS_TITLE": True}]}]

    def ruler_patterns(self, gazetteer: tuple[GazetteerEntry, ...]) -> list[dict]:
        """Entity ruler phrase patterns from the gazetteer names, aliases and metonyms."""
        label = {"Person": "PERSON", "Country": "GPE", "Place": "GPE"}
        seen, out = set(), []
        for e in gazetteer:
            items = [(n, label.get(e.type, "ORG")) for n in e.names()] + [(m, "GPE") for m in e.metonyms]
            for text, lab in items:
                if text and (text, lab) not in seen and not _CJK.search(text):
                    seen.add((text, lab))
                    out.append({"label": lab, "pattern": text})
        return out

    def type_of(self, name: str, label: str) -> str:
        """Ontology type of a mention from its words and spaCy label.

        name: the mention text. label: its spaCy label (ORG, FAC, GPE, LOC, PERSON).
        """
        key = normalize(name)
        if key in self.companies:
            return "Company"  # a well-known firm NER took for a person or a place (companies.txt)
        words = [w.rstrip(".") for w in key.split()]
        for t, phrases in self.phrase_cues:
            if any(p in key for p in phrases):
                return t
        if label == "ORG" and key in self.countries:
            return "Country"  # "Peru said it would impose sanctions": NER took the acting state for an organization
        if words and words[-1] in self.suffixes:
            return "Company"  # a legal suffix beats every other cue ("Design Institute Corp")
        if label in ("PERSON", "ORG", "GPE", "LOC") and len(words) > 1 and words[-1] in self.heads \
                and key not in self.countries \
                and not any(words[-1] in cues for t, cues in self.cues if t != "Company"):
            return "Company"  # "Hollow Oak Ales", "Norsk Telekom": a business head noun ends the name
        if label in ("GPE", "LOC"):
            return "Country" if key in self.countries else "Place"
        if label == "PERSON" and not any(set(words) & cues for _, cues in self.cues):
            return "Person"
        words = set(words)
        for t, cues in self.cues:
            if words & cues or any(" " in c and c in key for c in cues):
                return t
        return "Company"

    def unit_words(self, words: frozenset[str]) -> bool:
        """Whether the words a longer name adds are all place words, so it names a unit
        ("Vodafone Italia", "Nexperia China", "Three UK") and not the short form's full name.

        words: lower-case words of the longer name missing from the shorter one.
        """
        return bool(words) and all(w in self.countries or w in self.places for w in words)

    def core(self, name: str) -> frozenset[str]:
        """The words of a name without its legal form, a possessive inside it dropped ("Lowe's Cos": lowe)."""
        return frozenset(w.removesuffix("'s") for w in normalize(name).replace(",", " ").split()
                         if w.rstrip(".") not in self.suffixes)

    def link(self, doc: Doc) -> "DocEntities":
        return DocEntities(self, doc)


class _TokenView:
    """A parsed document whose tokens are made once: ``view[i]`` returns the same Token object every time
    (``Doc[i]`` builds a new one on each read, and name finding reads tokens hundreds of times a document);
    slices and every other attribute are the Doc's own."""

    __slots__ = ("doc", "_toks")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._toks = list(doc)

    def __getitem__(self, k):
        return self.doc[k] if isinstance(k, slice) else self._toks[k]

    def __len__(self) -> int:
        return len(self._toks)

    def __iter__(self):
        return iter(self._toks)

    def __getattr__(self, name):
        return getattr(self.doc, name)


class DocEntities:
    """The entities of one parsed document and how tokens map to them."""

    def __init__(self, linker: EntityLinker, doc: Doc):
        self.linker = linker
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token each time it is read: read it once
        self._view = _TokenView(doc)  # the tokens, made once, for name finding
        self.token_mention = [-1] * len(doc)
        self.mentions: list[Mention] = []
        self.clusters: list[Cluster] = []
        self._gaz_cluster: dict[str, int] = {}
        self._name_cluster: dict[str, int] = {}
        self._sent_starts: list[int] | None = None
        self.titled: set[int] = set()  # clusters named with a job title (filled by the relation finder)
        self._titled_starts: set[int] = set()  # mentions NER took for firms that a job title tells are people
        self._role_words = linker.rules.role_heads | linker.rules.role_modifiers
        self._descr: dict | None = None
        self._collect()

    # -- building ---------------------------------------------------------
    def _collect(self) -> None:
        doc, text = self._view, self.text
        consumed = set()
        raw = []
        heads = self.linker.heads
        cued = heads | self.linker.suffixes
        legal, joiners = self.linker.legal_forms, self.linker.joiners
        for ent in doc.ents:
            if ent.start in consumed:
                continue
            if ent.label_ in _NUMERIC or ent.label_ == "LAW" and any(t.like_num for t in ent):
                # (or "fined Canon 28 million euros" taken for a law's name)
                k = ent.start
                while k < ent.end and doc[k].pos_ == "PROPN" and (doc[k].is_title or _CAMEL.match(doc[k].text)
                                                                   or ent.label_ == "CARDINAL" and _ALNUM.match(doc[k].text)):
                    k += 1  # (or "TF1", "M6" NER took for a number)
                if k > ent.start:  # "fined Google 220 billion won": NER took the name into the amount
                    raw.append((ent.start, k, _clean(doc[ent.start:k].text), "ORG", None))
                continue
            if ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART") and ent[0].lower_ in self.linker.rules.role_heads:
                # "CFO Anita Greaves" (as ORG, or ORG "CFO" alone): a title, then a person's name
                r0 = ent.start
                while r0 < ent.end and doc[r0].lower_ in self.linker.rules.role_heads:
                    r0 += 1
                k = r0
                while k < len(doc) and k - r0 < 3 and doc[k].pos_ == "PROPN" and doc[k].is_title \
                        and (k < ent.end or not doc[k].ent_type_) and not doc[k].is_sent_start \
                        and not self._cued(doc[k]):
                    k += 1
                if k - r0 >= 2 and (k >= ent.end or r0 == ent.end):
                    raw.append((r0, k, _clean(doc[r0:k].text), "PERSON", None))
                    continue
                if r0 == ent.end:
                    continue
            if ent.label_ not in LABELS and not (ent.label_ in _MISLABELS and ent.label_ != "NORP" and len(ent) > 1
                                                 and ent[-1].is_title and (ent[-1].lower_.rstrip(".") in cued
                                                                           or ent[-1].lower_ in self.linker.places
                                                                           or ent[-1].lower_ in self.linker.countries)):
                continue  # kept: "Acme Robotics" and "Vodafone Spain" NER took for a work or product
            if not any(ch.isalpha() for ch in ent.text) or _CJK.search(ent.text):
                continue
            start = ent.start + (1 if ent[0].lower_ in ("the", "a", "an") else 0)
            while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                    and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].text[:1].isupper():
                start -= 2  # "Rent-A-Center Inc": NER began the name after its hyphens
            end = ent.end
            while end - start > 1 and doc[end - 1].text in (",", ";"):
                end -= 1  # "the Arby's, Buffalo Wild Wings ... chains": NER took the list's comma into the name
            while end - start > 2 and doc[end - 1].lower_ in _JOIN_STOP and doc[end - 2].text == "-":
                end -= 2  # "a Brookfield-led consortium", "a Ferris Capital-backed fund": the name without the suffix
            if end - start > 1 and doc[end - 1].text == "-" and end < len(doc) and doc[end].lower_ in _JOIN_STOP:
                end -= 1  # NER stopped after the hyphen: "Ferris Capital-" + "led"
            if end - start > 1 and doc[start].is_sent_start and doc[start + 1].is_title and ent.label_ == "ORG" \
                    and doc[start].text not in self.linker.org_starts and doc[start].lower_ != "group" \
                    and (doc[start].lower_ in self.linker.rules.org_descriptors
                         or doc[start].lower_ in self.linker.rules.descriptions or doc[start].lower_.endswith("maker")):
                start += 1  # "Conglomerate Daventry Industries plans ...": the description is not the name
            grown = False  # grown by a business word: the name is an organization whatever NER said
            while end < len(doc) and not doc[end].is_sent_start and (
                    doc[end].is_title and doc[end].lower_ in heads and not doc[end].ent_type_
                    or doc[end].text.rstrip(".") in legal):
                consumed.add(end)  # NER stopped short of the business noun or legal form: "Ashby" + "Leisure", "Airbus" + "SE"
                end += 1
                grown = True
            if end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].text.rstrip(".") in legal \
                    and doc[end + 1].text not in ("Group", "Holding", "Holdings") \
                    and not (end + 2 < len(doc) and doc[end + 2].pos_ == "PROPN" and doc[end + 2].is_title):
                consumed.update((end, end + 1))  # "Macy" + "'s Inc": the possessive is part of the name
                end += 2
                grown = True
            if all(t.text.rstrip(".") in legal for t in doc[start:end]):
                # NER took only the legal form: "Swisscom" + "AG"
                while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                        and (doc[start - 1].is_title or _CAMEL.match(doc[start - 1].text)) and not doc[start].is_sent_start:
                    start -= 1
                if all(t.text.rstrip(".") in legal for t in doc[start:end]):
                    start = self._possessive_name_start(start, end, legal)  # "Macy's" + "Inc"
                    if start is None:
                        continue
                grown = True
            while start > 0 and not doc[start].is_sent_start and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_upper and not doc[start - 1].ent_type_ \
                    and doc[start - 1].head.i in range(start, end) and ent.label_ == "ORG":
                start -= 1  # "SK Hynix", "CK Hutchison": an initialism NER left off the name
            while start > 0 and ent.label_ == "ORG" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                    and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i in range(start, end) \
                    and not doc[start - 1].is_stop and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") \
                    and doc[start - 1].lower_ not in self.linker.rules.org_descriptors \
                    and doc[start - 1].lower_ not in self.linker.rules.role_heads \
                    and doc[start - 1].lower_ not in self.linker.rules.descriptions:
                start -= 1  # "Tarrant" + "Media": NER left an unknown first word off the name
            start, end, glued = self._glue(start, end, cued)
            grown = grown or glued and ent.label_ in ("GPE", "LOC")
            owner = self._possessive_name_start(start, end, legal)
            if owner is not None:
                # "Macy's Inc", "Dick's Sporting Goods Inc": a possessive that begins the firm's own name
                raw = [r for r in raw if not owner <= r[0] < start]
                start, grown = owner, True
            if ent.label_ == "PERSON":
                while start < end - 1 and doc[start].lower_ in self._role_words:
                    start += 1  # "Spokeswoman Karen Liu": the title is not part of the name
            for k in range(start + 1, end):
                if doc[k].is_lower and (doc[k].lower_ in _BREAKS or doc[k].lower_ == "for"
                                        and (doc[k - 1].lower_.rstrip(".") in cued
                                             or doc[k - 1].lower_ not in _FOR_NAMES and k + 1 < end and doc[k + 1].is_title)
                                        or doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ == "ROOT"):
                    # NER ran a name over the verb: "The US Commerce Department put Hikvision"
                    # NER ran two names together: "Humongous Co to Southridge Corp", "Ashdown Capital for Carraway Inns"
                    if k + 1 < end and doc[k + 1].is_title and ent.label_ == "ORG":
                        rest = _clean(doc[k + 1:end].text)
                        if rest:
                            raw.append((k + 1, end, rest, "ORG", None))
                    end = k
                    break
            if end - 1 > start and doc[end - 1].tag_ == "POS":
                end -= 1
            if end - 2 > start and doc[end - 1].lower_ in ("percent", "%", "pct") and doc[end - 2].like_num:
                end -= 2  # "Toyota will own 51 percent and Panasonic 49 percent": the share is no part of the name
            num = end
            while num - 1 > start and (doc[num - 1].like_num or doc[num - 1].lower_ in _MAGNITUDES):
                num -= 1
            if num < end and any(t.lower_ in _MAGNITUDES or any(ch.isdigit() for ch in t.text) and not t.text.isdigit()
                                 for t in doc[num:end]):
                end = num  # NER ran a name into the sum after it: "fined Meta Platforms 797.72 million euros"
            while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].pos_ in ("CCONJ", "ADP", "DET"):
                end -= 1  # NER swallowed the conjunction: "Caldera Copper and"
            if start >= end:
                continue
            cut = next((k for k in range(start + 1, end - 1) if doc[k].text in ("-", "/", "–")
                        and doc[k - 1].lower_.rstrip(".") in cued and doc[k + 1].is_title), None)
            seen = None
            if cut is None and ent.label_ == "ORG":
                seen = {normalize(r[2]) for r in raw} | {normalize(r[2].split()[-1]) for r in raw if r[3] == "PERSON"}
                cut = self._coordinated_cut(start, end, cued, seen)
            if cut is not None:
                # NER joined a pair: "the Acme Robotics-Beta Systems merger", "Buffett, Berkshire's chairman"
                left = _clean(doc[start:cut].text)
                person = doc[cut].text == "," and seen is not None and normalize(left) not in {normalize(r[2]) for r in raw}
                raw.append((start, cut, left, "PERSON" if person else "ORG", None))
                right = end - 1 if doc[end - 1].tag_ == "POS" else end
                raw.append((cut + 1, right, _clean(doc[cut + 1:right].text), "ORG", None))
                continue
            name = self._name(start, end)
            if not name:
                continue
            alias = None
            m = _PAREN.match(text, max(ent.end_char, doc[end - 1].idx + len(doc[end - 1].text)))
            if m:
                inner = m.group(1).strip()
                if _CJK.search(inner):
                    alias = Alias(inner, "zh")
                elif _ACRONYM.match(inner) and inner.replace(".", "").isalpha() and inner.replace(".", "").isupper():
                    alias = Alias(inner, None)
                if alias is not None:
                    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
                    if span is not None:
                        consumed.update(range(span.start, span.end))
            label = "ORG" if grown and normalize(name) not in self.linker.countries or ent.label_ not in LABELS \
                else ent.label_
            based = self._before_based(end)
            if based:
                label = "GPE"  # "the Veldhoven-based company", "McLean, Virginia-based": places
            root = doc[start:end].root
            if not based and label in ("GPE", "LOC", "PERSON") and normalize(name) not in self.linker.countries \
                    and normalize(name) not in self.linker.by_surface and any(
                        c.dep_ == "appos" and c.pos_ == "NOUN" and self._firm_noun(c) for c in root.children):
                label = "ORG"  # "Nexperia, the Nijmegen-based chipmaker": the appositive says what it is
            if label == "PERSON" and (end - start == 1 and doc[start].is_upper and len(doc[start]) > 1
                                      or doc[start].text in self.linker.org_starts):
                label = "ORG"  # "BBVA", "Banco Santander": not how people are named
            if label == "ORG" and grown is False and start > 0 and doc[start - 1].lower_ in self.linker.rules.role_heads \
                    and 2 <= end - start <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in doc[start:end]) \
                    and not any(self._cued(t) for t in doc[start:end]):
                label = "PERSON"  # "Nissan chief executive Makoto Uchida": a person after a job title
            if label in ("GPE", "LOC") and start > 0 and (
                    doc[start - 1].lower_ in self.linker.rules.org_descriptors
                    or "Company" in self.linker.rules.descriptions.get(doc[start - 1].lemma_.lower(), ((),))[0]) \
                    and normalize(name) not in self.linker.known_places and normalize(name) not in self.linker.by_surface:
                label = "ORG"  # "mobile operator Celtra", "state copper giant Codelco": NER took the firm for a place
            if label == "PERSON" and start > 0 and doc[start - 1].is_lower:
                prev = doc[start - 1].lemma_.lower()
                kinds = self.linker.rules.descriptions.get(prev, ((),))[0]
                if prev.endswith("maker") or "Company" in kinds or "Organization" in kinds:
                    label = "ORG"  # "drugmaker Fjord Biotech": NER took the firm for a person
            raw.append((start, end, name, label, alias))
        raw = [r for r in raw if r[0] not in consumed and normalize(r[2]) not in self.linker.rules.not_names
               and not self._portfolio(r)]
        raw = self._prefer_gazetteer(raw)
        raw = self._join_units(raw)
        matcher = self.linker.descriptor_matcher
        if matcher is not None:
            taken = {i for r in raw for i in range(r[0], r[1])}
            for _, s, e in matcher(self.doc):
                if not taken.intersection(range(s + 1, e)):
                    raw.append((s + 1, e, _clean(doc[s + 1:e].text), "ORG", None))  # "signalling firm Trackwise"
                    taken.update(range(s + 1, e))
            raw.sort(key=lambda r: r[0])
        # "Brazil's antitrust regulator CADE", "the Dutch competition watchdog ACM": a state body's name
        state_named = set()
        taken = {i for r in raw for i in range(r[0], r[1])}
        for t in doc:
            if t.lower_ not in _STATE_DESCRIPTORS or t.i + 1 >= len(doc):
                continue
            e = t.i + 1
            while e < len(doc) and (doc[e].pos_ == "PROPN" and doc[e].is_title or doc[e].is_upper and len(doc[e]) > 1) \
                    and doc[e].pos_ in ("PROPN", "NOUN") and e - t.i <= 4:
                e += 1
            if e > t.i + 1:
                hit = next((r for r in raw if r[0] == t.i + 1), None)
                if hit is not None:
                    state_named.add(t.i + 1)
                elif not taken.intersection(range(t.i + 1, e)):
                    raw.append((t.i + 1, e, _clean(doc[t.i + 1:e].text), "ORG", None))
                    taken.update(range(t.i + 1, e))
                    state_named.add(t.i + 1)
        raw.sort(key=lambda r: r[0])
        raw.extend(self._argument_names(raw))
        raw = self._titled_names(raw)
        raw = self._titled_organizations(raw)
        raw.extend(self._employer_names(raw))
        raw = self._coordinated_names(raw)
        raw.sort(key=lambda r: r[0])
        for start, end, name, label, alias in raw:
            mi = len(self.mentions)
            self.mentions.append(Mention(start, end, name, label))
            for i in range(start, end):
                self.token_mention[i] = mi
        # longest first; at equal length an organization before a place, so "Nvidia" tagged GPE once joins it
        order = sorted(range(len(self.mentions)), key=lambda i: (-len(self.mentions[i].text.split()),
                                                                 self.mentions[i].label in ("GPE", "LOC"),
                                                                 self.mentions[i].start))
        aliases = {r_i: r[4] for r_i, r in enumerate(raw) if r[4] is not None}
        for mi in order:
            self._assign(mi, aliases.get(mi))
        for m in self.mentions:
            c = self.clusters[m.cluster]
            if m.start in state_named and c.gazetteer_id is None and c.type in ("Company", "Organization", "Person", "Place"):
                c.type = "GovernmentBody"  # what a regulator or watchdog is called is a state body
                c.regulator = True
            if m.start in self._titled_starts and c.gazetteer_id is None:
                c.type = "Person"  # "Samantha Power, the United States ambassador": a cue word in a person's name
        self._one_word_people()
        self._propagate()
        self._untagged_acronyms()

    def _one_word_people(self) -> None:
        """A "person" NER named with one word all through the document is a firm: news names people in full
        the first time ("Ceconomy", "Airgas", "Tryg" are firms NER took for people). Not a surname of a person
        named in full, nor a name after a title or an honorific, nor a family's name ("the Sackler family")."""
        doc, roles = self.doc, self.linker.rules.role_heads
        surnames = {c.name.split()[-1] for c in self.clusters if c.type == "Person" and " " in c.name}
        by_cluster: dict[int, list[Mention]] = {}
        for m in self.mentions:
            by_cluster.setdefault(m.cluster, []).append(m)

        def beside_name(t) -> bool:  # "Isabel dos Santos" split by NER, "Aldous" left untagged: a person's name
            return t.pos_ == "PROPN" and (t.ent_type_ == "PERSON" or t.is_title and not t.ent_type_
                                          and t.dep_ == "compound") or t.lower_ in _NAME_PARTICLES
        for ci, c in enumerate(self.clusters):
            if c.type != "Person" or " " in c.name or "-" in c.name or c.gazetteer_id is not None or c.name in surnames:
                continue
            ms = by_cluster.get(ci, [])
            if any(" " in a for a in c.aliases) or any(" " in m.text for m in ms):
                continue
            if any(m.start > 0 and (doc[m.start - 1].lower_ in roles or doc[m.start - 1].text.rstrip(".") in _HONORIFICS
                                    or beside_name(doc[m.start - 1]))
                   or m.end < len(doc) and (doc[m.end].lower_ in ("family", "families") or beside_name(doc[m.end]))
                   for m in ms):
                continue
            c.type = "Company"

    def _portfolio(self, r: tuple) -> bool:
        """Whether a mention NER labelled ORG is a minister's portfolio, part of a title ("Defence Minister
        Hulusi Akar", "Energy Secretary X"): only portfolio words, right before a state office."""
        end, name, label = r[1], r[2], r[3]
        return label == "ORG" and end < len(self.doc) and self._view[end].lower_ in _STATE_ROLES \
            and all(w in _PORTFOLIOS for w in normalize(name).split())

    def _glue(self, start: int, end: int, cued: set[str]) -> tuple[int, int, bool]:
        """Widen a name span over the parts the tokenizer split off it.

        start, end: the span. cued: lower-case business words (a hyphen after one joins two names).
        Returns the new start, end and whether the span grew. Covers digits and letters written
        together ("3M", "3G Capital"), hyphenated names ("Cleveland-Cliffs", not "Tokyo-based")
        and joiners between capitalised parts ("Seven & i Holdings").
        """
        doc, joiners = self._view, self.linker.joiners
        s0, e0 = start, end

        def part(t: Token) -> bool:
            return t.is_title or t.is_upper or t.like_num or bool(_CAMEL.match(t.text))

        while True:
            if start > 0 and not doc[start].is_sent_start and not doc[start - 1].whitespace_ \
                    and (doc[start - 1].is_alpha or doc[start - 1].like_num) and not doc[start - 1].ent_type_ in ("GPE", "NORP"):
                start -= 1
            elif start > 1 and not doc[start - 1].is_sent_start and doc[start - 1].text in joiners \
                    and part(doc[start - 2]) and doc[start - 2].ent_iob_ != "I" and not doc[start - 2].is_punct:
                start -= 2
            else:
                break
        while end < len(doc) and not doc[end].is_sent_start:
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            if not doc[end - 1].whitespace_ and (doc[end].is_alpha or doc[end].like_num) and doc[end].text != "s":
                end += 1
            elif nxt is not None and doc[end].text in ("-", "&") and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and part(nxt) and nxt.lower_ not in _JOIN_STOP \
                    and doc[end - 1].lower_ not in cued:
                end += 2
            elif nxt is not None and doc[end].text in joiners and part(nxt) and not nxt.is_sent_start:
                end += 2
            else:
                break
        return start, end, (start, end) != (s0, e0)

    def _possessive_name_start(self, start: int, end: int, legal) -> int | None:
        """Where a firm's name that begins with a possessive starts ("Macy's Inc", "Dick's Sporting Goods Inc"),
        when the span NER found after "'s" ends in a legal form; None when the possessor is an owner or a
        place of its own ("Berkshire's BNSF Railway Co", "Britain's Barclays Plc", "Elon Musk ... Musk's X Corp").

        start, end: the span after the possessive.
        """
        doc = self._view
        if start < 2 or doc[start - 1].tag_ != "POS" or doc[end - 1].text.rstrip(".") not in legal:
            return None
        k = start - 1
        while k > 0 and start - 1 - k < 2 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title \
                and doc[k - 1].ent_type_ not in ("GPE", "NORP", "LOC") and not doc[k].is_sent_start:
            k -= 1
        if k == start - 1:
            return None
        owner = normalize(doc[k:start - 1].text)
        known = self.linker.known_names | self.linker.known_places
        if owner in known or normalize(doc[start:end].text) in known \
                or normalize(" ".join(t.text for t in doc[start:end] if t.text.rstrip(".") not in legal)) in known:
            return None
        surnames = {e[-1].lower_ for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1}
        if doc[start - 2].lower_ in surnames:
            return None
        return k

    def _coordinated_cut(self, start: int, end: int, cued: set[str], seen: set[str]) -> int | None:
        """Where NER joined two coordinated names into one span ("Rusal and En+ Group", "Glencore and
        Nippon Steel", "the merger of Allkem and Livent"), a name met before and the next one ("Buffett, Berkshire's")
        or a listed owner and its listed firm ("Alphabet's Google"), the index of the "and", comma or possessive; None
        for one name with "and" in it ("Bureau of Industry and Security").

        start, end: the span. cued: lower-case business words. seen: names found earlier in the document.
        """
        doc = self._view
        known = self.linker.known_names
        for k in range(start + 1, end - 1):
            if doc[k].tag_ == "POS" and (normalize(doc[start:k].text) in known and normalize(doc[k + 1:end].text) in known
                                         or k - start > 1 and doc[k - 1].text.rstrip(".") in self.linker.legal_forms):
                return k  # "Alphabet's Google", "Corvane Inc's Cable Solutions": an owner, then its firm
            if doc[k].text == "," and (doc[k + 1].is_title or doc[k + 1].is_upper) and (
                    normalize(doc[start:k].text) in seen
                    or doc[end - 1].tag_ == "POS" or end < len(doc) and doc[end].tag_ == "POS"):
                return k  # "Buffett, Berkshire's chairman", "Freenet, Sunrise's largest shareholder": two names
            if doc[k].lower_ != "and" or not doc[k + 1].is_title and not doc[k + 1].is_upper:
                continue
            if end < len(doc) and doc[end].lower_ in self.linker.unit_nouns and start > 0 and doc[start - 1].tag_ == "POS":
                return None  # "CommScope's Connectivity and Cable Solutions unit": one unit's name
            # two names each complete by itself: a legal form ends the first ("Tronox Ltd and Cristal"), or the
            # list of well-known companies knows either ("Ambuja Cements and ACC", "Alibaba and Tencent")
            if doc[k - 1].text.rstrip(".") in self.linker.legal_forms and k - 1 > start \
                    or normalize(doc[start:k].text) in known or normalize(doc[k + 1:end].text) in known:
                return k
            left = doc[start:k].root
            right = doc[k + 1:end].root
            if right.dep_ == "conj" and right.head.i == left.i and not start <= left.head.i < end \
                    and (doc[end - 1].lower_.rstrip(".") in cued or normalize(doc[start:k].text) in seen
                         or left.dep_ == "pobj" and left.head.lower_ in ("of", "between")
                         and left.head.head.lemma_.lower() in _PAIR_NOUNS):
                return k
        return None

    def _before_based(self, end: int) -> bool:
        """Whether the span ending at ``end`` is the place of "X-based" or "X, Y-based".

        end: the end token index of a name span.
        """
        doc = self._view
        k = end
        if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].ent_type_ in ("GPE", "LOC", "ORG") \
                and doc[k + 1].is_title:
            k += 2  # "McLean, Virginia-based": skip the state
            while k < len(doc) and doc[k].ent_iob_ == "I":
                k += 1
        return k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ \
            and doc[k + 1].lower_ in ("based", "headquartered")

    def _firm_noun(self, tok: Token) -> bool:
        """Whether a common noun says its referent is a company ("chipmaker", "firm", "unit", "lender").

        tok: the noun.
        """
        lemma = tok.lemma_.lower()
        if lemma in _PERSON_NOUNS:
            return False
        kinds = self.linker.rules.descriptions.get(lemma, ((),))[0]
        return lemma.endswith("maker") or lemma in self.linker.rules.org_descriptors or "Company" in kinds

    def _cued(self, tok: Token) -> bool:
        low = tok.lower_.rstrip(".")
        return low in self.linker.heads or low in self.linker.suffixes or any(low in c for _, c in self.linker.cues)

    def _name(self, start: int, end: int) -> str:
        """The display name of a token span: no leading article or trailing possessive.

        start, end: the span.
        """
        return _clean(self.doc[start:end].text)

    def _join_units(self, raw: list) -> list:
        """Join an organization name and a place name written right after it ("Three UK",
        "Vodafone Italia", "Banco Bilbao Vizcaya Argentaria"): a unit or the full name, not two entities.

        raw: the mentions found so far, sorted by start.
        """
        doc, out = self.doc, []
        for r in raw:
            if out and out[-1][3] == "ORG" and r[3] in ("GPE", "LOC") and out[-1][1] == r[0] \
                    and doc[r[0] - 1].whitespace_ and not doc[r[0]].is_sent_start and r[1] - r[0] == 1 \
                    and (r[1] >= len(doc) or doc[r[1]].pos_ != "PROPN"):
                prev = out.pop()
                out.append((prev[0], r[1], self._name(prev[0], r[1]), "ORG", prev[4] or r[4]))
                continue
            out.append(r)
        return out

    def _prefer_gazetteer(self, raw: list) -> list:
        """Replace NER spans that lie inside a longer gazetteer name by that name.

        raw: the mentions found so far as (start, end, name, label, alias).
        """
        matcher = self.linker.gazetteer_matcher
        if matcher is None or not raw:
            return raw
        hits = sorted(((s, e, mid) for mid, s, e in matcher(self.doc)), key=lambda h: (h[0] - h[1], h[0]))
        for s, e, mid in hits:
            inside = [r for r in raw if r[0] < e and s < r[1]]
            if inside and all(s <= r[0] and r[1] <= e for r in inside) and any((r[0], r[1]) != (s, e) for r in inside):
                raw = [r for r in raw if r not in inside]
                raw.append((s, e, self._name(s, e), self.linker._gaz_label[mid], next((r[4] for r in inside if r[4]), None)))
        raw.sort(key=lambda r: r[0])
        return raw

    def _coordinated_names(self, raw: list) -> list:
        """Names coordinated with organizations are organizations ("Google, Apple, Facebook and Amazon").

        raw: the mentions found so far as (start, end, name, label, alias). Untagged proper nouns in
        the coordination become ORG mentions; names NER typed as unknown places become ORG.
        """
        doc, linker = self._view, self.linker
        org_tokens = {i for r in raw if r[3] == "ORG" for i in range(r[0], r[1])}
        taken = {i for r in raw for i in range(r[0], r[1])}
        out = []
        for r in raw:
            key = normalize(r[2])
            if (r[3] in ("GPE", "LOC") or r[3] == "PERSON" and r[1] - r[0] == 1) and key not in linker.countries \
                    and key not in linker.by_surface and key not in linker.metonyms:
                root = doc[r[0]:r[1]].root
                if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
                    if any(c.i in org_tokens for c in root.conjuncts):
                        r = (r[0], r[1], r[2], "ORG", r[4])  # "made by Nvidia and AMD Inc", "Visa and Mastercard"
            out.append(r)
        for tok in doc:
            if tok.lower_ in linker.unit_nouns and tok.pos_ == "NOUN":
                # "the Circle K convenience chain", "its Instant On business": a named unit or brand
                e = tok.i
                while e - 1 >= 0 and doc[e - 1].is_lower and doc[e - 1].pos_ in ("NOUN", "ADJ") and tok.i - e < 3:
                    e -= 1
                s = e
                while s - 1 >= 0 and (doc[s - 1].is_title or doc[s - 1].is_upper and doc[s - 1].is_alpha) \
                        and doc[s - 1].ent_type_ in ("", "PRODUCT", "WORK_OF_ART") and s - 1 not in taken \
                        and not doc[s - 1].is_sent_start:
                    s -= 1
                if s < e and s > 0 and doc[s - 1].lower_ in ("the", "its", "their") and e - s <= 4:
                    name = _clean(doc[s:e].text)
                    if name and normalize(name) not in linker.rules.not_names:
                        out.append((s, e, name, "ORG", None))
                        taken.update(range(s, e))
                continue
            if tok.pos_ != "PROPN" or tok.i in taken or tok.ent_type_ and tok.ent_type_ not in _MISLABELS \
                    or tok.ent_type_ == "NORP" or not (tok.is_title or _CAMEL.match(tok.text)) \
                    or normalize(tok.text) in linker.countries:
                continue
            coordinated = (tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)) and any(
                c.i in org_tokens and doc[c.i].pos_ == "PROPN" for c in tok.conjuncts)
            # "Tesla, which ships cars", "Fastweb, its own Italian subsidiary"
            described = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," and any(
                c.dep_ == "relcl" and any(w.lower_ == "which" and w.dep_ in ("nsubj", "nsubjpass") for w in c.children)
                or c.dep_ == "appos" and c.pos_ == "NOUN" and self._firm_noun(c) for c in tok.children)
            if not (coordinated or described):
                continue
            s, e = tok.i, tok.i + 1
            while s - 1 >= 0 and doc[s - 1].pos_ == "PROPN" and (doc[s - 1].is_title or doc[s - 1].is_upper) \
                    and s - 1 not in taken and not doc[s].is_sent_start and not doc[s - 1].ent_type_:
                s -= 1
            while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].is_title and e not in taken \
                    and not doc[e].is_sent_start and not doc[e].ent_type_:
                e += 1  # "Hualong Microelectronics" however the parser attached it
            name = _clean(doc[s:e].text)
            if name and normalize(name) not in linker.rules.not_names and normalize(name) not in linker.countries:
                out.append((s, e, name, "ORG", None))
                taken.update(range(s, e))
        return out

    def _argument_names(self, raw: list) -> list:
        """Capitalised names NER missed that are the subject or object of a deal word ("acquired Quillon").

        raw: the mentions found so far as (start, end, name, label, alias).
        """
        doc, rules = self.doc, self.linker.rules
        taken = {i for r in raw for i in range(r[0], r[1])}
        out = []
        tags = doc.to_array([POS]).tolist()  # Token objects only for proper nouns
        for tok in (doc[i] for i, pos in enumerate(tags) if pos == PROPN):
            # "Arcelor's board backed ...": only a firm has a board or shareholders
            owner = tok.dep_ == "poss" and tok.head.lemma_.lower() in ("board", "shareholder", "director")
            if not (tok.is_title or _CAMEL.match(tok.text)) or tok.i in taken \
                    or tok.dep_ not in _ARG_DEPS and not owner or tok.ent_type_ and tok.ent_type_ not in _MISLABELS \
                    or tok.is_sent_start and tok.dep_ != "nsubj" and not owner:
                continue
            if not owner and not self._deal_argument(tok):
                continue
            s = tok.i
            while s - 1 >= tok.sent.start and doc[s - 1].dep_ == "compound" and doc[s - 1].pos_ == "PROPN" \
                    and doc[s - 1].is_title and s - 1 not in taken:
                s -= 1
            name = _clean(doc[s:tok.i + 1].text)
            if name and normalize(name) not in rules.not_names and normalize(name) not in self.linker.countries:
                out.append((s, tok.i + 1, name, "ORG", None))
                taken.update(range(s, tok.i + 1))
        return out

    def _deal_argument(self, tok: Token) -> bool:
        """Whether a proper noun is the subject or object of a deal word ("acquired Quillon", "Quillon's bid")."""
        rules = self.linker.rules
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        lemma = head.lemma_.lower()
        if tok.dep_ == "nsubj" and lemma in rules.support_verbs and any(
                c.dep_ == "dobj" and c.lemma_.lower() in rules.noun_triggers for c in head.children):
            head = next(c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in rules.noun_triggers)
            lemma = head.lemma_.lower()
        if tok.dep_ == "pobj" and tok.head.lower_ not in ("for", "in", "of", "with", "against", "on", "by", "from", "to"):
            return False
        if head.pos_ in ("VERB", "AUX"):
            # "Pfizer agreed to buy Seagen": also the subject of the deal verb's governing verb
            # "Euromoney Institutional Investor agreed to a takeover by X": the deal noun after the verb
            return lemma in rules.verb_triggers or tok.dep_ == "nsubj" and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in rules.verb_triggers for c in head.children) \
                or tok.dep_ == "nsubj" and any(c.dep_ == "prep" and p.dep_ == "pobj" and p.lemma_.lower() in rules.noun_triggers
                                               for c in head.children for p in c.children)
        return lemma in rules.noun_triggers

    def _titled_names(self, raw: list) -> list:
        """A person's name NER tagged only the end of: "Rio Tinto chief executive Jean-Sebastien Jacques" (ORG
        "Jean-Sebastien", PERSON "Jacques"), "Vertex chief executive Reshma Kewalramani", "Laxman Narasimhan led
        Reckitt" (PERSON "Narasimhan"). The name grows back over the capitalised words (and hyphens) of its
        noun phrase, up to a title or over words NER left untagged; what NER made of those words goes.

        raw: the mentions found so far as (start, end, name, label, alias).
        """
        doc, roles = self.doc, self.linker.rules.role_heads
        out, drop = [], set()
        for r in raw:
            start, end = r[0], r[1]
            if r[3] != "PERSON":
                out.append(r)
                continue
            k = start
            while k > 0 and not doc[k].is_sent_start and (
                    doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and doc[k - 1].head.i in range(k, end)
                    and doc[k - 1].lower_ not in roles and not self._cued(doc[k - 1])
                    or doc[k - 1].text == "-" and k > 1 and doc[k - 2].pos_ == "PROPN" and doc[k - 2].is_title):
                k -= 1
            untagged = all(not t.ent_type_ and t.text != "-" for t in doc[k:start]) and not any(
                self._cued(t) for t in doc[start:end])  # "Laxman" + PERSON "Narasimhan", not "Mankind" + "Pharma"
            if k < start and doc[k].text != "-" and (k > 0 and doc[k - 1].lower_ in roles or untagged):
                drop.update(range(k, start))
                out.append((k, end, _clean(doc[k:end].text), "PERSON", r[4]))
            else:
                out.append(r)
        return [r for r in out if not set(range(r[0], r[1])) <= drop]  # what NER made of the grown-over words

    def _titled_organizations(self, raw: list) -> list:
        """A person NER tagged an organization, told by the job title after the name: "Samantha Power, the United
        States ambassador to the United Nations, said" (a firm has no such title). Only two or three capitalised
        words, the last no legal form, as a clause's subject (not "has no plans to buy Glenmore Stores, a spokesman
        for X said", the title parsed onto the object).

        raw: the mentions found so far as (start, end, name, label, alias).
        """
        doc, roles = self.doc, _PERSON_ONLY_ROLES  # not "manager": "Engen Management, the tanker's manager"
        out = []
        for r in raw:
            start, end, label = r[0], r[1], r[3]
            words = doc[start:end]
            if label == "ORG" and 2 <= end - start <= 3 and end < len(doc) and doc[end].text == "," \
                    and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in words) \
                    and normalize(words[-1].text) not in self.linker.suffixes and words.root.dep_ in ("nsubj", "nsubjpass"):
                title = next((c for c in doc[end - 1].children if c.dep_ == "appos" and c.i > end and c.pos_ == "NOUN"
                              and c.lower_ in roles and any(k.dep_ in ("det", "poss") for k in c.children)), None)
                if title is not None:
                    self._titled_starts.add(start)
                    out.append((start, end, r[2], "PERSON", r[4]))
                    continue
            out.append(r)
        return out

    def _employer_names(self, raw: list) -> list:
        """A capitalised name NER missed right before a business title and a person's name: the employer
        ("Cerner chief executive David Feinberg", "Xilinx boss Victor Peng").

        raw: the mentions found so far as (start, end, name, label, alias).
        """
        doc, rules = self.doc, self.linker.rules
        taken = {i for r in raw for i in range(r[0], r[1])}
        roles = rules.role_heads - _STATE_ROLES
        out = []
        for start, _, _, label, _ in raw:
            if label != "PERSON":
                continue
            j = start - 1
            while j >= 0 and j not in taken and doc[j].lower_ in rules.role_modifiers | rules.role_heads:
                j -= 1
            if j == start - 1 or doc[start - 1].lower_ not in roles or j < 0 or j in taken:
                continue
            tok = doc[j]
            # "Rite Aid chief executive X": a capitalised word inside the sentence may be tagged a common noun;
            # "Implats chief executive X", "Freeport chief executive X" open a sentence as a plural noun or an
            # adjective, and "Meituan chief executive X" is tagged a nationality: no dictionary word, so a name
            word = not tok.is_stop and tok.lower_ not in rules.role_blockers and not self.linker.common_word(tok.lower_)
            proper = tok.pos_ == "PROPN" or tok.pos_ in _NAME_POS and not tok.is_sent_start and not tok.is_stop \
                or tok.pos_ in _NAME_POS | {"INTJ", "X"} and word
            if not proper or not (tok.is_title or tok.is_upper or _CAMEL.match(tok.text)) \
                    or tok.ent_type_ and tok.ent_type_ not in _MISLABELS | {"ORG"} \
                    or tok.ent_type_ == "NORP" and (not word or tok.lower_ in rules.demonyms):
                continue
            s = j
            while s - 1 >= tok.sent.start and s - 1 not in taken and doc[s - 1].is_title and not doc[s - 1].is_stop \
                    and (doc[s - 1].pos_ == "PROPN" or doc[s - 1].pos_ in _NAME_POS and s < j + 1 and tok.pos_ != "PROPN"):
                s -= 1
            name = _clean(doc[s:j + 1].text)
            if name and normalize(name) not in rules.not_names and normalize(name) not in self.linker.countries \
                    and normalize(name) not in self.linker.known_places:
                out.append((s, j + 1, name, "ORG", None))
                taken.update(range(s, j + 1))
        return out

    def _new_cluster(self, name: str, label: str, entry: GazetteerEntry | None, first: int) -> int:
        ci = len(self.clusters)
        if entry is not None:
            c = Cluster(name=entry.name, type=entry.type, label=label, gazetteer_id=entry.id, first=first)
            self._gaz_cluster[entry.id] = ci
        else:
            c = Cluster(name=name, type=self.linker.type_of(name, label), label=label, first=first)
        c.core = self.linker.core(c.name)
        self.clusters.append(c)
        self._name_cluster.setdefault(normalize(c.name), ci)
        return ci

    def _add_alias(self, ci: int, text: str, lang: str | None = None) -> None:
        c = self.clusters[ci]
        if text != c.name and text not in c.aliases:
            c.aliases[text] = lang
        self._name_cluster.setdefault(normalize(text), ci)

    def _assign(self, mi: int, alias: Alias | None) -> None:
        m = self.mentions[mi]
        key = normalize(m.text)
        entry = self.linker.by_surface.get(key)
        if entry is None and key in self.linker.metonyms and m.label in ("GPE", "LOC"):
            # a bare metonym with no place entry ("Beijing"): a Place mention
            entry = None
        ci = None
        if entry is not None:
            ci = self._gaz_cluster.get(entry.id)
            if ci is None:
                ci = self._new_cluster(m.text, m.label, entry, m.start)
        elif key in self._name_cluster:
            ci = self._name_cluster[key]
        elif m.label not in ("GPE", "LOC") and key not in self.linker.countries:
            ci = self._short_form(m)
            if ci is None and _ACRONYM_ONLY.match(m.text):
                ci = self._acronym_of(m.text)
        elif key not in self.linker.countries and key not in self.linker.metonyms:
            # "Redgum" after "Redgum Minerals": NER took the short form for a place
            ci = self._short_form(m)
            if ci is not None and (self.clusters[ci].type != "Company"
                                   or not normalize(self.clusters[ci].name).startswith(key + " ")):
                ci = None
        if ci is None:
            ci = self._new_cluster(m.text, m.label, None, m.start)
        m.cluster = ci
        self._add_alias(ci, m.text)
        if alias is not None:
            self._add_alias(ci, alias.text, alias.lang)
        c = self.clusters[ci]
        c.first = min(c.first, m.start)

    def _acronym_of(self, text: str) -> int | None:
        """The one organization whose initials an all-capitals name spells ("HPE" = Hewlett Packard
        Enterprise Co, "TSMC" = Taiwan Semiconductor Manufacturing Co, "BBVA").

        text: the acronym as written.
        """
        hits = set()
        for ci, c in enumerate(self.clusters):
            if c.type not in ("Company", "Organization", "GovernmentBody") or c.label in ("GPE", "LOC"):
                continue
            for name in (c.name, *c.aliases):
                words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper() or w[:1].isdigit()]
                bare = [w for w in words if w.rstrip(".") not in self.linker.legal_forms]
                # "TD" = Toronto-Dominion Bank: the initials without a closing business head noun
                headless = bare[:-1] if len(bare) > 2 and bare[-1].lower() in self.linker.heads else bare
                if text in {"".join(w[0] for w in ws) for ws in (words, bare, headless)} and len(words) > 1:
                    hits.add(ci)
        return hits.pop() if len(hits) == 1 else None

    def _short_form(self, m: Mention) -> int | None:
        core = self.linker.core(m.text)
        if not core:
            return None
        # equal cores count: "SoftBank" after "SoftBank Group Corp" (only legal forms differ); a name with its
        # own legal form is a full name, not a short form of a longer one ("Kellogg Co" vs "WK Kellogg Co")
        full = m.text.split()[-1].rstrip(".") in self.linker.legal_forms and len(m.text.split()) > 1
        # a longer name first written after this one is not what it abbreviates ("Shell agreed to sell its
        # subsidiary, Shell Petroleum Development Company of Nigeria"): wire copy names in full first
        hits = {ci for ci, c in enumerate(self.clusters)
                if c.label not in ("GPE", "LOC") and core <= c.core and not self.linker.unit_words(c.core - core)
                and not (full and core != c.core) and not (core != c.core and c.first > m.start)
                and not (core != c.core and self._named_apart(m, ci))
                and not (core != c.core and self._generic_tail(core, c.name))}
        return hits.pop() if len(hits) == 1 else None

    def _generic_tail(self, core: frozenset[str], name: str) -> bool:
        """Whether a one-word short form is only the business noun that ends a longer name ("Media" of "Wenner
        Media" in "sold its titles to American Media"): writers shorten a name to its distinctive first words."""
        if len(core) != 1:
            return False
        (word,) = core
        return word in self.linker.heads and normalize(name).split()[0] != word

    def _named_apart(self, m: Mention, ci: int) -> bool:
        """Whether a shorter name is a firm apart from the longer name of cluster ``ci`` named before it in its
        sentence: the short name comes with its country, a descriptive noun, or as the owner of a unit or the
        seller ("buy Acciona Windpower from Spain's Acciona", "Oi Movel, the mobile unit of Brazilian carrier
        Oi"); a bare short name after the full one is the same firm ("... Kelvane Therapeutics, betting that
        Kelvane's drug ...")."""
        sent = self.doc[m.start].sent
        if not any(o is not m and o.cluster == ci and sent.start <= o.start < m.start for o in self.mentions):
            return False
        # the short name must be marked as a firm of its own, as writers do when both are in one sentence
        # (a bare "Kelvane" or "Dublin-based Endo" after the full name is the same firm)
        root = self.doc[m.end - 1]
        if any(k.dep_ == "poss" and (k.ent_type_ in ("GPE", "NORP", "LOC") or normalize(k.text) in self.linker.countries)
               for k in root.children):
            return True  # "Spain's Acciona", "Canada's Bombardier"
        if any(k.dep_ in ("compound", "nmod", "amod") and k.i < m.start and (k.pos_ == "NOUN" or k.ent_type_ == "NORP")
               for k in root.children):
            return True  # "Brazilian carrier Oi", "Russian state oil company Rosneft"
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in ("of", "from") and (
                head.lower_ == "from" and head.head.pos_ == "VERB"
                or head.head.lemma_.lower() in _POSSESSED_PARTS or head.head.lemma_.lower() in self.linker.unit_nouns):
            return True  # "the rail unit of Bombardier", "buy Acciona Windpower from Acciona"
        return False

    def _propagate(self) -> None:
        """Tag occurrences of known organization names that NER missed."""
        surfaces: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for m in self.mentions:
            c = self.clusters[m.cluster]
            if c.type in ("Person", "Place", "Country") or m.label in ("GPE", "LOC"):
                continue
            words = tuple(t.text for t in self.doc[m.start:m.end])
            if len(m.text) >= 3 and words:
                surfaces.setdefault(words[0], []).append((words, m.cluster))
                short = words
                while len(short) > 1 and short[-1].rstrip(".") in self.linker.legal_forms:
                    short = short[:-1]  # "Seven & i" after "Seven & i Holdings Co"
                if short != words and (len(short) > 1 or len(short[0]) >= 4 and short[0][:1].isupper()) \
                        and normalize(" ".join(short)) not in self.linker.countries:
                    surfaces.setdefault(short[0], []).append((short, m.cluster))
        if not surfaces:
            return
        doc, tm = self.doc, self.token_mention
        n = len(doc)
        strings = doc.vocab.strings
        orth = doc.to_array([ORTH]).tolist()  # word ids: no Token objects for the words no name starts with
        first = {strings.add(w): w for w in surfaces}
        for i in (i for i, o in enumerate(orth) if o in first and tm[i] == -1):
            for words, ci in sorted(surfaces[first[orth[i]]], key=lambda w: -len(w[0])):
                end = i + len(words)
                if end <= n and all(tm[j] == -1 and orth[j] == strings.add(w) for j, w in zip(range(i, end), words)):
                    mi = len(self.mentions)
                    self.mentions.append(Mention(i, end, doc[i:end].text, "ORG", ci))
                    for j in range(i, end):
                        tm[j] = mi
                    break

    def _untagged_acronyms(self) -> None:
        """Tag the all-capitals names NER missed that spell the initials of exactly one organization of the
        document ("UNFI chairman X" after "United Natural Foods Inc"); country codes and role words are not."""
        doc, tm = self.doc, self.token_mention
        strings = doc.vocab.strings
        orth = doc.to_array([ORTH]).tolist()  # word ids: no Token objects for the words that are no acronym
        for i in (i for i, o in enumerate(orth) if tm[i] == -1 and _ACRONYM_ONLY.match(strings[o])):
            tok = doc[i]
            if tok.pos_ != "PROPN" \
                    or normalize(tok.text) in self.linker.countries or tok.lower_ in self.linker.rules.role_heads \
                    or self.linker.by_surface.get(normalize(tok.text)) is not None:
                continue
            ci = self._acronym_of(tok.text)
            if ci is not None and self.clusters[ci].first < tok.i:
                mi = len(self.mentions)
                self.mentions.append(Mention(tok.i, tok.i + 1, tok.text, "ORG", ci))
                tm[tok.i] = mi
                self._add_alias(ci, tok.text)

    def employer_name(self, tok: Token) -> int:
        """Make a one-word name before a business title a firm of the document, and return its cluster:
        "Signify chief executive X said ..." where NER tagged no entity (the tagger read "Signify" as a verb).
        An organization of the document with that name is reused."""
        ci = self._name_cluster.get(normalize(tok.text))
        if ci is None or self.clusters[ci].type not in ("Company", "Organization"):
            ci = len(self.clusters)
            c = Cluster(name=tok.text, type="Company", label="ORG", first=tok.i)
            c.core = self.linker.core(c.name)
            self.clusters.append(c)
            self._name_cluster[normalize(c.name)] = ci
        self.token_mention[tok.i] = len(self.mentions)
        self.mentions.append(Mention(tok.i, tok.i + 1, tok.text, "ORG", ci))
        return ci

    # -- lookups -----------------------------------------------------------
    def has_title(self, cluster: Cluster) -> bool:
        """Whether a cluster was named with a job title or an honorific (so it is a real person).

        cluster: one of this document's clusters.
        """
        ci = next((k for k, c in enumerate(self.clusters) if c is cluster), -1)
        if ci in self.titled:
            return True
        return any(m.cluster == ci and m.start > 0 and self.doc[m.start - 1].text.rstrip(".") in _HONORIFICS
                   for m in self.mentions)

    def entities(self) -> tuple[DocEntity, ...]:
        """Every entity of the document, in order of first mention."""
        used = sorted(range(len(self.clusters)), key=lambda ci: self.clusters[ci].first)
        return tuple(self.clusters[ci].to_entity() for ci in used)

    def sent_index(self, i: int) -> int:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        lo, hi = 0, len(self._sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._sent_starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def government_of(self, ci: int, surface: str) -> int | None:
        """The government cluster a place name stands for when it acts (metonymy)."""
        entry = self.linker.metonyms.get(normalize(surface))
        if entry is None:
            return None
        gi = self._gaz_cluster.get(entry.id)
        if gi is None:
            gi = self._new_cluster(entry.name, "ORG", entry, len(self.doc))
        self._add_alias(gi, surface)
        return gi

    def country_of_capital(self, surface: str, acting: bool) -> int | None:
        """The country a capital stands for ("measures against Minsk": Belarus), from capitals.yaml;
        its government when acting and the gazetteer lists one. None for any other place."""
        country = self.linker.rules.capitals.get(surface.lower())
        if country is None:
            return None
        entry = self.linker.by_surface.get(normalize(country))
        ci = self._gaz_cluster.get(entry.id) if entry is not None else self._name_cluster.get(normalize(country))
        if ci is None:
            ci = self._new_cluster(entry.name if entry is not None else country, "GPE", entry, len(self.doc))
        self._add_alias(ci, surface)
        if acting:
            gi = self.government_of(ci, country)
            if gi is not None:
                self._add_alias(gi, surface)
                return gi
        return ci

    def known_place(self, cluster: "Cluster") -> bool:
        """Whether an entity typed Place is a place the gazetteer, the country list or the region list knows."""
        known = self.linker.known_places
        return cluster.gazetteer_id is not None or normalize(cluster.name) in known \
            or any(normalize(a) in known for a in cluster.aliases)

    def unit_name(self, noun: Token) -> tuple[int, str] | None:
        """The business named before a unit noun when NER took the name for an unknown place ("its
        Tessane packaging business", "its Altera programmable chip unit"): the cluster, retyped Company.
        Known places, countries and regions stay places ("its Brazil unit" names no business).

        noun: a unit, business, brand or division noun.
        """
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            return None
        for k in noun.subtree:
            if k.i >= noun.i:
                break
            mi = self.token_mention[k.i]
            if mi == -1 or k.dep_ not in ("compound", "nmod", "amod"):
                continue
            m = self.mentions[mi]
            cl = self.clusters[m.cluster]
            if (cl.type == "Place" or cl.type == "Company" and m.label in ("GPE", "LOC")) and cl.gazetteer_id is None \
                    and normalize(cl.name) not in self.linker.known_places and k.lower_ not in self.linker.rules.demonyms:
                cl.type = "Company"
                return m.cluster, "mention"
        return None

    def named_after(self, tok: Token) -> Token | None:
        """The last token of the name right after a firm descriptor noun, singular or plural ("rival
        Paysphere", "chipmakers Semtra and Yanlo"), or given after a comma ("the unit, now called Kioxia"),
        or None."""
        descriptors = self.linker.rules.org_descriptors
        doc = self.doc
        if tok.pos_ == "NOUN" and tok.i + 4 < len(doc) and doc[tok.i + 1].text == ",":
            # "a stake in the unit, now called Toshiba Memory" (the participle hung on the verb)
            called = next((t for t in doc[tok.i + 2:tok.i + 4] if t.tag_ == "VBN"
                           and t.lemma_.lower() in ("call", "name", "rename")), None)
            mi = self.token_mention[called.i + 1] if called is not None else -1
            if mi != -1 and self.mentions[mi].start == called.i + 1:
                return doc[self.mentions[mi].end - 1]
        if tok.is_lower and tok.is_alpha and tok.dep_ in ("pobj", "dobj") and tok.lower_ not in descriptors:
            # "a stake in French plant extracts producer Naturex", the parser ending the phrase at "extracts": the
            # descriptor a word or two further on names its firm
            for k in range(tok.i + 1, min(tok.i + 3, len(doc) - 1)):
                if not (doc[k].is_lower and doc[k].is_alpha) or doc[k].is_stop:
                    break
                if doc[k].lower_ in descriptors and doc[k].tag_ in ("NN", "VBP", "VBZ"):
                    mi = self.token_mention[k + 1]
                    if mi != -1 and self.mentions[mi].start == k + 1:
                        return doc[self.mentions[mi].end - 1]
                    break
        if tok.pos_ != "NOUN" or tok.i + 1 >= len(self.doc) or not (
                tok.lower_ in descriptors or tok.lemma_.lower() in descriptors
                or tok.lemma_.lower().endswith("maker") and tok.lower_.endswith("s")):
            return None
        mi = self.token_mention[tok.i + 1]
        if mi == -1 or self.mentions[mi].start != tok.i + 1:
            return None
        return self.doc[self.mentions[mi].end - 1]

    def listed_after(self, tok: Token) -> Token | None:
        """The last token of the first name listed after a counted plural noun and a comma, however the
        parser attached the list ("sanctions on three hacking groups, Lazarus Group, Bluenoroff and Andariel";
        "three senior officials, Defence Minister Hulusi Akar, ..."), or None. Capitalised title words
        before the name are passed over."""
        doc = self.doc
        if tok.tag_ != "NNS" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "," \
                or not any(c.dep_ == "nummod" for c in tok.children):
            return None
        k = tok.i + 2
        while k < min(len(doc), tok.i + 6) and self.token_mention[k] == -1 and doc[k].is_title:
            k += 1
        mi = self.token_mention[k] if k < len(doc) else -1
        if mi == -1 or self.mentions[mi].start != k:
            return None
        return doc[self.mentions[mi].end - 1]

    def _named_body(self, owner: Token, head: Token) -> int | None:
        """The one government body of the document whose full name carries a cue of the domain words between
        a state and a body noun ("Britain's competition regulator": the Competition and Markets Authority),
        or None (no domain word, no such body, or two)."""
        domains = self.linker.rules.regulator_domains
        cues = {c.lower() for t in self.doc[owner.i + 1: head.i] for c in domains.get(t.lower_, ())}
        if not cues:
            return None
        found = {ci for m in self.mentions if m.cluster >= 0
                 for ci in [m.cluster] if self.clusters[ci].type == "GovernmentBody"
                 and any(f" {c} " in f" {self.clusters[ci].name.lower()} " for c in cues)}
        return found.pop() if len(found) == 1 else None

    def resolve(self, tok: Token, acting: bool) -> tuple[int, str] | None:
        """The cluster a relation argument token refers to, and how.

        tok: the argument token. acting: True for a subject/agent (metonymy applies).
        Returns (cluster index, one of mention/metonym/alias/description/pronoun) or None.
        """
        mi = self.token_mention[tok.i]
        if mi != -1:
            m = self.mentions[mi]
            if acting and m.label in ("GPE", "LOC") or acting and self.clusters[m.cluster].type in ("Country", "Place"):
                gi = self.government_of(m.cluster, m.text)
                if gi is None and self.clusters[m.cluster].type == "Place":
                    gi = self.country_of_capital(m.text, acting=True)  # "Minsk retaliated": Belarus
                if gi is not None:
                    self.clusters[gi].first = min(self.clusters[gi].first, m.start)
                    return gi, "metonym"
            return m.cluster, "mention"
        lower = tok.lower_
        country = self.linker.rules.demonyms.get(lower) if tok.ent_type_ in ("NORP", "GPE") else None
        if country is not None:
            # "tariffs on Chinese steel": the adjective stands for its country (its government when acting)
            entry = self.linker.by_surface.get(normalize(country))
            ci = self._gaz_cluster.get(entry.id) if entry is not None else self._name_cluster.get(normalize(country))
            if ci is None:
                ci = self._new_cluster(entry.name if entry is not None else country, "GPE", entry, tok.i)
            if acting:
                gi = self.government_of(ci, country)
                if gi is not None:
                    return gi, "metonym"
            return ci, "metonym"
        named = self.named_after(tok)
        if named is not None:
            # "by U.S. rival Paysphere", "on oil producers Rosvet and ...": the name right after a firm
            # descriptor, however it was parsed
            return self.resolve(named, acting)
        if tok.pos_ == "NOUN" and tok.i + 2 < len(self.doc) and self.doc[tok.i + 1].text == "," \
                and self.token_mention[tok.i + 2] != -1 and self._firm_noun(tok):
            m = self.mentions[self.token_mention[tok.i + 2]]
            after = self.doc[m.end] if m.end < len(self.doc) else None
            if m.start == tok.i + 2 and self.clusters[m.cluster].type in ("Company", "Organization") \
                    and (after is None or after.is_punct or after.is_sent_start):
                return m.cluster, "mention"  # "the combined company, Paramount Skydance Corp": parsed apart
        left = tok.left_edge.i
        if tok.pos_ == "NOUN" and left >= 2 and (tok.dep_ not in ("nsubj", "nsubjpass", "poss") or (
                self.doc[left - 2].dep_ == tok.dep_ and self.doc[left - 2].head.i == tok.head.i)) \
                and self.doc[left].lower_ in ("the", "a", "an") and self.doc[left - 1].text == "," \
                and self.token_mention[left - 2] != -1 and (self._firm_noun(tok) or tok.dep_ == "appos"
                                                            and tok.head.i < left - 2 and tok.head.pos_ == "PROPN"):
            m = self.mentions[self.token_mention[left - 2]]
            if m.end == left - 1 and self.clusters[m.cluster].type not in ("Country", "GovernmentBody"):
                # "a stake in Maziv, the fibre company that owns Vumatel": the parser hung the description on
                # the verb, but it follows the name it describes (not "..., the company said"); NER may
                # have typed the name a person or a place; "CMB, the shipping group run by X, owns ...": parsed
                # as a second subject of the name's verb; "made by Ukraine's Roshen, the confectioner owned by X":
                # any description the parser hung on a name further back
                return m.cluster, "mention"
        if tok.pos_ == "NOUN":
            # "chip designer Lumitek Semiconductor", "its unit, Meridian Home": the named entity
            if tok.dep_ == "compound" and self.token_mention[tok.head.i] != -1:
                return self.resolve(tok.head, acting)
            if tok.lower_ == "group" and tok.i > 0 and self.token_mention[tok.i - 1] != -1 \
                    and self.doc[tok.i - 1].head.i == tok.i \
                    and self.clusters[self.mentions[self.token_mention[tok.i - 1]].cluster].type == "Company":
                return self.resolve(self.doc[tok.i - 1], acting)  # "Li Ka-shing's CK Hutchison group": the firm
            for c in tok.children:
                if c.dep_ == "appos" and self.token_mention[c.i] != -1:
                    return self.resolve(c, acting)
            if acting and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in self.linker.unit_nouns \
                    and any(k.dep_ == "poss" for k in tok.children):
                # "UnitedHealth's Optum unit agreed to buy Y": the unit named before the unit noun
                named = [k for k in tok.children if k.dep_ in ("compound", "nmod") and k.pos_ == "PROPN"
                         and self.token_mention[k.i] != -1]
                if named and self.clusters[self.mentions[self.token_mention[named[-1].i]].cluster].type in (
                        "Company", "Organization"):
                    return self.mentions[self.token_mention[named[-1].i]].cluster, "mention"
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
            return self.resolve(tok.head.head, acting)  # "Sun, which was acquired by Oracle"
        if lower in PRONOUNS:
            ci = self._pronoun(tok)
            return (ci, "pronoun") if ci is not None else None
        if lower in PERSON_PRONOUNS:
            ci = self._person_pronoun(tok)
            return (ci, "pronoun") if ci is not None else None
        titled = tok.is_title and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ in self._role_words
        if tok.pos_ == "PROPN" or tok.is_title and tok.pos_ in ("NOUN", "ADJ") \
                and tok.lower_ not in self.linker.rules.descriptions or titled:
            # (or any capitalised word before a title, whatever its tag: "Berry chief executive X", tagged a verb)
            ci = self._propn_short_form(tok, people=titled)  # "Granite chief executive ...": a name tagged NOUN or ADJ
            if ci is not None:
                if self.clusters[ci].type == "Person":
                    self.clusters[ci].type = "Company"  # "Berry Global" NER took for a person has a chief executive
                return ci, "alias"
            if tok.pos_ == "PROPN" and tok.is_title:
                # "Sergei Orlov ... Orlov called the measures": a person's surname alone, when one person has it
                people = {ci for ci, c in enumerate(self.clusters)
                          if c.type == "Person" and len(c.name.split()) > 1 and c.name.split()[-1] == tok.text}
                if len(people) == 1:
                    return people.pop(), "alias"
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        # a noun phrase that is a gazetteer alias: "the US administration"
        left = [c for c in tok.lefts if c.dep_ in ("compound", "poss", "amod") and c.i >= tok.i - 4]
        if left:
            phrase = self.doc[left[0].i: tok.i + 1].text
            entry = self.linker.by_surface.get(normalize(phrase))
            if entry is not None:
                ci = self._gaz_cluster.get(entry.id)
                if ci is None:
                    ci = self._new_cluster(entry.name, "ORG", entry, tok.i)
                self._add_alias(ci, _clean(phrase))
                return ci, "alias"
        kinds = self.linker.rules.descriptions.get(tok.lemma_.lower(), ((),))[0]
        if tok.lemma_.lower() == "state" and (tok.tag_ == "NNS" or any(
                c.dep_ == "det" and c.lower_ in ("every", "each", "any", "a", "another") for c in tok.children) or any(
                c.dep_ in ("amod", "compound", "nmod") and c.text in ("US", "U.S.", "American") for c in tok.children)):
            return None  # "claims by nearly every US state", "a US state": one of a federation's states, not a nation
        if kinds == frozenset({"GovernmentBody"}):
            # "Canada's finance ministry", "the Dutch competition regulator": a state's own body, named by
            # the phrase (the gazetteer, tried above, knows the big ones under their full names)
            rules = self.linker.rules
            owner = next((c for c in tok.lefts if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP")
                          and (c.text in rules.countries or c.lower_ in rules.demonyms)), None)
            place = next((x for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.children
                          if x.dep_ == "pobj" and self.token_mention[x.i] != -1), None) if owner is None else None
            if place is not None:
                # "the commerce ministry in Beijing": a body of the state that place stands for
                m = self.mentions[self.token_mention[place.i]]
                gi = self.government_of(m.cluster, m.text)
                if gi is not None:
                    return gi, "metonym"
            if owner is not None and tok.tag_ in ("NNS", "NNPS"):
                gov = self.resolve(owner, acting=True)  # "Chinese regulators": no one body, the state acts
                if gov is not None:
                    return gov[0], "metonym"
            if owner is not None:
                named = self._named_body(owner, tok)
                if named is not None:
                    return named, "description"  # "Britain's competition regulator" ... "the Competition and Markets Authority"
                phrase = _clean(self.doc[owner.i: tok.i + 1].text)
                ci = self._name_cluster.get(normalize(phrase))
                if ci is None:
                    ci = self._new_cluster(phrase, "ORG", None, tok.i)
                    self.clusters[ci].type = "GovernmentBody"
                return ci, "description"
        if tok.lemma_.lower() in _GOVERNMENT_NOUNS:
            # "the Japanese government", "the Dutch government": a state named by its adjective
            owner = next((c for c in tok.children if c.dep_ == "poss" and self.token_mention[c.i] != -1
                          and self.mentions[self.token_mention[c.i]].label in ("GPE", "LOC")), None) or next(
                (x for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children
                 if x.dep_ == "pobj" and self.token_mention[x.i] != -1
                 and self.mentions[self.token_mention[x.i]].label in ("GPE", "LOC")), None)
            if owner is not None:
                # "Australia's government", "the government of Tanzania": the state's government
                m = self.mentions[self.token_mention[owner.i]]
                gi = self.government_of(m.cluster, m.text)
                if gi is not None:
                    return gi, "metonym"
                if self.clusters[m.cluster].type == "Country":
                    return m.cluster, "metonym"  # a country with no government entry acts as itself
            adj = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
            if adj:
                name = f"{adj[0].text} {tok.lower_}"
                entry = self.linker.by_surface.get(normalize(name))
                ci = self._gaz_cluster.get(entry.id) if entry is not None else self._name_cluster.get(normalize(name))
                if ci is None:
                    ci = self._new_cluster(name, "ORG", entry, tok.i)
                    if entry is None:
                        self.clusters[ci].type = "GovernmentBody"
                return ci, "alias"
            place = next((x for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
                          for x in p.children if x.dep_ == "pobj" and self.token_mention[x.i] != -1), None)
            if place is not None:
                # "the government in Berlin": the state of that place
                gi = self.government_of(self.mentions[self.token_mention[place.i]].cluster, self.mentions[self.token_mention[place.i]].text)
                if gi is not None:
                    return gi, "metonym"
            if not adj and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not (
                    place is not None or any(c.dep_ in ("amod", "compound", "poss") for c in tok.children)):
                # a bare "the government": the one government named in this or the two previous sentences
                si = self.sent_index(tok.i)
                lo = self._sent_starts[max(0, si - 2)]
                found = set()
                for t in self.doc[lo:tok.i]:
                    if t.lemma_.lower() in _GOVERNMENT_NOUNS and t.i != tok.i and any(
                            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") or c.dep_ == "prep"
                            for c in t.children):
                        res = self.resolve(t, acting)
                        if res is not None and self.clusters[res[0]].type == "GovernmentBody":
                            found.add(res[0])
                if len(found) == 1:
                    return found.pop(), "description"
        if tok.lemma_.lower() in self.linker.rules.descriptions and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its") for c in tok.children):
            ci = self.description(tok)
            return (ci, "description") if ci is not None else None
        return None

    def _propn_short_form(self, tok: Token, people: bool = False) -> int | None:
        """The one organization whose name contains this untagged proper noun ("Talbot" -> Talbot Brewing Co).

        tok: a PROPN token that is not part of a mention. people: a "person" of two or more words whose name
        begins with the token counts too (NER's guess at a firm's name, "Berry Global").
        """
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and self.token_mention[c.i] == -1]
        core = self.linker.core(" ".join(t.text for t in (*words, tok)))
        if not core:
            return None
        hits = {ci for ci, c in enumerate(self.clusters)
                if (c.type in ("Company", "Organization", "GovernmentBody") or people and c.type == "Person"
                    and len(c.name.split()) > 1 and c.name.split()[0] == tok.text and not self.has_title(c))
                and c.label not in ("GPE", "LOC")
                and core <= c.core and not self.linker.unit_words(c.core - core)
                and not (core != c.core and self._generic_tail(core, c.name))}
        return hits.pop() if len(hits) == 1 else None

    def _window(self, tok: Token, back: int) -> list[int]:
        """Clusters mentioned from ``back`` sentences before tok up to tok, most recent first."""
        si = self.sent_index(tok.i)
        lo = self._sent_starts[max(0, si - back)]
        out = []
        for m in reversed(self.mentions):
            if lo <= m.start < tok.i and m.cluster not in out:
                out.append(m.cluster)
        return out

    def description(self, tok: Token, loose: bool = False) -> int | None:
        """The cluster a description noun ("insurer", "the Japanese steelmaker") refers to, if unambiguous.

        tok: the noun; its lemma must be in the descriptions lexicon.

        In order: a name cue of the lexicon ("the insurer" -> a name with Insurance); the entity the
        document introduced with the same noun ("Israeli chipmaker Tower" ... "the chipmaker") or the
        same nationality ("the Israeli company"); the subject of the previous sentence when the
        description is the subject of its own (wire copy's "X agreed to buy Y. The company said ...");
        the only entity of a fitting type in this and the previous two sentences. Two candidates
        left at any step resolve nothing.
        """
        lemma = tok.lemma_.lower()
        types, cues = self.linker.rules.descriptions[lemma]
        if any(c.dep_ == "amod" and c.lower_ in _NEW_FIRM for c in tok.children):
            return None  # "the combined company", "the enlarged group": a firm the deal creates, named by none
        if lemma in _POSSESSED_PARTS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) \
                and not any(c.lower_ in ("parent", "holding") for c in tok.lefts):
            return None  # "sell its optical solutions group": a part of the possessor, not another firm
        fits = [ci for ci in self._window(tok, 2) if self.clusters[ci].type in types
                or loose and "Company" in types and self._maybe_firm(ci)]
        pool = fits
        if not cues and len(lemma) >= 6:
            # a name word from the noun's stem names the referent ("the distributor": SRS Distribution)
            stemmed = [ci for ci in fits if any(len(w) >= 6 and w[:6] == lemma[:6]
                                                for w in normalize(self.clusters[ci].name).split())]
            if len(stemmed) == 1 and stemmed[0] not in self._coarguments(tok):
                return stemmed[0]
        if cues:
            cue_set = {c.lower() for c in cues}
            cued = [ci for ci in fits if cue_set & set(normalize(self.clusters[ci].name).split())]
            if len(cued) == 1:
                # not an argument beside it: "TD's takeover of the lender" is not TD's own bank
                return cued[0] if cued[0] not in self._coarguments(tok) else None
            if not cued:
                # the referent may have been named earlier in the article
                earlier = {m.cluster for m in self.mentions if m.start < tok.i
                           and self.clusters[m.cluster].type in types
                           and cue_set & set(normalize(self.clusters[m.cluster].name).split())}
                if len(earlier) == 1:
                    return earlier.pop()
                if earlier:
                    return None
            else:
                pool = cued
        exclude = self._coarguments(tok)
        pool = [ci for ci in pool if ci not in exclude]
        fits = [ci for ci in fits if ci not in exclude]
        if cues and pool is not fits and len(pool) == 1:
            return pool[0]
        described = self._described()
        nationality = {self.linker.rules.demonyms.get(c.lower_) for c in tok.children
                       if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"} - {None}
        # "the US memory chipmaker": a country before the noun is a nationality, not a product
        kids = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.ent_type_ not in ("NORP", "GPE") and c.i < tok.i]
        mods = {c.lower_ for c in kids if c.pos_ in ("NOUN", "PROPN", "ADJ")}
        same = {ci for ci, facts in described.items() if self.clusters[ci].type in types and ci not in exclude
                and self._first_mention(ci) < tok.i and any(n == lemma and mods <= m for n, m, _ in facts)}
        if nationality:
            national = {ci for ci, facts in described.items() if self._first_mention(ci) < tok.i and ci not in exclude
                        and self.clusters[ci].type in types and any(nat & nationality for _, _, nat in facts)}
            if national:
                same = (same & national) or national
            # an entity introduced with another nationality is not "the Japanese company"
            pool = [ci for ci in pool if not any(nat and not nat & nationality for _, _, nat in described.get(ci, ()))]
        if len(same) == 1:
            return same.pop()
        if same:
            return None
        if any(c.pos_ == "PROPN" for c in kids):
            return None  # "the Roomba maker": a product names the firm, and we do not know whose it is
        subject = self._parallel_subject(tok)
        if subject is not None and self.clusters[subject].type in types and subject not in exclude \
                and (subject in pool or not cues):
            return subject
        if cues and pool is fits:
            return None  # no name carries the cue: "the insurer" is not just any company nearby
        if not pool and not loose:
            # no entity of a fitting type: a firm NER mistyped may be meant ("Cigna ... sued its larger rival")
            return self.description(tok, loose=True)
        if len(pool) > 1 and tok.dep_ == "poss" and tok.head.lemma_.lower() in _HOLDER_WORDS:
            # "X agreed to buy Y. A and B, the airline's two largest shareholders, back the deal": the firm whose
            # owners a story names is the one it has told as a deal's object, never as a subject
            # (not "Moncler chairman X, the company's largest shareholder": his own firm, named with his title)
            def dealt(m: Mention) -> bool:
                r = self._argument_root(m)
                head = r.head.head if r.dep_ == "pobj" and r.head.lower_ in ("for", "of") and r.head.head.pos_ == "NOUN" \
                    else r.head if r.dep_ == "dobj" else None
                return head is not None and head.lemma_.lower() in _DEAL_OBJECT_WORDS

            holder = tok.head.head if tok.head.dep_ == "appos" else None
            own = holder is not None and any(self.token_mention[t.i] != -1 and self.mentions[self.token_mention[t.i]].cluster
                                             in pool for t in holder.subtree if t.i < holder.i)
            earlier = [m for m in self.mentions if m.cluster in pool and m.start < tok.i]
            objects = {m.cluster for m in earlier if dealt(m)} - {m.cluster for m in earlier
                                                                   if self._argument_root(m).dep_ in ("nsubj", "nsubjpass")}
            if not own and not nationality and len({m.cluster for m in earlier}) > 1 and len(objects) == 1:
                return objects.pop()
        if len(pool) > 1 and not cues and tok.dep_ in ("nsubj", "nsubjpass", "poss") \
                and not any(c.lower_.endswith("-based") or c.lower_ == "based" or c.ent_type_ in ("GPE", "LOC")
                            for c in tok.subtree if c.i < tok.i):
            # (not "the Texas-based distributor", "the Augsburg company", "the Virginia pork producer": a place
            # is a new fact about the firm, often told of the object)
            # "The Chinese internet group offloaded ...", "the company's shares": a description that is its
            # clause's subject or possessor continues the one candidate already named as a subject
            subjects = list(dict.fromkeys(m.cluster for m in self.mentions if m.cluster in pool and m.start < tok.i
                                          and self._argument_root(m).dep_ in ("nsubj", "nsubjpass")))
            if len(subjects) == 1:
                return subjects[0]
        return pool[0] if len(pool) == 1 else None

    def _argument_root(self, m: Mention) -> Token:
        """The token that carries a mention's role in its clause: its root, or the first conjunct's ("A and B
        both bid": both are subjects)."""
        r = self.doc[m.start:m.end].root
        while r.dep_ == "conj" and r.head.i != r.i:
            r = r.head
        return r

    def _coarguments(self, tok: Token) -> set[int]:
        """Entities a description cannot refer to: the owner in "its rival", the other arguments of
        its verb ("expect the company to sell parts of VMware"), and the subject its clause is
        about when it is an object ("X will invest in Y, taking a stake in the chipmaker").

        tok: the description noun.
        """
        out: set[int] = set()
        tm = self.token_mention
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ == "its":
                ci = self._pronoun(c)
                if ci is not None:
                    out.add(ci)
        verb, h = None, tok
        while h.head.i != h.i:
            edge, h = h.dep_, h.head
            if edge in ("ccomp", "relcl", "parataxis"):
                break  # another clause: "X said the company would ..." may mean X
            if verb is None and h.pos_ in ("NOUN", "PROPN"):
                # "X's takeover of the lender": the lender is not X
                for c in h.children:
                    if c.dep_ == "poss" and c.i != tok.i:
                        ci = self.mentions[tm[c.i]].cluster if tm[c.i] != -1 else \
                            self._pronoun(c) if c.lower_ == "its" else None
                        if ci is not None:
                            out.add(ci)
            if h.pos_ in ("VERB", "AUX"):
                verb = verb or h
                subjects = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
                if subjects:
                    if tok.dep_ not in ("nsubj", "nsubjpass"):
                        out.update(self.mentions[tm[c.i]].cluster for c in subjects if tm[c.i] != -1)
                        for c in subjects:
                            if c.lower_ == "it" and tm[c.i] == -1:
                                ci = self._pronoun(c)  # "X said it would acquire the company": not X
                                if ci is not None:
                                    out.add(ci)
                    break
        if verb is not None:
            lo, hi = tok.left_edge.i, tok.right_edge.i
            for i in range(verb.left_edge.i, verb.right_edge.i + 1):
                if tm[i] != -1 and not lo <= i <= hi and i != verb.i:
                    m = self.mentions[tm[i]]
                    # a direct argument, not a possessor inside one ("run by Praxair's Steve Angel")
                    root = self.doc[m.start:m.end].root
                    if root.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj", "attr", "dative") \
                            and not self._in_other_clause(root, verb):
                        out.add(m.cluster)
        return out

    @staticmethod
    def _in_other_clause(tok: Token, verb: Token) -> bool:
        """Whether tok sits in a clause of its own below verb: "X, which owns 30 percent of Y, launched
        an offer for the rest of the company" -- Y is in X's relative clause, not an argument of launched."""
        h = tok
        while h.i != verb.i and h.head.i != h.i:
            if h.dep_ in ("relcl", "ccomp", "advcl", "acl", "parataxis") and h.pos_ in ("VERB", "AUX"):
                return True
            h = h.head
        return False

    def _first_mention(self, ci: int) -> int:
        return min((m.start for m in self.mentions if m.cluster == ci), default=len(self.doc))

    def _described(self) -> dict[int, list[tuple[str, frozenset[str], frozenset[str]]]]:
        """How the document introduced each entity: cluster -> [(noun lemma, modifiers, nationalities)].

        "Israeli chipmaker Tower Semiconductor" gives ("chipmaker", {}, {"Israel"}); "SMIC, China's
        biggest chipmaker" gives ("chipmaker", {"biggest"}, {}); "cloud software provider VMware"
        gives ("provider", {"cloud", "software"}, {}). Computed once per document.
        """
        if self._descr is not None:
            return self._descr
        doc, demonyms, desc = self.doc, self.linker.rules.demonyms, self.linker.rules.descriptions
        out: dict[int, list] = {}

        def fact(noun: Token) -> tuple[str, frozenset[str], frozenset[str]]:
            kids = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
            nat = frozenset(demonyms[c.lower_] for c in kids if c.lower_ in demonyms)
            return noun.lemma_.lower(), frozenset(c.lower_ for c in kids if c.lower_ not in demonyms), nat

        for m in self.mentions:
            c = self.clusters[m.cluster]
            if c.type not in ("Company", "Organization", "GovernmentBody"):
                continue
            nouns = []
            if m.start > 0 and doc[m.start - 1].pos_ == "NOUN" and doc[m.start - 1].lemma_.lower() in desc:
                nouns.append(doc[m.start - 1])  # "chipmaker Tower Semiconductor"
            root = doc[m.start:m.end].root
            nouns.extend(t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN")  # "SMIC, China's biggest chipmaker"
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                nouns.append(root.head)  # "the Japanese trading house, Mitsui"
            for noun in nouns:
                out.setdefault(m.cluster, []).append(fact(noun))
        self._descr = out
        return out

    def _parallel_subject(self, tok: Token) -> int | None:
        """The entity that was the sole main-clause subject of the previous sentence, when tok is the
        main-clause subject of its own; None otherwise.

        tok: a description noun or pronoun.
        """
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        head = tok.head
        if not (head.dep_ == "ROOT" or head.dep_ == "conj" and head.head.dep_ == "ROOT"):
            return None
        si = self.sent_index(tok.i)
        if si == 0:
            return None
        prev = self.doc[self._sent_starts[si - 1]:self._sent_starts[si]].root
        subjects = [c for c in prev.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
            return None  # "Alphabet and Microsoft both bid": either could be meant
        mi = self.token_mention[subjects[0].i]
        return self.mentions[mi].cluster if mi != -1 else None

    def _person_pronoun(self, tok: Token) -> int | None:
        """"he"/"him"/"his": the person the text is about -- the latest person who was the subject of a
        clause in this or the two sentences before, else the one person named there; None when unclear."""
        si = self.sent_index(tok.i)
        if self._sent_starts is None:
            return None
        lo = self._sent_starts[max(0, si - 2)]
        people = [m for m in self.mentions if lo <= m.start < tok.i and self.clusters[m.cluster].type == "Person"]
        if not people:
            return None
        subjects = [m for m in people if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                    and not (self.sent_index(m.start) == si and self.doc[m.end - 1].head.i == tok.head.i)]
        if subjects:
            return subjects[-1].cluster  # not "Musk said Twitter sued him" read as Musk's own subject clause
        clusters = {m.cluster for m in people}
        return clusters.pop() if len(clusters) == 1 else None

    def _pronoun(self, tok: Token) -> int | None:
        """"it"/"its": the subject of the reporting clause it sits in ("after X said it would ..."),
        else the most recent main-clause subject that is an organization; never the subject of "X remains its
        largest shareholder" itself (then the firm named last before it)."""
        ci = self._pronoun_referent(tok)
        verb = tok.head.head
        if ci is None or tok.dep_ != "poss" or tok.head.dep_ != "attr" or tok.head.lemma_.lower() not in _HOLDER_WORDS \
                or verb.lemma_.lower() not in ("be", "remain", "become"):
            return ci
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        own = self.token_mention[subj.i] if subj is not None else -1
        if own == -1 or self.mentions[own].cluster != ci:
            return ci
        # "KKR, which took Gardner Denver public in 2017, remains its largest shareholder"
        for mi in sorted({self.token_mention[k] for k in range(max(0, tok.i - 60), tok.i)} - {-1}, reverse=True):
            other = self.mentions[mi].cluster
            if other != ci and (self.clusters[other].type in ("Company", "Organization") or self._firm_like(other)):
                return other
        return None

    def _pronoun_referent(self, tok: Token) -> int | None:
        if tok.dep_ == "poss" and tok.head.dep_ == "conj" and self.token_mention[tok.head.head.i] != -1:
            # "a fee to US Foods and its private equity owners": "its" is the name it is coordinated with
            ci = self.mentions[self.token_mention[tok.head.head.i]].cluster
            if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci) \
                    or self.clusters[ci].type == "Place" and not self.known_place(self.clusters[ci]):
                return ci  # (a "place" nobody knows as one is a firm NER mistook: "fined MakeMyTrip and its unit X")
        roles = self.linker.rules.role_heads
        if tok.dep_ == "poss" and tok.head.lower_ in roles:
            # "X will be Yum China's chief executive, and Y will become its chairman": the firm of the role before
            for k in range(tok.i - 1, tok.sent.start - 1, -1):
                t = self.doc[k]
                if t.dep_ == "poss" and self.token_mention[k] != -1 and t.head.lower_ in roles:
                    ci = self.mentions[self.token_mention[k]].cluster
                    if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci):
                        return ci
                    break
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if tok.dep_ == "poss" and verb.lemma_.lower() in _CHARGING_VERBS:
            # "accused Globe Life of fraud at its American Income Life unit", "fined X over failures at its plant":
            # the party charged, named before the pronoun
            charged = next((k for k in verb.children if k.dep_ == "dobj" and k.i < tok.i
                            and self.token_mention[k.i] != -1), None)
            if charged is not None:
                ci = self.mentions[self.token_mention[charged.i]].cluster
                if self.clusters[ci].type in ("Company", "Organization") or self._firm_like(ci):
                    return ci
        if tok.dep_ == "poss" and verb.dep_ == "relcl" and self.token_mention[verb.head.i] != -1 \
                and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children):
            # "StanCorp, which sells cover through its Standard Insurance unit": the name the clause describes
            ci = self.mentions[self.token_mention[verb.head.i]].cluster
            if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci):
                return ci
        if verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            for c in verb.head.children:
                if c.dep_ == "nsubj" and self.token_mention[c.i] == -1 and c.pos_ == "NOUN":
                    # "VW's premium brand Audi said it would ...": the name in apposition to the subject noun
                    named = next((k for k in c.children if k.dep_ == "appos" and self.token_mention[k.i] != -1), None)
                    if named is not None and named.i < tok.i:
                        ci = self.mentions[self.token_mention[named.i]].cluster
                        if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody"):
                            return ci
                if c.dep_ == "nsubj" and c.i < tok.i and self.token_mention[c.i] == -1 and c.pos_ in ("NOUN", "PROPN") \
                        and c.lower_ not in PRONOUNS:
                    res = self.resolve(c, acting=True)  # "China's foreign ministry said it opposed ...": a named body
                    if res is not None and (self.clusters[res[0]].type == "GovernmentBody" or c.pos_ == "PROPN"
                                            and self.clusters[res[0]].type in ("Company", "Organization")):
                        return res[0]  # (or a firm's short name NER left untagged: "Advanz said it would appeal")
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and self.token_mention[c.i] != -1:
                    m = self.mentions[self.token_mention[c.i]]
                    ci = m.cluster
                    if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci):
                        return ci
                    if self.clusters[ci].type in ("Country", "Place"):
                        # "Beijing said it would impose sanctions": the state speaks for its government
                        gi = self.government_of(ci, m.text)
                        if gi is not None or self.clusters[ci].type == "Country":
                            return gi if gi is not None else ci
        if tok.dep_ == "poss" and tok.head.dep_ == "dobj" and tok.head.head.i == verb.i:
            # "..., while Schibsted keeps its newspapers": the firm that has the object is the clause's subject
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i and self.token_mention[c.i] != -1), None)
            if subj is not None:
                ci = self.mentions[self.token_mention[subj.i]].cluster
                if self.clusters[ci].type in ("Company", "Organization"):
                    return ci
        if tok.dep_ == "poss":
            # "with Volkswagen's share held through its Audi and Porsche brands": the firm whose possessive the
            # clause's own stake subject carries (not "Hartford's board turned down its approach": another's)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                         and self.token_mention[c.i] == -1 and c.lemma_.lower() in _WORDS["stakes"]), None)
            owner = next((k for k in subj.children if k.dep_ == "poss" and self.token_mention[k.i] != -1), None) \
                if subj is not None else None
            if owner is not None:
                ci = self.mentions[self.token_mention[owner.i]].cluster
                if self.clusters[ci].type in ("Company", "Organization"):
                    return ci
        v = verb
        for _ in range(4):
            # "Zoomlion raised its bid, but Terex scrapped its merger and agreed to sell Konecranes its unit": the
            # subject of the nearest clause up the chain of infinitives and coordinated verbs that names one
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is not None:
                if self.token_mention[subj.i] != -1 and v.i != verb.i:
                    ci = self.mentions[self.token_mention[subj.i]].cluster
                    if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci):
                        return ci
                break
            if v.dep_ not in ("xcomp", "conj") or v.head.pos_ not in ("VERB", "AUX") or v.head.i == v.i:
                break
            v = v.head
        si = self.sent_index(tok.i)
        sents = list(self.doc.sents) if si else [tok.sent]
        for k in range(si, max(-1, si - 4), -1):
            sent = sents[k] if si else sents[0]
            for s in (sent.root, *[c for c in sent.root.children if c.dep_ == "ccomp"]):
                for c in s.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                        mi = self.token_mention[c.i]
                        if mi == -1 and c.lemma_.lower() in _GOVERNING:
                            # "Acme's board approved the sale of its network": its = Acme
                            mi = next((self.token_mention[k.i] for k in c.children
                                       if k.dep_ == "poss" and self.token_mention[k.i] != -1), -1)
                        if mi != -1:
                            ci = self.mentions[mi].cluster
                            if self.clusters[ci].type in ("Company", "Organization", "GovernmentBody") or self._firm_like(ci):
                                return ci
                            if k == si and tok.dep_ != "poss" and self.clusters[ci].type == "Country":
                                # "China imposed sanctions on 28 people it accused of ...": the state of the
                                # sentence's own main clause acts through its government
                                gi = self.government_of(ci, self.mentions[mi].text)
                                return gi if gi is not None else ci
            if k == si and tok.dep_ == "nsubj" and any(a.dep_ == "advcl" or a.dep_ == "relcl" and a.head.ent_type_ == "DATE"
                                                      for a in (tok.head, *tok.head.ancestors)):
                # "The deal would be DoorDash's largest since it bought Wolt", "It is McCormick's biggest purchase
                # since 2017, when it bought French's": the one firm whose possessive the main clause gives
                owners = {self.mentions[self.token_mention[t.i]].cluster for t in self.doc[sent.start:tok.i]
                          if t.dep_ == "poss" and self.token_mention[t.i] != -1}
                owners = {ci for ci in owners if self.clusters[ci].type in ("Company", "Organization") or self._firm_like(ci)}
                if len(owners) == 1:
                    return owners.pop()
        return None

    def _maybe_firm(self, ci: int) -> bool:
        """A one-word "place" no list knows or a one-word "person" with no title ("Cigna", "Anthem"):
        NER's guesses for a firm's name, which a firm description may refer to."""
        c = self.clusters[ci]
        if len(c.name.split()) != 1 or c.gazetteer_id is not None:
            return False
        return c.type == "Place" and not self.known_place(c) or c.type == "Person" and ci not in self.titled

    def _firm_like(self, ci: int) -> bool:
        """A "place" no place list knows, with more words than a place name needs ("Kansas City Southern"):
        NER's guess, which a pronoun may still refer to as a firm."""
        c = self.clusters[ci]
        return c.type == "Place" and len(c.name.split()) > 2 and not self.known_place(c)
